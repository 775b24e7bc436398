"""Detect whether a citizen writes in English or French.

Official Languages Act: the assistant answers in the citizen's language. The model's
intents are bilingual, so the language is decided separately, from the words used.

`detect()` returns a `Detection` with a strength:
- ``explicit``: the citizen asked for a language ("français", "in English please");
- ``strong``: enough language-specific words to be sure;
- ``weak``: a short message that leans one way ("merci", "yes").
Messages that carry no signal ("ok", "👍", "10") return ``None``.

The conversation keeps its language on weak evidence and switches only on explicit
or strong evidence (see `actions/language.py`), so "ok" or "merci" never flip it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal, Optional

Language = Literal["en", "fr"]
Strength = Literal["explicit", "strong", "weak"]
LANGUAGES: tuple[Language, ...] = ("en", "fr")

_WORD = re.compile(r"[a-zà-ÿœæ']+", re.IGNORECASE)

# Requests for a language. Checked before word counts: "en anglais svp" is French
# words asking for English.
# A request names the language after a request word ("in", "en", "speak", "parler"...),
# or is the language name alone ("français", "English please"): "I'm French" is not one.
_REQUEST = r"(?:in|en|speak|talk|write|answer|switch to|(?:switch|change) (?:the )?language to|continue in|parler|parle|parlez|parlez-vous|parles|parles-tu|passer au|continuer en|r[ée]pond(?:s|ez)? en)"
# (or asked politely first, or said to do: "please français, i am from senegal", "if no, french is ok for me")
_PLEASE_FIRST = r"(?:please|pls|plz|svp|stp|s'il vous pla[iî]t)\W+"
_WILL_DO_AFTER = r"\s+(?:is|est|c'est) (?:ok|okay|fine|good|bon|correct|parfait)(?: (?:for me|pour moi|too|aussi))?\b"
_ASK_FRENCH = re.compile(rf"\b{_REQUEST}\s+(?:fran[cç]ais|french)\b|^\W*{_PLEASE_FIRST}(?:fran[cç]ais|french)\b|\b(?:fran[cç]ais|french){_WILL_DO_AFTER}",
                         re.IGNORECASE)
_ASK_ENGLISH = re.compile(rf"\b{_REQUEST}\s+(?:english|anglais)\b|^\W*{_PLEASE_FIRST}(?:english|anglais)\b|\b(?:english|anglais){_WILL_DO_AFTER}",
                          re.IGNORECASE)
_ALONE_FRENCH = re.compile(r"^\W*(?:fran[cç]ais|french)(?:\s+(?:please|svp|stp|s'il vous pla[iî]t))?\W*$", re.IGNORECASE)
_ALONE_ENGLISH = re.compile(r"^\W*(?:english|anglais)(?:\s+(?:please|svp|stp|s'il vous pla[iî]t))?\W*$", re.IGNORECASE)

# A language named in a message: which one, and whether the words around it ask for it
# ("is there a french version?", "english only plz", "francais possible?") or turn away from
# it ("I don't speak french", "mon anglais est pas bon": the other one).
# (and the names as thumbs mistype them: "frnch plz", "englsh pls")
_NAMES = re.compile(r"\b(fran[cç]ais|french|english|anglais|francophone|anglophone|frnch|frensh|frenchh|englsh|inglish|englis)s?\b",
                    re.IGNORECASE)
_SPEAKERS = ("francophone", "anglophone")  # "je suis francophone", "anglophone here": that language
# A thing described as French- or English-speaking, just before the word ("écoles francophones",
# "une garderie anglophone", "francophone schools" is after it and asks nothing of the chat either)
_DESCRIBES_A_THING = re.compile(
    r"\b(?:[ée]coles?|schools?|garderies?|cpe|daycares?|services?|communaut[ée]s?|communit(?:y|ies)|"
    r"quartiers?|villes?|r[ée]gions?|m[ée]decins?|doctors?|clinics?|cliniques?|universit[ée]s?|coll[eè]ges?|"
    r"programmes?|programs?|camps?|journaux|radios?|t[ée]l[ée]s?|[ée]glises?|paroisses?|associations?|"
    r"organismes?|centres?|entreprises?)\s+(?:\w+\s+){0,2}$|\b(?:the|les|des|une?|aux?)\s+$", re.IGNORECASE)
_A_THING_AFTER = re.compile(
    r"\s+(?:schools?|daycares?|services?|communit(?:y|ies)|neighbou?rhoods?|doctors?|clinics?|universit(?:y|ies)|"
    r"colleges?|programs?|camps?|churches|church|associations?|organi[sz]ations?|centres?|centers?|businesses)\b",
    re.IGNORECASE)
# Someone else's weakness in a language, just before its name ("she doesnt read english", "il ne parle
# pas français"), with the writer asking to go with them and speak for them
_THEIR_WEAKNESS_BEFORE = re.compile(
    r"\b(?:she|he|they|il|elle|ils|elles|(?:my|ma|mon|mes) [\w-]+)\s+(?:\w+\s+)?(?:doesn'?t|doesnt|does not|don'?t|dont|do not|"
    r"can'?t|cant|cannot|ne|n')\s*(?:\w+\s+){1,4}$", re.IGNORECASE)  # ("ma mère ne parle pas bien le français")
_GOING_WITH_THEM = re.compile(r"\b(?:come with|go with|accompany|accompagner|l'accompagner|talk for|speak for|parler pour|translate for|"
                              # doing it for them: "can I go in for her or must she come herself?", "je fasse tout pour elle"
                              r"go in for (?:her|him|them)|on (?:her|his|their) behalf|(?:fasse|fais|faire) tout pour (?:elle|lui|eux)|a sa place|"
                              r"traduire pour|interpret(?:e|er)? for|interprete pour|be (?:her|his|their) interpreter)\b", re.IGNORECASE)
# A country's document named by its adjective ("a french passport", "my english birth certificate")
_COUNTRYS_DOCUMENT_AFTER = re.compile(r"\s+(?:passe?ports?|citizenship|nationality|birth certificates?|id cards?|driver'?s licen[cs]es?)\b",
                                      re.IGNORECASE)
_ASKING_AFTER = re.compile(
    r"^\W*(?:please|plz|pls|only|svp|stp|s'il|possible|version|si possible|seulement|"
    # "french from now on pls", "anglais à partir de maintenant": the rest of the conversation in it
    r"from now on|for now on|going forward|(?:a|à) partir de maintenant|dor[ée]navant|"
    r"uniquement|is fine|c'est correct|\?"
    # "english is better for me actually", "le français c'est plus facile pour moi"
    r"|(?:is|would be|works|est|serait|c'est|c|ce serait)\s+(?:\w+\s+)?(?:better|easier|simpler|mieux|plus facile|plus simple)\b)",
    re.IGNORECASE)
_KNOWS = r"(?:speaks?|reads?|understands?|knows?|parlent|parle|lisent|lit|comprennent|comprend|conna[iî]t)"
_ONLY = r"(?:only|just|juste|seulement|uniquement)"
_ASKING_BEFORE = re.compile(
    r"(?:\b(?:in|en|speak|talk|write|answer|reply|respond|switch to|change to|continue in|go to|"
    r"parler|parle|parlez|parlez-vous|parles|parles-tu|passer au|passer en|continuer en|"
    r"version|une version|a|an|back to|prefer|only|seulement|juste|uniquement|que|qu'en|"
    r"(?:only|seulement|juste|uniquement|que) (?:le|l'|en|in)|pr[ée]f[èe]re(?: le| l)?|pr[ée]f[ée]rerais(?: le| l)?|revenir au|retour au)|"
    r"r[ée]pond(?:re|s|ez)? en|(?:language|langue(?: maternelle)?) (?:is|est) (?:l'|le )?|"
    # "change de langue, anglais", "change language to english", "changer la langue pour le français"
    r"\b(?:switch|change|chang(?:e|er|ez)) (?:the |de |la )?(?:language|langue)(?: (?:to|pour|à|a|en|au|vers))?(?: l'| le)?|"
    # someone reading along who knows only that one: "my mom only reads french", "mon père lit
    # juste l'anglais", "she understands only english"
    rf"\b{_ONLY} {_KNOWS}(?: (?:in|en|le|l'))?|\b{_KNOWS} {_ONLY}(?: (?:in|en|le|l'))?)\W*$",
    re.IGNORECASE)
# "i need english", "je veux le français": wanting a language, when it ends the message.
# A language asked for first, as a sentence of its own ("en francais svp. i tried in english but..."):
# the opening's "en" or "in", and a sentence's end after it
_OPENING_BEFORE = re.compile(r"^\W*(?:in|en)\s+$", re.IGNORECASE)
_SENTENCE_ENDS_AFTER = re.compile(r"^\s*(?:please|plz|pls|svp|stp|s'il vous pla[iî]t|s'il te pla[iî]t|merci)?\s*[.!]", re.IGNORECASE)
_WANTING_BEFORE = re.compile(
    # (or the chat asked whether it can go on in it: "can u do french", "could you do english pls")
    r"\b(?:need|want|would like|'d like|veux|voudrais|voudrait|aimerais|besoin (?:de|du|d')|(?:can|could|will) (?:u|you|ya) do)\s+(?:it\s+)?(?:in\s+|en\s+|le\s+|l'\s*)?$",
    re.IGNORECASE)
_ENDS_AFTER = re.compile(r"^\W*(?:(?:please|plz|pls|svp|stp|s'il vous pla[iî]t|s'il te pla[iî]t|thanks|merci)\W*)?$", re.IGNORECASE)
# Against a language, before its name: "not in french please", "pas en anglais svp", "stop
# answering in french", "arrêtez de me répondre en anglais", "je comprends rien en anglais",
# "I dont really speak french", "je parle pas très bien anglais": the other language.
# "Why not in French?" / "pourquoi pas en français" asks for it (checked first).
_HOW_MUCH = (r"(?:(?:really|very|much|well|any|at all|that|too|so|a lot of|a word of|even|"
             r"bien|tr[eè]s|vraiment|beaucoup|ben|trop|assez|super|grand-chose|un mot|pantoute|full)\s+)*")
_ARTICLE = r"(?:in\s+|en\s+|le\s+|la\s+|l'\s*|d'\s*|de\s+l'\s*|du\s+|de\s+)?"
_AGAINST_BEFORE = re.compile(
    r"(?:\b(?:not|no|no more|never)\s+(?:in\s+)?|\bpas\s+(?:en|le|l'|du)\s*|"
    r"\b(?:stop|quit)\s+(?:\w+ing\s+)?(?:me\s+)?(?:in\s+)?|"
    # a complaint about the language used: "you answered me in french", "vous m'avez répondu en anglais"
    r"\b(?:you|u|it|bot)(?:'re|'ve)?\s+(?:just\s+|have\s+|keep\s+|are\s+)?(?:answered|replied|responded|wrote|written|sent|texted|"
    r"answering|replying|responding|writing|talking|speaking)\s+(?:to\s+)?(?:me\s+|this\s+|it\s+)?in\s+|"
    r"\bdid\s+(?:you|u)\s+(?:just\s+)?(?:answer|reply|respond|write|send|switch to)\s+(?:to\s+)?(?:me\s+|this\s+|it\s+)?(?:in\s+)?|"
    # what came in that language: "the last message came in french", "your reply was all in english",
    # "ta réponse est arrivée en anglais", "le message était en anglais"
    # ("the last answer came out in french and i cant read it")
    r"\b(?:messages?|msgs?|repl(?:y|ies)|answers?|responses?|texts?|it)\s+(?:\w+\s+)?(?:came|come|comes|arrived|showed up|popped up|was|were)\s+"
    r"(?:out\s+|through\s+|back\s+)?(?:all\s+|only\s+|half\s+|partly\s+|mostly\s+)?in\s+|"
    r"\b(?:messages?|msgs?|r[ée]ponses?|textes?)\s+(?:\w+\s+)?(?:[ée]tait|etaient|[ée]taient|est arriv[ée]e?s?|sont arriv[ée]e?s?|"
    r"arrive|arrivent)\s+(?:tout\s+|toute\s+|juste\s+)?en\s+|"
    r"\b(?:avez|as|a)\s+r[ée]pondu\s+en\s+|(?:m'|me\s+)(?:avez|as|a)\s+(?:r[ée]pondu|[ée]crit|parl[ée])\s+en\s+|"
    r"\barr[eê]t(?:e|ez|er|es)?\s+(?:de\s+|d')(?:me\s+|m')?(?:r[ée]pondre|parler|[ée]crire)\s+(?:en\s+)?|"
    r"\b(?:parle|parles|parlons|comprends|comprend|lis|sais|connais|[ée]cris)\s+"
    r"(?:rien|pas|plus|presque pas|quasiment pas|pas un mot|pas grand-chose|pas du tout)\s+" + _HOW_MUCH + _ARTICLE + r"|"
    r"\b(?:don'?t|do not|dont|doesn'?t|can'?t|cannot|can not|couldn'?t)\s+(?:really\s+|even\s+|actually\s+)?"
    r"(?:speak|read|understand|talk|know|write|want(?:\s+it)?)\s+" + _HOW_MUCH + _ARTICLE + r"|"
    # the chat's language questioned: "why is this in french?? english please", "pourquoi c'est en anglais"
    r"\bwhy\s+(?:is|are)\s+(?:this|it|that|everything|all this|the (?:answers?|repl(?:y|ies)|messages?|chat|bot))\s+(?:all\s+|only\s+)?in\s+|"
    r"\bpourquoi\s+(?:c'est|cest|c|tout est|(?:la |les )?(?:r[ée]ponses?|messages?)\s+(?:est|sont))\s+(?:tout\s+)?en\s+|"
    # a switch refused: "i prefer english, dont switch to french", "change pas en anglais svp"
    r"\b(?:don'?t|do not|dont|never)\s+(?:switch|change|go|move|answer|reply|respond|write|talk)\s+(?:me\s+|back\s+|over\s+)?(?:to|into|in)\s+|"
    r"\b(?:change|changez|switch|switche|passe|passez|r[ée]ponds|r[ée]pondez|[ée]cris|[ée]crivez)\s+pas\s+(?:en|au|[àa]\s+l')\s*"
    r")$",
    re.IGNORECASE)
# The writer's own weak command of a language, told in the first person ("je parle pas bien
# francais", "i dont speak english very well"): when the message is written in that language
# anyway, it is the one the writer can use (someone else who cannot read it is another matter)
MIN_WORDS_WRITTEN_ON = 3  # ... and the message goes on in it ("je parle pas francais" alone turns away from it)
_OWN_COMMAND_BEFORE = re.compile(r"(?:\b(?:je|moi|i|me)\s+(?:ne\s+|n')?|\bj'?|\bjparle\s+|\bjcomprends\s+)"
                                 r"(?:parle|comprends|lis|[ée]cris|speak|read|understand|write|don'?t|do not|dont|can'?t|cannot)\b"
                                 r"[^.?!,;]{0,30}$", re.IGNORECASE)
# ... or the writer's own language named, in a message that goes on in it: "we came from ukraine with 2
# kids, how do we apply for ccb, my english not so good" (the reply stays in English)
_OWN_LANGUAGE_BEFORE = re.compile(r"\b(?:my|mon|ma)\s+$", re.IGNORECASE)
# ... or a question of at least four words asked in it first, then one's weakness in it told
_ASKED_FIRST = re.compile(r"^(?:\S+\s+){3,}\S*\?\s")
MIN_WORDS_TOLD_IN = 8  # the whole message, written in the language its writer says is weak
# Asked to keep a language: "can u keep answering in english", "could you continue in french"
_KEEP_ASKED_BEFORE = re.compile(r"\b(?:can|could|would|will|pls|please|plz)\s+(?:you|u)\s+(?:please\s+|pls\s+|just\s+)?"
                                r"(?:keep|continue|stay)\s+(?:\w+ing\s+)?(?:(?:to\s+)?me\s+)?(?:in\s+)?$", re.IGNORECASE)
# The assistant asked to answer in a language (the words just before its name)
_REPLY_IN_BEFORE = re.compile(r"\b(?:you|u|vous|tu)?\s*(?:answer|reply|respond|write back|r[ée]pond\w*)"
                              r"(?:[- ](?:moi|me|nous))?\s+(?:me\s+|to me\s+|back\s+)?(?:in|en)\s+$", re.IGNORECASE)
# What the writer heard said, in the same sentence before a language's name: "j'ai entendu que le bot
# répond seulement en anglais", "i heard it only answers in french"; and that clause, up to a comma
_HEARSAY = r"\b(?:j'ai entendu(?: dire)?|on m'a dit|on dit|il parait|i heard|i was told|someone (?:told me|said)|people say)\b"
_HEARSAY_BEFORE = re.compile(rf"{_HEARSAY}[^.?!]*$", re.IGNORECASE)
_HEARSAY_CLAUSE = re.compile(rf"{_HEARSAY}[^.?!,]*", re.IGNORECASE)
# The language said to be better, right after its name: "english is better", "le français c'est mieux pour moi"
_PREFERRED_AFTER = re.compile(r"\s+(?:is|est|c'est|'s|would be|serait) (?:much |way |un peu |beaucoup )?(?:better|mieux|best|easier|plus facile|preferable)\b",
                              re.IGNORECASE)
_WHY_BEFORE = re.compile(r"\b(?:why|pourquoi|porquoi)\b[^.?!]*$", re.IGNORECASE)
_WHY_NOT_BEFORE = re.compile(r"\b(?:why|pourquoi|porquoi)\s+(?:not|pas)\b[^.?!]*$", re.IGNORECASE)
_IDENTITY_BEFORE = re.compile(r"\b(?:i'?m|i am|je suis|chu|we'?re|nous sommes)\s*$", re.IGNORECASE)
# What the writer did, not what they ask: "sorry i wrote in french by habit", "j'ai écrit en anglais par erreur"
# The phone's own doing: "sorry, English please, my phone wrote in French", "mon cell a écrit en anglais"
_DEVICE_WROTE_BEFORE = re.compile(
    r"\b(?:my|mon|ma)\s+(?:phone|cell|cellphone|keyboard|autocorrect|clavier|cellulaire|t[ée]l[ée]phone|correcteur)\s+"
    r"(?:\w+\s+)?(?:wrote|typed|put|changed|switched|translated|[ée]crit|mis|chang[ée]|tradui\w*)\s+(?:it\s+|this\s+|[çc]a\s+)?(?:in|en|to|into)\s+$",
    re.IGNORECASE)
# (or tried: "en francais svp. i tried in english but i dont understand the words you use")
_WRITTEN_BEFORE = re.compile(r"\b(?:i|j'ai|je)\s*(?:\w+\s+)?(?:wrote|typed|texted|tried|[ée]crit|tap[ée]|essay[ée])\s+(?:it\s+|this\s+|ça\s+|ca\s+)?(?:in|en)\s+$",
                             re.IGNORECASE)
_TURNING_AWAY_AFTER = re.compile(
    r"^\W*(?:is\s+)?(?:not|isn'?t|est pas|n'est pas|pas)\s+(?:(?:so|that|very|really|tr[eè]s|vraiment|bien|ben|si|super)\s+)?"
    r"(?:good|great|bon|bonne|fort|forte)"
    # "my french is rusty", "mon anglais est poche", "french is hard for me"
    r"|^\W*(?:is|est|c'est)\s+(?:(?:very|really|so|pretty|too|super|tr[eè]s|vraiment|trop|ben|assez)\s+)?"
    r"(?:rusty|terrible|bad|poor|weak|limited|awful|hard|difficult|nul|nulle|poche|pourri|mauvais|rouill[ée]|"
    r"difficile|dur|limit[ée]|ordinaire|pas terrible)\b"
    r"|^\W*(?:sucks|is not my (?:first )?language)", re.IGNORECASE)
# Which language a form, a site or a test comes in, asked about: "is the application form
# available in french too?", "est-ce que le formulaire est en anglais seulement?" (not a request
# for the conversation's language).
_THINGS = (r"(?:forms?|formulaires?|applications?|websites?|site|sites|documents?|tests?|exams?|examens?|"
           r"interviews?|entrevues?|letters?|lettres?|guides?|brochures?|certificates?|certificats?|actes?|"
           r"diplomas?|dipl[oô]mes?|papiers?|papers?|cards?|cartes?|records?|relev[ée]s?|transcripts?)")
_DEVICES = (r"(?:whatsapp|facebook|messenger|telegram|instagram|phone|iphone|android|cell|cellulaire|t[ée]l[ée]phone|ordi|"
            r"ordinateur|computer|laptop|keyboard|clavier|tv|t[ée]l[ée]|netflix|windows|google|gmail|samsung|ipad|tablet|"
            r"tablette|appli|navigateur|browser|chrome|outlook|alexa|siri)")
_THING_IN_BEFORE = re.compile(
    rf"\b{_THINGS}\b[^.?!]*?"
    r"\b(?:available|offered|provided|disponibles?|offerts?|fournis?|is|are|est|est-tu|est-il|sont|exist|exists|"
    r"existe|existent|come|comes|vient|viennent)\s+(?:\w+\s+)?(?:in|en)\s+$"
    # "mon certificat de naissance est de l'Ontario pis en anglais", "my birth certificate is from
    # quebec and in french": what the thing is, said after another of its traits
    rf"|\b{_THINGS}\s[^.?!]*?\b(?:is|are|est|sont|was|etait|était)\b[^.?!]*?\b(?:and|et|pis|but|mais)\s+(?:(?:only|just|seulement|juste|all|tout)\s+)?(?:in|en)\s+$"
    rf"|\b(?:is|are)\s+(?:the|your|this|that)\s+(?:\w+\s+)?{_THINGS}\s+(?:\w+\s+)?in\s+$"
    # a thing had or given in that language: "my boss gave me a releve d'emploi in french, is that the same as the ROE"
    rf"|\b(?:gave|give|gives|given|got|get|received|sent|send|have|had)\s+(?:me\s+|us\s+)?(?:a|an|the|my|our)\s+{_THINGS}(?:\s+[\w'-]+){{0,2}}\s+in\s+$", re.IGNORECASE)
# A phone's or an app's own language, asked how to set: "comment je change la langue de mon
# WhatsApp en français", "how do i set my iphone to english" (not "answer me on whatsapp in french")
_DEVICE_IN_BEFORE = re.compile(
    rf"\b(?:langue|language|settings?|param[eè]tres?)\s+(?:de|du|d'|of|on|in|sur|for)\s*(?:(?:mon|ma|mes|my|the|le|la|son|sa|his|her|our|notre)\s+)?"
    rf"{_DEVICES}\b[^.?!]*?\b(?:in|en|to|au|pour)\s+(?:le\s+|l')?$"
    rf"|\b(?:set|change|switch|put|mettre|mets|changer|passer)\s+(?:my|mon|ma|the|le|la)\s+{_DEVICES}\s+(?:\w+\s+)?(?:in|en|to|au|into)\s+(?:le\s+|l')?$",
    re.IGNORECASE)
# A word's translation asked ("comment on dit « mise à pied » en anglais?", "how do you say layoff in
# french"): a question about words, not the conversation's language
# One's languages compared, the better one wanted: "my french better than my english, can we switch",
# "mon anglais est meilleur que mon français, on peut changer?"
_BETTER_THAN = re.compile(
    r"\bmy (french|english)(?: is|'s)? (?:much |way |a lot |a bit |far )?better than my (?:french|english)\b|"
    r"\bmon (fran[cç]ais|anglais) (?:est )?(?:bien |beaucoup |pas mal |un peu )?(?:meilleur|mieux) que mon (?:fran[cç]ais|anglais)\b|"
    r"\bi(?:'m| am) (?:much |way |a lot )?better in (french|english) than\b|"
    # one understood or spoken better than the other: "je comprends mieux l'anglais que le français",
    # "i understand french better than english"
    r"\b(?:je |j')?(?:comprends|comprend|parle|lis|ecris|écris) (?:beaucoup |bien |pas mal |un peu )?mieux (?:l'|le )?(fran[cç]ais|anglais) (?:que\b|qu')|"
    r"\bi (?:understand|speak|read|write) (french|english) (?:much |way |a lot |a bit |far )?better than\b", re.IGNORECASE)
# This chat's version in the other language, asked for in French's feminine ("y a tu une version
# anglaise de ce chat", "la version française svp"), not a form's ("la version anglaise du formulaire")
_THIS_CHATS_VERSION = re.compile(
    r"\bversion (anglaise|fran[cç]aise)\b(?=\s*(?:[?!.]|$|svp|stp|s'il|please|(?:de|du) (?:ce |cette |la |le )?(?:chat|clavardage|conversation|service|robot|bot|assistant)\b))",
    re.IGNORECASE)
_TRANSLATION_BEFORE = re.compile(
    r"\b(?:comment (?:on |est-ce qu'on |je |tu )?(?:dit|dis|ecrit|[ée]crit|traduit|traduis)|comment dit-on|"
    # (not a translator app: "my grandma is using a translator app and it works best with english")
    r"how (?:(?:do|would|can|should) (?:you|i|we|u) |to )?(?:say|write|spell|translate)|translat(?!ors?\b|ion apps?\b)\w*|tradui\w*|traduction(?! app)|"
    r"what(?:'s| is) (?:the word|\w+) (?:for \w+ )?)\b[^.?!]*$", re.IGNORECASE)
# A thing of that country named just before ("mon permis de conduire français", "my french passport"): not a request
_THING_JUST_BEFORE = re.compile(
    r"\b(?:permis(?: de conduire)?|licen[cs]e|passe?ports?|dipl[oô]mes?|diplomas?|cartes?|certificats?|plaques?|"
    r"nationalit[ée]|citoyennet[ée]|citizenship|degree)\s+$", re.IGNORECASE)
_OTHER: dict[str, Language] = {"fr": "en", "en": "fr"}


def _about_a_things_language(text: str) -> bool:
    """The message asks which language a form, a site or a test comes in, how to set a phone's, or
    how a word is said in it."""
    return any(_THING_IN_BEFORE.search(text[: match.start()]) or _DEVICE_IN_BEFORE.search(text[: match.start()])
               or _TRANSLATION_BEFORE.search(text[: match.start()]) for match in _NAMES.finditer(text))


def asks_a_translation(text: str) -> bool:
    """The message asks how a word is said in a language, not for the conversation's language."""
    folded = _fold(text)
    return any(_TRANSLATION_BEFORE.search(folded[: match.start()]) for match in _NAMES.finditer(folded))


