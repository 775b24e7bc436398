"""What a passport question tells, for the rules applied after reading (topic_rules.py): the
pick-up service whose extra cost it asks, a damaged passport, how fast, a passport about to
expire, paying more, the urgent or regular service, a child's passport or one's own, someone of
16 or more, a passport that is not a renewal after all; and the passport topics and entries those
rules read a message as.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional

from bot.engine.context.constants import PASSPORT
from bot.engine.context.conversation import recent_messages
from bot.engine.context.readings import program_weight
from bot.folding import fold
from bot.nlu.classifier import ADULT_PASSPORT_TOPICS  # the adult passport topics, one list for the model's rules and these
from bot.nlu.phrases import applicant_is_adult, asks_price, names_a_child, names_someone_16_or_more, programs_named

# Where the citizen is, as the place to do it from (folded text): "can I renew from here?", "d'ici"
FROM_HERE = re.compile(r"\b(?:from here|from abroad|from over here|from (?:where i am|outside canada)|while (?:i'?m |i am )?(?:here|abroad|away)|"
                       r"d'ici|d'icitte|de l'etranger|a partir d'ici|depuis (?:ici|l'etranger|icitte)|"
                       # "Est-ce que je peux le renouveler de là-bas ?" after an exchange in Bordeaux
                       r"de la-bas|d'la-bas|from (?:there|over there)|"
                       r"from (?:the )?(?:uk|us|usa|states|france|england|europe|overseas))\b")
RENEW_ABROAD_ENTRY = "passport_renew.abroad"
# What a pick-up service adds to the fee, asked with nothing else of a situation (folded text):
# "ça rajoute combien", "how much extra is urgent"
ADDS = re.compile(r"\b(?:add|adds|added|extra|more|on top|rajout\w*|ajout\w*|de plus|en plus|en extra|supplement\w*|surplus)\b")
SURCHARGE_ENTRIES = (("passport_fees.urgent", re.compile(r"\burgen\w*")),
                     ("passport_fees.express", re.compile(r"\b(?:express|accelere\w*)\b")))


def service_surcharge(text: str) -> Optional[str]:
    """The fee entry of the one pick-up service a message asks the extra cost of, when it states
    no other part of a situation (whose passport, how long, where): the service's own fee."""
    from actions.situation import states_whose_passport

    folded = fold(text)
    named = [entry for entry, pattern in SURCHARGE_ENTRIES if pattern.search(folded)]
    if len(named) != 1 or not ADDS.search(folded) or states_whose_passport(text):
        return None
    return named[0]


# A damaged passport told before (folded text), and the topics a question about it is read as
_DAMAGE_WORDS = (r"(?:damaged|damage|water damaged?|torn|ripped|ruined|went through the wash|washed|soaked|"
                 # "theres a small tear on the photo page tho"
                 r"tear (?:on|in)|rip (?:on|in)|"
                 # "my child tear some pages of my passport", "tore out a page"
                 r"(?:tear|tears|tore|rip|rips|ripped) (?:out )?(?:some |a |the |two |2 |a few |one of the )?pages?|"
                 # "the photo page is peeling", "la page photo se décolle" (not "l'avion décolle")
                 r"peeling|peeled|peels|delaminat\w*|(?:se|s'est|s'est toute?|se sont) decoll\w*|"
                 # "went through the washing machine, pages stuck together", "passé dans la laveuse"
                 r"washing machine|(?:pages? )?stuck together|dans la laveuse|dans la secheuse|pages collees|"
                 # "passport went thru the washer, pages are wavy but readable"
                 r"(?:went |gone |been )?(?:thru|through) the (?:washer|wash|dryer)|(?:pages? (?:are |is |got )?)?(?:wavy|warped)|gondole\w*|"
                 r"got (?:a bit |a little |all |kinda )?wet|(?:a ete|est|a) (?:un peu |tout )?mouille\w*|"
                 r"chewed|chewed up|bitten|bit (?:my|our|his|her|the|it|into)|gnawed|scratched|burnt|burned|"
                 r"endommage\w*|abime\w*|dechire\w*|mouille\w*|brise\w*|passe dans le lavage|lave|"
                 # "mon passeport est tombe dans la piscine, la photo est toute delavee"
                 r"tombe dans (?:la piscine|l'eau|le lac|la toilette|le bain|la riviere)|"
                 # "mon passeport a pris l'eau dans mon sac, l'encre a coulé sur la page photo"
                 r"(?:a |ont |avait )?pris l'eau|l'encre (?:a |avait )?coule|(?:the )?ink (?:ran|has run|smudged|bled)|"
                 r"fell (?:in|into) (?:the |a )?(?:pool|water|lake|toilet|tub|bath|river)|delave\w*|"
                 r"mache|machee|machouill\w*|mordu|mordille\w*|gruge\w*|brule|brulee|"
                 # "mon chien a mangé le coin de mon passeport", "the dog ate the cover"
                 r"(?:a|ont|avait) mange\w*|ate (?:the |a |part of |my |his |her |our )?(?:corner|page|pages|cover|edge|it)|eaten|"
                 # "my toddler draw on my passport page with marker lol", "mon fils a dessiné sur mon passeport"
                 r"(?:drew|draw|drawn|scribbl\w*|doodl\w*|colou?red) (?:all )?(?:on|in|over) (?:my |his |her |our |the |their )?(?:passports?|pages?|it|photo)|"
                 r"(?:with|in) (?:a |an |her |his |some )?(?:marker|sharpie|felt pen|crayons?)|"
                 # (with what: "mon fils de 3 ans a dessiné au crayon sur la page photo de mon passeport")
                 r"(?:dessine|colorie|gribouill\w*|barbouill\w*) (?:(?:au|avec un|avec du|avec des) (?:crayons?|stylo|feutres?|marqueurs?) )?(?:partout )?(?:sur|dans) (?:mon |son |sa |notre |le |la |leur )?(?:passeports?|pages?|photo)|"
                 r"gribouill\w*|barbouill\w*|(?:au|avec (?:un|du|des|le)) (?:crayon feutre|feutres?|marqueurs?|crayons? de cire)|"
                 # "tous nos papiers sont détruits, y compris les passeports" after a flood
                 r"destroyed|detruit|detruits|detruite|detruites|"
                 # "les déménageurs ont écrasé une boîte et mon passeport est plié en deux"
                 r"pliee?s? en (?:deux|2)|tout plie\w*|froisse\w*|crumpled|creased|bent|folded in (?:half|two|2)|"
                 # "sa résidence a eu un dégât d'eau, son passeport est tout moisi"
                 r"moisi\w*|moldy|mouldy|mildew\w*|degat d'eau|degats d'eau)")
