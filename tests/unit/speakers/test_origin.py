import pytest

from sayso.model import Attribution, CitedSource, Speaker
from sayso.speakers.origin import origin_of


@pytest.mark.parametrize("speaker, expected", [
    (Speaker("Dmitry Peskov", "PERSON", "Kremlin spokesman"), "Kremlin"),
    (Speaker("Brian Fallon", "PERSON", "spokesman for Hillary Clinton's campaign"),
     "Hillary Clinton campaign"),
    (Speaker("Josh Earnest", "PERSON", "White House press secretary"), "White House"),
    (Speaker("White House press office", "ORG"), "White House"),
    (Speaker("senior State Department official", "PERSON"), "State Department"),
    (Speaker("spokesperson for the Valdor Foreign Ministry", "PERSON"), "Valdor Foreign Ministry"),
    (Speaker("aide to Senator Ruth Kale", "PERSON"), "Ruth Kale"),
])
def test_a_proxy_stands_for_the_body_it_speaks_for(speaker, expected):
    assert origin_of(speaker, []) == expected


@pytest.mark.parametrize("speaker", [
    Speaker("Donald Trump", "PERSON", "Republican presidential nominee"),
    Speaker("Officials", "PERSON"), Speaker("Reuters", "ORG"),
    Speaker("Maria Kern", "PERSON", None), Speaker("New York Post", "ORG"),
    Speaker("conservative-leaning newspaper", "OTHER"),
])
def test_everyone_else_is_their_own_origin(speaker):
    assert origin_of(speaker, []) == speaker.name


def test_the_root_of_a_relay_chain_is_the_origin_not_the_outlet():
    tass = Speaker("Tass", "ORG")
    chain = [CitedSource("Interfax", "ORG"), CitedSource("Dmitry Peskov", "PERSON", "Kremlin spokesman")]
    assert origin_of(tass, chain) == "Kremlin"
    assert origin_of(tass, [CitedSource("two officials", "PERSON")]) == "two officials"


def test_no_speaker_no_origin():
    assert origin_of(None, []) is None


@pytest.mark.parametrize("name, expected", [
    ("Ostranian readout", "Ostranian"), ("White House statement", "White House"),
    ("Pentagon report", "Pentagon"),
])
def test_a_document_speaks_for_whoever_issued_it(name, expected):
    assert origin_of(Speaker(name, "OTHER"), []) == expected


def test_a_bare_statement_takes_the_origin_of_the_body_last_quoted():
    from sayso.extraction import extract

    text = ("The presidential office said the leaders spoke on Tuesday. The statement said the "
            "call was constructive. Officials in Drevna said nothing was agreed.\n")
    origins = [a.origin for a in extract(text)]
    assert origins == ["presidential office", "presidential office", "Drevna"]


def test_a_generic_body_takes_the_fuller_name_the_article_gave_it():
    from sayso.extraction import extract

    text = ("The Ostranian Foreign Ministry said on Friday that the claims were false. "
            "Foreign Ministry spokeswoman Dana Velic said the crew would be released. "
            "Valdor's Foreign Ministry said the boat was in international waters. "
            "A Foreign Ministry official said talks would go on. "
            "The White House said it was watching.\n")
    assert [a.origin for a in extract(text)] == [
        "Ostranian Foreign Ministry", "Ostranian Foreign Ministry", "Valdor's Foreign Ministry",
        "Valdor's Foreign Ministry", "White House"]


def test_a_generic_body_the_article_never_qualifies_is_kept():
    from sayso.speakers.origin import qualify_generic_body

    assert qualify_generic_body("Foreign Ministry", "The Foreign Ministry said so.\n", 20) == \
        "Foreign Ministry"
    assert qualify_generic_body("Clinton campaign", "The Hillary Clinton campaign said.", 30) == \
        "Clinton campaign"


