"""Read a message in the light of the conversation, before the dialogue policies see it.

Things a citizen says that make sense only after what came before, or that ask two things:
- the answer to "are you travelling in the next two weeks?" given as a date ("my flight is in
  2 days", "je pars demain matin"): read as yes (within two weeks) or no;
- an elliptical follow-up ("and for a kid?", "what about october", "pis en novembre?", "et si je
  vis en France?"): read together with the citizen's previous message, so it keeps its topic.

- two needs in one message ("photo size? and how much is a 10 year", "je dois renouveler mon
  passeport et aussi faire une demande de NAS"): each part is read alone; the first is the
  message's intent, the second rides along as `also` and is answered after it.

The text itself is never changed (the answer action still reads "for a kid" from it); only the
intent, its ranking, the chosen knowledge entry and `also` can come from another reading. A
message read with the one before it carries that one's text as `read_with` ("pis si c'est
urgent?" after a child's fee question: the exact fee reads the child from it).
"""

from __future__ import annotations

import re
from typing import Any, Awaitable, Callable, Dict, Iterator, List, Optional, Tuple

from bot.folding import fold
from bot.knowledge import cached_knowledge, overview_id, program_of
from bot.language import Detection, detect
from bot.nlu.classifier import renormalised
from bot.nlu.phrases import (
    applicant_is_adult, asks_for_person, asks_how_in_person, asks_price, names_a_child, names_a_subject, names_another_program,
    names_rap, names_someone_16_or_more, other_service_named, programs_named, quotes_a_call, says_eligible_then_asks_how,
    sounds_lost,
    trip_within_two_weeks, wants_it_sooner,
)

FOLLOW_UP = re.compile(
    r"^\W*(?:and|also|plus|with|what about|how about|what if|and if|and for|ok and|okay and|same for|but if|but what if|"
    r"but for|ok but|okay but|et|pis|puis|et si|et pour|pis pour|pis si|pis en|et en|ok pis|ok et|pareil pour|"
    r"meme chose pour|mais si|mais pour|ok mais|oui mais)\b",
    re.IGNORECASE,
)
# "for my son?", "pour un enfant?": a short fragment that names whom the last question is for
FOR_WHOM = re.compile(r"^\W*(?:for|pour) (?:my|mon|ma|mes|me|moi|a|an|un|une|the|le|la|les|our|notre|nos)\b", re.IGNORECASE)
MAX_FOR_WHOM_WORDS = 7
MAX_UNNAMED_WORDS = 16  # a question naming none of our programs, read in the conversation's
SURE_ELSEWHERE = 0.8  # ... unless it is this sure of another program's topic on its own
LEAST_PROGRAM_WEIGHT = 0.02  # ... and only if, read alone, it gives that program this much
MAX_FOLLOW_UP_WORDS = 14  # "pis pour mon mari? il a un permis de travail ouvert"
MAX_LEANING_WORDS = 10
MAX_DOUBTFUL_WORDS = 6
MAX_SERVICE_FRAGMENT_WORDS = 3  # "plus urgent?", "with express?" after a fee question: that fee
MAX_CALL_FOR_HELP_WORDS = 8  # "y a tu quelque chose pour m'aider?" after a loan payment and a lost job
MAX_DOUBTFUL_OFF_TOPIC_WORDS = 18  # "je fais comment pour faire une demande" after losing a job, or
# "is there an office in Kelowna or do I have to drive all the way to Kamloops" after renewing in person
MAX_TOPIC_TURNS = 3  # a follow-up is read with the last question of a topic this many messages back
TRAVEL_QUESTION = "utter_ask_travel_soon"
KEEP = {"affirm", "deny", "request_human", "complaint", "stop"}
DOUBTFUL_KEEP = {"stop"}  # "does that change anything" is not surely "stop"
SMALL_TALK = {"help", "chitchat", "bot_challenge"}
OFF_TOPIC = {"out_of_scope", *SMALL_TALK}
ASKS = re.compile(r"\?|\b(?:what|how|where|when|why|who|which|comment|quoi|ou|où|quand|pourquoi|combien|quel|quelle)\b"
                  # "does that change anything", "is there a program for that", "y a tu de l'intérêt"
                  r"|^\W*(?:is|are|do|does|did|can|could|should|will|would|am|have|has)\b|\best-ce\b"
                  r"|\b(?:y a|c'est|ça|ca|faut|peux|peut|doit|dois|va|vas|fait|ont|a|est|sont)[- ]tu\b",
                  re.IGNORECASE)
DOUBTFUL_OFF_TOPIC = 0.75  # an "out of scope" this unsure, in a short message, may lean on the last one
OWN_TOPIC_SHARE = 0.6  # a follow-up read alone points at another topic of the program this clearly
OWN_TOPIC_LEAST = 0.1  # ... and is at least this likely before the program is known
# Where to go to do what the conversation is about ("ou je le fais?", "where do i send it"): the
# program's topic that answers where.
WHERE_TO_GO = {"passport_": "passport_where_apply", "ei_": "ei_apply", "sin_": "sin_apply"}
ASKS_WHERE = re.compile(
    r"\bwhere (?:do|can|should|would) (?:i|we) (?:go|apply|send|bring|take|drop|mail|submit|do)\b|\bwhere to (?:go|apply|send)\b"
    r"|\bo[uù] (?:est-ce que |est ce que |qu')?(?:je|j'|on|il faut) ?(?:le |la |les |y )?"
    r"(?:vais|va|aller|fais|fait|faire|porte|porter|apporte|apporter|envoie|envoyer|depose|dépose|deposer|déposer|applique)\b"
    r"|\b(?:je|on)\s+(?:vais|vas|va|dois aller|doit aller)\s+o[uù]\b"
    r"|\b(?:la|ma|une) demande\s+o[uù]\s*(?:exactement|au juste)?\s*\?",  # not "je peux voir ça où?"
    re.IGNORECASE)
# A where-question about the application itself ("ok and where do I send my application" after a
# photo question): where to apply, not where the last topic's own thing is done
SENDS = re.compile(r"\b(?:send|mail|submit|application|apply|form|envoi\w*|envoy\w*|poste|demande|formulaire|applique)\b",
                   re.IGNORECASE)
SURE_EVERYDAY = 0.9  # "how am i supposed to pay my hydro bill now" is this sure off topic; "please help" after a late CCB is not
SURE_OFF_TOPIC = 0.8  # a follow-up this sure alone that it is off topic, about a thing, stays off topic
# Someone the last question could be asked again for: "and for my wife?", "pis pour mon chum?"
SOMEONE = re.compile(
    r"\b(?:for|pour)\s+(?:(?:my|mon|ma|mes|our|notre|nos|the|le|la|les|a|an|un|une)\s+)?(?:[\w-]+\s+)?"
    r"(?:wife|husband|partner|spouse|son|daughter|kids?|child|children|baby|mom|mother|dad|father|parents?|"
    r"brother|sister|friend|boyfriend|girlfriend|him|her|them|me|myself|femme|mari|conjoint\w*|fils|fille|"
    r"enfants?|bebe|bébé|mere|mère|pere|père|frere|frère|soeur|sœur|ami|amie|chum|blonde|gars|"
    r"lui|elle|eux|moi)\b",
    re.IGNORECASE)
QUALIFYING_TOPICS = {"passport_child"}  # "and for a kid?" qualifies the last question
# A topic that is itself something one signs up for, and the entry that says how: "how do I sign
# up for that" after it asks for that entry
APPLIED_FOR_WITHIN = {"student_loan_rap": "student_loan_rap.how_apply"}
SIGNS_UP = re.compile(
    r"\b(?:sign (?:me |us )?up|signup|enrol+|register|subscribe|apply)\b(?! for (?:a |an |my )?(?:passport|sin|ei|ccb))"
    r"|\b(?:m'|s'|t'|nous )?inscri\w*|\bfaire (?:la|une|ma) demande\b|\bappliquer\b|\badh[eé]r\w*",
    re.IGNORECASE)