DAMAGED = re.compile(rf"\b{_DAMAGE_WORDS}\b(?! between)")  # "torn between Bali and Greece" is a choice
# (and the fees without a price asked: "de l'aide pour les remplacer?" after passports destroyed in a flood)
DAMAGE_TOPICS = {"passport_renew", "passport_urgent", "passport_apply_adult", "passport_renewal_eligibility", "passport_fees"}
DAMAGED_ENTRY = "passport_renew.damaged"
# ... and not said to be undamaged: "i got it when i was 25, its not damaged or anything"
NOT_DAMAGED = re.compile(r"\b(?:not|isn'?t|wasn'?t|never|no|without|pas|jamais|aucun\w*|sans)\s+(?:\w+\s+)?(?:been\s+)?"
                         rf"{_DAMAGE_WORDS}\b")


def told_damaged(said: str) -> bool:
    """The citizen said their passport is damaged, not that it is not."""
    folded = fold(said)
    return bool(DAMAGED.search(folded)) and not NOT_DAMAGED.search(folded)


HOW_FAST = re.compile(r"\b(?:how long|how fast|how quick\w*|how soon|combien de temps|delais?|vite|rapide\w*|urgent\w*|express)\b")
# Paying more to get it sooner, asked after how long it takes (folded text)
TIME_TOPICS = {"passport_processing_times"}
TIME_ASKED = {"passport_processing_times", "passport_urgent"}
LEAST_PASSPORT_WEIGHT = 0.1  # a price question this likely, alone, to be a passport's
WHERE_WORD = re.compile(r"\b(?:where|o[uù]|which office|quel bureau)\b")  # folded text
PAYS_MORE = re.compile(r"\b(?:pay (?:extra|more)|paying (?:extra|more)|pay (?:to|for) (?:get it|have it) (?:faster|sooner|quicker)|"
                       r"(?:pay|paying) (?:for|the) (?:express|urgent|rush)|"
                       r"payer (?:plus|un extra|en extra|un supplement|plus cher)|en payant (?:plus|un extra)|"
                       r"(?:je|on|si je|si on) (?:paye|paie|payes|paies) (?:plus|un extra|plus cher|un supplement))\b")


def names_a_service(text: str) -> bool:
    """The message names the urgent or the express pick-up ("plus urgent?", "with express?")."""
    folded = fold(text)
    return any(pattern.search(folded) for _, pattern in SURCHARGE_ENTRIES)


def adds_without_service(text: str) -> bool:
    """A price question of what it adds ("ça coute combien de plus") naming no service or situation."""
    from actions.situation import states_whose_passport

    return bool(ADDS.search(fold(text))) and asks_price(text) and not names_a_service(text) and not (
        states_whose_passport(text))


