"""What a citizen's own message already says about their case (English or French).

- `fee_situation`: the passport details a fee question states ("my 5 year old", "we live in
  France", "urgent", "10 ans"), so the answer can give the exact amount without a form;
- `travel_window`: when a citizen who lost a passport travels ("I fly tomorrow", "mon vol est
  jeudi", "in 3 days", "le 5 décembre"), so an imminent trip goes straight to an officer;
- `renewal_situation`: what a renewal question already answers of the eligibility check ("it
  was issued when I was 14", "émis en 2009", "un passeport temporaire", "I changed my name"),
  so the check does not ask it again.

Free text is looser than a form answer, so these patterns are stricter than actions/answers.py:
"me" is not an adult and "canada" alone is not a place. Each returns None when the message
says nothing, and the caller then asks or answers in general.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, Optional, Sequence, Tuple, TypeVar

from bot.folding import fold

SOON_DAYS = 14  # "travelling in the next two weeks" (utter_ask_travel_soon)

Window = Literal["soon", "later"]


def _rx(*alternatives: str) -> "re.Pattern[str]":
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])")


_CHILD = _rx(
    # (English "son" after its determiner: French "son passeport" is his or her passport, nobody's son)
    r"child", r"child's", r"children", r"kid", r"kids",
    r"(?:my|our|his|her|the|a|your|their|youngest|oldest|eldest|little|baby|teenage|\d{1,2} ?(?:yo|y/o|years? old|yr old)) son",
    r"daughter", r"baby", r"newborn",
    r"infant", r"toddler", r"minor", r"under 16", r"teen", r"teenager",
    r"enfant", r"enfants", r"fils", r"fille", r"bebe", r"nouveau-ne", r"mineur", r"mineure",
    r"moins de 16 ans", r"ado", r"adolescent", r"adolescente", r"mon p'tit", r"ma p'tite",
    r"mon petit", r"ma petite", r"mes p'tits", r"mon gars", r"mon garcon", r"mes gars", r"mes flos",
    r"sons", r"daughters", r"filles", r"garcons",
)
_NOT_CHILD = _rx(r"not an? (?:child|kid|minor)", r"pas (?:un|une) enfant", r"plus (?:un|une) enfant")
_ADULT = _rx(r"adult", r"adults", r"adulte", r"adultes", r"grown ?up", r"16 or older", r"over 16",
             r"16 ans (?:ou|et) plus", r"plus de 16 ans", r"majeur", r"majeure", r"myself", r"moi-meme",
             r"for me", r"pour moi")  # "and for me?" after a child's fee
# An age: "my 4 yr old", "she's 15", "I'm 30", "mon fils de 12 ans", "il a 9 ans", "j'ai 19 ans".
# ("un passeport de 10 ans" is a validity, so a bare "de N ans" is not an age.)
_AGE = re.compile(
    r"(?<![\w])(\d{1,2}) ?(?:years? olds?|yrs? olds?|y/?o)\b"  # ("my 2 yr olds first one": the 2-year-old's)
    r"|\b(?:i'?m|i am|he'?s|she'?s|he is|she is|is|turns?|turned|aged?)\s+(\d{1,2})\b(?! ?(?:years?|yrs?)\b(?! old))"
    r"|\b(?:fils|fille|enfant|gars|garcon|bebe|petit|petite|p'tit|p'tite|ado|il a|elle a|j'ai|jai|j ai|age de|agee? de)"
    r"\s+(?:de\s+|a\s+)?(\d{1,2}) ?ans\b"  # ("ma petite-fille a 20 ans")
)
_VALIDITY = [
    (_rx(r"10[- ]?(?:years?|yrs?|ans?)(?! old)", r"ten[- ]?years?", r"dix ans", r"10-year"), 10),
    (_rx(r"5[- ]?(?:years?|yrs?|ans?)(?! old)", r"five[- ]?years?", r"cinq ans", r"5-year"), 5),
]
# Countries people write from (English and French names); the US is not "abroad" for fees.
_COUNTRIES = (
    r"mexico|mexique|france|england|angleterre|uk|united kingdom|royaume-uni|scotland|ecosse|ireland|irlande|"
    r"germany|allemagne|spain|espagne|portugal|italy|italie|switzerland|suisse|belgium|belgique|netherlands|"
    r"pays-bas|holland|hollande|sweden|suede|norway|norvege|denmark|danemark|poland|pologne|greece|grece|"
    r"morocco|maroc|algeria|algerie|tunisia|tunisie|egypt|egypte|senegal|cameroon|cameroun|ivory coast|"
    r"cote d'ivoire|haiti|jamaica|jamaique|cuba|dominican republic|republique dominicaine|brazil|bresil|"
    r"argentina|argentine|chile|chili|colombia|colombie|peru|perou|india|inde|pakistan|china|chine|japan|japon|"
    r"korea|coree|vietnam|thailand|thailande|philippines|indonesia|indonesie|australia|australie|new zealand|"
    r"nouvelle-zelande|dubai|uae|emirates|emirats|qatar|saudi arabia|saudi|arabie saoudite|israel|lebanon|liban|"
    r"turkey|turquie|iran|nigeria|kenya|south africa|afrique du sud|hong kong|singapore|singapour|taiwan|europe|"
    r"asia|asie|africa|afrique|"
    r"costa rica|guatemala|honduras|el salvador|salvador|nicaragua|panama|venezuela|ecuador|equateur|bolivia|bolivie|"
    r"uruguay|paraguay|bahamas|barbados|barbade|trinidad|ukraine|russia|russie|romania|roumanie|hungary|hongrie|"
    r"czech republic|republique tcheque|austria|autriche|finland|finlande|iceland|islande|croatia|croatie|"
    r"ethiopia|ethiopie|ghana|rwanda|congo|bangladesh|sri lanka|nepal|malaysia|malaisie|cambodia|cambodge|"
    r"iraq|irak|syria|syrie|afghanistan|burkina faso|madagascar|benin|togo|gabon|guadeloupe|martinique"
    # cities named instead of their country ("here in brussels", "on habite a Paris"); not London,
    # which Ontario has too
    r"|paris|brussels|bruxelles|berlin|munich|lisbon|lisbonne|madrid|barcelona|barcelone|rome|milan|amsterdam|"
    r"geneva|geneve|zurich|dublin|tokyo|seoul|beijing|pekin|shanghai|sydney|melbourne|doha|casablanca|"
    r"rabat|dakar|abidjan|port-au-prince|cancun|punta cana|bangkok|manila|manille|delhi|mumbai|londres|"
    r"london,? (?:uk|u\.k\.|england)|manchester|edinburgh|edimbourg|lyon|marseille|toulouse|bordeaux|lille|nantes|"
    r"strasbourg|montpellier|marrakech|marrakesh|tunis|alger|algiers|cairo|le caire|beirut|beyrouth|istanbul|athens|"
    r"athenes|prague|budapest|warsaw|varsovie|copenhagen|copenhague|stockholm|oslo|helsinki|reykjavik|krakow|cracovie|"
    r"porto|seville|valencia|valence|venice|venise|bali|phuket|hanoi|ho chi minh|new delhi|"
    r"karachi|lahore|bogota|medellin|lima|buenos aires|sao paulo|rio de janeiro|mexico city|havana|la havane|"
    r"varadero|puerto vallarta|tulum|playa del carmen|los cabos|montego bay|lagos|nairobi|accra|tel aviv|"
    r"jerusalem|amman|riyadh|abu dhabi"
)
# The places abroad above, each a name (not a pattern), for reading a message again with
# "abroad" in their place (bot/nlu/places.py)
PLACES_ABROAD = tuple(name for name in _COUNTRIES.split("|") if "(" not in name)
_ABROAD = re.compile(
    r"(?<![\w])(?:outside(?: of)? canada|abroad|overseas|not in canada|another country|embassy|consulate|high commission|haut-commissariat|"
    r"a l'etranger|etranger|letranger|hors (?:du )?canada|(?:a l')?exterieur du canada|pas au canada|ambassade|consulat)(?![\w])"
    # "we live in France", "il vit avec sa mère en Suisse", "installés au Maroc"
    r"|(?<![\w])(?:live|living|lives|reside|residing|based|stay|staying|vit|vis|vivons|vivent|habite|habitons|jhabite|jvis|"
    r"habitent|reste|restons|demeure|demeurons|installe|installee|installes|"
    # an expatriate: "je suis expatrié en France depuis 2 ans", "expat in dubai"
    r"expatrie|expatriee|expatries|expatriees|expat|expats|"
    # working there: "je travaille a dubai depuis 2023", "i work in qatar"
    r"work|working|travaille|travaillons|jtravaille|"
    # studying there: "je suis étudiante en échange à Bordeaux", "studying in lyon this year"
    r"study|studying|studies|etudie|etudies|etudions|etudiant|etudiante|etudiants|etudiantes)\s+(?:[\w']+\s+){0,4}?"
    r"(?:in |en |au |aux |a |at )(?:the )?(?:" + _COUNTRIES + r")(?![\w])"
    # "I'm in Mexico", "chu au Maroc", "currently in Japan" (not "we're flying to France"), a city
    # first: "im in santiago chile"
    r"|(?<![\w])(?<!back )(?:i'?m|i am|we'?re|we are|currently|chu|je suis|suis|on est|nous sommes|from)\s+"
    r"(?:(?:in |en |au |aux |a |at )(?:the )?(?:[a-z'-]+,?\s+)?|(?:the )?)(?:" + _COUNTRIES + r")(?![\w])"
    # "pis si chu rendu en australie pour mon PVT?": there by then
    r"|(?<![\w])(?:chu|je suis|suis|on est|nous sommes|je serai|on sera)\s+(?:rendu|rendue|rendus|rendues)\s+(?:en |au |aux |a )(?:the )?(?:"
    + _COUNTRIES + r")(?![\w])"
    # "here in brussels", "icitte a Paris", "once we're there" after moving to a country
    r"|(?<![\w])(?:here in|ici a|ici en|icitte a|icitte en|ici au|icitte au)\s+(?:" + _COUNTRIES + r")(?![\w])"
    r"|(?<![\w])(?:moved|(?:a|avons|ont|est|sont|suis) demenages?)\s+(?:to |en |au |aux |a )(?:the )?(?:" + _COUNTRIES + r")(?![\w])"
    r"|(?<![\w])(?:moving|move|relocating|demenage\w*)\s+(?:to |en |au |aux |a )(?:the )?(?:" + _COUNTRIES
    + r")\b.*\b(?:once (?:we're|we are|i'm|i am) there|when (?:we|i) get there|une fois (?:la|rendu\w*|arrive\w*))"
    # "if i apply from london uk", "la demande depuis la Belgique", "si je le fais a partir de tokyo"
    r"|(?<![\w])(?<!back )(?:from|depuis|a partir de|a partir du|a partir des)\s+(?:the |la |le |l'|les )?(?:[\w'-]+,?\s+){0,2}?(?:" + _COUNTRIES + r")(?![\w])"
)
# The United States, where a passport costs what it costs in Canada ("et si on habite aux États-Unis?"
# after a child's fee): a place stated, at the fees of Canada (content/passport_fees.yml)
_US = (r"(?:the\s+)?(?:us|usa|u\.s\.a?\.?|united states|states|etats-unis|etats unis|e-u|floride|florida|californi[ae]|"
       r"new york|texas|arizona|"
       # the cities Canadians live in there: "je suis à Boston"
       r"boston|seattle|chicago|los angeles|san francisco|san diego|miami|orlando|tampa|las vegas|phoenix|dallas|houston|"
       r"atlanta|denver|detroit|minneapolis|philadelphia|philadelphie|nouvelle-orleans|new orleans)(?![\w])")
_IN_THE_US = re.compile(r"(?<![\w])(?:in|aux|from|depuis|to|en)\s+" + _US)
# Living there, told: "what if i live in the states", "pis si on reste en floride" (not "flying to the US")
_LIVES_IN_THE_US = re.compile(r"(?<![\w])(?:live|living|lives|reside|residing|based|vit|vis|vivons|habite|habitons|jhabite|"
                              r"demeure|demeurons|reste|restons|i'?m|im|we'?re|chu|je suis|on est)\s+(?:in|aux|en|a)\s+" + _US)
_CANADIAN_PROVINCES = _rx(r"quebec", r"ontario", r"alberta", r"manitoba", r"saskatchewan", r"nunavut", r"yukon",
                          # cities, and Canada itself ("if I do it in Ottawa", "back in canada")
                          r"ottawa", r"toronto", r"montreal", r"vancouver", r"calgary", r"edmonton", r"winnipeg",
                          r"halifax", r"gatineau", r"moncton", r"regina", r"saskatoon", r"sherbrooke", r"trois-rivieres",
                          r"(?<!not )(?<!outside )(?<!outside of )(?<!pas )in canada", r"(?<!pas )au canada")
# Going back to a place, told (folded text): "rentrer au quebec pour noel", "fly back to toronto"
_GOING_BACK_TO = re.compile(r"\b(?:rentrer|revenir|retourner|come back|go back|fly back|move back|moving back|coming back|going back|"
                            r"flying back|heading back|return|returning) (?:au|a|en|to|in|home to) [\w-]+")
_SERVICE = [
    (_rx(r"urgent", r"urgently", r"urgence", r"next (?:business )?day", r"le lendemain", r"24 ?h"), "urgent"),
    (_rx(r"express", r"expres"), "express"),
]
# Lost or stolen, said (folded text): the words three patterns below share
_LOSS_WORDS = r"lost|stolen|perdu|perdue|vole|volee|voler|egare|egaree"
_LOST = _rx(_LOSS_WORDS, r"replace", r"remplacer")
# Several people in one question: "2 kids", "3 enfants pis moi", "me and my wife", "moi pis ma blonde".
_CHILD_COUNT = re.compile(
    r"(?<![\w])(\d|two|three|four|five|deux|trois|quatre|cinq) (?:little |young |petits |petites )?(?:kids|children|enfants|jeunes|flos|p'tits|petits|"
    r"boys|girls|gars|filles|teens|ados|sons|daughters|babies|toddlers|fils|bebes|garcons)\b"
)
# ... or counted by their passports: "2 passeports pour les kids pis le mien 5 ans, total?"
_CHILD_PASSPORTS_COUNT = re.compile(
    r"(?<![\w])(\d|two|three|four|five|deux|trois|quatre|cinq) (?:passports?|passeports?|pports?) (?:pour|for) (?:les |mes |my |the |nos |our )?"
    r"(?:kids|children|enfants|jeunes|flos|p'tits|petits|boys|girls|gars|filles|sons|daughters|babies|fils|bebes|garcons)\b"
)
_ADULT_COUNT = re.compile(
    r"(?<![\w])(\d|two|three|four|five|deux|trois|quatre|cinq) (?:adults?|adultes?|grown-?ups)\b")
_ME = _rx(r"me", r"myself", r"moi", r"moi-meme", r"i'?m", r"i am", r"j'ai", r"jai", r"my passport", r"my own",
          r"mon passeport", r"mon propre", r"le mien", r"mine")
# The citizen's own age ("I'm 15", "j'ai 19 ans") names the citizen, already counted by that age.
_MY_AGE = re.compile(r"(?<![\w])(?:i'?m|i am|j'ai|jai|j ai)\s+\d{1,2}(?: ?(?:years? old|yrs? old|yr old|y/?o|ans))?(?![\w])")
# (or theirs: "renewing mine and my husbands, both 10 year")
_PARTNER = _rx(r"wife'?s?", r"husband'?s?", r"partner'?s?", r"spouse'?s?", r"girlfriend", r"boyfriend", r"blonde", r"chum",
               r"conjoint", r"conjointe", r"femme", r"mari", r"my mom", r"my dad", r"ma mere", r"mon pere")
# ... not one who is told to be of another country, whose passport is not ours: "j'habite à Bruxelles,
# mon conjoint est belge. Combien coûte un passeport de 5 ans quand on le demande de l'étranger?"
_NATIONALITY = (r"(?:american|americaine?|belge|belgian|french|francaise?|british|britannique|mexican|mexicaine?|chinese|chinoise?|"
                r"indian|indienne?|filipino|filipina|philippine|italian|italienne?|german|allemande?|portuguese|portugaise?|spanish|"
                r"espagnole?|swiss|suisse|haitian|haitienne?|moroccan|marocaine?|algerian|algerienne?|lebanese|libanaise?|colombian|"
                r"colombienne?|brazilian|bresilienne?|not (?:a )?canadian|pas canadienne?)")
_PARTNER_OF_ANOTHER_COUNTRY = re.compile(
    r"\b(?:wife|husband|partner|spouse|girlfriend|boyfriend|blonde|chum|conjointe?|femme|mari),? (?:est|is|'s|qui est|who is) "
    rf"(?:un |une |a |an )?{_NATIONALITY}\b")
# ... nor one named for their work, not their passport: "we live in dubai for my husbands job", "pour la job de mon chum"
_PARTNERS_THING = re.compile(
    r"\b(?:wife|husband|partner|spouse|girlfriend|boyfriend)'?s? (?:job|work|contract|posting|employer|company|transfer|career|studies)\b"
    r"|\b(?:la job|le travail|l'emploi|le contrat|la mutation|les etudes|l'employeur) (?:de |d')(?:mon|ma) (?:mari|femme|chum|blonde|conjointe?)\b")
# Two people said together, with no child named: "ma mère pis mon père renouvellent tous les deux pour 5 ans",
# "we both need the 10 year" (not "both parents", who sign a child's application)
_BOTH_OF_US = _rx(r"(?:tous|toutes) les deux", r"nous deux", r"both of us", r"the two of us", r"we both", r"they both",
                  r"both of them", r"(?:my|our) (?:wife|husband|partner|spouse) and i")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5}


@dataclass(frozen=True)
class FeeSituation:
    applicant: str  # "adult" or "child" (for several people: the first adult, else a child)
    validity: Optional[int]  # 5, 10, or None when an adult did not say (or said both)
    location: str  # "in_canada" or "abroad"
    service: str  # "standard", "express" or "urgent"
    lost_or_stolen: bool
    adults: int = 0  # several people in one question; 0 and 0 when it is one passport
    children: int = 0

    @property
    def group(self) -> bool:
        return self.adults + self.children > 1


T = TypeVar("T")


def _first(folded: str, table: Sequence[Tuple["re.Pattern[str]", T]]) -> Optional[T]:
    for pattern, value in table:
        if pattern.search(folded):
            return value
    return None


def _ages(folded: str) -> "list[int]":
    return [int(next(g for g in match.groups() if g)) for match in _AGE.finditer(folded)]


def _people(folded: str, child: bool, ages: "list[int]") -> Tuple[int, int]:
    """(adults, children) named in the message; (0, 0) when it speaks of one passport."""
    counted = _CHILD_COUNT.search(folded) or _CHILD_PASSPORTS_COUNT.search(folded)
    children = (int(counted.group(1)) if counted.group(1).isdigit() else _COUNTS[counted.group(1)]) if counted else (
        max(1, sum(1 for age in ages if age < 16)) if child or any(age < 16 for age in ages) else 0)
    me = _ME.search(folded) and not _MY_AGE.search(folded)
    # ("husband" and "husband's": one; not one named for their job: "we live in dubai for my husbands job")
    partners = len({re.sub(r"'?s$", "", match.group(0)) for match in _PARTNER.finditer(_PARTNERS_THING.sub(" ", folded))})
    adults = (1 if me else 0) + max(0, partners - (1 if _PARTNER_OF_ANOTHER_COUNTRY.search(folded) else 0))
    if adults < 2 and not children and not child and _BOTH_OF_US.search(folded):
        adults = 2
    counted_adults = _ADULT_COUNT.search(folded)
    if counted_adults:
        said = counted_adults.group(1)
        adults = int(said) if said.isdigit() else _COUNTS[said]
    adults = max(adults, sum(1 for age in ages if age >= 16))
    return (adults, children) if adults + children > 1 else (0, 0)


@dataclass(frozen=True)
class _Stated:
    """What one message says of a fee situation; None where it says nothing."""

    child: bool
    adult: bool
    ages: Tuple[int, ...]
    people: Tuple[int, int]
    validity: Optional[int]
    both_validities: bool
    abroad: Optional[bool]
    service: Optional[str]
    lost: bool
    in_the_us: bool = False

    @property
    def whose(self) -> bool:
        return self.child or self.adult or bool(self.ages) or sum(self.people) > 0


def _stated(text: str) -> _Stated:
    folded = fold(text)
    ages = _ages(folded)
    child = (bool(_CHILD.search(folded)) or any(age < 16 for age in ages)) and not _NOT_CHILD.search(folded)
    adult = bool(_ADULT.search(folded)) or bool(_NOT_CHILD.search(folded)) or any(age >= 16 for age in ages) or (
        # "and for my husband?" after a child's fee: a partner or parent, no child named, is an adult
        bool(_PARTNER.search(folded)) and not child)
    both_validities = all(pattern.search(folded) for pattern, _ in _VALIDITY)
    # (lost or stolen in a place abroad: replaced from there, "mon passeport a été volé à Cancún")
    # (a place in Canada one plans to go back to is not where one is: "je travaille a dubai ... on
    # pensait rentrer au quebec pour noel")
    here = _CANADIAN_PROVINCES.search(_GOING_BACK_TO.sub(" ", folded))
    abroad = bool(_ABROAD.search(folded) or _LOST_THERE.search(folded)) and not here
    return _Stated(child=child, adult=adult, ages=tuple(ages), people=_people(folded, child, ages),
                   validity=None if both_validities else _first(folded, _VALIDITY), both_validities=both_validities,
                   abroad=True if abroad else (False if here else None),
                   service=_first(folded, _SERVICE), lost=bool(_LOST.search(folded)),
                   in_the_us=not abroad and bool(_IN_THE_US.search(folded)))


def states_whose_passport(text: str) -> bool:
    """The message tells something of the passport's situation other than the pick-up service:
    whose (a child, an adult, an age), for how long, where, or a lost one."""
    stated = _stated(text)
    return (stated.child or stated.adult or stated.validity is not None or stated.both_validities
            or stated.abroad is not None or stated.lost)


def stated_validity(text: str) -> bool:
    """The message says for how long the passport is ("10 year ones", "un 5 ans"), or asks both."""
    stated = _stated(text)
    return stated.validity is not None or stated.both_validities


def lives_abroad(text: str) -> bool:
    """The message says the citizen is outside Canada ("I'm in London UK right now", "je vis à Lyon
    depuis 2 ans"), and names no place in Canada."""
    return _stated(text).abroad is True


def lives_outside_canada(text: str) -> bool:
    """The citizen lives abroad, or in the United States (which `lives_abroad` leaves out: a
    passport costs there what it costs in Canada): "what if i live in the states"."""
    return lives_abroad(text) or bool(_LIVES_IN_THE_US.search(fold(text)))


# A place outside Canada named at all, even by someone who may not live there ("how long for a
# canadian passport in australia"), or an embassy or consulate
# ("et si je le fais a partir de tokyo?")
_PLACE_ABROAD = re.compile(r"(?<![\w])(?:in|en|au|aux|a|at|from|depuis|to|a partir (?:de|du|des))\s+(?:the )?(?:" + _COUNTRIES + r")(?![\w])")


def names_a_place_abroad(text: str) -> bool:
    folded = fold(text)
    return bool(_ABROAD.search(folded) or _PLACE_ABROAD.search(folded))


def names_the_us(text: str) -> bool:
    """The United States named as where one is or sends from: "Can I send the renewal by mail from the States?"."""
    return bool(_IN_THE_US.search(fold(text)))


# Arrived from another country, told (folded text): "we moved to edmonton from ukraine last month",
# "on est arrivés d'Haïti en mai": a newcomer
_MOVED_FROM_ABROAD = re.compile(r"(?<![\w])(?:moved|came|arrived|immigrated|emigrated|demenage\w*|arrive\w*|venu\w*|immigre\w*)(?![\w])"
                                r"[^.?!]{0,30}?(?<![\w])(?:from|de|du|des|d')\s*(?:the |la |le |l')?(?:" + _COUNTRIES + r")(?![\w])")


def moved_from_abroad(text: str) -> bool:
    return bool(_MOVED_FROM_ABROAD.search(fold(text)))


# A passport lost or stolen in a place abroad, told (folded text): "my passport got stolen in rome",
# "mon passeport a été volé à Cancún hier", "lost it at the airport in Lisbon", "je me suis fait
# voler mon passeport à rome"
_LOST_THERE = re.compile(r"(?<![\w])(?:" + _LOSS_WORDS + r")(?![\w])[^.?!,;]{0,40}?"
                         r"(?<![\w])(?:in|en|au|aux|a|at)\s+(?:the )?(?:" + _COUNTRIES + r")(?![\w])")


def lost_abroad(text: str) -> bool:
    """A passport lost or stolen in a place outside Canada, or lost by someone who says they are
    outside Canada."""
    folded = fold(text)
    return bool(_LOST_THERE.search(folded)) or (bool(_LOST.search(folded)) and lives_abroad(text))


def wants_faster_service(text: str, before: str = "") -> bool:
    """The message, or the one before it, names the urgent or express service or a trip within
    two weeks ("can I get it urgent?" then "how much is that"; "je pars dans 4 jours")."""
    from bot.nlu.phrases import trip_within_two_weeks

    return any(_first(fold(said), _SERVICE) or trip_within_two_weeks(said) for said in (text, before) if said)


# A person pointed back to ("and how much for him", "pis pour elle?"): the one the message before told
_FOR_THEM = re.compile(r"\b(?:for (?:him|her|them)|(?:pour|a) (?:lui|elle|eux|elles)|his one|her one|le sien|la sienne)\b")


def points_back_to_someone(text: str) -> bool:
    """The message asks about a person by a pronoun: the one the message before it told."""
    return bool(_FOR_THEM.search(fold(text)))


def fee_situation(text: str, before: str = "", whose_before: bool = True, lately: str = "") -> Optional[FeeSituation]:
    """The stated situation, or None when the message does not say whose passport (child or
    adult, or an age), its validity or that it is applied for from abroad. `before`, the message
    this one follows up, fills in what this one does not say: "pis si c'est urgent?" after "combien
    pour mon fils" is a child's passport with urgent service; "and for a kid?" after "how much is
    a 10 year passport" is a child's, not both. With `whose_before` False (an earlier message that
    was not read with this one), only the validity, the place and the service carry over.
    `lately`, what the citizen said earlier in the conversation, gives the place when neither
    says it ("we live in belgium", then a renewal question, then "how much for my 10 year one")."""
    now = _stated(text)
    if before:
        then = _stated(before)
        who = now if now.whose or not whose_before else then
        now = _Stated(child=who.child, adult=who.adult, ages=who.ages, people=who.people,
                      validity=then.validity if now.validity is None and not now.both_validities else now.validity,
                      both_validities=now.both_validities or (now.validity is None and then.both_validities),
                      abroad=now.abroad if now.abroad is not None else then.abroad,
                      service=now.service or then.service, lost=now.lost or (then.lost and whose_before),
                      in_the_us=now.in_the_us or (then.in_the_us and now.abroad is None))
    adults, children = now.people
    abroad = bool(now.abroad if now.abroad is not None or not lately else _stated(lately).abroad)
    if not (now.child or now.adult or now.validity or abroad or now.in_the_us or now.both_validities or adults + children):
        return None  # "does express cost more?", "lost, how much?": the entry answers it
    applicant = "child" if now.child and not now.adult and not adults else "adult"
    location = "abroad" if abroad else "in_canada"
    return FeeSituation(
        applicant=applicant,
        validity=5 if applicant == "child" else now.validity,
        location=location,
        service=now.service if now.service and location == "in_canada" else "standard",
        lost_or_stolen=now.lost and not (adults + children),
        adults=adults,
        children=children,
    )


_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_MONTHS = {
    "january": 1, "jan": 1, "janvier": 1, "february": 2, "feb": 2, "fevrier": 2, "march": 3, "mar": 3,
    "mars": 3, "april": 4, "apr": 4, "avril": 4, "may": 5, "mai": 5, "june": 6, "jun": 6, "juin": 6,
    "july": 7, "jul": 7, "juillet": 7, "august": 8, "aug": 8, "aout": 8, "september": 9, "sept": 9,
    "sep": 9, "septembre": 9, "october": 10, "oct": 10, "octobre": 10, "november": 11, "nov": 11,
    "novembre": 11, "december": 12, "dec": 12, "decembre": 12,
}
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "a couple of": 2, "a few": 3, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
    "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "quelques": 3,
}
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + r")"
_SOON_WORDS = _rx(
    r"today", r"tonight", r"tomorrow", r"tmrw", r"tmr", r"tomorow", r"this week", r"this weekend",
    r"next week", r"asap", r"right away", r"in a few days", r"in a couple (?:of )?days",
    r"aujourd'hui", r"aujourdhui", r"ce soir", r"demain", r"apres-demain", r"apres demain",
    r"cette semaine", r"ce weekend", r"ce week-end", r"ce fin de semaine", r"cette fin de semaine",
    r"la semaine prochaine", r"semaine prochaine", r"dans quelques jours", r"bientot",
)
# the application sent today (or tomorrow, or this week), not the trip: "if i mail my renewal today
# will it come back before march break? we leave march 14", "si j'envoie ma demande demain matin",
# "on part en grèce le 20 juin, si je fais la demande demain en personne ca va arriver a temps?"
# ("if i mail my daughters passport application today how long till we get it back? trip is july 10")
_SENT_TODAY = re.compile(r"\b(?:mail|send|post|apply|submit|drop off|envoi|envoie|poste|depose|applique|demande)\w*\s+(?:[\w']+\s+){0,5}?"
                         r"(?:today|aujourd'hui|aujourdhui|ajd|this week|cette semaine|tomorrow|tmrw|demain)\b"
                         # the day of the loss, not of a trip: "my passport was stolen in rome today"; nor of
                         # the passport found again: "found the old one in my coat pocket today lol"
                         r"|\b(?:" + _LOSS_WORDS + r")\s+(?:[\w']+\s+){0,3}?(?:today|aujourd'hui|aujourdhui|ajd)\b"
                         r"|\b(?:found|retrouve|retrouvee)\s+(?:[\w']+\s+){0,8}?(?:today|aujourd'hui|aujourdhui|ajd)\b")