# Where the citizen is, as the place to do it from (folded text): "can I renew from here?", "d'ici"
FROM_HERE = re.compile(r"\b(?:from here|from abroad|from over here|from (?:where i am|outside canada)|while (?:i'?m |i am )?(?:here|abroad|away)|"
                       r"d'ici|d'icitte|de l'etranger|a partir d'ici|depuis (?:ici|l'etranger|icitte)|"
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
                 r"endommage\w*|abime\w*|dechire\w*|mouille\w*|brise\w*|passe dans le lavage|lave)")
DAMAGED = re.compile(rf"\b{_DAMAGE_WORDS}\b")
DAMAGE_TOPICS = {"passport_renew", "passport_urgent", "passport_apply_adult", "passport_renewal_eligibility"}
DAMAGED_ENTRY = "passport_renew.damaged"
# ... and not said to be undamaged: "i got it when i was 25, its not damaged or anything"
NOT_DAMAGED = re.compile(r"\b(?:not|isn'?t|wasn'?t|never|no|without|pas|jamais|aucun\w*|sans)\s+(?:\w+\s+)?(?:been\s+)?"
                         rf"{_DAMAGE_WORDS}\b")


def told_damaged(said: str) -> bool:
    """The citizen said their passport is damaged, not that it is not."""
    folded = fold(said)
    return bool(DAMAGED.search(folded)) and not NOT_DAMAGED.search(folded)


HOW_FAST = re.compile(r"\b(?:how long|how fast|how quick\w*|how soon|combien de temps|delais?|vite|rapide\w*|urgent\w*|express)\b")
# The citizen's own passport about to expire, a renewal (folded text; not "expired", which may
# be too long ago to renew)
EXPIRING_OWN = re.compile(r"\b(?:my|mon|ma) (?:\w+ )?(?:passport|passeport) (?:expires|is expiring|will expire|"
                          r"expire (?:en|dans|le|bientot|cette|ce|a la fin|au mois)|va expirer|expirera)\b")
# Paying more to get it sooner, asked after how long it takes (folded text)
TIME_TOPICS = {"passport_processing_times"}
WHERE_WORD = re.compile(r"\b(?:where|o[uù]|which office|quel bureau)\b")  # folded text
PAYS_MORE = re.compile(r"\b(?:pay (?:extra|more)|paying (?:extra|more)|pay (?:to|for) (?:get it|have it) (?:faster|sooner|quicker)|"
                       r"payer (?:plus|un extra|en extra|un supplement|plus cher)|en payant (?:plus|un extra))\b")


def names_a_service(text: str) -> bool:
    """The message names the urgent or the express pick-up ("plus urgent?", "with express?")."""
    folded = fold(text)
    return any(pattern.search(folded) for _, pattern in SURCHARGE_ENTRIES)


def adds_without_service(text: str) -> bool:
    """A price question of what it adds ("ça coute combien de plus") naming no service or situation."""
    from actions.situation import states_whose_passport

    return bool(ADDS.search(fold(text))) and asks_price(text) and not names_a_service(text) and not (
        states_whose_passport(text))


# Not able to pay (folded text)
CANT_PAY = re.compile(
    r"\b(?:can'?t|cannot|can not|unable to|won'?t be able to|not able to|couldn'?t|wont be able to)\s+(?:afford|pay|make (?:the |my )?payments?)\b"
    r"|\b(?:don'?t|dont|do not) (?:make|earn|have) enough\b|\bnot (?:making|earning) enough\b"
    r"|\b(?:peux|peut|pourrai|pourrais|pourra|serai|sera|suis|chu)\s+(?:pas|pu|plus)\s+(?:capable de |en mesure de )?(?:payer|rembourser|faire (?:mes|les) paiements)\b"
    r"|\bpas les moyens\b|\bpas assez (?:d'argent|de revenus?|de cash|d'income)\b|\bgagne (?:pas|pu) assez\b|\barrive pas a payer\b")
# The urgent or express service named (folded text): how long it takes is that service's time
URGENT_SERVICE = re.compile(r"\b(?:urgent|urgence|express|expedited|rush|accelere|acceleree)\b")
REGULAR_SERVICE = re.compile(r"\b(?:regular|standard|normal|normally|usual|ordinary|regulier|reguliere|normale?|ordinaire)\b")
# A topic whose answer holds another topic's question about it: "et ça prend combien de temps
# avec ça?" after the urgent service's fee is the urgent service's own time, not processing times
ANSWERED_WITHIN = {"passport_urgent": {"passport_processing_times"}}
# An adult's own passport: asked again for a child under 16, it is a child's passport question
ADULT_PASSPORT_TOPICS = {"passport_apply_adult", "passport_renew", "passport_renewal_eligibility"}
RENEWAL_TOPICS = {"passport_renew", "passport_renewal_eligibility"}
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
# A conversation about an adult passport that is not a renewal after all: a first one, one that
# cannot be renewed, a child's, a lost or stolen one (folded text)
NOT_A_RENEWAL = re.compile(
    r"\b(?:first|1st|premier|premiere|1er|1re|never (?:had|got|applied)|jamais (?:eu|fait|demande)|"
    r"can'?t renew|cannot renew|not eligible|(?:peux|peut|pouvais|pouvait) pas (?:le |la )?renouvel\w*|"
    r"pas admissible|si (?:je |j'|on )?(?:peux|peut|peu|pourrais|suis) pas|if (?:i )?(?:can'?t|cannot|am not|'?m not)|if not|sinon|"
    r"child passport|kid'?s passport|passeport (?:d'enfant|pour enfant)|"
    r"lost|stolen|perdu|perdue|vole|volee)\b")
# Whether what was just told is real: "is this real??", "c'est-tu vrai ça?", "is that legit"
IS_IT_REAL = re.compile(r"\b(?:is (?:this|that|it) (?:for )?(?:real|legit|legitimate|true|a scam|normal)|"
                        r"c'est[- ](?:tu |tu-)?(?:vrai|normal|legit|une arnaque|un scam)|est-ce (?:vrai|normal|une arnaque))\b",
                        re.IGNORECASE)
FALLBACK_CONFIDENCE = 0.3  # config.yml's FallbackClassifier threshold, as Rasa reports a fallback
CONVERSATION_CHOICE = 0.1  # the conversation's topic is always one of the clarifying choices
FEES = "passport_fees"
CHILD_AGE_ENTRY = "passport_child.age"  # up to what age a child passport, and the adult one at 16
PASSPORT = "passport_"
LOANS = "student_loan_"
# What one receives, not what one pays: "how much will i get for my kid", "combien je vais recevoir"
RECEIVES = re.compile(r"\b(?:will|would|do|could|can) (?:i|we) (?:get|receive)\b|\b(?:get|receive) (?:back|per month|a month)\b|"
                      r"\brecev\w*|\brecoi\w*|\breçoi\w*|\btouch\w*|\bdroit\b", re.IGNORECASE)
# A program's name as citizens write it, to read a follow-up in that program only.
PROGRAM_NAMES = {
    "passport_": {"en": "passport", "fr": "passeport"},
    "sin_": {"en": "SIN", "fr": "NAS"},
    "ei_": {"en": "EI", "fr": "assurance-emploi"},
    "ccb_": {"en": "CCB", "fr": "ACE"},
    "student_loan_": {"en": "student loan", "fr": "prêt d'études"},
}
SURE_NAMED = 0.8  # a follow-up read with its program's name is this sure of another topic of it
DOUBTFUL_TOPIC = 0.5  # a topic this unsure, in a short message ("comment je fais la demande"), too
# Words that point back at what was said before ("is there ONE open", "IL a été émis en 2009",
# "can I DO IT from home?");
# not the impersonal "it" and "il" ("is it going to rain", "il fait beau", "il y a", "il faut").
REFERS_BACK = re.compile(
    r"\b(?:one|that|they|them|those|do it|le faire|faire ça|faire ca)\b|\bil (?!fait|y |pleut|neige|faut)\w|"
    r"\b(?:elle|ils|elles|ca|ça|celui|celle|ceux|c'est-tu|c'tu|ce-tu)\b",
    re.IGNORECASE,
)

