from datetime import date

from sayso.accounts.alignment import align_claims, side_topics
from sayso.accounts.statements import Statement, side_key
from sayso.accounts.vectors import LexicalVectorizer


def account(i, origin, content):
    return Statement(id=i, document_id=origin, position=i, content=content,
                     published=date(2026, 3, 10), origin=origin)


READOUTS = [
    account(0, "Valdor", "the two leaders agreed to reopen the Kessel border crossing to grain"),
    account(1, "Valdor", "the fishermen detained in Ostranian waters must be released"),
    account(2, "Valdor", "the call was constructive and talks would continue"),
    account(3, "Ostrania", "the presidents agreed to reopen the Kessel border crossing to grain"),
    account(4, "Ostrania", "the call was not constructive and talks would not continue"),
    account(5, "Ostrania", "Valdor was invited to join the Northern Rail project"),
]


def claims():
    vectors = LexicalVectorizer().encode([s.content for s in READOUTS])
    return {(c.left, c.right): c.relation for c in align_claims(READOUTS, vectors, threshold=0.5)}


def test_claims_both_sides_make_are_paired_and_a_denial_is_a_contradiction():
    found = claims()
    assert found[(3, 0)] == "agreement" or found[(0, 3)] == "agreement"
    assert "contradiction" in {found.get((2, 4)), found.get((4, 2))}


def test_claims_only_one_side_makes_are_marked_as_such():
    only = {left for (left, right), relation in claims().items() if relation == "only"}
    assert only == {1, 5}


def test_one_side_has_no_claims_to_align():
    one_side = [s for s in READOUTS if s.origin == "Valdor"]
    vectors = LexicalVectorizer().encode([s.content for s in one_side])
    assert align_claims(one_side, vectors) == []
    assert side_topics(one_side) == []


def test_each_side_stresses_its_own_words():
    topics = {}
    for t in side_topics(READOUTS):
        topics.setdefault(t.side, []).append(t.term)
    valdor, ostrania = topics[side_key("Valdor")], topics[side_key("Ostrania")]
    assert "fishermen" in valdor and "northern" in ostrania
    assert "kessel" not in valdor + ostrania  # both say it: no one's stress


def test_a_denial_cue_turns_the_denied_clause_into_a_contradiction():
    claim = account(0, "Ostrania", "the two countries had agreed to build the Serrin pipeline")
    denial = account(1, "Kessaria", "the two countries had agreed to build the Serrin pipeline")
    denial.cue_lemma = "deny"
    vectors = LexicalVectorizer().encode([claim.content, denial.content])
    (found,) = align_claims([claim, denial], vectors)
    assert found.relation == "contradiction"


def test_fragments_questions_and_one_articles_statements_are_never_paired():
    headline = account(0, "Presidents", "the crossing at Kessel will reopen for grain")
    body = account(1, "Foreign Ministry", "the crossing at Kessel will reopen for grain")
    headline.document_id = body.document_id = "ostrania"
    name = account(2, "Valdor", "President Tomas Oren")
    question = account(3, "Lusova", "will the crossing at Kessel reopen for grain?")
    statements = [headline, body, name, question]
    vectors = LexicalVectorizer().encode([s.content for s in statements])
    assert all(c.right is None for c in align_claims(statements, vectors))


def test_an_act_towards_someone_is_not_paired_as_a_claim_a_statement_is():
    said = account(0, "Valdor", "the crossing at Kessel would reopen for grain next week")
    also_said = account(1, "Ostrania", "the crossing at Kessel would reopen for grain next week")
    urged = account(2, "Lusova", "the crossing at Kessel would reopen for grain next week")
    said.cue_lemma, also_said.cue_lemma, urged.cue_lemma = "say", "announce", "urge"
    statements = [said, also_said, urged]
    vectors = LexicalVectorizer().encode([s.content for s in statements])
    paired = {(c.left, c.right) for c in align_claims(statements, vectors) if c.right is not None}
    assert paired == {(0, 1)} or paired == {(1, 0)}