# How a word is said in any language, asked at the message's start: "comment on dit merci en
# inuktitut", "how do you say thank you in cree" (a dictionary's, not a thanks or a greeting)
_WORD_IN_A_LANGUAGE = re.compile(
    r"^\W*(?:comment (?:on |est-ce qu'on |je |tu )?(?:dit|dis|ecrit|[ée]crit|traduit|traduis)|comment dit-on|"
    r"how (?:do|would|can|should) (?:you|i|we|u) (?:say|write|spell)|translate)\b[^.?!]{1,40}\b(?:en|in|into) (?!person\b|personne\b|ligne\b|line\b|writing\b|ecrit\b|public\b|general\b|short\b|bref\b)[a-z]\w+\W*$",
    re.IGNORECASE)


def asks_a_word_in_a_language(text: str) -> bool:
    """The message asks how a word is said in a language, whichever language it names."""
    return asks_a_translation(text) or bool(_WORD_IN_A_LANGUAGE.search(_fold(text)))


def about_a_devices_language(text: str) -> bool:
    """The message asks how to set a phone's or an app's language, not the conversation's."""
    folded = _fold(text)
    return any(_DEVICE_IN_BEFORE.search(folded[: match.start()]) for match in _NAMES.finditer(folded))


def weakness_told_after_a_question(text: str) -> bool:
    """A question asked in one language, then the writer's weakness in it told, with no other
    language asked for: "pis mon employeur peut tu le faire a ma place? je parle pas beaucoup
    francais" (the question is what to answer, in the language it is written in)."""
    folded = _fold(text)
    return requested_language(folded) is None and any(
        _AGAINST_BEFORE.search(folded[: match.start()]) and _OWN_COMMAND_BEFORE.search(folded[: match.start()])
        and _ASKED_FIRST.search(folded[: match.start()]) for match in _NAMES.finditer(folded))