# A trip's month named alone ("on part en croisiere en octobre", "we fly in march"), when no day is
# given (not "i sent it in april", "reported it lost in april")
_IN_MONTH = re.compile(r"\b(?:part|pars|partons|partent|leave|leaving|fly|flying|go|going|travel\w*|voyag\w*|trip|croisiere|cruise|"
                       r"vol|flight|vacances|vacation|holidays?|depart)\b[^.?!]{0,30}?\b(?:in|en|au mois d'|au mois de)\s?("
                       + "|".join(name for name in _MONTHS if len(name) > 3) + r")\b")
# A trip on a weekday ("we fly saturday", "on part samedi pour cuba"): the weekday is the trip's
_TRIP_ON_A_WEEKDAY = re.compile(r"\b(?:part|pars|partons|partent|leave|leaving|fly|flying|go|going|travel\w*|voyag\w*|trip|croisiere|cruise|"
                                r"vol|flight|depart\w*)\b(?:\s+[\w']+){0,3}?\s+(?:on\s+|le\s+|ce\s+|this\s+|next\s+)?(?:"
                                + "|".join(_WEEKDAYS) + r")\b")
_LATER_WORDS = _rx(
    r"next month", r"next year", r"this summer", r"next summer", r"in the summer", r"le mois prochain",
    r"l'an prochain", r"l'annee prochaine", r"cet ete", r"l'ete prochain", r"not (?:for|until) (?:a while|months)",
    r"no (?:trip|travel) planned", r"not travell?ing", r"pas de voyage", r"je ne voyage pas", r"je voyage pas",
)
_IN_DAYS = re.compile(rf"(?:in|within|dans|d'ici) {_NUMBER} ?(?:business |working )?(days?|jours?|weeks?|semaines?|months?|mois|hours?|hrs?|heures?|h)\b")
_DAY_MONTH = re.compile(r"(?:le |on |the )?(\d{1,2})(?:st|nd|rd|th|er)? (?:of )?([a-z]+)")
_MONTH_DAY = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?\b")
_WEEKDAY = re.compile(r"(?<![\w])(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")(?![\w])")


