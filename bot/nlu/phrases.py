"""Phrasings that must never be missed, matched beside the statistical classifier.

A citizen who asks for a person must reach the officer queue, one who asks for the other
language must get it, and a lost passport with a flight in days must reach an officer at once:
a classifier that is right 95 % of the time is not good enough for these. The patterns are
deliberately narrow (a verb of asking plus a person, a call-back, a language request in a
short message, a missing passport plus a near date); everything else is left to the model.
A price question that the model read as another passport topic is a fee question
(`asks_price`); a renewal question that states the facts the eligibility check asks about
("issued when I was 14", "émis en 2009", "un passeport temporaire") is that check
(`asks_whether_renewable`), and one about a child's passport now is a child passport question.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, FrozenSet, Optional

from bot.folding import fold
from bot.language import detect

_PERSON = (
    r"(?:human|humain|person|personne|people|agent|agente|officer|representative|rep|"
    r"operator|manager|supervisor|superviseur|superviseure|gerant|gerante|boss|patron|"
    r"responsable|conseiller|conseillere|prepose|preposee|someone|somebody|quelqu'?un|"
    r"quelqu un|employee|employe|staff|live agent|vrai monde)"
)
_ASK_PERSON = [
    # "talk to a person", "speak with your manager", "chat with a real human", "speak w someone"
    rf"\b(?:talk|speak|chat|connect|transfer|put) (?:me )?(?:directly |direct |right now |now )?(?:to|with|w/?|through to) (?:a |an |the |some |your |one of your |real |live |actual |her |his |their )*"
    rf"(?:passport |service canada |government |ei |sin )?{_PERSON}\b",
    # wished politely, in its -ing form: "I would very much appreciate speaking with a representative"
    # (not "i was talking to an agent yesterday", told)
    rf"\b(?:appreciate|prefer|mind|(?:would|'d|i'd|id) (?:\w+ ){{0,2}}?(?:like|love)|(?:is it|would it be) possible)\b(?: \w+){{0,3}}? (?:speaking|talking|chatting) (?:to|with) "
    rf"(?:a |an |the |some |your |one of your |real |live |actual )*(?:passport |service canada |government )?{_PERSON}\b",
    r"\b(?:want|need|get)(?: me)? (?:a |an |the |your )?(?:real |live |actual )?(?:human|agent|manager|supervisor|boss)\b",
    r"^\W*(?:a |an |une? )?(?:real|live|actual) (?:human|person|agent)s?(?: please| plz| pls| svp| now)?\W*$",
    r"\b(?:want|need|get|give me|prefer)\s+(?:a |an |to talk to an? )?(?:real|live|actual) (?:human|person|agent)\b",
    # "this is not help, give me agent NOW", "on peut avoir un conseiller en direct?"
    r"\bgive me (?:an? |the |your |one )?(?:agent|human|person|representative|rep|officer|supervisor|manager)\b",
    # a complaint, and whom to speak to: "je veux porter plainte contre l'agente qui m'a raccroché au nez, a qui je parle?"
    r"\b(?:porter plainte|plainte|complain|complaint)\b[^?!]{0,60}\b(?:a qui je (?:parle|m'adresse|peux parler)|who (?:do|can) i (?:talk|speak) to)\b",
    r"\b(?:peut|peux|pourrait|pourrais|puis)[- ]?(?:on|je|j'|tu)?(?:[- ]tu)? ?avoir (?:un |une )(?:conseiller|conseillere|agent|agente|humain|personne|prepose|preposee)"
    r"(?: en direct| au telephone| en ligne| svp| stp)?(?=\s*[?!.,]|\s*$| en direct| pour )",
    r"\bcall ?me back\b|\bcall-?back\b|\b(?:please|pls|plz) (?:call|phone) me\b|\bgive me a call\b",
    # (or a person of the office: "please could a passport officer telephone me at home")
    r"\b(?:can|could) (?:someone|somebody|an agent|a person|an officer|(?:an?|the) (?:passport |service canada |ei |sin )?(?:officer|agent|employee|representative)) "
    r"(?:please |pls |plz )?(?:call|phone|telephone|contact|help) me\b",
    # someone of an office: "can someone from the student loan centre call me? my number is on my account"
    r"\b(?:can|could) (?:someone|somebody|a person|an agent) (?:from|at|of) (?:the |my )?(?:[\w-]+ ){1,4}?(?:please |pls |plz )?(?:call|phone|contact) me\b(?!\s+(?:and|to|saying|about a|et)\b)",
    # "pls just someone real", "need somebody human": a person, said by what they are
    r"(?<!is )(?<!are )\b(?:someone|somebody|anyone|anybody) (?:real|human|alive)\b",
    r"\bescalate\b",
    # a person to call someone who cannot chat: "can a Service Canada employee contact her directly?"
    r"\b(?:can|could|would) (?:a |an |one of your |someone|somebody)?(?:[\w-]+ ){0,3}?(?:employee|agent|officer|representative|"
    r"someone|somebody|human)s? (?:please |pls |plz )?(?:call|phone|contact|reach) (?:her|him|them|us|my \w+)\b",
    r"\b(?:un agent|une agente|un employe|une employee|quelqu'?un|un conseiller|une conseillere)(?: [\w-]+){0,4} "
    r"(?:l'appeler|la contacter|le contacter|la rappeler|le rappeler|les appeler|les contacter|nous appeler|nous contacter|nous rappeler)\b",
    # "parler à un agent", "parler avec quelqu'un", "jaser avec une vraie personne"
    rf"\b(?:parler|parle|jaser|discuter|communiquer|clavarder) (?:direct |directement |tout de suite |en direct )?(?:a|avec|au|aux) (?:un |une |le |la |l'|votre |ton |ta |son |sa |leur |vrai |vraie |a )*{_PERSON}\b",
    r"\b(?:vraie personne|vrai humain|etre humain|un humain|une personne reelle|personne en chair)\b",
    # "rappelez-moi", not "rappelle-moi d'appeler ma mère" (remind me to)
    # (not a reminder: "Pouvez-vous me rappeler de prendre mes pilules à 8 h")
    r"\brappel(?:ez|le|er)?[- ]moi\b(?! d'| de )|\b(?:pouvez|peux|pourriez|pourrais)[- ](?:vous|tu) me (?:rappeler|telephoner|appeler)\b(?! d'| de )|\bm'appeler\b",
    rf"\b(?:je veux|j'veux|je voudrais|jveux|veux) (?:un |une |le |la |votre )?(?:agent|agente|humain|superviseur|superviseure|gerant|gerante|responsable|patron)\b",
    r"\btransferez[- ]moi\b|\btransfere[- ]moi\b",
    # "connecte-moi avec un conseiller", "connectez-moi à un agent"
    rf"\b(?:connecte|connectez|connecter)[- ]moi (?:avec|a|au|aux) (?:un |une |le |la |l'|votre |ton |ta |vrai |vraie )*{_PERSON}\b",
    r"\b(?:book|schedule|set up|arrange) a (?:phone )?call\b"
    # a call wanted, not one told ("i got a weird call from someone saying theyre from service canada")
    r"|\b(?:want|need|like|get me|request|have) (?:a )?(?:call|phone call) (?:with|from) (?:someone|an agent|a person|an officer)\b",
    r"\bquelqu'?un (?:de vrai|qui (?:peut|pourrait) me (?:repondre|rappeler|parler|appeler))\b",
    # someone there to look at the file: "y a tu un agent qui peut regarder mon dossier", "is there someone who can check my file"
    r"\b(?:y a(?:[- ]t[- ]il| tu|-tu)|y'a(?:[- ]tu)?|ya(?:[- ]tu)?|il y a|est-ce qu'il y a|is there|isn'?t there) "
    r"(?:un |une |an? |some )?(?:agent|agente|personne|humain|conseiller|conseillere|quelqu'?un|person|human|someone|somebody|officer) "
    r"(?:qui (?:peut|pourrait)|who (?:can|could)|that (?:can|could)) (?:regarder|look at|verifier|check|voir|review|revoir|examiner)\b",
    # someone asked to call back: "pouvez-vous demander à quelqu'un de me rappeler", "have someone call me back"
    r"\b(?:demander|dire) a (?:quelqu'?un|un agent|une agente|un employe|une employee|un conseiller|une conseillere|un fonctionnaire) "
    r"(?:de )?me (?:rappeler|appeler|contacter|telephoner)\b"
    r"|\b(?:ask|get|have|need|want) (?:someone|somebody|an agent|an officer|a person|a real person) (?:to )?(?:call|phone|contact) me\b"
    r"|\b(?:veux|jveux|voudrais|aimerais|j'aimerais|jaimerais|souhaite|besoin|faut) (?:qu'|que )(?:une? (?:personne|agente?|humain|conseill\w+|employee?|"
    r"fonctionnaire|preposee?|officier|officiere)|quelqu'?un)(?: (?:des|du|de|d'|aux|au|de la) ?[\w-]+(?: canada)?)? "
    # ("je voudrais qu'un agent des passeports m'appelle demain matin svp")
    r"(?:me |m')(?:rappelle|appelle|contacte|telephone|reponde)\b",
    r"\b(?:peut|pourrait|peux|pouvez)[- ](?:vous |tu |quelqu'?un )?me (?:rappeler|telephoner|appeler)\b(?! d'| de )",
    # "pouvez vous me faire rappeler par un agent", "je peux-tu avoir quelqu'un qui m'aide en direct?"
    r"\bme faire (?:rappeler|appeler|contacter) par (?:un |une |quelqu'?un|le |la |l')",
    r"(?<!sans )\b(?:avoir|parler a|parler avec|jaser avec) (?:quelqu'?un|une personne|un agent|une agente|un humain) qui "
    r"(?:m'aide|me aide|peut m'aider|pourrait m'aider|me parle|me reponde)\b",
    r"\b(?:mettre|mettez|mets|metter)[- ]moi en (?:contact|relation|communication) avec\b",
    # "pouvez vous me mettre en contact avec un agent de passeport"
    rf"\b(?:me|nous) (?:mettre|mettez|mettrez|met|mets) en (?:contact|relation|communication) avec (?:(?:un |une |le |la |l'|la bonne |le bon )?(?:{_PERSON}|fonctionnaire)\b|quelqu'?un)",
    # an appointment by phone with a person: "je peux avoir un rendez-vous téléphonique avec un agent
    # pour mon dossier d'allocation?", "can i book a phone appointment with an officer" (not an
    # appointment at an office, which is where to apply's)
    rf"\b(?:rendez-vous|rdv|rendez vous|appointment|appel|call) (?:telephonique|par telephone|au telephone)\b[^.?!]{{0,15}}\b(?:avec|with) "
    rf"(?:un |une |an? |the |le |la |l')?{_PERSON}",
    rf"\b(?:phone|telephone) (?:appointment|call|meeting) with (?:an? |the |someone|somebody)?{_PERSON}",
    r"\bis there (?:a |an |any |some )?(?:real |live |actual )?(?:human|person|agent|officer|someone|somebody)\b"
    r".{0,30}\b(?:talk|speak|chat|help)",
    # a live person asked after, with or without talking: "is there a live agent? my ccb situation is complicated"
    r"\b(?:is there|are there|do you have|you have|got) (?:a |an |any )?live (?:human|person|agent|officer)s?\b",
    r"\by a-?t-?il (?:un |une |quelqu'?un )?(?:vrai |vraie )?(?:humain|personne|agent|agente)\b",
    # someone free to take the conversation: "y a-tu un préposé de disponible?", "is there an agent available"
    rf"\b(?:y a(?:[- ]t[- ]il| tu|-tu)|y'a(?:[- ]tu)?|ya(?:[- ]tu)?|il y a|est-ce qu'il y a|is there|are there|any) "
    rf"(?:un |une |an? |some |any )?{_PERSON}s? (?:de )?(?:disponibles?|dispos?|libres?|en ligne|available|free|online)"
    r"(?:\s+(?:right now|now|maintenant|today|aujourd'hui|svp|stp|please|pls|pour (?:me |moi )?(?:parler|aider|repondre)|"
    r"to (?:talk|chat|help)(?: me)?|"
    # "ya tu un agent dispo pour regarder mon dossier", "any agent available to look at my file"
    r"pour (?:regarder|voir|verifier|checker|revoir|examiner|reviser)(?: (?:mon|ma|mes|notre|nos) \w+)?|"
    r"to (?:look at|check|review|go over)(?: (?:my|our) \w+)?))*\s*(?:[?!.,]|$)",
    # a person word alone: "agent", "human please", "un agent svp", "representative pls"
    r"^\W*(?:an? |un |une |le |la |l')?(?:real |live |vrai |vraie )?(?:human|humans|agent|agente|representative|rep|"
    r"operator|operateur|operatrice|person|personne|humain|conseiller|conseillere|real person|vraie personne|officer)"
    r"(?: please| pls| plz| svp| stp| s'il vous plait| s'il te plait| now| asap| maintenant| tout de suite)*\W*$",
    # "i want a person", "need a human asap", "I'd like a representative please"
    r"\b(?:want|need|would like|wanna|'d like)(?: to have| to get)? (?:a |an )?(?:real |live |actual )?"
    r"(?:person|human|representative|rep|officer)(?:\W*$| please| pls| now| asap| instead| to (?:talk|speak|chat|help))",
    r"\b(?:help|assistance) from (?:a |an )?(?:real |live |actual )?(?:human|person|agent|representative)\b",
    r"\b(?:aide|assistance) (?:d'un|d'une|par un|par une) (?:vrai |vraie )?(?:humain|personne|agent|agente)\b",
    r"\bany (?:humans?|real people|real persons?|agents?|live agents?) (?:here|there|around|available|on)\b",
    r"\bput (?:a |an )?(?:human|person|agent|real person) on\b",
    # "how do I reach a person", "contacter un agent", "comment joindre une personne"
    r"\b(?:reach|contact|get hold of|get in touch with|joindre|rejoindre|contacter|parler a) (?:a |an |un |une |the |le |la )?"
    r"(?:real |live |vrai |vraie )?(?:person|human|agent|agente|officer|representative|personne|humain)\b",
    # call-backs: "have someone call me", "appelle-moi", "contactez-moi"
    r"\b(?:have|get) (?:someone|somebody|an agent|a person|an officer) (?:to )?(?:call|contact|phone) me\b",
    r"\b(?:appelle|appelez|contacte|contactez|telephone|telephonez)[- ]moi\b",
    # "passe-moi ton boss", "me plaindre à un superviseur"
    r"\b(?:passe|passez)[- ]moi (?:ton |votre |un |une |le |la |ta )?(?:boss|patron|patronne|superviseur|superviseure|"
    r"gerant|gerante|agent|agente|responsable|humain|chef|personne|vrai monde)\b",
    r"\b(?:passe|passez)[- ]moi (?:quelqu'?un|quelqu un|qqn|qqun)\b",
    r"\b(?:plaindre|plainte) (?:a|au|aupres d'|aupres de) ?(?:un |une |le |la |votre |ton |ta )?(?:superviseur|superviseure|"
    r"gerant|gerante|responsable|patron|patronne|chef|agent|agente)\b",
    r"\by a[- ]?(?:t-il|t il|tu|-tu) quelqu'?un (?:qui (?:peut|pourrait) m'aider|en ligne|pour m'aider)",
    r"\b(?:avoir|get|have|parler a) (?:quelqu'?un|someone|somebody|un agent|une agente|une personne|an agent|a person|a human)"
    r" (?:au telephone|on the phone|on the line|en ligne)\b",
    # (or contact me: "est ce qu'un conseiller peut me contacter pour mon dossier de prêt étudiant")
    r"\bun (?:agent|agente|humain|conseiller|conseillere|vrai monde) (?:peut|pourrait)(?:-tu| tu)? me (?:repondre|aider|parler|rappeler|contacter|appeler|telephoner)\b",
    # "Est-ce qu'une personne pourrait m'aider s'il vous plaît?"
    r"\b(?:un|une|qu'un|qu'une) (?:vrai |vraie |autre )?(?:agent|agente|humain|humaine|personne|conseiller|conseillere|employe|employee)"
    r" (?:peut|pourrait|puisse|pourrais)(?:-tu| tu|-il|-elle)? (?:m'aider|me repondre|m'appeler|me rappeler|me parler|m'expliquer)\b",
    # "Could a real person please help me? My grandson lost his job."
    r"\b(?:can|could) (?:a|an) (?:real |live |actual )?(?:human|agent|person|officer) (?:please |pls |plz )?(?:answer|help|talk to|call|contact) me\b",
    # a person to take the case: "can a human look at my file", "qu'un agent regarde mon dossier"
    r"\b(?:can|could) (?:a |an |some |one of your )?(?:real |live |actual )?(?:\w+ ){0,2}?(?:human|person|agent|officer|someone|somebody|employee)"
    r" (?:look at|look into|check|review|go over|take over|handle|deal with) (?:my|our|this)\b",
    r"\b(?:need|want|get) (?:a |an )?(?:real |live |actual )?(?:human|person|agent|officer|employee|staff member)"
    r" to (?:look at|look into|check|review|go over|handle|deal with|help with) (?:my|our|this)\b",
    r"\b(?:un|une|qu'un|qu'une) (?:vrai |vraie )?(?:humain|agent|agente|personne|conseiller|conseillere|employe|employee)"
    r" (?:(?:peut|pourrait|puisse)(?:-il|-elle| tu|-tu)? )?"
    r"(?:regarde|regarder|verifie|verifier|check|checker|s'occupe|s'occuper|prenne|prendre|voir) (?:de )?(?:mon|ma|mes|notre|mon cas|ce)\b",
    r"\b(?:m'entretenir|entretenir|echanger) avec (?:un |une |le |la |l')?(?:conseiller|conseillere|agent|agente|personne|humain|"
    r"responsable|superviseur|superviseure|prepose|preposee)\b",
    r"\b(?:donnez|donne|donnes|trouvez|trouve)[- ]moi (?:quelqu'?un|un agent|une agente|une personne|un humain|un conseiller|une conseillere)\b",
    # "pouvez vous transférer mon dossier à un agent", "transfer my file to an agent"
    r"\btransfer\w* (?:(?:mon|ma|mes|notre|my|our) (?:dossier|cas|demande|appel|file|case|call|request) )?(?:a|avec|vers|to) "
    r"(?:un |une |a |an )?(?:agent|agente|humain|personne|conseiller|conseillere|human|person)\b",
    r"\b(?:mettez|mets|mettre)[- ]moi avec (?:un |une )?(?:agent|agente|humain|personne|conseiller|conseillere)\b",
    r"\b(?:du|un|le) vrai monde\b",
    r"\b(?:je veux|j'veux|jveux|je voudrais|j'aimerais) quelqu'?un(?:\W*$| svp| maintenant| tout de suite| pour m'aider| qui peut m'aider)",
    r"\b(?:etre|me faire) rappelee?\b",
    r"\b(?:ca|sa) me prend (?:un |une )?(?:agent|agente|humain|personne|vrai monde|superviseur|gerant)\b",
    r"\b(?:prefer|rather) (?:speaking|speak|talking|talk|chatting|chat) (?:with|to) (?:a |an )?(?:real |live )?(?:human|person|agent)\b",
    r"\bget me (?:someone|somebody|a person|an agent|a human|a real person)\b",
    r"\bwho can i (?:talk|speak) (?:to|with)\b",
    # the person first, then talking: "is there a passport officer i can talk to instead of a bot"
    r"\b(?:person|human|agent|officer|representative|employee|someone|somebody)\b(?: \w+){0,2} (?:i|we) (?:can|could) "
    r"(?:talk|speak|chat) (?:to|with)\b",
    r"\b(?:instead of|rather than) (?:a |an |the |this |your )?(?:bot|robot|machine|chatbot|ai)\b",
    r"\b(?:au lieu d'un|plutot qu'un|pas un) (?:robot|bot|ordi|ordinateur|machine|chatbot)\b",
    r"^\W*(?:your |the |a |ton |votre |un |une |le |la )?(?:manager|supervisor|boss|superviseur|superviseure|gerant|gerante|patron)"
    r"(?: please| pls| plz| svp| stp| now| asap| maintenant)*\W*$",
    r"\b(?:talk|speak|connect|transfer|put)\w* (?:me )?(?:to|with|through to) (?:the |your )?customer service\b",
    r"\b(?:parler|jaser|communiquer) (?:au|avec le|avec votre) service (?:a la )?client(?:ele)?\b",
    r"^\W*(?:customer service|service a la clientele|service client)(?: please| svp| pls)*\W*$",
]
# "I don't want to talk to a robot", "je veux pas parler à une machine": they want a person.
_NOT_A_BOT = re.compile(
    r"\b(?:don'?t|do not|dont) want (?:to (?:talk|speak|chat) (?:to|with) )?(?:a |an |the |this |your )?(?:robot|bot|machine|ai|chatbot)\b"
    r"|\b(?:tired of|sick of|done with) (?:this |the |talking to (?:a |this |the )?)?(?:robot|bot|machine|chatbot)\b"
    r"|\b(?:veux|voudrais|veut) (?:pas|plus) (?:parler|jaser|clavarder|discuter) (?:a|avec) (?:un |une |le |la |ce |cette )?"
    r"(?:robot|machine|bot|ordi|ordinateur|chatbot)\b"
    # "je veux porter plainte a quelqu'un de responsable, pas a une machine"
    r"|\b(?:quelqu'?un|personne|humain|human|person|someone|somebody|responsable)\b[^.?!]{0,30}\b(?:pas|not) (?:a |avec |to |with )?"
    r"(?:un |une |a |an )?(?:robot|machine|bot|chatbot)\b"
)
_NEGATED = re.compile(
    r"\b(?:don'?t|do not|no need to|never) (?:want |need |have )?(?:to )?(?:talk|speak|call)\b"
    r"|\b(?:pas besoin de|veux pas|voudrais pas) (?:parler|appeler|rappeler)\b"
)
_PERSON_REQUEST = re.compile("|".join(_ASK_PERSON))
MAX_LANGUAGE_REQUEST_WORDS = 9
_EASIER = re.compile(r"\b(?:plus (?:facile|simple|clair)|easier|simpler|mieux|better) (?:pour moi|for me|pour nous|for us|a comprendre|to understand)\b")
_ASKS_MORE_THAN_WHY = re.compile(r"\b(?:how|what|when|where|combien|comment|quand|ou|quel|quelle|passports?|passeports?|nas|sin)\b")
MAX_REASON_WORDS = 6  # the reason given after a comma: "its easier for me"
# Someone who helps the writer, given as the reason (folded text): "c'est mon chum américain qui
# m'aide", "my son who is helping me reads english": a relative clause, not a question
_WILL_READ = (r"qui va (?:le |la |les )?lire|who(?:'ll| will| is going to) read|"
              # "c'est ma belle-mere de Toronto qui va s'en occuper", "my sister who will handle it"
              r"qui va s'en occuper|qui s'en occupe|"
              # "Pouvez-vous écrire la même réponse en anglais pour qu'il la lise?", "so she can read it"
              r"pour qu'(?:il|elle|ils|elles) (?:la |le |les |l')?(?:lise|lisent|comprenne|comprennent)|so (?:he|she|they) can (?:read|understand)(?: it)?|who(?:'ll| will| is going to) (?:take care of|handle|deal with) (?:it|this|that)|"
              # "in french please, my mom is the one reading this"
              r"(?:is|'s|est) the one (?:reading|who reads|who(?:'ll| will) read)|(?:c'est|c) (?:elle|lui) qui (?:lit|va lire)")  # "c'est ma femme qui va lire ça"
_HELPER = re.compile(rf"\b(?:qui m'aide(?:nt)?|qui m'assiste(?:nt)?|qui me lit|who(?:'s| is)? (?:helping|helps|reads for) me|"
                     rf"{_WILL_READ})\b")
# ... or someone it is for, who will read it (folded text): "je veux le montrer à ma belle-mère",
# "pour que je puisse le montrer à mon boss",
# "c'est ma femme qui va lire ça", "so i can show my boss"
_FOR_SOMEONE = re.compile(rf"\b(?:(?:je veux|pour|pour que je puisse|pour pouvoir|que je puisse) (?:le |la |les |lui )?(?:montrer|faire lire|envoyer) a|{_WILL_READ}|"
                          r"(?:to|so i can|so that i can) show (?:it |this )?(?:to )?|"
                          r"for (?:my |our )\w+(?:-\w+)? to read|"
                          # "en anglais stp, ma femme veut lire la réponse aussi", "my husband wants to read it too"
                          r"(?:mon|ma|mes|notre|nos|my|our) [\w-]+ (?:veut|veulent|voudrait|aimerait|doit|wants? to|would like to|needs? to|has to) "
                          r"(?:le |la |les |lui |it |this |the )?(?:lire|read|comprendre|understand)\b|"
                          # practising the language: "je pratique pour mon examen de citoyenneté", "i'm practising my french"
                          r"je (?:pratique|pratiques|m'exerce|veux pratiquer)|pour pratiquer|i'?m practi[cs]ing|to practi[cs]e|"
                          # "je vais transférer ça à mon employeur", "i'll forward it to my boss"
                          r"(?:je vais|je veux|je dois|faut que je|i'll|i will|i'm going to|im going to|i want to|i have to|i need to|i gotta) (?:le |la |lui |ca |it |this )?"
                          r"(?:transferer|envoyer|forward|send|montrer|show)(?: ca| it| this| that)? (?:a|to)|"
                          # "tu peux me l'ecrire en anglais c pour mon mari", "in english its for my dad" (or the
                          # language itself for them: "can u say it in french for my wife, she is from Congo")
                          r"(?:c'est|c|cest|c'tait|it'?s|its|this is|that'?s|french|english|francais|anglais) (?:pour|for) (?:mon|ma|mes|notre|nos|my|our) "
                          r"(?:mari|femme|chum|blonde|conjointe?|pere|mere|parents|fils|fille|patron|employeur|proprio|"
                          # "repond en anglais c pour ma coloc qui vient de toronto"
                          r"coloc|colocataire|amie?|voisine?|soeur|frere|collegue|grand-mere|grand-pere|belle-mere|beau-pere|"
                          r"husband|wife|partner|dad|mom|mother|father|parents|son|daughter|boss|employer|landlord|"
                          r"roommate|roomie|friend|neighbou?r|sister|brother|coworker|grandma|grandpa|mother-in-law|father-in-law))\b")


# Openings of a question put to the assistant itself: "are you", "is this", "es-tu"...
_TO_IT_OPENINGS = (
    r"are you|is this|is it|r u|are u|c'est-tu|c'est tu|est-ce que c'est|"
    r"est-ce que je (?:parle|jase|clavarde)|es-tu|es tu|etes-vous|etes vous|t'es-tu|t'es tu|t'es|tu es|"
    r"je parle-tu|je parle tu|c'est un humain|c'est une personne"
)
# "am I chatting with an actual human?" asks what the assistant is (bot_challenge), not for one.
_ASKS_WHAT_IT_IS = re.compile(rf"^\W*(?:\w+,? )?(?:am i|is that|suis-je|{_TO_IT_OPENINGS})\b")


# ... and names what it might be: a person, a human, a bot ("am i talking to a real person rn").
# "am i" only with a verb of talking ("am i allowed to ..." is not about the assistant).
_TO_IT = re.compile(rf"^\W*(?:\w+,? )?(?:am i (?:talking|chatting|speaking|texting|writing)|{_TO_IT_OPENINGS})\b")
_WHAT_IT_MIGHT_BE = re.compile(
    # (not a verb's "ai" after an elision: "c'est-tu parce que j'ai pas fait mes impôts?", "je l'ai pas reçu"
    # ask why, not whether it is an AI; "l'IA" is one)
    r"(?<!')\b(?:human|humain|humaine|person|personne|agent|agente|bot|robot|machine|ai|ia|chatbot|"
    r"computer|ordi|ordinateur|program|programme|automated|automatise|automatique)\b|\bl'ia\b"
)
_IN_PERSON = re.compile(r"\b(?:in person|en personne)\b")  # a way to apply, not what it is
MAX_WHAT_IT_IS_WORDS = 14


# What it might be comes within a few words of the opening: "is it a good time to buy a computer"
# asks about a computer, not about the assistant.
_TO_IT_CLOSE = re.compile(rf"{_TO_IT.pattern}(?:\W+[\w'-]+){{0,3}}?\W+{_WHAT_IT_MIGHT_BE.pattern}")


def asks_what_it_is(text: str) -> bool:
    """A short question whether the assistant is a person or a program: bot_challenge."""
    folded = _IN_PERSON.sub(" ", fold(text))
    return len(folded.split()) <= MAX_WHAT_IT_IS_WORDS and bool(_TO_IT_CLOSE.search(folded))


_CLAUSES = re.compile(r"[.,;!?]+|\s(?:but|mais|so|alors|faque)\s")


# A call or a message the citizen got, told and asked about ("got a call saying my SIN is
# suspended and i need to press 1 to talk to an officer. is this real??"): not a request of theirs.
_QUOTES_A_CALL = re.compile(
    r"\b(?:call|called|calls|calling|voicemail|message|text|texted|email|e-mail|appel|appele|texto|courriel)\b"
    r"[^.?!]{0,40}\b(?:saying|says|said|telling|told|qui (?:dit|disait)|me disant|disant)\b"
    r"|\bpress(?:ez|e)? (?:1|one|un|9)\b|\b(?:appuyez|appuyer|peser|pesez) sur (?:le )?(?:1|un|9)\b")
_DOUBTS_IT = re.compile(r"\b(?:real|legit\w*|scam\w*|fraud\w*|fake|true|arnaque|fraude\w*|vrai|faux|normal)\b"
                        r"|\bpress(?:ez|e)? (?:1|one|un|9)\b|\b(?:appuyez|appuyer|peser|pesez) sur\b")


def quotes_a_call(text: str) -> bool:
    """A call or a message the citizen got, told and doubted ("got a call saying ... press 1 to
    talk to an officer. is this real??")."""
    folded = fold(text)
    return bool(_QUOTES_A_CALL.search(folded) and _DOUBTS_IT.search(folded))


# Going somewhere in person, asked as the way to do a thing ("je peux le faire en ligne ou faut que
# j'aille en personne?", "do I have to apply in person"): a manner, not a person asked for.
_IN_PERSON_MANNER = re.compile(
    r"\b(?:go|goes|going|apply|applying|do it|come|show up|drop (?:it )?off|renew|submit|bring|aille|aller|allez|vais|va|"
    r"presenter|rendre|deplacer|faire|fasse|faite|appliquer|porter)\b[^.?!]{0,20}\b(?:in person|en personne)\b"
    r"|\b(?:online|en ligne|by mail|par la poste)\b[^.?!]{0,30}\b(?:in person|en personne)\b"
    r"|\b(?:in person|en personne)\b[^.?!]{0,30}\b(?:online|en ligne|by mail|par la poste)\b")
_TALKS = re.compile(r"\b(?:talk|speak|chat|parler|jaser|discuter)\b")


def asks_how_in_person(text: str) -> bool:
    """A question of doing a thing in person ("faut que j'aille en personne?"), not of talking
    to a person."""
    folded = fold(text)
    return bool(_IN_PERSON_MANNER.search(folded)) and not _TALKS.search(folded)


def asks_for_person(text: str) -> bool:
    """A request for a person, in any clause that is not a question of what the assistant is:
    "t'es un robot, je veux un humain" asks for one; "am I chatting with an actual human?" not."""
    folded = fold(text)
    if _NOT_A_BOT.search(folded):
        return True
    if _NEGATED.search(folded) or quotes_a_call(text):
        return False
    return any(_PERSON_REQUEST.search(clause) and not _ASKS_WHAT_IT_IS.search(clause)
               for clause in [folded, *_CLAUSES.split(folded)])


# a question after a language request ("... in french? and how much is it"): it asks more
_ASKS_MORE = re.compile(r"\?|\b(?:how|what|when|where|why|who|which|can|do|does|is|are|combien|comment|quand|ou|pourquoi|"
                        r"quel|quelle|quels|quelles|qui|est-ce|peux|peut|faut)\b")


def excuse_then_language(first: str, rest: str) -> bool:
    """A short excuse or aside, then only the language asked for: "sorry my wife wrote that, can
    you answer in english", "oups mauvaise langue. en français svp". Not a question or a subject
    first ("i lost my passport, can you answer in french" asks about the passport)."""
    request = detect(rest)
    return bool(request and request.strength == "explicit") and len(first.split()) <= MAX_REASON_WORDS and (
        len(rest.split()) <= MAX_LANGUAGE_REQUEST_WORDS) and not _ASKS_MORE.search(fold(first)) and not (
        names_a_subject(first) or names_a_subject(rest) or asks_for_another_service(first))


# A reply in a language asked as a command, first thing (folded text): "Merci de me répondre uniquement
# en anglais à partir de maintenant, je pratique pour mon examen de citoyenneté", "please answer only
# in french from now on": what follows with no question is the reason
_REPLY_IN_COMMAND = re.compile(
    r"^\W*(?:(?:merci de|svp|stp|please|pls|plz|kindly|pouvez-vous|pourriez-vous|peux-tu|can you|could you)\s+)?(?:me |m')?"
    # (or to go on: "pls keep answering in english even if i throw in some french words")
    r"(?:repondre|reponds|repondez|ecrire|ecris|ecrivez|answer|reply|respond|write|"
    r"(?:keep|continue|continue to) (?:answering|replying|writing|answer|reply|write)|(?:continue|continuez|continuer) (?:a|de) (?:me |m')?(?:repondre|ecrire))(?: to me| me)? "
    r"(?:(?:uniquement|seulement|juste|toujours|only|just|always)\s+)?(?:en|in) (?:anglais|francais|english|french)\b")


# Something to read or hear asked for in a language (folded text), not the conversation's language
_CONTENT_IN_A_LANGUAGE = re.compile(
    r"\b(?:chansons?|songs?|histoires?|stor(?:y|ies)|poemes?|poems?|recettes?|recipes?|films?|movies?|livres?|books?|"
    r"comptines?|berceuses?|lullab(?:y|ies)|podcasts?|series|shows?|dessins animes|cartoons?)\b[^.?!]{0,40}\b(?:en|in) (?:francais|anglais|french|english)\b")


# The writer helping someone, told as the reason (folded text): "im helping my uncle who is in a chsld"
_HELPING_SOMEONE = re.compile(r"^\W*(?:i'?m|im|i am|je suis en train d'|j'?) ?(?:helping|aider|aide) (?:my|mon|ma|mes|a|un|une)\b")


def asks_for_language(text: str) -> bool:
    """A short message whose point is the language: "en français svp", "does this work in English?";
    or one that asks it first and then only says why ("c'est possible d'avoir la réponse en
    anglais? c'est pour mon employeur à Calgary", "sorry can we switch to english, its easier for
    me"), with no other question after it."""
    whole, folded = detect(text), fold(text)
    if _CONTENT_IN_A_LANGUAGE.search(folded):
        return False  # a thing asked for in a language: "une chanson pour endormir un bébé en français svp"
    command = _REPLY_IN_COMMAND.search(folded)
    if command and "?" not in text:
        reason = folded[command.end():]
        if not (_ASKS_MORE_THAN_WHY.search(reason) or names_a_subject(reason)):
            return True
    if whole and whole.strength == "explicit":
        words = len(text.split())
        if words <= MAX_LANGUAGE_REQUEST_WORDS or (
                # the language named with only why ("ok mais en anglais ce serait plus facile pour moi")
                words <= MAX_LANGUAGE_REQUEST_WORDS + MAX_REASON_WORDS and (_EASIER.search(folded) or _FOR_SOMEONE.search(folded))
                and not _ASKS_MORE_THAN_WHY.search(folded)):
            return True
    first, mark, rest = next((text.partition(sep) for sep in ("?", ". ", ", ") if sep in text), (text, "", ""))
    if mark and excuse_then_language(first, rest):
        return True
    helping = bool(_HELPING_SOMEONE.match(fold(rest))) and "?" not in rest  # (its "who is in a chsld" asks nothing)
    # (the one who will read it is no question: "Pouvez-vous écrire la même réponse en anglais pour qu'il la lise? Il vient de Winnipeg.")
    if not mark or len(_FOR_SOMEONE.sub(" ", fold(first)).split()) > MAX_LANGUAGE_REQUEST_WORDS or (
            _ASKS_MORE.search(_HELPER.sub(" ", fold(rest))) and not helping):
        return False
    found = detect(first)
    return bool(found and found.strength == "explicit") and (
        # not "english, i lost my passport", nor "my kid needs a french passport, we live in ottawa"
        # (longer when the reason is someone helped: "can u write the answers in french, im helping my uncle who is in a chsld in laval")
        mark != ", " or ((len(rest.split()) <= MAX_REASON_WORDS or helping) and not names_a_subject(rest)
                         and not asks_for_another_service(first)))


_PASSPORT = re.compile(r"\b(?:passports?|passeports?|pport|passport's)\b")
_PRICE = re.compile(
    r"\b(?:how much|how much's|cost|costs|price|prices|fee|fees|total|coute|coutent|couter|prix|frais|tarif|"
    r"tarifs|c'est combien|ca fait combien|combien (?:pour|ca|ça|que ca|que ça|au total|en tout|d'argent|de frais)|"
    r"altogether|all together|"  # "me and my 3 kids need passports, what's that altogether"
    r"^(?:donc |alors |ok |pis |et |so |ok so |and )?(?:en tout(?! cas)|au total|in total)|"  # "donc en tout avec un 10 ans adulte?" after the urgent service's price
    r"plus cher|moins cher|more expensive|cheaper|pricier|"  # "c'est tu plus cher un passeport si je le demande de paris?"
    r"(?:the |my |our )?final (?:number|amount|price|cost|figure)|"  # "adult 10 year, express service... whats the final number"
    r"(?:the |her |his |my |our )?(?:full|whole) (?:amount|price|cost)|montant (?:total|complet)|"  # "whats the full amount she pays"
    r"(?:de )?combien (?:je |on )?(?:fais|fait|faire|ecris|ecrire) (?:le|mon|un|notre) cheque|"  # "de combien je fais le chèque?"
    r"(?:make|write) (?:out )?(?:the|my|a) (?:cheque|check) (?:out )?for|"
    r"budget|budgeter|budgeting|"  # "urgent service + 10yr passport = ? trying to budget for my trip"
    r"(?:what(?:'s| is|s| will)|how much(?: is| will)?) (?:my|the|our) (?:total |whole )?bill|"  # "whats my bill gonna be"
    r"what(?:'s| is|s) the (?:total )?damage|"  # "10 yr + express service. whats the damage all in", "whats the total damage"
    r"\bhw much\b|"  # typed: "hw much is pasport for kid under 16"
    r"what (?:does|will|would) (?:it|that|this) (?:all )?come to|"  # "renewing mine (5 yr) and getting my 2 yr olds first one ... what does it all come to"
    r"what(?:'s| is|s| would| will) (?:that|it|this) (?:be |come to )?all in|"  # "need the 10 yr one and urgent pickup, whats that all in"
    r"(?:monte|montent|revient|reviennent|arrive) a combien|"  # "ça monte a combien" with the express
    r"(?:cmb|cb|combien) (?:pr|pour|ca|sa|le|la|un|une)|"  # texting: "cmb pr renouveler"
    r"(?:ca|sa|c|ça) fait (?:cmb|cb)|(?:cmb|cb) (?:en tout|au total|total)|"  # "10 ans avec urgent ca fait cb en tout"
    r"combien (?:je|j'|on|ca|ça) ?(?:vais |va |vas |vont )?(?:payer|paye|debourser|sortir))\b"  # "combien je vais payer au complet"
)
# "how many photos", "combien de photos", "combien de temps": a count or a time, not a price
_NOT_PRICE = re.compile(
    r"\b(?:how long|how much time|how many|delai|delais|combien de (?!frais|dollars|\$|piasses|plus\b)|combien d'(?!argent)|"
    r"(?:combien|cmb|cb) d'?(?:annees|ans|mois|semaines|jours)\b|"  # texting without the apostrophe: "bon pour combien dannees", "cmb dannees"
    # paying more refused, not a price asked: "je vais tu l'avoir pour la fin mai? sans payer de frais urgent"
    r"sans (?:payer|frais)|without paying|(?:don'?t|do not) want to pay (?:extra|more)|"
    # time, not money: "what does that mean, how much longer"; the weather: "il fait combien a cancun en janvier"
    r"how much (?:longer|more time|later)|(?:il|y) fait combien|fait-il combien|combien (?:il|y) fait (?:a|au|en|dehors))"
)
# Words that say a thing is lost or stolen ("can't find", "je le trouve pu"), for a passport or
# a SIN card alike
_GONE = (r"lost|lose|stolen|stole|misplaced|can'?t find|cannot find|perdu|perdue|perdre|vole|volee|egare|egaree|"
         r"(?:je|j') ?perds|"  # "2e fois que je perds mon passeport en 3 ans"
         r"trouve (?:pu|plus|pas)|"
         # where it is not known: "jsp ou est mon passeport depuis le demenagement", "idk where my passport is"
         r"(?:(?:je |j'|i )?(?:sais|sait) (?:pas|plus|pu)|jsp|chais pas|don'?t know|dunno|idk|no idea) (?:ou|where) (?:est|sont|is|are) (?:mon|ma|mes|my)")
_MISSING_PASSPORT = re.compile(rf"\b(?:{_GONE}|missing|disparu)\b")


# One's passport itself said lost, the words near each other (folded text): "je crois avoir égaré mon
# passeport", not "le formulaire ... je le trouve pas" nor "i lost my birth certificate ... a passport"
_OWN_PASSPORT_GONE = re.compile(rf"\b(?:{_GONE})\b\W+(?:\w+\W+){{0,2}}?(?:mon|ma|my|our|notre|son|sa|his|her|their|leur|le|the) passe?ports?\b"
                                rf"|\b(?:mon|ma|my|our|notre|son|sa|his|her|their|leur|le|the) passe?ports?\b\W+(?:\w+\W+){{0,4}}?(?:{_GONE})\b")


# One's passport thrown out (folded text): "ma mere ... a jete son passeport a la poubelle je pense"
_THROWN_OUT = re.compile(r"\b(?:jete|jetee|jeter|threw|thrown|tossed)\b[^.?!]{0,10}\b(?:mon|ma|son|sa|notre|my|his|her|our|the|le) passe?ports?\b"
                         r"[^.?!]{0,20}\b(?:poubelle|garbage|trash|recycl\w*|away|out)\b")


def says_own_passport_lost(text: str) -> bool:
    folded = fold(text)
    return bool(_OWN_PASSPORT_GONE.search(folded) or _THROWN_OUT.search(folded))


def says_lost(text: str) -> bool:
    """The message says something is lost, stolen or missing ("can't find it", "je le trouve pu"),
    not a job or a person ("lost my job in feb")."""
    return bool(_MISSING_PASSPORT.search(re.sub(_SUPPOSED_LOSS, " ", re.sub(_LOST_NO_THING, " ", fold(text)))))


# A SIN card or confirmation letter lost or stolen: "j'ai perdu ma lettre de confirmation", "my
# sin card got stolen", "je trouve pu ma carte d'assurance sociale"
_SIN_PAPER = r"(?:cards?|cartes?|letters?|lettres?|confirmation)"
# ... or any paper with it, taken by someone: "ils ont aussi pris le papier avec mon NAS dessus"
_TAKEN = r"(?:ont|a) (?:aussi |meme )?pris|(?:they|someone|somebody|he|she) (?:also )?(?:took|has taken|have taken)"
_LOST_SIN_PAPER = re.compile(
    rf"\b(?:{_GONE})\b(?:\W+\w+){{0,4}}?\W+{_SIN_PAPER}\b"
    rf"|\b(?:{_TAKEN})\b(?:\W+\w+){{0,4}}?\W+(?:{_SIN_PAPER}|papiers?|paper)\b"
    # ... or lost with the number named after it: "i lost the paper with my SIN number on it"
    rf"|\b(?:{_GONE})\b(?:\W+\w+){{0,2}}?\W+(?:papiers?|papers?|feuilles?)\b(?:\W+\w+){{0,3}}?\W+(?:sin|nas)\b"
    rf"|\b{_SIN_PAPER}\b(?:\W+\w+){{0,4}}?\W+(?:lost|stolen|missing|perdue?s?|volee?s?|egaree?s?)\b"
)


# An application's status asked for by name (folded text): "l'état de la demande", "check the status"
# The file's state, or a notice when it is ready (folded text): "vérifier l'état de mon dossier sur
# Internet", "est-ce que je vais recevoir un courriel quand mon passeport est prêt?": an application's
# status even when no passport is named and the model reads it off topic
_FILE_STATUS = (r"(?:l'etat|le statut) de (?:mon|son|notre|leur) dossier|"
                # where it is at: "Comment savoir où en est mon dossier ?", "ou en est rendue ma demande"
                r"ou en (?:est|sont) (?:rendue?s? )?(?:mon|ma|mes|son|sa|notre|leur|leurs) (?:dossier|demande|demandes|passeport|passeports)|"
                # whether it was mailed or received: "comment je sais si mon passeport a été posté?", "comment savoir si
                # la demande de passeport de mon fils a ete recue?"
                r"(?:savoir|sais|know|check|verifier|voir) (?:si|if|whether) (?:mon|ma|son|sa|notre|my|his|her|our|the|le|la) (?:nouveau |new )?passe?port "
                r"(?:a ete|a-tu ete|has been|was|est) (?:deja )?(?:poste|envoye|expedie|parti|mailed|sent|shipped)|"
                r"(?:savoir|know|check|verifier|voir) (?:si|if|whether) (?:la |ma |sa |the |my |his |her |leur )?(?:demande|application|renouvellement|renewal)\b"
                r"[^.?!]{0,30}\b(?:a ete recue?|was received|has been received|got there|est arrivee?|est rendue?|has arrived|arrived)|"
                # the status named with the passport: "how do i check my mom's passport status for her?"
                r"(?:check|checking|verify|see|find|track|know) (?:my |his |her |our |their |the )?(?:\w+'s )?passe?port(?:'s)? (?:application )?status|"
                r"(?:verifier|voir|savoir|suivre) (?:le |l')?(?:statut|etat) (?:de |du )?(?:mon |son |sa |ma |notre )?(?:passeport|demande de passeport)|"
                # whether the application has arrived: "I mailed my passport renewal on February 2 and
                # would like to know if it has arrived", "savoir s'ils l'ont reçue"
                r"(?:know|find out|check|confirm|see) (?:if|whether) (?:it|they|my (?:\w+ )?(?:application|renewal|forms?|papers)) "
                r"(?:has |have |was |were )?(?:arrived|been received|received it|got it)|"
                r"(?:savoir|verifier|voir) si (?:ils l'ont|elle est|ils ont) (?:bien )?(?:recue?|eu|arrivee?)|"
                # a stage the status shows, told: "my status says printed, what does that mean"
                r"(?:status|statut|etat)\b[^.?!]{0,15}\b(?:says|shows|said|is|dit|indique|affiche|marque|est)\b[^.?!]{0,6}?"
                r"\b(?:printed|imprimee?|mailed|shipped|expediee?|postee?|in process|en traitement|approved|approuvee?)\b|"
                # where the application is at: "comment savoir où elle en est?"
                r"(?:savoir|verifier|voir) (?:ou|où) (?:elle|il|ca|c'est|ma demande|sa demande|mon dossier|son dossier) en (?:est|sont)|"
                # "comment je sais quand il est prêt a ramasser?", "how will I know when it's ready"
                r"(?:je sais|je vais savoir|savoir|know|find out) (?:\w+ )?(?:quand|when) (?:il|elle|it|mon \w+|my \w+|ma \w+)"
                r"(?: \w+)? (?:est|is|sera|will be|'s|s) (?:pret|prete|ready)|"
                r"(?:courriel|email|e-mail|texto|text|sms|notification|avis|message|appel|call)s? (?:\w+ ){0,3}?"
                r"(?:quand|when|lorsque|once|des que) (?:mon|ma|son|sa|notre|my|his|her|our|the|le|la|it|il|elle) ?"
                r"(?:\w+ )?(?:passe?ports?|demande|application)? ?(?:est|is|sera|will be|'s|s) (?:pret|prete|ready)")
_STATUS = re.compile(r"\b(?:l'etat de (?:la |sa |ma |leur |notre )?demande|statut de (?:la |sa |ma )?demande|"
                     rf"{_FILE_STATUS}|"
                     r"status of (?:my |his |her |our |the |their )?(?:passport )?application|application status|"
                     # tracked like a parcel: "je peux tu suivre mon passeport en ligne comme un colis", "track my passport"
                     # (or any: "Est-il possible de suivre une demande de passeport déposée au consulat à Rome?")
                     r"(?:suivre|tracker|track|tracking) (?:mon|ma|son|sa|notre|my|his|her|our|the|le|la|une|a) (?:\w+ )?(?:passe?ports?|demande de passeport|passport application)|"
                     # what was sent, received: "how do i know if they got my marriage certificate", "comment savoir s'ils ont reçu mes papiers"
                     r"(?:how (?:do|can|will) (?:i|we) (?:know|find out|check)|comment (?:je peux |on peut )?(?:savoir|verifier)) "
                     r"(?:if|whether|si|s') ?(?:they|ils|passport canada|service canada) (?:got|received|have received|ont recu|ont bien recu|ont eu) "
                     r"(?:my|our|the|mon|ma|mes|notre|nos|le|la|les)\b|"
                     r"check (?:the |my |his |her )?status|verifier (?:le |l')?(?:etat|statut)|"
                     # "how can i find out whether it has been approved?" after handing it in
                     r"(?:find out|know|check|see|savoir|verifier|voir) (?:si|if|whether) (?:it|elle|il) (?:has been|was|is|a ete|est) "
                     r"(?:approved|accepted|processed|approuvee?|acceptee?|traitee?)|"
                     # whether it is ready, or where it is at: "comment savoir si mon passeport est pret a
                     # ramasser", "is my passport ready yet", "je peux vérifier où c'est rendu?"
                     r"(?:savoir|know|check|verifier|voir|find out) (?:si|if|whether) (?:mon|ma|son|sa|notre|my|his|her|our|the|le|la) "
                     r"(?:\w+ )?(?:passe?ports?|demande|application) (?:est|is|sera|will be)(?:[- ]tu)? (?:pret|prete|ready)|"
                     r"is (?:my|his|her|our) (?:\w+ )?passports? ready|"
                     # how one will be told: "applied in person in winnipeg 3 weeks ago how will i know when its ready"
                     r"how (?:will|do|would|can|should) (?:i|we) (?:know|find out|be told) (?:when|if) (?:it'?s|it is|its|it'll be|my passport is|it will be) "
                     r"(?:ready|done|processed|finished|approved)|"
                     r"comment (?:je |on )?(?:vais |va )?(?:savoir|etre avise|etre averti) (?:quand|si) (?:il|mon passeport|elle|ma demande) "
                     r"(?:est|sera)(?:[- ]tu)? (?:pret|prete|pret a ramasser|traitee?|fini|finie)|"
                     r"(?:verifier|savoir|voir|sais|saurai|vois) (?:ou|où) (?:c'est|cest|ca|ça|elle|il|en) (?:est )?rendue?|"
                     # asked bare: "c rendu ou???", "où c'est rendu mon passeport"; followed like a file:
                     # "on peut suivre son dossier quelque part?"; held up: "sa demande de passeport ... son dossier est bloqué?"
                     r"(?:(?:c|c'est|cest|ca|il est|elle est) rendue? (?:ou|où)|(?:ou|où) (?:c'est|cest|c|ca) rendue?)"
                     # (or told on after a comma: "ok pis le mien il est rendu ou, jai appliqué le 1er avril")
                     r"(?=\s*(?:[?!.,]|$)|\s+(?:mon|ma|son|sa|le|la|notre|leur) (?:passe?ports?|demande|dossier))|"
                     r"(?:suivre|tracker) (?:mon|ma|son|sa|notre|leur|le) dossier|"
                     # "suivre" said as "je suis": "jai fait ma demande a l'ambassade a dakar, comment je suis mon dossier"
                     r"comment (?:je|on) (?:suis|suit|peux suivre|peut suivre) (?:mon|ma|notre|son|sa) (?:dossier|demande)|"
                     r"demande de passeport\b[^.?!]{0,60}\b(?:bloquee?|stuck|on hold)|"
                     # whether it is ready: "mon passeport est tu pret? on m'a donné un reçu au comptoir"
                     r"(?:mon|son|notre|le) (?:nouveau )?passe?port (?:est[- ]?tu|est[- ]il|est-ce qu'il est) (?:deja )?(?:pret|arrive|rendu)\b|"
                     # one passport came, another not: "my passport came in the mail but my sons didnt and we applied together"
                     r"(?:passport|passeport|mine|le mien)\b[^.?!]{0,10}\b(?:came|arrived|est arrive|est rentre)\b[^.?!]{0,30}\b(?:but|mais)\b[^.?!]{0,25}"
                     r"\b(?:didn'?t|hasn'?t|has not|did not|not yet|pas|toujours pas|still)\b|"
                     # in process, asked: "ils ont encaissé mon chèque le 8 mais j'ai aucune nouvelle, ça veut dire que c'est en traitement?"
                     r"(?:c'est|est|elle est|ma demande est|mon dossier est)(?:-tu| tu)? (?:en cours de |en )traitement\b(?=[^.!]*\?)|"
                     # what the online status shows, for days: "ma demande de passeport est marquée en traitement depuis 30 jours, c'est-tu normal"
                     # (in English, "it shows in progress for 7 weeks now" is read late, by the context rules: passport_status.delayed)
                     r"(?:marquee?|indiquee?|affichee?)\s+(?:en cours de |en )?traitement\b[^.?!]{0,10}\bdepuis\b|"
                     # whether it has been mailed yet: "mon passeport a-tu ete poste?", "has my passport been mailed yet?"
                     r"(?:mon|son|sa|notre|le) (?:nouveau )?passe?port (?:a-tu|a tu|a-t-il|a t'il|a-t-elle|est-tu|est tu|est-il) (?:deja )?(?:ete )?(?:poste|envoye|expedie|parti)\b|"
                     r"(?:has|was|have) (?:my|his|her|our|the) (?:new )?passports? (?:been |already been )?(?:mailed|shipped|sent|posted)(?: out| yet)?(?=\s*\?)|"
                     # tracking offered online: "y a tu un suivi en ligne pour les passeports", "is there
                     # online tracking for passport applications" (not a parcel's tracking number)
                     r"(?:un |le )?suivi (?:en ligne )?(?:pour|de|des|du) (?:les |la |ma |mon |sa |son )?(?:passe?ports?|demandes?|dossiers?)|"
                     r"(?:un |le )?suivi en ligne|online tracking (?:for|of) (?:my |the |a )?(?:passports?|applications?)|"
                     # the passport's mailing tracked: "est ce qu'il y a un numero de suivi quand ils postent le passeport?"
                     # (not a parcel's: "le numéro de suivi de mon colis")
                     r"(?:(?:numero|no|#) de suivi|tracking (?:number|#|code|no))\b[^.?!]{0,40}\bpasse?ports?|"
                     r"passe?ports?\b[^.?!]{0,40}\b(?:(?:numero|no|#) de suivi|tracking (?:number|#|code|no)))\b")


def asks_status(text: str) -> bool:
    """An application's status asked for by name: the status, whatever else the message names."""
    return bool(_STATUS.search(fold(text)))


# One's own passport overdue (folded text): "mon passeport devait arriver la semaine passée", "my
# passport was supposed to come last week", "my new passport still hasn't arrived": its status
_PASSPORT_OVERDUE = re.compile(
    r"\b(?:my|mon|notre|our|son|sa|his|her) (?:new |nouveau |\w+'s )?(?:passe?ports?|ppt)\b[^.?!]{0,20}?\b(?:"
    r"devait (?:arriver|rentrer|etre (?:la|pret|arrive))|aurait (?:du|dû) (?:arriver|rentrer)|"
    # "mon passeport etait censé etre pret hier"
    r"(?:etait |est )?censee? (?:etre (?:pret|prete|arrive|la|rendu)|arriver|rentrer)|"
    r"(?:was|were) supposed to (?:arrive|come|be here|be ready)|should (?:have|of|'ve) (?:arrived|come|been here)|"
    r"still (?:hasn'?t|has not|not|isn'?t) (?:arrived|come|here)|(?:n'est|est) (?:toujours |encore )?pas (?:encore )?(?:arrive|rentre)|"
    # "my passport is late, i travel in 10 days", "mon passeport est en retard pis je pars dans 2 semaines"
    r"(?:is|are|'s|s) (?:so |very |really |way |super )?(?:late|delayed|overdue)|(?:est|sont) (?:super |vraiment |tres )?(?:en retard|retarde)|"
    # mailed, and never came: "my passport was mailed out but it never showed up"
    r"(?:was |has been |a ete )?(?:mailed|sent|shipped|poste|envoye|expedie)(?: out)?\b[^.?!]{0,20}\b(?:but|mais)\b[^.?!]{0,15}\b(?:never|not|still|jamais|pas|toujours)\b"
    r"[^.?!]{0,15}\b(?:showed up|shown up|arrived|come|came|received|arrive|recu|rentre))\b")


def passport_overdue(text: str) -> bool:
    return bool(_PASSPORT_OVERDUE.search(fold(text)))


_FILE_STATUS_ASKED = re.compile(rf"\b(?:{_FILE_STATUS})\b")


def asks_file_status(text: str) -> bool:
    return bool(_FILE_STATUS_ASKED.search(fold(text)))


def lost_sin_paper(text: str) -> bool:
    """A SIN card or confirmation letter said to be lost or stolen."""
    return bool(_LOST_SIN_PAPER.search(fold(text)))


# a sum asked for: "adult 5 year + urgent = ?"
_SUM_ASKED = re.compile(r"=\s*(?:\?+|combien|how much|\$\s*\?*)(?:\s|$)")


def asks_price(text: str) -> bool:
    """A price question ("how much for my son's", "le 5 ans en express, total?", "adult 5 year +
    urgent = ?"), not a count or a time ("combien de photos", "how long")."""
    folded = fold(text)
    return bool((_PRICE.search(folded) or _SUM_ASKED.search(folded)) and not _NOT_PRICE.search(folded))


_CALCULATE = re.compile(
    r"\b(?:calculate|calculat\w*|calc|calculator|figure out|work out|estimate|estimat\w*|add up|add it up|do the math|"
    r"run the numbers|in total|my total|the total|calcul\w*|estim\w*|additionn\w*|au total|en tout|le total|mon total)\b"
)


def asks_to_calculate(text: str) -> bool:
    """Asks for the fee calculator without saying whose passport, which one or from where
    ("can you figure out how much my passport will cost in total?"): the fee form asks."""
    from actions.situation import fee_situation

    return bool(_CALCULATE.search(fold(text))) and fee_situation(text) is None


def states_a_fee_situation(text: str) -> bool:
    """Says whose passport, which validity or from where (actions/situation.py)."""
    from actions.situation import fee_situation

    return fee_situation(text) is not None


_EXPIRED_PASSPORT = re.compile(
    # past forms only: "expire" folds both "expiré" and "expire" ("expire dans 3 jours")
    r"\b(?:expired|ran out|echu|echue|perime|perimee|expiree|expire depuis|"
    r"(?:est|a|etait|sont|ont) (?:deja |toute )?(?:expire|expiree|expires|echu|echue|perime|perimee)|(?:est|etait) pu bon|"
    r"not valid|no longer valid|plus valide|pu valide|pas valide|"
    # as good as expired: "mon passeport expire demain", "it expires tomorrow"
    r"expire[sd]? (?:demain|aujourd'hui|aujourdhui|today|tomorrow|tmrw|ce soir|tonight))\b"
)


def _passport_with_trip(text: str, state: "re.Pattern[str]") -> bool:
    """A passport in `state` and a trip within two weeks, in one message."""
    from actions.situation import travel_window

    folded = fold(text)
    return bool(_PASSPORT.search(folded) and state.search(folded) and travel_window(text) == "soon")


_TRIP = re.compile(
    r"\b(?:fly\w*|flight\w*|travel\w*|trip|leav\w*|depart\w*|vacation|holidays?|"
    r"vol|vols|voyag\w*|pars|part|partons|partir|depart|vacances|"
    # "je m'en vais à Lisbonne le 20", "on s'en va au Mexique"
    r"(?:m'en|s'en|t'en|nous en) (?:vais|va|vas|allons|aller))\b"
)


# A trip told without its travel words: "we're going to see grandma in manila", "on va visiter ma soeur"
_VISIT = re.compile(r"\b(?:going to see|aller voir|visit\w*|abroad|etranger)\b")


def mentions_a_trip(text: str) -> bool:
    """The message tells of a trip, whenever it is ("we're going to see grandma in manila in july")."""
    folded = fold(text)
    return bool(_TRIP.search(folded) or _VISIT.search(folded))


def trip_within_two_weeks(text: str) -> bool:
    """The message gives a trip within two weeks ("I fly in 5 days", "je pars vendredi"):
    sooner than the usual processing times, so a question of time is one for the urgent
    service. A date alone is not a trip ("j'ai posté ma demande lundi passé")."""
    return bool(_TRIP.search(fold(text))) and date_within_two_weeks(text)


def date_within_two_weeks(text: str) -> bool:
    """The message gives a date within two weeks, whatever it is for ("funeral next tuesday")."""
    from actions.situation import travel_window

    return travel_window(text) == "soon"


# Wanting the passport sooner than the usual times: "what if i need it sooner", "et si j'en ai besoin
# avant le 15?", "can I get it faster". Not a comparison of ways ("is it faster in person?").
_SOONER = re.compile(
    r"\b(?:need|needs|needed|want|get|have|receive|besoin|avoir|recevoir|l'avoir|le recevoir|veux|voudrais|"
    r"l'aie|l'aies|l'ait|aie|le veux|l'ai)\s+"
    r"(?:it|them|one|my passport|mon passeport|un passeport|a passport|le passeport|en|ca|ça)?\s*(?:\w+\s+)?"
    r"(?:sooner|faster|quicker|earlier|asap|plus vite|plus rapidement|plus tot|au plus vite|rapidement|"
    r"(?:really |real |very |super )?fast\b(?! food)|vite vite|au plus sacrant|"  # "I need passports fast for me and my 2 daughters"
    r"before (?:the|my) \w+|by (?:the )?\d{1,2}(?:st|nd|rd|th)?\b|avant (?:le|la|mon|ma) \w+|"
    # within a few days: "est ce que je peux avoir mon passeport dans 2 jours"
    r"(?:dans|d'ici|en|within|in) (?:like |about |around |genre |environ )?(?:[1-9]|un|une|deux|trois|quatre|cinq|two|three|four|five|a couple of|a few|quelques) (?:jours?|days?)\b)"
    r"|\b(?:speed (?:it |this )?up|expedite|rush (?:it|my|the)|accelerer|acceler\w+ (?:ma|la) demande)\b"
    # "je peux tu payer pour que ca aille plus vite?", "can i pay to make it go faster"
    r"|\b(?:aille|arrive|vienne|avance|go|goes|move|moves|come|comes)\s+(?:plus vite|plus rapidement|faster|quicker)\b"
    # "j'ai-tu des options pour aller plus vite?"
    r"|\b(?:options?|moyens?|facons?|ways?) (?:pour|to) (?:aller|faire ca|le faire|go|get it|do it) (?:plus vite|plus rapidement|faster|quicker)\b"
)


# The urgent service's own promise, asked for: "same day pickup", "like next day", "en 24h",
# "le jour même", "pour le lendemain" (urgent: by the end of the next business day).
_NEXT_DAY = re.compile(
    r"\b(?:same[- ]day|(?<!the )next[- ]day|within (?:24|48) ?(?:hours|hrs|h)|in (?:24|48) ?(?:hours|hrs|h)|"
    # "can i get my passport the next day if i go to the office in moncton"
    r"(?:get|have|pick up|receive)\s+(?:it|my passport|the passport|our passports|them)\s+the next day|"
    r"le jour meme|la journee meme|en (?:24|48) ?(?:heures|h)|dans (?:les )?(?:24|48) ?(?:heures|h)|"
    r"(?:l'avoir|le recevoir|le ramasser|le chercher|l'obtenir|avoir mon passeport|ramasser mon passeport)\s+(?:\w+\s+)?le lendemain|"
    # the passport needed by tomorrow: "need passport tmrw possible?", "faut mon passeport pour demain"
    r"(?:need|needs|needed|besoin d'|besoin de|besoin du|faut|faudrait)\s*(?:a |my |the |mon |un |le )?(?:passports?|passeports?|ppt)\s+"
    r"(?:for |by |pour |d'ici |avant )?(?:tomorrow|tmrw|tmr|tomorow|2morrow|2moro|demain|dmain))\b"
)


# A same day told of an application, not wanted: "my wife and I applied together at the same office on the same day"
_SAME_DAY_TOLD = re.compile(r"\b(?:applied|apply|sent|mailed|submitted|went|deposed|depose|envoye|poste)\b[^.?!]{0,50}\b(?:on the same day|the same day|le meme jour)\b")


def asks_next_day(text: str) -> bool:
    """The passport wanted the same or the next day: what the urgent service gives."""
    return bool(_NEXT_DAY.search(_SAME_DAY_TOLD.sub(" ", fold(text))))


# Whether a faster service is open to someone, asked (folded text): "urgent is possible for them?",
# "can the kids get express too", "ils peuvent-tu avoir le service urgent aussi?"
_FAST_SERVICE_POSSIBLE = re.compile(
    r"\b(?:urgent|express|rush|urgence)\b(?: service| pickup| pick-up)? (?:is |est |c'est |service is )?(?:it |tu |-tu )?"
    r"(?:possible|available|disponible|allowed|permis|an option|offert)\b|"
    r"\b(?:can|could) (?:they|we|he|she|the kids|kids|my kids|the children|children|my \w+) (?:also |too )?(?:get|have|use|do) (?:the |an? )?(?:urgent|express|rush)\b|"
    # "can you get a childs passport urgent too or is that only for adults"
    r"\b(?:can|could) (?:you|i|we) (?:get|have|do) (?:a |an |my |the )?(?:childs?|child's|kids?|kid's|baby's|babys) passports? (?:urgent|express|rush|urgently|fast)\b|"
    r"\b(?:urgent|express|rush)\b[^.?!]{0,30}\b(?:only for adults|just for adults|seulement pour les adultes|juste pour les adultes)\b|"
    r"\b(?:peut|peuvent|pourrait|pourraient|peux|on peut)(?:[- ]?(?:ils|elles|il|elle|on|tu))? (?:aussi )?(?:avoir|obtenir|prendre|faire) (?:le |l'|du |un )?(?:service )?(?:urgent|express|urgence)\b")


def asks_if_fast_service_possible(text: str) -> bool:
    return bool(_FAST_SERVICE_POSSIBLE.search(fold(text)))


def wants_it_sooner(text: str) -> bool:
    """The citizen needs the passport sooner than the usual processing times: the urgent service."""
    return bool(_SOONER.search(fold(text)))


def expired_passport_with_trip(text: str) -> bool:
    """An expired passport and a trip within two weeks in one message ("my passport is expired
    and I have to fly tomorrow", "mon passeport est expiré, je pars demain"): the urgent service."""
    return _passport_with_trip(text, _EXPIRED_PASSPORT)


# Three weeks: the usual time in person (10 business days) with a few days to spare. A passport
# expired with a trip this close, asked whether it comes in time, needs the faster services' answer
IN_TIME_DAYS = 21


def expired_passport_in_time_asked(text: str) -> bool:
    """An expired passport, a trip within three weeks and whether it comes in time, in one message
    ("flying to orlando dec 20 and just realized my passport is expired. can i still get it in time?"
    on December 5th): the urgent and express services, not the usual times."""
    from actions.situation import travel_window

    folded = fold(text)
    return bool(_PASSPORT.search(folded) and _EXPIRED_PASSPORT.search(folded) and _TRIP.search(folded)
                and asks_if_in_time(text) and travel_window(text, within=IN_TIME_DAYS) == "soon")


def no_passport_with_trip(text: str) -> bool:
    """No passport had yet and a trip within two weeks in one message ("je pars dans 10 jours pis
    j'ai même pas de passeport"): sooner than the usual processing times, the urgent service."""
    return _passport_with_trip(text, _NO_PASSPORT_YET)


# An application handed in at an office, its usual time asked, no program named (folded text): "jai
# deposé ma demande au Service Canada de Chicoutimi, cest quoi le delai normal": a passport's (the
# one application handed in at a counter and waited for; a SIN is given on the spot)
_HANDED_IN = re.compile(r"\b(?:depose|deposee|deposer|drop(?:ped)? off|dropped (?:it|my application) off|handed in|submitted)\b[^.?!]{0,30}"
                        r"\b(?:service canada|bureau|office|centre|center|comptoir)\b")


def handed_in_and_asks_how_long(text: str) -> bool:
    folded = fold(text)
    return bool(_HANDED_IN.search(folded) and _ASKS_HOW_LONG.search(folded) and not programs_named(text)
                and not other_service_named(text))


# Where to go for a passport, asked (folded text): "à Winnipeg c'est où qu'on va pour faire le passeport?"
# ("ou" is also "or" once folded: "je peux le renouveler par la poste ou je dois ..." is no where)
_WHERE_TO_GO = re.compile(r"\b(?:c'est ou qu'(?:on|il faut|faut) (?:va|aller)|(?:c'est |cest )?ou (?:est-ce qu'on|qu'on) va|ou aller|"
                          r"ou il faut aller|where (?:do|can|should) (?:i|we) go|where to go)\b")


def asks_where_to_go_for_a_passport(text: str) -> bool:
    folded = fold(text)
    return bool(_PASSPORT.search(folded) and _WHERE_TO_GO.search(folded))


# Which form, asked (folded text): "which form is it for adult simplified renewal", "c'est quoi le formulaire"
WHICH_FORM = re.compile(r"\b(?:which|what) forms?\b|\bquels? formulaires?\b|\bc'est quoi le formulaire\b|\ble formulaire pour\b")


# Photos had before, asked to be used again (folded text): "for renewal do i need new pics or can they
# use the ones from last time", "je peux tu reprendre mes vieilles photos"
_PHOTOS_REUSED = re.compile(r"\b(?:pics?|pictures?|photos?)\b[^.?!]{0,50}\b(?:last time|from before|old ones|same ones|"
                            r"reuse|re-use|use (?:the|my) (?:old|same)|(?:les )?memes|anciennes|vieilles|d'avant|de la derniere fois|"
                            # "des nouvelles photos ... ou je peux réutiliser celles de mon dernier passeport"
                            r"reutiliser|reprendre|celles (?:de|du) (?:mon |ma )?(?:dernier|ancien|vieux|derniere|passeport))\b"
                            r"|\b(?:reuse|re-use|reprendre|reutiliser|garder) (?:my |the |mes |les )?(?:old |same |vieilles |anciennes )?"
                            r"(?:pics?|pictures?|photos?)\b")


# By mail or in person, asked (folded text): "je peux tu renouveler par la poste ou faut que jaille en personne"
_MAIL_OR_IN_PERSON = re.compile(r"\b(?:par la poste|by mail|par courrier|mail it|poster)\b[^.?!]{0,40}\b(?:ou|or)\b[^.?!]{0,30}"
                                r"\b(?:en personne|in person|go in|me deplacer|y aller|jaille|j'aille|aille)\b"
                                # "can i just mail my passport application instead of going in?"
                                r"|\b(?:mail|mailing|post|poster|envoyer par la poste)\b[^.?!]{0,40}\b(?:instead of (?:going|go) in|"
                                r"instead of going (?:to (?:an |the )?office|in person)|au lieu d'y aller|au lieu d'aller (?:au bureau|en personne))\b")


# Where to send an application asked (folded text): "a quelle adresse?", "j'envoie ça où?", "do i mail my
# renewal back to canada or go to the consulate?"
_WHERE_TO_SEND = re.compile(
    r"\b(?:a|to) (?:quelle|what|which) (?:adresse|address)\b|\b(?:what|which|quelle) (?:is the |est l'|c'est quoi l')?(?:mailing |postal )?(?:adresse|address) (?:do|to|pour|ou)\b"
    r"|\bl'adresse (?:pour|ou) (?:l'|les |le |la )?(?:envoyer|poster|mailer)\b"
    r"|\b(?:j'envoie|jenvoie|on envoie|je l'envoie|je les envoie|je poste|je la poste|je le poste|je les poste|on poste)(?: ca| ça| tout ca| le tout| ma demande| mon formulaire| mes papiers)? ou\s*(?:\?|$)"
    r"|\bou (?:est-ce (?:que|qu') ?|qu')?(?:j'envoie|on envoie|je l'envoie|je les envoie|envoyer|poster) (?:ca|ça|ma demande|mon formulaire|mes papiers|le formulaire|les formulaires|le tout)\b"
    r"|\bwhere (?:do|should|can|would) (?:i|we) (?:send|mail|post)\b|\bwhere to (?:send|mail|post) (?:it|them|the|my)\b")
# ... or whether to mail it or go to a mission abroad: "do i mail my renewal back to canada or go to the consulate?"
_MAIL_OR_MISSION = re.compile(
    r"\b(?:mail|send|post)\b[^.?!]{0,40}\bor (?:go|walk|bring it|apply)\b[^.?!]{0,20}\b(?:consulate|embassy|high commission)\b"
    r"|\b(?:par la poste|poster|envoyer)\b[^.?!]{0,40}\bou (?:aller|j'aille|jaille|me rendre|passer)\b[^.?!]{0,20}\b(?:consulat|ambassade|haut-commissariat)\b")


def asks_where_to_send(text: str) -> bool:
    """Where to send an application asked ("a quelle adresse?", "j'envoie ça où?")."""
    return bool(_WHERE_TO_SEND.search(fold(text)))


def asks_mail_or_mission(text: str) -> bool:
    """Whether to mail it or go to a mission abroad, asked."""
    return bool(_MAIL_OR_MISSION.search(fold(text)))


def asks_mail_or_in_person(text: str) -> bool:
    return bool(_MAIL_OR_IN_PERSON.search(fold(text)))


def photos_reused(text: str) -> bool:
    return bool(_PHOTOS_REUSED.search(fold(text)))


# A first adult passport's form asked, a renewal set aside (folded text): "c quoi le formulaire pour
# un premier passeport adulte, pas un renouvellement"
_FIRST_ONE = re.compile(r"\b(?:first|1st|premier|premiere|1er|never had)\b[^.?!]{0,20}\b(?:passe?ports?|one|adult|adulte)\b|\b(?:pas|not) (?:un |une |a )?(?:renouvellement|renewal)\b")
_FORM_ASKED = re.compile(rf"{WHICH_FORM.pattern}|\bc quoi le formulaire\b")  # (texted: "c quoi le formulaire")


def asks_first_passport_form(text: str) -> bool:
    folded = fold(text)
    return bool(_FORM_ASKED.search(folded) and _FIRST_ONE.search(folded)) and not names_a_child(text)


def asks_which_renewal_form(text: str) -> bool:
    folded = fold(text)
    return bool(WHICH_FORM.search(folded) and _RENEW.search(folded) and not _ASKS_ELIGIBLE.search(folded))


def says_passport_expired(text: str) -> bool:
    """The writer's passport has expired ("just realized my passport expired last month")."""
    folded = fold(text)
    return bool(_PASSPORT.search(folded) and _EXPIRED_PASSPORT.search(folded))


def says_no_passport_yet(text: str) -> bool:
    """The writer has no passport yet ("i dont even have a passport yet")."""
    return bool(_NO_PASSPORT_YET.search(fold(text)))


def missing_passport_with_trip(text: str) -> bool:
    """A lost or stolen passport and a trip within two weeks in one message: urgent (not an
    application feared lost by the passport office: "mon passeport est en retard, mon vol est le
    14, ils l'ont tu perdu??" is its status)."""
    return _passport_with_trip(text, _MISSING_PASSPORT) and not application_feared_lost(text)


# An application feared lost by the office, asked after telling it was sent or is late (folded
# text): "mailed my renewal in january, never heard a thing back. is it lost??", "mon passeport est
# en retard ... ils l'ont tu perdu??": the application's status, not a lost passport
_FEARED_LOST = re.compile(r"\b(?:is it lost|did (?:they|you|u|you guys|u guys|y'all|yall) lose (?:it|my \w+)|(?:they|ils) (?:lost|l'ont perdu|ont perdu) (?:it|my|ma|mon)?|"
                          # "ça fait 30 jours ouvrables que j'ai posté mon renouvellement, est-ce normal ou c'est perdu?"
                          r"(?:c'est|c|est-ce qu'(?:il|elle) est|(?:il|elle) est|est-(?:il|elle))(?:[- ]?tu)? perdue?\b(?! (?:depuis|dans|a|au|en))|"
                          r"(?:ils |y )?l'ont[- ]?(?:tu |-tu |t'y |ti )?perdu|ont[- ]?(?:tu|-tu) perdu)")
_SENT_OR_LATE = re.compile(r"\b(?:mailed|sent|applied|submitted|never heard|no news|haven'?t heard|heard nothing|en retard|late|overdue|"
                           r"envoye\w*|poste|postee|depose\w*|applique|toujours rien|pas de nouvelles|"
                           # the time since, told: "ben là ça fait 2 mois, j'ai appelé 3 fois pis personne répond!!! c'est-tu perdu??"
                           r"(?:ca fait|it'?s been|been) (?:\d+|deux|trois|quatre|cinq|six|two|three|four|five|six) (?:mois|semaines|months|weeks)|"
                           r"fait (?:ma|la|sa|notre|leur) demande|"
                           # the tracking page that finds nothing: "le site de suivi me dit aucune information trouvée"
                           r"site de suivi|suivi en ligne|tracking (?:site|page|tool)|aucune information|no information found|no record)\b")


# ... or the application itself named as lost, which says it was sent (folded text): "ca se peut tu
# que ma demande de passeport soit perdue?", "could my renewal have been lost in the mail" (not "i
# lost my application form", the writer's own loss)
_APPLICATION_LOST = re.compile(r"\b(?:demande|application|renouvellement|renewal|dossier)\b[^.?!]{0,25}\b(?:soit|est|a ete|serait|aurait ete|"
                               r"got|is|was|been|get|gets|be|went) (?:perdue?s?|lost|egaree?s?)\b"
                               r"|\b(?:is|was|did) (?:my|the|our) (?:passport )?(?:application|renewal) (?:get )?lost\b")


# Sent by mail, told (folded text): "applied by mail 7 weeks ago", "envoyé par la poste en mars"
_SENT_BY_MAIL = re.compile(r"\b(?:by mail|by post|par la poste|par courrier|mailed|poste|postee)\b")


def sent_by_mail(text: str) -> bool:
    return bool(_SENT_BY_MAIL.search(fold(text)))


# Whether a card will do as ID, asked (folded text): "pour la pièce d'identité c'est bon la carte
# d'assurance maladie ou il faut absolument le permis de conduire?"
_ID_NAMED = re.compile(r"\b(?:pieces? d'identite|id|ids|identification|proof of identity|preuves? d'identite)\b")
_ID_CARD = re.compile(r"\b(?:health cards?|driver'?s? licen[cs]es?|drivers? licen[cs]es?|permis de conduire|"
                      r"cartes? d'assurance[- ]maladie|cartes? soleil|cartes? d'identite|id cards?)\b")
_WILL_DO = re.compile(r"\b(?:c'est bon|c bon|ok|okay|correct|accepte\w*|valide|good enough|enough|works?|counts?|compte|"
                      r"suffi\w*|faut (?:absolument|obligatoirement)|must|need|besoin)\b")


def asks_which_id_will_do(text: str) -> bool:
    folded = fold(text)
    return bool(_ID_NAMED.search(folded) and _ID_CARD.search(folded) and _WILL_DO.search(folded))


# The faster of going in person and mailing it, asked (folded text): "should i go in person or mail
# it, which is faster", "c'est tu plus vite en personne ou par la poste"
_PERSON_AND_MAIL = re.compile(r"\b(?:in person|en personne|go in|aller au bureau)\b[^.?!]{0,30}\b(?:mail|mail it|by mail|poste|courrier|post)\b|"
                              r"\b(?:mail|mail it|by mail|poste|courrier|post)\b[^.?!]{0,30}\b(?:in person|en personne)\b")
_FASTER = re.compile(r"\b(?:faster|quicker|fastest|quickest|sooner|plus vite|plus rapide\w*|le plus rapide|moins long)\b")


def asks_which_way_is_faster(text: str) -> bool:
    folded = fold(text)
    return bool(_PERSON_AND_MAIL.search(folded) and _FASTER.search(folded))


def application_feared_lost(text: str) -> bool:
    folded = fold(text)
    return bool((_FEARED_LOST.search(folded) and _SENT_OR_LATE.search(folded)) or _APPLICATION_LOST.search(folded))


# One's own passport kept by someone who will not give it back (folded text): "mon ex a gardé mon
# passeport chez lui et veut pas me le rendre", "my ex won't give my passport back": a passport one
# cannot get back, which is reported as lost or stolen
_WITHHELD = re.compile(r"\b(?:(?:veut|veulent|voulait) (?:pas|plus) (?:me |nous )?(?:le |la )?(?:rendre|redonner|remettre)|"
                       r"refuse\w* de (?:me |nous )?(?:le |la )?(?:rendre|redonner|remettre)|"
                       r"(?:won'?t|will not|wont|refuses? to|doesn'?t want to) (?:give|hand|send) (?:it|my passport|me my passport|me it) ?back|"
                       r"(?:is )?(?:keeping|holding|kept|withholding|withheld) (?:onto )?my passport|(?:garde|gardee|a garde|gardent) mon passeport)\b")
_MY_PASSPORT = re.compile(r"\b(?:my|mon) (?:passports?|passeports?)\b")


def passport_withheld(text: str) -> bool:
    folded = fold(text)
    return bool(_WITHHELD.search(folded) and _MY_PASSPORT.search(folded))


# A notice asked for when the passport is ready (folded text): "est ce que je vais recevoir un
# courriel quand mon passeport va etre pret?", "will they email me when it's done": its status
_NOTICE = re.compile(r"\b(?:courriels?|e-?mails?|emailed|texto|texte|text|texted|notif\w*|avis|avertir|avise\w*|appel\w*|call)\b")
_WHEN_READY = re.compile(r"\b(?:when|once|as soon as|quand|lorsque|une fois que|des que)\b[^.?!]{0,30}\b(?:ready|done|processed|finished|"
                         r"pret|prete|fini|finie|termine|traite|traitee|printed|imprime|shipped|envoye|mailed|poste)\b")


def asks_to_be_notified(text: str) -> bool:
    folded = fold(text)
    return bool(_NOTICE.search(folded) and _WHEN_READY.search(folded) and _PASSPORT.search(folded))


# Whether it can be done in time for the trip told: "can i get a new one before then?", "on est
# le 10, c'est faisable?", "is that doable", "j'ai-tu le temps d'en avoir un?"
_IN_TIME = re.compile(
    r"\b(?:before then|in time|on time|before (?:i (?:leave|go|fly)|my (?:flight|trip|departure)|the (?:flight|trip))|"
    r"(?:is (?:that|it|this)|would (?:that|it) be|will (?:that|it) be) (?:even )?(?:doable|possible|feasible|realistic)|"
    r"a temps|(?:c'est|c|cest|ca|est-ce)[- ]?(?:tu |-tu )?(?:faisable|possible|jouable|realiste)|"
    r"(?:can|could|will|would) (?:i|we) (?:still )?make it|"  # "its the 14th today, can i still make it??"
    r"avant (?:ca|mon depart|mon vol|mon voyage|de partir|le depart)|"
    # "j'ai-tu le temps d'en avoir un?", "do i have enough time to get one"
    r"(?:j'ai|jai|on a|ai-je)(?:-tu| tu)? (?:assez de |encore le |le )temps|(?:do|will) (?:i|we) (?:still )?have (?:enough )?time|"
    # "we fly to cancun april 20, its march 3 today. is that enough time if i mail it in"
    r"(?:is|would|will) (?:that|it|this) (?:be )?(?:enough|sufficient) time|(?:est-ce|c'est|c|ca|ça)(?:-tu| tu)? assez de temps|"
    # the usual time enough, or the faster service worth it: "ca vaut tu la peine de payer pour l'urgence ou le
    # delai normal va suffire?", "will regular processing be fast enough or should i pay for express"
    r"(?:le )?(?:delai|temps|service) (?:normal|regulier|standard|habituel) (?:va|devrait|peut|pourrait)(?:-tu| tu)? (?:suffire|etre assez)|"
    r"(?:regular|normal|standard|usual) (?:service|processing|time|processing time) (?:be |is )?(?:enough|fast enough|quick enough)|"
    r"worth (?:it )?(?:paying|to pay) (?:for|extra for) (?:the )?(?:urgent|express|rush)|"
    r"vaut(?:-tu| tu)? la peine (?:de payer )?(?:pour )?(?:l'urgence|l'urgent|l'express|le service urgent|le service express))\b")


_SPEED = re.compile(r"\b(?:assez (?:vite|rapidement)|(?:fast|quick|quickly|soon) enough|plus vite|faster|quicker|en urgence)\b")


def asks_for_speed(text: str) -> bool:
    """Speed asked for: "assez vite", "fast enough", "plus vite"."""
    return bool(_SPEED.search(fold(text)))


def asks_if_in_time(text: str) -> bool:
    """Whether the passport can be had in time for the trip, asked."""
    return bool(_IN_TIME.search(fold(text)))


# A number of days asked to be enough (folded text): "is 10 days enough??", "10 jours c'est-tu assez??"
_DAYS_ENOUGH = re.compile(r"\b(\d{1,2}) (?:business |working |ouvrables? )?(?:days?|jours?)\b[^.?!]{0,12}?\b(?:enough|sufficient|assez|suffisant|suffisent|suffit)\b")
MAX_URGENT_DAYS = 14  # sooner than this, a passport needs the urgent or express service


def asks_if_days_are_enough(text: str) -> bool:
    """A few days (two weeks at most) asked to be enough: "is 10 days enough??"."""
    found = _DAYS_ENOUGH.search(fold(text))
    return found is not None and int(found.group(1)) <= MAX_URGENT_DAYS


def unusable_passport_and_trip(text: str) -> bool:
    """A passport lost, stolen or expired, or none had yet, and a trip, told (in the conversation's messages)."""
    folded = fold(text)
    return bool(_PASSPORT.search(folded) and (
        _MISSING_PASSPORT.search(folded) or _EXPIRED_PASSPORT.search(folded) or _NO_PASSPORT_YET.search(folded))
                and _TRIP.search(folded))


# No passport had yet (folded text): "j'ai pas encore de passeport" with a flight next Tuesday
_NO_PASSPORT_YET = re.compile(r"\b(?:(?:j'ai|jai|je n'ai|i have|i got|we have|on a|on n'a|nous n'avons|"
                              # someone else's: "ma fille doit partir la semaine prochaine, elle a pas de passeport valide"
                              r"elle a|il a|elle n'a|il n'a|she has|he has|they have) (?:meme |even )?(?:pas|no|not) "
                              r"(?:meme |even |encore |yet )?(?:de |a |any )?(?:valid |current |canadian )?passe?ports?"
                              r"|(?:don'?t|do not|doesn'?t|does not) (?:even )?have (?:a |any )?(?:valid )?passports?(?: yet)?|never had (?:a )?passports?"
                              r"|(?:jamais|pas encore) eu (?:de )?passe?ports?"
                              # none yet, said first: "pas encore de passeport faisable?" after a flight on the 14th
                              r"|^\W*(?:pas encore|toujours pas|still no|no) (?:de |d'|a |any )?passe?ports?(?: yet)?\b(?! (?:valide|expire|photo|fee|office|bureau))"
                              # a trip told, then none: "un essai clinique a Boston dans 8 jours pis pas de passeport"
                              r"|(?:pis|et|mais|and|but) (?:j'ai )?(?:pas|no) (?:de |d')?(?:passe?ports?)\b(?! (?:valide|expire))"
                              # not applied for yet: "and i havent even applied for the passport yet"
                              r"|(?:haven'?t|havent|have not|didn'?t|didnt|did not) (?:even )?(?:yet )?(?:applied|apply) for (?:the |a |my |our )?passports?"
                              r"|(?:j'ai|jai|on a) (?:meme )?(?:pas|pas encore|meme pas) (?:encore )?(?:fait|envoye|depose|commence) (?:ma|la|notre|de) demande de passe?ports?"
                              # a passport needed for the trip: "i need a passport for my trip to tokyo on the 20th"
                              r"|(?:i|we) (?:need|needs) (?:a |an? new )?passports? (?:for|before) (?:my|our|a|the|this) (?:trip|flight|vacation|holiday)"
                              r"|(?:j'ai|jai|on a) besoin d'un passe?port pour (?:mon|notre|un|le|ce) (?:voyage|vol|depart))\b")


# The writer's first passport, told (folded text): "I am 58 and have never owned a passport",
# "j'ai jamais eu de passeport de ma vie", "i want to get my first passport"
_NEVER_HAD_ONE = re.compile(r"\b(?:never (?:had|owned|got|held|applied for) (?:a |an? |my own )?passe?ports?|"
                            r"(?:jamais|pas encore) eu (?:de |mon )?(?:propre )?passe?ports?|"
                            # the first one asked for: "jveux faire mon 1er passeport, j'ai 34 ans"
                            r"(?:faire|demander|avoir|obtenir|get|getting|apply for|applying for) (?:mon|my|a|un) "
                            r"(?:1er|premier|first|first ever|very first) passe?port)\b")


def never_had_a_passport(text: str) -> bool:
    """No passport had yet, told, and no renewal named ("never had a passport as an adult, can I renew my child one?")."""
    folded = fold(text)
    return bool(_NEVER_HAD_ONE.search(folded)) and not _RENEW.search(folded)


# Payments coming in, asked about: "pis les paiements arrivent quand pour chacun de nous deux?",
# "when do the payments come": money received (a benefit's), never a passport's fee
_PAYMENTS_COME = re.compile(
    r"\b(?:paiements?|versements?|payments?|cheques?|depots?)\b[^.?!]{0,30}\b(?:arriv\w*|rentr\w*|come|comes|coming|show up|shows up|"
    r"deposited|recoi\w*|recev\w*)\b|\bwhen (?:do|will|does) (?:we|i|they|each of us) (?:get paid|be paid|receive)\b"
    # the money itself: "so when does the money actually come", "quand est-ce que l'argent rentre"
    r"|\bwhen (?:would|should) (?:we|i|they|each of us) (?:get paid|be paid|receive)\b"
    r"|\bwhen (?:do|will|does|is) (?:the |my |our )?(?:money|cash|\$)\b|\b(?:money|cash|argent)\b[^.?!]{0,20}\b(?:arriv\w*|rentr\w*|come|comes|"
    r"coming|deposited|hit my account)\b|\bquand (?:est-ce que |est ce que )?(?:je vais |j'vais |jvais |on va )?(?:recevoir|avoir|toucher) "
    r"(?:mon |notre |l'|de l')(?:argent|premier (?:paiement|versement|cheque|depot))\b"
    # the day it is paid: "what day is it paid each month", "c'est quel jour qu'elle est versée"
    r"|\b(?:what|which) days? (?:is|are|do|does|will) (?:it|they|the \w+|my \w+|ccb|ei) (?:get )?(?:paid|deposited|come in|come|arrive)\b"
    r"|\bquel jour\b[^.?!]{0,30}\b(?:paye|payee|payes|verse|versee|verses|depose|deposee|rentre|arrive)\b"
    # how long until the money comes: "how long till i actually get paid", "combien de temps avant d'être payé"
    r"|\bhow long (?:till|until|til|before|to)\b[^.?!]{0,25}\b(?:paid|payments?|money|cheques?|deposits?)\b"
    r"|\bwhen (?:do|will|does) (?:i|we) get (?:my |our |the )?(?:first )?(?:payments?|cheques?|money)\b"
    r"|\bcombien de temps (?:avant|pour)\b[^.?!]{0,25}\b(?:paye|payee|payes|argent|paiements?|versements?|cheques?)\b"
    # the thing already named, paid when: "et ca va etre payé quand?", "when will it be paid"
    r"|\b(?:ca|ce|elle|il|c'est|ca va etre|ca va|elle va etre|il va etre) (?:etre )?(?:paye|payee|verse|versee|depose|deposee) quand\b"
    # the benefit (feminine) received, when: "on la reçoit chacun quand?" after shared custody
    r"|\b(?:on|nous|ils|elles) la (?:recoit|recoi\w*|recev\w*)\b[^.?!]{0,15}\bquand\b"
    r"|\bquand (?:est-ce que |est ce que )?(?:ca|elle|il) (?:va )?(?:etre )?(?:paye|payee|verse|versee|depose|deposee)\b"
    r"|\bwhen (?:will|does|is|would) (?:it|that|this|ccb|the ccb|the benefit) (?:get |be |gets |being )?(?:paid|deposited|paid out)\b"
    # before a day or a holiday: "l'allocation ... rentre tu avant noël en décembre?", "does it come in before christmas"
    r"|\b(?:rentre|rentrent|arrive|arrivent|tombe|tombent)(?:[- ]tu|[- ]t[- ]elle|[- ]t[- ]il)? (?:avant|apres|pour) (?:noel|les fetes|le jour de l'an|la fin du mois|le \d{1,2})\b"
    r"|\b(?:come|comes|coming|arrive|arrives|land|lands|hit|hits) (?:in )?(?:before|after|for) (?:christmas|the holidays|new year'?s|the end of the month|the \d{1,2}(?:st|nd|rd|th)?)\b")


def asks_when_payments_come(text: str) -> bool:
    """When payments come in, asked: after a child's custody, the CCB's payment dates."""
    return bool(_PAYMENTS_COME.search(fold(text)))


_CHILDREN_OR_CUSTODY = re.compile(r"\b(?:child|children|kids?|son|daughter|baby|enfants?|fils|filles?|bebe|custody|garde)\b")


def names_children(text: str) -> bool:
    """A child or a custody named, of any age ("notre fille", "shared custody")."""
    return bool(_CHILDREN_OR_CUSTODY.search(fold(text)))


# How to pay, asked: "can i pay with visa", "vous prenez-tu le débit?", "payment methods"
_HOW_TO_PAY = re.compile(
    r"\b(?:pay|paying|payer|paye|payez)\s+(?:it |for it |for that |ca |ça |for (?:my|the) passport )?(?:with|by|in|using|avec|par|en)\s+"
    r"(?:a |an |une |un |ma |my |mon )?(?:visa|mastercard|master card|amex|american express|credit|debit|cash|cheque|check|"
    r"money order|interac|cartes?|card|apple pay|google pay|comptant|argent comptant|"
    # "can i pay with e-transfer or only thru my bank", "je peux payer par virement?"
    r"e-?transfers?|etransfers?|virements?(?: interac)?|online banking|bill payments?)\b"
    # where or how else: "can i just pay by phone or at my bank" (a loan's payments too)
    r"|\b(?:pay|payer|paie|paye)\b[^.?!]{0,15}\b(?:by phone|par telephone|at (?:my|the) bank|a (?:ma|la) banque|"
    r"by cheque|par cheque|in person|en personne|through my bank|par ma banque)\b"
    r"|\b(?:accept|take|prenez|prends|acceptez|accepte)\w*(?:[- ]?(?:tu|vous))?\s+(?:the |les |la |le )?(?:visa|mastercard|amex|debit|"
    r"credit|cash|cheques?|interac|cartes? de credit|credit cards?|comptant)\b"
    r"|\bmodes? de paiement\b|\bpayment methods?\b|\bways? to pay\b|\bcomment (?:je peux |on peut )?payer\b"
    r"|\b(?:on|je) (?:peut|peux) (?:le |la |les )?payer comment\b|\bpayer comment\b"
    # "je peux mettre un chèque personnel dans l'enveloppe ou ça prend un mandat-poste?"
    r"|\bcheques? (?:personnels?|certifies?)\b|\bmandats?[- ]postes?\b|\bmoney orders?\b|\b(?:personal|certified) (?:cheques?|checks?)\b"
    # "how do I pay then, can I put a cheque in the envelope"
    r"|\bhow (?:do|can|should|would) (?:i|we) pay(?: for it| for that| then)?\b(?! back| off| down| it back| it off| my| the| them| that back)"
    r"|\b(?:cheques?|checks?) in the envelope\b")


def asks_how_to_pay(text: str) -> bool:
    """How to pay, asked ("can i pay with visa"): after a passport question, its fee's ways to pay."""
    return bool(_HOW_TO_PAY.search(fold(text)))


# Services that look like ours but are another country's or a province's.
_FOREIGN = (
    r"american|us|u\.s\.|usa|indian|british|uk|french|mexican|chinese|filipino|philippine|pakistani|nigerian|"
    r"jamaican|irish|italian|german|portuguese|spanish|polish|moroccan|algerian|haitian|lebanese|syrian|"
    r"iranian|vietnamese|korean|japanese|brazilian|colombian|russian|ukrainian|turkish|egyptian|australian"
)
_FOREIGN_FR = (
    r"americain|indien|britannique|anglais|francais|mexicain|chinois|philippin|marocain|algerien|tunisien|"
    r"haitien|libanais|syrien|iranien|vietnamien|belge|suisse|italien|allemand|portugais|espagnol|polonais|"
    r"senegalais|camerounais|ivoirien|congolais|bresilien|colombien|russe|ukrainien|turc|egyptien"
)
# One's own last passport, beside another country's (folded text): "mon dernier passeport a été émis en
# 2009 ... avec mon passeport britannique. Est-ce que je peux encore faire un renouvellement ?"
_OWN_LAST_PASSPORT = re.compile(r"\b(?:mon|my) (?:dernier|last|old|ancien|previous|vieux|expired) (?:canadian |canadien )?passe?port\b(?! (?:(?:was|is|etait|est|c'etait) (?:an? |un |une )?)?(?:"
                                rf"{_FOREIGN_FR}|{_FOREIGN})\b)")
_QUEBEC_PARENTAL_NAMES = r"rqap|qpip|regime quebecois d'assurance parentale"
_OTHER_SERVICE = re.compile(
    rf"\b(?:{_FOREIGN}) passports?\b|\bpasse?ports? (?:{_FOREIGN_FR})(?:ne|e|s|es|nes)?\b"
    # "son passeport us", "mon passport usa"
    r"|\bpasse?ports? (?:us|usa|u\.s\.|des etats-unis|americain)\b"
    # Quebec's own parental insurance and student aid, not EI or Canada Student Loans
    rf"|\b(?:{_QUEBEC_PARENTAL_NAMES}|afe|prets et bourses|aide financiere aux etudes(?: du quebec)?)\b"
)
_APPLY = re.compile(r"\b(?:apply|applying|application|get|demande|demander|obtenir|obtiens|obtient|avoir|reapply|re-apply|redemande|redemander|"
                    r"applique|appliquer|appliques|postuler|postule)\b"  # "comment j'applique?" (Québécois)
                    # a new loan wanted: "je veux un nouveau pret etudiant pour ma session d'automne"
                    r"|\b(?:nouveau|new|another|un autre) (?:student |federal )?(?:pret|loan)\b")
# A province's student aid, and whether there is some or one qualifies: "is there osap for part time students"
_PROVINCIAL_AID_NAMES = (r"osap|studentaid ?bc|student aid (?:bc|alberta|saskatchewan|nova scotia|nb|new brunswick)|"
                         r"(?:manitoba|alberta|saskatchewan|nova scotia|new brunswick|pei|newfoundland) student (?:aid|assistance)|nssap")
_PROVINCIAL_AID = re.compile(rf"\b(?:{_PROVINCIAL_AID_NAMES})\b")
_IS_THERE = re.compile(r"\b(?:is there|are there|eligible|qualify|y a-t-il|y a tu|y a-tu|y'a tu|y'a-tu|ya tu|ya-tu|il y a des|"
                       r"admissible|qualifie|qualifies|qualifier)\b")  # "bourse canadienne ..., je me qualifie tu?"
_WHAT_ABOUT = re.compile(r"^\W*(?:(?:ok|and|so)\W+)?(?:what about|how about|and|et|pis|puis)\b")
# Grants, which are not repaid: "y a-tu des bourses du fédéral pour les étudiants à temps partiel?"
_GRANTS = re.compile(r"\b(?:bourses?|(?:student )?grants?)\b")
# ... or how much one gives: "c'est quoi le montant de la bourse canadienne pour étudiants à temps plein"
_GRANT_AMOUNT = re.compile(r"\b(?:montant|combien|how much|amount|worth|vaut)\b")
_STUDENT_AID = re.compile(r"\b(?:student loans?|student aid|student grants?|prets? etudiants?|prets? d'etudes|bourses?|"
                          # grants for students: "what grants are there for first nations students going to university"
                          # (or for a term: "ok and can i get a grant for next semester" after a student loan's grace period)
                          r"grants?\b[^.?!]{0,40}\b(?:students?|university|college|school|studies|semesters?|terms?|tuition|degree)|"
                          # a loan for someone starting school: "my little brother is starting college, how does he apply for a loan"
                          r"(?:starting|going to|entering|commence|commencer|entre au|entrer au|rentre au) (?:college|university|uni|cegep|l'universite|l'universite)\b[^.?!]{0,40}\b(?:loans?|prets?)|"
                          # a loan asked for again: "pis pour ma prochaine session comment je redemande un prêt?"
                          r"(?:redemande|redemander|reapply for|re-apply for) (?:un |mon |le |a |my |the |another )?(?:pret|loan)s?|"
                          # a province's aid, whose federal part is repaid as ours: "can i get OSAP if i go to college part time"
                          rf"{_PROVINCIAL_AID_NAMES})\b"
                          # a new loan for more studies: "can i get another loan for my masters at ubc"
                          r"|\b(?:another|a new|new|more|un autre|un nouveau|encore un|(?:une )?nouvelle demande de|(?:a )?new application for (?:a )?) ?(?:loans?|prets?)\b[^.?!]{0,20}\b(?:for|pour|to (?:go back|get back|return|go) to|(?:pour )?(?:retourner|aller|rentrer) (?:a|au|aux|en))"
                          r" (?:my |a |the |ma |mon |une? |la |le )?(?:masters?|master's|phd|doctorate|degree|program|studies|school|"
                          r"grad school|graduate school|grad studies|"
                          r"college|university|maitrise|doctorat|bac|etudes|programme|universite|cegep|certificat|certificate|diploma|diplome|"
                          r"soins infirmiers|nursing|nursing school|formation|technique)\b"  # "un nouveau pret pour retourner en soins infirmiers"
                          # the loan pointed back to: "et comment j'en demande un nouveau pour ma maitrise"
                          r"|\b(?:another one|a new one|j'en \w+ un (?:autre|nouveau)|jen \w+ un (?:autre|nouveau)) (?:for|pour) "
                          r"(?:my |ma |mon |mes |a |un |une )?(?:masters?|master's|phd|doctorate|maitrise|doctorat|grad school)\b"
                          # ... the studies first: "i want to go back for my masters, how do i apply for a new loan"
                          r"|\b(?:masters?|master's|phd|doctorate|maitrise|doctorat)\b[^.?!]{0,60}\b(?:another|a new|new|more|un autre|un nouveau|encore un) "
                          r"(?:loans?|prets?)\b"
                          # ... or going back to school first: "je veux retourner aux études l'an prochain,
                          # comment je demande un nouveau prêt"
                          r"|\b(?:retourner|retour|go back|going back|return|returning)\b[^.?!]{0,30}\b(?:aux etudes|a l'ecole|au cegep|a l'universite|"
                          r"to school|to studies|to college|to university)\b[^.?!]{0,60}\b(?:another|a new|new|un autre|un nouveau|une nouvelle|encore un) "
                          r"(?:loans?|prets?)\b")
_REPAYING = re.compile(
    r"\b(?:repay|repaying|repayment|pay back|paying back|payments?|interest|rap|assistance plan|rembours\w*|"
    r"par|paiements?|interets?|nslsc|csnpe|grace|forgive\w*|default)\b"
    # paying it, online or at the bank: "comment on paie en ligne le prêt d'études canadien de ma fille?"
    r"|\b(?:paie|paies|paient|payer|pay|pays|paying|paye)\b[^.?!]{0,25}\b(?:pret|loans?)\b"
    # relief on the loan one has: "can I get a break on my student loan?", "une pause sur mon prêt"
    r"|\b(?:a break|relief|a pause|une pause|un repit|un break|un repos) (?:on|from|with|sur|de|pour) (?:my|mon|ma|mes)\b"
    # paying the loan one has: "je peux pu payer mon prêt étudiant", "can't pay my student loan"
    r"|\b(?:pay|paying|payer|paye)(?:\s+\w+){0,3}\s+(?:loans?|prets?)\b"
    # help with the loan one has: "je peux tu avoir de l'aide pour mon prêt étudiant"
    r"|\b(?:aide|help|assistance) (?:pour|avec|with|for|on) (?:mon|mes|my) (?:\w+ )?(?:loans?|prets?)\b"
)
# The federal loan named beside Quebec's student aid: "un prêt du fédéral pis un de l'AFE, je paye
# le fédéral comment?" is ours.
_FEDERAL_LOAN = re.compile(r"\b(?:federal|du federal|le federal|canada student loans?|prets? canadiens?|"
                           r"prets? d'etudes canadiens?|nslsc|cnspe|csnpe)\b")
_QUEBEC_STUDENT_AID = re.compile(r"\b(?:afe|prets et bourses|aide financiere aux etudes)\b")
_QUEBEC_PARENTAL = re.compile(rf"\b(?:{_QUEBEC_PARENTAL_NAMES})\b")


def names_quebec_parental_plan(text: str) -> bool:
    """Quebec's parental insurance (RQAP) named: "et le RQAP ça paie combien" is not EI's amount."""
    return bool(_QUEBEC_PARENTAL.search(fold(text)))


# A document of one's status in Canada (folded text): "my study permit", "ma carte de RP", "confirmation
# of permanent residence"; a foreign passport shown with one is an ID, not another country's service
_STATUS_DOCUMENT = re.compile(r"\b(?:(?:work|study) permits?|permis (?:de travail|d'etudes)|pr cards?|cartes? (?:de )?rp|"
                              r"permanent resident cards?|cartes? de resident permanent|"
                              r"confirmation (?:of|de) (?:permanent residence|residence permanente))\b")


# "the number" asked with a permit to work or study told (folded text): "mon permis d'etudes me
# permet de travailler, je fais comment pour le numero": the SIN, which the permit lets one get
_THE_NUMBER = re.compile(r"\b(?:le|un|mon|the|a|my) (?:numero|number)\b")


def number_asked_with_a_permit(text: str) -> bool:
    folded = fold(text)
    return bool(_STATUS_DOCUMENT.search(folded) and _THE_NUMBER.search(folded)) and not _PASSPORT.search(folded)


# A SIN needed to work, asked by the writer (folded text): "ca me prend tu un nas pour travailler a la
# cafeteria du campus?", "do i need a sin to work part time" (getting one, not who may ask for it)
_SIN_TO_WORK = re.compile(r"\b(?:(?:ca|sa) (?:me|nous) prend(?:-tu| tu)?|(?:me |nous )?faut(?:-tu| tu|-il| il)?|(?:j'ai|jai) besoin d'|"
                          r"(?:do|will|would) (?:i|we) need|i need)\s*(?:un |a |mon |my )?(?:nas|sin|numero d'assurance sociale|"
                          r"social insurance number)\b[^.?!]{0,15}\b(?:pour (?:travailler|bosser|une job|une jobe|un emploi|commencer)|"
                          r"to (?:work|start (?:a |my )?(?:job|work)|get a job))\b")


def needs_a_sin_to_work(text: str) -> bool:
    return bool(_SIN_TO_WORK.search(fold(text)))


# What is needed first to work, asked by a newcomer ("hello i have 19 years old, come from ukraine,
# i want work in grocery store. what i need first") or to be paid by an employer ("qu'est ce que je
# dois avoir en premier pour que l'employeur puisse me payer?"): the SIN, though unnamed
_NEED_FIRST = re.compile(r"\b(?:what (?:do )?i (?:need|must have|have to get)|what (?:is|do) (?:i|we) need|what i need|"
                         r"qu'?est[- ]?ce (?:que |qu')?(?:je dois|j'ai besoin|jai besoin|ca me prend|il me faut)(?: d')?(?: avoir| obtenir)?|"
                         r"(?:ca|ça) me prend quoi|il me faut quoi|de quoi (?:j'ai|jai) besoin)\b[^.?!]{0,30}\b(?:first|en premier|d'abord|avant|to (?:start|work))\b"
                         r"|\b(?:first|en premier|d'abord)\b[^.?!]{0,10}\b(?:what (?:do )?i need|ca me prend quoi)\b")
_EMPLOYER = r"(?:employeur|employer|boss|patron)"
_EMPLOYER_NAMED = re.compile(rf"\b{_EMPLOYER}\b")
_TO_WORK = re.compile(r"\b(?:want (?:to )?work|wanna work|start (?:to )?work\w*|find (?:a )?job|get (?:a )?job|travailler|trouver (?:une )?(?:job|jobe|emploi|travail)|"
                      rf"{_EMPLOYER}\b[^.?!]{{0,25}}\b(?:me )?pa(?:y|yer))\b")
_NEWCOMER_TOLD = re.compile(r"\b(?:(?:i |i'm |im |i am )?(?:come|came) from|just (?:arrived|came|moved|landed)|new (?:in|to) canada|newcomer|refugee|"
                            r"viens d'arriver|vient d'arriver|nouvel(?:le)? arrivante?|nouveaux arrivants|immigr\w+|residence permanente|permanent resident)\b")


_PERMIT_NAMED = re.compile(r"\b(?:permits?|permis|visas?)\b")


def needs_first_to_work(text: str) -> bool:
    """What is needed first to work or be paid, asked, by a newcomer or of an employer's pay."""
    folded = fold(text)
    if not (_NEED_FIRST.search(folded) and _TO_WORK.search(folded)) or _PERMIT_NAMED.search(folded):
        return False  # (a permit or a visa named is the immigration question: "... what i need first, a work permit?")
    return bool(_NEWCOMER_TOLD.search(folded) or _EMPLOYER_NAMED.search(folded))


# A Canadian office named, where another country's passport may be asked about (folded text):
# "son passeport américain, il peut le renouveler au bureau des passeports canadiens ici?"
_LIVE_IN_CANADA = re.compile(r"\b(?:live|living|lives|reside|residing|habite|habitons|vit|vivons|reste|restons) (?:here )?(?:in|au|en) canada\b")
_CANADIAN_OFFICE = re.compile(r"\b(?:bureaux?|office|offices) (?:des |de |du |of )?(?:passe?ports? )?canad\w*"
                              r"|\bcanadian (?:passport )?(?:office|offices|embassy|consulate)\b"
                              r"|\b(?:ambassade|consulat) (?:du )?canad\w*")


def asks_for_another_service(text: str) -> bool:
    """Another country's passport, Quebec's parental insurance or student aid, or applying for
    student aid (we answer repaying Canada Student Loans, not getting them)."""
    folded = fold(text)
    # (Canada named only as where one lives is no Canadian passport: "how do i get her a US passport while we live in canada")
    if "canad" in folded and "canad" in _LIVE_IN_CANADA.sub(" ", _CANADIAN_OFFICE.sub(" ", folded)) and _PASSPORT.search(folded) and (
            not _STUDENT_AID.search(folded)):
        return False  # "I'm French and need a Canadian passport" (not "au bureau des passeports canadiens")
    if _STATUS_DOCUMENT.search(folded) or _PROGRAM["sin_"].search(folded):
        return False  # "i only have my nigerian passport and my study permit, is that enough": ID shown for a SIN
    if _OTHER_SERVICE.search(folded) and _OWN_LAST_PASSPORT.search(_OTHER_SERVICE.sub(" ", folded)):
        return False  # "mon dernier passeport a été émis en 2009 et j'ai vécu à l'étranger avec mon passeport britannique"
    if _OTHER_SERVICE.search(folded):
        # "l'AFE ou le prêt fédéral?", "c'est le RQAP ou l'assurance-emploi pour mon congé de
        # maternité?": which of the two, ours named too (EI's maternity answer says Quebec's is the RQAP)
        return not any(theirs.search(folded) and ours.search(folded) and not _OTHER_SERVICE.search(theirs.sub(" ", folded))
                       for theirs, ours in ((_QUEBEC_STUDENT_AID, _FEDERAL_LOAN), (_QUEBEC_PARENTAL, _PROGRAM["ei_"])))
    applies = _APPLY.search(folded) or ((_PROVINCIAL_AID.search(folded) or _GRANTS.search(folded)) and (
        _IS_THERE.search(folded) or _GRANT_AMOUNT.search(folded))) or (
        _PROVINCIAL_AID.search(folded) and _WHAT_ABOUT.search(folded))  # "what about alberta student aid then"
    return bool(applies and _STUDENT_AID.search(folded) and not _REPAYING.search(folded))


_LOST_OR_STOLEN = re.compile(r"\b(?:lost|stolen|misplaced|perdu|perdue|vole|volee|egare|egaree)\b")
# What is lost that is no document (folded text): a job, a relative, a home ("lost my job in feb",
# "j'ai perdu mon emploi", "we lost my dad in march")
_LOST_NO_THING = (r"\b(?:lost|lose|losing|perdu|perdue|perdre)\s+(?:(?:my|his|her|our|their|mon|ma|son|sa|notre|leur|mes|ses|nos|leurs|the|a|an|un|une|la|le)\s+)?"
                  r"(?:jobs?|work|employment|emploi|jobe|travail|poste|contract|contrat|house|home|maison|logement|apartment|appartement|"
                  r"income|revenus?|hours|heures|sleep|sommeil|weight|poids|mind|temper|patience)\b"
                  # a relative, named after its determiner ("son" alone is French's "his")
                  r"|\b(?:lost|perdu|perdue)\s+(?:my|his|her|our|their|mon|ma|notre|leur|mes|nos)\s+"
                  r"(?:husband|wife|mother|father|mom|mum|dad|mere|pere|mari|femme|conjointe?|chum|blonde|partner|son|daughter|fils|fille|"
                  r"baby|bebe|brother|sister|frere|soeur|grand(?:ma|pa|mother|father|-mere|-pere|mere|pere)|parents?)\b(?!['’]| passe?port)")
# A loss supposed, not told (folded text): "what if it gets lost", "et s'il se perd dans la poste"
_SUPPOSED_LOSS = (r"\b(?:what if|in case|if) (?:it|they|my passport|the passport) (?:gets?|got|goes|went) (?:lost|missing)\b"
                  r"|\bs'(?:il|ils|elle) se (?:perd|perdent|perdait)\b")
_NOT_LOST = re.compile(
    r"\b(?:not|never|wasn't|isn't|pas|jamais|ni)\s+(?:been\s+|ete\s+)?(?:lost|stolen|misplaced|perdu|perdue|vole|volee|egare|egaree)"
    r"(?:\s+(?:or|nor|ni|ou)\s+(?:lost|stolen|perdu|perdue|vole|volee))?\b"
    # a loss feared, not told: "j'ai peur de le perdre", "scared it gets lost in the mail"
    r"|\b(?:peur|afraid|scared|worried|crains|craint)\b[^.?!]{0,12}\b(?:perdre|perde|lose|losing|gets? lost|getting lost)\b"
    # ... or supposed: "what if it gets lost", "et s'il se perd dans la poste"
    rf"|{_SUPPOSED_LOSS}"
    # a job or a person lost: "lost my job in feb so i finally have time ... renew my passport"
    rf"|{_LOST_NO_THING}")
_RENEW = re.compile(r"\b(?:renew\w*|re-new\w*|renouvel\w*|renouvl\w*|renouvell\w*)")
_KIN = r"(?:child|children|kid|kids|son|daughter|baby|babies|toddler|enfant|enfants|fils|fille|filles|bebe|gars|garcon|flo|flos|p'tit|p'tite|petit|petite)"
_GRANDCHILD = r"grand(?:sons?|daughters?|kids?|child(?:ren)?)|petite?s?-(?:fils|filles?|enfants?)"
# A child's passport now: "my kid's passport", "passport for my son", "le passeport de ma fille".
_CHILDS_PASSPORT = re.compile(
    rf"\b(?:my|our) (?:\d{{1,2}} ?(?:year|yr)s? old |little |youngest |oldest )?{_KIN}(?:'s|s'|s)? passports?\b"
    # (no possessive, first thing: "kids passport runs out next month, can i renew it with the short renewal form")
    r"|^\W*(?:the )?(?:kids?|child|childs|child's|kid's|baby|baby's|babys) passports?\b"
    rf"|\bpassports? (?:for|of) (?:my|our) {_KIN}\b"
    rf"|\bpasseports? (?:de|pour|a) (?:mon|ma|mes|notre|nos) (?:\w+ )?{_KIN}\b"
    # the child named, then their passport: "mon gars a 15 ans, son passeport expire"
    rf"|\b(?:my|our|mon|ma|mes|notre|nos) (?:\w+ )?{_KIN}\b[^.?!]*\b(?:his|her|their|son|sa|ses|leur|leurs) passe?ports?\b"
)
# Other relatives a passport can be for, whose age says whether it is a child's ("my little
# brother is 8"; not kin of the writer's own passport: a brother may be an adult)
_RELATIVE = (r"(?:brother|sister|nephew|niece|grandson|granddaughter|grandchild|grandkid|frere|soeur|sœur|"
             r"neveu|petit-fils|petite-fille|petit-enfant)")
_NOT_AN_AGE = r"(?!\s*(?:kids|enfants|children|\$|dollars|%|h\b|hours?|heures?|weeks?|semaines?|days?|jours?|months?|mois))"
# An applicant of 16 or more: the writer's own age ("I am 68 years old", "j'ai 19 ans"), or an
# age of 16 or more now with an adult passport asked for ("she just turned 16 and wants to apply
# as an adult", "ma fille a 16 ans, sa demande de passeport adulte").
_OWN_AGE_16_OR_MORE = re.compile(
    rf"\b(?:i am|i'm|im|je suis|chu|j'ai|jai)\s+(?:now\s+|maintenant\s+)?(?:1[6-9]|[2-9]\d)\b{_NOT_AN_AGE}"
    r"(?!\s*(?:ans? (?:de|d'))|\s*(?:year|yr)s? (?:of|in|at))"
)
_AGE_16_OR_MORE_NOW = re.compile(
    r"\b(?:just turned|turned|vient d'avoir|a eu)\s+(?:1[6-9]|[2-9]\d)\b"
    r"|\b(?:is|a|has) (?:now |maintenant )?(?:1[6-9]|[2-9]\d)\s*(?:ans|years? old|yrs? old|yo|y/o|now|maintenant)?\b(?!\s*(?:ans? (?:de|d')|en |in |le mois|next|prochain))"
    r"|\b(?:1[6-9]|[2-9]\d)[- ](?:year|yr)[- ]old\b"
)
# A relative told to be 16 or older (folded text): "ma petite-fille a 20 ans", "my grandson is 19"
_GROWN_KIN = re.compile(r"\b(?:fille|fils|petite-fille|petit-fils|gars|garcon|daughter|son|granddaughter|grandson|niece|nephew|neveu)\s+"
                        r"(?:a|is|est|has|just turned|vient d'avoir)\s+(?:now |maintenant )?(?:1[6-9]|[2-9]\d)\b(?!\s*(?:mois|months?|weeks?|semaines?))"
                        # (not an age still to come: "mon fils a 16 ans le mois prochain")
                        r"(?![^.?!,]{0,20}\b(?:prochain\w*|next|bientot|soon|dans \d|in \d))"
                        # ... or told of age: "mon fils majeur qui a une déficience intellectuelle", "my adult son"
                        r"|\b(?:fils|fille|enfant|son|daughter|child) (?:majeure?|adulte|adult)\b|\b(?:adult|grown(?:-up)?) (?:son|daughter|child)\b"
                        # ... or told at university: "Mon fils est aux études à Bordeaux pis il doit renouveler son passeport là-bas"
                        r"|\b(?:fille|fils|gars|daughter|son|granddaughter|grandson)\s+(?:est|is|studies|etudie)\s+(?:now |maintenant )?"
                        r"(?:aux etudes|a l'universite|a l'univ|au cegep|en maitrise|au doctorat|at (?:university|uni|college)|"
                        r"in (?:university|uni|college|grad school)|studying (?:at|in))\b")
_ADULT_PASSPORT = re.compile(r"\b(?:adult|adulte|adults|adultes|grown-up)\b")
_CHILD_OR_ADULT = re.compile(r"\b(?:child|kid|kids|enfant)\w*\s+(?:passports?\s+|passeports?\s+)?(?:or|ou)\s+(?:an?\s+|d'|un\s+)?adult")


def grown_kin_named(text: str) -> bool:
    """A relative told to be 16 or older, and the message not asking child or adult."""
    folded = fold(text)
    return bool(_GROWN_KIN.search(folded)) and not _CHILD_OR_ADULT.search(folded)


_UNDER_16 = re.compile(
    # (not a time: "mon passeport expire dans 2 mois", "in 3 weeks", "ça fait 2 mois")
    r"(?<!dans )(?<!in )(?<!within )(?<!depuis )(?<!fait )(?<!y a )(?<!ya )(?<!pendant )(?<!for )(?<!d'ici )(?<!next )(?<!last )"
    # ("my 3 yr olds passport": the possessive without its apostrophe)
    r"\b(?:[0-9]|1[0-5])\s*(?:years? olds?|yrs? olds?|yo|y/o|mois|months?|weeks?|semaines?)\b"
    # "5 ans" and "10 ans" alone are as often how long a passport is valid ("je l'ai eu en 2019, 10
    # ans"): an age only said of someone ("mon gars de 10 ans", "ma fille, 5 ans")
    # (not a time: "expiré il y a 2 ans", "ça fait 3 ans", "dans 2 ans")
    # (nor a stay: "je travaille à bruxelles pour 2 ans")
    r"|(?<!y a )(?<!ya )(?<!depuis )(?<!fait )(?<!pendant )(?<!dans )(?<!pour )(?<!durant )\b(?:[1-46-9]|1[1-5])\s*(?:ans|an)\b"
    rf"|\b(?:{_KIN}|{_RELATIVE})\W+(?:\w+\W+){{0,2}}?(?:5|10)\s*ans?\b"
    r"|\b(?:[0-9]|1[0-5])[- ](?:year|yr)[- ]olds?\b"
    # a birth, not the birth certificate one proves citizenship with ("mon certificat de naissance du Québec")
    r"|\b(?:baby|babies|newborn|infant|toddler|bebe|bebes|nouveau-ne|(?<!certificat de )(?<!acte de )(?<!extrait de )naissance)\b(?<!meme bebe)(?<!as a baby)(?<!etait bebe)"
    rf"|\b(?:{_KIN}|{_RELATIVE}|he|she|il|elle)(?:'s| is| has| a| who is| qui a)\s+(?:[0-9]|1[0-5])\b{_NOT_AN_AGE}"
    # a little brother or sister texted short: "my little bro is 9 and im 24"
    rf"|\b(?:bro|sis)(?:'s| is| who is)\s+(?:[0-9]|1[0-5])\b{_NOT_AN_AGE}"
    # texted without the apostrophe: "and for my kid? shes 8"
    rf"|\b(?:shes|hes)\s+(?:[0-9]|1[0-5])\b{_NOT_AN_AGE}"
    # "le petit" as the little one, a noun ending its clause: "le passeport du petit, je fais quoi"
    r"|\b(?:du|le|au|mon|notre|de mon|pour le|pour mon) (?:petit|p'tit|ptit|petite|p'tite|ptite)(?=\s*(?:[,.?!;]|$))"
    # children's ages told together: "ok what about my kids, they're 6 and 9"
    rf"|\b(?:they'?re|theyre|they are)\s+(?:[0-9]|1[0-5])\s+(?:and|&)\s+(?:[0-9]|1[0-5])\b{_NOT_AN_AGE}"
)
# A child whose birth is told, with no year or adult's age said: "ma fille est née à Bruxelles, son
# père est canadien" (not "my son was born in texas, he is 25")
_BORN_KIN = re.compile(rf"\b(?:my|our|ma|mon|notre) {_KIN} (?:est nee?|a ete nee?|was born|is born|vient de naitre|just born)\b")
_BIRTH_YEAR_OR_ADULTS_AGE = re.compile(r"\b(?:19\d\d|200\d|201[0-4])\b|\b(?:1[6-9]|[2-9]\d)\s*(?:ans|an|years? old|yrs? old|yo)\b"
                                       r"|\b(?:is|est|a|has|turned|hes|shes|he's|she's|il a|elle a)\s+(?:1[6-9]|[2-9]\d)\b")


# Someone of 16 to 19 ("my 16 year old", "ma fille de 17 ans", "my son is 16", "she just turned
# 16"), not a time ("depuis 16 ans", "for 17 years", "16 ans de service").
_AGED_16_TO_19 = re.compile(
    r"\b1[6-9]\s*(?:ans|an|years? old|yrs? old|yo|y/o)\b(?!\s*(?:de|d'|of)\b)|\b1[6-9][- ](?:year|yr)[- ]old\b"
    r"|\b(?:is|a|has|turned|turns|turning|va avoir|vient d'avoir|hes|shes|he's|she's)\s+(?:now\s+)?1[6-9]\b" + _NOT_AN_AGE
    # the writer's own age: "I'm 17 and want to get a passport", "chu 16 pis je veux mon passeport"
    + r"|\b(?:i am|i'm|im|je suis|chu)\s+(?:now\s+|maintenant\s+)?1[6-9]\b" + _NOT_AN_AGE
    + r"(?!\s*(?:ans? (?:de|d'))|\s*(?:year|yr)s? (?:of|in|at))"
)
_A_TIME_OF_16_TO_19 = re.compile(r"\b(?:depuis|for|il y a|pendant|over|since)\s+1[6-9]\b")


def names_someone_16_or_more(text: str) -> Optional[bool]:
    """Whether the person a passport is for is 16 to 19 ("my son is 17, can he apply himself?"):
    True, False when a child under 16 is named too or instead, None when no age is told."""
    folded = fold(text)
    if _UNDER_16.search(folded):
        return False
    if _AGED_16_TO_19.search(folded) and not _A_TIME_OF_16_TO_19.search(folded):
        return True
    return None


# Anyone but the writer (folded text): a child's word, a minor, or someone pointed to ("he",
# "elle", "son passeport"); with an age too, `_SOMEONE_ELSE`: without any, a message is about the
# writer's own passport
_OTHER_PEOPLE = (
    rf"\b(?:{_KIN}|{_RELATIVE})(?:'?s)?\b|\b(?:minors?|mineure?s?|teens?|teenagers?|ados?|adolescent\w*|newborns?|nouveau-nee?s?|"
    r"papa|maman|mom|dad|mother|father|mere|pere|parents?|ex|custody|garde|adopt\w*|"
    r"twins|jumeaux|jumelles|triplets|triples|grand(?:son|daughter|child|children|kids?)|petite?s?-(?:fils|fille|enfants?)|"
    r"nephews?|nieces?|neveux?|stepson|stepdaughter|he|she|him|her|his|hers|they|them|their|il|ils|elle|elles|lui|eux|"
    r"son|sa|ses|leur|leurs|y|family|famille)\b")
_ANOTHER_PERSON = re.compile(_OTHER_PEOPLE)
_SOMEONE_ELSE = re.compile(rf"{_OTHER_PEOPLE}|\b\d{{1,2}}\b")


def names_another_person(text: str) -> bool:
    """The message names or points to someone other than the writer (an age alone is not someone)."""
    return bool(_ANOTHER_PERSON.search(fold(text)))


def names_someone_else(text: str) -> bool:
    """The message names or points to someone other than the writer, or gives an age."""
    return bool(_SOMEONE_ELSE.search(fold(text)))


def names_a_child(text: str) -> bool:
    """The message names a child under 16 ("ma fille de 8 ans", "my 3 month old", "the baby")."""
    folded = fold(text)
    born = bool(_BORN_KIN.search(folded)) and not _BIRTH_YEAR_OR_ADULTS_AGE.search(folded)
    return bool(_UNDER_16.search(folded) or born) and not applicant_is_adult(text)


# The writer's own passport named ("my passport", "mon passeport", "i'm renewing"), folded text
_OWN_PASSPORT = re.compile(r"\b(?:my|mon|ma) (?:\w+ )?(?:passe?ports?|ppt)\b|\bi'?m renewing\b|\bje (?:renouvelle|fais ma demande)\b")


# A child as the one the message is about: a child's word ("mon gars de 10 ans"), or an age as a
# noun ("my 12 yo"); not a time ("8 months ago", "ça fait 3 ans", "quand j'avais 15 ans")
# ("son" only as the English noun: "son passeport" is French for "his passport")
_CHILD_SUBJECT = re.compile(rf"\b(?:my|our|his|her|their|your) sons?\b|\b(?!son\b){_KIN}\b"
                            r"|\b(?:my|our|mon|ma|notre) (?:[0-9]|1[0-5])[- ]?(?:yo|y/o|year[- ]old|yr[- ]old)\b")


# Passports for children the writer looks after (folded text): "my 2 grandkids ... they need
# passports ... am I allowed to apply for them?", "les passeports de mes petits-enfants"
_FOR_CHILDREN = re.compile(rf"\b(?:{_GRANDCHILD}|kids|children|enfants)\b")
_PASSPORTS_FOR_THEM = re.compile(r"\b(?:they|ils|elles) (?:need|needs|ont besoin de|ont besoin d') ?(?:\w+ )?(?:passports?|passeports?)\b"
                                 r"|\bapply for them\b|\b(?:their|leurs) (?:passports?|passeports?)\b|\bpasseports? pour eux\b"
                                 r"|\bfaire (?:leur|leurs) demandes?\b")


def passports_for_children(text: str) -> bool:
    """Children the writer looks after named, and passports for them asked."""
    folded = fold(text)
    return bool(_FOR_CHILDREN.search(folded) and _PASSPORTS_FOR_THEM.search(folded)) and not _OWN_PASSPORT.search(folded)


# The passport said to be the writer's own, whatever baby is told beside it (folded text): "first
# passport for me, do i need 2 references", "c'est quel formulaire pour renouveler un passeport adulte?
# je veux le remplir pendant la sieste du bebe", "who can be my guarantor?? we just moved with the baby"
_FOR_THE_WRITER = re.compile(r"\b(?:for me|for myself|pour moi|pour moi-meme)\b(?!\s*(?:and|&|et|pis|puis|or|ou)\b)"
                             r"|\b(?:my|mon|ma) (?:guarantor|repondante?|garant|references)\b")
# ... or an adult passport renewed, which no baby has ("c'est quel formulaire pour renouveler un passeport adulte?")
_ADULT_RENEWED = re.compile(r"\b(?:renew\w*|renouvel\w*)\b[^.?!]{0,30}\b(?:adult(?:e|s)? passports?|passe?ports? (?:d')?adultes?)\b")
# ... not when the writer takes themselves back: "i need a passport for me... no wait, its for my son hes 9 not me"
_NOT_FOR_ME = re.compile(r"\b(?:not me|not for me|pas moi|pas pour moi)\b")


def passport_for_the_writer(text: str) -> bool:
    """The writer's own passport said, and no child's passport named."""
    folded = fold(text)
    return bool(_FOR_THE_WRITER.search(folded) or _ADULT_RENEWED.search(folded)) and not (
        _CHILDS_PASSPORT.search(folded) or _CHILD_PASSPORT_NAMED.search(folded) or _CHILD_OR_ADULT.search(folded)
        or _NOT_FOR_ME.search(folded))


def for_a_child_only(text: str) -> bool:
    """The message is about the passport of a child under 16 it names ("can my 12 yo get a 10
    year passport", "le répondant pour le passeport de mon gars de 10 ans") and not about the
    writer's own: a child's passport, whatever adult question it shares words with."""
    folded = fold(text)
    return names_a_child(text) and bool(_CHILD_SUBJECT.search(folded)) and not _OWN_PASSPORT.search(folded) and (
        not passport_for_the_writer(text))


# A writer under 30 asking about their own child ("im 22 and a single mom ... how do i get our
# daughter a passport"): the child is under 16, whatever age the writer tells (folded text)
_YOUNG_PARENTS_CHILD = re.compile(
    r"\b(?:i am|i'm|im|je suis|chu|j'ai|jai)\s+(?:1[6-9]|2\d)\b(?!\s*(?:ans? (?:de|d')|(?:year|yr)s? (?:of|in|at)))"
    r"[^.?!]{0,60}[.?!,]?[^.?!]{0,80}\b(?:my|our|mon|ma|notre) (?:\w+ )?(?:daughter|son|kid|baby|fille|fils|gars|bebe|enfant)\b")


def applicant_is_adult(text: str) -> bool:
    """The passport is for someone of 16 or more, and no younger child is named: not a child
    passport. "Child or adult passport?" stays a child-passport question (passport_child.age)."""
    folded = fold(text)
    if _UNDER_16.search(folded) or _CHILD_OR_ADULT.search(folded) or _YOUNG_PARENTS_CHILD.search(folded):
        return False
    return bool(_OWN_AGE_16_OR_MORE.search(folded)
                or (_AGE_16_OR_MORE_NOW.search(folded) and _ADULT_PASSPORT.search(folded))
                or _GROWN_KIN.search(folded))


# The citizen's own passport about to expire (folded text; not "expired", which may be too long ago
# to renew), or renewing it named: "mon passeport expire en mars", "renouveler mon passeport par la poste"
_EXPIRING_OWN = re.compile(r"\b(?:my|mon|ma) (?:\w+ )?(?:passport|passeport) (?:expires|is expiring|will expire|"
                           r"expire (?:en|dans|le|bientot|cette|ce|a la fin|au mois)|va expirer|expirera)\b")
_RENEWS_OWN = re.compile(r"\b(?:renew\w*|renouvel\w*) (?:my|mon|ma) (?:\w+ )?(?:\d{1,2}[- ]?(?:years?|yrs?|ans?) )?(?:passe?ports?|ppt)\b"
                         # the own renewal's application: "avec ma demande de renouvellement par la poste", "my renewal form"
                         r"|\b(?:ma|mon|my) (?:demande|formulaire|dossier) de renouvel\w*|\bmy (?:passport )?renewal (?:application|form)s?\b")
# An adult passport that is not a renewal after all: a first one, one that cannot be renewed, a
# child's, a lost or stolen one (folded text)
NOT_A_RENEWAL = re.compile(
    r"\b(?:first|1st|premier|premiere|1er|1re|never (?:had|got|applied)|jamais (?:eu|fait|demande)|"
    r"can'?t renew|cannot renew|not eligible|(?:peux|peut|pouvais|pouvait) pas (?:le |la )?renouvel\w*|"
    r"pas admissible|si (?:je |j'|on )?(?:peux|peut|peu|pourrais|suis) pas|if (?:i )?(?:can'?t|cannot|am not|'?m not)|if not|sinon|"
    r"child passport|kid'?s passport|passeport (?:d'enfant|pour enfant)|"
    r"lost|stolen|perdu|perdue|vole|volee)\b")


# Renewing ruled out, then a new one asked about (folded text): "ok so if i cant renew what do i need
# for a new one then", "si je peux pas le renouveler, je fais quoi pour un nouveau": a new application
_NEW_ONE_IF_NOT_RENEWABLE = re.compile(
    r"\b(?:(?:if|since|so) (?:i |we )?(?:can'?t|cant|cannot|am not able to|'?m not able to) renew\w*|"
    r"(?:si |comme |vu que )?(?:je |j'|on )?(?:ne )?(?:peux|peut|peu|pourrai) pas (?:le |la )?renouvel\w*|"
    r"(?:not|pas) (?:eligible|admissible) (?:to |for |pour |au |a )?(?:the )?renouvel\w*|not eligible to renew)\b"
    r"[^.?!]{0,50}\b(?:new one|new passport|brand new|nouveau|nouvelle demande|new application|apply|first)\b")


def new_one_if_not_renewable(text: str) -> bool:
    return bool(_NEW_ONE_IF_NOT_RENEWABLE.search(fold(text)))


def renews_own_passport(text: str) -> bool:
    """The writer's own passport is about to expire, or renewing it is named, and nothing says it
    is not a renewal: "mon passeport expire en mars, je peux-tu juste le poster?", "Est-il possible
    de renouveler mon passeport par la poste?" (how to renew, not how to apply for a first one)."""
    folded = fold(text)
    return bool(_EXPIRING_OWN.search(folded) or _RENEWS_OWN.search(folded)) and not NOT_A_RENEWAL.search(folded)


# A guarantor asked of a renewal (folded text): "faut tu un répondant pour un renouvellement ou
# ben c juste pour la premiere fois", "do I need a guarantor to renew" (a first passport named
# beside it is the contrast asked about, not the passport applied for)
# (references too: "est ce que je dois mettre des références pour renouveler mon passeport ou juste les photos")
_GUARANTOR = re.compile(r"\b(?:guarantors?|gu?a[ru]e?[ae]nt[eo]rs?|garants?|repondants?|references?)\b")  # ("guarentor", "garantor" typed)
# (not "renewed", "renouvelé": a renewal had before)
_RENEWAL_NAMED = re.compile(r"\b(?:renew|renewal|renewing|renouvel(?!e\b|ee\b|es\b|ees\b)\w*)\b")
_CANT_RENEW = re.compile(r"\b(?:can'?t|cannot|can not|not eligible|unable to) renew\b|\b(?:peux|peut|pouvais|pouvait|pourrai) pas "
                         r"(?:le |la )?renouvel\w*|\bpas admissible\b|\b(?:lost|stolen|perdu|perdue|vole|volee)\b")


_SIGNATURE = re.compile(r"\b(?:sign|signs|signed|signing|signature|signatures|signe|signer|signee?s?|signent|signez)\b")


def asks_a_signature(text: str) -> bool:
    """A signature spoken of: "does my guarantor sign the photo for a renewal?"."""
    return bool(_SIGNATURE.search(fold(text)))


# A faster service refused (folded text): "je vais tu l'avoir pour la fin mai? sans payer de frais
# urgent", "without paying for express": the regular service's time
_NO_FASTER = re.compile(r"\bsans (?:payer |prendre )?(?:(?:de |les |des |pour |le |l')?(?:frais |service )?(?:d')?)?(?:urgen\w*|express|supplementaires?)\b"
                        r"|\bwithout (?:paying (?:for )?)?(?:the |an? )?(?:urgent|express|rush|extra)\b|\bno (?:rush|urgent|express) (?:fee|service)\b")


def refuses_faster_service(text: str) -> bool:
    return bool(_NO_FASTER.search(fold(text)))


def renewal_named(text: str) -> bool:
    """A renewal named ("for renewal", "je peux tu renouveler"), not one had before ("renouvelé")."""
    return bool(_RENEWAL_NAMED.search(fold(text)))


# Whether one may renew, asked (folded text): "can i renew my passport from here the simple way?"
_MAY_RENEW = re.compile(r"\b(?:can|could|may) (?:i|we|he|she|they) (?:still |just )?renew\b|"
                        # "Can I send the renewal by mail from the States?"
                        r"\b(?:can|could|may) (?:i|we|he|she|they) (?:send|mail|do|submit|file) (?:the |my |our |a )?renewal\b|"
                        r"\b(?:peux|peut|puis|pourrais|pourrait)[- ]?(?:je|tu|on|il|elle)? ?(?:-tu |tu )?(?:le |la )?renouveler\b")


def asks_to_renew_from_abroad(text: str) -> bool:
    """Renewing from where one lives or stays abroad, asked, with no office or address asked for:
    "salam, i am canadian working in abu dhabi on contract. can i renew my passport from here the
    simple way?", "Snowbird here, in Yuma AZ until April ... Can I send the renewal by mail from the States?"."""
    from actions.situation import lives_outside_canada, names_a_place_abroad, names_the_us

    return bool(_MAY_RENEW.search(fold(text))) and (
        lives_outside_canada(text) or names_a_place_abroad(text) or names_the_us(text)) and not asks_where(text)


# A child born abroad, and a passport asked for them (folded text): "baby born here in may ... how do
# we get her a canadian passport", "notre bébé est né à bruxelles ... comment lui faire un passeport"
_BORN_THERE = re.compile(r"\b(?:born|ne|nee|nes|nees)\b")
_GET_THEM_ONE = re.compile(r"\b(?:get|apply for|getting) (?:her|him|them|the baby|our baby|a)\b[^.?!]{0,20}\bpassports?\b|"
                           r"\b(?:lui|leur) (?:faire|avoir|obtenir|demander) (?:un |son |leur )?passeports?\b")


# An application made at an embassy or a consulate, told (folded text): "jai fait ma demande a l'ambassade a dakar"
_APPLIED_AT_A_MISSION = re.compile(r"\b(?:applied|apply|application|demande|applique|depose)\b[^.?!]{0,25}\b(?:embassy|consulate|high commission|ambassade|consulat|haut-commissariat)\b")


def applied_at_a_mission(text: str) -> bool:
    return bool(_APPLIED_AT_A_MISSION.search(fold(text)))


def born_abroad_asks_their_passport(text: str) -> bool:
    from actions.situation import names_a_place_abroad

    folded = fold(text)
    return bool(_BORN_THERE.search(folded) and _GET_THEM_ONE.search(folded)) and names_a_child(text) and names_a_place_abroad(text)


def guarantor_for_a_renewal(text: str) -> bool:
    folded = fold(text)
    return bool(_GUARANTOR.search(folded) and _RENEWAL_NAMED.search(folded)) and not _CANT_RENEW.search(folded)


# A name changed by marriage or divorce, with a renewal asked about, whatever the model's top topic
# (folded text): "I got married and took my husbands last name. Can I still use the renewal form?"
# is a new adult application (passport_apply_adult.name_change), not the SIN record's name
_SIN_NAMED = re.compile(r"\b(?:sin|nas|social insurance|assurance sociale)\b")


def name_change_with_renewal(text: str) -> bool:
    from actions.situation import NAME_CHANGED

    folded = fold(text)
    return bool(NAME_CHANGED.search(folded) and _RENEWAL_NAMED.search(folded)) and not _SIN_NAMED.search(folded)


# The student loans' service centre asked about by name (folded text): "CNSPE c quoi, j'ai reçu une
# lettre d'eux", "who is NSLSC, they sent me an email" (its online account's answer says what it is)
_NSLSC = re.compile(r"\b(?:nslsc|csnpe|cnspe|cnpe|national student loans? service cent(?:re|er)|"
                    r"centre de service national de prets aux etudiants)\b")
_WHAT_IS = re.compile(r"\b(?:c quoi|c'est quoi|cest quoi|ces quoi|qu'est-ce que c'est|what is|what's|whats|who is|who are|"
                      r"qui est|c'est qui|c qui|ca sert a quoi|never heard|jamais entendu)\b")


# How long a passport takes, asked by the word for it (folded text): "delai passeport si je fais la
# demande en personne a Laval?", "c quoi les délais pour un passeport", "passport processing time"
# ("c quoi les delais en ce moment pour un renouvellement de passeport": the renewal named first)
_PASSPORT_DELAY = re.compile(r"\b(?:delais?|temps de traitement|processing times?|wait times?|turnaround)\b"
                             r"(?: \w+){0,5}? (?:passe?ports?|pport|renouvellements?|renewals?)\b"
                             r"|\b(?:passe?ports?|pport) (?:\w+ )?(?:delais?|processing times?|wait times?)\b"
                             # "hw long r passports taking rn for kids"
                             r"|\b(?:how|hw) (?:long|lng) (?:\w+ ){0,3}?passe?ports? (?:\w+ )?(?:taking|take|takes)\b")
# How long a passport takes, asked as "forever" (folded text): "is it still taking forever to get a
# passport like back in 2022??" (not a refund for it: "do i get my money back if they take forever")
_PASSPORT_FOREVER = re.compile(r"\b(?:taking|take|takes|takin) (?:so |like |literally )?forever\b[^.?!]{0,25}\bpasse?ports?\b"
                               r"|\bpasse?ports? (?:\w+ ){0,3}?(?:taking|take|takes|takin) (?:so |like |literally )?forever\b")
_REFUND_ASKED = re.compile(r"\b(?:refund\w*|money back|reimburs\w*|rembours\w*|ravoir mon argent)\b")


def asks_passport_delay(text: str) -> bool:
    folded = fold(text)
    return bool(_PASSPORT_DELAY.search(folded) or (_PASSPORT_FOREVER.search(folded) and not _REFUND_ASKED.search(folded)))


# When the passport applied for will come, asked (folded text): "quand est-ce que je peux espérer
# l'avoir?", "when should i expect to get it": how long it takes (its status, once late, has its own rule)
_WHEN_RECEIVED = re.compile(
    r"\bquand (?:est-ce que |est ce que |es que )?(?:je |j')(?:vais|peux|pourrai|pourrais|devrais|va)(?:[- ]tu)? "
    r"(?:esperer |m'attendre a |compter )?(?:l'avoir|le recevoir|l'obtenir|le ravoir|avoir mon passeport|recevoir mon passeport)\b"
    r"|\bwhen (?:will|can|should|would|do) (?:i|we) (?:expect to |be able to )?(?:get|receive|have) (?:it|my passport|our passports)\b"
    r"|\bwhen should (?:i|we) expect (?:it|my passport)\b"
    # the time asked last: "si je depose ma demande urgente lundi a 10h je vais l'avoir quand"
    r"|\b(?:je |j')(?:vais|va|peux) (?:l'avoir|le recevoir|l'obtenir|le ramasser|avoir mon passeport|recevoir mon passeport) quand\b")


# Where to send or hand in an application, asked (folded text): "ou dois-je faire ma demande de
# passeport canadien", "where do i apply"
_WHERE_TO_APPLY = re.compile(
    r"\b(?:ou|where) (?:dois-je|est-ce que je dois|est ce que je dois|je dois|faut-il|il faut|je peux|puis-je|est-ce que je peux|"
    r"do i|can i|should i|would i|do we|can we) (?:faire|presenter|envoyer|deposer|apply|send|submit|hand in|go to apply)"
    r"(?: (?:ma|la|une|mon|my|the|our|notre) (?:demande|application))?\b|\bwhere to apply\b"
    # the place asked first, told: "ou je fais ma demande de passeport canadien dici?"
    r"|\bou (?:je|j'|on) ?(?:fais|fait|envoie|depose|peux faire|dois faire) (?:ma|la|une|notre) demande\b"
    # the place asked last: "je fais ma demande de passeport canadien ou exactement"
    r"|\b(?:je|on|j') ?(?:fais|fait|dois faire|peux faire|envoie|depose) (?:ma|la|une|notre) demande(?: de passe?ports?(?: canadiens?)?)? "
    r"ou(?: exactement| ca| donc)?\W*$")


# An application mailed, asked about (folded text): "puis-je envoyer ma demande directement à Gatineau
# par la poste ?", "can i mail my application straight to gatineau"
_MAILS_APPLICATION = re.compile(
    r"\b(?:envoyer|poster|envoie|poste|mail|send|mailing|sending|posting) (?:ma|mon|la|le|notre|my|the|our) (?:demande|application|formulaire|form|dossier)s?\b"
    r"[^.?!]{0,40}\b(?:par la poste|par courrier|by mail|by post|gatineau|directement|directly|straight)\b")


def mails_application_from_outside_canada(text: str) -> bool:
    """An application to be mailed, asked about by someone who lives outside Canada (the US too)."""
    from actions.situation import lives_outside_canada

    return bool(_MAILS_APPLICATION.search(fold(text))) and lives_outside_canada(text)


def asks_where_to_apply_from_abroad(text: str) -> bool:
    """Where to apply, asked by someone who lives or stays outside Canada and the US."""
    from actions.situation import lives_abroad

    return bool(_WHERE_TO_APPLY.search(fold(text))) and lives_abroad(text)


def asks_when_received(text: str) -> bool:
    return bool(_WHEN_RECEIVED.search(fold(text)))


# The urgent or express service named (folded text; bot/engine/context/passports.py and the model's
# rule for a trip within two weeks use it). Not "expres": folded, it is also "exprès", on purpose.
URGENT_SERVICE = re.compile(r"\b(?:urgent|urgente|urgence|express|expedited|rush|accelere|acceleree)\b")


# Saying there is no hurry: "no rush just curious", "c'est pas urgent"
_NOT_URGENT = re.compile(r"\b(?:no|not|not in a|in no|pas|pas de|aucune|rien d')\s*(?:rush|hurry|urgent|urgente|urgence|presse)\b")


def names_fast_service(text: str) -> bool:
    return bool(URGENT_SERVICE.search(_NOT_URGENT.sub(" ", fold(text))))


# The regular service named (folded text): not the urgent or express one's time
REGULAR_SERVICE_WORDS = re.compile(r"\b(?:regular|regulier|normal|standard|by mail|par la poste)\b")


def names_regular_service(text: str) -> bool:
    return bool(REGULAR_SERVICE_WORDS.search(fold(text)))


# A local office or a trip to a city, asked as a choice (folded text): "je peux tu appliquer au
# Service Canada icitte ou faut que je drive jusqu'à Halifax?", "can I do it at the Service Canada
# here or do I have to go to Ottawa": where to apply, whatever else it asks
_WHERE_CHOICE = re.compile(
    r"\b(?:service canada|bureau|office|centre|center)\b[^.?!]{0,60}\b(?:ou|or)\s+(?:(?:il |y )?faut(?:-tu| tu)?(?: que)?(?: j'| je| j)?"
    r"|(?:je |j')?dois(?:-je)?|do i (?:have|need) to|i (?:have|need) to|must i|should i)\s*"
    r"(?:\w+ )?(?:aller|aille|drive|driver|me rendre|monter|descendre|go|travel)\b"
    # a Service Canada Centre or a passport office, as the choice: "can i apply at any service canada
    # centre or only a passport office if i need it in 10 days"
    r"|\bservice canada\b[^.?!]{0,30}\b(?:or|ou) (?:only |just |seulement |juste |slmt )?(?:at |a |an |au |un |dans un |a un )?"
    r"(?:passport office|bureau (?:des|de) passeports?)"
    r"|\b(?:passport office|bureau (?:des|de) passeports?)\b[^.?!]{0,30}\b(?:or|ou) (?:only |just |seulement |juste )?"
    r"(?:at |a |an |au |un |dans un |a un )?(?:any |n'importe quel )?service canada\b")


def asks_where_choice(text: str) -> bool:
    return bool(_WHERE_CHOICE.search(fold(text)))


# Whether a place takes passport applications (folded text): "est-ce que le service canada mobile qui
# vient à la réserve prend les demandes de passeport", "does the service canada in kenora accept passport applications"
_TAKES_APPLICATIONS = re.compile(
    # (not the time to process them: "how long does it take to process passport applications")
    r"(?<!\bto )\b(?:prend|prennent|prenez|accepte|acceptent|acceptez|recoit|recoivent|take|takes|taking|accept|accepts|accepting|"
    r"do|does)\s+(?:les |des |the |any |aussi |also )?"
    r"(?:demandes? (?:de |d')passe?ports?|passe?port applications?|applications? for (?:a |the )?passe?ports?)\b")


# Something to be written or made up asked for (folded text): "write me a poem about waiting in line at a
# passport office", "écris-moi une chanson sur le chômage": not the topic it is about
_CREATIVE = re.compile(
    r"\b(?:write|compose|make up|give|tell|sing) (?:me |us |my \w+ )?(?:a |an |some |another )?(?:short |funny |little |sad |quick )?"
    r"(?:poems?|poetry|haikus?|songs?|story|stories|limericks?|raps?|lyrics|rhymes?)\b"
    r"|\b(?:ecri[st]?|ecrire|ecrivez|compose|composer|invente|inventer|raconte|racontez)[- ](?:moi |nous )?(?:un |une |des )?(?:petit |petite |courte? |drole )?"
    r"(?:poemes?|poesie|haikus?|chansons?|histoires?|contes?|rimes?)\b")


def asks_for_creative_writing(text: str) -> bool:
    return bool(_CREATIVE.search(fold(text)))


# The writer's own first passport, told (folded text): "I am applying for a passport for the first time",
# "c'est mon premier passeport"
_OWN_FIRST_APPLICATION = re.compile(
    r"\b(?:i am|i'm|im) applying for (?:a |my )?(?:first )?passe?port\b|\bmy (?:very )?first passe?port\b|"
    r"\b(?:c'est )?ma (?:toute )?premiere demande de passeport\b|"
    r"\b(?:mon|c'est mon) (?:tout )?premier passeport\b|\bje (?:fais|demande|applique pour) (?:mon|un) (?:premier )?passeport pour la premiere fois\b")


def applies_for_own_first_passport(text: str) -> bool:
    return bool(_OWN_FIRST_APPLICATION.search(fold(text)))


# Mailing the application instead of going, asked (folded text): "je peux tu envoyer ma demande de passeport par la poste
# au lieu d'y aller?", "can i just mail it instead of going in"
_MAIL_INSTEAD = re.compile(r"\b(?:par la poste|by mail|mail it|mail my|poster|envoyer)\b[^.?!]{0,40}\b(?:au lieu|instead|plutot que|rather than)\b")


def asks_to_mail_instead(text: str) -> bool:
    return bool(_MAIL_INSTEAD.search(fold(text)))


# A SIN never had, told (folded text): "my brother is 26 with down syndrome and never had a sin"
_NEVER_HAD_A_SIN = re.compile(r"\b(?:never had|never got|never applied for|n'a jamais eu|n'ont jamais eu|jamais eu|pas encore de|doesn'?t have|does not have|n'a pas de) "
                              r"(?:a |an |de |d'|son |his |her )?(?:sin|nas|social insurance number|numero d'assurance sociale)\b")


def never_had_a_sin(text: str) -> bool:
    return bool(_NEVER_HAD_A_SIN.search(fold(text)))


# ... or bare, the infinitive after it (folded text): "ou faire mon passeport a Rimouski", "where to go" (not
# French's "ou" as "or": "en ligne ou ben faut qu'il se deplace")
_WHERE_TO_DO_IT = re.compile(r"\b(?:where|o[uù]) (?:faire|aller|appliquer|deposer|porter|je (?:fais|vais)|on (?:fait|va)|to go)\b")


def asks_where_to_apply(text: str) -> bool:
    folded = fold(text)
    return bool(_WHERE_TO_APPLY.search(folded) or _WHERE_TO_DO_IT.search(folded))


_PHOTO_WORD = re.compile(r"\b(?:photos?|pics?|pictures?)\b")


def names_photos(text: str) -> bool:
    """Photos named, any ("where can i get passport pics in halifax"): their own topic's."""
    return bool(_PHOTO_WORD.search(fold(text)))


# An office's access asked (folded text): "est ce que le bureau de passeport de Laval est accessible en fauteuil
# roulant?", "is the passport office wheelchair accessible"
_OFFICE_ACCESS = re.compile(r"\b(?:accessible|accessibilite|accessibility|fauteuil roulant|wheelchair|accommodement|accommodation|"
                            r"mobility|a mobilite reduite|handicap\w*)\b")
_OFFICE = re.compile(r"\b(?:bureau|office|centre|center|service canada)\b")


def asks_office_access(text: str) -> bool:
    folded = fold(text)
    return bool(_OFFICE_ACCESS.search(folded) and _OFFICE.search(folded))


# The renewal's form named (folded text): "is the passport renewal form different in ontario"
_RENEWAL_FORM = re.compile(r"\b(?:passe?port )?renewal (?:form|application)s?\b|\bformulaires? de renouvellement\b")
# The simplified renewal named (folded text): "what is the simplified renewal, my cousin say it is easy way"
_SIMPLIFIED_RENEWAL = re.compile(r"\bsimplified (?:passport )?renewal\b|\brenouvellement (?:de passeport )?simplifie\b")


def names_renewal_form(text: str) -> bool:
    return bool(_RENEWAL_FORM.search(fold(text)))


def names_simplified_renewal(text: str) -> bool:
    return bool(_SIMPLIFIED_RENEWAL.search(fold(text)))


def asks_if_a_place_takes_applications(text: str) -> bool:
    return bool(_TAKES_APPLICATIONS.search(fold(text)))


# The income under which nothing is paid on a student loan (folded text): "whats the income limit where
# you dont pay student loans at all", "à partir de quel revenu on paye pu rien": the Repayment Assistance Plan
_INCOME_THRESHOLD = re.compile(
    r"\b(?:income (?:limit|threshold|cut-?off|level)|seuil de revenu|revenu (?:minimum|maximum|limite)|quel revenu)\b"
    r"|\b(?:earn|make|gagne|gagner)\w* (?:less|under|moins)\b[^.?!]{0,40}\b(?:pay nothing|(?:don'?t|not) (?:have to |need to )?pay|"
    r"pas besoin de payer|paye (?:pu|plus|pas) rien|paie (?:pu|plus|pas) rien|zero|0 ?\$)"
    # an income told as a sum, then paying nothing asked: "i make 28k a year, single no kids. would
    # i qualify to pay nothing on my student loan", "je gagne 25 000 $, je pourrais-tu payer 0 $?"
    r"|\b(?:earn|make|making|earning|income|salary|gagne|gagner|revenu|salaire)\w*\b[^?!]{0,25}?"
    r"\b(?:\d{2,3} ?k|\d{2}[ ,.]?\d{3}) ?\$?[^?!]{0,80}\b(?:pay nothing|paying nothing|pay (?:\$ ?0|0 ?\$|zero)\b|"
    r"(?:don'?t|not) (?:have to |need to )?pay (?:anything|a thing)|"
    r"payer? (?:rien|0 ?\$|zero)|rien (?:a )?payer|paie (?:pu|plus|pas) rien|paye (?:pu|plus|pas) rien)")


# EI's reports every two weeks, named (folded text): "do i have to do those reports every 2 weeks",
# "mes déclarations aux deux semaines": EI's (ei_apply.biweekly_reports), however the model reads them
_EI_REPORTS = re.compile(r"\b(?:(?:bi-?weekly|claimant) reports?|reports? (?:every|each) (?:2|two) weeks|"
                         r"declarations? (?:bimensuelles?|du prestataire|(?:aux|toutes les|a chaque) (?:2|deux) semaines))\b")


def names_ei_reports(text: str) -> bool:
    return bool(_EI_REPORTS.search(fold(text)))


def asks_income_threshold(text: str) -> bool:
    return bool(_INCOME_THRESHOLD.search(fold(text)))


def asks_what_nslsc_is(text: str) -> bool:
    folded = fold(text)
    return bool(_NSLSC.search(folded) and _WHAT_IS.search(folded))


# Stopping work to care for someone gravely ill (folded text): "mon père a un cancer pis je dois
# arrêter de travailler pour m'occuper de lui" is EI's caregiving benefits, however unsure the model
_CARES = re.compile(r"\b(?:m'occuper|m'en occuper|prendre soin|s'occuper|soigner|take care of|taking care of|care for|"
                    r"caring for|look after|looking after|rester (?:avec|aupres)|"
                    # "take time off to be with him", "être avec elle"
                    r"be (?:there )?(?:with|for) (?:him|her|them|my \w+)|etre (?:la )?(?:avec|pour) (?:lui|elle|eux|mon \w+|ma \w+))\b")
# The benefits named ("de l'argent du fédéral pour les proches aidants", "compassionate care"): with a
# person gravely ill, their answer whatever else the message says of work
_CAREGIVERS_NAMED = re.compile(r"\b(?:proches? aidants?|caregiv\w*|compassionate care|prestations? de compassion|"
                               r"compassion benefits?)\b")
_GRAVELY_ILL = re.compile(r"\b(?:cancer|malade|sick|ill|illness|dying|mourant\w*|palliati\w*|fin de vie|end of life|gravement|"
                          r"terminal|chimio\w*|chemo|stroke|avc|parkinson\w*|alzheimer\w*|dementia|demence|sclerose|sclerosis)\b")
_STOPS_WORK = re.compile(r"\b(?:work|working|job|travail|travailler|travaille|emploi|time off|off work|leave|quit|conge|"
                         r"arreter|lacher|stop)\b")


# Working for oneself, told (folded text): "self employed", "travailleur autonome", "à mon compte"
# ("and im an uber driver not an employee", "chauffeur uber"): the classifier's close call and EI's follow-ups
_SELF_EMPLOYED = re.compile(
    r"\b(?:self[- ]?employed|(?:my|our) own (?:business|company|boss)|own business|freelanc\w*|(?:independent )?contractor|"
    r"gig (?:work|worker|job)s?|uber(?: eats)? driver|(?:i )?drive for (?:uber|lyft|doordash|skip)|doordash\w*|skip ?the ?dishes|"
    r"instacart|lyft|travailleu(?:r|se)s? autonomes?|a (?:mon|son) (?:propre )?compte|pigiste|mon propre (?:boss|patron|entreprise)|"
    r"chauffeu(?:r|se) (?:uber|lyft)|not an employee|pas (?:un |une )?employee?)\b")


def says_self_employed(text: str) -> bool:
    return bool(_SELF_EMPLOYED.search(fold(text)))


# A family emergency told (folded text): "My father is dying in Punjab", "funérailles de mon père"
_FAMILY_EMERGENCY = re.compile(r"\b(?:dying|mourant\w*|funerals?|funerailles|enterrement|passed away|died|deces|decede\w*|"
                               r"fin de vie|end of life|palliati\w*|family emergency|urgence familiale)\b")


def family_emergency(text: str) -> bool:
    return bool(_FAMILY_EMERGENCY.search(fold(text)))


def stops_work_to_give_care(text: str) -> bool:
    folded = fold(text)
    return bool(_GRAVELY_ILL.search(folded) and (_CARES.search(folded) or _CAREGIVERS_NAMED.search(folded)) and (
        _STOPS_WORK.search(folded) or _CAREGIVERS_NAMED.search(folded))) and other_service_named(text) is None


def names_caregiver_benefits(text: str) -> bool:
    return bool(_CAREGIVERS_NAMED.search(fold(text)))


# The next payment asked for ("c quand la prochaine paye d'allocation", "when's the next deposit"):
# the payment dates, not applying
_NEXT_PAYMENT = re.compile(r"\b(?:prochaine?s?|next|upcoming|suivante?) (?:(?:child|benefit|ccb|ei|tax|canada|de|d'|l'|ma|mon|my|the)\s*){0,3}"
                           r"(?:paye|paie|paiements?|versements?|payments?|deposits?|"
                           r"depots?|cheques?|pay ?days?)\b|\b(?:payment|deposit|pay) dates?\b|\bdates? (?:de|des) (?:paiements?|versements?)\b"
                           # the next date bare: "c'est quand la prochaine date d'abord?" after a CCB payment not come
                           r"|\b(?:c'est quand|when is|quand est|when's) (?:la |the )?(?:prochaine|next) date\b")


# A payment that has not come, told (folded text): "its the 22nd and my child tax benefit still isnt in
# my account", "l'allocation est toujours pas rentrée"
_NOT_ARRIVED = re.compile(
    # "ccb is late again", "l'allocation est encore en retard"
    r"\b(?:ccb|child benefit|allocation|ace|payment|paiement|deposit|depot|versement)s? (?:is|are|est|sont|was|etait|still|encore)"
    r"(?: still| encore)? (?:late|en retard)\b|"
    # "well it hasnt come this month" after the CCB's dates
    r"\b(?:it|ccb|payment|money|deposit) (?:hasn'?t|hasnt|has not|didn'?t|didnt|did not|still hasn'?t) (?:come|arrived|shown up|come in|been deposited)\b|"
    # "i didnt get it tho" after when the CCB is paid
    r"^\W*(?:but |well |ya but |yeah but |mais |ben )?(?:i|we) (?:didn'?t|didnt|did not|haven'?t|havent|never) (?:get|got|receive|received) "
    r"(?:it|mine|ours|anything|the payment|my payment|a payment)(?: (?:tho|though|yet|this month|la|lol))?\W*$|"
    r"\b(?:still|yet|never) (?:isn'?t|is not|not|hasn'?t|has not|haven'?t|have not|didn'?t|did not|no)\b[^.?!]{0,25}"
    r"\b(?:in|into|arrived?|come|came|deposited|received|got|gotten|showed up|shown up|there)\b"
    r"|\b(?:toujours pas|pas encore|jamais)\b[^.?!]{0,20}\b(?:recu\w*|rentre\w*|arrive\w*|depose\w*|verse\w*|eu)\b"
    # the benefit not had for a while: "havent gotten my ccb for 2 months now"
    r"|\b(?:haven'?t|havent|have not|didn'?t|didnt|did not|never) (?:gotten|got|received|get|receive) (?:my |our |the |any )?"
    r"(?:ccb|payments?|money|deposits?|cheques?|benefits?)\b[^.?!]{0,15}\b(?:for|in|since|this month|yet)\b"
    # spoken without "ne": "l'allocation est pas rentrée ce mois-ci"
    r"|\b(?:est|sont|a|ont) pas (?:encore )?(?:rentre\w*|arrive\w*|entre\w*|depose\w*|verse\w*)\b"
    # nothing since a date or a move: "no ccb since we moved from quebec to ontario in feb"
    r"|\b(?:no|nothing|pas d'|pas de|plus d'|plus de|rien) ?(?:ccb|payments?|paiements?|money|argent|deposits?|depots?|ace|allocation)? ?since\b"
    r"|\b(?:pas|plus|rien) (?:eu|recu) (?:d'|de |d')?(?:ace|allocation|paiements?|argent|depots?)? ?depuis\b"
    # the month's payment not received: "on a pas reçu l'allocation pour enfants ce mois-ci", "we didn't get the ccb this month"
    r"|\b(?:pas|jamais) (?:recu|eu) (?:l'|la |le |notre |mon |ma |son |sa |leur )?(?:ace|allocation|paiement|versement|depot)\b[^.?!]{0,40}\b(?:ce mois|this month|cette fois)"
    r"|\b(?:didn'?t|did not|haven'?t|have not) (?:get|got|gotten|receive|received) (?:the |my |our )?(?:ccb|child benefit|payment|deposit)\b[^.?!]{0,25}\bthis month\b")


# Something awaited said late against the day it was due (folded text): "it was supposed to come the
# 20th, today is the 23rd", "ça devait rentrer le 20": a late payment or document told
_DUE_AND_LATE = re.compile(
    r"\b(?:was|were|is|are) (?:supposed|meant|due|scheduled) to (?:come|arrive|be (?:here|in|paid|deposited|sent|mailed))\b"
    r"|\b(?:devait|devaient|etait (?:cense|censee|suppose|supposee|prevu|prevue)) (?:d'|de )?(?:arriver|rentrer|entrer|etre (?:la|depose\w*|verse\w*|envoye\w*))\b")


def tells_it_is_late(text: str) -> bool:
    return bool(_DUE_AND_LATE.search(fold(text)))


# The fee taken and the passport not come (folded text): "ils ont encaissé mon paiement mais le
# passeport est pas arrivé, ça veut dire que c'est traité?": where the application is, not how to pay
_FEE_TAKEN = re.compile(r"\b(?:encaiss\w*|cashed|charged|debite\w*|preleve\w*|withdrawn|took (?:the|my) (?:money|payment|fee))\b")
# ... the passport not had yet: "they already took the money from my credit card but no passport yet"
_NO_PASSPORT_YET_HAD = re.compile(r"\b(?:no|still no|pas de|toujours pas de|pas encore de) (?:passe?ports?)(?: yet| encore)?\b")


_NOT_COME = re.compile(r"\b(?:pas|not|no|isn'?t|hasn'?t|haven'?t) (?:encore |yet |still )?(?:arrive\w*|recu|come|received|here)\b")


# ... or an application mailed, and nothing since (folded text): "mailed my application feb 3, cheque was
# cashed feb 19 and nothing since. is that normal"
_MAILED_APPLICATION = re.compile(r"\b(?:mailed|sent|posted|envoye|poste)\b[^.?!]{0,20}\b(?:application|demande|renewal|renouvellement|forms?|formulaires?)\b")
_NOTHING_SINCE = re.compile(r"\b(?:nothing since|nothing yet|no news|heard nothing|rien depuis|pas de nouvelles|aucune nouvelle|toujours rien)\b")


def fee_taken_passport_awaited(text: str) -> bool:
    folded = fold(text)
    if not _FEE_TAKEN.search(folded):
        return False
    return bool(_PASSPORT.search(folded) and (
        _NOT_ARRIVED.search(folded) or _NOT_COME.search(folded) or _NO_PASSPORT_YET_HAD.search(folded))) or bool(
        _MAILED_APPLICATION.search(folded) and _NOTHING_SINCE.search(folded))


# The benefits named, or the form's box (folded text): "j'ai coché la case pour les prestations quand
# j'ai enregistré la naissance" (not "how do i register my baby's birth in manitoba")
_BENEFITS = re.compile(r"\b(?:benefits?|prestations?|allocations?|ccb|ace|box|case|coche\w*|checked|ticked)\b")


def names_benefits(text: str) -> bool:
    return bool(_BENEFITS.search(fold(text)))


def payment_not_arrived(text: str) -> bool:
    """A payment expected and not come, told: the CCB's missing payment, not applying."""
    return bool(_NOT_ARRIVED.search(fold(text)))


# The birth's registration with the province named (folded text): "quand on a déclaré la naissance au
# Directeur de l'état civil", "when we registered her birth": where the CCB is applied for at birth
_BIRTH_REGISTERED = re.compile(r"\b(?:declar\w* (?:la |sa |leur )?naissance|declarations? de naissance|etat civil|"
                               r"regist\w* (?:the |his |her |my |our |their )?(?:baby'?s? |son'?s? |daughter'?s? )?births?|"
                               r"birth registration|enregistr\w* (?:la |sa )?naissance)\b")


def applies_at_birth_registration(text: str) -> bool:
    """The birth's registration named, and no payment asked after: applying for the CCB with it."""
    return bool(_BIRTH_REGISTERED.search(fold(text))) and not asks_next_payment(text)


# Renewing, said with nothing named to renew (folded text): "renewing from london uk, how does it work",
# "je renouvelle de là-bas"; not "renewing my lease" or "renouveler mon bail"
_RENEWING = re.compile(r"\b(?:renew\w*|renouvel\w*)\b")
_RENEWS_A_THING = re.compile(r"\b(?:renew\w*|renouvel\w*) (?:my|a|the|our|his|her|mon|ma|mes|notre|son|sa|le|la|les|un|une) "
                             r"(?!passe?ports?|pport)\w+")


def renews_from_abroad(text: str) -> bool:
    """Renewing from outside Canada (or the US), nothing else named: a passport's renewal."""
    from actions.situation import lives_abroad

    folded = fold(text)
    return bool(_RENEWING.search(folded)) and not _RENEWS_A_THING.search(folded) and lives_abroad(text) and (
        other_service_named(text) is None and not names_another_program(text))


def asks_next_payment(text: str) -> bool:
    """The next payment, or the payment dates, asked for; or when payments come in."""
    folded = fold(text)
    return bool(_NEXT_PAYMENT.search(folded) or _PAYMENTS_COME.search(folded))


# Eligibility said, not asked, then a question of how: "je suis admissible, je l'ai vérifié. comment
# je le fais en ligne?", "I have confirmed that I am eligible. How do I submit it?" (not "je suis
# admissible au renouvellement?", asked by its question mark).
_STATED_ELIGIBLE = re.compile(
    r"\b(?:i'?m|i am|je suis|chu|jsuis)\s+(?!(?:pas|not|plus|never|jamais)\b)(?:\w+\s+)?"
    r"(?:eligible|elligible|admissible|qualified)\b[^?]*?[.,;!]"
    r"[^?]*\b(?:how|comment|what|quoi|where|ou|which|quel|quelle)\b"
    # (told, not asked: "do i qualify for maternity benefits, ive worked 2 years. and how many weeks..." asks)
    r"|(?<!\bdo )(?<!\bwould )(?<!\bwill )(?<!\bcan )(?<!\bcould )(?<!\bif )(?<!\bwhether )"
    r"\bi (?:\w+\s+)?qualify\b[^?]*?[.,;!][^?]*\b(?:how|what|where|which)\b"
    # "ok sounds like i do. how do i apply", "je pense que oui, comment je fais la demande"
    r"|\b(?:sounds like|looks like|seems like|i think|i guess|guess|so) i (?:do|qualify|am)\b[^?]*?[.,;!][^?]*\b(?:how|what|where|which)\b"
    r"|\b(?:on dirait que oui|je pense que oui|je crois que oui|ca a l'air que oui)\b[^?]*?[.,;!][^?]*\b(?:comment|quoi|ou)\b"
    # "i think i have enough hours. how do i apply", "j'ai assez d'heures, comment je fais la demande"
    # (not denied: "they said i dont have enough hours")
    r"|(?<!\bdo )(?<!\bque )\b(?:i\s+|j'\s*|j)(?:(?!(?:dont|dnt|not|never|pas|plus|jamais)\b)\w+\s+){0,2}(?:have|ai|got)\s+(?:enough|assez d'|assez de|mes|my)\s*(?:insurable\s+)?(?:hours|heures)\b"
    r"[^?]*?[.,;!][^?]*\b(?:how|comment|what|quoi|where|ou)\b")


# Words of a complaint (folded text): without them, a message read as an unsure complaint after a
# situation the citizen told ("je dois appeler ou attendre?" after a late CCB, "il a été émis en
# 2012, c'était un 10 ans" after "can I renew?") is about that situation (bot/engine/context/
# follow_ups.py), and a job lost told ("lost my job at the plant, they closed the whole line") is
# EI's, not a complaint (bot/nlu/classifier.py)
COMPLAINS = re.compile(r"\b(?:complain\w*|plainte|plaindre|ridicul\w*|unacceptable|inacceptable|disgrace\w*|honte\w*|"
                       r"worst|pire|rude|impoli\w*|frustrat\w*|tann\w*|fed up|sick of|useless|incompetent\w*|"
                       r"n'importe quoi|joke|farce|scandal\w*)\b")


# A job lost, told (folded text): "lost my job at the plant", "j'ai perdu ma job": EI's, never a lost passport
_JOB_LOST = re.compile(r"\b(?:lost|lose|losing) (?:my|his|her|our|their|the) (?:\w+ )?(?:job|jobs|work|position|employment)\b"
                       r"|\b(?:perdu|perdre|perd|perds) (?:ma|mon|sa|son|notre|leur|la|le|les|mes) (?:\w+ )?(?:job|jobs|emploi|travail|poste|shift)\b"
                       # laid off: "i got laid off monday", "chu mis a pied", "on s'est fait mettre a pied"
                       r"|\b(?:laid off|got let go|mise?s? a pied|mettre a pied)\b"
                       # dismissed: "mon père a été licencié de chez Bombardier", "she was let go"
                       r"|\b(?:a ete|j'ai ete|jai ete|il a ete|elle a ete|ete) (?:licencie|licenciee|congedie|congediee|renvoye|renvoyee)\b"
                       r"|\b(?:was|got|been|were) (?:let go|fired|terminated|dismissed)\b")


# What one can do, asked (folded text): "si je perds mon emploi, je peux faire quoi?", "what are my options"
_OPTIONS_ASKED = re.compile(r"\b(?:je peux faire quoi|j'peux faire quoi|qu'est-ce que je peux faire|qu'est-ce (?:que|qu')on peut faire|"
                            r"(?:what|wat) (?:can|could) (?:i|we) do|what are (?:my|our) options|(?:mes|quelles sont mes) options)\b")


def asks_what_one_can_do(text: str) -> bool:
    return bool(_OPTIONS_ASKED.search(fold(text)))


def says_job_lost(text: str) -> bool:
    """A job lost is told, and no passport is named (which may be lost too)."""
    folded = fold(text)
    return bool(_JOB_LOST.search(folded)) and not _PASSPORT.search(folded)


# The time left to apply after work ended, asked (folded text): "how long after my last day do i
# have to apply", "j'ai jusqu'a quand apres ma derniere journee pour faire ma demande": EI's deadline
_AFTER_LAST_DAY = re.compile(r"\b(?:after|since|from|apres|depuis) (?:my|our|his|her|ma|mon|sa|son) "
                             r"(?:last (?:day|shift|pay ?cheque)|(?:derniere?) (?:journee|jour|shift|paye)|job ended|fin d'emploi)\b"
                             # "combien de temps j'ai pour demander le chomage apres avoir perdu ma job"
                             r"|\b(?:after|apres) (?:avoir perdu (?:ma|mon) (?:job|emploi|travail|poste)|losing (?:my|the) (?:job|work)|"
                             r"being (?:laid off|let go)|avoir ete mise? a pied|ma mise a pied|mon licenciement|my layoff)\b")
_TIME_LEFT = re.compile(r"\b(?:how long|how many (?:days|weeks)|until when|how much time|deadline|too late|combien de (?:temps|jours|semaines)|"
                        r"jusqu'a quand|delai|date limite|trop tard)\b")
_APPLYING = re.compile(r"\b(?:apply|applying|file|claim|sign up|appliquer|applique|faire (?:ma|la|une) demande|demander)\b")


def asks_time_to_apply_after_work(text: str) -> bool:
    folded = fold(text)
    return bool(_AFTER_LAST_DAY.search(folded) and _TIME_LEFT.search(folded) and _APPLYING.search(folded)
                and not _PASSPORT.search(folded))


# A stranger's reason to ask for the SIN that is bait (folded text): a prize, a contest, a lottery;
# "un site de concours me demande mon NAS pour réclamer mon prix": protecting it, not getting one
_SIN_BAIT = re.compile(r"\b(?:contests?|concours|giveaways?|lotter(?:y|ies)|loteries?|tirages?|sweepstakes?|prizes?|winnings|"
                       r"gagne (?:un|une|le|la|des)|won (?:a|an|the)|(?:mon|son|ton|votre) prix|(?:my|the) prize)\b")


_GETS_A_SIN = re.compile(r"\b(?:how (?:do|can|would) (?:i|we) (?:apply|get)|comment (?:obtenir|avoir|demander|faire (?:une|la|ma) demande))\b")


# A SIN asked for a baby or a child, with nothing about protecting one ("nas pour mon bebe c tu utile"):
# getting one for the child
_PROTECTING = re.compile(r"\b(?:scams?|fraud\w*|arnaque\w*|vol|vole\w*|stolen|stole|steal|protect\w*|proteg\w*|share|sharing|partag\w*|donner|give|giving|"
                         r"leak\w*|breach|hack\w*|fuite|piratage|securit\w*|safe|lost|perdu\w*|asks? (?:for|me)|demande (?:mon|son|le))\b")


_CHILD_WORD = re.compile(r"\b(?:bebes?|baby|babies|newborns?|nouveau-nes?|enfants?|child|children|kids?|fils|filles?|sons?|daughters?|"
                         r"ti-culs?|flos?|petite?s?)\b")


def sin_for_a_child(text: str) -> bool:
    """(a child named as such: "si j'ai travaillé juste 2 mois" is no child's age)"""
    folded = fold(text)
    return bool(_SIN_NAMED.search(folded) and _CHILD_WORD.search(folded) and not _PROTECTING.search(folded))


# A newcomer or a foreign student told (folded text): "new in canada need sin number", "étudiant
# étranger NAS possible?"
_NEWCOMER_OR_FOREIGN_STUDENT = re.compile(
    _NEWCOMER_TOLD.pattern + r"|\b(?:international|foreign|intl) students?\b|\betudiants? (?:etrangers?|internationa\w*)\b")


def sin_for_a_newcomer(text: str) -> bool:
    """A SIN named, for a newcomer or a foreign student told, with nothing of protecting it."""
    folded = fold(text)
    return bool(_SIN_NAMED.search(folded) and _NEWCOMER_OR_FOREIGN_STUDENT.search(folded) and not _PROTECTING.search(folded))


# A lower fee for older people asked (folded text): "is there a seniors discount", "y a-tu un rabais
# pour les aînés?", "do retired people pay less for a passport"
_AGE_DISCOUNT = re.compile(
    r"\b(?:seniors?'?|senior citizens?|aines?|personnes? agees?|gens ages|retraitee?s?|retired|pensioners?|"
    r"(?:old|older|elderly) (?:people|folks|persons?))\b[^.?!]{0,30}\b(?:discounts?|rabais|reduc\w*|reduit\w*|cheaper|less|moins|"
    r"rates?|tarifs?|free|gratuit\w*|special price|prix special)\b"
    r"|\b(?:discounts?|rabais|reduction|tarifs? reduits?|reduced (?:fee|price|rate)s?|special (?:price|rate))\b[^.?!]{0,20}\b"
    r"(?:for|pour|aux) (?:les |the )?(?:seniors?|aines|personnes agees|retraites|retired|pensioners|older people|elderly)\b")


def asks_age_discount(text: str) -> bool:
    return bool(_AGE_DISCOUNT.search(fold(text)))


def sin_asked_as_bait(text: str) -> bool:
    """The SIN asked for with a prize, a contest or a lottery, and no application asked about."""
    folded = fold(text)
    return bool(_SIN_NAMED.search(folded) and _SIN_BAIT.search(folded)) and not _GETS_A_SIN.search(folded)


# Someone who may or may not ask for the SIN (folded text): "can my new employer ask for my SIN before
# my first day", "mon proprio peut-tu exiger mon NAS?": who may ask for it (sin_protect.who_can_ask)
_ASKER = (r"(?:employer|boss|manager|landlord|bank|school|store|company|doctor|clinic|insurer|employeur|patron|gerant|"
          r"client|clients|cliente|customer|"  # a freelancer's client: "un client m'a demandé mon NAS pour me payer comme pigiste"
          r"proprio|proprietaire|banque|ecole|magasin|compagnie|clinique|assureur|medecin|concessionnaire|dealership|"
          # a child's camp or club: "le camp de jour de mon fils demande son numéro d'assurance sociale"
          r"camp|camp de jour|day camp|daycare|garderie|club|ligue|league|gym|organisme|"
          # a parent's residence: "la residence privee de mon pere demande son NAS pour l'inscrire"
          r"residence|residence privee|rpa|chsld|care home|nursing home|retirement home|maison de retraite|"
          # a gig worker's app: "l'app de livraison pour qui je fais des courses me demande mon NAS, c'est normal?"
          r"app|appli|plateforme|platform|uber|doordash|skip the dishes|skipthedishes|instacart)")
# Applying or how to, named (folded text): "can he apply himself", "je peux le faire en ligne"
_APPLIES = re.compile(r"\b(?:apply|applying|application|get one|get a new|(?:faire|fait|fais) (?:la |une |ma |sa |leur )?demande|"
                      r"en ligne|online|in person|en personne)\b")
# (asked whether they may: "L'employeur me demande un NAS", told, is the writer's reason to apply)
_ASKS_FOR_THE_SIN = re.compile(
    r"\b(?:can|could|may|should|is|are|does|do|why|how come|allowed|right|legal|peut|peuvent|pourrait|pourquoi|droit|est-ce que|est-ce qu'|normal)\b"
    rf"[^.?!]{{0,25}}\b{_ASKER}s?\b[^.?!]{{0,30}}\b(?:ask|asks|asking|request|requests|require|requires|demander|demande|demandent|exiger|exige|"
    r"exigent|veut|veulent|want|wants)\b[^.?!]{0,20}\b(?:sin|nas|social insurance|assurance sociale)\b"
    # whether giving it to them is safe: "c safe de donner mon nas a ma banque quand j'ouvre un CELI?"
    r"|\b(?:safe|ok|okay|correct|securitaire|prudent|normal|smart)\b[^.?!]{0,15}\b(?:give|giving|share|sharing|donner|fournir|partager)\b "
    rf"(?:out )?(?:my |mon |le |the |ma )?(?:sin|nas|social insurance number|numero d'assurance sociale)\b[^.?!]{{0,15}}\b{_ASKER}s?\b"
    # the asker told first, whether it is normal after: "ma banque me demande mon NAS pour ouvrir un CELI c normal?"
    rf"|\b{_ASKER}s?\b[^.?!]{{0,50}}\b(?:me |m')?(?:a |ont )?(?:demande|demandent|asks?|asking|asked|wants?|veut|veulent|exige|exigent)\b "
    # (someone's: "the daycare is asking for my baby's SIN on the registration form, is that normal?")
    # (or asked, then whether it is normal: "the hockey league registration form asks for my kids SIN?? is that normal")
    r"(?:for )?(?:my |mon |le |the |ma |son |sa |his |her |leur |their )?(?:\w+'?s )?(?:sin|nas|social insurance number|numero d'assurance sociale)\b(?:[^?!]{0,70}|[?!]+[^?!]{0,25})"
    r"\b(?:normal|legit|legitime|ok|okay|correct|legal|safe|securitaire|allowed|permis|(?:ont|a|have|has)(?:[- ](?:ils|elles|t-il|t-elle))? (?:le |the )?(?:droit|right))\b")


# Whether a child needs a SIN, asked (folded text): "faut tu un NAS pour mon bébé? la banque en
# demande un pour ouvrir le REEE", "does my 2 year old need a sin": getting one for the child
_CHILD_NEEDS_A_SIN = re.compile(
    rf"\b(?:faut|faut-tu|faut-il|besoin d'un|need|needs|have to get|has to get|ca prend(?:[- ]tu|[- ]il)?)\b[^.?!]{{0,15}}\b(?:nas|sin|numero d'assurance sociale|"
    rf"social insurance number)\b[^.?!]{{0,6}}\b(?:pour|for) (?:mon|ma|mes|notre|nos|my|our) (?:\w+ )?{_KIN}\b"
    rf"|\b(?:my|our|mon|ma|notre) (?:\d{{1,2}} ?(?:year|yr|month|mois|an)s?[- ]old |\w+ )?{_KIN}\b[^.?!]{{0,15}}\b(?:need|needs|besoin d'un|doit avoir)"
    rf"[^.?!]{{0,6}}\b(?:nas|sin|social insurance number)\b"
    # how to get one for the child: "comment avoir un NAS pour mon bebe? la banque en a besoin pour ouvrir son REEE"
    rf"|\b(?:avoir|obtenir|demander|get|getting|apply for)\b (?:un |une |a |le |la )?(?:nas|sin|numero d'assurance sociale|"
    rf"social insurance number)\b[^.?!]{{0,6}}\b(?:pour|for) (?:mon|ma|mes|notre|nos|my|our) (?:\w+ )?{_KIN}\b")


# The writer's own record of employment named (folded text): "mon releve d'emploi a une erreur", "my roe is wrong"
ROE_WORDS = r"(?:releves? d'emploi|records? of employment|roe)"  # also topic_rules.ROE_NAMED's
# (or its French initials: "mon boss dit qu'il a envoyé mon RE électroniquement")
_OWN_ROE = re.compile(rf"\b(?:mon|ma|mes|my|our|notre) (?:\w+ )?{ROE_WORDS}\b|\b(?:mon|son|ton|votre) re\b")


def names_own_roe(text: str) -> bool:
    return bool(_OWN_ROE.search(fold(text)))


def child_needs_a_sin(text: str) -> bool:
    return bool(_CHILD_NEEDS_A_SIN.search(fold(text)))


# Whether the writer may get a SIN at all (folded text): "j'ai-tu droit à un NAS?", "am i eligible
# for a sin as an international student", "suis-je admissible au NAS". Not the right to ask for
# one ("mon proprio a-tu le droit de demander mon NAS": who may ask).
_ENTITLED_TO_A_SIN = re.compile(
    r"\b(?:droit|admissible|eligible) (?:a|au) (?:un |une |mon |le )?(?:nas|numero d'assurance sociale)\b"
    r"|\b(?:eligible|entitled|qualify|qualified) (?:for|to) (?:get )?(?:a |an |my )?(?:sin|social insurance number)\b"
    r"|\b(?:allowed|able) to get (?:a |an )?(?:sin|social insurance number)\b")


def asks_if_entitled_to_a_sin(text: str) -> bool:
    return bool(_ENTITLED_TO_A_SIN.search(fold(text)))


# How to get a SIN, asked in so many words (folded text): "how do i get a SIN number, just landed on
# working holiday visa", "comment avoir un NAS"
_HOW_TO_GET_A_SIN = re.compile(
    r"\bhow (?:do|can|would|should|does) (?:i|we|he|she|they|my \w+) (?:get|apply for|obtain|request) (?:a |an |my |his |her |their |our )?"
    r"(?:sin|social insurance number)(?: number)?\b"
    r"|\bcomment (?:avoir|obtenir|demander|faire (?:une |la )?demande (?:de |d'|pour )?)(?:un |mon |son |le )?(?:nas|numero d'assurance sociale)\b")


def asks_how_to_get_a_sin(text: str) -> bool:
    return bool(_HOW_TO_GET_A_SIN.search(fold(text)))


# A SIN said to be needed, then how to get it asked (folded text): "mon patron dit il faut numéro assurance
# sociale. comment faire svp", "my boss says i need a sin, how do i get one"
_SIN_NEEDED_HOW = re.compile(
    r"\b(?:il faut|faut|need|needs|besoin d'un|besoin du|besoin de mon|requires?|demande)\b[^.?!]{0,10}\b(?:un |mon |le |a |my |an )?"
    r"(?:nas|sin|numero (?:d')?assurance sociale|social insurance number)\b[^?!]{0,6}"
    r"\b(?:comment (?:faire|je fais|on fait|l'avoir|en avoir un|je l'obtiens)|how (?:do|can) i (?:get|apply for) (?:it|one|that))\b")


def sin_needed_how_to_get(text: str) -> bool:
    return bool(_SIN_NEEDED_HOW.search(fold(text)))


def asks_to_apply(text: str) -> bool:
    """Applying asked about or named: "j'ai combien de temps pour faire ma demande", "can he apply himself"."""
    return bool(_APPLIES.search(fold(text)))


def asks_who_may_ask_for_the_sin(text: str) -> bool:
    """Whether an employer, a landlord, a bank... may ask for the SIN, and no application asked about."""
    folded = fold(text)
    return bool(_ASKS_FOR_THE_SIN.search(folded)) and not (_GETS_A_SIN.search(folded) or _APPLIES.search(folded))


# The proof of a trip asked about (folded text): "what documents do i need to prove the travel",
# "c'est quoi la preuve de voyage": the urgent service's proof of travel
_PROOF_OF_TRAVEL = re.compile(
    r"\bprove (?:the |my |our |that (?:i'?m |we'?re |i am |we are )?)?(?:travel\w*|trip|flight|flying|leaving)\b"
    r"|\bproofs? of (?:the |my |our )?(?:travel|trip|flight)\b"
    r"|\bpreuves? (?:de |du |d')(?:mon |notre )?(?:voyage|vol|depart|billet)\b"
    r"|\bprouver (?:le |mon |notre |que (?:je|on) )(?:voyage|vol|pars|part)\b")


def asks_proof_of_travel(text: str) -> bool:
    return bool(_PROOF_OF_TRAVEL.search(fold(text)))


# How long a passport guarantor must have known the applicant (folded text): "mon repondant doit il
# me connaitre depuis combien d'annees?", "how long does my guarantor need to know me"
_GUARANTOR_KNOWN = re.compile(
    r"\b(?:guarantors?|garants?|repondants?|references?)\b[^.?!]{0,40}\b(?:know|known|knew|connai\w*|connu\w*)\b"
    r"|\b(?:know|known|connai\w*|connu\w*)\b[^.?!]{0,30}\b(?:guarantors?|garants?|repondants?)\b")


def asks_how_long_guarantor_known(text: str) -> bool:
    return bool(_GUARANTOR_KNOWN.search(fold(text)))


# Who may be one's guarantor (folded text): "c qui qui peut etre mon répondant? mon beau-frere y'est
# policier", "can my cousin be my guarantor" (not a lease's or a loan's, nor a sponsor's)
_WHO_GUARANTOR = re.compile(
    r"\b(?:who|qui|can|could|peut|peux|est-ce)\b[^.?!]{0,30}\b(?:be|etre|servir de|signer comme)\b[^.?!]{0,15}"
    r"\b(?:guarantors?|guarentors?|garantors?|guaranters?|garants?|repondants?)\b"
    # what one is: "c quoi un repondant", "what's a guarantor for a passport"
    r"|\b(?:c quoi|c'est quoi|cest quoi|qu'est-ce qu'|what is|whats|what's|what are)\b[^.?!]{0,4}\b(?:un |a |an |le |the )?"
    r"(?:guarantors?|guarentors?|garants?|repondants?)\b"
    # who it is: "c'est qui le repondant? son parrain est policier ca marche?"
    r"|\b(?:c'est qui|c qui|cest qui|qui est|who'?s|who is)\b (?:le |la |the |mon |ma |my |son |sa |his |her )?"
    r"(?:guarantors?|guarentors?|garants?|repondants?)\b"
    # the guarantor named first: "mon repondant peut tu etre mon beau frere", "can my guarantor be my boss"
    r"|\b(?:my|mon|mes) (?:guarantors?|guarentors?|garants?|repondants?)\b[^.?!]{0,10}\b(?:can|could|peut|peux|peuvent)(?:[- ]tu|[- ]il|[- ]elle)?\b"
    r"[^.?!]{0,6}\b(?:be|etre)\b"
    # whether references may be family: "references cant be family??", "mes références peuvent-tu être de ma famille"
    r"|\b(?:references?|refrences?|referances?)\b[^.?!]{0,20}\b(?:be|etre)\b[^.?!]{0,15}\b(?:family|relatives?|related|famille|parents?|parente|"
    r"cousins?|cousines?|brothers?|sisters?|siblings?|freres?|soeurs?|uncles?|aunts?|oncles?|tantes?|in-laws?)\b"
    # "can my references be my cousins?": the question first
    r"|\b(?:can|could|peuvent|peut)(?:[- ]tu|[- ]ils|[- ]elles)? (?:my|mes|mon|ma) (?:references?|refrences?|referances?|guarantors?|garants?|repondants?)\b[^.?!]{0,6}\b(?:be|etre)\b")
# (a child's godfather is a person: "c'est qui le repondant? son parrain est policier ca marche?")
_NOT_A_PASSPORTS_GUARANTOR = re.compile(r"\b(?:bail|lease|loans?|prets?|(?<!son )(?<!sa )parrain\w*|sponsor\w*|appart\w*|apartment|logement|rent|loyer|"
                                        r"credit|hypotheque|mortgage|car|auto|char|immigration)\b")


def asks_who_may_be_guarantor(text: str) -> bool:
    folded = fold(text)
    return bool(_WHO_GUARANTOR.search(folded)) and not _NOT_A_PASSPORTS_GUARANTOR.search(folded)


# Someone other than the writer whose passport it could be (folded text): a child, a grandchild,
# or a third person ("his passport", "sa grand-mère ... elle a son passeport")
_ANOTHER_APPLICANT = re.compile(rf"\b(?:{_KIN}s?|{_GRANDCHILD}|"
                                r"his|her|their|he|she|they|son|sa|ses|leur|leurs|il|elle|lui)\b")


# The guarantor named first, then someone proposed (folded text): "le garant pour le passeport peut
# tu etre mon beau frere", "can the guarantor be my boss"
_GUARANTOR_PROPOSED = re.compile(r"\b(?:my|mon|mes|le|the) (?:guarantors?|guarentors?|garants?|repondants?)\b[^.?!]{0,25}"
                                 r"\b(?:can|could|peut|peux|peuvent)(?:[- ]tu|[- ]il|[- ]elle)?\b[^.?!]{0,6}\b(?:be|etre)\b")


# A passport form named by its number (folded text): "pptc 054", "PPTC-153", "formulaire 054"
_FORM_NUMBER = re.compile(r"\bpptc[\s-]?(\d{3})\b|\b(?:formulaire|form)\s+(?:no\.?\s*|#\s*)?(\d{3})\b")


def form_named(text: str) -> Optional[Dict[str, str]]:
    """The passport form the message names by number, with its topic and the entry that answers
    about it (content/passport_forms.yml); None when it names none we know."""
    from actions.content import load

    found = _FORM_NUMBER.search(fold(text))
    if found is None:
        return None
    number = found.group(1) or found.group(2)
    return next(({"topic": str(form["topic"]), "entry": str(form["entry"])}
                 for form in load("passport_forms")["forms"] if str(form["number"]) == number), None)


# An adult's first passport or a renewal, said in words beside a form's number (folded text): "I am 58
# and applying for my very first passport. Is it form PPTC 155?", "le formulaire pour renouveler, le PPTC 153?"
_FIRST_PASSPORT_SAID = re.compile(r"\b(?:(?:very )?first|1st|premier|1er) (?:adult )?(?:passe?port|passeport adulte)\b|\bfirst time (?:getting|applying)\b"
                                  r"|\b(?:never had|jamais eu) (?:a |de |un )?passe?port\b")
_RENEWAL_SAID = re.compile(r"\b(?:renew\w*|renouvel\w*)\b")
_KIN_NAMED = re.compile(rf"\b(?:my|our|mon|ma|mes|notre|nos) (?:\w+ )?{_KIN}(?:'s|s)?\b")


def passport_kind_said(text: str) -> Optional[str]:
    """The adult passport application the message says in words, whatever form number it names:
    "passport_apply_adult" (a first one), "passport_renew" (a renewal), or None (neither, both, or a child's)."""
    folded = fold(text)
    if names_a_child(text) or _KIN_NAMED.search(folded):
        return None  # ("is the pptc 155 the right form for my son's renewal": a child's, never renewed)
    first, renewal = bool(_FIRST_PASSPORT_SAID.search(folded)), bool(_RENEWAL_SAID.search(folded))
    return "passport_apply_adult" if first and not renewal else "passport_renew" if renewal and not first else None


def guarantor_proposed_for_oneself(text: str) -> bool:
    """Someone proposed as a guarantor, and nobody else named whose passport it could be: "le
    garant pour le passeport peut tu etre mon beau frere" (not "can my sons teacher be the
    guarantor on his passport app")."""
    folded = fold(text)
    return bool(asks_who_may_be_guarantor(text) or _GUARANTOR_PROPOSED.search(folded)) and not _NOT_A_PASSPORTS_GUARANTOR.search(
        folded) and not names_children(text) and not _ANOTHER_APPLICANT.search(folded)


# A passport office named (folded text): "y a-tu un bureau des passeports à Gatineau", "is there a
# passport office in Kelowna"
_PASSPORT_OFFICE = re.compile(r"\b(?:passe?ports? offices?|bureaux? (?:des |de |du )?passe?ports?|"
                              # which offices do a passport's service: "quels bureaux font le ramassage du passeport dans la région de québec"
                              r"(?:quels|which) (?:bureaux|offices|centres|centers)\b[^.?!]{0,30}\bpasse?ports?)\b")


def names_passport_office(text: str) -> bool:
    return bool(_PASSPORT_OFFICE.search(fold(text)))


# Opening days or hours asked (folded text): "is the passport office in ottawa open on saturday",
# "le bureau de passeport de québec est-tu ouvert le samedi"; not an emergency's weekend service
_OPENING = re.compile(r"\b(?:open|opens|opened|ouverts?|ouvre|closed|fermes?|opening hours|hours|heures d'ouverture|horaires?)\b")
_EMERGENCY = re.compile(r"\b(?:emergenc\w*|urgen\w*|express|funerals?|funerailles|deces)\b")


def asks_passport_office_hours(text: str) -> bool:
    folded = fold(text)
    return bool(_PASSPORT_OFFICE.search(folded) and _OPENING.search(folded) and not _EMERGENCY.search(folded))


# Passport photos named (folded text): "does costco do passport photos that are ok for canada",
# "les photos de passeport au Jean Coutu"
_PASSPORT_PHOTOS = re.compile(r"\b(?:passe?port (?:photos?|pictures?|pics?|headshots?)|photos? (?:de |du |pour (?:le |mon |ma |un )?)?passe?ports?)\b")


# Which document proves citizenship, asked (folded text): "quel document pour prouver ma citoyennete"
_PROOF_ASKED = re.compile(r"\b(?:prouver (?:ma|sa|notre|leur) citoyennete|preuves? de (?:ma |sa )?citoyennete|"
                          r"prove (?:my|his|her|our|their) (?:canadian )?citizenship|proof of (?:canadian )?citizenship)\b")


# ... or a birth certificate at hand asked whether it will do: "my birth certificate is the small
# wallet size one from saskatchewan from the 80s, is it good enough for a passport"
_CERTIFICATE_WILL_DO = re.compile(r"\b(?:birth certificate|certificat de naissance|acte de naissance)\b[^?!]{0,80}\b(?:good enough|ok|okay|accepted|"
                                  r"acceptable|valid|work|does|fine|enough|correct|accepte\w*|bon|valide|marche|suffit|suffisant|fait l'affaire)\b")


# ... or named for a first passport: "né au qc, acte de naissance pour 1er passeport?"
_CERTIFICATE_FOR_FIRST = re.compile(r"\b(?:birth certificate|certificat de naissance|acte de naissance)\b[^.?!]{0,20}\b(?:for|pour) "
                                    r"(?:my |mon |ma |a |un |le |the )?(?:1st|first|1er|premier|premiere) passe?port")


def asks_proof_of_citizenship(text: str) -> bool:
    folded = fold(text)
    return bool(_PROOF_ASKED.search(folded) or _CERTIFICATE_FOR_FIRST.search(folded)
                or (_CERTIFICATE_WILL_DO.search(folded) and _PASSPORT.search(folded)))


def names_passport_photos(text: str) -> bool:
    return bool(_PASSPORT_PHOTOS.search(fold(text)))


# The application sent or handed in, named (folded text): where photos go with it is where to apply
_APPLICATION_WORDS = re.compile(r"\b(?:send|sent|mail|mailed|submit\w*|application|apply\w*|forms?|envoi\w*|envoy\w*|poste|"
                                r"demande|formulaires?|applique\w*|depose\w*)\b")


def asks_where_photos_are_taken(text: str) -> bool:
    """Passport photos named and no application: "where can i get passport pics done in winnipeg,
    does costco do them" asks where photos are taken, not where to apply."""
    folded = fold(text)
    return bool(_PASSPORT_PHOTOS.search(folded) and not _APPLICATION_WORDS.search(folded))


_WHERE = re.compile(r"\b(?:where|wheres|o[uù])\b")


def asks_where(text: str) -> bool:
    return bool(_WHERE.search(fold(text)))


# One's own photo taken at home, asked about (folded text): "est ce que je peux prendre ma photo moi
# même avec mon cell pis l'imprimer", "can i take the pics myself with my phone"
_OWN_PHOTO = re.compile(r"\b(?:prendre|faire|take|taking|do) (?:ma|mes|la|les|sa|ses|my|our|his|her|the) (?:propres? )?"
                        r"(?:photos?|pics?|pictures?|selfies?)(?: \w+)? (?:moi[- ]meme|toi[- ]meme|nous[- ]memes|myself|ourselves|"
                        r"a la maison|chez nous|at home|(?:avec|with) (?:mon|ma|my|a) (?:cell|cellulaire|telephone|tel|phone|iphone|camera))\b")


def takes_own_photo(text: str) -> bool:
    return bool(_OWN_PHOTO.search(fold(text)))


def says_not_lost(text: str) -> bool:
    """The passport is said not to be lost or stolen, and nothing else says it is ("just
    expired, not lost or anything")."""
    folded = fold(text)
    return bool(_NOT_LOST.search(folded)) and not _LOST_OR_STOLEN.search(_NOT_LOST.sub(" ", folded))


# Whether one may renew, asked: "je suis elligible au renouvellement?", "am I allowed to use
# the simplified renewal", "is a 5 year passport ok for renewal" (told, not asked, is _STATED_ELIGIBLE: how to renew).
_ASKS_ELIGIBLE = re.compile(
    # (as thumbs type it too: "am i elligble 4 renewal")
    r"\b(?:eligible|elligible|eligable|elligble|eligble|elegible|admissible|qualify|qualifies|allowed|droit)\b[^.?!]{0,40}\b(?:renew\w*|renouvel\w*|simplifi\w*)"
    r"|\b(?:renew\w*|renouvel\w*)\b[^.?!]{0,30}\b(?:eligib\w*|elligib\w*|admissib\w*)"
    # "il peut-tu faire le renouvellement simplifié?", "can she do the simplified renewal"
    r"|\b(?:peut|peux|puis|peuvent|pourrait|can|could|may)\b[^.?!]{0,12}\b(?:faire|do|get) (?:le |la |un |the |a )?"
    r"(?:renouvellement simplifi\w*|simplified renewal|renewal simplifi\w*)"
    # "so can i renew it the simple way?"
    r"|\b(?:can|could|may) (?:i|we|she|he|they) (?:still |just )?renew (?:it |mine |hers |his )?(?:the )?(?:simple|easy|simplified|short|quick) way\b"
    # "is a 5 year passport ok for renewal or is it only the 10 year ones"
    r"|\b(?:ok|okay|good|accepted|acceptable|bon|correct)\b (?:for|to|pour(?: le| un)?|au) (?:a |the )?(?:renew\w*|renouvel\w*)"
    # (and after a question mark: "can u renew if ur current one is a 5 year passport? or only the 10 year ones")
    # ("can i renew if my passport was only a 5 year one? or is renewal just for 10 yr")
    r"|\b(?:renew\w*|renouvel\w*)\b[^.?!]{0,45}(?:\?\s*(?:or|ou)\s+)?\b(?:only|seulement|juste) (?:the |for |les |le |pour les |a |an |un |une )?"
    r"(?:5|10|five|ten|cinq|dix)[- ]?(?:years?|yrs?|ans)")
_ONLINE = re.compile(r"\b(?:online|on line|en ligne)\b")
# Still renewing, or a new application, asked as the choice (folded text): "May I still renew it by
# mail or must I start over?", "je peux-tu encore le renouveler ou je dois recommencer a zero"
_STILL_RENEW_OR_NEW = re.compile(
    r"\b(?:can|could|may) (?:i|we|she|he|they) still renew\w*\b[^.?!]{0,40}\bor (?:must|do|should|have to|need to|will) (?:i|we|she|he|they)\b"
    r"[^.?!]{0,25}\b(?:start over|start again|start from scratch|apply (?:for )?(?:a )?(?:new|first)|new application|first passport)"
    r"|\b(?:peux|peut|puis|pourrais)(?:-je|-tu|-t-il|-t-elle| tu| je)? (?:encore|toujours) (?:le |la )?renouvel\w*\b[^.?!]{0,40}\bou\b"
    r"[^.?!]{0,25}\b(?:recommencer|a zero|nouvelle demande|premiere demande|repartir)"
    # "je peux renouveler mon passeport ou il faut une nouvelle demande?", "can i renew it or do i
    # need a new application"
    r"|\b(?:je peux|je pourrais|puis-je|peux-tu|can i|could i|may i)\b[^.?!]{0,12}\b(?:renew\w*|renouvel\w*|faire (?:le|un) renouvel\w*)\b[^.?!]{0,30}"
    r"\b(?:ou|or)\b[^.?!]{0,30}\b(?:une nouvelle demande|un nouveau passeport|new application|apply (?:for )?(?:a )?new)\b")
# The online renewal named (folded text): "renew it online", "la renouveler en ligne", "online renewal"
# (or "sur internet": "est-ce que je peux renouveler SUR INTERNET oui ou non")
_ONLINE_RENEWAL = re.compile(r"\b(?:renew\w*|renouvel\w*)\b[^.?!]{0,25}\b(?:online|on line|en ligne|sur internet|par internet|on the internet|over the internet)\b"
                             r"|\b(?:online|on line)\s+(?:passport\s+)?renew\w*")
# Told or supposed not eligible (folded text): "ça m'a dit que je suis pas admissible", "if i'm not eligible"
NOT_ELIGIBLE = re.compile(r"\b(?:(?:not|pas|isn't|aren't|am not|never|non|plus|no longer)\s+(?:\w+\s+)?(?:eligible|elligible|admissible|allowed)"
                          r"|inadmissible|ineligible)\b")
_ASKS_HOW = re.compile(r"\bhow (?:do|can|to|does)\b|\bcomment\b|\bje fais quoi\b|\bwhat do i do\b")


def waited_past_the_standard(text: str) -> bool:
    """The citizen applied longer ago than the mail service standard ("ça fait 25 jours ouvrables
    pis rien, c'est normal?", "applied 6 weeks ago"): where the application is, not how long
    applications take (every such question of the development sets past 4 weeks was filed under
    status; at 3 weeks, under processing times)."""
    from actions.content import load
    from actions.situation import waited_business_days

    if _ASKS_HOW_LONG.search(fold(text)):
        return False  # "applied 5 weeks ago, how long does it normally take?": still the times
    waited = waited_business_days(text)
    return waited is not None and waited >= int(load("passport_processing")["business_days"]["mail_canada"])


_ASKS_HOW_LONG = re.compile(r"\bhow long\b|\bcombien de (?:temps|jours|semaines)\b|\b(?:ca|ça) prend combien\b|\bdelais?\b"
                            r"|\bsupposed to take\b|\bnormally take\b"
                            # "how much time to make passport for new citizen first time?"
                            r"|\bhow much time (?:to|does it take|it takes?|will it take|for)\b"
                            # "si je depose ma demande a un centre service canada a sherbrooke c'est tu long?"
                            # (asked: "ça fait 6 semaines, c'est long" tells a wait, its status)
                            r"|\b(?:c'est|cest|c|ca|ça)[- ]?(?:tu|-tu|t'y|ti) (?:ben |tres |trop )?long\b|\best-ce que c'est long\b"
                            # "c'est long comment avant de l'avoir?"
                            r"|\b(?:c'est|cest|c|ca|ça) long comment\b"
                            r"|\b(?:ca|ça) (?:prend|va prendre)[- ]?(?:tu|-tu) (?:du|beaucoup de|ben du) temps\b"
                            # "ca prend tu encore des mois comme en 2022 pour avoir un passeport??"
                            r"|\b(?:ca|ça) prend[- ]?(?:tu|-tu) (?:encore |toujours )?des (?:mois|semaines)\b")


# A Government of Canada office abroad named (folded text): "il fait sa demande à l'ambassade à mexico"
_OFFICE_ABROAD = re.compile(r"\b(?:ambassades?|consulats?|embass(?:y|ies)|consulates?|haut-commissariat|high commission)\b")


def names_an_office_abroad(text: str) -> bool:
    return bool(_OFFICE_ABROAD.search(fold(text)))


def asks_how_long(text: str) -> bool:
    """How long something takes, asked ("ça prend combien de temps", "how long", "c'est tu long")."""
    return bool(_ASKS_HOW_LONG.search(fold(text)))


def online_renewal_asked(text: str) -> bool:
    """The online renewal named, and nothing told that decides a simplified renewal: "can i do the
    renewal online now or is that not a thing yet", "le renouvellement en ligne me dit que je suis
    pas admissible": the online renewal's own conditions (passport_renew.online), not the check."""
    from actions.situation import renewal_situation

    folded = fold(text)
    # (whether one may, asked and not told refused, is the check's: "am i eligible to renew online?")
    return bool(_ONLINE_RENEWAL.search(folded)) and not renewal_situation(text) and not (
        _ASKS_ELIGIBLE.search(folded) and not NOT_ELIGIBLE.search(folded))


def says_eligible_then_asks_how(text: str) -> bool:
    """"ok i am eligible. so whats the actual steps": eligibility told, then a question of how."""
    return bool(_STATED_ELIGIBLE.search(fold(text)))


# A child's passport had by someone who is now 16 or more, whose renewal is asked (folded text): "my
# son got his passport when he was 15 ... hes 19 now, can he renew it", "mon fils a 17 ans et son
# passeport d'enfant expire, il peut le renouveler?": a passport issued before 16 is never renewed
_YOUNG_WHEN_ISSUED = re.compile(r"\b(?:when|quand) (?:he|she|il|elle|they) (?:was|were|avait|avaient) (?:[0-9]|1[0-5])\b"
                               # "mon fils a eu son passeport a 15 ans", "she got her passport at 14"
                               r"|\b(?:a eu|avait eu|a obtenu|got|had|received) (?:son|sa|his|her|their) passe?port (?:a|at|at age|a l'age de) (?:[0-9]|1[0-5])\b"
                               # the age first: "ma fille avait 15 ans quand elle a eu son passeport"
                               r"|\b(?:avait|was) (?:[0-9]|1[0-5]) (?:ans|years?(?: old)?|yo) (?:quand|when|lorsqu'(?=il|elle)) ?(?:il|elle|he|she|they) "
                               r"(?:a eu|l'a eu|got|received|a obtenu) (?:son|sa|his|her|their|it|le|la)\b")
_CHILD_PASSPORT_NAMED = re.compile(r"\b(?:child|kid|kids|children)(?:'s)? passports?\b|\bpasseports? (?:d'|pour )enfants?\b")


# ... or a child who turns 16 now, whose passport is named by a pronoun: "my son turns 16 next month
# and his passport expires in june ... can he just renew it or is it a whole new application"
_BECOMES_16_TO_19 = re.compile(r"\b(?:turns|turning|will turn|will be|about to turn|just turned|va avoir|aura|vient d'avoir)\s+1[6-9]\b")
_KIDS_OWN_PASSPORT = re.compile(rf"\b(?:my|our|mon|ma|mes|notre) (?:\w+ )?{_KIN}\b[^.?!]{{0,60}}\b(?:his|her|their|son|sa|leur) passe?ports?\b")


def grown_child_renews(text: str) -> bool:
    folded = fold(text)
    if not _RENEW.search(folded) or not (
            _CHILDS_PASSPORT.search(folded) or _CHILD_PASSPORT_NAMED.search(folded) or _KIDS_OWN_PASSPORT.search(folded)):
        return False
    grown = _AGED_16_TO_19.search(folded) and not _A_TIME_OF_16_TO_19.search(folded)
    return bool(grown and (_YOUNG_WHEN_ISSUED.search(folded) or _CHILD_PASSPORT_NAMED.search(folded) or _BECOMES_16_TO_19.search(folded)))


def renewal_ruled_out(text: str) -> bool:
    """The message tells a renewal condition not met ("got it when i was 14", "issued in 2005"):
    actions/situation.py's `renewal_situation` finds one false."""
    from actions.situation import renewal_situation

    return False in renewal_situation(text).values()


def asks_whether_renewable(text: str) -> Optional[str]:
    """A passport renewal question that says what decides it: "passport_lost_stolen" when the
    passport was lost or stolen (passport_lost_stolen.renew_lost), "passport_renewal_eligibility"
    for one's own passport ("got it at 14", "issued in 2009", "temporary", "changed my name"),
    "passport_child" for a child's passport ("mon gars de 9 ans", "my kid's passport": a child
    passport is never renewed)."""
    from actions.situation import _CHILD_PASSPORT, NAME_CHANGED, renewal_situation

    folded = fold(text)
    if not _RENEW.search(folded):
        return None
    if _STATED_ELIGIBLE.search(folded):
        return "passport_renew"  # "I'm eligible, I checked. How do I do it online?": how to renew
    if asks_how_early(text) and not _LOST_OR_STOLEN.search(_NOT_LOST.sub(" ", folded)):
        # "mon passeport expire le 30 juin 2026, je peux faire le renouvellement combien de temps
        # d'avance?": how early one may renew (the expiry told decides nothing)
        return "passport_renew"
    if _LOST_OR_STOLEN.search(_NOT_LOST.sub(" ", folded)) and not application_feared_lost(text):
        # renewing a lost or stolen passport: its own answer (not the renewal mailed and feared
        # lost: "ça fait 30 jours ouvrables que j'ai posté mon renouvellement, est-ce normal ou c'est perdu?")
        return "passport_lost_stolen"
    if grown_child_renews(text):
        # "mon fils a eu son passeport à 15 ans ... il en a 19 maintenant, peut-il le renouveler?": a
        # passport issued before 16 never renews, which the check says
        return "passport_renewal_eligibility"
    if _CHILDS_PASSPORT.search(folded) and not _CHILD_PASSPORT.search(folded) and not applicant_is_adult(text):
        return "passport_child"
    situation = renewal_situation(text)
    if not situation and _STILL_RENEW_OR_NEW.search(folded) and not _ONLINE.search(folded):
        return "passport_renewal_eligibility"  # "May I still renew it by mail or must I start over?"
    if not situation and _ASKS_ELIGIBLE.search(folded) and not (
            _ONLINE.search(folded) or NOT_ELIGIBLE.search(folded) or _ASKS_HOW.search(folded)):
        return "passport_renewal_eligibility"  # "je suis elligible au renouvellement?" (online has its own rules)
    if situation.get("renewal_details_unchanged") is False and NAME_CHANGED.search(folded) and (
        all(situation.get(slot) is not False for slot in situation if slot != "renewal_details_unchanged")
    ):
        # "renewing in my married name": a name change is a new adult application, whose
        # name-change answer says which document to include (it settles "can I renew?" too)
        return "passport_apply_adult"
    if situation and all(situation.values()) and _ASKS_WHAT_TO_DO.search(folded) and not _ASKS_ELIGIBLE.search(folded) and (
            not _CAN_RENEW.search(folded)):
        # "her old one is from 2018. what does she have to do": all that is told allows renewing,
        # and what to do is asked, not whether: how to renew (its answer says the conditions)
        return "passport_renew"
    if situation and all(situation.values()) and _ASKS_METHOD.search(folded) and not _ASKS_ELIGIBLE.search(folded) and (
            len(folded.split()) >= MIN_STORY_WORDS or _WHICH_RENEWAL_FORM.search(folded)):
        # a story that tells in passing what allows renewing, then asks the way: "My passport expires
        # in March ... It's a 10 year one I got in 2016 and it's in perfect shape. Can I do the
        # renewal online now?", "... elle peut-tu renouveler par la poste avec le formulaire papier?
        # c lequel?": how to renew (its answer says the conditions); a short "issued in 2017, can i
        # renew online?" asks whether; the form asked for, whatever the length: "what form do i use to
        # renew my passport? same one as last time in 2016?"
        return "passport_renew"
    return "passport_renewal_eligibility" if situation else None


MIN_STORY_WORDS = 30  # a message this long tells a story before its question
_WHICH_RENEWAL_FORM = re.compile(r"\b(?:which|what) form (?:do|should|would|can) (?:i|we) (?:use|need|fill)\b[^.?!]{0,12}\brenew|\bquel formulaire\b[^.?!]{0,12}\brenouvel"
                                 # "c quoi le formulaire pour renouveler un passeport adulte? celui de 5 ans que j'ai eu à 18 ans"
                                 r"|\b(?:c|c'est|cest) quoi le formulaire\b[^.?!]{0,12}\brenouvel")
# The way to renew asked (folded text): online, by mail, the paper form, which form, how it works
_ASKS_METHOD = re.compile(rf"{_ONLINE.pattern}|\b(?:by mail|par la poste|paper form|formulaire papier|le papier|"
                          r"c(?:'est)? lequel|which form|what form|quel formulaire|(?:c|c'est|cest) quoi le formulaire|comment (?:ca|ça) marche|"
                          r"how does (?:it|that) work)\b")


# What to do asked, not whether one may (folded text): "what does she have to do", "je dois faire quoi"
_ASKS_WHAT_TO_DO = re.compile(r"\bwhat (?:do|does|should|would) (?:i|we|she|he|they) (?:have to |need to |got to )?do\b|"
                              r"\b(?:what are|whats|what's) the steps\b|\b(?:je|elle|il|on) (?:dois|doit) faire quoi\b|"
                              r"\bqu'est-ce (?:que|qu')(?:je|elle|il|on) (?:doit|dois) faire\b|\bles etapes\b|"
                              # "how to do the simplified renewal of passport, ... my old one is 10 year from 2018"
                              r"\bhow (?:to|do i|do we|can i|can we|should i) (?:do |make |go about |start )?(?:the |my |a |our )?(?:simplified |simple )?renew(?:al|ing)?\b|"
                              r"\bcomment (?:faire |je fais |on fait )?(?:le |mon |un )?renouvellement(?: simplifie)?\b")
_CAN_RENEW = re.compile(r"\b(?:can|could|may) (?:i|we|she|he|they) (?:still |just )?renew|\b(?:peut|peux|puis)[- ](?:je|tu|elle|il|on)? ?"
                        r"(?:encore |juste )?(?:le |la )?renouvel")


# A letter from the other parent for children taken abroad by one parent (folded text): "taking my 2
# kids to mexico by myself for spring break, my husband isnt coming. do i need some kind of letter from
# him": the recommended consent letter (passport_child.travel_consent_letter)
_LETTER = re.compile(r"\b(?:letters?|lettres?|autorisations?|permission slip|note signee)\b")
_ONE_PARENT_TRAVELS = re.compile(
    r"\b(?:by myself|on my own|alone|without (?:my |their |his |her |the )?(?:husband|wife|dad|father|mom|mother|ex|partner|spouse|other parent)|"
    r"(?:husband|wife|dad|father|mom|mother|ex|partner|spouse)\b[^.?!]{0,15}\b(?:isn'?t|is not|not|won'?t be|can'?t|cannot) (?:coming|come|going|travel\w*|joining)|"
    # "husband is staying to work the lifts at whistler"
    r"(?:husband|wife|dad|father|mom|mother|ex|partner|spouse) (?:is |'s )?(?:staying|stays|will stay)\b|"
    r"toute? seule?|seule? avec|sans (?:mon |leur |son |sa |le |la )?(?:mari|femme|pere|mere|chum|blonde|conjointe?|ex|pere des enfants|mere des enfants)|"
    r"(?:mari|femme|pere|mere|chum|blonde|conjointe?|ex)\b[^.?!]{0,15}\b(?:vient|viendra|part|voyage|suit) pas|"
    # no parent at all: "we are grandparents taking our grandkids to varadero in march"
    r"(?:we are|we're|were|i am|i'm|im|je suis|chu|on est|nous sommes) (?:the |their |les |leurs )?(?:grand ?parents?|grand-parents?|grandma|grandpa|"
    r"grandmother|grandfather|grand-mere|grand-pere|grand-maman|grand-papa)|"
    rf"(?:taking|bringing|travelling with|traveling with|amene|amener|emmene|emmener|part avec|voyage avec) (?:my|our|mes|nos) (?:{_GRANDCHILD}))\b")


# ... a child of the family, whoever takes them: "taking my nephew to minneapolis for a hockey tournament"
_YOUNG_RELATIVES = rf"{_GRANDCHILD}|nephews?|nieces?|neveux?"
_YOUNG_RELATIVE = re.compile(rf"\b(?:{_YOUNG_RELATIVES})\b")


def _children_named(text: str) -> bool:
    # (or by age alone: "taking my 3yo to visit my mom in kingston jamaica without her dad")
    return names_children(text) or bool(_YOUNG_RELATIVE.search(fold(text))) or names_a_child(text)


def one_parent_travels_with_children(text: str) -> bool:
    """Children taken on a trip by one parent, told: "je pars au mexique avec mes 2 enfants, leur père vient pas"."""
    return bool(_ONE_PARENT_TRAVELS.search(fold(text))) and _children_named(text)


# A travel consent letter named as such, with a trip (folded text): "l'ecole dit qu'il faut une lettre de
# consentement pour le voyage a Paris car la prof va etre l'accompagnatrice"
_CONSENT_LETTER = re.compile(r"\b(?:lettres? de consentement|consent letters?|letters? of consent|lettres? d'autorisation de voyage|"
                             r"travel consent)\b")
_FOR_A_TRIP = re.compile(r"\b(?:voyages?|trips?|travel\w*|vols?|flights?|abroad|a l'etranger|tournois?|tournaments?|sorties? scolaires?|school trips?)\b")


def asks_consent_letter_for_a_trip(text: str) -> bool:
    """A letter asked about for children travelling with one parent (not another document), or a
    travel consent letter named with a trip."""
    folded = fold(text)
    return (bool(_LETTER.search(folded)) and one_parent_travels_with_children(text)) or bool(
        _CONSENT_LETTER.search(folded) and _FOR_A_TRIP.search(folded))


# A spouse or partner named, whose passport it is (folded text): "renouveler le passeport de mon mari qui est hospitalisé"
_SPOUSE = re.compile(r"\b(?:(?:mon|ma|my) (?:mari|femme|epoux|epouse|conjointe?|chum|blonde|husband|wife|spouse|partner|boyfriend|girlfriend)|hubby)\b")


# ... and no child near it, by any name, nor the parents who sign for one: "my grandson has lived with my
# wife and me", "les 2 parents doivent tu etre la ... de notre gars? mon chum travaille sur la route"
_A_MINOR = re.compile(rf"\b(?:{_KIN}s?|{_YOUNG_RELATIVES}|parents?)\b")


def names_a_spouse(text: str) -> bool:
    """A spouse or partner named, and no child nor parents."""
    folded = fold(text)
    return bool(_SPOUSE.search(folded)) and not _A_MINOR.search(folded)


# "The number" to work, asked (folded text): "comment je fais pour le numéro pour travailler?" after
# arriving on a working holiday: the SIN by what it is for
_NUMBER_TO_WORK = re.compile(r"\b(?:le|un|mon|ce|the|a|my|that) (?:numero|number|nas|sin)\b (?:pour|to|for|qui permet de|that lets me) "
                             r"(?:(?:pouvoir|be able to|legally) )?(?:travailler|work|working|bosser|jober|a job|une job)\b")


def asks_number_to_work(text: str) -> bool:
    return bool(_NUMBER_TO_WORK.search(fold(text)))


# A hurry told as a condition (folded text): "et si c'est vraiment pressé?", "what if i'm in a rush"
_IN_A_HURRY = re.compile(r"\b(?:si|if) (?:c'est|c|cest|ca|ça|je suis|chu|i'?m|im|it'?s|its|we'?re) (?:vraiment |tres |super |full |really |very |in a )?"
                         r"(?:presse|pressee|presses|urgent|urgente|rush|hurry|pressant)\b")


def in_a_hurry(text: str) -> bool:
    return bool(_IN_A_HURRY.search(fold(text)))


# A scam call about a "suspended" SIN (folded text): "got a call saying my SIN is suspended because of
# crimes in texas and to press 1 to speak to an officer. is this real???"
_SIN_SUSPENDED = re.compile(r"\b(?:sin|nas|social insurance(?: number)?|numero d'assurance sociale)\b[^.?!]{0,25}\b(?:suspended|suspendu\w*|"
                            r"blocked|bloque\w*|frozen|gele|cancel+ed|annule|compromised|compromis|linked to (?:a )?crimes?)\b")


def sin_said_suspended(text: str) -> bool:
    return bool(_SIN_SUSPENDED.search(fold(text)))


# How far ahead one may renew, asked (folded text): "je peux faire le renouvellement combien de temps
# d'avance?", "how early can i renew": renewing early (passport_renew.early)
_HOW_EARLY = re.compile(r"\b(?:combien de temps (?:d'avance|a l'avance|avant)|how (?:early|far (?:ahead|in advance)|long before|soon before)|"
                        r"(?:d'avance|a l'avance|in advance|ahead of time)\b[^.?!]{0,20}\b(?:combien|how)|"
                        # renewing before it runs out: "is it ok to renew my passport even tho it doesnt expire til next year"
                        r"(?:even (?:tho|though)|even if|although|meme si) (?:it|mine|my passport|il|le mien|mon passeport) "
                        r"(?:doesn'?t|does not|won'?t|will not|expire pas|n'expire pas)(?: expire)? (?:until|til|till|avant|only|just)?)")


# The nearest office asked (folded text): "closest place to get a passport from red deer?", "le bureau le plus proche"
_NEAREST_OFFICE = re.compile(r"\b(?:closest|nearest|plus proche|le plus pres)\b[^.?!]{0,15}\b(?:place|office|bureau|endroit|centre|center|location|one)\b"
                             r"|\b(?:place|office|bureau|endroit|centre|center)s?\b[^.?!]{0,15}\b(?:closest|nearest|le plus proche|plus proche|le plus pres)\b")


def asks_nearest_office(text: str) -> bool:
    return bool(_NEAREST_OFFICE.search(fold(text)))


def asks_how_early(text: str) -> bool:
    return bool(_HOW_EARLY.search(fold(text)))


# Taxes not filed, told with the CCB (folded text): "j'ai pas fait mes impôts 2024 ni 2025, est-ce que ça
# bloque mon allocation pour enfants": filing is a condition of the benefit (ccb_apply.file_taxes)
_TAXES_NOT_FILED = re.compile(r"\b(?:pas fait|pas produit|pas rempli|jamais fait|pas envoye|didn'?t file|haven'?t filed|not filed|never filed|"
                              r"didn'?t do) (?:mes |ma |nos |my |our |his |her |la |the )?(?:impots?|declarations?|taxes|tax returns?)\b")


def taxes_not_filed(text: str) -> bool:
    return bool(_TAXES_NOT_FILED.search(fold(text)))


# Our own programs, by the names citizens use (on folded text; keys as in bot.knowledge.PROGRAMS).
_PROGRAM_NAMES = {
    "passport_": r"passports?|passeports?|pasports?|passeport's|passport's|pport",
    "sin_": r"sin|nas|social insurance(?: number)?|(?:numero d')?assurance sociale",
    "ei_": r"ei|ae|employment insurance|assurance-emploi|assurance emploi|chomage|pogey",
    "ccb_": r"ccb|ace|child benefits?|child tax benefit|allocations? (?:canadiennes? )?(?:pour|aux|des) (?:les )?enfants|"
            r"allocations? familiales?|baby bonus|"
            # "how i get the money for children?": the benefit by what it is
            r"(?:money|benefits?|payments?) for (?:my |the |our |a )?(?:kids?|children|child|babys?|baby)|"
            # "can my kids get that child money"
            r"(?:child|kids?|baby) money|"
            r"(?:argent|montant|paiements?) pour (?:mes |les |nos )?(?:enfants|flos|kids)|"
            # "l'allocation a pas été versée", "mon allocation": the CCB, as Quebeckers call it, when
            # no other allowance is named after it (housing, workers, Québec's own family allowance)
            r"(?:l'|d'|mon |ma |son |sa |notre |leur |mes |les |ses )(?:allocations?|allocs?)"
            r"(?! (?:canadiennes? )?(?:pour (?:le |les )?|au |de |d'|du )?(?:logement|loyer|travailleurs|famille|quebec))",
    "student_loan_": r"student loans?|prets? (?:etudiants?|d'etudes)|nslsc|csnpe|cnspe|cnpe|cspne|"
                     # "je peux tu rembourser mon pret canadien au complet d'un coup": the Canada Student Loan
                     r"prets? (?:canadiens?|federa(?:l|ux))(?! (?:d'urgence|pour (?:les )?entreprises))|"
                     # "mes paiements de pret sont trop hauts" (not a car's or a house's loan)
                     r"(?:paiements?|versements?) (?:de|du|sur) (?:mon |mes )?prets?(?! (?:auto|automobile|voiture|hypothecaire|personnel|bancaire))|"
                     r"repayment assistance(?: plan)?|(?:programme d')?aide au remboursement",
}
_PROGRAM = {program: re.compile(rf"\b(?:{names})\b") for program, names in _PROGRAM_NAMES.items()}
# The Repayment Assistance Plan's acronyms are common words in lower case ("par la poste").
_RAP_ACRONYM = re.compile(r"\b(?:RAP|PAR)\b")
_PROGRAM_ACRONYMS = {"student_loan_": _RAP_ACRONYM}
_OURS = re.compile("|".join(rf"\b(?:{names})\b" for names in _PROGRAM_NAMES.values()))


# The Repayment Assistance Plan named: "ma période PAR se termine", "I'm on RAP", "le programme
# d'aide au remboursement" (its acronyms in capitals only: "par la poste" is not it).
_RAP_NAMED = re.compile(r"\brepayment assistance\b|\baide au remboursement\b|\b(?:the|on|for|my|of|under|with|through|via) rap\b"
                        # "can i get rap with ei as my only income"
                        r"|\b(?:get|getting|apply for|applying for|qualify for|eligible for|approved for) rap\b"
                        # "the payment help thing on my student loans"
                        r"|\b(?:payment|repayment) help\b|\baide (?:pour|avec) (?:les |mes )?paiements\b"
                        # in lower case after an article: "j'ai eu le par en janvier pour mon pret etudiant"
                        r"|\b(?:le|du|au) par\b(?![-'])(?! (?:coeur|contre|exemple|la|le|les|ici|mail|courriel|internet|telephone)\b)")
MIN_SHOUTED_LETTERS = 6  # fewer letters ("SIN?", "EI") are names, not a message typed in capitals
SHOUTED_SHARE = 0.8  # this share of a message's letters in capitals: typed with caps lock on


def typed_in_capitals(text: str) -> bool:
    """The message is typed in capitals, as many older citizens type ("J'AI ENVOYE MA DEMANDE PAR LA
    POSTE"): no word in it is an acronym by its case ("PAR" there is "par la poste")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_SHOUTED_LETTERS and sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)


def _acronym_in(pattern: "re.Pattern[str]", text: str) -> bool:
    """An acronym written in capitals among lower-case words ("ma période PAR se termine"), not a word
    of a message typed all in capitals."""
    return bool(pattern.search(text)) and not typed_in_capitals(text)


def names_rap(text: str) -> bool:
    """The message names the Repayment Assistance Plan: every student loan question that does,
    in every development set (36 of 36), is about the plan, not repaying in general."""
    return bool(_RAP_NAMED.search(fold(text))) or _acronym_in(_RAP_ACRONYM, str(text))


# EI's own benefits, named by what they are for (folded text): "les prestations de maternité", "les
# prestations de pêcheur", "sickness benefits", or sick leave told; EI's unless Quebec's parental
# insurance is named too
_EI_BENEFITS = re.compile(
    r"\b(?:(?:maternity|parental|sickness|fishing|fishers?'?|fisherm[ae]n'?s?|caregiv\w*|compassionate care|mat|pat) (?:leave )?benefits?"
    r"|prestations? (?:de |d'|pour )?(?:maternite|parentales?|maladie|peche|pecheurs?|proches? aidants?|compassion)"
    # sick leave told: "je suis en arrêt maladie depuis lundi, j'ai un billet du medecin"
    r"|arret (?:de travail )?(?:pour )?maladie|conge (?:de )?maladie|arret medical|conge medical|sick leave|off sick|medical leave"
    # the application by its benefit: "je fais la demande de maternité quand exactement?"
    r"|demandes? (?:de |d'|pour )(?:la )?(?:maternite|paternite|conge (?:de )?maternite)"
    # a leave with its application asked: "going on mat leave june 1, when do i apply"
    # (or in the next sentence: "going on mat leave in june. how do i apply and when")
    r"|(?:mat|maternity|parental|paternity|pat) leave\b(?=[^?!]{0,40}\bapply)"
    # the leave asked for from the federal government: "comment elle demande son conge de maternite du federal"
    r"|(?:demande|demander|demandes|apply for|applies for) (?:son |mon |sa |ma |her |my |the )?(?:conge|leave) (?:de |d')?(?:maternite|parental|paternite|maternity|parental|paternity)"
    r"(?= (?:du federal|au federal|federal|from the federal|with the federal|de l'ae|on ei|through ei)))\b")


def names_ei_benefit(text: str) -> bool:
    """One of EI's own benefits named by what it is for ("maternity benefits", "prestations de
    maladie"), and not Quebec's parental insurance."""
    folded = fold(text)
    return bool(_EI_BENEFITS.search(folded)) and not _QUEBEC_PARENTAL.search(folded)


def programs_named(text: str) -> FrozenSet[str]:
    """Our programs the message names: {"ccb_"} for "je peux tu recevoir l'ACE au lieu de la mère"."""
    folded = fold(text)
    ei_benefits = frozenset({"ei_"}) if names_ei_benefit(text) else frozenset()
    # the plan named in lower case ("how much would i pay under rap"): a student loan's
    rap = frozenset({"student_loan_"}) if _RAP_NAMED.search(folded) else frozenset()
    return frozenset(program for program, pattern in _PROGRAM.items() if pattern.search(folded)) | frozenset(
        program for program, pattern in _PROGRAM_ACRONYMS.items() if _acronym_in(pattern, str(text))) | ei_benefits | rap


# Words that say what a question is about, beyond our programs' names: without any of them
# ("how long does it take", "ça prend combien de temps", "how long before I get paid"), a short
# question is about whatever the conversation is about.
_SUBJECT = re.compile(
    r"\b(?:photos?|pictures?|pics?|guarantors?|garants?|repondants?|references?|travel\w*|trips?|flights?|"
    r"voyage\w*|vols?|booklets?|livrets?|expir\w*|renew\w*|renouvel\w*|lost|perdu\w*|stolen|vole\w*|urgent\w*|"
    r"express|\d+ ?(?:years?|yrs?|ans)|jobs?|emplois?|work\w*|travail\w*|laid off|fired|quit\w*|demission\w*|"
    r"roe|hours|heures|sick\w*|maladie|maternit\w*|parental\w*|child\w*|kids?|enfants?|bebes?|babies|baby|"
    r"loans?|prets?|students?|etudiant\w*|repay\w*|rembours\w*|interest|interets?|school|ecole|"
    r"numbers?|numeros?|cards?|cartes?|taxes|impots?|status|etat|paying back|pay back|"
    r"payments?|paiements?|versements?|allocations?|accouch\w*|naissances?|newborns?|nouveau-nes?|enceinte|pregnan\w*)\b"
)


# Children said to be none ("single, no kids", "pas d'enfants"): the household told, no subject
_NO_CHILDREN = re.compile(r"\b(?:no|without|zero|0|pas d'|pas de|sans|aucun|aucuns) ?(?:kids?|children|child|enfants?)\b")


def names_a_subject(text: str) -> bool:
    """The message says what it is about: one of our programs, or a word of one of its topics
    (not "office": every program has one, "online or at the office?" after a SIN question is the SIN's)."""
    return bool(programs_named(text)) or bool(_SUBJECT.search(_NO_CHILDREN.sub(" ", fold(text))))


@lru_cache(maxsize=2)
def _other_programs(even_with_ours: bool) -> "re.Pattern[str]":
    from actions.content import load

    names = [name for service in load("other_services")["services"]
             if bool(service.get("even_with_ours")) == even_with_ours for name in service["names"]]
    return re.compile(r"(?<![\w])(?:" + "|".join(names) + r")(?![\w])")


@lru_cache(maxsize=1)
def _each_service() -> "tuple[tuple[Dict[str, str], re.Pattern[str]], ...]":
    from actions.content import load

    return tuple((dict(service["name"]), re.compile(r"(?<![\w])(?:" + "|".join(service["names"]) + r")(?![\w])"))
                 for service in load("other_services")["services"])


# What a message does to the service it names: "do I also have to renew my nexus card", "apply
# for OAS", "renouveler ma carte soleil". The service is the question's object, even beside ours.
_ACTS = (r"(?:renew|renewing|apply for|applying for|update|updating|cancel|replace|get|getting|"
         r"renouvel\w*|demander|faire (?:une )?demande (?:de|pour)|mettre a jour|annuler|remplacer|obtenir)")


@lru_cache(maxsize=1)
def _service_names() -> "tuple[str, ...]":
    """Every name of content/other_services.yml, as patterns."""
    from actions.content import load

    return tuple(name for service in load("other_services")["services"] for name in service["names"])


@lru_cache(maxsize=1)
def _acted_on() -> "re.Pattern[str]":
    names = _service_names()
    # (someone's: "how do i get my son's birth certificate, he needs it for his passport")
    return re.compile(rf"\b{_ACTS}\s+(?:my |our |a |an |the |his |her |mon |ma |mes |notre |une? |la |le |les |sa |son )?"
                      r"(?:\w+'s )?(?:" + "|".join(names) + r")(?![\w])")


@lru_cache(maxsize=1)
def _asked_about_instead() -> "re.Pattern[str]":
    names = _service_names()
    # "what about ontario works if ei says no", "pis l'aide sociale d'abord?": the other service
    # asked about in place of ours, which the rest only supposes (not "what about welfare, does it
    # change my ccb?", a question about ours)
    return re.compile(r"^\W*(?:(?:ok|okay|so|and|but|mais|alors|ok pis|ok et)\W+)?(?:what about|how about|and what about|"
                      r"et pour|pis pour|et|pis|puis|sinon) (?:my |the |l'|le |la |les |mon |ma |mes |de l'|du )?"
                      r"(?:" + "|".join(names) + r")(?![\w])\W*(?:$|(?:if|when|instead|then|si|quand|plutot|d'abord|a la place)\b"
                      # whether one may have it: "pis l'aide sociale jy ai tu droit si le chomage marche pas"
                      r"|(?:j'?y|y) (?:ai|aurais|a)(?:[- ]?tu|[- ]t[- ]il)? droit\b|(?:am i|would i be|could i be) (?:eligible|entitled)\b)")


@lru_cache(maxsize=1)
def _needed_for() -> "tuple[tuple[frozenset[str], re.Pattern[str]], ...]":
    from actions.content import load

    services = load("other_services")["services"]  # in the order _each_service compiled their names
    return tuple((frozenset(service["needed_for"]), pattern)
                 for service, (_, pattern) in zip(services, _each_service()) if service.get("needed_for"))


_ASKS_IF_NEEDED = re.compile(r"\b(?:need|needs|needed|have to|has to|must|required|require|requires|necessary|mandatory|"
                             r"faut|faut-tu|faut-il|dois|doit|devons|devrais|obligatoire|oblige|obligee|besoin)\b")
# when, not whether: "et mes impots, je dois les faire avant quand cette annee?" is the tax deadline
_ASKS_WHEN_DUE = re.compile(r"\b(?:when|by when|deadline|quand|avant quand|date limite|what date|quelle date)\b")


def asks_if_needed_for(text: str, topic: Optional[str]) -> bool:
    """Whether a thing we do not answer is needed, asked in a conversation about one of our topics
    that requires it (its `needed_for` in content/other_services.yml): "im a newcomer, do i need a
    tax return first" after "i want to get ccb"."""
    folded = fold(text)
    return bool(_ASKS_IF_NEEDED.search(folded)) and not _ASKS_WHEN_DUE.search(folded) and names_a_need_of(text, topic)


def names_a_need_of(text: str, topic: Optional[str]) -> bool:
    """A thing we do not answer that `topic` requires, named ("i dont have tax return yet" in a
    conversation about the CCB, whose application needs one)."""
    folded = fold(text)
    return bool(topic) and any(topic in topics and pattern.search(folded) for topics, pattern in _needed_for())


def other_service_named(text: str) -> Optional[Dict[str, str]]:
    """The name (en, fr) of the program, document or store the message names, if one is."""
    folded = fold(text)
    return next((dict(name) for name, pattern in _each_service() if pattern.search(folded)), None)


def names_another_program(text: str) -> bool:
    """A program or document we do not answer, named as such (content/other_services.yml), and
    none of ours: "allocation canadienne pour le logement", "CPP disability", "renew my health
    card"; or a store's opening hours, whatever else the message names."""
    folded = fold(text)
    if _other_programs(True).search(folded) or _acted_on().search(folded) or _asked_about_instead().search(folded):
        return True
    # (the other program's own words name none of ours: "ontario child benefit" is not the CCB)
    without_them, named = _other_programs(False).subn(" ", folded)
    return named > 0 and not _OURS.search(without_them)


# Someone else using the citizen's identity ("quelqu'un a fait une demande de chômage à mon nom",
# "someone applied for EI in my name, I never did"): protecting the SIN, whatever was applied for
# (not the name one applies under: "je fais la demande avec mon nom de fille ou celui de mon mari?")
_IN_MY_NAME = re.compile(r"\b(?:in my name|under my name|using my (?:name|identity|sin|info\w*)|a mon nom|en mon nom|"
                         r"sous mon nom|avec mon (?:nom(?! de (?:fille|famille|jeune fille|mariee?|naissance|epouse|mari)| d'epouse)|identite|nas|numero))\b")
_NOT_ME = re.compile(r"\b(?:never|not me|wasn'?t me|didn'?t|did not|someone|somebody|jamais|pas moi|quelqu'un|qqn|"
                     r"fraud\w*|fraude\w*|identity theft|vol d'identite|usurp\w*)\b")


# One's SIN given away through a scam's link (folded text): "il a cliqué sur le lien pis il a toute rempli
# avec son NAS", "i clicked the link and entered my sin": protecting the SIN
_SIN_GIVEN = re.compile(r"\b(?:gave|given|entered|typed|put in|filled\w*(?: out| in)?|shared|donne|donnee|entre|tape|rempli\w*|envoye|partage)\b"
                        r"[^.?!]{0,40}\b(?:my|his|her|our|their|mon|son|sa|notre|leur) (?:nas|sin|social insurance number|numero d'assurance sociale)\b")
# (or a caller who said who they were: "à un gars au téléphone qui disait être de Service Canada")
_SCAM_LINK = re.compile(r"\b(?:link|lien|clicked|click|clique|cliquer|texto|text message|sms|courriel|email|e-mail|scam|arnaque|fraude?|fake|faux|"
                        r"au telephone|on the phone|caller|qui disait etre|qui pretendait etre|se faisait passer|claiming to be|said (?:he|she|they) (?:was|were) from)\b")


def sin_given_away(text: str) -> bool:
    folded = fold(text)
    return bool(_SIN_GIVEN.search(folded) and _SCAM_LINK.search(folded))


# Someone who knows one's SIN, feared to use it (folded text): "mon ex connait mon NAS pis j'ai peur qu'il s'en
# serve pour faire des affaires a mon nom", "my ex has my sin and i'm scared he'll use it"
_MISUSE_FEARED = re.compile(r"\b(?:peur|afraid|scared|worried|inquiete?|crains|craint|worry)\b[^.?!]{0,15}\b(?:qu'(?:il|elle|ils|elles)|"
                            r"que (?:mon|ma|quelqu'un|qqn)|he|she|they|someone|somebody|quelqu'un|qqn|he'll|she'll|they'll)\b[^.?!]{0,20}\b(?:s'en serve|s'en servir|"
                            r"l'utilise|l'utiliser|utilise|utiliser|se serve|use it|uses it|using it|use my|misuse|abuse)\b")


def sin_misuse_feared(text: str) -> bool:
    folded = fold(text)
    return bool(_SIN_NAMED.search(folded) and _MISUSE_FEARED.search(folded))


def identity_used(text: str) -> bool:
    folded = fold(text)
    return bool(_IN_MY_NAME.search(folded) and _NOT_ME.search(folded))


# Another benefit's payment day compared with ours (folded text): "is the canada disability benefit
# paid the same day as the CCB?", "l'Allocation famille, c'est le même jour que l'allocation du fédéral?"
_SAME_DAY = re.compile(r"\b(?:same (?:day|date|time) as|le meme jour que|la meme date que|en meme temps que)\b")


def other_benefits_day(text: str) -> bool:
    """Another program's payment day asked, compared with ours: that program's, which we do not
    answer ("L'ACE est tu payée le même jour que l'Allocation famille?" asks ours, named first)."""
    folded = fold(text)
    same = _SAME_DAY.search(folded)
    if same is None:
        return False
    before = folded[:same.start()]
    return any(pattern.search(before) for _, pattern in _each_service()) and not _OURS.search(before)


# How long, asked of the thing named right after it (folded text): "how long does the citizenship
# application take these days? i want to get a passport after", "combien de temps pour la carte RP"
_HOW_LONG_ASKED = re.compile(r"\b(?:how long|how much time|combien de temps|c'est quoi les delais|quels sont les delais)\b")
MAX_HOW_LONG_GAP = 30  # characters between "how long" and the service it asks about


def time_of_another_service(text: str) -> bool:
    """How long another service takes, asked before any of ours is named: that service's time."""
    folded = fold(text)
    asked = _HOW_LONG_ASKED.search(folded)
    if asked is None:
        return False
    for _, pattern in _each_service():
        named = pattern.search(folded, asked.end())
        if named is not None and named.start() - asked.end() <= MAX_HOW_LONG_GAP and not _OURS.search(
                folded, asked.end(), named.start()):
            return True
    return False


# A slip corrected in the message (folded text): "my OSAP... sorry i mean my canada student loan"
_CORRECTED = re.compile(r"\b(?:sorry,? i mean|sorry,? i meant|i mean|i meant|oops,? i meant?|je veux dire|je voulais dire|jveux dire)\b")


def as_corrected(text: str) -> str:
    """The message after its last correction when that names one of our programs ("my OSAP... sorry i
    mean my canada student loan, can i pay it all off early": what follows "i mean"), or the whole message."""
    folded = fold(text)
    found = list(_CORRECTED.finditer(folded))
    after = folded[found[-1].end():] if found else ""
    return after if after and programs_named(after) else text


def names_another_service(text: str) -> bool:
    """A service we do not answer, asked for or named as the message's subject: another country's
    passport or a new student loan, a program or document of content/other_services.yml, another
    benefit's payment day or another service's processing time (after the message's correction, if any)."""
    text = as_corrected(text)
    return asks_for_another_service(text) or names_another_program(text) or other_benefits_day(text) or (
        time_of_another_service(text))


def forced_intent(text: str) -> Optional[str]:
    if asks_for_person(text):
        return "request_human"
    if identity_used(text) or sin_given_away(text) or sin_misuse_feared(text):
        return "sin_protect"
    if asks_what_it_is(text):
        return "bot_challenge"
    if asks_for_language(text):
        return "choose_language"
    if missing_passport_with_trip(text):
        return "passport_lost_stolen"
    if (expired_passport_with_trip(text) or no_passport_with_trip(text) or expired_passport_in_time_asked(text)) and not asks_price(text):
        # (its price asked: "flying to london saturday and my passport is expired, i want a 10
        # year one, how much all together": the fee of that passport with the faster services)
        return "passport_urgent"
    if names_another_service(text):
        # (whether the SIN may be given for it is the SIN's: "c safe de donner mon nas a ma banque quand j'ouvre un CELI?")
        return "sin_protect" if asks_who_may_ask_for_the_sin(text) else "out_of_scope"
    folded = fold(text)
    if _QUEBEC_PARENTAL.search(folded) and _PROGRAM["ei_"].search(folded):
        return "ei_apply"  # "le RQAP ou l'assurance-emploi pour mon congé de maternité?": EI's answer says which
    return None


# Distress, confusion or a bare call for the next step, with no subject of its own: "chu dans
# marde", "i don't get it", "this is ridiculous", "au secours", "ok pis là on fait quoi", "is that
# normal?". After a situation the citizen told, it is about that situation.
_LOST = re.compile(
    r"\b(?:(?:please |pls |plz )?help(?: me| us| pls| please)?|help(?:ing)? me out|i'?m lost|im lost|i am lost"
    r"|i (?:do ?n'?t|dont|do not) (?:get it|get this|understand(?: any of this| this| it)?|know (?:what to do|what i'?m doing"
    r"|how to do (?:any of )?(?:this|that|it)(?: anymore)?))"
    r"|what (?:do|should|can|am) (?:i|we) (?:do|supposed to do)(?: now| first| next)?|what now|now what|what next"
    r"|what (?:do i|should i) even do(?: first)?|what happens now|what (?:will|is going to|s going to|'s going to) happen"
    r"|what are my options|(?:is there )?anything i can do|is (?:that|this|it) normal|(?:i'?m |im |i am )?freaking out"
    r"|(?:i'?m |im |i am )?(?:panicking|so stressed|stressed out|scared|worried|very worr(?:y|ied)|desperate|screwed|so screwed)"
    r"|i give up|this is (?:ridiculous|insane|crazy|so unfair|unfair|a nightmare)|so unfair|ugh+|omg|wtf"
    r"|i feel like i did something wrong|i'?m confused|im confused"
    # French
    r"|au secours|a l'aide|aide(?:z)?[- ]moi|aide svp|aidez nous|chu perdue?|je suis (?:toute? )?perdue?"
    r"|je (?:ne )?comprends? (?:pas|rien)(?: pantoute| a rien| du tout)?|jcomprends? (?:pas|rien)|j'?comprends? (?:pas|rien)"
    r"|je sais (?:pas|plus) quoi faire|jsp quoi faire|je (?:fais|dois faire) quoi|j'?fais quoi|jfais quoi|on fait quoi"
    # "qu'est-ce qu'on fait astheure" after a SIN given to a caller
    r"|qu'est[- ]ce (?:qu'on|que je|que j'|qu'il faut|que nous) ?(?:fait|fais|doit faire|dois faire|faire|devrait faire|devrais faire)"
    r"|koi faire|quoi faire|(?:pis|et) (?:la|apres)(?=\s*(?:[?!.,]|$))|qu'est-ce qui (?:va|s'en vient)(?: arriver| se passer)?"
    r"|qu'est[- ]ce qui (?:arrive|se passe)(?: la| maintenant| asteure)?|(?:je vais|j'vais|jvais) (?:tu )?avoir des problemes"
    r"|am i (?:going to be |gonna be )?in trouble|will i (?:get|be) in trouble"
    r"|(?:c'est|c|cest|ce) (?:tu )?normal|est-ce normal|je capote|ca me fait capoter|je panique|(?:chu|je suis) (?:tellement |vraiment )?stresse"
    r"|j'?ai (?:peur|honte)|(?:chu|je suis) dans (?:la )?marde|(?:c'est|c|cest) (?:tellement |vraiment )?(?:right )?(?:injuste|unfair|ridicule|decourageant|fou|n'importe quoi)"
    r"|ayoye|ostie|tabarnak|calisse|crisse|(?:chu|je suis) (?:tanne|tannee|decouragee?|desesperee?)"
    r"|y a tu (?:de quoi|quelque chose) (?:que )?(?:je|j') ?(?:peux|peut) faire|je peux faire quoi|mes options"
    r"|j'?abandonne|je lache)\b"
)
_FILLER = frozenset(
    "so ok okay well but and now then please pls plz just really like the this that it its i me my we our "
    "again anymore even first tho though here there yet still any all of is are do to a what whats "
    "svp stp bon ben pis faque alors la asteure astheure astheur asteur maintenant mais et donc je moi me mon ma on nous "
    "vraiment tellement encore ca c ce quoi de que qui est tu y a".split())  # folded: no accents
_WORD = re.compile(r"[\w']+")


def sounds_lost(text: str) -> bool:
    """Distress, confusion or a bare call for the next step, and nothing else: no subject named
    and at most two words besides the phrase and fillers ("ugh AGAIN?? whats wrong with it" no, it asks something;
    "et mon mot de passe Desjardins a été volé aussi, je fais quoi?" no, it tells its own thing)."""
    folded = fold(text)
    if not _LOST.search(folded):
        return False
    rest = _LOST.sub(" ", folded)
    if names_a_subject(rest) or names_another_program(text):
        return False  # "I lost my passport, what do I do" says what it is about; "je suis perdu" not
    return sum(1 for word in _WORD.findall(rest) if word not in _FILLER) <= 2


def renewal_situation_told(text: str) -> bool:
    """The message tells something the renewal check asks (an age at issue, a year, a name change)."""
    from actions.situation import renewal_situation

    return bool(renewal_situation(text))


def states_validity(text: str) -> bool:
    """The message says for how long a passport is ("me 5 yr, my mom 10 yr"), or asks both."""
    from actions.situation import stated_validity

    return stated_validity(text)