def helps_someone_weak_in_a_language(text: str) -> bool:
    """Someone else's weakness in a language told, and the writer asks to go with them and speak for
    them ("she doesnt read english, can i come with her and talk for her"): no language asked."""
    folded = _fold(text)
    return bool(_GOING_WITH_THEM.search(folded)) and any(
        _THEIR_WEAKNESS_BEFORE.search(folded[: match.start()]) for match in _NAMES.finditer(folded))


def _named(said: str) -> Language:
    """The language a name of one names ("francais", "English", "anglophone")."""
    return "fr" if said.lower().startswith("fr") else "en"


def _names_another(text: str, language: str) -> bool:
    """The text names a language other than `language` ("je parle pas bien francais, english ok?")."""
    return any(_named(match.group(1)) != language for match in _NAMES.finditer(text))


def _written_in(text: str, language: str) -> bool:
    found = _by_its_words(_fold(text))
    return found is not None and found.strength == "strong" and found.language == language


def requested_language(text: str) -> Optional[Language]:
    """The language a message asks for, if it asks for exactly one."""
    better = _BETTER_THAN.search(text)
    if better:
        return _named(next(g for g in better.groups() if g))
    version = _THIS_CHATS_VERSION.search(text)
    if version:
        return "fr" if version.group(1).lower().startswith("fr") else "en"
    wanted: set[str] = set()
    for match in _NAMES.finditer(text):
        said = match.group(1).lower()
        name = _named(said)
        if said in _SPEAKERS:
            # a person who speaks it ("je suis unilingue francophone", "anglophone here"), not a
            # thing ("les écoles francophones à Ottawa", "francophone daycares")
            if not (_DESCRIBES_A_THING.search(text[: match.start()]) or _A_THING_AFTER.match(text[match.end():])):
                wanted.add(name)
            continue
        before, after = text[: match.start()], text[match.end():]
        if _COUNTRYS_DOCUMENT_AFTER.match(after):
            continue  # "i need a french passport for my son": France's passport, not the chat's language
        if _THEIR_WEAKNESS_BEFORE.search(before) and _GOING_WITH_THEM.search(text):
            continue  # "she doesnt read english, can i come with her and talk for her": a helper asked, not a language
        if _HEARSAY_BEFORE.search(before):
            continue  # "j'ai entendu que le bot répond seulement en anglais, c'est vrai?" tells what was heard
        if _PREFERRED_AFTER.match(after):
            wanted.add(name)  # "actually no english is better sorry" (its "no" takes back the French asked before)
            continue
        if _WHY_NOT_BEFORE.search(before) or _KEEP_ASKED_BEFORE.search(before):
            wanted.add(name)  # "why not in French?", "can u keep answering in english" (a request, not a complaint)
        elif _AGAINST_BEFORE.search(before) or _TURNING_AWAY_AFTER.search(after):
            # (or after a question asked in it: "pis mon employeur peut tu le faire a ma place? je parle pas beaucoup francais")
            if (_OWN_COMMAND_BEFORE.search(before) and (len(after.split()) >= MIN_WORDS_WRITTEN_ON or _ASKED_FIRST.search(before)) or (
                    _OWN_LANGUAGE_BEFORE.search(before) and len(text.split()) >= MIN_WORDS_TOLD_IN)) and _written_in(text, name) and (
                    not _names_another(text, name)):
                continue  # "je parle pas bien francais. moi besoin numero..." written on in it: the reply stays in it
            wanted.add(_OTHER[name])
        elif _IDENTITY_BEFORE.search(before):
            continue  # "I'm French" says who, not which language
        elif _WRITTEN_BEFORE.search(before) or _DEVICE_WROTE_BEFORE.search(before):
            continue  # "i wrote in french by habit", "my phone wrote in french" say what was done
        elif _THING_IN_BEFORE.search(before) or _DEVICE_IN_BEFORE.search(before):
            continue  # "is the form available in French?" asks about the form
        elif _TRANSLATION_BEFORE.search(before) or _THING_JUST_BEFORE.search(before):
            continue  # "comment on dit « mise à pied » en anglais?", "mon permis de conduire français"
        elif (_ASKING_BEFORE.search(before) or _ASKING_AFTER.search(after) or len(text.split()) <= 3
              or (_WANTING_BEFORE.search(before) and _ENDS_AFTER.search(after))
              or (_OPENING_BEFORE.search(before) and _SENTENCE_ENDS_AFTER.search(after))):
            wanted.add(name)
    if len(wanted) > 1:
        # one language to write in, the other to be answered in: "is it ok if i write in english but
        # you answer in french?", "je t'écris en français mais réponds-moi en anglais": the answer's
        # (not a complaint about the answers so far: "pourquoi tu me réponds en anglais?? en français stp")
        wanted = {_named(match.group(1).lower()) for match in _NAMES.finditer(text)
                  if _REPLY_IN_BEFORE.search(text[: match.start()]) and not _WHY_BEFORE.search(text[: match.start()])}
    if len(wanted) == 1:
        found = wanted.pop()
        return "fr" if found == "fr" else "en"
    return None


