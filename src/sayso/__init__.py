"""sayso: who said what, on whose say-so.

    import sayso
    for a in sayso.extract(text):
        print(a.speaker, a.cue_text, a.content_text)
"""

from .errors import InputError, ModelError, SaysoError, UsageError
from .model import Attribution, CitedSource, Document, Extraction, Speaker

__version__ = "0.1.0"

__all__ = [
    "Attribution", "CitedSource", "Document", "Extraction", "InputError", "ModelError",
    "SaysoError", "Speaker", "UsageError", "extract", "Extractor", "__version__",
]


def __getattr__(name: str):
    # The extractor pulls in spaCy and the trained models: import it on first use,
    # so `import sayso` stays cheap for the store and the CLI's --help.
    if name in ("extract", "Extractor"):
        from . import extraction as module
        return getattr(module, name)
    raise AttributeError(f"module 'sayso' has no attribute {name!r}")