_UNIT = r"(business days?|working days?|days?|jours? ouvrables?|jours?|weeks?|wks?|semaines?|months?|mois)"
# The verbs of an application sent (folded text), read with how long ago or in which month
_SENT_VERBS = "applied|mailed|sent|posted|submitted|envoye|envoyee|poste|postee|depose|deposee|soumis|fait (?:ma|la|notre) demande"
_WAITED = [
    # "it's been 6 weeks", "ça fait 25 jours ouvrables"
    re.compile(rf"\b(?:it'?s been|its been|it has been|been|ca fait|sa fait)\s+(?:about |like |over |almost |more than |"
               rf"environ |genre |presque |plus de |deja )?{_NUMBER}\s*{_UNIT}"),
    # "applied 6 weeks ago", "j'ai envoyé ma demande ya 5 semaines", "posté il y a trois semaines"
    re.compile(rf"\b(?:{_SENT_VERBS}|dropped)\b[^.?!]{{0,40}}?\b(?:il y a|y a|ya|y'a|depuis)?\s*{_NUMBER}\s*{_UNIT}"),
]


# The month the application was sent, named (folded text): "applied back in march", "j'ai posté ma
# demande de passeport le 3 mars" (full month names only: "may" is also a verb)
_FULL_MONTHS = "|".join(name for name in _MONTHS if len(name) > 4 or name in {"mars", "mai", "juin", "june", "july", "aout"})
_SENT_IN_MONTH = re.compile(
    rf"\b(?:{_SENT_VERBS})\b"
    r"(?: (?:it|them|ma demande|mon dossier|my application|(?:ma|mon|my) (?:demande de |application for (?:a |my )?)?passe?port))?"
    rf"(?: back)?(?: (?:in|en|au mois de|at the end of|a la fin de|on|le))? (?:(\d{{1,2}})(?:er|st|nd|rd|th)? (?:of )?)?({_FULL_MONTHS})\b")


