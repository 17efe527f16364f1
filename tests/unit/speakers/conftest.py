import pytest

from sayso.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    """The real spaCy model: speaker rules read its entities and parse."""
    return load_nlp()
