"""The spaCy pipeline component: ``nlp.add_pipe("sayso")``.

Results land on ``doc._.attributions`` as :class:`sayso.model.Attribution`
objects, the same ones ``sayso.extract`` returns.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ATTRIBUTE = "attributions"
PUBLISHED = "published"  # set doc._.published (a date) to resolve "on Tuesday"
PUBLISHER = "publisher"  # and doc._.publisher to read "the Ministry" in its own statement


def register_extension() -> None:
    """Register ``doc._.attributions``, ``doc._.published`` and
    ``doc._.publisher`` once per process."""
    for name in (ATTRIBUTE, PUBLISHED, PUBLISHER):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class SaysoComponent:
    """Finds attributions in a parsed Doc and enriches their speakers."""

    def __init__(self, nlp: Language, name: str, model: str,
                 min_confidence: float | None = None):
        from .extraction import build_attributor  # heavy: loads trained models
        register_extension()
        self.name = name
        self.attributor = build_attributor(model, min_confidence)

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(ATTRIBUTE, self.attributor(doc, doc._.get(PUBLISHED), doc._.get(PUBLISHER)))
        return doc


@Language.factory(
    "sayso",
    assigns=["doc._.attributions"],
    requires=["token.dep", "token.head", "token.lemma", "token.tag", "doc.sents", "doc.ents"],
    default_config={"model": "default", "min_confidence": None},
)
def make_sayso(nlp: Language, name: str, model: str,
               min_confidence: float | None = None) -> SaysoComponent:
    return SaysoComponent(nlp, name, model, min_confidence)