def _business_days_since_month(folded: str, today: date) -> Optional[int]:
    """Business days since the day (or, with no day, the end) of the month the application was
    sent in, counted back to `today` (the today the message tells, when it tells one); None when
    no month is named, or when that day is not yet past."""
    sent = _SENT_IN_MONTH.search(folded)
    if not sent:
        return None
    today, _ = _today_told(folded, today)
    month = _MONTHS[sent.group(2)]
    year = today.year if month <= today.month else today.year - 1
    if sent.group(1):
        try:
            day = date(year, month, int(sent.group(1)))
        except ValueError:
            return None
    else:
        day = date(year + month // 12, month % 12 + 1, 1)  # the first of the next month: the month's end
    if day >= today:
        return None
    return (today - day).days * 5 // 7


def waited_business_days(text: str, today: Optional[date] = None) -> Optional[int]:
    """Business days since the citizen applied, when the message says it ("it's been 6 weeks",
    "j'ai posté ma demande il y a trois semaines", "posté le 3 mars ... on est rendu le 20 avril");
    None when it does not, or when it counts from something else ("it expired 6 weeks ago")."""
    folded = fold(text)
    if "expir" in folded:
        return None
    # a month named counts only with the today it is counted to told ("j'ai posté ma demande le 3
    # mars. on est rendu le 20 avril"): without it, a writer may mean this year's or last
    # ("i applied on march 3rd, normally when should i get it" asks the usual times)
    told = _TODAY_DATED.search(folded)
    since_month = _business_days_since_month(folded, today or date.today()) if told else None
    waited = [] if since_month is None else [since_month]
    for pattern in _WAITED:
        for match in pattern.finditer(folded):
            raw, unit = match.group(1), match.group(2)
            number = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 0)
            if unit.startswith(("business", "working")) or "ouvrable" in unit:
                waited.append(number)
            elif unit.startswith(("day", "jour")):
                waited.append(number * 5 // 7)
            elif unit.startswith(("week", "wk", "semaine")):
                waited.append(number * 5)
            else:
                waited.append(number * 21)
    return max(waited) if waited else None


def _days_until(month: int, day: int, today: date) -> Optional[int]:
    try:
        target = date(today.year, month, day)
    except ValueError:
        return None
    if target < today:
        try:
            target = date(today.year + 1, month, day)
        except ValueError:
            return None
    return (target - today).days


# A day of the month without its month (folded text): "we leave on the 10th", "je pars le 14."
# (English with its ordinal; French "le 14" only before a pause or the end, not "le 14 ans")
_DAY_OF_MONTH = re.compile(r"\b(?:on|by|for|before|leaving|leave|fly|flying|going|departing) the (\d{1,2})(?:st|nd|rd|th)\b|\b(?:le|du|pour le|avant le) (\d{1,2})(?:er|e)?(?=\s*(?:[.,!?]|$))"
                           # a trip's day, then more told: "je pars a Cuba le 14 et mon passeport est expiré"
                           r"|\b(?:pars|part|partons|partent|partir|vol|voyage|depart)\b[^.?!]{0,25}?\ble (\d{1,2})(?:er|e)?(?=\s+(?:et|pis|puis|mais|donc|alors)\s)")
# ... or where to, when today's day is told too: "je dois partir le 19 à Bogotá pour les funérailles de
# mon père, on est le 16" (without today's day, the day alone is left to the question "are you
# travelling in the next two weeks?")
_DAY_TO_A_PLACE = re.compile(r"\b(?:pars|part|partons|partent|partir|vol|voyage|depart)\b[^.?!]{0,25}?\ble (\d{1,2})(?:er|e)?"
                             r"(?=\s+(?:(?:pour|vers|direction)\s|(?:a|au|aux)\s+[^\W\d]))")


_TODAY_IS = re.compile(r"\b(?:on est le|nous sommes le|today is the|today'?s the|todays the|it'?s the (?=\d{1,2}(?:st|nd|rd|th)? today))"
                       r"\s*(\d{1,2})(?:st|nd|rd|th|er|e)?\b(?: today| aujourd'hui| ajd)?")


# Today's date told with its month ("today is feb 10", "on est le 10 février"): the day counted
# from, not a trip's date nor a trip "today"
_TODAY_DATED = re.compile(r"\b(?:today is|today'?s|todays|on est le|on est rendu le|on est rendus le|nous sommes le|aujourd'hui c'est le|aujourdhui c'est le|"
                          r"aujourd'hui on est le)\s+(?:the\s+)?(?:([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th|er|e)? "
                          r"(?:of )?([a-z]+))\b")


# ... or said after it: "we fly to cancun april 20, its march 3 today", "c'est le 3 mars aujourd'hui"
_TODAY_DATED_AFTER = re.compile(r"\b(?:it'?s|its|it is|c'est|cest|on est)\s+(?:the\s+|le\s+)?(?:([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?|"
                                r"(\d{1,2})(?:st|nd|rd|th|er|e)? (?:of )?([a-z]+))\s+(?:today|aujourd'hui|ajd)\b")


def _today_told(folded: str, today: date) -> "tuple[date, str]":
    """(the date the message says is today, the message without it), or (today, the message)."""
    told = _TODAY_DATED.search(folded) or _TODAY_DATED_AFTER.search(folded)
    if not told:
        return today, folded
    month = _MONTHS.get(told.group(1) or told.group(4) or "", 0)
    day = int(told.group(2) or told.group(3))
    try:
        said = date(today.year, month, day) if month else None
    except ValueError:
        said = None
    if said is None:
        return today, folded
    return said, f"{folded[:told.start()]} {folded[told.end():]}"


def _window(days: int, within: int = SOON_DAYS) -> Window:
    return "soon" if days <= within else "later"


def _days_from(this_day: int, day: int) -> int:
    """Days from `this_day` of a month to `day`: of this month, or of the next one once it is past."""
    return day - this_day if day >= this_day else (31 - this_day) + day


def travel_window(text: str, today: Optional[date] = None, within: int = SOON_DAYS) -> Optional[Window]:
    """"soon" (within two weeks, or `within` days), "later", or None when the message gives no date."""
    today, folded = _today_told(fold(text), today or date.today())
    if _LATER_WORDS.search(folded):
        return "later"
    counted = _IN_DAYS.search(folded)
    if counted:
        raw, unit = counted.group(1), counted.group(2)
        number = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 0)
        days = number * (7 if unit.startswith(("week", "semaine")) else 30 if unit.startswith(("month", "mois")) else 1)
        return _window(days, within)
    if _SOON_WORDS.search(_SENT_TODAY.sub(" ", folded)):
        return "soon"
    # today's day told without its month ("on est le 9", "today is the 14th") is the day counted
    # from, not the trip's; beside a trip's date ("voyage a cuba le 14 mars, on est le 5") the
    # trip's month is this one (or the next one, once that day is past)
    told = _TODAY_IS.search(folded)
    told_day = int(told.group(1)) if told and 1 <= int(told.group(1)) <= 31 else None
    for match in _DAY_MONTH.finditer(folded):
        month = _MONTHS.get(match.group(2), 0)
        if month:
            day = int(match.group(1))
            if told_day is not None and 1 <= day <= 31:
                return _window(_days_from(told_day, day), within)
            until = _days_until(month, day, today)
            if until is not None:
                return _window(until, within)
    for match in _MONTH_DAY.finditer(folded):
        month = _MONTHS.get(match.group(1), 0)
        if month and match.group(1) not in ("mar", "may", "mai", "sun", "sat"):
            until = _days_until(month, int(match.group(2)), today)
            if until is not None:
                return _window(until, within)
    weekday = _WEEKDAY.search(folded)
    in_month = _IN_MONTH.search(folded)
    if weekday and in_month and not _TRIP_ON_A_WEEKDAY.search(folded) and _MONTHS[in_month.group(1)] != today.month:
        # a weekday of something else, the trip's month named: "on s'est mariés samedi ... voyage de
        # noces au mexique en mars" is a trip in March
        first = _days_until(_MONTHS[in_month.group(1)], 1, today)
        return "later" if first is not None and first > within else None
    if weekday:
        return "soon"  # a day named without a date is within the coming week
    if told:
        folded = f"{folded[:told.start()]} {folded[told.end():]}"
    day_only = _DAY_OF_MONTH.search(folded) or (_DAY_TO_A_PLACE.search(folded) if told_day is not None else None)
    day = int(next(group for group in day_only.groups() if group)) if day_only else 0
    if 1 <= day <= 31:
        # "we leave on the 10th": that day of this month, or of the next one once it is past
        return _window(_days_from(told_day if told_day is not None else today.day, day), within)
    in_month = _IN_MONTH.search(folded)
    if in_month and _MONTHS[in_month.group(1)] != today.month:
        # a later month: its first day is more than two weeks away, or its days run past them
        first = _days_until(_MONTHS[in_month.group(1)], 1, today)
        return "later" if first is not None and first > within else None
    return None


