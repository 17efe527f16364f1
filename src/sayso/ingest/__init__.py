"""Reading articles into Documents."""

from .sources import iter_sources
from .text import read_document, read_stdin

__all__ = ["iter_sources", "read_document", "read_stdin"]