def test_a_generic_body_named_in_full_only_later_is_not_taken():
    from sayso.speakers.origin import qualify_generic_body

    text = ("Foreign Ministry spokeswoman Dana Velic said the call achieved nothing. "
            "In Marenholt, the Valdoran Foreign Ministry said it regretted the remarks.\n")
    assert qualify_generic_body("Foreign Ministry", text, 40) == "Foreign Ministry"


def test_a_generic_body_is_the_publisher_when_the_publisher_is_that_body():
    from sayso.speakers.origin import qualify_generic_body

    text = "The Ministry's spokesman said the transfer was a humanitarian gesture.\n"
    assert qualify_generic_body("Ministry", text, 20, "Ostranian Ministry of Defence") == \
        "Ostranian Ministry of Defence"
    assert qualify_generic_body("presidency", text, 20, "Valdor Presidential Press Office") == \
        "Valdor Presidency"
    assert qualify_generic_body("Ministry", text, 20, "Drevna Courier") == "Ministry"
    # an outlet named after a body is not that body
    assert qualify_generic_body("Coast Guard", text, 20, "Coast Guard News") == "Coast Guard"


@pytest.mark.parametrize("role, expected", [
    ("Presidential spokesperson", "Presidency"),
    ("Valdoran presidential spokesman", "Valdoran presidency"),
    ("Government spokesperson", "Government"),
])
def test_an_adjective_before_a_proxy_stands_for_its_body(role, expected):
    assert origin_of(Speaker("Ilse Marrow", "PERSON", role), []) == expected


def test_a_representative_speaks_for_a_body_only_with_a_preposition():
    assert origin_of(Speaker("Ann Lutz", "PERSON", "former U.S. Representative"), []) == "Ann Lutz"
    assert origin_of(Speaker("Ann Lutz", "PERSON", "a representative for the union"), []) == \
        "union"


@pytest.mark.parametrize("name, role", [
    ("NY1 representative", None), ("Jane Doe", "Texas state representative"),
    ("Katherine Tai", "U.S. trade representative"),
])
def test_a_representative_before_nothing_speaks_for_no_body(name, role):
    assert origin_of(Speaker(name, "PERSON", role), []) == name


@pytest.mark.parametrize("name, expected", [
    ("Energy analysts at Vellmar-based Castell Research", "Castell Research"),
    ("producer for Yahoo Studios", "Yahoo Studios"),
    ("economist with the Bank of England", "Bank of England"),
    # not a named body, not a member of one, or not one now: their own words
    ("analysts at the bank", None), ("analyst of Middle East politics", None),
    ("resident of Dolz", None), ("lawyer from Chicago", None),
    ("reporter at Thursday's briefing", None), ("defense lawyers at Tuesday's hearing", None),
    ("former lawyer for Donald Trump", None), ("Former employees at Boeing", None),
    ("employee at Walmart who was fired last year", None),
    ("reporter for The New York Times who was detained in Egypt", None),
    ("correspondent for CNN in Kyiv", None),
])
def test_an_unnamed_member_of_a_named_body_speaks_for_it(name, expected):
    assert origin_of(Speaker(name, "PERSON"), []) == (expected or name)


def test_a_named_member_of_a_body_speaks_for_herself():
    assert origin_of(Speaker("Jane Roe", "PERSON", "economist at Castell Research"), []) == \
        "Jane Roe"


def test_the_command_of_a_force_is_the_force_without_its_acronym():
    assert origin_of(Speaker("command of the Ardesh Self-Defence Forces", "ORG"), []) == \
        "Ardesh Self-Defence Forces"
    assert origin_of(Speaker("spokesman for the Lusovan Coast Guard (LCG)", "PERSON"), []) == \
        "Lusovan Coast Guard"
    assert origin_of(Speaker("Central Command", "ORG"), []) == "Central Command"
    # only a speaker that is the command itself, and only an acronym is a gloss
    assert origin_of(Speaker("soldiers under the command of Colonel Ivanov", "PERSON"), []) == \
        "soldiers under the command of Colonel Ivanov"
    assert origin_of(Speaker("critics of the leadership of Viktor Orban", "PERSON"), []) == \
        "critics of the leadership of Viktor Orban"
    assert origin_of(Speaker("spokesman for the Communist Party of India (Marxist)", "PERSON"),
                     []) == "Communist Party of India (Marxist)"