# --- renewal ------------------------------------------------------------------------------------
# The age the last passport was issued at: "when I was 14", "at 19", "j'avais 15 ans", "à 19 ans".
_ISSUED_AGE = re.compile(
    r"\b(?:when i was|i was|when (?:he|she|they) (?:was|were)|at age|at the age of|aged|at)\s+(\d{1,2})\b"
    r"(?!\s*(?:am|pm|h\b|:|%|\$|days?|weeks?|months?|years? ago|yrs? ago|o'?clock))"
    # (not a time: "émis il y a 8 ans", "ya 8 ans")
    r"|\b(?:quand j'avais|lorsque j'avais|j'avais|javais|quand (?:il|elle) avait|lorsqu'(?:il|elle) avait|a l'age de|(?<!il y )(?<!\by )a|a mes|a ses)\s+(\d{1,2}) ?ans\b"
)
# One's own old child passport (not a child's passport now): "my last one was a kids passport",
# "mon passeport d'enfant", "the passport I got as a kid".
_CHILD_PASSPORT = _rx(
    r"(?:was|is|had|have|still have|got|it's|its) an? (?:child|kid|kids|children's)(?:'s)? passport",
    r"my (?:old|last|previous) (?:child|kid|kids)(?:'s)? passport",
    r"passport (?:i got |i had |from )?(?:as|when i was) an? (?:kid|child|minor|teen|teenager)",
    r"(?:mon|un|c'etait un|c'est un) (?:vieux |ancien )?passeport (?:d'|pour )?enfant",
    r"passeport (?:que j'ai eu |obtenu )?(?:quand j'etais|comme) (?:enfant|petit|petite|ado)",
)
_A_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"  # a passport's year, as people write it
_YEAR = re.compile(rf"(?<![\w$])({_A_YEAR})(?![\w])")
# A year that is not the one the passport was issued: birth, expiry, travel.
_OTHER_YEAR = re.compile(
    r"\b(?:born|expires?|expired|expiring|expiry|ran out|runs? out|lapsed|valid (?:until|till|to)|until|till|ne|nee|expire|expiree|"
    r"expirait|echeance|valide jusqu'en|jusqu'en|trip|travel|voyage)\s+(?:in |en |on |le )?(?:\w+ ){0,2}(19[5-9]\d|20[0-4]\d)\b"
    # the year one moved or has lived somewhere: "j'habite à Genève depuis 2019", "living in dubai since 2018"
    r"|\b(?:habite\w*|vis|vit|vivons|vivent|demeure\w*|reside\w*|live|lives|lived|living|moved|demenage\w*|"
    r"installee?s?|arrivee?s?|arrived)\b[^.?!,]{0,30}\b(?:depuis|since|en|in) (19[5-9]\d|20[0-4]\d)\b"
)
# "expired 20 years ago", "expiré depuis 12 ans": a passport is valid 5 or 10 years, so it was
# issued 5 to 10 years before it expired.
# (how roughly a number of years is told: "like 16", "il y a 12", "plus de 10")
_ROUGHLY = r"(?:like|about|around|over|more than|almost|nearly|il y a|ya|genre|environ|plus de|presque)"
_EXPIRED_AGO = re.compile(
    r"\b(?:expired|expire|expiree|echu|echue|perime|perimee|pas renouvele)\s+"
    rf"(?:(?:{_ROUGHLY}|since|depuis|ca fait)\s+)*"
    r"(\d{1,2})\s*(?:years?|yrs?|ans|annees)\b"
)
# ... or how long ago it was issued: "what if my last one was issued like 16 years ago", "émis il y a 12 ans"
_ISSUED_AGO = re.compile(
    r"\b(?:issued|got it|got mine|emis|emise|delivre|delivree|obtenu)\s+"
    rf"(?:{_ROUGHLY}\s+)*"
    r"(\d{1,2})\s*(?:years?|yrs?|ans|annees)(?: ago)?\b"
)
# ... or the year it expired, told: "it expired in 2009", "expiré en 2012", "périmé depuis 2015"
_EXPIRED_IN = re.compile(r"\b(?:expired|ran out|lapsed|expire|expiree|echu|echue|perime|perimee)\s+"
                         r"(?:(?:in|en|since|depuis|back in|in early|in late|at the end of|a la fin de)\s+)*(19[5-9]\d|20[0-4]\d)\b")