REGULAR_SERVICE = re.compile(r"\b(?:regular|standard|normal|normally|usual|ordinary|regulier|reguliere|normale?|ordinaire)\b")
# ADULT_PASSPORT_TOPICS (bot.nlu.classifier): an adult's own passport; asked again for a child
# under 16, it is a child's passport question
# (the renewal topics, which conversation.py reads too: constants.py)
PASSPORT_APPLICATION_TOPICS = {"passport_apply_adult", "passport_renewal_eligibility", "passport_where_apply"}
# The child named before, pointed at ("is it the same for her", "un répondant pour lui"), or the
# writer's own passport ("and mine?", "pour moi"); the writer's own passport spoken of before.
# (not a bare "il" or "elle": in French they are as often the passport, "il a été émis en 2012")
ABOUT_THEM = re.compile(r"\b(?:her|him|his|hers|she|he|lui|son|sa|ses)\b|\b(?:pour|a|à|avec) elle\b|\belle aussi\b"
                        r"|\b(?:il|elle) a (?:\d|un|une|deux|trois)", re.IGNORECASE)
# the writer's own age when their passport was issued: "quand j'avais 14 ans", "when i was 15"
OWN_AGE_THEN = re.compile(r"\b(?:when i was|i was|quand j'avais|j'avais|lorsque j'avais|at age|a l'age de|à l'âge de)\s+\d{1,2}\b",
                          re.IGNORECASE)
MINE = re.compile(r"\b(?:mine|myself|for me|me too|moi|le mien|la mienne|my own)\b", re.IGNORECASE)
OWN_PASSPORT = re.compile(r"\b(?:my|mon|ma) (?:\w+ )?(?:passe?ports?|ppt|renewal|renouvellement)\b|\bi'?m renewing\b"
                          r"|\bje (?:renouvelle|fais ma demande)\b", re.IGNORECASE)
ISSUED_UNDER_16_ENTRY = "passport_renew.issued_under_16"  # a passport issued before 16 cannot be renewed
CHILD_AGE_ENTRY = "passport_child.age"  # up to what age a child passport, and the adult one at 16


def aged_16_or_more(text: str, events: Any) -> bool:
    """The passport is for someone of 16 to 19: told in the message, or, when it tells no age,
    in the citizen's last messages."""
    told = names_someone_16_or_more(text)
    return told if told is not None else bool(names_someone_16_or_more(recent_messages(events) or ""))


def for_the_child_named(before: str, text: str) -> bool:
    """A passport follow-up about the child under 16 the conversation named ("mon fils a 7 ans",
    "ma fille a 2 ans, elle a jamais eu de passeport"): it points at them ("is it the same for
    her?"), or the conversation spoke of no passport of the writer's own; not "and mine?"."""
    if not names_a_child(OWN_AGE_THEN.sub(" ", before)) or applicant_is_adult(f"{before} {text}") or MINE.search(text):
        return False
    return bool(ABOUT_THEM.search(text)) or not (OWN_PASSPORT.search(before) or MINE.search(before))


# The whole of a group's passports asked for (folded text): "what would the whole thing cost us",
# "how much all together", "ça fait combien en tout pour nous"
ALL_OF_IT = re.compile(r"\b(?:whole thing|the whole|all of (?:it|us|them)|all (?:together|three|four|five)|altogether|"
                       r"in total|the total|total|for (?:all|us|everyone|the family|the 3|the 4)|everything|"
                       r"en tout|au total|le total|tout ca|le tout|pour (?:nous|tout le monde|la famille|toute la famille))\b")


def priced_passports(said: str, alone: Dict[str, Any], asked: str = "") -> bool:
    """What the conversation and a price question say is a passport's: how long it is valid
    ("10 year ones", "5 ans"), with whose or where, or with a passport named or likely; and no
    other of our programs named ("I worked there 10 years, how much EI?" is not). With no validity
    told, a group's passports named and the whole of them `asked` for."""
    from actions.situation import stated_validity

    named = programs_named(said)
    if named - {PASSPORT}:
        return False
    if not stated_validity(said):
        # "what would the whole thing cost us?" after "we need passports for me and my 2 kids (5
        # and 9)": the passports named, for a group the calculator reads, all of it asked
        return bool(named) and fee_situation_people(said) and bool(ALL_OF_IT.search(fold(asked)))
    return bool(named) or program_weight(alone, PASSPORT) >= LEAST_PASSPORT_WEIGHT or fee_situation_people(said)


def fee_situation_people(said: str) -> bool:
    """The conversation tells a group of passports ("a family of 4") or that they are applied for
    from abroad, as the fee calculator reads them."""
    from actions.situation import fee_situation

    found = fee_situation(said)
    return found is not None and (found.adults + found.children > 0 or found.location == "abroad")
