"""A message about one grown-up other person, told again as the writer's own.

People write for someone else: "my mom needs a 10 year passport and she flies in 4 days", "mon gars
de 24 ans étudie à Sherbrooke, y peut-tu renouveler son passeport en ligne?", "ma cliente a reçu un
courriel". The model learnt its topics from the writer's own questions ("i need...", "je peux-tu
renouveler mon passeport"); the third person pulls it to a child's passport (any "my daughter"),
or off topic. `in_first_person` tells such a message again in the first person ("i need a 10
year passport and i fly in 4 days", "j'ai 24 ans, je peux-tu renouveler mon passeport en ligne?")
so that it can be read as the writer's own (bot/engine/context/perspective.py decides which
reading to keep).

Only a grown-up other is told again: a parent, a spouse, a friend, a client, or a son or daughter
with an age of 16 or more, at university or with a program only grown-ups have. A message that
names a child (an age under 16, "kids", "bébé", "petits-enfants") is about a child's passport and
is left as it is, and so is one naming no one, or one where the writer is a subject too ("i didnt
file my taxes but my partner did"). The rewrite is a reading aid, never shown or stored: the citizen's text stays as written.
"""

from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

# A grown-up other, named with "my"/"mon": the kin and the people one writes for
_EN_ADULT = (
    r"(?:(?:mother|father|mom|dad)[- ]in[- ]law|step ?(?:mom|mum|mother|dad|father)|mom|mum|mother|mommy|dad|father|daddy|"
    r"(?:sister|brother|son|daughter)[- ]in[- ]law|grand ?(?:ma|mother|pa|father)|granny|grandmom|grandad|husband|hubby|wife|spouse|partner|boyfriend|girlfriend|"
    r"fianc[eé]e?|uncle|aunt|auntie|friend|buddy|best friend|roommate|room mate|neighbou?r|client|coworker|co-worker|"
    r"colleague|tenant)"
)
_EN_GROWN_KIN = r"(?:son|daughter|kid|boy|girl|brother|sister|nephew|niece|cousin)"
_FR_ADULT = (
    r"(?:belle[- ]m[eè]re|beau[- ]p[eè]re|grand[- ]m[eè]re|grand[- ]p[eè]re|grand[- ]maman|grand[- ]papa|m[eè]re|maman|p[eè]re|papa|"
    r"mari|[eé]poux|[eé]pouse|femme|conjointe?|chum|blonde|copain|copine|fianc[eé]e?|oncle|tante|"
    r"amie?|meilleure? amie?|voisine?|cliente?|coll[eè]gue|coloc|colocataire|beau[- ]fr[eè]re|belle[- ]s(?:oeu|œu)r|"
    r"beau[- ]fils|belle[- ]fille|bru|gendre)"
)
_FR_GROWN_KIN = r"(?:fils|fille|gars|garcon|garçon|fr[eè]re|s(?:oeu|œu)r|neveu|ni[eè]ce|cousine?)"
_EN_WHOSE = r"(?:my|our)"
_FR_WHOSE = r"(?:ma|mon|notre)"
# The people one helps at work or as a friend, named without "my": "a friend from syria", "client applied..."
_EN_HELPED = r"(?:(?:^|\b(?:a|an|my|our)\s)(?:friend|client|neighbou?r|coworker|co-worker|colleague|tenant|patient|newcomer))"
_FR_HELPED = r"(?:(?:^|\b(?:un|une|mon|ma|notre)\s)(?:ami|amie|cliente?|voisine?|coll[eè]gue|patiente?|nouvel arrivant|nouvelle arrivante))"
# An age of 16 or more, said of someone ("is 24", "24 year old", "de 24 ans", "a 19 ans"), or a
# grown-up's life: university, a master's, a spouse of their own
_GROWN_AGE = (
    r"\b(?:1[6-9]|[2-9]\d)\s*(?:-|\s)?(?:year|yr)s?(?:[- ]old)?\b|\b(?:is|turned|de|a|has|aged?|eu)\s+(?:1[6-9]|[2-9]\d)\b(?!\s*(?:mois|months?|weeks?|semaines?|jours?|days?|h|hrs?|heures?|hours?|\$|%))"
    r"|\((?:1[6-9]|[2-9]\d)\)"
)
_GROWN_LIFE = (
    r"\b(?:universit[yeé]|univ|master'?s?|ma[iî]trise|doctorat|phd|bac|cegep|c[eé]gep|college|coll[eè]ge|grad school|"
    r"adult|adulte|grown|majeure?|married|mari[eé]e?|her husband|his wife|son mari|sa femme|"
    # a program only grown-ups have
    r"ccb|ace|allocations?|ei|assurance[- ]emploi|ch[oô]mage|student loans?|pr[eê]ts? (?:d'[eé]tudes?|[eé]tudiants?)|rap|nslsc|cnpe)\b"
)
# A child in the message: then it is a child's passport, not a grown-up's
_CHILD = re.compile(
    r"\b(?:kids?|children|child|grandkids?|grandchild(?:ren)?|grandsons?|granddaughters?|bab(?:y|ies)|toddlers?|infants?|newborns?|"
    r"enfants?|petits?[- ]enfants?|petite?s?[- ]fil(?:le|s)|b[eé]b[eé]s?|nouveau[- ]n[eé]|flos?|p'tite?s?|ti-cul|minor|mineure?s?)\b"
    r"|(?<!dans )(?<!in )(?<!within )(?<!depuis )(?<!fait )(?<!y a )(?<!for )(?<!next )(?<!last )"
    r"(?<!passeport de )(?<!passeport )(?<!passport of )"
    r"\b(?:[0-9]|1[0-5])\s*(?:-|\s)?(?:years?|yrs?|yo|y/o|ans?|mois|months?)\b(?:[- ]old)?(?!\s*(?:passports?|passeports?|ppt|valid|validity))"
    r"|\bunder 16\b|\bmoins de 16\b|\((?:[0-9]|1[0-5])\)|\b(?:is|aged?) (?:[0-9]|1[0-5])\b(?!\s*(?:h\b|hours?|heures?|hrs?|days?|jours?|weeks?|semaines?|mois|months?|\$|%|mars|avril|mai|juin|mar|apr))"
    r"|\b(?:little|baby|younger) (?:brother|sister)\b|\bpetite? (?:fr[eè]re|s(?:oeu|œu)r)\b"
)
# A spouse and the CCB: the family's benefit, where the spouse's situation is a fact of the writer's
# own application ("what if my husband is not a PR yet" after applying for the CCB)
_SPOUSE = re.compile(r"\b(?:husband|hubby|wife|spouse|partner|boyfriend|girlfriend|mari|[eé]poux|[eé]pouse|femme|conjointe?|chum|blonde|copain|copine)\b")
_FAMILY_BENEFIT = re.compile(r"\b(?:ccb|ace|child benefit|allocations?|canada child|pour enfants)\b")
# The writer is a subject too ("i didnt file my taxes but my partner did", "im 16 and my brother..."):
# the message is not about the other alone
_WRITER_TOO = re.compile(r"\b(?:i|i'm|im|i've|ive|i'll|je|chu|jsuis)\b|\bj'")