# Frequent function words and domain words that belong to one language only.
_FRENCH = frozenset(
    """
    je j' tu il elle on nous vous ils elles le la les un une des du de au aux ce cet cette
    ces mon ma mes ton ta tes son sa ses notre votre leur leurs est suis es sont etre être
    ai as avons avez ont avoir pas ne ni mais ou où et donc car que qui quoi quel quelle
    quels quelles comment pourquoi quand combien avec sans pour par sur sous chez dans
    bonjour bonsoir salut allo allô merci oui non ouais pantoute svp stp plait plaît
    passeport passeports renouveler renouvellement enfant enfants frais coût coute coûte
    demande demander délai delai perdu volé vole voler photo photos où emploi assurance
    prestation prestations allocation prêt pret prêts prets étudiant etudiant numéro
    numero aide aidez besoin veux voudrais peux pouvez faut faire fait dois doit
    chu faque tantôt icitte ben pis correct bienvenue bonne journée journee soirée soiree
    parler quelqu'un agent vrai robot plainte annule annuler arrête arrete laisse
    formulaire formulaires renouvlement renouvellemnt garant répondant repondant versement
    versements paiement paiements rembourser remboursement chèque cheque rdv cmb
    demain hier aujourd'hui meteo météo semaine fin-de-semaine
    janvier février fevrier avril juin juillet août aout septembre octobre novembre décembre decembre
    meilleur meilleure meilleurs meilleures resto restos jour jours mois ans
    nas ae ace tps tvh taille grandeur
    """.split()
)
_ENGLISH = frozenset(
    """
    i i'm im me my you your he she we they the a an is are am was were be been have has
    had do does did not no yes yeah yep nope but or and so because what which who whom
    how why when where with without for by on under in into from at of to can could
    would should will shall may might must need want please thanks thank hello hi hey
    renew renewal child children kid fee fees cost costs price long
    letter letters consent grandma grandpa granny mom mommy dad daddy wife husband daughter
    take takes time apply application lost stolen photo picture where status check
    job insurance benefit benefits loan loans student number help get got it this that
    there here talk person human agent real robot bot complaint cancel stop forget mind
    january february april june july august september october november december
    sin ei ccb gst hst
    """.split()
)
_FRENCH_ONLY_CHARS = re.compile(r"[àâçéèêëîïôûùüÿœ]", re.IGNORECASE)