_NOT_5_OR_10 = _rx(
    r"temporary", r"temporaire", r"emergency", r"d'urgence", r"limited[- ]validity", r"limited",
    r"validite limitee", r"(?:1|2|one|two)[- ]?(?:years?|yrs?)[- ](?:passport|passeport|one|booklet)",
    r"valid (?:for )?(?:1|2|one|two)[- ](?:years?|yrs?)", r"(?:1|2) ans? de validite",
    r"(?:un|deux) ans de validite", r"valide (?:1|2|un|deux) ans?", r"good for (?:1|2|one|two) years?",
)
# A passport told to have been valid 5 or 10 years ("il était de 10 ans, ça marche encore?", "it was
# a 10 year one"), not an age ("I was 10 years old", "quand j'avais 10 ans")
_IS_5_OR_10 = _rx(
    r"(?:valid|valide|good|bon) (?:for |pour |pendant )?(?:5|10|five|ten|cinq|dix) (?:years?|yrs?|ans)",
    r"(?:5|10|five|ten|cinq|dix)[- ]?(?:years?|yrs?|ans?)[- ](?:passport|passeport|one|booklet|validity)",
    r"(?:passe?ports? (?:de |of )|(?:it|il|c'|it's|its) ?(?:was|etait|est|is) (?:de |a |un |une )?)(?:5|10|five|ten|cinq|dix)"
    r"[- ]?(?:years?|yrs?|ans?)(?! old)",
    # the one had now: "my current one is a 5 year", "mon ancien c'était un 10 ans"
    r"(?:current|old|last|present|actuel|ancien|dernier) (?:one|passport|passeport)?\s*(?:is|was|est|etait|c'est|c'etait) (?:a |an |un |une |de )?"
    r"(?:5|10|five|ten|cinq|dix)[- ]?(?:years?|yrs?|ans?)(?! old)",
)