def test_a_principal_named_by_title_and_surname_is_the_person_named_in_full():
    from sayso.extraction import extract

    text = ("Hillary Clinton spoke in Toledo on Monday. Brian Fallon, a spokesman for "
            "Mrs. Clinton, said the attack was false.\n")
    [attribution] = [a for a in extract(text) if a.speaker and a.speaker.name == "Brian Fallon"]
    assert attribution.origin == "Hillary Clinton"


@pytest.mark.parametrize("text, speaker, origin", [
    # an unclosed acronym gloss leaves the speaker's name
    ("The command of the Ardesh Self-Defence Forces (ASDF) said in a statement that the truce "
     "would hold.\n", "command of the Ardesh Self-Defence Forces", "Ardesh Self-Defence Forces"),
    # a subordinator swept into a source names no one
    ("The ruling was overturned on appeal. That Alabama Securities Commissioner Thomas Krebs "
     "said the fund had broken state law.\n", "Thomas Krebs", "Thomas Krebs"),
    # nor a linking word the parser made the verb's object
    ("The argument between Kell and Orsk grew so heated over who supported which Senate bill "
     "that New Jersey Gov. Anna Vale said the hearing was a circus.\n", "Anna Vale", "Anna Vale"),
])
def test_the_one_source_of_a_sentence_gets_its_speaker_and_origin(text, speaker, origin):
    from sayso.extraction import extract

    [attribution] = extract(text)
    assert (attribution.speaker.name, attribution.origin) == (speaker, origin)


def test_the_publisher_reaches_the_origin_through_the_extractor():
    from datetime import date

    from sayso.extraction import Extractor
    from sayso.model import Document

    text = ("Presidential spokesperson Ilse Marrow told reporters that the call had lasted "
            "fifty minutes.\n")
    found = Extractor().extract(Document("r", text, date(2026, 3, 10),
                                         publisher="Valdor Presidential Press Office"))
    assert [a.origin for a in found.attributions] == ["Valdor Presidency"]


def test_a_spokeswoman_keeps_the_body_she_was_introduced_with():
    # the Kessarian ministry is named after Velic was introduced: not hers
    from sayso.extraction import extract

    text = ("Ostrania will respond with mirror measures, Foreign Ministry spokeswoman Dana Velic "
            "said on Thursday. The Kessarian Foreign Ministry did not respond to a request for "
            "comment. In other news, Velic said the foreign minister would visit Mirenia.\n")
    origins = [a.origin for a in extract(text) if a.speaker and a.speaker.name == "Dana Velic"]
    assert origins == ["Foreign Ministry", "Foreign Ministry"]


def test_a_document_speaks_for_whoever_issued_it():
    from sayso.extraction import extract

    text = ("The ad, released on Thursday by Our Principles PAC, says Trump cannot be trusted. "
            "The ad says that Trump has used undocumented workers. "
            "A new poll from Marquette Law School found Clinton leading by 15 points.\n")
    assert [a.origin for a in extract(text)] == ["Our Principles PAC", "Our Principles PAC",
                                                 "Marquette Law School"]


def test_an_issuer_is_read_only_from_a_document_noun():
    from sayso.speakers.origin import issuer_of_document

    assert issuer_of_document("a new poll from Marquette Law School") == "Marquette Law School"
    assert issuer_of_document("a spokesman from the Pentagon") is None


def test_a_coordinated_group_with_officials_speaks_for_itself():
    from sayso.extraction import extract

    text = ("Cyber security experts and U.S. officials, however, said they believed Russia "
            "engineered the release.\n")
    [attribution] = extract(text)
    assert attribution.origin == "Cyber security experts and U.S. officials"


