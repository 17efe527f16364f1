"""A made-up news article of about 1,000 words with 25 marked attributions,
for the timing test and ``bench_enrich.py``.

Each paragraph template is written with ``[source]``, ``{cue}`` and
``<content>`` marks; ``build_article`` strips them and records the offsets.
"""

from __future__ import annotations

import re

from sayso.model import Attribution

PARAGRAPHS = [
    "[Finance Minister Anna Weber] {said} on Monday <that the harbour budget would be cut by a "
    "tenth next year>, a decision that surprised many in the coastal city.",
    "“<We have no choice but to act now, and we will act fairly>,” [Weber] {told} reporters in "
    "the capital after a long cabinet meeting that ran late into the evening.",
    "[Tom Ruiz, a spokesman for the port authority,] {said} in a statement <that the cuts "
    "would delay the dredging of the main channel by at least two years>.",
    "[He] {added} <that the authority had warned the ministry about the risks in a letter "
    "sent in the spring>, but had received no answer.",
    "[The agency], {citing} a ministry official, {reported} <that the cabinet had been divided "
    "over the plan for weeks before the vote>.",
    "[She] {insisted} <the decision was “painful but necessary” for the country's finances>, "
    "and promised a review in the autumn.",
    "Local traders were less patient. [Maria Lopez, who runs a fish market near the docks,] "
    "{said} <her takings had already fallen by a third since the spring>.",
    "“<If the ships cannot come in, we cannot sell, and then the whole street closes>,” "
    "[Lopez] {said}, standing beside empty crates.",
    "[The minister] {wrote} on Facebook <that she would visit the harbour this week to "
    "listen to the traders and the dock workers>.",
    "[Opposition leader Karl Brandt] {said} at a news conference <that the government was "
    "sacrificing the port to balance its books before the election>.",
    "[Brandt] {argued} <that the cut would cost more in lost trade than it would save>, a "
    "claim the ministry rejected within the hour.",
    "[The ministry] {said} in a post on X <that the figures cited by the opposition were "
    "outdated and misleading>.",
    "[Economists] {said} <the impact on the regional economy was hard to measure because "
    "so much of the trade passed through other ports>.",
    "[Professor Ingrid Holm of the maritime institute] {told} the BBC <that the port had "
    "been losing traffic to its neighbours for a decade>.",
    "[She] {said} <the budget cut would “only speed up a decline that began long ago”>, "
    "adding that investment had lagged for years.",
    "[Ruiz] {said} <the authority would publish its own estimate of the losses by the end "
    "of the month>.",
    "[The union representing dock workers] {said} <its members would hold a meeting on "
    "Thursday to decide whether to strike>.",
    "[Its chairman, Peter Vogel,] {told} reporters <that a strike was “a real possibility” "
    "if the cuts went ahead unchanged>.",
    "[Vogel] {said} <he had asked Weber for a meeting but had not yet received a reply from "
    "her office>.",
    "[A spokeswoman for the ministry] {said} <the minister would meet the union leaders "
    "before the end of the week>.",
    "[Interfax] {quoted} a senior port official as saying <that several shipping lines had "
    "already asked about alternative routes>.",
    "[The mayor, Jonas Berg,] {said} in an interview with local radio <that the city "
    "would look for ways to support the port>.",
    "[Berg] {said} <the city could not replace the national funding on its own>.",
    "[He] {said} <he hoped the government would reconsider once the review was published "
    "in the autumn>.",
    "[Weber] {said} <that the review would be independent and that its findings would be "
    "made public in full>.",
]

# Background sentences with no attribution, one after each paragraph above,
# to bring the article to news length.
BACKGROUND = [
    "The harbour handles most of the region's grain exports and employs several thousand "
    "people on the docks, in the warehouses and on the tugs that guide the larger ships.",
    "The cabinet meeting had been called at short notice, and several ministers arrived "
    "from the airport still carrying their luggage.",
    "Dredging keeps the channel deep enough for container ships, which have grown steadily "
    "larger over the past two decades.",
    "The letter, dated in April, set out three scenarios for the port's finances over the "
    "coming five years.",
    "The vote took place behind closed doors, and no minutes have been published.",
    "A first review of public spending was completed last year and led to cuts in road "
    "building and in the budget of the national railway.",
    "The market has stood near the docks for more than a century and draws visitors from "
    "across the province on weekends.",
    "Several stalls along the street have already closed their shutters for good, "
    "and more are expected to follow in the winter.",
    "The visit would be her first to the harbour since she took office two years ago.",
    "The election is due in the spring, and polls show the two main parties close together.",
    "The ministry has not published its own estimate of the effect on trade.",
    "The opposition figures were drawn from a study published by a business group three "
    "years ago, before the last expansion of the container terminal.",
    "Neighbouring ports have invested heavily in new cranes and deeper berths.",
    "The institute has studied shipping in the region since the nineteen-seventies and "
    "advises several coastal towns.",
    "Traffic through the port fell by almost a fifth between the last two censuses of "
    "shipping, according to published figures.",
    "The authority's accounts are audited each year by an independent firm.",
    "The union has around four thousand members, most of them dock workers and crane "
    "operators.",
    "The last strike at the port, over pensions, lasted nine days and left dozens of ships "
    "waiting at anchor off the coast.",
    "The minister's office declined to comment on the request on Tuesday evening.",
    "Union leaders met the previous minister twice during the last dispute.",
    "Shipping lines typically give several months' notice before changing their routes.",
    "The city council meets next on Wednesday and is expected to discuss the port.",
    "The national government pays for most of the port's maintenance under a law passed "
    "in the nineteen-nineties.",
    "The review is being carried out by a panel of three economists appointed in the summer.",
    "The panel will report directly to parliament.",
]

_MARK = re.compile(r"\[([^\]]*)\]|\{([^}]*)\}|<([^>]*)>")


def build_article(paragraphs: list[str] = PARAGRAPHS, repeat: int = 1) -> tuple[str, list[Attribution]]:
    """The article text and its attributions (source, cue and content
    spans only), with ``repeat`` copies of the paragraphs."""
    text = ""
    attributions = []
    for n, paragraph in enumerate(paragraphs * repeat):
        paragraph += " " + BACKGROUND[n % len(BACKGROUND)]
        spans: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
        pos = 0
        for match in _MARK.finditer(paragraph):
            text += paragraph[pos:match.start()]
            inner = next(g for g in match.groups() if g is not None)
            part = ("source", "cue", "content")[match.lastindex - 1]
            spans[part].append((len(text), len(text) + len(inner)))
            text += inner
            pos = match.end()
        text += paragraph[pos:] + "\n\n"
        # a second cue ("citing ... reported") is a relay, not the cue
        attributions.append(Attribution(spans["source"], spans["cue"][-1:], spans["content"]))
    return text, attributions