def told_valid_5_or_10(text: str) -> bool:
    """A passport told to be valid 5 or 10 years ("mon passeport de 10 ans", "it was a 10 year one")."""
    return bool(_IS_5_OR_10.search(fold(text)))


def check_answers_told(text: str, today: Optional[date] = None) -> "dict[str, bool]":
    """What a message sent during the eligibility check tells of its questions: what a renewal
    question states (renewal_situation), and a validity of 5 or 10 years ("il était de 10 ans, ça
    marche encore?"), which, told before the check, only says which passport is renewed."""
    found = renewal_situation(text, today)
    if "renewal_valid_5_or_10" not in found and told_valid_5_or_10(text):
        found["renewal_valid_5_or_10"] = True
    return found


# A changed name (marriage, divorce, a legal change): the name-change answer says which
# document to send with the new application.
NAME_CHANGED = _rx(
    r"changed my (?:last |family |first )?name", r"name change", r"new (?:last )?name", r"maiden name",
    r"married name", r"(?:took|taking|take) (?:my )?(?:husband|wife|spouse|partner)'?s (?:last )?name",
    r"changement de nom", r"change(?:r)? de nom", r"change mon nom", r"nouveau nom", r"nom de (?:jeune )?fille",
    r"(?:pris|prendre|prend) le nom de (?:mon|ma) (?:mari|conjointe?|epouse?|chum|blonde)", r"nom de (?:femme )?mariee?",
    # "what if my name changed since", "et si mon nom a changé depuis"
    r"(?:my|her|his|mon|son) (?:last |family |first )?name (?:has |had |got |is |was )?(?:changed|different)",
    r"(?:mon|son) nom (?:de famille )?(?:a |est )?(?:change|different)",
)
# The other details a renewal cannot change: the sex or gender identifier.
_SEX_CHANGED = _rx(
    r"changed (?:my )?(?:gender|sex)(?: marker| identifier)?", r"gender marker", r"sex marker",
    r"changement de (?:sexe|genre)", r"change(?:r)? de (?:sexe|genre)", r"marqueur de (?:genre|sexe)",
    r"mention de (?:sexe|genre)",
)