@dataclass(frozen=True)
class Detection:
    language: Language
    strength: Strength


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def detect(text: str) -> Optional[Detection]:
    """Return the language of ``text`` and how sure we are, or None if it says nothing."""
    folded = _fold(text or "").strip()
    if not folded or folded.startswith("/"):
        return None
    asked = _HEARSAY_CLAUSE.sub(" ", folded)  # (not what was heard: "j'ai entendu que le bot répond seulement en anglais")
    asks_fr = bool(_ASK_FRENCH.search(asked) or _ALONE_FRENCH.match(folded))
    asks_en = bool(_ASK_ENGLISH.search(asked) or _ALONE_ENGLISH.match(folded))
    requested = requested_language(folded)
    if requested is not None:
        return Detection(requested, "explicit")
    if asks_fr != asks_en and not _about_a_things_language(folded):
        return Detection("fr" if asks_fr else "en", "explicit")
    return _by_its_words(folded)


def _by_its_words(folded: str) -> Optional[Detection]:
    """The language of the folded text by the words of one language only that it holds."""
    words = [w.strip("'") for w in _WORD.findall(folded)]
    words = [w for w in words if w]
    french = sum(1 for w in words if w in _FRENCH or w.endswith("'"))
    # elisions such as "l'enfant", "j'ai", "qu'est-ce"
    french += len(re.findall(r"\b(?:l|j|d|qu|n|s|c|m|t)'", folded))
    french += 2 * len(_FRENCH_ONLY_CHARS.findall(folded))
    english = sum(1 for w in words if w in _ENGLISH)
    english_only = {w for w in words if w in _ENGLISH and w not in _FRENCH}
    if english_only == {"a"} and any(w in _FRENCH and w not in _ENGLISH for w in words):
        # "a" alone is no English beside French words: French writes "à" without its accent
        # ("meilleure poutine a montreal?", "on part a cuba dans 4 jours")
        english -= words.count("a")
    if french == english:
        return None
    language: Language = "fr" if french > english else "en"
    margin = abs(french - english)
    strength: Strength = "strong" if len(words) >= 3 and margin >= 2 else "weak"
    return Detection(language, strength)


def decide(current: Optional[str], text: str) -> Optional[Language]:
    """The conversation language after ``text``, given the ``current`` one (or None)."""
    found = detect(text)
    if found is None:
        return _as_language(current)
    if found.strength == "weak" and current in LANGUAGES:
        return _as_language(current)
    return found.language


def _as_language(value: Optional[str]) -> Optional[Language]:
    if value == "en":
        return "en"
    if value == "fr":
        return "fr"
    return None