# Whether something the citizen tells is the cause of the situation told before: "could that be
# why?", "is that the reason", "c'est-tu pour ça?", "ça pourrait être pour ça?"
ASKS_THE_CAUSE = re.compile(
    r"\b(?:could|would|might|is|was) (?:that|this|it) (?:be )?(?:why|the (?:reason|problem|cause))\b|\bthat'?s why\b"
    r"|\b(?:c'est|c|ce|ca|ça|ca serait|ça serait|ca pourrait|ça pourrait|est-ce)[- ]?(?:tu |-tu |que |qu')?(?:(?:etre|être|c'est) )?"
    r"(?:pour ca|pour ça|a cause de ca|à cause de ça|la raison|le probleme|le problème)\b",
    re.IGNORECASE)
# A question about what the last one asked, said first: "will that lower my payment", "does that
# change anything", "est-ce que ça va baisser mes paiements", "ça change tu quelque chose"
ABOUT_THAT = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay)\W+)?(?:will|would|does|did|can|could|is|wo?n'?t|doesn'?t) (?:that|this|doing that|doing this)\b"
    r"|^\W*(?:(?:et|pis|mais|ok|faque)\W+)?(?:est-ce que |est ce que )?(?:ça|ca|cela) (?:va|vas|fait|change|peut|pourrait|baisse)\b",
    re.IGNORECASE)
# The citizen's own next step asked about, which only the conversation explains: "what do i do",
# "what should I bring", "je fais quoi", "qu'est-ce que je dois faire" (not "what can you do").
MY_NEXT_STEP = re.compile(
    r"\b(?:what|how|where|when)\s+(?:do|should|can|must|shall|would)\s+(?:i|we)\b|\bwhat now\b|\bnow what\b|"
    r"\b(?:je|j'|on)\s*(?:fais|dois|peux|fait|doit|peut)\s+(?:quoi|faire quoi|comment)\b|"
    r"\bqu'est-ce (?:que|qu')\s*(?:je|j'|on)\b|\bcomment (?:je|on) (?:fais|fait)\b|\bquoi faire\b",
    re.IGNORECASE)
# What to do now, asked with nothing else to do named ("how am i supposed to make my payment",
# "what do i do now", "je suis censé faire quoi", "please help."), not a task ("how do i register
# my baby's birth", "can you help me write my resignation letter"): after a situation of ours, it
# asks what to do about that situation.
WHAT_TO_DO_NOW = re.compile(
    r"\b(?:am i|are we|i'?m|we'?re) (?:supposed|meant) to\b|\bwhat (?:do|should|can|shall) (?:i|we) do\b|\bwhat now\b|"
    r"\bnow what\b|\b(?:je|on) (?:fais|fait|dois faire|doit faire) quoi\b|\bquoi faire\b|"
    r"\b(?:je suis|chu|on est) (?:cense|censé|suppose|supposé)e?s?\b|"
    r"\b(?:please help|pls help|plz help|help please|help pls|help me|aidez[- ]moi|aide[- ]moi|au secours|[aà] l'aide)\s*(?:[.!?,]|$)",
    re.IGNORECASE)

# Where a second question starts: after a question mark, "and also", "et aussi", "pis aussi",
# "en plus", a semicolon; or " and "/" et "/" pis " before a question word.
SECOND_NEED = re.compile(
    r"\?\s*(?:and |et |pis |also |aussi )?|\b(?:and also|as well as|et aussi|pis aussi|en plus|also|aussi),?\s+|;\s*"
    r"|\s(?:and|et|pis)\s+(?=(?:how|what|when|where|can|do|does|is|combien|comment|quand|c'est|est-ce|ou|quel|quelle|"
    r"faire|get|apply|renew|renouveler|demander|avoir)\b)",
    re.IGNORECASE,
)
SURE_NEED = 0.6
SURE_SAME_PROGRAM = 0.45  # a second need of the first need's program, or of one the message names
MIN_NEED_WORDS = 2

Parse = Callable[[str], Awaitable[Dict[str, Any]]]


def _confidence(parse_data: Dict[str, Any]) -> float:
    return float((parse_data.get("intent") or {}).get("confidence") or 0)


def previous_bot_action(events: Any) -> Optional[str]:
    for event in reversed(list(events)):
        name = getattr(event, "action_name", None)
        if name and name != "action_listen":
            return str(name)
        if type(event).__name__ == "UserUttered":
            return None
    return None


def _said_lately(events: Any) -> Iterator[Tuple[str, Any]]:
    """(text, event) of the citizen's last `MAX_TOPIC_TURNS` messages, newest first; none from
    a button back."""
    count = 0
    for event in reversed(list(events)):
        if type(event).__name__ != "UserUttered":
            continue
        text = str(getattr(event, "text", None) or "")
        if not text or text.startswith("/"):
            return
        yield text, event
        count += 1
        if count >= MAX_TOPIC_TURNS:
            return


def _event_intent(event: Any) -> str:
    """The intent a citizen's earlier message was finally read as."""
    return str((getattr(event, "intent", None) or {}).get("name") or "")


def conversation_so_far(events: Any) -> Optional[str]:
    """What the citizen said since asking the conversation's last question of one of our topics,
    that question first: a follow-up after a detail ("i applied for the ccb for my son", "he was
    born in october", then "ok and when will i start getting it") is read with the question, not
    with the detail alone. All of the last `MAX_TOPIC_TURNS` messages when none of them asked one
    of our topics ("je suis arrivé avec un permis d'études", "je commence une job au Tim");
    nothing after a button."""
    said: List[str] = []
    for text, event in _said_lately(events):
        said.insert(0, text)
        if _answering(_event_intent(event)):
            earlier = (getattr(event, "parse_data", None) or {}).get("read_with")
            return " ".join([str(earlier), *said] if earlier else said)
    return " ".join(said) if said else None


def told_lately(events: Any) -> bool:
    """One of the citizen's last messages told something of one of our topics ("my passport
    expired last month", "my loan payment is 280 a month") rather than only greeting or thanking."""
    return any(_answering(_event_intent(event)) for _, event in _said_lately(events))


def recent_messages(events: Any) -> Optional[str]:
    """The citizen's last `MAX_TOPIC_TURNS` messages, oldest first, whatever they asked."""
    said = [text for text, _ in _said_lately(events)]
    return " ".join(reversed(said)) if said else None


def _intent(parse_data: Dict[str, Any]) -> str:
    return str((parse_data.get("intent") or {}).get("name") or "")


def _answering(intent: str) -> bool:
    """A topic with a knowledge answer (the fee and renewal forms have none)."""
    return cached_knowledge().overview(intent) is not None


def read_as(parse_data: Dict[str, Any], reading: Dict[str, Any]) -> Dict[str, Any]:
    """`parse_data` with another reading's intent, ranking and knowledge entry (its text stays)."""
    return {**parse_data, **{key: reading[key] for key in ("intent", "intent_ranking", "knowledge") if key in reading}}


def _without(parse_data: Dict[str, Any], name: str) -> Dict[str, Any]:
    """`parse_data` read as its likeliest intent but `name`, the others' confidences renormalised."""
    ranking = sorted(renormalised(parse_data.get("intent_ranking") or [], lambda other: other != name),
                     key=lambda r: -float(r["confidence"]))
    return {**parse_data, "intent": dict(ranking[0]), "intent_ranking": ranking} if ranking else parse_data