def test_a_document_named_again_keeps_its_issuer_past_other_speakers():
    from sayso.extraction import extract

    text = ("The ad, which is part of a $2 million buy from Harbour Action Fund, says the mayor "
            "ignored the dockers. A source familiar with the ad said the group would spend "
            "heavily to air it. The ad also says that the mayor took money from developers.\n")
    found = extract(text)
    assert [a.origin for a in found] == ["Harbour Action Fund", "source familiar with the ad",
                                         "Harbour Action Fund"]


def test_a_study_is_nobody_s_but_its_own_issuer():
    from sayso.speakers.origin import issuer_of_document
    from sayso.extraction import extract

    assert issuer_of_document("a survey of voters from Ohio") is None
    assert issuer_of_document("the ad from Monday") is None
    text = ("The mayor said the port was slow. "
            "The study found that dock workers earn less than they did in 2010.\n")
    origins = [a.origin for a in extract(text)]
    assert origins[0] == "mayor" and origins[-1] != "mayor"


def test_a_determiner_left_in_a_split_source_names_no_one(nlp):
    from sayso.speakers import enrich

    from speakers_helpers import span

    text = ("\"Never trust a clerk,\" the sign said. That quote from Harbour Commissioner "
            "Tomas Vell appeared on the front page.\n")
    source = span(text, "That") + span(text, "Harbour Commissioner Tomas Vell")
    attribution = Attribution(source, [], span(text, "Never trust a clerk,"))
    enrich(nlp(text), [attribution])
    assert attribution.speaker.name == "Tomas Vell"


class _People:
    """The registry's surname lookup over a fixed list of entities."""

    def __init__(self, *entities):
        self.entities = entities

    def people_with_surname(self, word):
        return [e for e in self.entities if e.name.split()[-1] == word]


def test_a_principal_named_by_title_and_surname_is_the_one_person_it_fits():
    from sayso.speakers import principal_in_full
    from sayso.speakers.registry import Entity

    fallon = Speaker("Brian Fallon", "PERSON", "spokesman for Mrs. Clinton")
    hillary = Entity(1, "Hillary Clinton", "PERSON", gender="f")
    bill = Entity(2, "Bill Clinton", "PERSON", gender="m")
    assert principal_in_full("Mrs. Clinton", fallon, _People(bill, hillary)) == "Hillary Clinton"
    # two women of that name: no guess; a bare surname is no title to fit
    chelsea = Entity(3, "Chelsea Clinton", "PERSON", gender="f")
    assert principal_in_full("Mrs. Clinton", fallon, _People(chelsea, hillary)) == "Mrs. Clinton"
    assert principal_in_full("Clinton", fallon, _People(hillary)) == "Clinton"
    # the one Trump of the article, of unknown sex, may not be "Mr. Trump"
    ivanka = Entity(5, "Ivanka Trump", "PERSON")
    assert principal_in_full("Mr. Trump", fallon, _People(ivanka)) == "Mr. Trump"
    # a group that speaks for itself is not the 'person' sharing its last word
    republicans = Speaker("Republicans", "NORP")
    cabin = Entity(4, "Log Cabin Republicans", "PERSON")
    assert principal_in_full("Republicans", republicans, _People(cabin)) == "Republicans"


@pytest.mark.parametrize("publisher, expected", [
    ("Lusovan Ministry of Foreign Affairs", ["Lusovan Government", "Lusovan Ministry of Foreign Affairs"]),
    # a news outlet, or a state body with more than one qualifier, says nothing of whose
    ("Drevna Courier", ["Government", "Ministry"]),
    ("Press Service of the President of Ostrania", ["Government", "Ministry"]),
])
def test_a_state_body_s_statement_speaks_of_its_own_state_s_bodies(publisher, expected):
    from datetime import date

    from sayso.extraction import Extractor
    from sayso.model import Document

    text = ("The Government will answer the sanctions in kind, a spokeswoman for the Government "
            "said on Tuesday. The Ministry said the measures were unlawful.\n")
    found = Extractor().extract(Document("s", text, date(2026, 5, 13), publisher=publisher))
    assert [a.origin for a in found.attributions] == expected
