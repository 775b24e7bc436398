"""The follow-up reader (`_in_context`, the first step of `in_context` in topic_rules.py): a
message that makes sense only after what came before, read again with the conversation. An
elliptical follow-up ("and for a kid?", "pis en novembre?"), a short statement that leans on the
last message ("is there one open on saturdays"), a date given to "are you travelling in the next
two weeks?", a call for help or distress after a situation told ("what do i do now", "chu dans
marde"), and the words and word counts that tell them.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional

from bot.engine.context.constants import (
    ASKS, ASKS_WHERE, DOUBTFUL_TOPIC, FEES, FOLLOW_UP, PASSPORT, QUALIFYING_TOPICS, SURE_NAMED, WHAT_TO_DO_NOW,
)
from bot.engine.context.conversation import (
    _event_intent, _said_lately, conversation_so_far, last_read, last_said, last_topic, previous_bot_action, recent_messages,
    told_lately,
)
from bot.engine.context.parts import MIN_QUESTION_WORDS, to_the_assistant
from bot.engine.context.passports import names_a_service
from bot.engine.context.programs import (
    LEAST_PROGRAM_WEIGHT, in_the_conversations_program, in_the_program_before, settled_by_own_words, with_the_program_named,
)
from bot.engine.context.readings import (
    Parse, _answering, _as_topic, _confidence, _intent, _past_fallback, _two_likeliest, _with_intent, _without,
    conversations_entry, own_entry, own_topic_within, program_weight, read_as,
)
from bot.folding import as_typed, fold
from bot.knowledge import program_of
from bot.nlu.classifier import renormalised
from bot.nlu.phrases import (
    COMPLAINS, asks_for_person, asks_how_in_person, asks_if_in_time, asks_if_needed_for, asks_price, names_a_subject, names_another_service,
    other_service_named, programs_named, quotes_a_call, sounds_lost, tells_it_is_late,
)
from bot.nlu.our_words import unknown_words

# "for my son?", "pour un enfant?": a short fragment that names whom the last question is for
FOR_WHOM = re.compile(r"^\W*(?:for|pour) (?:my|mon|ma|mes|me|moi|a|an|un|une|the|le|la|les|our|notre|nos)\b"
                      # whom alone: "enfant?" after "frais passeport", "a kid?", "adulte?"
                      r"|^\W*(?:(?:and|et|pis) )?(?:a |an |un |une |the |le |la |mon |ma |my )?"
                      r"(?:enfants?|child|children|kids?|b[eé]b[eé]s?|baby|adultes?|adults?)\W*$", re.IGNORECASE)
MAX_FOR_WHOM_WORDS = 10  # "for me and my son who is 8" after a fee question
MAX_FOLLOW_UP_WORDS = 14  # "pis pour mon mari? il a un permis de travail ouvert"
MAX_LEANING_WORDS = 10
MAX_DOUBTFUL_WORDS = 6
MAX_REAL_WORDS = 8  # "c'est vrai ça ou c'est une arnaque?" after a call about the SIN
MAX_SERVICE_FRAGMENT_WORDS = 3  # "plus urgent?", "with express?" after a fee question: that fee
MAX_CALL_FOR_HELP_WORDS = 8  # "y a tu quelque chose pour m'aider?" after a loan payment and a lost job
MAX_DOUBTFUL_OFF_TOPIC_WORDS = 18  # "je fais comment pour faire une demande" after losing a job, or
# "is there an office in Kelowna or do I have to drive all the way to Kamloops" after renewing in person
TRAVEL_QUESTION = "utter_ask_travel_soon"
LOST_ABROAD_ENTRY = "passport_lost_stolen.abroad"
LOST_OVERVIEW = "passport_lost_stolen.overview"
UNSURE_PERSON_AFTER_TOPIC = 0.6  # a request for a person this unsure, with no words of one, after a topic of ours
KEEP = {"affirm", "deny", "request_human", "complaint", "stop"}
# More of what was just asked (folded text): "another one", "one more", "encore une", "une autre"
MORE_OF_IT = re.compile(r"^\W*(?:(?:ok|okay|lol|haha|and|et|pis|bon)\W+){0,2}(?:another one|one more|more|again|encore une?|encore|une autre|"
                        r"un autre)\W*(?:pls|plz|please|svp|stp)?\W*$")
MAX_MORE_OF_IT_WORDS = 5
# The same off-topic question asked of something else, in a few words: "et demain?" after the
# weather in Sept-Îles, "and on sunday?", "what about tomorrow" (a question without its "?"; not
# "goodbye", however "demain" or "tomorrow" reads; "et bonne journée" is still goodbye)
AND_OF_ANOTHER = re.compile(r"^\W*(?:(?:and|et|pis|puis|what about|how about|et pour|pis pour)\W+(?:[\w'-]+\W+){0,2}[\w'-]+\W*\?|"
                            r"(?:what about|how about|et pour|pis pour)\W+(?:[\w'-]+\W+){0,2}[\w'-]+)\W*$")
DOUBTFUL_KEEP = {"stop"}  # "does that change anything" is not surely "stop"
WANTS_TO_COMPLAIN = re.compile(r"\b(?:complain|complaint|file a complaint|plainte|porter plainte|me plaindre)\b")
SMALL_TALK = {"help", "chitchat", "bot_challenge"}
OFF_TOPIC = {"out_of_scope", *SMALL_TALK}
DOUBTFUL_OFF_TOPIC = 0.75  # an "out of scope" this unsure, in a short message, may lean on the last one
SURE_EVERYDAY = 0.9  # "how am i supposed to pay my hydro bill now" is this sure off topic; "please help" after a late CCB is not
CLEARLY_CHOSEN = 0.9  # an entry of the conversation's topic that a follow-up's own words choose this clearly (bot/nlu/selector.py)
SURE_OWN_QUESTION = 0.8  # a passport follow-up read this surely alone asks its own question, not the fee asked before
UNSURE_JOKE = 0.5  # "tell my daughter a joke shes bored in the passport office" read this unsurely as a passport: a joke asked
SURE_OFF_TOPIC = 0.8  # a follow-up this sure alone that it is off topic, about a thing, stays off topic
OWN_SUBJECT_WORDS = 2  # an off-topic reading with this many words no question of ours holds (bot/nlu/our_words.py) stays
# Someone the last question could be asked again for: "and for my wife?", "pis pour mon chum?"
_RELATIVES = (r"wife|husband|partner|spouse|son|daughter|kids?|child|children|baby|mom|mother|dad|father|parents?|"
              r"brother|sister|boyfriend|girlfriend|femme|mari|conjoint\w*|fils|fille|enfants?|bebe|bébé|mere|mère|"
              r"pere|père|frere|frère|soeur|sœur|chum|blonde")
SOMEONE = re.compile(
    r"\b(?:for|pour)\s+(?:(?:my|mon|ma|mes|our|notre|nos|the|le|la|les|a|an|un|une)\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_RELATIVES}|friend|him|her|them|me|myself|ami|amie|gars|lui|elle|eux|moi)\b",
    re.IGNORECASE)
# ... or named first, the same question asked again for them: "and my wife too, she's on an open
# work permit", "pis ma blonde aussi?" (not "pis mon chum, il peut tu avoir un prêt auto?")
SOMEONE_TOO = re.compile(
    r"^\W*(?:and|also|plus|ok and|what about|how about|and what about|et|pis|puis|ok pis|ok et)\s+"
    r"(?:my|mon|ma|mes|our|notre|nos)\s+(?:[\w-]+\s+)?"
    rf"(?:{_RELATIVES})\s*(?:too|also|as well|aussi|itou|pareil|[,?]|$)",
    re.IGNORECASE)
# ... or the same asked for someone told about, whatever paper they hold: "my wife come with me on
# open work permit, same process for her?", "mon mari a un permis de travail ouvert, c'est pareil pour lui?"
SAME_FOR_SOMEONE = re.compile(
    r"\bsame(?: (?:process|thing|steps?|way|rules?|deal))?,? (?:for|with) (?:her|him|them)\b|"
    r"\b(?:c'est|c|est-ce|ca) (?:tu |-tu )?(?:pareil|la meme (?:chose|affaire|demarche)|le meme (?:processus|principe)) pour (?:lui|elle|eux|elles)\b|"
    r"\b(?:pareil|meme chose|la meme affaire) pour (?:lui|elle|eux|elles)\b")
RELATIVE_TOLD = re.compile(rf"\b(?:my|mon|ma|mes|our|notre|nos) (?:{_RELATIVES})\b")  # the person it is for, told first
# A case supposed, not a yes or a no: "pis si je le reçois jamais?" after a record of employment
# not received, "and what if they say no" (its "jamais" or "no" is no answer to the bot)
SUPPOSES = re.compile(r"^\W*(?:(?:ok|okay|and|et|pis|puis|mais|but|so|alors)\W+)?(?:what if|if|si|s'il|s'ils)\b", re.IGNORECASE)
# A joke asked for (folded text): "tell me a joke", "raconte-moi une blague" (not "this is a joke")
JOKE_ASKED = re.compile(r"\b(?:tell|give|got|know|say|want|share) (?:me |us |him |her |them |my \w+ )?(?:a |another |one |some |any |good |funny )*jokes?\b"
                        r"|\b(?:ra)?conte\w*[- ](?:moi |nous |nous-en |moi-en )?(?:une |des |un )?(?:bonne |petite )?(?:blagues?|jokes?)\b"
                        r"|\b(?:une|des) (?:bonne |petite )?blagues?\b")
# The next one of what was just answered: "and the one after that", "pis la suivante?", "n next month"
# after this month's CCB date (not "yes")
NEXT_ONE = re.compile(r"\b(?:the )?(?:one|ones) after (?:that|this|it)\b|\bthe (?:next|following) one\b"
                      r"|^\W*(?:and|n) next month\b|^\W*(?:et|pis) le mois prochain\b"
                      r"|\b(?:celui|celle|ceux|celles) d'apres\b|\b(?:la|le) suivante?\b|\bla prochaine d'apres\b",
                      re.IGNORECASE)
# A topic that is itself something one signs up for, and the entry that says how: "how do I sign
# up for that" after it asks for that entry
APPLIED_FOR_WITHIN = {"student_loan_rap": "student_loan_rap.how_apply"}
SIGNS_UP = re.compile(
    r"\b(?:sign (?:me |us )?up|signup|enrol+|register|subscribe|apply)\b(?! for (?:a |an |my )?(?:passport|sin|ei|ccb))"
    r"|\b(?:m'|s'|t'|nous )?inscri\w*|\b[mst]inscri\w*|\bfaire (?:la|une|ma) demande\b|\bappliqu(?:er|e|es)\b|\badh[eé]r\w*",
    re.IGNORECASE)
# A message that opens with a question: its own question, not an answer to the bot's
ASKS_FIRST = re.compile(r"^\W*(?:can|could|is|are|do|does|will|would|should|how|what|when|where|why|est-ce|comment|quand|"
                        r"pourquoi|qu'est-ce|je peux|peut-on|puis-je|on peut)\b", re.IGNORECASE)
# A lost passport found, or to be found, asked about (folded text): "ok but if i find it can i
# still use it to go to cuba next month" after "are you travelling in the next two weeks?" asks its
# own question; "si je le retrouve"
FINDS_IT = re.compile(r"\b(?:(?:if|when|once|what if) (?:i|we) (?:find|found) (?:it|him|her|my|our)|(?:i|we) (?:just |finally |actually |already )?found it|"
                      # "nvm found it in my jacket lol"
                      r"(?:nvm|nevermind|never mind|oh) found it|"
                      # "found the old one in my coat pocket today lol can i still use it"
                      r"found (?:the|my|our) (?:old |lost )?(?:one|passport)|"
                      r"(?:si|quand|une fois que) (?:je|j'|on) (?:le |la |l')?(?:retrouve|retrouvais)|(?:je|on) l'(?:ai|a) (?:finalement |enfin )?retrouve|(?:je|on) (?:viens|vient) de (?:le |la |l')retrouver)\b")
# What one can travel with, asked (folded text): "On part pour Puerto Vallarta le 5, il peut voyager avec quoi ?"
# after a passport reported lost and "are you travelling in the next two weeks?"
TRAVELS_WITH_WHAT = re.compile(r"\b(?:voyager|partir|prendre l'avion) avec quoi\b|\bavec quoi (?:je|il|elle|on|nous) (?:peux|peut|pourrait|vais|va) "
                               r"(?:voyager|partir)\b|\bwhat (?:can|do|could|will) (?:i|we|he|she|they) (?:travel|fly) (?:with|on)\b")
# A question opened by a "yes" or "ok": "ok which form", "oui pis c'est où?" asks, it does not say yes
ASKS_AFTER_YES = re.compile(r"^\W*(?:ok|okay|k|kk|yes|yeah|yep|sure|alright|great|perfect|oui|ouais|d'accord|parfait|correct|ok pis)"
                            r"\W+(?:(?:so|then|and|but|donc|pis|et|mais)\s+)?(?:which|what|where|how|when|who|quel\w*|comment|ou|où|"
                            r"quand|qui|c'est quoi|c quoi)\b", re.IGNORECASE)
# Whether what was just told is real: "is this real??", "c'est-tu vrai ça?", "is that legit"
IS_IT_REAL = re.compile(r"\b(?:is (?:this|that|it) (?:for )?(?:real|legit|legitimate|true|a scam|normal)|"
                        r"c'est[- ](?:tu |tu-)?(?:vrai|normal|legit|une arnaque|un scam)|est-ce (?:vrai|normal|une arnaque))\b",
                        re.IGNORECASE)
# Words that point back at what was said before ("is there ONE open", "IL a été émis en 2009",
# "can I DO IT from home?");
# not the impersonal "it" and "il" ("is it going to rain", "il fait beau", "il y a", "il faut").
REFERS_BACK = re.compile(
    r"\b(?:one|that|they|them|those|do it|le faire|faire ça|faire ca)\b|\bil (?!fait|y |pleut|neige|faut)\w|"
    r"\b(?:elle|ils|elles|ca|ça|celui|celle|ceux|c'est-tu|c'tu|ce-tu)\b",
    re.IGNORECASE,
)

# Whether what was told will do, asked: "c'est correct ça?", "is that ok?", "would that work?",
# "ça va tu marcher?" (not "c'est correct" or "ok" said: no question)
ASKS_IF_FINE = re.compile(
    r"\b(?:c'est|c|cest|ca|ça|est-ce que c'est|est-ce)[- ]?(?:tu |-tu )?(?:correct|ok|okay|bon|assez|suffisant|beau|good|valide|acceptable)\b[^.!]*\?"
    r"|\b(?:is|would|will|does) (?:that|this|it|those|these) (?:be )?(?:ok|okay|enough|fine|good|acceptable|sufficient|work|valid|do)\b"
    r"|\b(?:ca|ça) (?:va|peut)[- ]?(?:tu |-tu )?(?:marcher|aller|passer|etre correct|être correct|etre assez|être assez)\b"
    # "j'ai un mur blanc pis un bon cell, ça marche ça?", "that works?"
    r"|\b(?:ca|ça|c|that|this|it)[- ]?(?:tu |-tu )?(?:marche|works?)(?:[- ]tu)?(?: ca| ça| then| too| aussi| quand m[eê]me| still| anyway| encore)?\s*\?",
    re.IGNORECASE)
# Whether the writer is fine, asked after telling their situation: "so im ok?", "am I good then?",
# "donc chu correct?" (a question mark: "i'm ok thanks" says it)
AM_I_OK = re.compile(
    r"^\W*(?:(?:so|then|ok so|okay so|donc|fait que|faque|ok donc|alors)\s+)?(?:i'?m|im|i am|am i|je suis|chu|j'suis|jsuis)\s+"
    r"(?:ok|okay|good|fine|correcte?|eligible|admissible|covered|bon|beau|correct)\b[^.!]*\?", re.IGNORECASE)
# Whether what the citizen did or did not do is a problem (folded text): "is that bad", "c grave?",
# "ça pose-tu problème?"
ASKS_IF_BAD = re.compile(r"\b(?:is|was|will) (?:that|this|it) (?:be )?(?:bad|a problem|an issue|serious|a big deal)\b"
                         r"|\b(?:c'est|cest|c|est-ce|est-ce que c'est|ca|ce)[- ]?(?:tu |-tu )?(?:grave|un probleme|pas grave|dangereux)\b"
                         r"|\b(?:ca|ce|c'est|cest) (?:pose|cause|fait)[- ]?(?:tu |-tu )?(?:un )?probleme\b")
# A new subject announced: "btw whats a good budgeting app", "au fait, ...", "unrelated but ..."
NEW_SUBJECT = re.compile(r"^\W*(?:btw|by the way|au fait|en passant|unrelated(?: question)?|off topic|autre chose|changement de sujet)\b",
                         re.IGNORECASE)
# The conversation's thing asked to be done another way, pointed back to (folded text): "can i do
# it from my bank app", "je peux-tu le faire avec mon cell?"
DONE_THROUGH = re.compile(
    r"^\W*(?:(?:ok|okay|and|so|et|pis|ok pis)\W+)?(?:can|could) (?:i|we|u|you) (?:also |just )?(?:do|pay|send|submit|file|fill) "
    r"(?:it|that|this|them|those)(?: out)? (?:from|with|through|on|in|by|via|using) "
    r"|^\W*(?:(?:ok|et|pis|ok pis)\W+)?(?:je peux|j'peux|jpeux|on peut|je pourrais)(?:[- ]tu)? (?:le |la |les |l')?(?:faire|payer|envoyer|remplir) "
    r"(?:par|avec|sur|dans|en|via|a partir de|depuis|de) ")
FEE_TOPICS = {FEES, "passport_fee_calculator"}
# Whether something the citizen tells is the cause of the situation told before: "could that be
# why?", "is that the reason", "c'est-tu pour ça?", "ça pourrait être pour ça?"
ASKS_THE_CAUSE = re.compile(
    r"\b(?:could|would|might|is|was) (?:that|this|it) (?:be )?(?:why|the (?:reason|problem|cause))\b|\bthat'?s why\b"
    r"|\b(?:c'est|c|ce|ca|ça|ca serait|ça serait|ca pourrait|ça pourrait|est-ce)[- ]?(?:tu |-tu |que |qu')?(?:(?:etre|être|c'est) )?"
    r"(?:pour ca|pour ça|a cause de ca|à cause de ça|la raison|le probleme|le problème)\b",
    re.IGNORECASE)
# The citizen's own next step asked about, which only the conversation explains: "what do i do",
# "what should I bring", "je fais quoi", "qu'est-ce que je dois faire" (not "what can you do").
MY_NEXT_STEP = re.compile(
    r"\b(?:what|wat|wut|wht|how|where|when)\s+(?:do|should|can|must|shall|would)\s+(?:i|we)\b|\bwhat now\b|\bnow what\b|"  # ("wat do i bring")
    r"\b(?:je|j'|on)\s*(?:fais|dois|peux|fait|doit|peut)\s+(?:quoi|faire quoi|comment)\b|"
    r"\bqu['’]?est[- ]?ce (?:que|qu['’])\s*(?:je|j['’]|on)\b|\bcomment (?:je|on) (?:fais|fait)\b|\bquoi faire\b",
    re.IGNORECASE)


async def _in_context(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Dict[str, Any]:
    from actions.situation import fee_situation, lost_abroad, travel_window

    if _intent(parse_data) == "request_human" and _confidence(parse_data) < 1.0 and (asks_how_in_person(text) or (
            _confidence(parse_data) < UNSURE_PERSON_AFTER_TOPIC and not asks_for_person(text) and told_lately(events))):
        # "je peux le faire en ligne ou faut que j'aille en personne?" asks how to do the thing the
        # conversation is about, not for a person; so does an unsure "person" with no words asking
        # for one after a situation of ours ("est-ce que mon chum peut la prendre avec son téléphone"
        # after a digital photo for the online renewal): read as what else it is, in the conversation
        parse_data = _without(parse_data, "request_human")
    intent = _intent(parse_data)
    confidence = float((parse_data.get("intent") or {}).get("confidence") or 0.0)
    words = len(text.split())
    # (as typed: texting's "n next month" is "and next month")
    follow_up = (bool(FOLLOW_UP.search(as_typed(text))) and words <= MAX_FOLLOW_UP_WORDS) or (
        bool(FOR_WHOM.search(text)) and words <= MAX_FOR_WHOM_WORDS)
    if text.startswith("/") or (intent == "choose_language" and confidence >= 1.0):
        return parse_data  # a rule decided a language request (bot/nlu/phrases.py): keep it
    if intent in SMALL_TALK | {"goodbye", "request_human", "nlu_fallback"} and confidence < SURE_EVERYDAY and (
            MORE_OF_IT.search(fold(text)) or (AND_OF_ANOTHER.search(fold(text)) and not names_a_subject(text))) and (
            not asks_for_person(text)) and (
            words <= MAX_MORE_OF_IT_WORDS and last_read(events) in OFF_TOPIC):
        # "another one" (or "lol ok another one", or "another one pls", read as a person asked
        # for) after "tell me a joke", "et demain?" after the weather: more of the off-topic
        # thing, not goodbye (nor, for "pis demain?", a question which of our topics)
        return _with_intent(parse_data, "out_of_scope")
    if intent == "affirm" and confidence < DOUBTFUL_TOPIC and ASKS_AFTER_YES.search(text):
        # "ok which form" after "can i renew my passport": a question of its own, read as what else it is
        parse_data = _without(parse_data, "affirm")
        intent, confidence = _intent(parse_data), _confidence(parse_data)
    if (sounds_lost(text) or (tells_it_is_late(text) and not ASKS_FIRST.search(text))) and not asks_for_person(text) and (
            previous_bot_action(events) != TRAVEL_QUESTION) and not (
            WANTS_TO_COMPLAIN.search(fold(text))):  # "this is ridiculous, I want to complain": a complaint
        about = await about_the_situation(parse_data, text, events, parse)
        if about is not None:
            return about
    if intent == "out_of_scope" and NEW_SUBJECT.search(text) and not programs_named(text):
        return parse_data  # "btw whats a good budgeting app" after the RAP's answer: another subject, off topic
    if (intent in {"complaint", "nlu_fallback", "request_human"} or (program_of(intent) is not None and confidence < UNSURE_JOKE)) and confidence < 1.0 and (
            JOKE_ASKED.search(fold(text))) and not (
            COMPLAINS.search(JOKE_ASKED.sub(" ", fold(text))) or asks_for_person(text)):
        # "tell me a joke im bored waiting at the service canada office", "tell my daughter a joke shes
        # bored in the passport office" (read unsurely as a child's passport): a joke asked, off topic
        # (however the wait reads), not a complaint for an officer; nor, unsure or read as a person
        # asked for, "conte-moi une joke, j'en ai besoin après l'avant-midi que je viens de passer avec vous autres"
        return _with_intent(parse_data, "out_of_scope")
    worried = bool(ASKS_IF_BAD.search(fold(text)))  # "i forgot to do it last week, is that bad": no complaint
    if intent == "complaint" and confidence < (SURE_OFF_TOPIC if worried else DOUBTFUL_TOPIC) and not COMPLAINS.search(fold(text)) and (
            not follow_up or worried):
        told = await with_what_was_told(parse_data, text, events, parse)
        if told is not None:
            return told
    if confidence < 1.0 and ((intent == "affirm" and ASKS_IF_FINE.search(text)) or AM_I_OK.search(text)) and told_lately(events):
        # "c'est correct ça?" after "quels documents pour un premier passeport adulte" and "j'ai
        # juste mon certificat de naissance pis mon permis": asks
        # whether what was told will do, about the conversation's last topic; not "yes"; "so im
        # ok?" after how to renew and "it expired in 2019" asks whether it can be renewed
        topic, said = last_topic(events), recent_messages(events) or ""
        if topic == "passport_renew" and AM_I_OK.search(text):
            topic = "passport_renewal_eligibility"
        if topic:
            whole = await parse(f"{said} {text}")
            return {**conversations_entry(_as_topic(parse_data, topic), whole), "read_with": said}
    if intent == "request_human" and confidence < 1.0 and quotes_a_call(text):
        # "got a call saying my SIN is suspended and i need to press 1 to talk to an officer. is
        # this real??": the call asked for the officer, not the citizen; what the message is about
        # ("they want me to press 1 ... is this real?" after the call was told: that situation)
        about = await about_the_situation(parse_data, text, events, parse) if told_lately(events) else None
        if about is not None:
            return about
        ranking = renormalised(parse_data.get("intent_ranking") or [], lambda name: name != "request_human")
        best = max(ranking, key=lambda r: float(r["confidence"]), default=None)
        if best is not None:
            return _with_intent(parse_data, str(best["name"]), float(best["confidence"]))
    if intent in KEEP and not (follow_up and intent in {"request_human", "stop"} and confidence < 1.0) and not (
            follow_up and confidence < 1.0 and NEXT_ONE.search(text)) and not (
            intent in {"affirm", "deny"} and confidence < DOUBTFUL_TOPIC and SUPPOSES.search(text)) and not (
            # "what if they laid me off instead" after "can i get ei if i quit": a case supposed, no complaint
            intent == "complaint" and confidence < DOUBTFUL_TOPIC and SUPPOSES.search(text) and not COMPLAINS.search(fold(text))) and not (
            intent in DOUBTFUL_KEEP and confidence < DOUBTFUL_TOPIC and words >= MIN_QUESTION_WORDS):
        return parse_data  # "what about in person?" is not a request for a person; "agent svp" is
    topic_before = last_topic(events)
    words_choose = ((parse_data.get("knowledge") or {}).get("by_intent") or {}).get(topic_before or "") or {}
    if intent == "out_of_scope" and follow_up and confidence < SURE_EVERYDAY and words_choose.get("id") and (
            words <= MAX_DOUBTFUL_WORDS) and (
            float(words_choose.get("score") or 0) >= CLEARLY_CHOSEN and other_service_named(text) is None
            and not names_another_service(text) and not programs_named(text) - {str(program_of(topic_before or ""))}):
        # "what about my hijab" after "can i wear glasses in the passport photo": read off topic
        # alone, but its few words clearly choose an answer of the conversation's topic (religious
        # head coverings), which it asks for ("pis son permis de travail ouvert, il le demande
        # comment" after a SIN question asks how to get the permit, whatever SIN answer its words choose)
        return {**_as_topic(parse_data, str(topic_before), str(words_choose["id"])), "read_with": recent_messages(events) or ""}
    if intent == "out_of_scope" and _answering(topic_before or "") and DONE_THROUGH.search(fold(text)) and (
            other_service_named(text) is None and not names_another_service(text) and not programs_named(text)):
        # "can i do it from my bank app" after "how do i pay my student loan": the conversation's
        # thing, done another way, not the bank's app
        return {**own_entry(_as_topic(parse_data, str(topic_before)), parse_data), "read_with": recent_messages(events) or ""}
    if intent == "out_of_scope" and asks_if_needed_for(text, topic_before):
        # "im a newcomer, do i need a tax return first" after "i want to get ccb": whether the
        # conversation's topic needs it, which that topic answers (content/other_services.yml)
        asked = conversation_so_far(events) or ""
        needing = str(topic_before)
        return {**conversations_entry(_as_topic(parse_data, needing), await parse(f"{asked} {text}")), "read_with": asked}
    same = SAME_FOR_SOMEONE.search(fold(text))
    if intent == "out_of_scope" and _answering(topic_before or "") and same and (
            not programs_named(text) - {str(program_of(topic_before or ""))}) and (
            other_service_named(text) is None or RELATIVE_TOLD.search(fold(text)[: same.start()])):
        # "my wife come with me on open work permit, same process for her?" after "how to get sin for
        # international student": the conversation's question again, for her (her permit is who she is)
        asked = conversation_so_far(events) or ""
        return {**conversations_entry(_as_topic(parse_data, str(topic_before)), await parse(f"{asked} {text}")), "read_with": asked}
    asked_travel = previous_bot_action(events) == TRAVEL_QUESTION
    window = travel_window(text) if asked_travel else None  # the trip's date told in reply to it
    # "my flight home is tomorrow, can i still fly??" after a passport stolen in Rome and "are you
    # travelling in the next two weeks?": the answer to that question, however off topic its words
    if intent == "out_of_scope" and not (window == "soon" and not names_another_service(text)) and (
            names_another_service(text) or ((len(unknown_words(text)) >= OWN_SUBJECT_WORDS or (
                follow_up and confidence >= SURE_OFF_TOPIC and not programs_named(text) and not SOMEONE.search(text)
                and not SOMEONE_TOO.search(text)))
            # "what if we're in mexico when we apply", "we live in hong kong" (words we do not know) after
            # a fee question: the fee from there
            and not (fee_situation(text) is not None and last_topic(events) in FEE_TOPICS))):
        # "ok and how do i renew my health card", "pis pour le visa chinois, c'est combien de temps?"
        # after a passport question: not ours, and about a thing, not a person the last question
        # could be asked for ("and for my wife? she has a visitor visa" is a SIN follow-up); "which
        # coding bootcamp is actually worth it?" after an EI claim: words no question of ours holds
        return parse_data
    if window == "soon" and (lost_abroad(recent_messages(events) or "") or asks_if_in_time(text) or WHAT_TO_DO_NOW.search(fold(text))
                             or TRAVELS_WITH_WHAT.search(fold(text))) and not (
            names_a_service(text) or asks_price(text)):
        # "je prends l'avion dans 3 jours pour rentrer à Montréal, je peux en avoir un nouveau à
        # temps?" after a passport stolen in Rome: the way home from abroad (the embassy's emergency
        # travel document), then an officer at once, as when the trip is told with the loss
        # (data/rules/passports.yml); lost at home, "je pars en Italie dans 5 jours, est-ce que je
        # peux en avoir un autre à temps?" after a passport stolen in the metro: what to do about
        # the loss, then an officer at once; so with what to do or what to travel with asked ("je pars
        # à new york dans 3 jours, je fais quoi" after a passport lost while moving)
        entry = LOST_ABROAD_ENTRY if lost_abroad(recent_messages(events) or "") else LOST_OVERVIEW
        return {**_as_topic(parse_data, "passport_lost_stolen", entry), "read_with": recent_messages(events) or ""}
    if asked_travel and not ASKS_FIRST.search(text) and not FINDS_IT.search(fold(text)):
        # "yes next friday", "on rentre dans 4 jours" answer "are you travelling in the next two
        # weeks?"; "can i still use it for my trip next month", "what do i do now, report it
        # right away?" or "ok but if i find it can i still use it" ask their own question
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
        intent == "bot_challenge" and words <= MAX_REAL_WORDS and bool(IS_IT_REAL.search(text)) and told_lately(events)) or (
        # "i give up. how am i supposed to make my payment" after NSLSC hung up, "rent is due and
        # nothing. please help" after a late CCB payment: off topic in its own words, it asks what
        # to do about the situation told (a thing we do not answer named in it stays off topic)
        intent == "out_of_scope" and confidence < SURE_EVERYDAY and words <= MAX_FOLLOW_UP_WORDS
        and bool(WHAT_TO_DO_NOW.search(text)) and other_service_named(text) is None and told_lately(events))
    # "elle est encore bonne?" after a photo taken for a health card: a question about what was
    # told, not "goodbye"
    asks_back = intent == "goodbye" and confidence < SURE_EVERYDAY and "?" in text and bool(REFERS_BACK.search(text))
    small_talk = (intent in SMALL_TALK and (confidence < DOUBTFUL_OFF_TOPIC or next_step)) or intent in DOUBTFUL_KEEP or asks_back
    off_topic = intent == "out_of_scope" or small_talk or unsure_off_topic
    doubtful = (unsure and words <= MAX_DOUBTFUL_WORDS) or next_step or (
        off_topic and confidence < DOUBTFUL_OFF_TOPIC and words <= MAX_DOUBTFUL_OFF_TOPIC_WORDS)
    # A short statement that only makes sense after what came before: "is there one open on
    # saturdays", "il a été émis en 2009", or where the citizen is, told after "are you travelling?".
    leans_back = (unsure or off_topic) and (words <= MAX_LEANING_WORDS or (
        # "i moved in june, could that be why?" after a payment that did not come: its cause
        words <= MAX_FOLLOW_UP_WORDS and bool(ASKS_THE_CAUSE.search(text)) and told_lately(events))) and (
        asked_travel or bool(REFERS_BACK.search(text)) or (
            # "comment on applique?" after the Repayment Assistance Plan's answer: how to apply for it
            last_topic(events) in APPLIED_FOR_WITHIN and bool(SIGNS_UP.search(text)) and bool(ASKS.search(text))
            and not names_a_subject(text)) or (
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
    if follow_up and _intent(combined) in FEE_TOPICS and program_of(intent) == PASSPORT and intent not in FEE_TOPICS and (
            _answering(intent) and confidence >= SURE_OWN_QUESTION and not asks_price(text) and fee_situation(text) is None
            and not names_a_service(text)):  # ("et l'express?" after a fee question: that service's fee)
        # "and do both parents have to sign" after "how much is a kids passport": its own
        # question about the same passport (the consent), not the price the last words asked;
        # (how long it is valid, 5 or 10 years, is what the fee depends on: the fee's situation)
        own_question = own_entry(parse_data, parse_data)
        if not str((own_question.get("knowledge") or {}).get("id") or "").endswith(".validity"):
            return {**own_question, "read_with": before}
    topic = last_topic(events)
    if topic is None and last_read(events) == "out_of_scope" and other_service_named(last_said(events)) is not None and (
            (_answering(intent) or intent == "nlu_fallback") and _confidence(combined) < SURE_NAMED and not programs_named(text)):
        # "ok pis en fin de semaine?" after "y va tu pleuvoir demain à montréal": still the weather
        # asked before (another service named), not the urgent service's weekend hours that the
        # words read together lean to (after a situation read off topic, "my wife is due in may",
        # "so how do i apply for the mat leave money" is ours; "et bonne journée" stays goodbye)
        return _with_intent(parse_data, "out_of_scope")
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
    if off_topic and not (follow_up or unsure or leans_back or next_step or (situation and topic in FEE_TOPICS)) and (
            program_weight(parse_data, program_of(_intent(combined))) < LEAST_PROGRAM_WEIGHT):
        # doubtful and off topic alone, with nothing of the last message's program in it and
        # no word pointing back: "can you tell me a joke" after the CCB amount is not about it
        # ("im in the philippines btw" after "how much is a passport" is where the fee is paid from)
        return stays
    if situation or (follow_up and (fee_situation(text) is not None or (
            names_a_service(text) and (asks_price(text) or words <= MAX_SERVICE_FRAGMENT_WORDS)))):
        earlier = await parse(before)
        if _intent(earlier) == FEES:
            # "and the 5 year?", "and for my son?" after a fee question: the fee of that situation
            fees = read_as(parse_data, combined if _intent(combined) == FEES else earlier)
            return {**own_entry(fees, parse_data), "read_with": before}
    if follow_up and topic is not None:
        # (after an off-topic question, the earlier words are another program's: "ok pis
        # l'allocation pour enfants elle?" after the next Old Age Security payment asks the CCB's,
        # which the reading with them gives, when sure, not the CCB's topic its name alone leans to)
        named = await with_the_program_named(text, _intent(combined), parse)
        if named is not None:
            return {**own_entry(conversations_entry(read_as(parse_data, named), combined), parse_data), "read_with": before}
    after_off_topic = topic is None and _answering(_intent(combined)) and _confidence(combined) >= SURE_NAMED
    own = own_topic_within(parse_data, _intent(combined)) if (follow_up or (doubtful and ASKS.search(text))) and not after_off_topic else None
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


async def with_what_was_told(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Optional[Dict[str, Any]]:
    """An unsure complaint with no word of one ("je dois appeler ou attendre?" after "on est le 22
    pis j'ai pas reçu l'ACE", "il a été émis en 2012, c'était un 10 ans" after "je peux tu
    renouveler mon passeport?"), read with what the citizen said lately, when that is one of
    our topics (a form's too) surely enough; None otherwise."""
    said = recent_messages(events)
    if not said or not any(program_of(_event_intent(event)) for _, event in _said_lately(events)):
        return None
    whole = await parse(f"{said} {text}")
    if program_of(_intent(whole)) is None or _confidence(whole) < DOUBTFUL_TOPIC:
        return None
    return {**own_entry(read_as(parse_data, whole), parse_data), "read_with": said}


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