# The year a passport was issued, told (folded text): "il a été émis en 2011 a hong kong", even the
# year that settles nothing alone (15 years ago: the check asks the day)
_ISSUED_IN_YEAR = re.compile(r"\b(?:issued|emis|emise|delivre|delivree|got it|renewed|renouvele)\b[^.?!]{0,15}?\b(?:in|en)\s+" + _A_YEAR + r"(?![\w])")


def issued_in_a_year(text: str) -> bool:
    return bool(_ISSUED_IN_YEAR.search(fold(text)))


def renewal_situation(text: str, today: Optional[date] = None) -> "dict[str, bool]":
    """The eligibility-check slots a renewal question already answers (only what it says
    plainly; a slot it does not settle is left out, and the check asks it)."""
    today = today or date.today()
    folded = fold(text)
    found: "dict[str, bool]" = {}
    ages_at_issue = [int(next(g for g in m.groups() if g)) for m in _ISSUED_AGE.finditer(folded)]
    if _CHILD_PASSPORT.search(folded) or any(age < 16 for age in ages_at_issue):
        found["renewal_age_16_plus"] = False
    elif any(16 <= age <= 99 for age in ages_at_issue):
        found["renewal_age_16_plus"] = True
    other_years = {m.group(1) or m.group(2) for m in _OTHER_YEAR.finditer(folded)}
    years = [int(y) for y in _YEAR.findall(folded) if y not in other_years and int(y) <= today.year]
    if len(set(years)) == 1:  # one year, clearly in the past: it was issued then
        elapsed = today.year - years[0]
        if elapsed >= 16:
            found["renewal_issued_recently"] = False
        elif elapsed <= 14:
            found["renewal_issued_recently"] = True
    expired = [int(m.group(1)) for m in _EXPIRED_AGO.finditer(folded)]
    # "it expired in 2009": issued too long ago, whatever its validity (a recent year, "it ran out
    # in 2024", settles nothing: how to renew is asked, not whether)
    expired += [today.year - int(m.group(1)) for m in _EXPIRED_IN.finditer(folded) if today.year - int(m.group(1)) + 5 >= 16]
    if len(set(expired)) == 1 and "renewal_issued_recently" not in found:
        if expired[0] + 5 >= 16:  # issued at least 16 years ago, whatever its validity
            found["renewal_issued_recently"] = False
        elif expired[0] + 10 <= 14:  # issued at most 14 years ago
            found["renewal_issued_recently"] = True
    issued = [int(m.group(1)) for m in _ISSUED_AGO.finditer(folded)]
    if len(set(issued)) == 1 and "renewal_issued_recently" not in found and issued[0] >= 16:
        # (only what rules renewing out: "i got it 10 yrs ago, how do i renew it" asks how)
        found["renewal_issued_recently"] = False
    if _NOT_5_OR_10.search(folded):
        found["renewal_valid_5_or_10"] = False
    if NAME_CHANGED.search(folded) or _SEX_CHANGED.search(folded):
        found["renewal_details_unchanged"] = False
    return found