def _with_intent(parse_data: Dict[str, Any], intent: str, confidence: float = 1.0) -> Dict[str, Any]:
    """`parse_data` decided for `intent`: the other intents keep their order at 0."""
    ranking = [{"name": intent, "confidence": confidence}] + [
        {"name": r.get("name"), "confidence": 0.0} for r in parse_data.get("intent_ranking") or [] if r.get("name") != intent
    ]
    return {**parse_data, "intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking}


def _as_topic(read: Dict[str, Any], topic: str, entry: Optional[str] = None) -> Dict[str, Any]:
    """`read` decided for `topic`, answered by `entry` (its overview entry by default)."""
    return {**_with_intent(read, topic), "knowledge": {"id": entry or overview_id(topic), "score": 1.0}}


def _in_french(text: str) -> bool:
    found = detect(text)
    return found is not None and found.language == "fr"


def named_program_over_off_topic(read: Dict[str, Any], text: str) -> Dict[str, Any]:
    """A message that names one of our programs other than passports ("comment je fais pour obtenir
    mon numéro d'assurance sociale?" told after a long story of a study permit) and no service we
    do not answer, read as off topic by the model's own weighing: its program's likeliest topic,
    when the model's own ranking within the program is clear, and "did you mean X or Y?" with the
    program's two likeliest when it is not. A rule's "off topic" (confidence 1) stays. French
    only: the 10 such messages of the evaluation sets it answered correctly were all French (2
    French ones became wrong answers), and the one English message it changed became a wrong
    answer."""
    if _intent(read) != "out_of_scope" or _confidence(read) >= 1.0 or text.startswith("/") or not _in_french(text):
        return read
    named = programs_named(text) - {PASSPORT}
    if len(named) != 1 or other_service_named(text) is not None:
        return read
    program = next(iter(named))
    ranking = read.get("intent_ranking") or []
    within = sorted(renormalised(ranking, lambda name: program_of(name) == program and _answering(name)),
                    key=lambda r: -float(r["confidence"]))
    if not within:
        return read
    if float(within[0]["confidence"]) >= OWN_TOPIC_SHARE or len(within) == 1:
        return _with_intent(read, str(within[0]["name"]), float(within[0]["confidence"]))
    doubt = [{"name": "nlu_fallback", "confidence": FALLBACK_CONFIDENCE}] + [
        {"name": str(r["name"]), "confidence": max(float(r["confidence"]), CONVERSATION_CHOICE)} for r in within[:2]]
    return {**read, "intent": dict(doubt[0]), "intent_ranking": doubt + [r for r in ranking if r.get("name") not in
                                                                          {d["name"] for d in doubt}]}


async def in_context(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Dict[str, Any]:
    """`parse_data` of `text`, read again with the conversation `events` where it needs them;
    a question of passport processing times that gives a trip within two weeks ("how long does
    it take? I fly in 5 days", or "i'm flying in 5 days" after "how long to get a passport"), or
    that needs the passport sooner ("what if I need it sooner?"), is one for the urgent service,
    whose general answer fits it."""
    from actions.situation import lives_abroad, renewal_situation

    read = named_program_over_off_topic(await _in_context(parse_data, text, events, parse), text)
    if _intent(read) in ADULT_PASSPORT_TOPICS and not text.startswith("/") and (
            (read.get("read_with") and FOLLOW_UP.search(text) and names_a_child(text))
            or (read.get("read_with") and for_the_child_named(str(read["read_with"]), text))
            # clear alone, but about them: "est-ce qu'il faut un répondant pour lui aussi?"
            or (ABOUT_THEM.search(text) and for_the_child_named(recent_messages(events) or "", text))):
        # "et pour ma fille de 8 ans?" after a first adult passport's documents, or "est-ce qu'il
        # faut un répondant pour lui aussi?" after "mon fils a 7 ans": a child's passport
        read = own_entry(_as_topic(read, "passport_child"), parse_data)
    if _intent(read) in PASSPORT_APPLICATION_TOPICS and not text.startswith("/") and renewal_asked_lately(events) and (
            says_eligible_then_asks_how(text) or (_intent(read) == "passport_apply_adult" and not (
                NOT_A_RENEWAL.search(fold(f"{recent_messages(events) or ''} {text}")) or aged_16_or_more(text, events)))):
        # in a renewal conversation: "ok i am eligible. so whats the actual steps" after "can i use
        # the simple renewal" is how to renew, and "do i need a guarantor for that" after "i'm
        # renewing my passport" is the renewal's answer, unless the conversation says it is a first
        # adult passport or one that cannot be renewed
        read = own_entry(_as_topic(read, "passport_renew"), parse_data)
    if not text.startswith("/") and (
            (says_eligible_then_asks_how(text) and _intent(read) == "ei_eligibility")
            or (last_topic(events) == "ei_eligibility" and not programs_named(text) and (
                says_eligible_then_asks_how(text) or says_eligible_then_asks_how(f"{last_said(events)}. {text}")))):
        # "c'est quoi les conditions pour avoir l'AE?", then "ok je pense que je suis admissible,
        # je fais la demande comment?" (or the same in two messages: "ok i think i have enough
        # hours", "how do i apply then"): how to apply for EI
        read = own_entry(_as_topic(read, "ei_apply"), parse_data)
    if read.get("read_with") and ASKS_WHERE.search(text):
        topic = last_topic(events)
        own_where = cached_knowledge().entries.get(f"{topic}.where") if topic else None
        where = WHERE_TO_GO.get(program_of(_intent(read)) or "")
        if topic and own_where is not None and program_of(_intent(read)) == program_of(topic) and not SENDS.search(text):
            # "can I get my passport faster if I pay", then "where do i go for that": where the
            # urgent service is given (passport offices), not where to apply in general
            return _as_topic(read, topic, own_where.id)
        if where and _intent(read) != where:
            # "ok et où je vais porter tout ça?" after the documents for a first passport: where to apply
            read = own_entry(_as_topic(read, where), parse_data)
    if _intent(read) == "passport_child" and not text.startswith("/") and aged_16_or_more(text, events):
        # "ma fille a 16 ans, elle peut demander son passeport toute seule?": at 16, an adult
        # passport applied for oneself, which is what the child passport's age answer says
        read = {**read, "knowledge": {"id": CHILD_AGE_ENTRY, "score": 1.0}}
    if _intent(read) == "passport_processing_times" and not text.startswith("/") and (
            trip_within_two_weeks(text) or wants_it_sooner(text)):
        return _as_topic(read, "passport_urgent")
    if _intent(read) in RENEWAL_TOPICS and not text.startswith("/") and (
            FROM_HERE.search(fold(text)) and lives_abroad(f"{recent_messages(events) or ''} {text}")):
        # "can I renew from here?" after "I'm in London UK right now": renewing from abroad, not
        # whether the passport qualifies for simplified renewal
        return {**_as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY), "read_with": recent_messages(events) or ""}
    if _intent(read) == "passport_apply_adult" and not text.startswith("/") and EXPIRING_OWN.search(fold(text)) and not (
            NOT_A_RENEWAL.search(fold(text))):
        # "mon passeport expire en août, je peux-tu juste l'envoyer par la poste?": a renewal
        read = own_entry(_as_topic(read, "passport_renew"), parse_data)
    if PAYS_MORE.search(fold(text)) and not text.startswith("/") and last_topic(events) in TIME_TOPICS and (
            _intent(read) != "passport_urgent"):
        # "and if i pay extra?" after how long it takes: the urgent and express services
        return own_entry(_as_topic(read, "passport_urgent"), parse_data)
    surcharge = service_surcharge(text) if _intent(read) in {FEES, "passport_fee_calculator"} else None
    if surcharge is None and _intent(read) in {FEES, "passport_fee_calculator"} and last_topic(events) == "passport_urgent" and (
            adds_without_service(text)):
        surcharge = "passport_fees.urgent"  # "ça coute combien de plus" after "j'ai besoin d'un passeport pour jeudi"
    if surcharge and not text.startswith("/"):
        # "ok pis le service urgent ça rajoute combien?": what the service adds, not the form
        # that works out a whole fee
        return _as_topic(read, FEES, surcharge)
    if _intent(read) in DAMAGE_TOPICS and not text.startswith("/") and told_damaged(recent_messages(events) or "") and not (
            DAMAGED.search(fold(text)) or asks_price(text) or HOW_FAST.search(fold(text)) or names_a_child(text)):
        # "can i still travel with it next month", "donc il faut que j'en refasse un complet? avec
        # répondant et tout?" after a passport damaged in a flood: the damaged passport's answer
        # (replace it before travelling; renew it if issued in the last 15 years, with a declaration)
        return {**_as_topic(read, "passport_renew", DAMAGED_ENTRY), "read_with": recent_messages(events) or ""}
    if _intent(read) == "student_loan_repayment" and not text.startswith("/") and (
            CANT_PAY.search(fold(text)) or (names_rap(str(read.get("read_with") or "")) and not names_a_subject(text))):
        # "what if i cant pay when it starts", "dont make enough to pay my student loan whats my
        # option": the Repayment Assistance Plan is the answer to not being able to pay; "et si
        # j'oublie?" after "le PAR, faut renouveler aux 6 mois?" is about the plan named
        return own_entry(_as_topic(read, "student_loan_rap"), parse_data)
    if _intent(read) == "passport_processing_times" and read.get("read_with") and not text.startswith("/") and (
            last_topic(events) == "passport_urgent" or URGENT_SERVICE.search(fold(str(read["read_with"])))) and not (
            REGULAR_SERVICE.search(fold(text))):
        # "et ça prend combien de temps avec ça?" after the urgent service's fee: its own time
        return own_entry(_as_topic(read, "passport_urgent"), parse_data)
    if _intent(read) == "passport_where_apply" and read.get("read_with") and not text.startswith("/") and (
            last_topic(events) in TIME_TOPICS and not WHERE_WORD.search(fold(text))):
        # "and if I'm in Mexico applying at the embassy?", "et à partir des États-Unis c'est
        # pareil?" after how long a passport takes: the time from there, not where to apply
        return own_entry(_as_topic(read, "passport_processing_times"), parse_data)
    if _intent(read) == "nlu_fallback" and not text.startswith("/") and renewal_situation(text) and (
            renewal_asked_lately(events) or set(_two_likeliest(read)) <= ADULT_PASSPORT_TOPICS):
        # "il a été fait quand j'avais 15 ans, ça change tu qqch?" after "mon passeport expire en
        # août, je peux le renouveler?", or "les nôtres ont été faits en 2016, valides 10 ans. On
        # fait quoi?", unsure between a first passport and a renewal: what it tells answers the
        # renewal check's questions, which tells which
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": recent_messages(events) or ""}
    if _intent(parse_data) == "help" and _intent(read) == "student_loan_repayment" and not text.startswith("/"):
        # "y'a tu de quoi pour m'aider?" after a first loan payment and a part-time job: help to
        # repay is the Repayment Assistance Plan
        return own_entry(_as_topic(read, "student_loan_rap"), parse_data)
    return read


def last_topic(events: Any) -> Optional[str]:
    """The topic of the citizen's last message read as one of our topics, among the last few."""
    return next((_event_intent(event) for _, event in _said_lately(events) if _answering(_event_intent(event))), None)


def aged_16_or_more(text: str, events: Any) -> bool:
    """The passport is for someone of 16 to 19: told in the message, or, when it tells no age,
    in the citizen's last messages."""
    told = names_someone_16_or_more(text)
    return told if told is not None else bool(names_someone_16_or_more(recent_messages(events) or ""))


def last_said(events: Any) -> str:
    """The citizen's message before this one ("" when none)."""
    return next((text for text, _ in _said_lately(events)), "")


def renewal_asked_lately(events: Any) -> bool:
    """One of the citizen's last messages was read as renewing or whether one may renew."""
    return any(_event_intent(event) in RENEWAL_TOPICS for _, event in _said_lately(events))


def for_the_child_named(before: str, text: str) -> bool:
    """A passport follow-up about the child under 16 the conversation named ("mon fils a 7 ans",
    "ma fille a 2 ans, elle a jamais eu de passeport"): it points at them ("is it the same for
    her?"), or the conversation spoke of no passport of the writer's own; not "and mine?"."""
    if not names_a_child(OWN_AGE_THEN.sub(" ", before)) or applicant_is_adult(f"{before} {text}") or MINE.search(text):
        return False
    return bool(ABOUT_THEM.search(text)) or not (OWN_PASSPORT.search(before) or MINE.search(before))


async def _in_context(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Dict[str, Any]:
    from actions.situation import fee_situation, travel_window

    if _intent(parse_data) == "request_human" and _confidence(parse_data) < 1.0 and asks_how_in_person(text):
        # "je peux le faire en ligne ou faut que j'aille en personne?" asks how to do the thing the
        # conversation is about, not for a person: read as what else it is, in the conversation
        parse_data = _without(parse_data, "request_human")
    intent = _intent(parse_data)
    confidence = float((parse_data.get("intent") or {}).get("confidence") or 0.0)
    words = len(text.split())
    follow_up = (bool(FOLLOW_UP.search(text)) and words <= MAX_FOLLOW_UP_WORDS) or (
        bool(FOR_WHOM.search(text)) and words <= MAX_FOR_WHOM_WORDS)
    if text.startswith("/") or (intent == "choose_language" and confidence >= 1.0):
        return parse_data  # a rule decided a language request (bot/nlu/phrases.py): keep it
    if sounds_lost(text) and not asks_for_person(text) and previous_bot_action(events) != TRAVEL_QUESTION:
        about = await about_the_situation(parse_data, text, events, parse)
        if about is not None:
            return about
    if intent == "request_human" and confidence < 1.0 and quotes_a_call(text):
        # "got a call saying my SIN is suspended and i need to press 1 to talk to an officer. is
        # this real??": the call asked for the officer, not the citizen; what the message is about
        ranking = renormalised(parse_data.get("intent_ranking") or [], lambda name: name != "request_human")
        best = max(ranking, key=lambda r: float(r["confidence"]), default=None)
        if best is not None:
            return _with_intent(parse_data, str(best["name"]), float(best["confidence"]))
    if intent in KEEP and not (follow_up and intent in {"request_human", "stop"} and confidence < 1.0) and not (
            intent in DOUBTFUL_KEEP and confidence < DOUBTFUL_TOPIC and words >= MIN_QUESTION_WORDS):
        return parse_data  # "what about in person?" is not a request for a person; "agent svp" is
    if intent == "out_of_scope" and (names_another_program(text) or (
            follow_up and confidence >= SURE_OFF_TOPIC and not programs_named(text) and not SOMEONE.search(text))):
        # "ok and how do i renew my health card", "pis pour le visa chinois, c'est combien de temps?"
        # after a passport question: not ours, and about a thing, not a person the last question
        # could be asked for ("and for my wife? she has a visitor visa" is a SIN follow-up)
        return parse_data
    asked_travel = previous_bot_action(events) == TRAVEL_QUESTION
    if asked_travel:
        window = travel_window(text)
        if window:
            return _with_intent(parse_data, "affirm" if window == "soon" else "deny")
    # "unsure" between an off-topic reading and small talk ("can you tell me a joke") is off topic
    unsure_off_topic = intent == "nlu_fallback" and all(name in OFF_TOPIC for name in _two_likeliest(parse_data))
    stays = _past_fallback(parse_data) if unsure_off_topic else parse_data  # what an off-topic message stays
    unsure = (intent == "nlu_fallback" and not unsure_off_topic) or (_answering(intent) and confidence < DOUBTFUL_TOPIC)
    # off topic, or a doubtful "help" / small talk ("where do i go for that" after a question:
    # read with the last message it can become a clarifying question, and an answer only when
    # it asks something: "still nothing, what do i do" after an application; "cool" after the
    # CCB dates stays small talk)
    # "what do i do" / "je fais quoi" read as help, however sure, asks what to do about the last topic
    # so is a short call for help after the citizen told their situation ("flying thursday", "my
    # passport expired last month", "help??")
    next_step = (intent == "help" and words <= MAX_CALL_FOR_HELP_WORDS and (
        bool(MY_NEXT_STEP.search(text)) or (told_lately(events) and not to_the_assistant(text)))) or (
        # "is this real??" after a call saying the SIN was suspended: the call, not the assistant
        intent == "bot_challenge" and words <= MAX_DOUBTFUL_WORDS and bool(IS_IT_REAL.search(text)) and told_lately(events)) or (
        # "i give up. how am i supposed to make my payment" after NSLSC hung up, "rent is due and
        # nothing. please help" after a late CCB payment: off topic in its own words, it asks what
        # to do about the situation told (a thing we do not answer named in it stays off topic)
        intent == "out_of_scope" and confidence < SURE_EVERYDAY and words <= MAX_FOLLOW_UP_WORDS
        and bool(WHAT_TO_DO_NOW.search(text)) and other_service_named(text) is None and told_lately(events))
    small_talk = (intent in SMALL_TALK and (confidence < DOUBTFUL_OFF_TOPIC or next_step)) or intent in DOUBTFUL_KEEP
    off_topic = intent == "out_of_scope" or small_talk or unsure_off_topic
    doubtful = (unsure and words <= MAX_DOUBTFUL_WORDS) or next_step or (
        off_topic and confidence < DOUBTFUL_OFF_TOPIC and words <= MAX_DOUBTFUL_OFF_TOPIC_WORDS)
    # A short statement that only makes sense after what came before: "is there one open on
    # saturdays", "il a été émis en 2009", or where the citizen is, told after "are you travelling?".
    leans_back = (unsure or off_topic) and (words <= MAX_LEANING_WORDS or (
        # "i moved in june, could that be why?" after a payment that did not come: its cause
        words <= MAX_FOLLOW_UP_WORDS and bool(ASKS_THE_CAUSE.search(text)) and told_lately(events))) and (
        asked_travel or bool(REFERS_BACK.search(text)) or (
            # "je vas où pour le dropper? chu à Sudbury" after a first passport's documents:
            # where to go to do what the conversation is about, not off topic
            bool(ASKS_WHERE.search(text)) and confidence < SURE_EVERYDAY and other_service_named(text) is None
            and told_lately(events)))
    # whose passport, where or for how long, told after a fee question without a question of its
    # own ("me and my daughter, she's 4") or with one unsure alone ("je suis à l'étranger, c'est pareil?")
    situation = words <= MAX_LEANING_WORDS and (unsure or not ASKS.search(text)) and fee_situation(text) is not None
    if not (follow_up or doubtful or leans_back or situation):
        return await in_the_conversations_program(parse_data, text, events, parse)
    # a call for help reads the whole situation told lately; anything else from the last question
    before = recent_messages(events) if intent == "help" else conversation_so_far(events)
    if not before:
        return parse_data
    combined = await parse(f"{before} {text}")
    if switches_program(parse_data, text, combined):
        return parse_data
    topic = last_topic(events)
    if _intent(combined) in QUALIFYING_TOPICS and topic and program_of(topic) not in (None, PASSPORT) and (
            PASSPORT not in programs_named(text)):
        # "can i do it for my daughter? she's 12" after "how do i get a SIN": the SIN for her,
        # not a child's passport, which a child named pulls the reading to
        return {**own_entry(_with_intent(parse_data, topic), parse_data), "read_with": before}
    if _intent(combined) == "nlu_fallback" and intent != "nlu_fallback" and not _answering(intent) and not (
            intent == "out_of_scope" and confidence >= DOUBTFUL_OFF_TOPIC):
        # read with the last message, it is about one of our topics, but which one is unsure:
        # "did you mean X or Y?" with those topics beats small talk or "I can't help with that",
        # unless the question's own words settle it within their program ("how do i apply then"
        # after "am i eligible for EI" and "i think i have enough hours": applying)
        settled = await settled_by_own_words(text, combined, parse) if ASKS.search(text) else None
        if settled is not None:
            return {**own_entry(read_as(parse_data, settled), parse_data), "read_with": before}
        return read_as(parse_data, combined)
    if small_talk and not (follow_up or ASKS.search(text)) or (
            not _answering(_intent(combined)) and program_of(_intent(combined)) is None):
        kept = await in_the_program_before(text, before, parse) if follow_up else None
        if kept:
            return {**own_entry(read_as(parse_data, kept), parse_data), "read_with": before}
        if unsure and _answering(intent):
            return await in_the_whole_conversation(parse_data, text, events, before, combined, parse)
        return stays
    if off_topic and not (follow_up or unsure or leans_back or next_step) and program_weight(
            parse_data, program_of(_intent(combined))) < LEAST_PROGRAM_WEIGHT:
        # doubtful and off topic alone, with nothing of the last message's program in it and
        # no word pointing back: "can you tell me a joke" after the CCB amount is not about it
        return stays
    if situation or (follow_up and (fee_situation(text) is not None or (
            names_a_service(text) and (asks_price(text) or words <= MAX_SERVICE_FRAGMENT_WORDS)))):
        earlier = await parse(before)
        if _intent(earlier) == FEES:
            # "and the 5 year?", "and for my son?" after a fee question: the fee of that situation
            fees = read_as(parse_data, combined if _intent(combined) == FEES else earlier)
            return {**own_entry(fees, parse_data), "read_with": before}
    if follow_up:
        named = await with_the_program_named(text, _intent(combined), parse)
        if named is not None:
            return {**own_entry(read_as(parse_data, named), parse_data), "read_with": before}
    own = own_topic_within(parse_data, _intent(combined)) if follow_up or (doubtful and ASKS.search(text)) else None
    if own is not None:
        return {**own_entry(own, parse_data), "read_with": before}
    if topic in APPLIED_FOR_WITHIN and SIGNS_UP.search(text) and not names_a_subject(text) and (
            program_of(_intent(combined)) == program_of(topic)):
        # "comment je m'inscris à ça?" after the Repayment Assistance Plan's answer: how to apply
        # for the plan, not repaying in general, which the earlier words pull the reading to
        return {**_as_topic(parse_data, topic, APPLIED_FOR_WITHIN[topic]), "read_with": before}
    read = read_as(parse_data, combined)
    return {**own_entry(read, parse_data), "read_with": before}


async def about_the_situation(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Optional[Dict[str, Any]]:
    """Distress or confusion with no subject of its own ("chu dans marde", "this is ridiculous",
    "i don't get it", "au secours") after the citizen told a situation of one of our topics
    ("my passport was stolen, I fly Monday", "mon paiement de l'ACE est pas rentré"): read with
    what they said lately, it asks for that topic's answer (or which of two topics, when unsure),
    not small talk, a complaint or "I can't help with that". None when nothing of ours was told
    ("mon chum a été mis à pied" is ours once read with "on fait quoi": the EI)."""
    said = recent_messages(events)
    if not said:
        return None
    # told in a message read as one of our topics, or in words that read as one clearly together
    told = told_lately(events)
    for reading in (f"{said} {text}", said):  # its few words of feeling can still mislead
        whole = await parse(reading)
        ours = _answering(_intent(whole)) and (told or _confidence(whole) >= DOUBTFUL_TOPIC)
        unsure_among_ours = told and _intent(whole) == "nlu_fallback" and any(
            _answering(name) for name in _two_likeliest(whole))
        if ours or unsure_among_ours:
            return {**read_as(parse_data, whole), "read_with": said}
    return None


def switches_program(alone: Dict[str, Any], text: str, combined: Dict[str, Any]) -> bool:
    """A follow-up that names another of our programs than the one the conversation reads it in,
    and is read alone as a topic of the program it names: "also when is the next ccb payment"
    after an EI question, "and what about a passport, i never had one" after a SIN question."""
    named = programs_named(text)
    mine = program_of(_intent(alone))
    return bool(named) and _answering(_intent(alone)) and mine in named and program_of(_intent(combined)) not in named


async def in_the_whole_conversation(parse_data: Dict[str, Any], text: str, events: Any, before: str,
                                    combined: Dict[str, Any], parse: Parse) -> Dict[str, Any]:
    """A question unsure of its topic alone, and unsure or off topic read with the conversation's
    last question, read with everything the citizen said lately: the details before that question
    can hold the topic ("j'ai eu le PAR l'an passé", "ça faisait 6 mois en septembre", then "faut
    tu que je le redemande?"). Still unsure, it asks which of the likeliest topics is meant
    rather than answer the one its own few words lean to. (Said lately being `before` itself,
    `combined` is that reading already.)"""
    said = recent_messages(events)
    if said and said != before:
        whole = await parse(f"{said} {text}")
        if _answering(_intent(whole)) and _confidence(whole) >= DOUBTFUL_TOPIC:
            return {**own_entry(read_as(parse_data, whole), parse_data), "read_with": said}
    return read_as(parse_data, combined) if _intent(combined) == "nlu_fallback" else parse_data


async def with_the_program_named(text: str, topic: str, parse: Parse) -> Optional[Dict[str, Any]]:
    """A follow-up read with only the name of the conversation's program, when that reading is
    sure of another topic of the program: "and when does it get paid" after applying for the CCB
    asks for the payment dates, "and how do I sign up for it?" after the dates asks how to apply.
    Read with the whole earlier message, the earlier question's words choose its topic again."""
    program = program_of(topic)
    if program is None:
        return None
    named = await _with_program_name(text, program, parse)
    intent = _intent(named)
    if (program_of(intent) != program or intent == topic or intent in QUALIFYING_TOPICS or not _answering(intent)
            or _confidence(named) < SURE_NAMED):
        return None
    return named


async def settled_by_own_words(text: str, unsure: Dict[str, Any], parse: Parse) -> Optional[Dict[str, Any]]:
    """A doubt between two topics of one program, settled by the question read with only the
    program's name, when that reading is sure of one of the two."""
    program = _program_of_the_doubt(unsure)
    if program is None:
        return None
    named = await _with_program_name(text, program, parse)
    return named if _intent(named) in _two_likeliest(unsure) and _confidence(named) >= SURE_NAMED else None


async def in_the_program_before(text: str, before: str, parse: Parse) -> Optional[Dict[str, Any]]:
    """A follow-up that, read with the earlier question, reads as none of our topics ("what if i
    cant find a job right away" after "when do i start paying back": the job words win), read with
    only the name of that question's program, when that reading is likely enough of a topic of
    it: the conversation goes on about the program (student loans: the Repayment Assistance Plan)."""
    earlier = await _topic_of(before, parse)
    program = program_of(earlier)
    if program is None or not _answering(earlier):
        return None
    named = await _with_program_name(text, program, parse)
    intent = _intent(named)
    if program_of(intent) != program or not _answering(intent) or _confidence(named) < DOUBTFUL_TOPIC:
        return None
    return named


async def _with_program_name(text: str, program: str, parse: Parse) -> Dict[str, Any]:
    """`text` read with only the name of `program`, as citizens write it in the text's language."""
    language = (detect(text) or Detection("en", "weak")).language
    return await parse(f"{PROGRAM_NAMES[program][language]} {text}")


async def _topic_of(before: str, parse: Parse) -> str:
    """The topic of what was said before, taken past a doubt between two topics of one program."""
    return _intent(_within_one_program(await parse(before)))


def own_entry(read: Dict[str, Any], alone: Dict[str, Any]) -> Dict[str, Any]:
    """`read` answered by the entry the follow-up's own words choose within `read`'s topic, when
    they choose one clearly: "and in person?" after "how long by mail" is the in-person time, "what
    if it's already expired" after renewing online is the expired passport's renewal. Read with
    the message before it, the earlier words would choose the earlier entry again."""
    intent = _intent(read)
    mine = ((alone.get("knowledge") or {}).get("by_intent") or {}).get(intent) or {}  # bot/nlu/selector.py
    chosen = str(mine.get("id") or "")
    if not chosen:
        return read
    return {**read, "knowledge": {"id": chosen, "score": float(mine["score"])}}


async def in_the_conversations_program(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Dict[str, Any]:
    """A short question that names none of our programs, read alone as a topic of another
    program than the last message's: read with the last message, when that reading stays in
    the last message's program ("how long before I get paid" after "how do I apply for EI" is
    not about passports; "how often do I reapply" after applying for RAP neither). Within one
    program, the question's own topic stands (reading it with the last message there gave the
    last topic back too often: "je pars dans 4 jours" after a processing-time question)."""
    intent = _intent(parse_data)
    if intent == "nlu_fallback":  # unsure, with one of our topics among the two likeliest: that topic
        intent = next((name for name in _two_likeliest(parse_data) if _answering(name)), intent)
    shared = bool(SHARED_SUBJECTS.search(fold(text)))
    if not (_answering(intent) or (shared and program_of(intent))) or programs_named(text) or (
            len(text.split()) > MAX_UNNAMED_WORDS and _confidence(parse_data) >= DOUBTFUL_TOPIC):
        return parse_data  # a longer question is read in the conversation only when unsure alone
    if program_of(intent) != PASSPORT and asks_price(text) and not RECEIVES.search(text) and (
            program_of(last_topic(events) or "") == PASSPORT):
        # "c combien pour un enfant?" after a child's passport: its price, not the CCB's amount
        asked = conversation_so_far(events) or ""
        priced = await parse(f"{asked} {text}")
        fees = read_as(parse_data, priced) if _intent(priced) == FEES else _as_topic(parse_data, FEES)
        return {**own_entry(fees, parse_data), "read_with": asked}
    # a question with no subject of its own ("how long does it take") is the conversation's,
    # however sure the model is of another topic; "do I qualify if I got fired" is not
    subject = names_a_subject(text)
    if subject and _confidence(parse_data) >= SURE_ELSEWHERE and not shared:
        return parse_data
    before = conversation_so_far(events)
    if not before:
        return parse_data
    earlier = await _topic_of(before, parse)
    program = program_of(earlier)
    if program is None or not _answering(earlier):
        return parse_data
    if program == program_of(intent):
        if intent == earlier or not ABOUT_THAT.search(text):
            return parse_data
        # "will that lower my monthly payment or just make it end sooner?" after a lump sum on a
        # student loan: about what the last question asked, however sure of another topic alone
        combined = await parse(f"{before} {text}")
        if _intent(combined) == earlier and _confidence(combined) >= SURE_NEED:
            return {**read_as(parse_data, combined), "read_with": before}
        return parse_data
    if shared:
        # "when do i need to renew it" after "im on RAP", "what if i can't find a job" after a
        # loan's first payment: words the conversation's program shares are no subject of another
        own = SUBJECTS_OF.get(program)
        subject = names_a_subject(own.sub(" ", fold(text))) if own else subject
        if subject and _confidence(parse_data) >= SURE_ELSEWHERE:
            return parse_data
    if subject and program_weight(parse_data, program) < LEAST_PROGRAM_WEIGHT and _confidence(parse_data) >= DOUBTFUL_TOPIC and not (
            program_of(intent) == LOANS and RECEIVES.search(text)):
        # "when do I start paying back" after a passport question: loans only; "quand est-ce que
        # je vais recevoir mon premier paiement?" after an EI claim: a payment received is no loan's
        return parse_data
    combined = await parse(f"{before} {text}")
    # the conversation named its program ("i applied for the ccb when my son was born", "got the
    # approval letter today", then "when will i get the first one"): a question with no subject
    # of its own is not another program's, however sure of it alone
    named = not subject and program in programs_named(before)
    if program_of(_intent(combined)) != program or not _answering(_intent(combined)) or (
            _confidence(combined) < SURE_NEED and not named):
        if _confidence(parse_data) < DOUBTFUL_TOPIC or named:
            # unsure of another program alone, unsure in the conversation's too: ask which
            # ("faut tu que mes parents viennent? j'ai 13 ans" after getting a SIN is not surely
            # a child's passport), with the conversation's likeliest topic as a choice
            return _which_of(parse_data, _likeliest_in(combined, program))
        return parse_data
    return {**read_as(parse_data, combined), "read_with": before}


# Subject words a program shares with another's topics ("renew" is a passport's and the RAP's
# every six months; a job lost or not found is EI's and the reason to ask for the RAP): in a
# conversation about that program they do not move the question to the other program.
SUBJECTS_OF = {
    "student_loan_": re.compile(r"\b(?:renew\w*|renouvel\w*|job\w*|emplois?|work\w*|travail\w*|unemploy\w*|"
                                r"chomage|laid off|lost my job|perdu ma job|income|revenus?)\b"),
}
SHARED_SUBJECTS = re.compile("|".join(pattern.pattern for pattern in SUBJECTS_OF.values()))


def _likeliest_in(parse_data: Dict[str, Any], program: str) -> Optional[Dict[str, Any]]:
    return next((dict(r) for r in parse_data.get("intent_ranking") or []
                 if program_of(str(r.get("name") or "")) == program and _answering(str(r.get("name") or ""))), None)


def _which_of(parse_data: Dict[str, Any], ours: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """`parse_data` as a doubt between the conversation's likeliest topic and its own."""
    alone = [dict(r) for r in parse_data.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    if ours is None or not alone:
        return parse_data
    ours["confidence"] = max(float(ours.get("confidence") or 0), CONVERSATION_CHOICE)
    ranking = [{"name": "nlu_fallback", "confidence": FALLBACK_CONFIDENCE}, ours] + [
        r for r in alone if r.get("name") != ours["name"]]
    return {**parse_data, "intent": dict(ranking[0]), "intent_ranking": ranking}


def program_weight(parse_data: Dict[str, Any], program: Optional[str]) -> float:
    """How likely the message alone is about `program` (its topics' confidences added up)."""
    return sum(float(r.get("confidence") or 0) for r in parse_data.get("intent_ranking") or []
               if program is not None and program_of(str(r.get("name") or "")) == program)


def own_topic_within(parse_data: Dict[str, Any], topic: str) -> Optional[Dict[str, Any]]:
    """The conversation gives the program; a follow-up's own words ("and ...", "et si ...") can
    still ask for another topic of it: "ok and when do the payments come" after applying for the CCB asks for the
    payment dates, "and if I can't pay?" after starting to repay asks for repayment help, "what
    about the photos?" after a renewal asks about photos. The follow-up read alone, among the
    topics of `topic`'s program only, must point clearly at one other topic. A child named in a
    follow-up ("and for a kid?") qualifies the last question: it does not ask about children's
    passports."""
    program = program_of(topic)
    ranking = parse_data.get("intent_ranking") or []
    alone = {str(r.get("name")): float(r.get("confidence") or 0) for r in ranking}
    within = renormalised(ranking, lambda name: program_of(name) == program) if program else []
    if not within:
        return None
    best = max(within, key=lambda r: float(r["confidence"]))
    name, share = str(best["name"]), float(best["confidence"])
    if name == topic or name in QUALIFYING_TOPICS or name in ANSWERED_WITHIN.get(topic, ()) or (
            share < OWN_TOPIC_SHARE or alone[name] < OWN_TOPIC_LEAST):
        return None
    return _with_intent(parse_data, name, share)


def _within_one_program(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """An "unsure" reading between two topics of one program ("i need a SIN to start my new job":
    applying, or who may ask for it?) read as its likeliest: the program is sure."""
    return _past_fallback(parse_data) if _program_of_the_doubt(parse_data) else parse_data


def _program_of_the_doubt(parse_data: Dict[str, Any]) -> Optional[str]:
    """The program of an "unsure" reading whose two likeliest topics are of one program."""
    two = _two_likeliest(parse_data)
    if _intent(parse_data) != "nlu_fallback" or len(two) < 2 or program_of(two[0]) != program_of(two[1]):
        return None
    return program_of(two[0])


def _two_likeliest(parse_data: Dict[str, Any]) -> List[str]:
    return [str(r.get("name")) for r in parse_data.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"][:2]


def _past_fallback(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """The likeliest topic under an "unsure" reading: a second need of a program the message
    names is taken at the same-program confidence even when two of its topics were close."""
    if _intent(parse_data) != "nlu_fallback":
        return parse_data
    ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    return {**parse_data, "intent": dict(ranking[0]), "intent_ranking": ranking} if ranking else parse_data


# Words around a question that ask nothing of our topics: "is this a real person? how long does it
# take by mail", "merci! pis combien pour un enfant", "hi there. my sin card got stolen".
AROUND_A_QUESTION = {"greet", "thanks", "goodbye", "bot_challenge", "chitchat", "help"}
CLAUSE = re.compile(r"[?!.;]+\s+|,\s+(?=\w+\s+\w+)")
MIN_QUESTION_WORDS = 3
TO_THE_ASSISTANT = re.compile(r"\b(?:you|u|your|ur|tu|toi|ta|ton|tes|t'es|vous)\b", re.IGNORECASE)
# the spoken question's "-tu" after a verb of the third person ("y a tu quelque chose pour m'aider?",
# "c'est-tu normal", "ça-tu du sens"): no "you" in it
QUESTION_TU = re.compile(r"\b(?:y a|ya|c'est|ca|ça|faut|va|est|sont|ont|peut|doit|fait|marche|existe|a)[- ]tu\b",
                         re.IGNORECASE)


def to_the_assistant(text: str) -> bool:
    """The message speaks to the assistant ("can you help me", "tu fais quoi")."""
    return bool(TO_THE_ASSISTANT.search(QUESTION_TU.sub(" ", text)))


async def past_small_talk(parse_data: Dict[str, Any], text: str, parse: Parse) -> Tuple[Dict[str, Any], str]:
    """(reading, words to read in the conversation) of a message read as small talk ("are you a
    bot", "thanks", "hi", "help me understand") that goes on with a question of one of our
    topics: the question after the small talk, when it is sure of a topic alone, asks something
    that may be ours, or follows up ("ok goodbye for now, but what if it doesn't come?" after the
    CCB dates): the conversation can then tell which. The small talk alone needs no answer of its
    own (every conversation starts by saying the assistant is automated)."""
    if text.startswith("/") or _intent(parse_data) not in AROUND_A_QUESTION:
        return parse_data, text
    for match in CLAUSE.finditer(text):
        rest = text[match.end():].strip()
        if len(rest.split()) < MIN_QUESTION_WORDS:
            continue
        question = await parse(rest)
        ours = _answering(_intent(question)) or any(_answering(name) for name in _two_likeliest(question))
        of_the_citizen = not to_the_assistant(rest)  # "tu fais quoi de ta fin de semaine" is small talk too
        if (ours and (_confidence(question) >= SURE_NAMED or (of_the_citizen and (
                _confidence(question) >= SURE_NEED or ASKS.search(rest))))) or FOLLOW_UP.search(rest):
            return read_as(parse_data, question), rest
    return parse_data, text


async def with_second_need(parse_data: Dict[str, Any], text: str, parse: Parse) -> Dict[str, Any]:
    """`parse_data`, or the first need's reading with the second need under `also`."""
    if text.startswith("/") or not _answering(_intent(parse_data)):
        return parse_data
    if _intent(parse_data) == "passport_urgent" and trip_within_two_weeks(text):
        return parse_data  # "how long does it take? I fly in 5 days": one need, the urgent service
    if parse_data.get("read_with"):
        # read with the conversation ("can i do it for my daughter? she's 12" after "how do i get
        # a SIN"), the message is one need: its parts, read alone, would lose that reading
        return parse_data
    named = programs_named(text)
    for match in SECOND_NEED.finditer(text):
        first, rest = text[: match.start()].strip(), text[match.end():].strip()
        if len(first.split()) < MIN_NEED_WORDS or len(rest.split()) < MIN_NEED_WORDS:
            continue
        one, two = await parse(first), _past_fallback(await parse(rest))
        sure = _answering(_intent(one)) and _confidence(one) >= SURE_NEED and _answering(_intent(two)) and (
            _confidence(two) >= SURE_NEED
            # "photo size and also how much is a 10 year": the second need, read alone, is
            # less sure, but it is of the same program as the first, or of a program the
            # message names ("... and also get a sin for my daughter"), which makes it likely.
            or (_confidence(two) >= SURE_SAME_PROGRAM
                and program_of(_intent(two)) in {program_of(_intent(one)), *named}))
        # "c'est moi le père et ... je peux tu recevoir l'ACE": a part read as a program the
        # message does not name is decor around the question, not a need of its own.
        sure = sure and (not named or {program_of(_intent(one)), program_of(_intent(two))} <= named)
        if sure and (one.get("knowledge") or {}).get("id") != (two.get("knowledge") or {}).get("id"):
            also = {"text": rest, "intent": two["intent"], "knowledge": two.get("knowledge")}
            return {**read_as(parse_data, one), "also": also}
    return parse_data
