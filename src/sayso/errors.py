"""One exception tree; every message is one line a user can act on."""


class SaysoError(Exception):
    """Base of every error sayso reports to a user."""


class InputError(SaysoError):
    """A file or record that cannot be read as an article (binary, not UTF-8, missing)."""


class ModelError(SaysoError):
    """A trained model or the spaCy pipeline is missing or unusable."""


class UsageError(SaysoError):
    """A command-line option or argument that makes no sense."""


class StoreError(SaysoError):
    """The database cannot be opened, migrated or written."""
