"""What more than one of the context readers weighs: the words that make a message a follow-up,
a question, or a question of where to go; how sure a reading must be; the programs and topics that
rules of several modules test.
"""

from __future__ import annotations

import re

# The words of a message that make it a follow-up, a question, or a question of where to go.
FOLLOW_UP = re.compile(
    r"^\W*(?:and|also|plus|with|what about|how about|what if|and if|and for|ok and|okay and|same for|but if|but what if|"
    # "ok what about my daughter shes 6" after a fee
    r"(?:ok|okay|k|alright|right|oh|ah|d'accord|correct|parfait)\W+(?:what about|how about|what if|and what about|et (?:pour|si)|pis (?:pour|si))|"
    # "same rules for a baby?", "même chose pour ma blonde?"
    r"(?:the )?same (?:rules?|thing|deal|process|steps|answer|goes) for|(?:les )?memes? (?:regles?|chose|affaire) pour|"
    r"but for|ok but|okay but|et|pis|puis|et si|et pour|pis pour|pis si|pis en|et en|ok pis|ok et|pareil pour|"
    r"meme chose pour|mais si|mais pour|ok mais|oui mais|"
    # "same as adults?", "same as for a child?", "pareil comme pour les adultes?"
    r"(?:is it |it's |its )?(?:the )?same as|pareil (?:comme|que)|(?:la )?meme chose que|comme pour)\b",
    re.IGNORECASE,
)
ASKS = re.compile(r"\?|\b(?:what|wat|wut|how|where|when|why|who|which|comment|quoi|ou|où|quand|pourquoi|combien|quel|quelle)\b"
                  # "does that change anything", "is there a program for that", "y a tu de l'intérêt"
                  r"|^\W*(?:is|are|do|does|did|can|could|should|will|would|am|have|has)\b|\b(?:qu)?est[- ]ce\b"
                  r"|\b(?:y a|c'est|ça|ca|faut|peux|peut|doit|dois|va|vas|fait|ont|a|est|sont)[- ]tu\b",
                  re.IGNORECASE)
# Where to go to do what the conversation is about ("ou je le fais?", "where do i send it")
ASKS_WHERE = re.compile(
    r"\bwhere (?:do|can|should|would) (?:i|we) (?:go|apply|send|bring|take|drop|mail|submit|do|pick|collect)\b"
    r"|\bwhere (?:can|do|should) (?:i|we) get (?:them|it|one|those|these) (?:done|taken|made)\b"  # "where can i get them done near me"
    r"|\bwhere to (?:go|apply|send)\b"
    # (not French's "ou" for or, before a new application: "je peux faire le renouvellement ou je dois faire
    # comme une nouvelle demande?")
    r"|\bo[uù] (?!(?:je|j'|on|il faut) ?(?:dois |doit )?(?:faire|refaire) (?:comme )?(?:une |un |la |le |ma |mon )?(?:nouvelle|nouveau|premiere)\b)"
    r"(?:est-ce que |est ce que |qu')?(?:je|j'|on|il faut) ?(?:le |la |les |y )?(?:dois |doit |peux |peut )?"
    r"(?:vais|va|aller|fais|fait|faire|porte|porter|apporte|apporter|envoie|envoyer|depose|dépose|deposer|déposer|applique|"
    r"ramasse|ramasser|recupere|récupère|recuperer|récupérer)\b"
    r"|\b(?:je|on)\s+(?:vais|vas|va|dois aller|doit aller)\s+o[uù]\b"
    r"|\b(?:la|ma|une) demande\s+o[uù]\s*(?:exactement|au juste)?\s*\?"  # not "je peux voir ça où?"
    r"|\bc'est o[uù] (?:le|la) plus (?:proche|pres)\b|\bwhere(?:'s| is) the (?:closest|nearest)\b",
    re.IGNORECASE)

# How sure a reading must be. SURE_NEED: each of two needs in one message, the question after
# small talk, a question read with the conversation in its program.
SURE_NEED = 0.6
SURE_NAMED = 0.8  # a follow-up read with its program's name is this sure of another topic of it
DOUBTFUL_TOPIC = 0.5  # a topic this unsure, in a short message ("comment je fais la demande"), too

# Programs (by their topics' prefix) and topics.
PASSPORT = "passport_"
LOANS = "student_loan_"
EI = "ei_"
CCB = "ccb_"
SIN = "sin_"
FEES = "passport_fees"
QUALIFYING_TOPICS = {"passport_child"}  # "and for a kid?" qualifies the last question
RENEWAL_TOPICS = {"passport_renew", "passport_renewal_eligibility"}  # the other passport topic sets: passports.py
ABROAD_ENTRIES = {"passport_processing_times.abroad", "passport_where_apply.abroad"}  # the entries for applying from abroad
# What to do now, asked with nothing else to do named ("how am i supposed to make my payment",
# "what do i do now", "je suis censé faire quoi", "please help."), not a task ("how do i register
# my baby's birth", "can you help me write my resignation letter"): after a situation of ours, it
# asks what to do about that situation.
WHAT_TO_DO_NOW = re.compile(
    r"\b(?:am i|are we|i'?m|we'?re) (?:supposed|meant) to\b|\bwhat (?:do|should|can|shall) (?:i|we) do\b|\bwhat now\b|"
    r"\bnow what\b|\b(?:je|on) (?:fais|fait|dois faire|doit faire) quoi\b|\bj'?fais quoi\b|\bquoi faire\b|"
    r"\b(?:je suis|chu|on est) (?:cense|censé|suppose|supposé)e?s?\b|"
    r"\b(?:please help|pls help|plz help|help please|help pls|help me|aidez[- ]moi|aide[- ]moi|au secours|[aà] l'aide)\s*(?:[.!?,]|$)",
    re.IGNORECASE)