def _lower(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _someone(text: str, whose: str, adult: str, grown_kin: str, helped: str) -> Optional[Tuple[str, str]]:
    """The pattern of the grown-up other the text names (with its "my"), and the words found, or None."""
    named = rf"\b{whose} (?:(?:old|elderly|older|vieux|vieille|pauvre|ch[eè]re?) )?{adult}(?=(?:'s|s'|s)?\b)"
    kin = (rf"\b{whose} (?:(?:1[6-9]|[2-9]\d)[- ]?(?:year|yr)s?[- ]old |adult |grown |oldest |eldest |older |a[iî]n[eé]e? |grand |"
           rf"plus vieux |plus vieille )?{grown_kin}(?=(?:'s|s'|s)?\b)")
    found = re.search(named, text)
    if found:
        return named, found.group(0)
    found = re.search(kin, text)
    if found and (re.search(_GROWN_AGE, text) or re.search(_GROWN_LIFE, text)):
        return kin, found.group(0)
    found = re.search(helped, text)
    return (helped, found.group(0)) if found else None


def _sub_all(text: str, rules: List[Tuple[str, object]]) -> str:
    for pattern, repl in rules:
        text = re.sub(pattern, repl, text)  # type: ignore[call-overload]
    return text


_EN_OBJECT_BEFORE = (r"(?:for|help|helping|helps|with|to|of|behalf of|asking for|taking|take|bring|bringing|drive|driving|"
                     r"accompany|accompanying|assist|assisting|sign for|apply for|renew for)")
_EN_VERBS = {
    "is": "am", "has": "have", "does": "do", "doesn't": "don't", "doesnt": "dont", "isn't": "am not", "isnt": "am not",
    "hasn't": "haven't", "hasnt": "havent", "needs": "need", "wants": "want", "lives": "live", "works": "work",
    "goes": "go", "gets": "get", "says": "say", "knows": "know", "travels": "travel", "leaves": "leave", "plans": "plan",
    "tries": "try", "applies": "apply", "renews": "renew", "flies": "fly", "moves": "move", "thinks": "think",
    "studies": "study", "stays": "stay", "owes": "owe", "pays": "pay", "earns": "earn", "makes": "make", "receives": "receive",
    "qualifies": "qualify", "wonders": "wonder", "uses": "use", "speaks": "speak", "understands": "understand",
}


def _english(text: str, other: str) -> str:
    out = re.sub(rf"{other}(?:'s|s'|s)\b", "my", text)
    out = re.sub(rf"\b({_EN_OBJECT_BEFORE}) {other}", r"\1 me", out)
    out = re.sub(other, "i", out)
    out = _sub_all(out, [
        (r"\b(?:she|he)'?s\b", "i'm"), (r"\b(?:she|he)'ll\b", "i'll"), (r"\b(?:she|he)'d\b", "i'd"),
        (r"\b(?:she|he)\b", "i"), (r"\b(?:herself|himself)\b", "myself"), (r"\bhis\b", "my"), (r"\bhim\b", "me"),
        # "her passport" is "my passport"; "help her", "for her" is "me"
        (r"\bher\b(?=\s*(?:$|[.,!?;:)]|and\b|or\b|to\b|for\b|with\b|in\b|at\b|on\b|if\b|when\b|because\b|too\b|please\b|pls\b|plz\b|asap\b|now\b|again\b|back\b|up\b|out\b))", "me"),
        (r"\bher\b", "my"),
    ])
    out = re.sub(r"\bi (\w+'?\w*)\b", lambda m: "i " + _EN_VERBS.get(m.group(1), m.group(1)), out)
    return _sub_all(out, [(r"\bdoes i\b", "do i"), (r"\bis i\b", "am i"), (r"\bhas i\b", "have i"),
                          (r"\bdoesn'?t i\b", "don't i"), (r"\bisn'?t i\b", "am i not")])


_FR_VERBS = {
    "a": "ai", "est": "suis", "peut": "peux", "veut": "veux", "doit": "dois", "va": "vais", "fait": "fais", "vit": "vis",
    "sait": "sais", "part": "pars", "avait": "avais", "était": "étais", "etait": "etais", "pourrait": "pourrais",
    "voudrait": "voudrais", "devrait": "devrais", "prend": "prends", "reçoit": "reçois", "recoit": "recois", "connait": "connais",
    "connaît": "connais", "dit": "dis", "sort": "sors", "revient": "reviens", "vient": "viens", "perd": "perds", "attend": "attends",
    "comprend": "comprends", "ira": "irai", "aura": "aurai", "sera": "serai", "pourra": "pourrai", "devra": "devrai",
    "voit": "vois", "croit": "crois", "finit": "finis", "remplit": "remplis", "choisit": "choisis",
}
_FR_IMPERSONAL = (r"(?!\s*(?:faut|fallait|faudra|faudrait|y\b|manque|manquait|reste|restait|s'agit|semble|para[iî]t|vaut|"
                  r"est (?:possible|n[eé]cessaire|obligatoire|important|mieux|pr[eé]f[eé]rable|temps|trop|urgent|clair)|pleut|neige|"
                  # the passport or the card, not the person: "son passeport date de 2019 pis il expire bientot"
                  r"expire|expirait|expirera|est expir[eé]e?|[eé]tait expir[eé]e?|est p[eé]rim[eé]e?|co[uû]te|est valide|est encore (?:bon|valide)))")
_FR_OBJECT_BEFORE = r"(?:pour|à|a|avec|aider|chez|de la part de|au nom de)"
_VOWEL = "aeiouyhéèêàâîôû"


def _french(text: str, other: str) -> str:
    # "mon gars de 24 ans étudie" is "j'ai 24 ans et j'étudie"; "le passeport de ma mère" is "mon passeport"
    # (and the pronoun that follows: "ma mere a 81 ans, elle va en floride" is "j'ai 81 ans et je vais en floride")
    text = re.sub(rf"{other},? (?:de |a |qui a )?((?:1[6-9]|[2-9]\d) ans)\b,?(?: (?:il|elle|y)\b)?", r"j'ai \1 et je", text)
    out = re.sub(rf"\b(le|la|les|l') ?((?:[\w'-]+ ){{0,2}}?[\w'-]+) (?:de|d') ?{other}",
                 lambda m: {"le": "mon ", "la": "ma ", "les": "mes ", "l'": "mon "}[m.group(1)] + m.group(2), text)
    out = re.sub(rf"\b({_FR_OBJECT_BEFORE}) {other}", r"\1 moi", out)
    out = re.sub(rf" (?:de|du|d') ?{other}", "", out)
    out = re.sub(other, "je", out)
    out = _sub_all(out, [
        (r"\b(?:peut|peux)-(?:t-)?(?:il|elle)\b", "puis-je"), (r"\b(?:doit)-(?:il|elle)\b", "dois-je"),
        (r"\ba-t-(?:il|elle)\b", "ai-je"), (r"\best-(?:il|elle)\b", "suis-je"), (r"\bva-t-(?:il|elle)\b", "vais-je"),
        (rf"\b(?:il|elle){_FR_IMPERSONAL}\b", "je"), (r"(?<!il )(?<!on )\by (?=(?:peut|doit|veut)\b)", "je "),
        (r"\b(?:elle|lui)-m[eê]me\b", "moi-même"), (r"\blui\b", "moi"),
        (r"\bson\b", "mon"), (r"\bsa\b", "ma"), (r"\bses\b", "mes"),
    ])
    out = re.sub(r"\bje (ne |n')?(\w+)", lambda m: "je " + (m.group(1) or "") + _FR_VERBS.get(m.group(2), m.group(2)), out)
    out = _sub_all(out, [(r"\bje se\b", "je me"), (r"\bje s'", "je m'"), (r"\bje n'suis\b", "je ne suis")])
    out = re.sub(rf"\bje ([{_VOWEL}])", r"j'\1", out)
    return re.sub(r"\bqu'(je|j')", r"que \1", out)


def in_first_person(text: str, language: str) -> Optional[str]:
    """The message told as the writer's own when it is about one grown-up other, else None."""
    lowered = _lower(text)
    if _CHILD.search(lowered) or _WRITER_TOO.search(lowered):
        return None
    if language == "fr":
        other = _someone(lowered, _FR_WHOSE, _FR_ADULT, _FR_GROWN_KIN, _FR_HELPED)
        rewrite: Callable[[str, str], str] = _french
    else:
        other = _someone(lowered, _EN_WHOSE, _EN_ADULT, _EN_GROWN_KIN, _EN_HELPED)
        rewrite = _english
    if other is None or (_SPOUSE.search(other[1]) and _FAMILY_BENEFIT.search(lowered)):
        return None
    told = rewrite(lowered, other[0])
    return told if told != lowered else None
