"""Reading articles into Documents."""

from .text import iter_documents, read_document, read_stdin

__all__ = ["iter_documents", "read_document", "read_stdin"]
