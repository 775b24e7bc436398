"""The topic rules applied after a message is read in its conversation (`in_context`), in the
order they are applied: a message naming one of our programs that the model reads as off topic
(French, or English read off topic under 0.5); then, by situation, how to pay after a passport question,
a passport had in time for a trip told, payments after a child's custody, the payment day after a
CCB question, taxes or no income told after one, someone who asks for the SIN named after it, the
money after an EI application (or how long until it comes), a child's passport, a renewal conversation, applying for EI once eligible, where to
go (or whether a place named offers it), a child of 16, an adult not told that a passport issued before 16 cannot be renewed, a trip
within two weeks or a need for the passport sooner, renewing from abroad, where to apply asked from abroad, where
photos are taken after them, a refund for a long wait, an own passport about
to expire or renewed by name, paying more after how long it takes, a pick-up service's extra
cost, a service added to a price asked, a price with the situation told, a damaged or destroyed passport (told in the question,
even read as photos, unsure or lost, or before it), the plan's period ending after the Repayment Assistance Plan, a student loan
one cannot repay (even read as EI, the loan named), after the Repayment Assistance Plan doing it again or an income told, the urgent service's own time, the time from a
place, the renewal check, the SIN card and a SIN given away, photos told still good, someone who
wants the SIN after who may ask for it, a lost passport then abroad, "prêt" as ready after a
passport application, proof of citizenship told or asked about after a passport's documents, a
replacement after a lost passport, renewing after a lost or stolen one, where to go after the urgent service, the police
after a SIN misused, how to take a photo spoken of, a request after a birth told with no passport or trip said, a status
in Canada told after the CCB or the SIN, a parent who died told after a child's passport, the student loans' service
centre asked about by name, a
newcomer's CCB, a dismissal told with EI asked after it, EI caregiving's entry, an appointment after a passport topic, what a
short message tells after a topic (EI hours, no scanner, a place, where to go, opening hours, a
place abroad after a renewal: `_told_after_a_topic`), the answers from abroad without a place
abroad said, help to repay a student loan. Added in the twenty-ninth session, early in that
order: a child's application's guarantor asked briefly, someone proposed as a guarantor, a call or
text about the SIN, the CCB's payment not come, another way after the time one way, a short
question after another service was named, what the status page shows, automatic loan payments,
a trip counted from today's day told, proving the SIN, a SIN card stolen with a bag, EI's waiting
period, and a thing worn after the photo's rules (`_told_after_a_topic`). Added in the thirtieth
session: a statement naming a town is not read again without it (`without_its_towns`); what the
status page says told first; which form after the renewal check said no (the new adult
passport's overview); a place abroad where the
writer is after how long it takes; whether it can be renewed after its issue was told; an issue
year told after renewing, read unsurely as another passport topic; a status in Canada told after
getting a SIN. Added in the thirty-third session, before what a short message tells: a thing a
baby has in the photo after the photo's rules, someone else to sign after a renewal, what to
bring after a passport topic (read as a call for help) or after the urgent service, a place abroad
told after a renewal; and at the end, the knowledge entries that need their place or day said (the
weekend service, the United States' where to apply, renewing from abroad with Canada named).
Added in the thirty-fourth session, after a lost passport then abroad: the way home after a loss
abroad, the driver's licence pointed back to after one was lost, in a hurry after how long it
takes, how to check after the time or the status; and among the others, who qualifies for help
after a student loan (before the plan's renewal), paying less after a loan too dear (with the
loan one cannot repay), EI asked for anyway after a dismissal (with the dismissal's rule), and a
child's passport's validity no longer read as the time.
Added in the thirty-fifth session: where to apply, asked bare, after another program's topic (that
program's application); whether the form sent was received (its status); a new SIN card's price
after losing one (the lost card's answer); a couple's status and whether it matters after the CCB
(who applies); a job quit and what it changes after EI (whether quitting allows it); a higher
income or taxes given as the cause after a CCB change; what a scam caller knew; a newcomer's
"can we get it" (MAY_GET, or arriving from another country told); and in time for a trip told,
paying more (the faster services).
Added in the thirty-sixth session: an expired passport told after a trip within two weeks (the
urgent service, with no passport yet); a lost passport found again (its own answer); EI's
waiting period named in French alone, or as a week of waiting after EI; the hours asked after a
record of employment; keeping a stolen SIN from being used; one's own passport torn by a child,
and travelling with it after; the conditions asked after a renewal (read with it); a newcomer
told after the CCB, and the papers asked after it; and a Canadian town that pulled the knowledge
selector to the United States' where to apply. In its second round: what a renewal's passport is,
told after the renewal was asked and read as a complaint (the renewal check); no job when a loan's
payments start (the plan, through CANT_PAY); one's credit after missed loan payments; and one's
own photo taken with a phone (whether it may be, among the final entry choices).
Added in the thirty-seventh session: whether 6 weeks are enough for a trip (the time, not the
urgent service); a baby after the photo's rules; a child's papers, and "bon combien de temps",
after a child's passport; a reason supposed for a job quit; a permit to bring after getting a
SIN; a month skipped after a loan's payments; only days left after how long it takes (HURRY);
whether a fee includes the passport; a place abroad for work after a renewal (THERE_FOR_WORK);
EI's amount as "ils vont me donner combien"; and among the final entry choices, a form named by
number (content/passport_forms.yml), a stolen SIN card's answer, and "par la poste" as by mail.
Added in the thirty-eighth session: the other parent out of reach after a child's passport (one
parent applying); where to get it fast after the urgent service (where it is given); the form to
declare a stolen passport (its declaration); the photos' price after where they are taken; a
visitor's status told after getting a SIN (SOMEONE_ELSE with HAS_STATUS); the SIN needed first
after a newcomer's CCB (NEEDED_FIRST); taxes named as a lower CCB's cause; who a SIN caller
claimed to be (CLAIMED_TO_BE), and a scam paid in gift cards read as getting a SIN; what an
application needs, asked bare (NEEDS_WHAT); nobody known to be a guarantor (KNOWS_NOBODY); a
place abroad after where to apply from abroad; a store's photo after a passport topic
(OWN_PHOTO_FROM); a rip on the photo page (PHOTO_PAGE); when to apply after a maternity leave
told (WHEN_TO_APPLY, LEAVE_TOLD); "which form is it" after a child named (CHILD_SAID); interest
after a student loan (INTEREST_ASKED); when to pick it up after handing it in (PICKED_UP_WHEN);
and a short question after another service, also read as a call for help or unsurely.
Added in the thirty-ninth session: the United States or abroad, where the writer lives, after a
renewal (lives_outside_canada); the birth's registration after applying for the CCB
(BIRTH_REGISTERED); money until the next job after EI (MONEY_UNTIL_WORK); a passport
application's status asked in words after a passport topic (asks_status); a town told alone
after where to apply (HOME_TOLD); and, last, an unsure reading between two topics of one
program that one knowledge entry settles (settled_by_one_entry). In its second round: a birth
told after applying for the CCB (BORN_TOLD); "does that change anything" with a status told after
getting a SIN (CHANGES); a SIN given, said with a pronoun (GAVE_IT); the site asked for bare after
a topic (SITE_ASKED); another thing's price after a passport's fee (PRICE_OF_ANOTHER_THING); and a
passport named only to compare another service's thing with (LIKE_A_PASSPORT). In its third:
interest asked after school finished (GRADUATED), and a trip's day told after the time, read
unsurely as another passport topic (the urgent service). In its fourth: a renewal asked with no
"where", moved by the knowledge selector to where to apply (the renewal); a trip told more than
two weeks away keeps a lost passport's "in time?" from the urgent service, as a date months away
keeps the time's "sooner" from it. In its fifth: a weekend asked of the CCB's day
(WEEKEND_ASKED); how long after the Repayment Assistance Plan (its period); how long after a faster
service was named (that service's time); and "do I have time" with a trip months away (the usual
times, not the renewal check).
Added in the fortieth session: what to do for the benefit after a birth told, read as a payment
missed (applying for the CCB); when to apply after a job lost told (EI's deadline, as after a
leave told: WHEN_TO_APPLY); and a religious head covering after the photo's rules (WORN). In its
second round: a birth told in the message itself, read with the CCB's dates (BORN_WORD); a
permit's end asked of "my number" after getting a SIN (PERMIT_ENDS, FOR_MY_NUMBER: a SIN starting
with 9), first of all; and "en avoir un nouveau" after a lost passport (ANOTHER_ONE). In its third:
taxes asked after applying for the CCB, read as a passport's application with no passport named.
Added in the forty-first session: both parents' signatures after a child's passport (BOTH_SIGN);
a place abroad read as "abroad" when a message is read again (without_its_towns); the time from
abroad for someone living there (HOME_TIME_ENTRIES); the urgent service after a late application;
a new loan after repaying one (NEW_LOAN). In its second round: a temporary status and the SIN's end
(TEMPORARY_STATUS, ASKS_IT_EXPIRES); a bare card after a SIN lost (BARE_CARD). In its third: a
spouse on a visitor visa after a SIN; a thing taken up by its pronoun after another service
(THING_BACK); one of EI's benefits named, unsure against off topic, in English too.
Added in the forty-second session: a trip within days told after a passport being got
(PASSPORT_NEEDED, a trip told); a spouse who came on a visitor visa after a SIN (HAS_STATUS); the
processing time told as passed, or a passport late against its day (PAST_THE_TIME); a raise as
the cause of a smaller CCB (INCOME_UP); travelling while waiting for a lost passport's replacement
(MEANWHILE, TRAVEL_ASKED); the time asked from the United States (MAILING_TIME_ENTRY: by mail). In
its second round: an issue year told as a follow-up after a renewal, read as another passport
topic; a child's guarantor; the simplified renewal asked after the passport's situation
(CAN_I_USE_IT); the proof asked after the urgent service (PROOF_ASKED); a SIN given away while
"confirming" it; whether a mailed application arrived (RECEIVED_ASKED).
Added in the forty-third session: whether a SIN starting with 9 expires (STARTS_WITH_9), first of
all; a student loan paid by e-transfer (the NSLSC account); the CCB's day asked before a holiday,
read as applying; shared custody's change to the CCB (SHARED_CUSTODY); travelling anyway after a
theft (MEANWHILE); a holiday asked of this month's CCB payment, read unsurely as a complaint
(UNSURE_COMPLAINT); a family's total with a service added (ALL_OF_IT); online renewal asked from a
Canadian town (ONLINE_TOLD, LIVES_IN); a spouse's SIN after a newcomer's (SPOUSE); and a scam
answered, read as getting a SIN (GAVE_TO_IT). In its second round: a passport issued before 16,
then whether it can be renewed (issued_under_16); a guarantor proposed, read as another passport
topic (UNSURE_GUARANTOR); a passport needed within days, read unsurely off topic
(PASSPORT_NEEDED_BY); EI's first payment after EI named (FIRST_PAYMENT); paying back the loan one
has (REPAY_ASKED, not ANOTHER_DEBT); a renewal without going to the office (UNSURE_WHERE); and a
fee asked from abroad after a fee.
Added in the forty-fourth session, early in the chain: a new number asked after a stolen identity
(NEW_NUMBER); the photo's size asked bare (SIZE_ASKED); the SIN asked for by a bank, whether that
is all right (ASKING_FOR_IT, IS_IT_ALLOWED); how long, after a fee (HOW_LONG_ASKED); applying for a
newborn after the CCB's dates (NEWBORN); hours worked while on EI and the report (REPORT_NAMED, not
TAX_NAMED); online renewal asked with its alternative (BY_INTERNET); where, asked bare
(WHERE_BARE). Later: a guarantor known for years (KNOWN_FOR); a year of issue with "ça marche quand
même?"; two of our programs named in a message read unsurely off topic.
What a passport question tells is read by passports.py.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional

from actions.situation import (
    NAME_CHANGED, fee_situation, issued_in_a_year, lives_abroad, lives_outside_canada, lost_abroad, moved_from_abroad, names_a_place_abroad, renewal_situation, stated_validity, told_valid_5_or_10,
    travel_window,
)
from bot.engine.context.constants import (
    ABROAD_ENTRIES, ASKS, ASKS_WHERE, CCB, DOUBTFUL_TOPIC, EI, FEES, FOLLOW_UP, LOANS, PASSPORT, RENEWAL_TOPICS, SIN, SURE_NAMED,
)
from bot.engine.context.conversation import (
    bot_said_last, last_read, last_said, last_topic, previous_bot_action, recent_messages, renewal_asked_lately, told_lately,
)
from bot.engine.context.follow_ups import APPLIED_FOR_WITHIN, ASKS_IF_FINE, SUPPOSES, DOUBTFUL_OFF_TOPIC, FEE_TOPICS, FINDS_IT, KEEP, SIGNS_UP, LOST_ABROAD_ENTRY, LOST_OVERVIEW, SMALL_TALK, SURE_EVERYDAY, TRAVEL_QUESTION, _in_context
from bot.engine.context.parts import ABROAD_SAID, TOTAL_ASKED, without_a_towns_pull_abroad
from bot.engine.context.passports import (
    ABOUT_THEM, ADULT_PASSPORT_TOPICS, ALL_OF_IT, CHILD_AGE_ENTRY, DAMAGED, DAMAGED_ENTRY, DAMAGE_TOPICS, FROM_HERE, HOW_FAST,
    ISSUED_UNDER_16_ENTRY, MINE, OWN_PASSPORT as WRITERS_PASSPORT, PASSPORT_APPLICATION_TOPICS,
    PAYS_MORE, REGULAR_SERVICE, RENEW_ABROAD_ENTRY, TIME_ASKED, TIME_TOPICS,
    WHERE_WORD, adds_without_service, aged_16_or_more, for_the_child_named, priced_passports, service_surcharge,
    told_damaged,
)
from bot.engine.context.programs import RECEIVES
from bot.engine.context.readings import (
    OWN_TOPIC_SHARE, Parse, _answering, _as_topic, _confidence, _intent, answered_by, asking_which,
    _program_of_the_doubt, _two_likeliest, _with_intent, conversations_entry, own_entry, read_as, settled_by_one_entry,
)
from bot.folding import fold
from bot.knowledge import cached_knowledge, overview_id, program_of
from bot.language import detect, helps_someone_weak_in_a_language
from bot.nlu.classifier import renormalised
from bot.nlu.places import names_a_canadian_place, names_a_trips_place, tells_only_where, with_abroad_for_places, without_places
from bot.nlu.phrases import (
    names_an_office_abroad, asks_who_may_be_guarantor, COMPLAINS, NOT_A_RENEWAL, NOT_ELIGIBLE, URGENT_SERVICE, WHICH_FORM, applicant_is_adult, asks_a_signature, asks_how_to_pay, asks_passport_office_hours, asks_if_in_time, asks_if_days_are_enough,
    asks_age_discount, asks_if_fast_service_possible, asks_to_renew_from_abroad, asks_price, asks_which_way_is_faster, names_a_need_of, asks_status, asks_where_to_send, asks_where, asks_whether_renewable, asks_what_nslsc_is, asks_when_payments_come, date_within_two_weeks, form_named, lost_sin_paper,
    ROE_WORDS, asks_next_payment, asks_to_apply, renewal_ruled_out, says_no_passport_yet, says_self_employed,
    grown_child_renews, identity_used, mentions_a_trip, names_a_child, names_a_subject, names_another_program, names_another_service,
    asks_how_early, in_a_hurry, one_parent_travels_with_children, names_children, names_quebec_parental_plan, names_ei_benefit, names_fast_service, names_rap, names_regular_service, online_renewal_asked, payment_not_arrived,
    other_service_named, programs_named, renews_from_abroad, renews_own_passport, says_eligible_then_asks_how, says_job_lost, says_lost,
    stops_work_to_give_care, asks_who_may_ask_for_the_sin, asks_nearest_office, says_own_passport_lost, asks_how_long,
    says_passport_expired, takes_own_photo, tells_it_is_late, trip_within_two_weeks, unusable_passport_and_trip, wants_it_sooner, asks_for_person,
)

# How to apply, asked bare (folded text) after a program's topic: that program's application
HOW_TO_APPLY = re.compile(r"\b(?:how (?:do|can|would|should) (?:i|we) (?:apply|sign up|claim)|how to apply|where (?:do|can) (?:i|we) apply|"
                          r"comment (?:je |j'|on )?(?:fais|fait|faire) (?:pour )?(?:la |ma |une |faire (?:la |ma |une ))?demande|"
                          r"comment (?:j'|on )?appliqu\w*|je fais comment pour (?:appliquer|faire (?:la|ma) demande))\b")
MAX_HOW_TO_APPLY_WORDS = 8
MAX_HOW_TO_APPLY_STORY_WORDS = 22  # "how do I apply" first, then why help is needed
# (with nothing of its own to apply for: "how do I apply, step by step please", not "how do we claim the moving expenses")
HOW_TO_APPLY_FIRST = re.compile(rf"^\W*(?:[\w']+\W+){{0,3}}?(?:{HOW_TO_APPLY.pattern})(?: for (?:it|that|this|them))?"
                                r"\s*(?:[,.!?;]|$|step by step|please|pls|plz|svp|stp|exactly)")
# Applying for EI from a place, asked (folded text): "can i apply for EI from there or do i have to
# do it in alberta", "je peux faire ma demande d'assurance-emploi de là-bas?"
EI_APPLIED_FROM = re.compile(
    r"\b(?:apply|file|claim|sign up)(?: for)? (?:ei|e\.i\.?|employment insurance)\b[^.?!]{0,40}?\b(?:from (?:there|here|home|anywhere|another province|out of province|[a-z]+)|"
    r"(?:do|have to do|file) (?:it|that|this) (?:in|from))\b"
    r"|\b(?:demande|demander|appliquer)(?: pour| de| d')? ?(?:l'|d')?(?:assurance[- ]emploi|chomage|ae)\b[^.?!]{0,40}?\b(?:de la-bas|d'ici|a partir d\w*|depuis)\b")
# Where to apply, asked bare (folded text): "je fais ma demande ou?" after a sick leave told (EI's)
WHERE_TO_APPLY = re.compile(r"\b(?:(?:je|on|j') ?(?:fais|fait|peux faire|dois faire|envoie|depose) (?:ma|la|une|notre|mon) (?:demande|application) (?:ou|where)"
                            r"|(?:ou|where) (?:est-ce que |est ce que )?(?:je|on|j') ?(?:fais|fait|peux faire|dois faire|envoie|depose) (?:ma|la|une|notre|mon) "
                            r"(?:demande|application)|apply where|where (?:do|can|should) (?:i|we) apply)\b")
APPLY_TOPIC = {EI: "ei_apply", CCB: "ccb_apply", SIN: "sin_apply"}
# What is needed to apply, asked bare (folded text): "j'ai besoin de quoi comme infos avant de
# commencer?" after "je vais faire ma demande d'assurance emploi en ligne ce soir"
NEEDS_WHAT = re.compile(r"\b(?:(?:j'ai|jai|on a|i) (?:besoin|need) (?:de |d')?(?:quoi|what)|de quoi (?:j'ai|jai|on a) besoin|"
                        r"qu'est-ce (?:qu'il|que ca) (?:me|nous) (?:faut|prend)|(?:ca|ça) (?:me |nous )?prend quoi|"
                        r"what (?:do|will|would) (?:i|we) need|what (?:info|information|documents|papers|details) (?:do|will|should) (?:i|we)|"
                        r"quoi comme (?:infos?|informations?|documents?|papiers?)|quelles? (?:infos?|informations?) (?:je dois|il faut|faut))\b")
MAX_NEEDS_WHAT_WORDS = 12
MAX_WHICH_FORM_WORDS = 6  # "which form is it", asked bare
# A child named (folded text), in the conversation: "how much is a kids passport"
CHILD_SAID = re.compile(r"\b(?:kids?|kid's|child|child's|children|children's|enfants?|bebes?|baby|baby's|babies|son|daughter|fils|fille|"
                        r"minors?|mineurs?)\b")
# Interest asked about (folded text), after a student loan: "pis y a tu des interets pendant les 6 mois"
INTEREST_ASKED = re.compile(r"\b(?:interest|interets?|interet)\b")
UNSURE_INTEREST = 0.5
# A payment's day moved, asked (folded text): "changer la date du prélèvement", "move my loan payment date to after payday"
PAYMENT_DAY_MOVED = re.compile(r"\b(?:change\w*|move|moving|modifier|deplacer|decaler|switch)\b[^.?!]{0,15}\b(?:date|day|jour)\b[^.?!]{0,25}"
                               r"\b(?:prelevements?|paiements?|payments?|withdrawals?|versements?)\b"
                               r"|\b(?:change\w*|move|moving|modifier|deplacer|decaler|switch)\b[^.?!]{0,25}\b(?:prelevements?|paiements?|payments?|withdrawals?)"
                               r"\b[^.?!]{0,10}\b(?:date|day|jour)\b")
CHANGE_PAYMENT_ENTRY = "student_loan_repayment.change_payment"
# One's loan named bare, which here is a student loan (folded text): "can i move my loan payment date to after payday?"
MY_LOAN = re.compile(r"\b(?:my|mon) (?:loan|pret)\b(?! (?:auto|car|hypothecaire|mortgage|personnel|bancaire))")
# The interest's rate or amount asked, not whether it runs (folded text): "how much interest is on my loan anyways"
RATE_ASKED = re.compile(r"\b(?:how much|combien|rates?|taux|percent|pourcentage)\b|%")
MAX_INTEREST_WORDS = 12
SELF_EMPLOYED_ENTRY = "ei_eligibility.self_employed"
# When it can be picked up, asked (folded text), after an application handed in at an office
PICKED_UP_WHEN = re.compile(r"\b(?:quand|when)\b[^.?!]{0,30}\b(?:(?:aller )?le (?:chercher|ramasser|recuperer)|l'avoir|pick (?:it )?up|get it|have it)\b")
HANDED_IN_TODAY = re.compile(r"\b(?:fait|depose|deposee|envoye|soumis|handed in|dropped off|submitted|applied|put in)\b[^.?!]{0,40}"
                             r"\b(?:bureau|office|centre|center|comptoir|service canada|complexe)\b")
# When to apply, asked bare (folded text), after a maternity or parental leave told: EI's deadline
WHEN_TO_APPLY = re.compile(r"\b(?:(?:je|on|j') ?(?:fais|fait|dois faire|doit faire|envoie|applique) (?:ma |la |notre )?(?:demande )?"
                           r"(?:(?:de chomage|d'ae|d'assurance[- ]emploi|de maternite) )?quand|"
                           r"quand (?:est-ce que |est ce que )?(?:je|on|j') ?(?:fais|fait|dois|doit|peux|peut) (?:faire )?(?:ma |la )?demande|"
                           r"when (?:do|should|can|must) (?:i|we) (?:apply|send (?:it|my application)|file)|when to apply)\b")
LEAVE_TOLD = re.compile(r"\b(?:conge (?:de )?(?:maternite|paternite|parental)|maternity leave|parental leave|mat leave|paternity leave)\b")
MAX_WHEN_TO_APPLY_WORDS = 10
# Where to go to do what the conversation is about ("ou je le fais?", "where do i send it"): the
# program's topic that answers where.
WHERE_TO_GO = {PASSPORT: "passport_where_apply", EI: "ei_apply", SIN: "sin_apply"}
# A where-question about the application itself ("ok and where do I send my application" after a
# photo question): where to apply, not where the last topic's own thing is done
SENDS = re.compile(r"\b(?:send|mail|submit|application|apply|form|envoi\w*|envoy\w*|poste|demande|formulaire|applique)\b",
                   re.IGNORECASE)
# A SIN card named (folded text), and the card a question asks about: its answer
SIN_CARD = re.compile(r"\b(?:sin|social insurance) cards?\b|\bcartes? (?:de |d')?(?:nas|assurance sociale)\b")
CARD = re.compile(r"\b(?:cards?|cartes?)\b")
# ... a card named bare, no kind said before or after it ("la carte je veux dire", "the card"; not
# "sa carte santé", "my status card", "la carte d'assurance maladie"): after a SIN, the SIN's
BARE_CARD = re.compile(r"\b(?:la|the|ma|my|une|a|une nouvelle|a new|cette|this|that|sa|his|her) (?:carte|card)\b"
                       r"(?! (?:sante|de\b|d'|du\b|soleil|bancaire|medicare|ohip|ramq|of\b|for\b|pour\b))")
# another card named ("and my credit card was in there too, how do i cancel it")
OTHER_CARD = re.compile(r"\b(?:credit|debit|bank|health|gift|sim|visa|mastercard|amex|ohip|loyalty|library|id|"
                        r"de credit|de debit|bancaires?|soleil|d'assurance[- ]maladie|ramq|d'identite|cadeau)\b")
SIN_CARD_ENTRY = "sin_protect.lost_card"
SIN_CARD_ENTRIES = {SIN_CARD_ENTRY, "sin_protect.stolen_or_fraud"}  # a lost or stolen card's answers
# Renewing where one is, asked (folded text): "can i renew here?", "je peux le renouveler d'ici?"
RENEW_HERE = re.compile(r"\b(?:renew\w*|renouvel\w*)\b(?: (?:it|mine|my passport|le|la|mon passeport))?\s+(?:from )?(?:here|over here|ici|d'ici|icitte|from where i am)\b")
# Whether a passport told of can still be renewed, asked bare (folded text): "je peux encore ou c'est
# trop vieux?", "can i still or is it too old"
STILL_RENEWABLE = re.compile(r"\b(?:je peux encore|on peut encore|peux-je encore|can i still|can we still|trop vieux|too old|"
                             r"(?:ca|ça) marche encore|still (?:ok|good|renewable|eligible))\b")
MAX_STILL_RENEWABLE_WORDS = 10
# The hospital's birth papers named (folded text): "les papiers de l'hôpital", "the hospital forms"
HOSPITAL_PAPERS = re.compile(r"\b(?:papiers?|formulaires?|forms?|papers?|paperwork|documents?)\b[^.?!]{0,15}\b(?:de l'hopital|from the hospital|a l'hopital|at the hospital)\b"
                             r"|\bhospital (?:forms?|papers?|paperwork)\b")
BIRTH_REGISTRATION_ENTRY = "ccb_apply.birth_registration"
# A call, text or email about the SIN, told (folded text), then what they wanted or whether to
# answer it: "ils avaient les 3 premiers chiffres de mon NAS pis ils voulaient le reste", "should i answer it?"
SUSPICIOUS_CONTACT = re.compile(r"\b(?:call|called|calls|calling|texted|text|texts|email\w*|e-mail\w*|message\w*|voicemail|"
                                r"appel\w*|texto\w*|courriel\w*|soi-disant|so-called|bizarre|weird|strange|sketchy|scam\w*|arnaque\w*)\b")
WANTED_IT = re.compile(r"\b(?:voulai\w*|veulent|veut|demandai\w*|demandent|wanted|want|wants|asked (?:for|me)|asking (?:for|me))\b")
ANSWER_IT = re.compile(r"\b(?:should|can|do) i (?:answer|reply|respond|text back|call (?:them |it )?back|click)\b"
                       r"|\b(?:je (?:reponds|reponde|rappelle|clique)|j'(?:y )?reponds|faut(?:-| )?(?:tu|il) (?:que je )?(?:reponde|rappelle))\b")
MAX_ANSWER_IT_WORDS = 8
# Who the caller claimed to be, told (folded text): "il disait etre de service canada, ca se peut tu"
CLAIMED_TO_BE = re.compile(r"\b(?:(?:il|elle|ils|elles|he|she|they|the guy|le gars|la madame|la personne) )?"
                           r"(?:disait|disaient|a dit|ont dit|pretendait|pretendaient|pretend|said|says|claimed|claims|claiming) "
                           r"(?:qu'(?:il|elle|ils) (?:etai(?:t|ent)|venai(?:t|ent)) |etre |venir |(?:he|she|they) (?:was|were|is|are) |to be )?"
                           r"(?:de |du |d'|from |with )?(?:service canada|servicecanada|l'arc|arc|cra|revenu canada|le gouvernement|the government|"
                           r"gouvernement|government|la police|the police|police|rcmp|grc|ircc|immigration)\b")
# What the caller knew, told (folded text): "ils savaient mon adresse pis ma date de naissance"
THEY_KNEW = re.compile(r"\b(?:ils|they|il|elle|he|she|the guy|le gars|la personne) (?:savaient|savait|connaissaient|connaissait|knew|had|avaient|avait) "
                       r"(?:deja |already |even |meme )?(?:mon|ma|mes|my|all my|tout mes|toutes mes)\b")
# A guarantor or references spoken of (folded text), then someone proposed as one: "mon medecin de
# famille ca marche?" after "c quoi un repondant", "what about my pastor?"
GUARANTOR_WORDS = re.compile(r"\b(?:guarantors?|guarentors?|garants?|repondants?|references?)\b")
SOMEONE_PROPOSED = re.compile(
    r"\b(?:doctor|dr|physician|nurse|teacher|prof|professor|pastor|priest|imam|rabbi|lawyer|notary|pharmacist|dentist|"
    r"accountant|engineer|police\w*|cop|boss|manager|coworker|co-worker|neighbou?r|friend|cousin|uncle|aunt|"
    r"medecin|docteur|infirmiere?|enseignante?|professeure?|pretre|cure|pasteur|avocate?|notaire|pharmacien\w*|dentiste|"
    r"comptable|ingenieure?|policier\w*|patron|patronne|gerante?|collegue|voisine?|ami|amie|chum|blonde|oncle|tante|"
    r"beau-frere|belle-soeur|beau frere|belle soeur)\b")
MAX_PROPOSED_WORDS = 10
# An age told for when the writer's passport was issued (folded text): "when i was 14", "celui de 5 ans que
# j'ai eu à 18 ans", "got it at 19"
ISSUED_AT_AGE = re.compile(r"\b(?:when i was|quand j'avais|lorsque j'avais|j'avais|at age|a l'age de|eu a|obtenu a|got it at|had it at|"
                           r"issued at|received it at)\s+(\d{1,2})\b")
MAX_ISSUED_YOUNG_WORDS = 10


# Forty-fourth session's follow-ups (folded text).
# A new number asked after a stolen identity: "they have my SIN too, do i need to get a new number"
NEW_NUMBER = re.compile(r"\b(?:(?:a |get a |need a |new |another |different )(?:sin|social insurance number|number)|(?:change|replace) (?:my |the )?(?:sin|number)|"
                        r"(?:nouveau|autre) (?:nas|numero)|changer (?:de |mon )?(?:nas|numero))\b")
NEW_SIN_ENTRY = "sin_protect.new_sin"
# The photo's size, asked bare: "what size", "quelle grandeur?"
SIZE_ASKED = re.compile(r"\b(?:what|which|wat|quelle|quel) (?:size|sizes|dimensions?|taille|grandeur|format)\b|\bhow big\b|\bdimensions?\b|"
                        r"\b(?:size|taille|grandeur|format) (?:exactly|exacte?)\b")
MAX_SIZE_WORDS = 6
PHOTO_SIZE_ENTRY = "passport_photo.size"
# The SIN asked for by someone, then whether that is all right: "my bank is asking for it to open a
# savings account, is that ok" after how to protect it
ASKING_FOR_IT = re.compile(r"\b(?:asking|asks|asked|ask|wants|want|needs|requires|demande|demandent|veut|veulent|exige\w*) "
                           r"(?:me )?(?:for )?(?:it|my sin|my number|mon nas|mon numero|le nas)\b|\b(?:me le|me l'|me la) (?:demande|demandent|veut|veulent)\b")
IS_IT_ALLOWED = re.compile(r"\b(?:is (?:that|this|it) (?:ok|okay|normal|legit|allowed|legal|safe|fine)|should i (?:give|share)|do i have to|"
                           r"(?:c'est|cest|c|est-ce)(?: tu)? (?:correct|normal|legal|ok|permis|securitaire)|je (?:dois|suis oblige\w*)|ont[- ](?:ils|tu) le droit)\b")
NOT_REQUIRED_ENTRY = "sin_protect.dont_have_to"
# Those the law lets ask for the SIN, named (folded text): an employer, a bank, taxes, a government program
MAY_ASK = re.compile(r"\b(?:employers?|employeurs?|patron|boss|banks?|banques?|caisses?|credit unions?|tax|taxes|impots?|"
                     r"government|gouvernement|clients?)\b")
# How long, asked (folded text): not a price
HOW_LONG_ASKED = re.compile(r"\b(?:combien de temps|how long|delais?)\b")
# A newborn or a baby to come told (folded text)
NEWBORN = re.compile(r"\b(?:bebe|bebes|baby|babies|newborn|nouveau-ne|vient de naitre|viens d'accoucher|just (?:had|born|gave birth)|born)\b")
# Hours worked while on EI, and where they go in the report: "et si j'ai travaillé quelques heures
# cette semaine, je le mets où dans la déclaration?"
WORKED_WHILE_ON_CLAIM = re.compile(r"\b(?:travaille|worked|working|work|heures|hours|shifts?|gagne|earned|job)\b")
REPORT_NAMED = re.compile(r"\b(?:declarations?|reports?|rapports?)\b")
TAX_NAMED = re.compile(r"\b(?:impots?|taxes?|tax|t4|revenu quebec|arc|cra)\b")
WORKING_ON_CLAIM_ENTRY = "ei_apply.working_while_on_claim"
# Someone known for some years, told of a guarantor proposed: "je le connais depuis 3 ans"
# The someone proposed asked as one (folded text): "can my old high school teacher be one? i had him like 5 yrs ago"
# (or "do it instead": "my family doctor retired, can my neighbour of 10 years do it instead")
BE_ONE = re.compile(r"\bbe (?:one|mine|my guarantor|a guarantor|my reference|a reference)\b|\betre (?:mon |un |le )?(?:repondant|garant)\b"
                    r"|\bdo it (?:instead|for me)\b|\ble faire a (?:la|sa) place\b")
KNOWN_FOR = re.compile(r"\b(?:je (?:le|la) connais|connu|known (?:him|her|them)|i(?:'ve| have)? know[n]? (?:him|her)) (?:depuis|for|since)\b"
                       r"|\b(?:neighbou?r|friend|voisine?|amie?) (?:of|depuis) (?:\d+|many|several|plusieurs|ten|twenty|dix|vingt) (?:years|yrs|ans)\b")
# The online way, asked with its alternative: "Puis-je le faire par Internet, ou dois-je
# obligatoirement me rendre dans un bureau?"
BY_INTERNET = re.compile(r"\b(?:par internet|sur internet|en ligne|online|on line|sur le web|par le web)\b")
# Where, asked bare at the end (folded text): "jle fais ou", "je l'envoie ou?"
_I_DO = r"(?:je|j'|on) ?(?:le |l'|la |les )?"
_DO_WHERE_AT_END = r"(?:fais|fait|envoie|depose|demande|applique|renouvelle)\s+(?:ca |ça )?(?:ou|where)\s*\??\s*$"
WHERE_BARE = re.compile(rf"\b(?:{_I_DO}|j|jle |jla ){_DO_WHERE_AT_END}|"
                        r"^\s*(?:ou|where)\s+(?:je|j'|on)\s*(?:le |l'|la )?(?:fais|fait|envoie|depose|demande|renouvelle)\b")
MAX_WHERE_BARE_WORDS = 6
# Applying at an office, told (folded text): "i apply at high commission", "j'ai fait ma demande a l'ambassade"
APPLIED_THERE = re.compile(r"\b(?:apply|applied|applying|demande|appliqu\w*|depose\w*|submitted|submit)\b")
# At an airport, and a passport made (folded text): "can i renew my passport at the airport", "faire mon passeport a laeroport"
AT_THE_AIRPORT = re.compile(r"\b(?:at|a|au|direct a|directement a|in|to) (?:the |l')?(?:airport|aeroport|laeroport)\b")
MAKES_A_PASSPORT = re.compile(r"\b(?:faire|fait|get|apply for|obtenir|avoir) (?:mon|my|un|a|le|the|son|his|her) (?:nouveau |new )?passe?port\b")
# Whether someone may sign, asked (folded text): "le maire du village peut tu signer?"
MAY_SIGN = re.compile(r"\b(?:peut|peux|pourrait|can|could|may)(?:[- ]tu| tu|[- ]il|[- ]elle)? (?:signer|sign)\b")
# An appointment to book, asked (folded text): "on peut prendre rdv en ligne au centre service canada"
BOOKS_AN_APPOINTMENT = re.compile(r"\b(?:prendre|booker|book|reserver|make|schedule|get) (?:un |a |an |mon |my )?(?:rdv|rendez-vous|rendez vous|appointment|appt)\b")
MAX_WHERE_ABROAD_WORDS = 12  # "et si je suis à l'étranger, genre à Alger?" after where to apply
# Whether an office does passports, asked (folded text): "le Service Canada de Longueuil fait-il les
# passeports?", "does the service canada in moncton do passports"
OFFICE_DOES_PASSPORTS = re.compile(
    r"\b(?:service canada|centre|center|bureau|office|scc)\b[^.?!]{0,40}?\b(?:fait|font|fais|faites|do|does|offer|offers|offre|offrent|handle|handles|take|takes|prend|prennent|accepte\w*)"
    # (not a passport's photos: "does the service canada centre take passport photos")
    r"(?:-il|-elle|-ils|-tu| tu| ti)? (?:les |des |aussi les |the |any )?(?:passe?ports?|demandes? de passeports?|passport applications?)\b"
    r"(?! (?:photos?|pictures?|pics?|picture))")
# ... or asked last, after what the writer tells: "ok pis si je suis a l'etranger? je passe l'hiver au
# Mexique a Puerto Vallarta jusqu'en avril, je fais ca ou?" (during the renewal check, read unsurely)
WHERE_LAST = re.compile(rf"\b{_I_DO}{_DO_WHERE_AT_END}")
UNSURE_WHERE_LAST = 0.5  # where to apply read less surely than this (below the fallback), asked with "je fais ça où?"
UNSURE_WHERE_PRICE = 0.6  # where to apply read this unsurely, a price asked with no "where": the price


def issued_at_adult_age(said: str) -> bool:
    """The writer's passport told issued at 16 or older ("got it at 19")."""
    return any(int(age) >= 16 for age in ISSUED_AT_AGE.findall(fold(said)))


def issued_under_16(said: str) -> bool:
    """The writer's passport told issued before 16 (folded text): "from when i was 12", "je l'ai eu
    quand j'avais 14 ans"."""
    return any(int(age) < 16 for age in ISSUED_AT_AGE.findall(fold(said)))


# A passport needed within days (folded text): "i need my passport tomorrow", "besoin de mon passeport pour demain"
PASSPORT_NEEDED_BY = re.compile(
    r"\bneed (?:my |a |the |our |his |her )?(?:new )?(?:passe?ports?|ppt) (?:by |for |before )?(?:tomorrow|today|tonight|asap|right away|"
    r"this week|this weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day|in (?:\d|one|two|three|four|five|a few) days?)\b"
    r"|\bbesoin (?:de |d')(?:mon |un |notre |son |sa )?(?:nouveau )?passeport (?:pour |d'ici |avant )?(?:demain|aujourd'hui|ce soir|"
    r"cette semaine|en fin de semaine|la fin de semaine|au plus vite|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|dans (?:\d|deux|trois|quelques) jours?)\b")
# The first payment named (folded text): "how long before the first payment", "le premier versement"
# A payment to make, not one received (folded text): "quand est-ce que je dois faire mon premier paiement?"
PAYMENT_TO_MAKE = re.compile(r"\b(?:faire|make|pay|payer|start paying|commencer a payer) (?:mon |my |le |the |ma )?(?:premier |first )?(?:paiement|payment|versement)\b")
FIRST_PAYMENT = re.compile(r"\b(?:first|1st) (?:payment|cheque|check|deposit|pay)\b|\bpremier (?:paiement|versement|cheque|depot)\b")
# Paying back asked about (folded text): "how do i pay back the one i already have", "je le rembourse comment"
REPAY_ASKED = re.compile(r"\b(?:pay (?:it |them |that |this )?back|paying (?:it )?back|repay\w*|rembours\w*)\b")
# ... not of another debt (folded text): "pis ma carte de crédit TD" after the plan
ANOTHER_DEBT = re.compile(r"\b(?:cartes? de credit|credit cards?|hypotheques?|mortgages?|marges? de credit|lines? of credit|"
                          r"pret (?:auto|automobile|hypothecaire|personnel|bancaire)|car loans?|personal loans?)\b")
# Family asked about (folded text): "ou faut que ce soit quelqu'un pas de la famille", "can it be family"
FAMILY_ASKED = re.compile(r"\b(?:famille|family|relatives?|parente?s?)\b")
UNSURE_GUARANTOR = 0.6  # a guarantor proposed, read less surely than this as another passport topic or none
RENEWAL_NAMED = re.compile(r"\b(?:renew\w*|renouvel\w*)\b")
# Nobody known who could be one, told (folded text): "what if i dont know anybody whos had a
# passport that long, i just moved here" after who can be a guarantor
KNOWS_NOBODY = re.compile(r"\b(?:(?:don'?t|dont|do not|doesn'?t) know (?:any(?:body|one)|many people|a lot of people|enough people)|"
                          r"(?:know|knows) (?:no ?one|nobody)|no one (?:has )?known me|nobody (?:has )?known me|"
                          r"(?:connais|connait|connaissons) (?:pas |personne|pas grand[- ]monde|pas beaucoup de monde)|personne (?:ne )?me connait|"
                          r"(?:just|recently) (?:moved|arrived|came) (?:here|to canada|in canada)|new (?:here|to canada)|vien\w* d'arriver)\b")
MAX_KNOWS_NOBODY_WORDS = 20
NO_GUARANTOR_ENTRY = "passport_apply_adult.no_guarantor"
ADULT_GUARANTOR_ENTRY = "passport_apply_adult.guarantor"
CHILD_GUARANTOR_ENTRY = "passport_child.guarantor"
UNSURE_STATUS = 0.8  # a way's follow-up read as the status less surely than this asks the way's time
MAX_SERVICE_FOLLOW_UP_WORDS = 10  # a short question after a service we do not answer was named
MAX_WHAT_IS_WORDS = 8  # "c quoi un repondant", "whats a guarantor": what one is, asked briefly
MAX_PROGRAM_ASKED_WORDS = 12  # "y a tu un programme pour ça? comment je m'inscris": a program asked for, briefly
TEMPORARY_ENTRY = "passport_urgent.temporary"
# The birth registration's form not given (folded text): "what if the hospital didnt give me the form"
HOSPITAL_FORM = re.compile(r"\b(?:hospital|hopital|maternity ward|birth centre|birth center|maison de naissance)\b[^.?!]{0,50}"
                           r"\b(?:forms?|formulaires?|papers?|papiers?|paperwork)\b"
                           r"|\b(?:forms?|formulaires?|papers?|papiers?|paperwork)\b[^.?!]{0,50}\b(?:hospital|hopital)\b")
CCB_OTHER_WAY_ENTRY = "ccb_apply.online_or_form"
# The face in a photo, asked of (folded text): "il peut avoir la bouche ouverte?", "can she smile"
FACE_TOLD = re.compile(r"\b(?:bouche|yeux|oeil|sourire|sourit|sourient|souriant\w*|dents|langue|grimace\w*|pleur\w*|"
                       r"mouth|eyes?|smil\w*|teeth|tongue|expression|frown\w*|cry\w*|crying|asleep|sleeping|dort|endormie?)\b")
# ... asked whether it is allowed, not how to edit a picture ("know any good app to fix red eye on my selfies")
FACE_ALLOWED = re.compile(r"\b(?:peut|peux|peuvent|can|could|allowed|ok|okay|correct|accept\w*|faut|must|should|have to|need to|"
                          r"doit|doivent|fine|is it|est-ce|est-tu|c'est-tu|rules?|regles?)\b")
EDITED = re.compile(r"\b(?:apps?|applications?|filters?|filtres?|edit\w*|photoshop\w*|retouch\w*|insta\w*|selfies?|snapchat|tiktok)\b")
EXPRESSION_ENTRY = "passport_photo.expression"
BABY_PHOTO_ENTRY = "passport_photo.baby"
MAX_BABY_PHOTO_WORDS = 8  # "meme pour un bebe de 2 mois?" after the photo's rules
SAME_RULES = re.compile(r"\b(?:(?:les )?memes? (?:regles|affaires|consignes|criteres)|same (?:rules|thing|requirements)|pareil)\b")
# A baby's head held up or not, told (folded text): "shes only 4 months and cant hold her head up yet"
HOLDS_HEAD = re.compile(r"\b(?:hold (?:up )?(?:her|his|their|its) (?:own )?head|tenir (?:sa |la )?tete|se tient (?:pas )?(?:encore )?(?:la tete|assise?))\b")
BABY = re.compile(r"\b(?:bebes?|babies|baby|grandbab(?:y|ies)|newborns?|nouveau-nes?|poupon|infant|\d{1,2} (?:mois|months?|semaines|weeks))\b")
# Another one asked for, told as a redo (folded text): "j'en redemande un?", "do i get a new one"
ANOTHER_ASKED = re.compile(r"\b(?:redemande\w*|en (?:redemande|demande|ravoir|avoir|obtenir) (?:un|une)|(?:get|need|apply for|order) "
                           r"(?:a )?(?:new|another|replacement)(?: one)?|a new one|another one|replace (?:it|them))\b")
# A thing of a benefit's awaited, named (folded text): "j'ai toujours pas reçu mon code d'accès"
# is EI's, not a passport's
AWAITED_THING = re.compile(r"\b(?:codes?|access code|code d'acces|cards?|cartes?|letters?|lettres?|releve|roe|"
                           r"reports?|declarations?|payments?|paiements?|deposits?|depots?|cheques?|checks?)\b")
# Whether it can be renewed, asked briefly (folded text): "je peux-tu juste le renouveler?", "can i just renew it?"
# (or, "just" renewing, for the one whose passport it is: "il peut tu juste le renouveler?" after a
# father's expired passport; not "donc y peut le renouveler?" after one issued in 2020, a renewal)
CAN_I_RENEW_IT = re.compile(r"\b(?:can|could) (?:i|we) (?:just |still |simply |only )?renew (?:it|mine|that one)\b"
                            r"|\b(?:can|could) (?:he|she|they) (?:just|still|simply|only) renew (?:it|his|hers|that one)\b"
                            r"|\b(?:il|elle|y) (?:peut|pourrait)(?:[- ]tu)? (?:juste|encore|simplement|seulement) (?:le |la |les )renouvel\w*"
                            r"|\b(?:je|on) (?:peux|peut|pourrais|pourrait)(?:[- ]tu)? (?:juste |encore |simplement |seulement )?"
                            r"(?:le |la |les )renouvel\w*|\b(?:puis|peux)-je (?:juste |encore |simplement )?(?:le |la )renouvel\w*")
# A way used, asked about (folded text): "donc je peux faire le formulaire simplifié?", "can i use the simplified one"
CAN_I_USE_IT = re.compile(r"\b(?:can|could|may) (?:i|we) (?:just |still |also )?(?:do|use|fill|fill out|go with|get|apply with)\b"
                          r"|\b(?:je|on) (?:peux|peut|pourrais|pourrait)(?:[- ]tu)? (?:juste |quand meme |encore )?"
                          r"(?:faire|utiliser|remplir|prendre|passer par|avoir)\b|\b(?:puis|peux)-je (?:faire|utiliser|remplir)\b")
# ... with nothing after it but "first" or "or not" ("je peux le renouveler en ligne?" asks how)
NOTHING_AFTER = re.compile(r"^\W*(?:(?:d'abord|quand meme|pareil|then|or not|ou pas|anyway|first)\W*)?$")
RENEWAL_REFUSED = "utter_renewal_not_eligible"  # the renewal check's "apply for a new passport instead"
# What to do next, asked (folded text): "je fais quoi alors", "what do i do now"
WHAT_NOW = re.compile(r"\b(?:je fais quoi|j'fais quoi|jfais quoi|on fait quoi|qu'?est[- ]?ce que je fais|what do i do|what should i do|"
                      r"what now|so what now|now what)\b")
# What the status page shows, told, with how long (folded text): "it says in process since 6 weeks",
# "ça dit en traitement depuis 5 semaines"
STATUS_SHOWN = re.compile(r"\b(?:in process|in progress|processing|being processed|under review|received|en traitement|"
                          r"en cours(?: de traitement)?|recue?)\b[^.?!]{0,30}\b(?:since|for|depuis|ca fait)\b[^.?!]{0,10}"
                          r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|un|une|deux|trois|quatre|cinq|six|sept|huit) "
                          # (or days: "my application has said in process for 30 business days")
                          r"(?:weeks?|months?|semaines?|mois|(?:business |working )?days|jours(?: ouvrables)?)\b")
# ... said to be what the page or the file shows: "my application says", "ma demande indique"
STATUS_SAYS = re.compile(r"\b(?:says|said|shows|showing|show|indique|indiquait|affiche|dit|marque|status)\b")
# ... or the file's state told, with no usual time asked: "mon dossier est 'en traitement' depuis un mois"
FILE_STATE_TOLD = re.compile(r"\b(?:dossier|application|demande|file) (?:est|is|has been|a ete|'s)\b")
NSLSC_ACCOUNT_ENTRY = "student_loan_repayment.nslsc_account"
# Paying by automatic withdrawal (folded text): "can i set up automatic payments", "prélèvements automatiques"
AUTOMATIC_PAYMENTS = re.compile(r"\b(?:automatic|auto|automated|pre-?authori[sz]ed|recurring) (?:payments?|withdrawals?|debits?|deposits?)\b"
                                r"|\bauto-?pay\b|\b(?:prelevements?|paiements?|retraits?) (?:pre-?autorises?|automatiques?)\b")
WAITING_PERIOD_ENTRY = "ei_apply.waiting_period"
# EI's waiting period named (folded text)
WAITING_PERIOD = re.compile(r"\b(?:waiting (?:period|week)|unpaid (?:first )?week|(?:delai|semaine|periode) de carence|carence)\b")
# ... named by its French name alone, EI's in Canada ("c quoi le delai de carence"), and, after an
# EI question, by a week of waiting ("pis la semaine d'attente c quoi ca")
CARENCE = re.compile(r"\b(?:delai|semaine|periode) de carence\b")
WAITING_WEEK = re.compile(r"\b(?:semaine d'attente|week of waiting|(?:1|one|une) week wait)\b")
SIN_LETTER_ENTRY = "sin_apply.card_or_letter"
# How to show one's SIN without a card, asked (folded text): "then how do i prove my number to my
# new job", "je prouve comment mon NAS à mon employeur?": the confirmation letter or the digital SIN
PROVES_THE_NUMBER = re.compile(r"\b(?:prove|proving|show|showing|confirm) (?:my |the |our |his |her )?(?:sin|number|social insurance number)\b"
                               r"|\bproof of (?:my |the )?(?:sin|social insurance number)\b"
                               r"|\b(?:prouver|prouve|montrer|montre|confirmer) (?:mon |le |son )?(?:nas|numero)\b|\bpreuve (?:de|du) (?:mon )?nas\b")
# another one asked for (folded text): "comment j'en ravoir une autre?", "can i get a new one"
ANOTHER_ONE = re.compile(r"\b(?:another one|a new one|a replacement|(?:en )?(?:ravoir|avoir|obtenir|demander) une? (?:autre|nouvelle?|nouveau))\b")
# Photos told before, and whether they are still good, asked (folded text): how old a photo may be
PHOTOS_TOLD = re.compile(r"\b(?:photos?|pictures?|pics?)\b(?! page)(?<!page photo)")  # not the passport's photo page
STILL_GOOD = re.compile(r"\b(?:still (?:good|valid|ok|okay)|too old|encore (?:bonnes?|valides?|correctes?|ok)|trop vieilles?|perimees?)\b")
PHOTO_AGE_ENTRY = "passport_photo.photo_age"
EXPIRY_WORDS = re.compile(r"\b(?:passports?|passeports?|expir\w*)\b")  # the passport's own validity, asked
PASSPORT_NAMED = re.compile(r"\b(?:passports?|passeports?|ppt)\b")  # folded text
# The writer's own passport booklet, not "my passport photos" for an application (folded text)
OWN_PASSPORT = re.compile(r"\b(?:my|mon|ma|our|notre|his|her|son|sa) (?:\w+ )?(?:passport|passeport)\b"
                          r"(?! (?:photos?|pictures?|pics?|picture)\b)")
# How to pay, asked after a passport question: the fee's ways to pay, unless a rule decided
# Whether a price includes another, asked (folded text): "does that include the passport itself or is it on top"
INCLUDED = re.compile(r"\b(?:includ\w*|on top|in addition|inclu\w*|en plus du|en plus de|par-dessus|en sus)\b")
MAX_INCLUDED_WORDS = 14
KEEP_WHEN_PAYING = {"request_human", "complaint", "choose_language"}
HOW_TO_PAY_ENTRY = "passport_fees.how_to_pay"
# Whether a passport can be had in time for a trip told, asked of one of these: the urgent service
IN_TIME_TOPICS = {"passport_lost_stolen", "passport_renew", "passport_renewal_eligibility", "passport_apply_adult",
                  "passport_processing_times"}
# What a message read as one of these tells rather than asks, or says too unsurely to be asked
TOLD_NOT_ASKED = {"affirm", "out_of_scope", "nlu_fallback"}
SIN_NEWCOMERS_ENTRY = "sin_apply.newcomers"
ABROAD_TIME_ENTRY = "passport_processing_times.abroad"
# A passport's validity or expiry named (folded text): "how long is it valid", "combien de temps il est bon"
VALIDITY_WORDS = re.compile(r"\b(?:valid|validity|valide|validite|bon|bonne|good for|expire\w*|expiry|expiration)\b")
# The times in Canada (or the mail's), which someone abroad is not asking for
MAILING_TIME_ENTRY = "passport_processing_times.mailing_time"
BY_MAIL_TIME_ENTRY = "passport_processing_times.by_mail"
HOME_TIME_ENTRIES = {"passport_processing_times.overview", "passport_processing_times.in_person",
                     BY_MAIL_TIME_ENTRY, MAILING_TIME_ENTRY}
MAX_ABROAD_FOLLOW_UP_WORDS = 12
MAX_SUPPOSED_ABROAD_WORDS = 20  # ... or this many, opened by "and if", "what if", "et si"
# The mail's own time asked (folded text): "does it include shipping", "la livraison c'est combien de temps"
MAILING_ASKED = re.compile(r"\b(?:mailing|deliver\w*|shipping|ship|arrive|include\w*|inclu\w*|livraison|livre\w*|acheminement|postal)\b")
# A SIN given away, told (folded text): "I gave my SIN to a job posting", "a envoyé une photo de
# sa confirmation de NAS", "j'ai donné mon NAS au téléphone"
SIN_SHARED = re.compile(
    r"\b(?:gave|given|sent|shared|posted|texted|emailed)\b[^.?!]{0,40}\b(?:sin|social insurance)\b"
    r"|\b(?:donne|envoye|partage|texte|publie)\w*\b[^.?!]{0,40}\b(?:nas|assurance sociale)\b")
# ... or given, said with a pronoun after the SIN was spoken of (folded text): "elle lui a donné,
# qu'est ce qu'elle doit faire" after a caller asked a mother for hers, "and i gave it to him"
GAVE_IT = re.compile(r"\b(?:(?:lui|leur|y) (?:en )?(?:a|ai|as|avons|ont) (?:donne|envoye|dit|fourni)|l'(?:a|ai|as|avons|ont) (?:donne|envoye)|"
                     r"(?:i|she|he|we|they|mom|dad) (?:already |just )?(?:gave|sent|told) (?:it|them|him|her|it to \w+|them it|him it|her it)"
                     # "i already told them my number", "je leur ai donné mon numéro"
                     r"(?: (?:my|the|her|his|our) (?:number|numero|sin|nas))?)\b")
# What happens next, asked (folded text): "qu'est ce qui arrive là, je vais tu avoir des problèmes?"
# after missed loan payments asks for what missing them does, not for help to pay
WHAT_HAPPENS = re.compile(r"\bqu'est[- ]ce qui (?:arrive|se passe|va (?:m'|nous |lui |leur )?arriver|va se passer)\b|\bwhat (?:happens|will happen)\b"
                          r"|\bin trouble\b|\bdes problemes\b")
# Not able to pay (folded text)
CANT_PAY = re.compile(
    r"\b(?:chu|suis|sommes|sont|est) (?:pu|plus|pas) capables? financierement\b|\barreter de (?:payer|rembourser)\b|"
    r"\bstop (?:paying|repaying|making (?:my |the )?payments)\b|"
    r"\b(?:ca|sa) (?:passe|arrive) (?:pas|plus|pu)\b|"  # "avec un seul salaire ça passe pas"
    r"\b(?:can'?t|cannot|can not|unable to|won'?t be able to|not able to|couldn'?t|wont be able to)\s+(?:afford|pay|make (?:the |my )?payments?)\b"
    r"|\b(?:don'?t|dont|do not) (?:make|earn|have) enough\b|\bnot (?:making|earning) enough\b"
    # the payment too high for one's pay: "too much, i work part time only. what i can do"
    r"|^\W*(?:its |it's |it is |thats |that's |way |much )?too (?:much|high|expensive)\b|^\W*(?:c'est |c |cest )?(?:beaucoup )?trop (?:cher|eleve|haut)\b"
    # no job when payments start: "and if i dont have a job by then?", "pis si j'ai pas de job d'ici là"
    r"|\b(?:don'?t|dont|do not|won'?t|wont|will not|still don'?t) have (?:a |any )?(?:job|work|income)\b"
    r"|\b(?:j'ai|jai|j'aurai|jaurai|j'ai toujours) (?:pas|pu|plus|toujours pas) (?:de |d')?(?:job|jobs|emploi|travail|revenus?)\b"
    # "pis si je me trouve pas de job d'ici la?", "what if i can't find a job by then"
    r"|\b(?:je (?:me )?trouve|j'me trouve|jme trouve|je trouve) (?:pas|pu|plus) (?:de |d')?(?:job|jobs|emploi|travail)\b"
    r"|\b(?:can'?t|cannot|don'?t|dont|do not) find (?:a |any )?(?:job|work)\b"
    r"|\b(?:peux|j'?peux|peut|pourrai|pourrais|pourra|serai|sera|suis|chu)\s+(?:pas|pu|plus)\s+(?:capable de |en mesure de )?(?:payer|rembourser|faire (?:mes|les) paiements)\b"
    r"|\bpas les moyens\b|\bpas assez (?:d'argent|de revenus?|de cash|d'income)\b|\bgagne (?:pas|pu) assez\b|\barrive pas a payer\b"
    # "and if my salary is too small for this?", "mon salaire est trop bas"
    r"|\b(?:salary|income|pay|paycheque|paycheck|wage|salaire|revenu|paie|paye) (?:is |est |are )?(?:too|trop|very|vraiment) (?:small|low|little|petit|petite|bas|basse|faible)\b"
    # "je gagne pas beaucoup", "i don't make much"
    r"|\bgagne (?:pas|pu) (?:beaucoup|gros|grand-chose|grand chose|cher)\b|\b(?:don'?t|dont|do not) (?:make|earn) (?:much|a lot)\b"
    # payments at zero asked, or no pay told: "des paiements à zéro sur mon prêt", "congé parental sans salaire"
    r"|\bpaiements? (?:a|de) (?:zero|0)\b|\b(?:zero|\$?0) (?:dollar )?payments?\b|\bpayments? (?:of|at|to) (?:zero|\$?0)\b"
    r"|\bsans (?:salaire|revenus?|paye|paie)\b|\b(?:unpaid|without pay|no pay|no income)\b"
    # smaller payments asked for: "est-ce qu'il y a moyen de baisser mes paiements de prêt?"
    # (not "will that lower my monthly payment", what a lump sum does)
    r"|\b(?:moyen de|facon de|way to|ways to|can i|can we|could i|how (?:do|can) (?:i|we)|help me|je peux|on peut|possible de) "
    r"(?:baisser|reduire|diminuer|lower|reduce) (?:mes |my |the |les |our |nos )?(?:monthly )?(?:paiements?|payments?|versements?|mensualites?)\b"
    # "should i also stop my student loan payments? money is super tight now"
    r"|\b(?:payer|pay) (?:moins|less)\b|\bmoney is (?:\w+ )?tight\b|\btight on (?:money|cash)\b|\bstop (?:my |the |making )?(?:\w+ )?(?:loan )?payments\b"
    r"|\bbudget (?:est )?(?:\w+ )?serre\b|\barreter (?:mes|les) paiements\b|\b(?:c'est|cest|c|ca) (?:\w+ )?serre\b"
    # lower payments asked for: "demander une réduction de mes paiements", "can i get lower payments"
    r"|\b(?:demander|avoir|obtenir) une (?:reduction|baisse) (?:de |des )?(?:mes |les )?paiements\b"
    r"|\b(?:get|ask for|apply for|request) (?:reduced|lower|smaller) (?:monthly )?payments\b"
    # a low income told: "I only make like 32k a year, do i even have to pay", "je gagne juste 28 000"
    r"|\bonly (?:make|makes|making|earn|earns|earning|get paid)\b|\b(?:low|small) (?:income|salary|wage)\b|\bminimum wage\b"
    r"|\b(?:income|salary|revenu|salaire) (?:is |of |est |de )?(?:only |just |like |about |around |juste |seulement |genre |environ )?\$?\d"
    r"|\bgagne (?:juste|seulement|rien que|a peine)\b|\b(?:faible|petit) (?:revenu|salaire)\b|\bsalaire minimum\b"
    # an income told, then whether anything is owed: "I make 28k a year and live alone, do I have to pay anything"
    r"|\b(?:i make|i earn|i'm making|im making|je fais|je gagne)\b[^.?!]{0,50}\b(?:(?:do|will|would) i (?:still |even )?(?:have|need) to (?:pay|repay)|"
    r"(?:dois|devrais|faut)(?:[- ]je|[- ]tu|[- ]il)? (?:quand meme |vraiment )?(?:payer|rembourser|que je paie))\b")
# Someone asking for the SIN, told after who may ask for it (folded text): "what about my gym?
# they want it on the membership form", "pis mon proprio? y me le demande sur le bail"
WANTS_IT = re.compile(r"\b(?:want|wants|wanted|asking for|ask for|asks for|asked for|need|needs|require\w*) (?:it|my sin|my number|mine)\b"
                      r"|\b(?:me|le|la|l') ?(?:le |la |l')?(?:demande|demandent|demandait|veut|veulent|voulait|exige\w*)\b")
WHO_CAN_ASK_ENTRY = "sin_protect.who_can_ask"

# Proof of citizenship told after a passport application's documents (folded text): "my birth
# certificate is from Ontario but its the small wallet size one"
CITIZENSHIP_PROOF = re.compile(r"\b(?:birth certificate|certificat de naissance|acte de naissance|citizenship certificate|"
                               r"certificat de citoyennete|citizenship card|carte de citoyennete)\b")
PROOF_TOPICS = {"passport_apply_adult", "passport_child"}
# ... and the entry that answers a proof lost ("and if his birth certificate got lost in a house fire
# years ago?" after a first passport's documents): what proof is sent, originals only
PROOF_ENTRY = {"passport_apply_adult": "passport_apply_adult.proof_citizenship", "passport_child": "passport_child.documents"}
# ... but getting one, asked, is the province's or IRCC's: "how do I order a new one from Quebec",
# "je le redemande comment en Haïti?"
GETS_A_CERTIFICATE = re.compile(
    r"\b(?:get|order|reorder|replace|obtain|request|apply for|obtenir|commander|demander|redemand\w*|remplacer|ravoir|avoir)\b"
    r" (?:\w+ ){0,3}(?:a |an |my |un |une |mon |ma |le |la |l')?(?:new |nouvel\w* |autre |copie? \w+ )?"
    r"(?:birth certificate|certificat|acte|citizenship|one|copy|copie)\b"
    r"|\b(?:je|j'|on) (?:le |la |l')?(?:redemand\w*|recommand\w*|ravoir|reavoir)\b")
# A passport had young, told (folded text): a child's passport, an age then, or the year it was issued
YOUNG_THEN = re.compile(r"\b(?:kids?|child\w*|enfan\w*|teen\w*|ados?|when i was|quand j'avais|j'avais|i was \d+|(?:19|20)\d\d)\b")
EI_FIRST_PAYMENT = "ei_apply.first_payment"
# How long it takes, asked (folded text), after one of these topics: the processing time
HOW_LONG = re.compile(r"\b(?:how long|combien de temps|delais?|how many (?:days|weeks)|combien de (?:jours|semaines))\b")
# Answers from abroad, which a question that says nothing of abroad gets the topic's answer instead of
TIME_AFTER = {"passport_renew", "passport_apply_adult", "passport_child", "passport_where_apply", "passport_renewal_eligibility"}
CAREGIVING_ENTRY = "ei_apply.caregiving"
# A sum asked to be worked out (folded text): "calculez moi ça", "can you add it up", "work out the total"
COMPUTE_ASKED = re.compile(r"\b(?:calcul\w*|compute|add (?:it|them|that) up|work (?:it )?out|le total|the total|total cost|au total|in total)\b")
UNSURE_COMPLAINT_SUM = 0.7  # a complaint read less surely than this, asking for a sum with the situation told: the sum
# Time off for someone (folded text): "si je prends un congé pour elle", "take time off for him"
# ... after someone cared for was told (folded text): "mon frère et moi on s'occupe de notre mère qui a le Parkinson"
CARING_TOLD = re.compile(r"\b(?:s'occup\w*|m'occup\w*|prend\w* soin|take care of|taking care of|caring for|care for|look(?:ing)? after)\b")
LEAVE_FOR_SOMEONE = re.compile(r"\b(?:conge|time off|leave|arreter de travailler|stop working)\b[^.?!]{0,20}\b(?:pour|for|to care for|to look after) "
                               r"(?:elle|lui|eux|him|her|them|my \w+|ma \w+|mon \w+)\b")
# A replacement asked for after a lost or stolen passport (folded text): "now how do i get a new
# one" (not a renewal named, not a passport found again)
RENEWAL_WORD = re.compile(r"\b(?:renew\w*|renouvel\w*)")
RENEW_LOST_ENTRY = "passport_lost_stolen.renew_lost"
# A birth just told (folded text): "on vient d'avoir des jumeaux", "notre fille est née hier", "our baby was born"
JUST_BORN = re.compile(r"\b(?:nee?s?|born|accouch\w*|newborns?|nouveau-nes?|naissances?|jumeaux|jumelles|twins|triples|triplets|"
                       r"(?:vient|viens|venons|vient juste) d'avoir (?:un |une |des |notre |nos )?(?:bebe|bebes|enfant|fille|gars|garcon)|"
                       r"just had (?:a |our |the )?(?:baby|babies|son|daughter|kid)|"
                       # "on a eu notre bébé le 3 mars", "we had our baby last week", "the baby is 1 month old"
                       r"(?:on a|j'ai|jai|nous avons|ma blonde a|ma femme a) eu (?:notre |un |une |mon |ma |le |la |nos |des )?(?:bebe|bebes|enfant|fille|gars|garcon|jumeaux)|"
                       r"(?:we|i|my wife|my girlfriend) had (?:a |our |the |my )?(?:baby|babies|son|daughter|twins)|"
                       r"(?:baby|bebe) (?:is|a) (?:\d{1,2}|one|two|three|un|deux|trois) (?:days?|weeks?|months?|jours?|semaines?|mois)(?: old)?)\b")
# The police, asked about after a SIN misused (folded text): "dois-je aller à la police", "should i file a police report"
POLICE = re.compile(r"\b(?:police|cops?|plainte|police report|rapport de police)\b")
# How to take it, asked of a photo spoken of (folded text): "je la prends comment, avec mon cell?"
TAKES_IT_HOW = re.compile(r"\b(?:(?:je |on )?la prend\w*|(?:i |we )?take it|faire moi-meme|myself|moi-meme)\b[^.?!]{0,40}"
                          r"\b(?:comment|how|cell|phone|telephone|iphone|maison|home|salon|chez nous)\b"
                          r"|\b(?:comment|how)\b[^.?!]{0,20}\b(?:la prendre|je la prends|take it|take one)\b")
# A town told in the message ("chu à Saguenay", "i'm in Red Deer"), on the original text: its capital
PLACE_TOLD = re.compile(r"\b(?:chu|je suis|suis|je reste|j'reste|j'habite|jhabite|on reste|on habite|i'?m in|im in|"
                        r"i live in|we live in|we'?re in) (?:a |à |au |in )?[A-ZÀ-Ý][\w'-]+")
# Only where one lives, told (folded text): "jhabite a rimouski", "i live in red deer" after where to apply
HOME_TOLD = re.compile(r"^\W*(?:(?:ok|okay|moi|well|so|bin|ben)\W+)?(?:chu|je suis|je reste|j'reste|j'?habite|je demeure|je vis|"
                       r"on reste|on habite|on demeure|on est|i live|we live|i'?m|i am|we'?re|we are)\s+(?:a|à|au|en|in|at)\s")
MAX_HOME_TOLD_WORDS = 7
# Born at a hospital, or the birth's registration, asked about after applying for the CCB (folded
# text): "what if she was born in a hospital in ottawa, did they already do it for us?"
BIRTH_REGISTERED = re.compile(r"\b(?:born|birth|nee?s?|naissance|accouche\w*)\b[^.?!]{0,40}\b(?:hospital|hopital|registered|"
                              r"registration|enregistr\w*|declar\w*|already|deja|automatic\w*|automatique\w*)\b")
# The site asked for, bare (folded text): "c quoi le site deja?" after paying a student loan online
SITE_ASKED = re.compile(r"^\W*(?:(?:ok|pis|et|and|so|mais|but)\W+)?(?:c'est quoi|c quoi|cest quoi|quel est|what'?s|what is|which is|"
                        r"where'?s|where is|ou est|c'est ou|c ou)\s+(?:le |the |leur |their |ce |that )?(?:site(?: web| internet)?|website|"
                        r"lien|link|url|adresse(?: web| internet)?|app|appli)\b[^.?!]{0,15}\W*$")
MAX_SITE_ASKED_WORDS = 8
# School finished, told (folded text): "i graduated in december from humber", "j'ai fini mes etudes en mai"
GRADUATED = re.compile(r"\b(?:graduated|graduating|graduate (?:in|this|next)|finished (?:school|college|university|uni|my (?:degree|program|studies|diploma))|"
                       r"done (?:with )?(?:school|college|university)|left school|dropped out|diplome\w*|"
                       r"(?:fini|termine|lache) (?:mes etudes|l'ecole|le cegep|l'universite|mon bac|mon dec|mon cours|mon programme)|"
                       r"fin de mes etudes)\b")
# A weekend or a holiday asked of a payment day (folded text): "et si c'est un dimanche?" after the CCB's day
WEEKEND_ASKED = re.compile(r"\b(?:weekend|week-end|fin de semaine|samedi|dimanche|saturday|sunday|ferie|jour ferie|holiday|stat)\b")
MAX_WEEKEND_WORDS = 12
UNSURE_COMPLAINT = 0.5  # a complaint read less surely than this may be the weekend's question
CCB_DATES_ENTRY = "ccb_payment_dates.dates_2026"
# Whether it can be done at a place, asked (folded text): "and can i do it at the embassy" after
# how long from abroad is where to apply, not the time from there
DONE_THERE = re.compile(r"\b(?:can|could|may) (?:i|we|he|she|they) (?:do|apply|submit|drop|hand)\b[^.?!]{0,15}\b(?:at|in person)\b"
                        r"|\b(?:je|on|il|elle) (?:peux|peut|pourrais|pourrait)(?:[- ]tu)? (?:le |la |les |l')?(?:faire|deposer|remettre|soumettre)\b"
                        r"[^.?!]{0,15}\b(?:a l'|au|a la|en personne)\b")
UNSURE_SUPPOSED_RULED_OUT = 0.6  # a renewal follow-up read this unsurely, a ruling-out condition supposed: the check
MAX_RULED_OUT_WORDS = 10  # a short renewal question after a renewal condition told not met
MAX_START_OVER_WORDS = 14  # a short question whether to start over as for a first passport
# Whether it may be done, asked (folded text): "donc y peut pas le renouveler?" (not "comment je le renouvelle")
MAY_IT = re.compile(r"\b(?:peut|peux|pourrait|pourrais|can|could|cannot|can't|cant|able|possible|allowed|still|encore)\b")
# Where someone applies, asked (folded text): "il fait sa demande de passeport ou?", "where does he apply"
# (not where an application is at: "comment savoir ou en est ma demande")
APPLIES_WHERE = re.compile(r"\b(?:il|elle|je|j'|on|y|ils) (?:fait|fais|font|doit faire|dois faire|peut faire|peux faire|va faire|vais faire) "
                           r"(?:sa|ma|la|leur|notre|une) demande\b[^.?!]{0,25}\b(?:ou|où)\b"
                           r"|\bwhere (?:does|do|should|can|would) (?:he|she|i|we|they) (?:apply|send|submit)\b")
MAX_FEE_DETAIL_WORDS = 4  # a bare detail after a fee question: "express?", "outside canada?", "et en urgence?"
BEFORE_TRIP_ENTRY = "passport_processing_times.before_trip"
MAX_HOW_LONG_AFTER_WORDS = 10
# A birth told (folded text): "she was born in vancouver last week", "il est né mardi"
BORN_TOLD = re.compile(r"\b(?:(?:was|were|is|just) born|(?:est|sont|vient d'etre|viennent d'etre) nee?s?|vient de naitre|"
                       r"(?:just )?(?:had|gave birth to) (?:a|our|my|the) (?:baby|son|daughter|girl|boy)|gave birth|"
                       r"(?:j'ai|jai|elle a|ma blonde a|ma femme a) accouche)\b")
# A birth named by its word (folded text): "born last week", "mon nouveau-né", "la naissance"
# (JUST_BORN's "ne" is also French's negation: never read alone on a whole message)
BORN_WORD = re.compile(r"\b(?:born|newborns?|nouveau-nee?s?|naissance|accouch\w*)\b")
# A permit's end told or asked, and what it does to the number (folded text): "mon permis d'etudes
# expire en decembre, ca change quoi pour mon numero?" after getting a SIN: a SIN starting with 9
# ends with the permit
PERMIT_ENDS = re.compile(r"\b(?:permis (?:de travail|d'etudes?)|(?:work|study) permit|permit)\b[^.?!]{0,30}\b(?:expir\w*|ends?|ending|"
                         r"runs? out|finit|se termine|fini)\b")
# A temporary status told and the number's end asked (folded text): "i am temporary foreign worker,
# does it expire?" after "i need a sin"
TEMPORARY_STATUS = re.compile(r"\b(?:temporary (?:foreign )?(?:worker|resident)|tfw|(?:work|study) permit|international student|"
                              r"travailleu(?:r|se) (?:etrangere? )?temporaire|resident temporaire|permis (?:de travail|d'etudes?)|"
                              r"etudiante? (?:etrangere?|international\w*))\b")
ASKS_IT_EXPIRES = re.compile(r"\b(?:(?:does it|will it|would it|is there an?|does (?:my|the) (?:sin|number)|will (?:my|the) (?:sin|number)) "
                             r"(?:expir\w*|end|run out|expiry|expiration)|(?:il|ca|y|elle) (?:va )?expir\w*|expire[- ]t[- ]il|date d'expiration)\b")
# A SIN starting with 9, told (folded text): "mon nas commence par 9", "my sin starts with a 9"
STARTS_WITH_9 = re.compile(r"\b(?:commenc\w*|start\w*|begin\w*) (?:par|with|avec) (?:un |a |le |the )?(?:9|neuf|nine)\b")
# Applying asked about (folded text): "how do i apply", "faire la demande", "s'inscrire"
APPLYING_ASKED = re.compile(r"\b(?:apply|applying|application|sign up|register|demande|demander|inscri\w*|appliquer|applique)\b")
# A child's custody shared, told (folded text): "on a 2 enfants en garde partagée", "we do 50/50"
SHARED_CUSTODY = re.compile(r"\b(?:garde (?:partagee|alternee|a temps egal|50/50)|(?:shared|joint|split|50/50) custody|50/50|50-50|"
                            r"une semaine sur deux|every other week|week on,? week off)\b")
SHARED_CUSTODY_ENTRY = "ccb_apply.shared_custody"
IN_THAT_CASE_ASKED = re.compile(r"\b(?:dans ce cas|in that case|what happens (?:to|with)|qu'est-ce qui arrive (?:a|avec)|ca fait quoi (?:a|pour|avec))\b")
FOR_MY_NUMBER = re.compile(r"\b(?:mon|my|le|the|son|sa|his|her) (?:numero|number|nas|sin)\b")
TEMPORARY_SIN_ENTRY = "sin_apply.temporary_sin_9"
# Money asked for until the next job (folded text): "je fais quoi maintenant pour avoir de l'argent en
# attendant une autre job", "how do i get money while i look for work"
MONEY_UNTIL_WORK = re.compile(r"\b(?:de l'argent|d'argent|argent|money|income|revenus?|cash|paye)\b[^.?!]{0,40}?"
                              r"\b(?:en attendant|while|until|till|jusqu'a|le temps que|pendant que)\b[^.?!]{0,30}?"
                              r"\b(?:job|jobe|emploi|travail|work|ouvrage|job hunting)\b")
IT = re.compile(r"\b(?:it|its|it's|mine|il|le|l'|y|ca)\b")  # the passport spoken of, pointed back to
# The writer, in the first person (folded text): "what if im in australia tho", not "what if her dad lives in another country"
WRITER = re.compile(r"\b(?:i|i'?m|im|we|we'?re|je|j'\w*|chu|on|nous|moi|me)\b")
# Online, told (folded text): "renew my passport online", "renouveler en ligne"
# Starting over as for a first passport, asked (folded text): "so i have to do the whole first time
# thing again?", "faut-tu que je recommence comme un premier passeport?"
START_OVER = re.compile(r"\b(?:first time thing|(?:whole|entire) (?:first time|first passport|application|process) (?:thing )?again|"
                        r"start (?:over|again|from scratch)|from scratch|all over again|"
                        r"recommence\w*(?: \w+)? (?:comme (?:un|une|pour un|pour une) (?:premier|premiere|nouveau|nouvelle)|a zero|du debut|au complet)|"
                        r"comme (?:un|une|si c'etait un|si c'etait une) (?:premier|premiere) (?:passeport|demande|fois))")
ONLINE_TOLD = re.compile(r"\b(?:online|on line|en ligne|internet|web)\b")
# One's passport expiring or expired, told (folded text): "my passport expires in august"
PASSPORT_EXPIRES = re.compile(r"\b(?:passports?|passeports?)\b[^.?!]{0,30}?\b(?:expir\w*|runs? out|ran out|echu\w*|perime\w*)")
ONLINE_RENEWAL_ENTRY = "passport_renew.online"
UNSURE_WHERE = 0.6  # where to apply read less surely than this, with a renewal named after one, is the renewal
# Where the writer lives, told (folded text): "if i live in quebec city", "si je reste a gatineau"
LIVES_IN = re.compile(r"\b(?:i|we) (?:live|lives|living|reside|am|'m|m) (?:in|at)\b|\bim (?:in|at)\b|"
                      r"\b(?:j'habite|jhabite|j'reste|jreste|je (?:reste|vis|demeure|suis)|on (?:reste|vit|demeure|habite)) (?:a|au|en|dans)\b")
# A passport being got, for which a trip told within days needs the urgent service ("is there a
# notary open sunday" tells no trip)
PASSPORT_NEEDED = {"passport_renew", "passport_renewal_eligibility", "passport_apply_adult", "passport_child"}
# Where to apply in Canada, asked after the urgent service: where the urgent service is given
WHERE_IN_CANADA = {"passport_where_apply.overview", "passport_where_apply.by_mail", "passport_where_apply.canada_post",
                   "passport_where_apply.office_vs_scc"}
URGENT_WHERE_ENTRY = "passport_urgent.where"
# The passport had fast, pointed back to (folded text): "where do i go to get it fast in ottawa"
# after a trip within days and an expired passport
GET_IT_FAST = re.compile(r"\b(?:get|have|pick up|avoir|ravoir|l'avoir|obtenir|l'obtenir)\b[^.?!]{0,15}\b(?:fast|faster|quick\w*|asap|"
                         r"in a hurry|urgently|vite|rapidement|au plus vite|en urgence|d'urgence)\b")
MAX_GET_IT_FAST_WORDS = 14
FOUND_AGAIN = re.compile(r"\b(?:found|retrouve\w*)\b")
FOUND_ENTRY = "passport_lost_stolen.found"
# Declaring or reporting it, asked with the form (folded text): "quel formulaire pour le declarer?"
DECLARES = re.compile(r"\b(?:declar\w*|report\w*|signal\w*)\b")
DECLARATION_ENTRY = "passport_lost_stolen.declaration"
# ... or a form named ("do i have to fill out a form to report it or just call")
A_FORM = re.compile(r"\b(?:fill (?:out|in) (?:a|the) form|a form|un formulaire|remplir (?:un|le) formulaire)\b")
# The photos' price, asked of them (folded text): "how much do they usually cost" after where photos are taken
PHOTOS_PRICE = re.compile(r"\b(?:how much (?:do|does|are|would|will) (?:they|those|these|them|the (?:photos?|pics?|pictures?))|"
                          r"(?:ils|elles|les photos|ca|ça) (?:coute\w*|coutent)(?:[- ]?tu|-tu)? combien|"
                          r"combien (?:ils|elles|les photos) (?:coute\w*|chargent))\b")
MAX_PHOTOS_PRICE_WORDS = 9
HOME_PHOTO_ENTRY = "passport_photo.home_photo"
PHOTO_WHERE_ENTRY = "passport_photo.where"
ONLINE_OR_DIGITAL = re.compile(r"\b(?:online|en ligne|digital|numeriques?|upload\w*|televers\w*)\b")  # folded text
IN_PERSON_SAID = re.compile(r"\b(?:en personne|in person|y aller (?:seule?|a sa place|pour (?:elle|lui))|go in for (?:her|him|them)|come (?:in )?(?:herself|himself))\b")
OUR_OWN_PASSPORTS = re.compile(r"\b(?:my|our|mon|nos|mes) (?:own )?passe?ports?\b")  # folded text: "renew our passports"
WRITERS_OWN_PASSPORT = re.compile(r"\b(?:my|mon) (?:passe?ports?|ppt)\b")  # folded text: "mon passeport", not "my son's passport"
# EI hours told after EI's hours were asked (folded text): "moi j'en ai 500, je reste à Montréal",
# "i have like 480"
HOURS_TOLD = re.compile(r"\b(?:j'en ai|jen ai|j'ai|jai|i have|i'?ve got|ive got|i got|i'?ve worked|ive worked|i worked|"
                        # "i only got 480 this season at the cannery"
                        r"i (?:only|just|barely) (?:got|have|had|worked|did)|j'en ai (?:juste|seulement)|"
                        r"j'ai fait|j'ai travaille|jai travaille)\s+(?:(?:like|about|around|environ|genre|a peu pres|juste|only|just|"
                        r"seulement|pas mal|maybe|peut-etre)\s+)?\d{2,4}\b"
                        # the hours named with the number: "im a student, worked 600 hrs last summer in banff"
                        r"|\b(?:worked|working|travaille|fait)\s+(?:(?:like|about|around|environ|genre|over|plus de)\s+)?\d{2,4}\s*(?:hours?|hrs?|h|heures?)\b")
HOURS_WORD = re.compile(r"\b(?:hours?|hrs|heures?)\b")
# Earnings told (folded text) after EI's amount was asked: "i make about 900 a week on the framing crew"
EARNINGS_TOLD = re.compile(r"\b(?:i make|i earn|i'?m making|i get paid|je gagne|je fais|je me fais|j'fais)\s+(?:(?:about|around|like|roughly|environ|genre|a peu pres)\s+)?\$?\d[\d ,.]*k?\s*\$?"
                           r"\s*(?:a|an|per|par|/|de l')\s*(?:week|wk|hour|hr|month|year|semaine|heure|mois|annee|an)\b"
                           # last year's: "i made around 52k last year as a carpenter", "j'ai fait 48 000 $ l'an passé"
                           r"|\b(?:i made|i earned|j'ai fait|jai fait|j'ai gagne|jai gagne)\s+(?:(?:about|around|like|roughly|environ|genre|a peu pres)\s+)?"
                           r"\$?\d[\d ,.]*k?\s*\$?\s*(?:last year|this year|l'an passe|l'an dernier|l'annee passee|l'annee derniere|en 20\d\d)\b")
AMOUNT_ASKED = re.compile(r"\b(?:how much|combien)\b")
EI_AMOUNT_ENTRY = "ei_eligibility.benefit_amount"
EI_HOURS_ENTRY = "ei_eligibility.hours_needed"
MAX_PLACE_AFTER_HOURS_WORDS = 4
EI_TOPICS = {"ei_eligibility", "ei_apply"}
# No scanner or computer, only a phone, told after how to apply online (folded text): "j'ai pas de
# scanner, juste mon cell" asks how the conversation's application is done with what they have
NO_DEVICE = re.compile(
    r"\b(?:pas de|pas d'|no|don'?t have (?:a |an )?|dont have (?:a |an )?|do not have (?:a |an )?|without (?:a |an )?|sans)\s*"
    r"(?:\w+\s+)?(?:scanner|scan|imprimante|printer|ordi|ordinateur|computer|laptop|internet|wifi)\b"
    r"|\b(?:juste|seulement|only|just)\s+(?:mon|ma|my|un|une|a)\s+(?:cell|cellulaire|phone|telephone|iphone|android|tablette|tablet)\b")
# A place named, where what the conversation is about is offered, asked (raw text, a capital for
# the place): "c'est disponible à Rimouski?" after the express service, "is that available in Moncton?"
# Doing it again, asked after the Repayment Assistance Plan (folded text): "do i have to do it again
# later", "faut-tu le refaire à chaque année?": renewing the plan
DONE_AGAIN = re.compile(r"\b(?:again|re-?apply\w*|redo|every (?:year|six months|6 months)|refaire|recommencer|redemander|"
                        r"a chaque (?:annee|an|6 mois|six mois)|aux (?:6|six) mois|chaque annee|"
                        # "do I have to do anything else or is it good now till I'm done"
                        r"(?:do|have to do|need to do) anything else|(?:good|set|ok) (?:now )?(?:till|until|for good)|for good|"
                        r"pour de bon|pour toujours|autre chose a faire|(?:faire|fais) d'autre)\b")
RAP_RENEW_ENTRY = "student_loan_rap.renew"
# An answer waited for, asked (folded text): "how long before i hear back?", "quand est-ce qu'ils vont me répondre"
# Fiftieth session's round 3 (folded text).
# The payment not in by the day asked: "and if its not in by then?" after when the CCB is paid
NOT_IN_BY_THEN = re.compile(r"\b(?:if|si) (?:it'?s|its|it is|c'est|c|ca|il est|elle est|l'argent est|le depot est) (?:not|pas|pu|toujours pas) "
                            r"(?:in|there|rentre|rentree|arrive|arrivee|la|deposited|depose|deposee)\b"
                            r"|\b(?:if|si) (?:it|ca|il|elle|the money|the payment|l'argent|le paiement|le depot) "
                            r"(?:doesn'?t|does not|don'?t|rentre pas|arrive pas|n'arrive pas|ne rentre pas|rentre toujours pas) ?(?:come|arrive|show)?")
MISSING_PAYMENT_ENTRY = "ccb_payment_dates.payment_missing"
# The other parent, away, asked to sign (folded text): "her dad is working camp in alberta, can he sign from there"
OTHER_PARENT_SIGNS = re.compile(r"\b(?:(?:her|his|their|the) (?:dad|father|mom|mother)|my (?:ex|husband|wife|partner)|(?:son|sa|leur) (?:pere|mere)|"
                                r"le pere|la mere|mon ex|mon mari|ma femme|mon chum|ma blonde)\b[^.?!]{0,60}\b(?:sign|signer|signe|consent\w*)\b")
CHILD_CONSENT_ENTRY = "passport_child.consent"
# EI told as last year's income, after a CCB that changed (folded text): "i was on ei most of last year does that change it"
ON_EI_TOLD = re.compile(r"\b(?:i was|i've been|ive been|i'?m|j'etais|jetais|j'ai ete|on etait|we were) (?:\w+ ){0,2}?(?:on|sur|au|a) (?:ei|l'ae|ae|le chomage|chomage|l'assurance[- ]emploi)\b")
# The box for benefits not ticked on the birth papers (folded text): "j'ai pas coché la case ... à l'hôpital"
BIRTH_BOX = re.compile(r"\b(?:case|box|checkbox)\b[^.?!]{0,70}\b(?:naissance|birth|hopital|hospital|bebe|baby|inscrire)\b"
                       r"|\b(?:naissance|birth|hopital|hospital)\b[^.?!]{0,70}\b(?:case|box)\b")
# A season's end told (folded text), after which EI's deadline is asked: "je finis la saison au massif de charlevoix le 12 avril"
SEASON_ENDS = re.compile(r"\b(?:fin de (?:la )?saison|finis? la saison|finit la saison|la saison (?:finit|se termine|est finie|finie)|"
                         r"season (?:ends|is over|ended|finishes)|end of (?:the |my )?season|(?:laid off|mis a pied|mise a pied) (?:for|pour) (?:the |la )?(?:season|saison))\b")
# Someone doing it for the writer, asked (folded text): "pis mon employeur peut tu le faire a ma place?"
DO_IT_FOR_ME = re.compile(r"\b(?:le |la |l')?faire (?:a ma place|pour moi)|(?:do|apply for|get) (?:it|one|that) for me|on my behalf|a ma place\b")
# Something lost or stolen, told (folded text): "mon portefeuille s'est fait voler avec mon passeport dedans"
GONE_TOLD = re.compile(r"\b(?:vole\w*|voler|vol|stolen|stole|lost|perdu\w*|egare\w*|robbed|pickpocket\w*)\b")
# A child's age told after someone else's passport was said to be for the child (folded text): "elle a 15 ans"
CHILDS_AGE_TOLD = re.compile(r"^\W*(?:(?:elle|il|she|he) (?:a|is|'s)|(?:she|he)'s) (?:[0-9]|1[0-5])(?: ans| yrs?| years?(?: old)?| yo)?\W*$")
# Ready asked (folded text), after a passport application: "comment je sais si il est pret?"
READY_ASKED = re.compile(r"\b(?:est|sera|soit)[- ]?(?:tu|il|elle)? ?pret(?:e)?\b|\bis (?:it|mine) ready\b|\bready (?:to|for) (?:pick ?up|pickup|collect)\b")
MAX_LONG_ASKED_WORDS = 4
MAX_OTHER_FOLLOW_UP_WORDS = 8  # "ok and what about in alberta" after another service's question
# ... and how to know it, asked (folded text): "comment je sais si", "how do i know if"
KNOW_IF = re.compile(r"\b(?:comment (?:je |on )?(?:sais|saurai|vais savoir|peux savoir|peut savoir)|how (?:do|will|can|would) (?:i|we) know|"
                     r"savoir si|check if|verifier si)\b")
MAX_TOWN_AFTER_WHERE_WORDS = 4  # "a Trois-Rivieres", "in thunder bay"
MAX_DEPARTURE_WORDS = 5  # "leaving tuesday", "on part jeudi matin"
MAX_BIRTH_TOLD_WORDS = 8  # "born in vancouver march 3"
# An application made, told (folded text): "jai fait ma demande de passeport a Gatineau il y a 3 semaines"
APPLIED_TOLD = re.compile(r"\b(?:j'ai|jai|on a|i|we) ?(?:fait (?:ma|la|notre) demande|applied|submitted|mailed|sent (?:it|my|our)|"
                          r"envoye (?:ma|mon|la|notre)|depose (?:ma|mon|la|notre)|applique)\b")
# (not "une fois accepté ça dure combien de temps": a period of the plan)
HEAR_BACK = re.compile(r"\b(?:hear back|hear from them|hear anything|get an answer|get a decision|(?:a |the |their )?decision|"
                       r"(?:une |leur |la )?reponse|repondre|nouvelles)\b")
RAP_APPLY_ENTRY = "student_loan_rap.how_apply"
# An age over 30 told (folded text): "my nana is 82", "ma mere a 67 ans"
OVER_30_TOLD = re.compile(r"\b(?:is|est|a|turned|turning|aged?|age de|agee? de) (?:[3-9]\d|1[01]\d)(?: ans| years?(?: old)?| yo| yrs?)?(?![\w/-])")
# A program or help asked for, bare (folded text): "y a tu un programme pour ca", "is there a program for that"
A_PROGRAM_ASKED = re.compile(r"\b(?:y a(?:[- ]t[- ]il|[- ]tu)?|y'a(?:[- ]tu)?|ya(?:[- ]tu)?|il y a|existe|is there|are there|any)\b[^.?!]{0,15}"
                             r"\b(?:programmes?|programs?|aide|help|options?)\b")
# An income told or named (folded text): "je gagne 38 000$ par année", "I make 30k a year", "does my
# girlfriend's income count?": after the Repayment Assistance Plan, its rules
INCOME = re.compile(r"\b(?:income|incomes|revenus?|salaires?|salary)\b|\b(?:gagne\w*|earn\w*|make|making)\b[^.?!]{0,30}\d")
# A time asked of a service (folded text): "and how long with express?" is not its price
SERVICE_TIME = re.compile(r"\b(?:how long|how fast|how soon|how many days|combien de (?:temps|jours)|delais?|when|quand|"
                          r"days|jours|weeks|semaines|ca prend)\b")
# Newly arrived in Canada, told (folded text), and the CCB's answer for newcomers
NEWCOMER = re.compile(r"\b(?:newcomers?|new to canada|(?:just |recently )?(?:arrived?|moved|came|come|immigrated) (?:to|in) canada|"
                      r"nouveaux? arrivants?|nouvel arrivant|nouvelles? arrivantes?|(?:arrive|arrivee|arrives|arrivees|demenage\w*|immigre\w*) "
                      r"(?:au|a|en|in) canada|immigrants?|refugi\w*|refugees?)\b"
                      # "et si je suis au canada seulement depuis 3 mois?", "only been in canada for 2 months"
                      r"|\b(?:au|in) canada (?:(?:seulement|juste|only|just) )?(?:depuis|for|since) (?:\w+ ){0,2}?"
                      r"(?:mois|semaines|jours|months?|weeks?|days)\b")
# One's status in Canada, told (folded text): "not a citizen, just PR", "chu résident permanent",
# "on a un permis de travail"
IMMIGRATION_STATUS = re.compile(
    r"\b(?:not (?:a |yet a |even a )?(?:canadian )?citizens?|(?:pas|non) (?:encore |meme )?(?:un |une )?citoyen\w*|"
    r"(?:just|only|a|am|i'?m|im|we'?re|were|je suis|chu|suis|on est|juste|seulement) (?:a |un |une |des )?(?:pr|rp)\b|"
    r"permanent residen\w*|residen\w* permanent\w*|refugees?|refugi\w*|protected persons?|personnes? protegees?|"
    r"asylum|demandeur d'asile|temporary residents?|residents? temporaires?|(?:work|study) permits?|permis (?:de travail|d'etudes)|"
    # "je suis étudiant étranger à Montréal", "im an international student in toronto"
    r"international students?|foreign students?|foreign workers?|etudiante?s? (?:etrangere?s?|internationa\w*)|"
    r"travailleu\w* etrangere?s?|"
    # "je suis travailleur temporaire du guatemala sur une ferme a saint-rémi", "im a temporary (foreign) worker"
    r"travailleu\w* (?:agricoles? )?temporaires?|temporary (?:foreign |farm |seasonal )?workers?|seasonal agricultural workers?|"
    # "what about my wife, she is here on visitor visa" after getting a SIN
    r"(?:visitor|tourist|visitors) (?:visas?|records?|status)|on a visitor|as a visitor|visas? (?:de |d')?(?:visiteur|touriste|visite)|"
    r"statut de visiteur|fiche (?:de|du) visiteur|comme visiteur|en tant que visiteur)\b")
# The plan's period ending, asked about (folded text): "what happens when it runs out", "quand ça finit"
RAP_ENDS = re.compile(r"\b(?:runs? out|run out|ends|ended|is over|finish(?:es|ed)?|expires?|expired|"
                      r"se termine|va se terminer|(?:c'est |ca |ça )?fini|finit|prend fin|expire)\b")
RAP_ENDS_ENTRY = "student_loan_rap.after_rap_ends"
# A parent who died, told (folded text): "his dad passed away last year", "sa mère est décédée"
PARENT_DIED = re.compile(r"\b(?:passed away|died|dead|deceased|death certificate|decede\w*|morte?s?|"
                         r"est parti\w* (?:pour de bon|au ciel)|certificat de deces|acte de deces)\b")
ONE_PARENT_ENTRY = "passport_child.one_parent"
# Both parents' signatures asked, the parents unnamed (folded text): "do we both need to sign"
# after a child's passport, "faut-tu qu'on signe les deux?"
BOTH_SIGN = re.compile(r"\b(?:(?:do|must|should|have) (?:we|us) both (?:need to |have to |got to )?sign|both (?:of us|parents) "
                       r"(?:need to |have to |must |should )?sign|(?:qu'on|que nous|on) sign\w* (?:tous )?les deux|"
                       r"les deux (?:parents )?(?:doivent|faut|doit|on doit|devons|devez) (?:tu )?sign\w*|(?:signer|signe) (?:tous )?les deux)\b")
CONSENT_ENTRY = "passport_child.consent"
# The other parent out of reach or unwilling, told (folded text): "his dad is in alberta and wont
# answer my texts, can i do it without him", "son père répond pas, je peux-tu le faire sans lui"
OTHER_PARENT = re.compile(r"\b(?:(?:his|her|their|the|my kids?'?s?|my son'?s|my daughter'?s) (?:dad|father|mom|mother)|"
                          r"my ex|(?:son|sa|leur|le|la) (?:pere|mere)|mon ex|l'autre parent|the other parent)\b")
OUT_OF_REACH = re.compile(r"\b(?:without (?:him|her|them|his|her|their)|sans (?:lui|elle|eux|sa signature|son accord)|"
                          r"(?:won'?t|wont|doesn'?t|refuses? to|will not) (?:answer|reply|respond|sign|pick up|cooperate)|"
                          r"(?:can'?t|cannot|cant) (?:reach|find|contact|get a hold of|get hold of) (?:him|her|them)|"
                          r"(?:repond|retourne) (?:pas|plus|jamais)|(?:veut|voulait) pas signer|refuse de signer|"
                          r"(?:peux|peut|arrive) pas (?:le|la) (?:rejoindre|joindre|contacter|trouver))\b")
# Getting or extending a document, asked ("comment je le prolonge?", "how do i apply for a PR travel
# document"): a status told is not a question about it
GETS_OR_EXTENDS = re.compile(r"\b(?:prolong\w*|renouvel\w*|extend\w*|renew\w*|apply for|applying for|get a|get an|"
                             r"obtenir|demander|faire une demande)\b")
# Whether what one has will do, asked (folded text): "is that enough", "ça marche tu?", "what if I'm on a permit"
WILL_IT_DO = re.compile(r"\b(?:enough|good enough|ok|okay|work|works|accepted|acceptable|valid|counts?|suffi\w*|correct|"
                        r"ca marche|ca va|utiliser|use|what if|et si|pis si|si je suis|if i'?m|if im|if i am)\b")
# Which documents, asked (folded text): "quels papiers", "what documents do i need"
PAPERS_ASKED = re.compile(r"\b(?:quels?|quelles?|what|which) (?:\w+ )?(?:papiers?|documents?|docs?|papers?|pieces?)\b")
CCB_WHO_ENTRY = "ccb_apply.who_is_eligible"
SIN_DOCUMENTS_ENTRY = "sin_apply.documents"
# What an application needs, by program: its entry (asked bare after applying: NEEDS_WHAT)
NEEDS_ENTRY = {EI: "ei_apply.online_how", SIN: SIN_DOCUMENTS_ENTRY}
BRING_IT = re.compile(r"\b(?:bring|take|show|apport\w*|amene\w*|emmene\w*|montrer|montre|montrez|presenter|presente|presentez)\b")  # a document to bring, asked (folded text)
AMOUNT_OR_DATE = re.compile(r"\b(?:how much|combien)\b|\b(?:when|quand)\b[^.?!]{0,30}\b(?:paid|pay\w*|verse\w*|deposit\w*|"
                            r"arriv\w*|come|payes?)\b|\bdates?\b")
# A message that corrects the one before it (folded text): "no wait i meant my sin card, not my
# passport", "ah non attends c'est pour ma fille, elle a 11 ans" (whose taking-back words
# parts.past_a_correction may have cut); what it meant follows, up to what it takes back ("not my passport")
CORRECTS = re.compile(r"^\W*(?:(?:no+|non|nope|nah|oops|oups|sorry|desolee?|pardon|wait|attends?|ah|oh|my bad)\b[\s,.!…-]*)*"
                      r"(?:(?:i meant|i mean|meant|je voulais dire|je parlais (?:de|du|des)|je parle (?:de|du|des)|c'est pour|"
                      r"c pour|it'?s for|its for|it'?s about|its about)\b)[\s,.:!…-]*")
NOT_THAT = re.compile(r",? *\b(?:not|pas) (?:my|the|a|mon|ma|mes|le|la|les|son|sa|for|pour)\b|,? *\bpas (?:pour )?(?:moi|mon|ma)\b")
CCB_NEWCOMERS_ENTRY = "ccb_apply.newcomers"
MAX_NEWCOMER_SIGNS_UP_WORDS = 12  # "on vient d'arriver d'haïti, comment on s'inscrit?" after the CCB
NAME_CHANGE_ENTRY = "passport_apply_adult.name_change"
IN_PERSON_OR_MAIL_ENTRY = "passport_apply_adult.in_person_vs_mail"
# Whether one is entitled, asked bare (folded text): "donc j'ai-tu le droit?", "so am i eligible or not"
ENTITLED_BARE = re.compile(r"\b(?:j'ai|jai|ai-je|on a|j'y ai|jy ai)(?:[- ]?tu| t'y| ti)? (?:le )?droit\b|"
                           r"\b(?:am i|are we|is she|is he|so i'?m|so im) (?:even |still )?(?:eligible|allowed|entitled|qualified)\b|"
                           r"\b(?:suis|chu|je suis)(?:[- ]je|[- ]tu| tu)? (?:eligible|elligible|admissible)\b")
MAX_ENTITLED_WORDS = 8
ARRIVED = re.compile(r"\b(?:arrive|arrived|arriving|came|landed|arrives?|arrivee?s?|debarque\w*)\b")  # an arrival told (folded text)
# Whether something is needed first, asked (folded text): "faut tu avoir le NAS avant?", "do we need a SIN first"
NEEDED_FIRST = re.compile(r"\b(?:need|needs|have to|must|required|faut|besoin|dois|doit|obligatoire)\b[^.?!]{0,25}"
                          r"\b(?:before|first|beforehand|avant|d'abord|en premier|au prealable)\b")
# A status had, told (folded text): "she is here on visitor visa", "il a un permis de travail" (not
# "et pour la résidence permanente de mon mari?", which asks for one)
HAS_STATUS = re.compile(r"\b(?:is|she'?s|he'?s|has|have|got|est|a (?:un|une|juste)|avec (?:un|une|son|sa)|ici (?:avec|en|comme|sur)|"
                        # came with it: "and my wife? she came on a visitor visa", "elle est arrivée avec un visa de visiteur"
                        r"came|arrived|entered|est (?:venue?|arrivee?|entree?))\b")
# Someone else than the writer, named (folded text): "what about my wife", "pis mon chum"
SOMEONE_ELSE = re.compile(r"\b(?:my|mon|ma|mes) (?:wife|husband|spouse|partner|son|daughter|kids?|children|mom|mother|dad|father|"
                          r"brother|sister|femme|mari|conjointe?|blonde|chum|fils|fille|enfants?|mere|pere|frere|soeur)\b")
# A spouse named (folded text): "can my wife apply too", "pis mon chum"
SPOUSE = re.compile(r"\b(?:my|mon|ma) (?:wife|husband|spouse|partner|femme|mari|conjointe?|blonde|chum)\b")
# ... applying too (folded text): "can my wife apply at the same time for hers", "can my wife do it
# at the same time", "ma femme peut faire sa demande en meme temps?"
SPOUSE_APPLIES_TOO = re.compile(r"\b(?:apply|applies|do it|do the same|get (?:hers|his|one|it)|for (?:hers|his)|faire (?:sa|la|leur) demande|"
                                r"en (?:avoir|demander) (?:un|une)|l'avoir|le demander)\b")
# ... for another thing than the SIN: "can my wife apply for her pr at the same time"
ANOTHER_THING_APPLIED_FOR = re.compile(r"\b(?:apply|applies|applying|demande|demander) (?:for |pour )?(?:her |his |their |sa |son |la |le )?"
                                       r"(?:pr|permanent residen\w*|residence permanente|citizenship|citoyennete|permits?|permis|visas?|"
                                       r"passports?|passeports?|ei|ae|ccb|ace)\b")
# The papers asked for, bare (folded text): "what papers do they need from us" after a newcomer's CCB
PAPERS = re.compile(r"\b(?:papers?|documents?|docs|paperwork|papiers?|pieces(?: justificatives)?|preuves?)\b")
UNSURE_OTHER_PAPERS = 0.7  # another program's papers read less surely than this, after the CCB: the CCB's
# Whether one may get it, asked (folded text): "can we get that child money every month" after
# "we just moved to canada": a newcomer's application
MAY_GET = re.compile(r"\b(?:can|could) (?:we|i|my (?:kids?|children)) (?:get|receive|have|apply)\b|\b(?:are we|am i) (?:eligible|entitled)\b"
                     r"|\b(?:do|would) (?:we|i) (?:qualify|get it)\b|\b(?:on|je|j') ?(?:peut|peux|pourrait|pourrais)(?:-tu| tu)? "
                     r"(?:l'avoir|avoir|recevoir|la recevoir|le recevoir|y avoir droit)\b|\b(?:on|j') ?(?:a|ai)(?:-tu| tu)? droit\b"
                     r"|\b(?:avons-nous|ai-je) droit\b")
# Taxes filed or not, or no income, told (folded text): after the CCB, the returns it needs
TAXES_TOLD = re.compile(r"\b(?:files?|filed|filing|do|does|did) (?:his |her |their |my |our )?(?:taxes|tax returns?|income tax)\b"
                        r"|\b(?:fait|fais|produit|remplit) (?:pas |jamais |pu )?(?:ses|mes|leurs|nos) impots\b"
                        r"|\bno income\b|\bpas de revenus?\b|\baucun revenu\b"
                        # "is it because of my taxes?" after "my ccb went down"
                        r"|\b(?:because of|bc of|cuz of|a cause de) (?:my|our|his|her|mes|nos|ses) (?:taxes|tax returns?|impots)\b")
CCB_TAXES_ENTRY = "ccb_apply.file_taxes"
# Who asks for the SIN, named after it was (folded text), and their asking
REQUESTER = re.compile(r"\b(?:bank|banks|banque|landlord|proprio|proprietaire|employer|employeur|boss|patron|school|ecole|gym|"
                       r"store|magasin|dealer|concessionnaire|doctor|medecin|dentiste?|insurance|assureur|credit union|caisse|"
                       r"phone company|cell company|hydro|daycare|garderie|job applications?|hired|hiring|embauch\w*|interview|entrevue)\b")
ASKS_FOR_IT = re.compile(r"\b(?:me le demande|me la demande|le demande|asks? (?:me )?for it|asking (?:me )?for it|wants? it|veut l'avoir|"
                         r"(?:oblige|obligee|have to|must i|do i need to|dois) (?:de )?(?:lui |leur )?(?:le |la )?(?:donner|give|hand))\b")
MAX_REQUESTER_WORDS = 8
WHAT_ABOUT = re.compile(r"^\W*(?:(?:ok|okay|k|and|et|pis|mais|but)\W+)*(?:what about|how about|and|et|pis|puis)\b")
# A price follow-up typed in a hurry (folded text, as bot/folding.py reads "n" and "x3"): the
# children alone after a passport's price ("and kids?", "3 kids?"), or a price sign alone ("$?")
HURRIED_KIDS = re.compile(r"^\W*(?:(?:and|et|pis|for|pour) )*(?:(?:the|my|les|mes|\d{1,2}|two|three|four|deux|trois|quatre) )?"
                          r"(?:kids?|children|enfants?)\W*$")
BARE_PRICE = re.compile(r"^\W*(?:\$+|how much|combien|prix|price|cost)\W*$")
# Appointments asked after a passport topic (folded text): "faut tu un rdv" after where to apply
APPOINTMENT = re.compile(r"\b(?:rdv|rendez-vous|rendez vous|appointments?|appt|booker|reserver|"
                         # "do i need to book ahead or just go"
                         r"book (?:ahead|in advance|a time|a slot|a spot|first|before)|(?:need|have|got) to book|walk[- ]?ins?|"
                         r"just (?:go|show up|walk in)|"
                         r"sans rendez-vous|se presenter comme ca)\b")
APPOINTMENT_ENTRY = "passport_where_apply.appointment"
# Dismissed, told (folded text), whether that still counts asked, or the reason told; and its EI answer
FIRED = re.compile(r"\b(?:fired|let go|dismissed|terminated|sacked|congedi\w*|renvoy\w*|mise? a la porte|crisse dehors|"
                   r"slaque?e?|flushe?e?)\b")
COUNTS = re.compile(r"\b(?:compte|comptent|count|counts|qualify|eligible|admissible|droit|still get|ca passe|c'est correct|"
                    # "je peux quand même demander le chômage?" after "j'ai été congédiée"
                    r"quand meme|pareil|(?:can|could) i still|anyway|anyways)\b")
REASON_TOLD = re.compile(r"^\W*(?:it was|it's|its|was|because|cause|cuz|bc|for|c'etait|c'est|parce que|pcq|a cause|pour)\b")
FIRED_ENTRY = "ei_eligibility.fired"
# A job quit, told, and what it changes asked (folded text): "mais j'ai lâché ma job moi, ça change de
# quoi?" after how to apply for EI: whether quitting still allows EI
QUIT = re.compile(r"\b(?:(?:j'ai|jai|i|i've|ive|je|j'|i just|j'ai juste) ?(?:lache|quitte|quit|demissionne|resigned|left) "
                  r"(?:ma |mon |my |la |le |the )?(?:job|jobe|emploi|travail|poste|work)|i quit|(?:j'ai|jai) demissionne|i resigned)\b")
# A reason supposed for a job quit told (folded text): "meme si cetait pour suivre mon mari qui a ete
# muté a halifax?" after "jai demissionne le mois passe": whether quitting for it allows EI
QUIT_REASON = re.compile(r"^\W*(?:(?:meme|even|pis|et|mais|but|and|ok) )?(?:si|if) (?:c'etait|cetait|c'est|cest|it was|its|it's|i did it|i quit|"
                         r"je l'ai fait|j'ai lache|jai lache) (?:pour|to|for|because|parce que|pcq|a cause)\b"
                         r"|\b(?:pour suivre|to follow|to move with|pour (?:demenager|aller vivre) avec)\b")
CHANGES = re.compile(r"\b(?:(?:ca|sa|cela) change (?:de quoi|quelque chose|tu|-tu|quoi|rien)|(?:does|would|will) (?:it|that|this) "
                     r"(?:change|matter|affect)|change anything|make a difference|fait une difference|is that (?:a problem|an issue|ok)|"
                     r"c'est (?:un probleme|grave)|est-ce (?:un probleme|grave))\b")
QUIT_ENTRY = "ei_eligibility.quit"
# A couple's status told (folded text), and whether it matters asked: "were not married does that
# matter" after how to get the CCB for a newborn: who applies (a couple need not be married)
MARITAL = re.compile(r"\b(?:(?:not|aren'?t|never|pas|jamais) (?:been |ete )?(?:married|maries?|mariee?s?)|unmarried|common[- ]law|"
                     r"conjoints? de fait|accote\w*|en union libre)\b")
WHO_APPLIES_ENTRY = "ccb_apply.which_parent"
# The faster services asked for too, after a fee (folded text): "et on peut l'avoir en express aussi?"
GET_IT_TOO = re.compile(r"\b(?:(?:can|could) (?:we|i|you) (?:get|have|do) (?:it|that|one|this)|(?:on|je|j') ?(?:peut|peux|pourrait|pourrais)"
                        r"(?:-tu| tu)? (?:l'avoir|l'obtenir|le faire|l'faire|avoir ca|faire ca))\b")
# In time for the trip told (folded text): "je peux tu l'avoir a temps si je paye plus cher?"
IN_TIME = re.compile(r"\b(?:a temps|in time|on time|assez vite|fast enough|soon enough)\b")
# A driver's licence told, then pointed back to as "the licence" (folded text): "pour le permis je
# fais quoi?" after "j'ai perdu mon passeport pis mon permis de conduire": the province's
LICENCE_TOLD = re.compile(r"\bpermis de conduire\b|\b(?:driver'?s'?|drivers) licen[cs]e\b")
LICENCE_POINTED = re.compile(r"\b(?:le|mon|pour le|the|my|for the|for my) (?:permis|licen[cs]e)\b(?! de (?:travail|sejour)| d'etudes)")
# In a hurry, told (folded text): "ok pis si je suis pressé, je pars le 20", "what if i'm in a rush"
HURRY = re.compile(r"\b(?:(?:je suis|chu|j'suis|suis|on est|si je suis|si on est) (?:vraiment |tres |pas mal )?presse(?:e|s|es)?|"
                   r"(?:i'm|im|i am|we're|were|we are) (?:in a (?:hurry|rush)|rushed)|in a (?:hurry|rush)|"
                   # "ok i only have 10 days what are my options", "il me reste juste 8 jours"
                   r"only (?:have|got) (?:[1-9]|1[0-4]|a few|two|three|four|five|six|seven|eight|nine|ten) (?:business )?days|"
                   r"(?:j'ai|jai|il me reste|me reste) (?:juste |seulement |rien que )?(?:[1-9]|1[0-4]|quelques|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) jours)\b")
# Paying less asked (folded text): "y a tu un moyen de payer moins", "can i pay less"
PAY_LESS = re.compile(r"\b(?:payer|paye|pay|paying) (?:moins|less)\b|\b(?:lower|smaller|reduce) (?:my |the )?payments?\b")
# One's credit asked about after missed payments (folded text): "will this wreck my credit"
CREDIT = re.compile(r"\bcredit\b")  # "credit score", "cote de credit"
UNSURE_PLAN_CREDIT = 0.6  # the plan read this unsurely, one's credit asked after missed payments: what they do
# On EI now, told as one's state (folded text): "pendant que je suis au chomage", "while i'm on ei"
ON_EI_NOW = re.compile(r"\b(?:pendant que|tant que|while|since|vu que|comme) (?:je suis|j'suis|chu|i'?m|i am|we'?re|on est) "
                       r"(?:au |sur le |on |sur l')?(?:chomage|ei|ae|assurance[- ]emploi)\b"
                       # paying with EI as the only income: "je peux pas payer ça avec le chômage"
                       r"|\b(?:avec|with|on) (?:le |mon |my |just |only |juste |seulement )?(?:chomage|ei|ae|assurance[- ]emploi)\b")
MISSED = re.compile(r"\b(?:missed|miss|missing|skipped|late|behind|manque\w*|rate|en retard|pas paye\w*|sautes?|"
                    # "j'ai pas pu payer mon pret etudiant canadien en mars pis avril", "couldn't pay in march"
                    r"(?:pas|pu|plus) (?:pu |ete capable de )?payer|(?:couldn'?t|didn'?t|could not|did not|wasn'?t able to) pay|"
                    # "j'ai pas fait mon paiement de prêt étudiant depuis janvier", "haven't made a payment since"
                    r"(?:pas|didn'?t|did not|haven'?t|have not) (?:fait|make|made) (?:mon |mes |my |le |les |a |any )?(?:paiements?|payments?))\b")
MISSED_PAYMENT_ENTRY = "student_loan_repayment.missed_payment"
# A payment skipped on purpose, asked (folded text): "est ce que je peux sauter un mois", "can i skip a payment"
SKIPS_A_PAYMENT = re.compile(r"\b(?:skip\w*|sauter|saute|pause\w*|miss) (?:a |one |un |une |1 )?(?:month|payment|mois|paiement|versement)s?\b")
# The conditions asked, bare (folded text): "ok c'est quoi les conditions pour avoir le droit?",
# "what are the requirements"
_CONDITION_WORDS = r"conditions?|criteres?|exigences?|requirements?|criteria|eligib\w*|admissib\w*|qualif\w*"
RULES_ASKED = re.compile(rf"\b(?:{_CONDITION_WORDS}|(?:avoir|ai|a) (?:le )?droit|allowed|am i able)\b")
MAX_RULES_WORDS = 12
# Who qualifies for help, asked (folded text): "c'est quoi les conditions pour avoir de l'aide",
# "what are the requirements to get help", after a loan that is hard to repay: the RAP's
AID_CONDITIONS = re.compile(rf"\b(?:{_CONDITION_WORDS})\b"
                            r"[^.?!]{0,30}\b(?:aide|help|assistance|programme|program)\b"
                            # the income limit: "il doit gagner combien max pour etre accepté?" after a loan he can't pay
                            r"|\b(?:gagner|gagne|gagnes|earn|earns|make|makes)\b (?:\w+ )?(?:combien|how much)(?: \w+)? (?:max|maximum|au maximum|at most)\b"
                            r"|\b(?:income|revenu) (?:limit|max|maximum|threshold|seuil)\b|\bseuil de revenu\b")
# The way home asked after a passport lost abroad (folded text): "how do i even get home now",
# "comment je fais pour rentrer au canada": the embassy's emergency travel document
# Where to go, asked where one is (folded text): "where do i go here", "je vais ou icitte"
WHERE_TO_GO_THERE = re.compile(r"^\W*(?:so |ok |and |pis |donc )?(?:where (?:do|should|can|must) i go|where to go|"
                               r"(?:ou|où) (?:je vais|est-ce que je vais|je dois aller|aller)|je (?:vais|dois aller) (?:ou|où))\b"
                               r"(?: (?:here|now|from here|ici|icitte|maintenant|la-bas))?\W*$")
GET_HOME = re.compile(r"\b(?:(?:get|go|come|fly|travel|make it) (?:back )?home|(?:get|go|come|fly) back to canada|return to canada|"
                      r"rentrer (?:au canada|chez (?:moi|nous)|a la maison|au pays)|revenir au canada|retourner au canada|"
                      r"(?:revenir|rentrer) (?:a|au) (?:montreal|quebec|toronto|ottawa|vancouver|calgary|edmonton|winnipeg|halifax)|"
                      # "je peux tu prendre l'avion pour revenir pareil?" after a passport lost in Cancun
                      r"(?:prendre|pogner|take|catch|board) (?:l'avion|mon vol|un vol|the plane|my flight|a flight) (?:pour|to) (?:revenir|rentrer|get back|come back|go back|fly back)|"
                      # "est ce que je peux quand meme prendre mon vol de retour" after a passport lost in Cancun
                      r"(?:mon |notre |le |un )?vol de retour|(?:my |our |the )?(?:return|home) flight|flight (?:back )?home)\b")
# How to check, asked after a passport's processing time or status (folded text): "ça fait déjà 6
# semaines, comment je vérifie", "been 7 weeks, how do i check": the application's status
HOW_TO_CHECK = re.compile(r"\b(?:(?:comment|ou) (?:est-ce que )?(?:je |j'|on )?(?:peux |peut |pourrais )?(?:le |la |l')?verifi\w*|"
                          r"how (?:do|can|would|should) (?:i|we) (?:check|track|verify)(?: it| that| on it)?|"
                          r"where (?:do|can) (?:i|we) (?:check|track)(?: it| that)?)\b")
# A change in one's life told after a CCB payment, asked as its cause (folded text): "j'ai déménagé
# en mars, c'est-tu à cause de ça" after "j'ai pas eu mon allocation ce mois-ci": why payments stop
LIFE_CHANGED = re.compile(r"\b(?:demenag\w*|moved|move|married|marie\w*|separe\w*|separated|divorc\w*|en couple|"
                          r"new (?:job|partner|spouse)|nouveau chum|nouvelle blonde|custody|garde partagee)\b")
# A higher income, told (folded text): "mon salaire a monté en 2025", which changes the CCB the next July
INCOME_UP = re.compile(r"\b(?:salaire|revenu|revenus|income|salary|pay|paie|paye) (?:\w+ )?(?:a |ont |has |have |had |went |got )?"
                       r"(?:monte|augmente|went up|gone up|increased|rose|risen|raised|higher|plus haut|plus eleve)\b"
                       # a raise had: "c'est pcq mon chum a eu une augmentation l'an passé?", "my husband got a raise"
                       r"|\b(?:a eu|ont eu|avait eu|got|get|gets|had|received) (?:une |a |an |his |her |my |sa |son )?(?:bonne |big |nice |petite )?"
                       r"(?:augmentation|raise|pay raise|promotion)\b|\baugmentation de (?:salaire|paie|revenus?)\b")
JULY_CHANGE_ENTRY = "ccb_payment_dates.july_change"
CAUSE_ASKED = re.compile(r"\b(?:(?:a|a cause) (?:cause )?de (?:ca|cela|quoi)|because of (?:that|this|it)|is (?:that|this|it) why|"
                         r"(?:is|was|could) (?:it|this|that)(?: be)? (?:because|bc|b/c|cuz|cause|coz)|(?:c'est|c'etait|est-ce)(?:[- ]tu)? (?:que c'est )?(?:parce que|parce qu'|pcq|pck|paske|passke)|"
                         r"(?:that|this)'?s why|could (?:that|it|this) be (?:why|the reason)|pour (?:ca|cela) que|"
                         r"(?:c'est|ca serait|ce serait|c'est-tu|c'tu)(?:[- ]tu)? (?:pour|a cause de) (?:ca|cela))\b")
PAYMENT_STOPPED_ENTRY = "ccb_payment_dates.payment_stopped"
# An application not made yet, told (folded text): "si j'ai pas encore fait la demande", "haven't applied yet"
NOT_APPLIED_YET = re.compile(r"\b(?:pas encore (?:fait|envoye|rempli)|pas (?:fait|envoye) (?:encore )?(?:ma|la|notre) demande|haven'?t (?:yet )?applied|"
                             r"havent (?:yet )?applied|not applied (?:yet|for)|didn'?t apply (?:yet|for))\b")
# A child just born or the youngest, told (folded text): "le petit dernier né en février"
LATEST_CHILD = re.compile(r"\b(?:petite? dernier(?:e)?|nee? (?:en|le|au|a)|new baby|youngest|le plus jeune|la plus jeune)\b")
# A move told (folded text), and whether it is the cause asked ("ça peut tu être ça?")
MOVED = re.compile(r"\b(?:demenage\w*|moved|we move|new address|nouvelle adresse|changement d'adresse)\b")
MIGHT_BE_IT = re.compile(r"\b(?:(?:ca|ça) (?:peut|pourrait)[- ]?(?:tu|-tu|-il)? (?:etre|être) (?:ca|ça)|could (?:that|it) be it)\b")
# How fast, asked as a question of time (folded text): "c'est possible aussi vite?", "how fast can i get a
# new one" (not "je le renouvelle comment vite fait", which asks how, briefly)
FAST_ASKED = re.compile(r"\b(?:how (?:fast|quick\w*|soon)|(?:aussi|si|assez) (?:vite|rapidement)|(?:that|so|this|fast) enough|"
                        r"(?:that|so|this) (?:fast|quick\w*))\b")
# The question that ends a long message (its last sentence, asked): "... what do we need for a baby passport?"
# A question first, then a statement with no question (not folded): "who can sign as my guarantor? i just moved to ottawa in the fall"
UNSURE_FIRST = 0.6  # the whole read less surely than this, its first question alone may be surer
SURE_FIRST = 0.9  # ... the question alone this sure, with a statement naming no program: the question's
FIRST_QUESTION = re.compile(r"^\W*([^.!?]{12,}\?+)\s+([^?]{3,120})$")
LAST_QUESTION = re.compile(r"(?:^|[.!?]\s+)([^.!?]{12,}\?)\W*$")
MIN_RAMBLING_WORDS = 40
UNSURE_RAMBLING = 0.6  # a long message read this unsurely: its last question, read alone, when it is sure
# Which application to make, asked (folded text): "on fait quelle demande?", "which application do we fill"
WHICH_APPLICATION = re.compile(r"\b(?:quelle (?:sorte de |genre de |type de )?demande|quel (?:type|genre) de demande|quel formulaire|"
                               r"(?:which|what) (?:kind of |type of )?(?:application|form)s?)\b")
MAX_WHICH_APPLICATION_WORDS = 8
# How to pay a loan, asked (folded text): "comment je paye mon pret canadien en ligne?", "how do i pay my loan online"
HOW_TO_REPAY = re.compile(r"\b(?:comment|how|ou|where) (?:est-ce que |est ce que )?(?:je |j'|on |do i |can i |to |should i )?"
                          r"(?:paye|payer|paie|rembourse|rembourser|pay|repay|make (?:a |my )?payments?)\b")
# Where to apply from outside Canada: from the US, or anywhere else
FROM_US_ENTRY = "passport_where_apply.from_us"
CANADA_POST_ENTRY = "passport_where_apply.canada_post"
# Until the new passport comes, said (folded text): "en attendant le nouveau", "while i wait for the new one";
# or anyway: "est ce que je peux quand meme aller aux etats unis en fin de semaine?", "can i still fly"
MEANWHILE = re.compile(r"\b(?:en attendant|in the meantime|meanwhile|while (?:i'?m |i am |i |we'?re |we )?wait\w*|quand meme|"
                       r"(?:can|could) (?:i|we) still|anyway|anyways|"
                       r"until (?:i get |we get )?(?:the|my|a) new (?:one|passport)|d'ici a ce que)\b")
# A trip asked about (folded text): "je peux aller aux etats-unis", "can i still travel", "can i fly"
TRAVEL_ASKED = re.compile(r"\b(?:aller (?:aux|au|en|a)|voyager|traverser|partir|sortir du pays|go (?:to|down|across)|"
                          r"travel\w*|fly|flying|cross (?:the|into)|leave the country)\b")
# Why one is abroad, told with where (folded text): "chu rendu a lisbonne pour le travail", "in germany on a work visa"
THERE_FOR_WORK = re.compile(r"\b(?:pour (?:le|mon|la|ma) (?:travail|job|jobe|emploi|boulot)|for (?:work|my job|a job)|"
                            r"(?:on|with) (?:a |my )?(?:work|working holiday|study|student) (?:visa|permit)|"
                            # "i'm working in saudi right now tho", "je travaille au mexique"
                            r"(?:i'?m |im |i am )?working (?:in|over in|out in)|je travaille (?:a|au|aux|en))\b")
BY_MAIL_ENTRY = "passport_where_apply.by_mail"
BY_MAIL = re.compile(r"\b(?:par la poste|by mail|by post|mail (?:it|in|my|the|them)|poster (?:ma|la|mon|le)|l'envoyer par)\b")  # folded text
POST_OFFICE = re.compile(r"\b(?:post offices?|bureaux? de poste|canada post|postes canada|comptoir postal|shoppers)\b")
ABROAD_WHERE_ENTRY = "passport_where_apply.abroad"
FROM_ABROAD_WHERE = {ABROAD_WHERE_ENTRY, FROM_US_ENTRY}
# A place that takes photos, asked after them (folded text)
# The passport's photo page named (folded text): the passport, not photos
PHOTO_PAGE = re.compile(r"\b(?:photo page|page (?:de la )?photo|data page|page de donnees)\b")
# One's own photo from a store, asked whether it will do (folded text): "what if my photo is from
# costco is that ok" after renewing online
OWN_PHOTO_FROM = re.compile(r"\b(?:my|our|mes|ma|nos) (?:photos?|pics?|pictures?)\b(?! page)[^.?!]{0,25}\b(?:from|at|de chez|du|au|chez|de)\b")
PHOTO_PLACE = re.compile(r"\b(?:walmart|costco|shoppers|pharmaprix|jean coutu|uniprix|familiprix|london drugs|rexall|staples|"
                         r"bureau en gros|studios?|photographe?s?|photo shop|pharmac\w*|drugstores?|special place|endroit special)\b")
# A thing worn or seen on the face, asked about after the photo's rules ("and what about my
# earrings" after a hijab in the photo, "pis mon piercing?"): the photo's rule for it (folded text)
WORN = re.compile(r"\b(?:earrings?|jewel\w*|piercings?|nose rings?|makeup|make-up|wig|hats?|caps?|headbands?|headscarf|"
                  r"scarf|turban|kippah|niqab|veil|glasses|sunglasses|contacts|contact lenses|hearing aids?|beard|bangs|"
                  r"hijab|burka|burqa|kufi|patka|yarmulke|head ?wrap|head covering|couvre-chef|bandana|durag|"
                  r"tattoos?|braces|boucles? d'oreilles?|bijoux|maquillage|perruque|chapeau|casquette|tuque|foulard|voile|"
                  r"lunettes|verres de contact|lentilles|appareils? auditifs?|barbe|frange|tatouages?|broches)\b")
# ... worn in it, asked ("can i keep my earrings on", "faut-tu enlever mon piercing"), not a thing
# to buy ("is costco optical any good for new glasses?")
WEARS = re.compile(r"\b(?:wear|wearing|keep (?:\w+ ){0,2}on|take (?:\w+ ){0,2}off|remove|allowed|ok|okay|porter|enlever|"
                   r"garder|retirer|accepte\w*|permis|correct)\b")
MAX_WORN_WORDS = 14  # "what about my hat? i'm a bit bald and self conscious lol"
# A thing a baby has or does in the photo, asked after the photo's rules ("can my baby have her
# soother in it", "mon bébé peut-tu avoir sa suce", "can i hold him"): the photo's rule for babies
# (folded text), not a child's passport, which the baby named pulls the reading to
HELD_IN_PHOTO = re.compile(r"\b(?:soothers?|pacifiers?|binky|dummy|suces?|sucettes?|toys?|toutous?|jouets?|doudous?|blankets?|"
                           r"couvertures?|bottles?|biberons?|car ?seats?|sieges? d'auto|hold (?:her|him|them|the baby)|"
                           r"holding (?:her|him|them|the baby)|la tenir|le tenir|tenir (?:mon|ma|le|la|notre) bebe|"
                           r"eyes? (?:closed|shut)|yeux fermes|sleeping|asleep|endormie?|dort)\b")
MAX_HELD_WORDS = 15
# Someone else asked to sign, after a renewal ("can i sign it myself or i need someone else to
# sign", "faut-tu que quelqu'un d'autre signe?"): a renewal needs no guarantor (folded text)
OTHER_SIGNER = re.compile(r"\b(?:someone|somebody|anyone|another person|other person|myself|guarantors?|garants?|repondants?|"
                          r"quelqu'une?|moi-meme|moi meme|une autre personne)\b")
RENEW_NO_GUARANTOR_ENTRY = "passport_renew.no_guarantor"
# What to bring, asked after the urgent service ("qu'est ce que je dois apporter au comptoir?" after
# "je pars à Punta Cana dans 5 jours" and "j'ai pas de passeport valide"): the complete
# application and the proof of travel (folded text)
BRING = re.compile(r"\b(?:bring|take with me|apporter|apporte|amener|amene|emmener|quoi prendre avec moi)\b")
# ... or what proof ("ca prend quoi comme preuve", "what kind of proof"): the proof of travel
PROOF_ASKED = re.compile(r"\b(?:comme|quelle|quel genre de|what|which|what kind of|what sort of) (?:\w+ )?(?:preuves?|proofs?)\b")
# ... but not the proof of another thing (folded text): "what proof of citizenship"
OTHER_PROOF = re.compile(r"\b(?:citizenship|citoyennete|identit\w*|identity|address|adresse|residence|custody|garde)\b")
URGENT_BRING_ENTRY = "passport_urgent.proof_of_travel"
RENEW_BRING_ENTRY = "passport_renew.what_to_bring"
# Losing it, asked after getting a SIN (folded text): "et si je le perds, je fais quoi?"
LOSES_IT = re.compile(r"\b(?:si je (?:le|la|les) perds|si je perds (?:ma carte|mon nas|mon numero|la carte)|if i (?:lose|lost) (?:it|my card|my sin|the card)|"
                      r"(?:je l'ai|jl'ai|jai|j'ai) perdu (?:ma carte|mon nas)?|i lost (?:it|my card))\b")
# How long one has to apply, asked after a job lost (folded text): EI's deadline
TIME_TO_APPLY = re.compile(r"\b(?:(?:j'ai|jai|on a|i have|do i have|ai-je) combien de temps pour (?:faire ma demande|appliquer|demander|faire la demande)|"
                           r"combien de temps (?:j'ai|jai|on a|ai-je) pour (?:faire ma demande|appliquer|demander|faire la demande)|"
                           r"how (?:long|much time) do i have to (?:apply|file|claim)|(?:is there a|what'?s the) deadline to (?:apply|file|claim)|"
                           # too late asked: "c'est-tu trop tard pour faire ma demande? on est le 22 janvier", "is it too late to apply"
                           r"trop tard pour (?:faire (?:ma|la|une) demande|appliquer|demander|faire application)|too late to (?:apply|file|claim))\b")
EI_DEADLINE_ENTRY = "ei_apply.deadline"
# The family's size told after the plan (folded text): "and with 2 kids?", "pis si on est 4?"
FAMILY_SIZE = re.compile(r"\b(?:kids?|children|child|enfants?|family of|famille de|spouse|conjointe?|wife|husband|married|marie|mariee|on est \d|we are \d|we'?re \d)\b")
MAX_FAMILY_SIZE_WORDS = 8
RAP_ELIGIBILITY_ENTRY = "student_loan_rap.eligibility"
# Paying through a bank, asked after a student loan (folded text): "je peux payer par virement chez Desjardins?"
PAYS_THROUGH = re.compile(r"\b(?:payer|pay|paying|rembourser)\s+(?:le |la |it |ca |mon pret |my loan )?(?:par|by|with|through|thru|via|chez|at|avec|au|a)\s+"
                          r"(?:\w+\s+){0,2}?(?:virements?|e-?transfers?|transfers?|online banking|banque|bank|caisse|desjardins|guichet|accesd)\b"
                          # from an account abroad: "can i pay from my irish bank account", "je peux payer d'un compte belge?"
                          r"|\b(?:payer|pay|paying|rembourser)\s+(?:it\s+|ca\s+|mon pret\s+|my loan\s+)?(?:from|d'un|d'une|de mon|de ma|depuis|avec mon|avec un|with my|with a)\s+"
                          r"(?:[\w']+\s+){0,2}?(?:bank accounts?|accounts?|comptes?)\b"
                          # the payments set up online: "how do i make payments online, i never set anything up"
                          r"|\b(?:make|making|faire|fais|faites) (?:my |the |mes |les )?(?:loan )?(?:payments?|paiements?) (?:online|en ligne)\b")
# ... the bank named is where the payment is made, not another service asked about (another one, "my
# hydro bill", stays off topic)
BANK_NAMED = re.compile(r"\b(?:desjardins|banque nationale|caisse populaire|caisse|accesd|td|rbc|bmo|cibc|scotiabank|tangerine|"
                        r"(?:[\w]+ )?bank accounts?|comptes? (?:bancaires? )?(?:[\w]+)?)\b")
UNSURE_COMPLAINT_PRICE = 0.5  # a complaint this unsure, a price asked after a passport: the fee
EARLY_RENEWAL_ENTRY = "passport_renew.early"
# A paper asked for (folded text), after children taken abroad by one parent: the consent letter
PAPER_ASKED = re.compile(r"\b(?:papiers?|paperwork|papers?|letters?|lettres?|autorisations?|permission|consent\w*)\b")
TRAVEL_CONSENT_ENTRY = "passport_child.travel_consent_letter"
MAX_PAPER_WORDS = 12
# School or studies said (folded text): the students' EI answer is for them alone
EI_STUDENTS_ENTRY = "ei_eligibility.students"
IN_SCHOOL = re.compile(r"\b(?:students?|student's|etudiante?s?|etudes?|etudie|school|college|colleges|cegep|universit\w*|univ|uni|"
                       r"classes?|cours|course|courses|semester|session|summer job|job d'ete|emploi d'ete|full[- ]time studies|"
                       r"temps plein aux etudes|training|formation)\b")
TEMPORARY_PASSPORT_ENTRY = "passport_urgent.temporary"
TEMPORARY_NAMED = re.compile(r"\b(?:temporary|temporaire|emergency travel document|titre de voyage d'urgence)\b")
FIRST_PASSPORT_DOCUMENTS_ENTRY = "passport_apply_adult.documents"
CHILD_CUSTODY_ENTRY = "passport_child.custody"
# A custody order told (folded text): "we have a court order that gives me sole custody"
CUSTODY_ORDER = re.compile(r"\b(?:court order|custody order|sole custody|full custody|ordonnance (?:de garde|du tribunal|de la cour)|"
                           r"garde (?:exclusive|complete|legale)|jugement de garde)\b")
# A child's papers asked about (folded text): the birth certificate, the hospital's paper, citizenship proof
CHILD_PAPERS = re.compile(r"\b(?:birth certificate|certificat de naissance|acte de naissance|proof of citizenship|preuve de citoyennete|"
                          r"papier de l'hopital|papiers de l'hopital|hospital (?:paper|papers|record|document|form)s?)\b")
MAX_BRING_WORDS = 10
US_NAMED = re.compile(r"\b(?:us|u\.s\.?|usa|united states|the states|states|america|american|etats-unis|etats|amerique|"
                      r"floride|florida|california|californie|new york|texas|arizona|boston|seattle|chicago|los angeles|"
                      r"miami|orlando|vegas|hawaii|washington|new jersey|michigan|ohio|colorado|oregon)\b")
IN_CANADA = re.compile(r"\b(?:in|within|from|au|du|dans le|a l'interieur du) canada\b")
# The weekend or a holiday said (folded text): the urgent service's weekend entry fits
WEEKEND_ENTRY = "passport_urgent.weekend_emergency"
WEEKEND = re.compile(r"\b(?:week-?ends?|fins? de semaine|saturday|sunday|sat|sun|samedi|dimanche|holidays?|feries?|statutory|"
                     r"conges? feries?|after hours|apres les heures|closed|ferme|fermes)\b")
# ... asked to take them ("can costco take them"), not about the store itself ("is costco optical any
# good for new glasses?", "where's the closest shoppers drug mart")
TAKES_THEM = re.compile(r"\b(?:take|takes|taking|do|does|doing|make|makes|prendre|prend|prennent|faire|fait|font)\b "
                        r"(?:them|it|the photos?|the pictures?|passport (?:photos?|pictures?)|les|la|des photos?|mes photos?)\b"
                        r"|\b(?:them|les|it) (?:done|taken)\b|\bspecial (?:place|studio)\b|\bendroit special\b"
                        r"|\b(?:les|la) (?:faire|prendre) (?:faire|prendre)\b")  # "je peux tu les faire faire chez Walmart?"
# ... not one to be chosen or its hours ("tu connais un photographe pas cher ouvert le dimanche?"): a
# store's business, which the out-of-scope reply answers
A_PLACE_CHOSEN = re.compile(r"\b(?:ouverts?|open|opens|hours|heures|cheap|cheapest|pas cher|moins cher|recommend\w*|recommand\w*|"
                            r"connais|know (?:a|any)|best|meilleure?s?|near me|proche)\b")
# A refund asked for a wait (folded text): "vous remboursez si c'est trop long?", "do i get my money back if it's late"
REFUND_FOR_DELAY = re.compile(r"\b(?:rembours\w*|refund\w*|money back|argent)\b[^.?!]{0,40}\b(?:trop long|too long|takes? long|late|"
                              r"retard\w*|delay\w*|30 (?:business |working )?days|30 jours)\b"
                              r"|\b(?:trop long|too long|late|retard\w*|delay\w*)\b[^.?!]{0,40}\b(?:rembours\w*|refund\w*|money back)\b")
REFUND_ENTRY = "passport_fees.refund_30_days"
# Opening hours asked (folded text): "c'est ouvert le samedi?" after where to apply in Trois-Rivières
# asked of the place just spoken of, not of another one ("is there a notary open sunday near me")
OPENING_HOURS = re.compile(
    r"^\W*(?:(?:et|pis|and|ok|so|but|mais)\W+)?(?:c'est|cest|c|is it|are they|they|ils sont|y sont|is that|it's|its|are you|"
    r"vous etes|le bureau (?:est|sera)|the office|is the office|is that office|are they even)(?:[- ]tu|[- ]il)? "
    r"(?:open|opened|ouverts?|ouvertes?|fermes?|closed)\b"
    r"|^\W*(?:(?:et|pis|and|ok|so|what about)\W+)?(?:their |the |les |leurs )?(?:opening hours|hours|heures d'ouverture|horaires?)\W*(?:\?|$)")
AVAILABLE_AT = re.compile(r"\b(?:disponibles?|available|offerts?|offered|offert\w*|possible|faisable|dispo)\s+"
                          r"(?:à|a|au|aux|in|at|en)\s+(?:[A-ZÀ-Ý][\w'-]+)")
# "Prêt" as ready, not a loan (folded text): "comment je sais si c'est prêt", "mon passeport est-tu prêt"
READY = re.compile(r"\b(?:c'est|cest|c|est|sera|soit|serait|seront|sont|va etre|etre)(?:[- ]tu|[- ]il|[- ]elle|[- ]ce)? pret(?:e|s|es)?\b"
                   r"|\bpret(?:e|s|es)? a (?:ramasser|recuperer|aller chercher|etre (?:ramasse|recupere))\b")
# A loan's terms asked (folded text): "le taux d'interet c combien?" after repaying a student loan
# Another loan asked for after repaying one (folded text): "pis je veux en prendre un autre pour ma
# maitrise, comment je demande?", "can i get a new loan for my masters": a new loan or grant is
# the province's application, which we do not answer (not RAP again, nor repaying the other one)
NEW_LOAN = re.compile(r"\b(?:(?:new|another|second|more|additional) (?:canada )?(?:student )?loans?|(?:nouveau|nouvel|autre|deuxieme|2e|second) pret|"
                      r"en (?:prendre|demander|avoir|faire|obtenir) un (?:autre|nouveau|deuxieme)|(?:get|take out|apply for) another(?: one)?)\b")
NOT_A_NEW_LOAN = re.compile(r"\b(?:rembours\w*|repay\w*|pay (?:it |them )?(?:back|off)|payer|paye|rap|repayment assistance|aide au remboursement|"
                            r"consolidat\w*|combin\w*|regroup\w*|fusionn\w*)\b")
LOAN_TERMS = re.compile(r"\b(?:interest(?: rates?)?|taux(?: d'interets?)?|interets?)\b")
# ... not the interest claimed on one's taxes ("can i claim the interest on my taxes"): the CRA's
TAX_WORDS = re.compile(r"\b(?:tax|taxes|impots?|declarations?|deduct\w*|dedui\w*|claim\w*|reclam\w*|credit)\b")
# Words that place a lost passport away from home (folded text)
AWAY = re.compile(r"\b(?:abroad|overseas|outside (?:of )?canada|en voyage|while travel\w*|on (?:my |a |our )?(?:trip|vacation|holiday)|"
                  r"en vacances|a l'etranger|etranger|hors du canada|stuck|coince\w*|embass\w*|ambassade|consul\w*|"
                  r"emergency travel|titre de voyage)\b")
HOW_MUCH = re.compile(r"\b(?:combien|how much)\b(?! de temps| d'heures| de jours| time| of time)")
CCB_AMOUNT_ENTRY = "ccb_payment_dates.how_much"
LOAN_INTEREST_ENTRY = "student_loan_repayment.interest"
LOAN_WORDS = re.compile(r"\b(?:prets? (?:etudiants?|d'etudes|canadiens?|du federal)|rembours\w*|dette|interets?|nslsc|csnpe|cnpe|par|"
                        r"paiements?|etudes)\b")

# A way of doing what the conversation is about, asked without naming it (folded text): "and can i
# do it by mail instead?" after "how do i apply for a SIN" is the SIN's application by mail, not a
# passport's (the only topic whose own words are "by mail")
BY_A_WAY = re.compile(r"\b(?:by (?:mail|post)|mail it|online|in person|par (?:la )?poste|par courrier|en ligne|en personne)\b")
DOING_IT = re.compile(r"\b(?:do it|do that|do this|apply|send it|send them|le faire|la faire|faire (?:la|ma) demande|l'envoyer|"
                      r"les envoyer|appliquer)\b")
APPLICATION_TOPICS = {"sin_apply", "ei_apply", "ccb_apply"}
# Each way's entry names, the first a topic has answering it (its overview when none)
WAYS = ((re.compile(r"\b(?:mail|post|poste|courrier)\b"), ("by_mail", "online_or_form")),
        (re.compile(r"\b(?:online|en ligne)\b"), ("online", "online_how", "online_or_form")),
        (re.compile(r"\b(?:in person|en personne)\b"), ("in_person",)))
# Paying with gift cards, crypto or a wire, told after a SIN question (folded text): the scam's sign
SCAM_PAYMENT = re.compile(r"\b(?:gift ?cards?|itunes cards?|google play cards?|bitcoins?|crypto\w*|wire (?:the )?money|"
                          r"cartes?[- ]cadeaux?|cartes? prepayees?)\b")
SCAMS_ENTRY = "sin_protect.scams"
# Hours worked a week, told, and whether they are enough, asked (folded text): "je fais 20h semaine
# depuis 1 an a temps partiel, ca suffit tu" after "je vais demander le chomage"
HOURS_A_WEEK = re.compile(r"\b\d{1,3} ?(?:h|hrs?|hours?|heures?)\b")
ENOUGH = re.compile(r"\b(?:ca suffit|sa suffit|c'est assez|(?:is|are) (?:that|it|they|those) enough|enough hours|"
                    r"suffisant\w*|suffi(?:t|sent)|assez d'heures|do i qualify|will i qualify|would i qualify|am i eligible|"
                    r"suis[- ]je admissible|je suis-tu admissible|j'ai-tu droit|j'ai tu droit|ai-je droit)\b")
HOURS_ENTRY = "ei_eligibility.hours_needed"
HOURS_TAKEN = re.compile(r"\b(?:prend|faut|need|needed|required|requis|besoin)\b")  # hours it takes, not hours to report
# The hours needed, asked (folded text): "how many hours do i need? it says 510 on it" after "got
# my ROE today from the warehouse"
HOURS_NEEDED = re.compile(r"\b(?:how many (?:insurable )?hours|combien d'heures|combien (?:ca |ça )?(?:prend|faut)[- ](?:t[- ]il )?d'heures)\b")
# Whether one qualifies, asked (folded text): "is that enough", "do i qualify"
ELIGIBILITY_ASKED = re.compile(r"\b(?:enough|qualify|eligible|admissible|suffi\w*|assez|droit)\b")
# An application sent and nothing heard (folded text): with a trip told and no program named, a
# passport's ("j'ai appliqué au début de mars pis toujours rien, je pars le 15 mai")
APPLIED = re.compile(r"\b(?:applied|sent (?:in )?(?:my|the|our) (?:application|forms?|renewal|papers)|mailed (?:it|my|the|in)|appliqu\w*|"
                     r"(?:fait|envoye|poste) (?:ma|la|notre) demande|envoye (?:mes|les) (?:papiers|formulaires))\b")
NOTHING_YET = re.compile(r"\b(?:still nothing|nothing yet|haven'?t (?:heard|received|got)|havent (?:heard|received|got)|no news|"
                         r"heard nothing|no word|not a word|"
                         r"not (?:heard|received) anything|toujours rien|encore rien|rien (?:recu|eu)|pas (?:de|eu de) nouvelles|"
                         r"toujours pas (?:recu|eu)|pas encore (?:recu|eu))\b")
DELAYED_ENTRY = "passport_status.delayed"
MAX_NOTHING_YET_WORDS = 5  # "still nothing??" alone, after a passport application told
STATUS_PHONE_ENTRY = "passport_status.phone"
# A telephone number asked for (folded text): "is there a telephone number then", "y a-tu un numero de telephone d'abord"
PHONE_NUMBER_ASKED = re.compile(r"\b(?:phone|telephone) (?:number|line|#)|\bnumero de (?:telephone|tel)\b|\bnumber (?:i|we) can call\b|\bnumero (?:a|pour) appeler\b")
# Whether it is normal, asked (folded text): "is that normal or should i worry?", "est-ce normal ou je dois m'inquieter?"
ASKS_IF_NORMAL = re.compile(r"\b(?:is (?:that|it|this) normal|normal or|should i (?:be )?worr\w*|est-ce normal|c'est(?:-tu| tu)? normal|"
                            r"(?:dois|devrais)(?:-je)? (?:m'inquieter|m'en faire)|m'inquieter)\b")
MAX_IF_NORMAL_WORDS = 12
# An application mailed at a time told (folded text): "i mailed my renewal in march", "j'ai posté mon renouvellement en mars"
MAILED_WHEN = re.compile(r"\b(?:mailed|sent|posted|submitted|poste|envoye|expedie|depose)\b[^.?!]{0,30}\b(?:in|en|on|le|il y a|ago|since|depuis)\b")
# A SIN card lost (folded text), and a card asked about after
SIN_CARD_LOST = re.compile(r"\b(?:lost|perdu|perdue|misplaced|egare\w*)\b[^.?!]{0,20}\b(?:sin|nas)\b|\b(?:sin|nas)\b[^.?!]{0,15}\b(?:card|carte)\b[^.?!]{0,20}\b(?:lost|perdu\w*)")
# ... and the SIN's card asked about after (folded text): "do they still make the plastic cards?" (not
# another card: "pis ma carte santé de l'Ontario aussi")
CARD_WORD = re.compile(r"\b(?:plastic|plastique|sin|nas|new|replacement|another)\s+(?:sin\s+)?(?:cards?|cartes?)\b|\bcartes?\s+(?:en\s+)?plastique\b|"
                       r"\b(?:nouvelle|autre)\s+carte\b(?!\s+(?:sante|d'assurance maladie|soleil|de credit|de debit|bancaire))")
# The processing time told as passed (folded text): "its been way past the normal processing time",
# "ca fait plus longtemps que le delai", "le delai est depasse"
PAST_THE_TIME = re.compile(r"\b(?:(?:way |well |long |already )?(?:past|over|beyond|passed) the (?:\w+ ){0,2}(?:processing |service )?"
                           r"(?:times?|standards?|deadline|delay)|longer than (?:the )?(?:normal|usual|posted|processing|service|\d+)|"
                           r"(?:le |les )?delais? (?:normal |habituel |de traitement )?(?:est |sont |a ete |ont ete )?(?:depasses?|passes?)|"
                           r"depass\w* (?:le|les) delais?|plus (?:long|longtemps) que (?:le|les) delais?)\b")
# A SIN for a child, wanted (folded text): "my son is 12, can he get a sin so he can open a savings
# account at td", "est-ce que mon bébé a besoin d'un NAS? la banque m'en parle pour ouvrir son REEE":
# applying for the child's SIN, not who may ask for one
GETS_A_SIN = re.compile(r"\b(?:get|gets|getting|need|needs|have|has|apply for|applying for) (?:a |an |his |her |their |own |his own |her own )?"
                        r"(?:sin|social insurance number)\b|\bbesoin d'un (?:nas|numero d'assurance sociale)\b|"
                        r"\b(?:avoir|obtenir|demander|faire) (?:un|son|leur) (?:propre )?(?:nas|numero d'assurance sociale)\b")
SIN_CHILD_ENTRY = "sin_apply.child"
REPORT_ENTRY = "passport_lost_stolen.report"
# The urgent or express service named as a service (folded text), not a trip's urgency: "si je
# demande le service urgent ajd à 10h du matin je vais l'avoir quand?" is the service's own time
SERVICE_NAMED = re.compile(r"\b(?:service|retrait|pick-?up|pickup) (?:urgent|express)\b|\b(?:urgent|express) (?:service|pick-?up|pickup)\b")
WHEN_OR_HOW_LONG = re.compile(r"\b(?:when|quand|how long|how fast|how soon|combien de (?:temps|jours)|delais?)\b")
# Which form, asked of the simplified renewal named (folded text): the simplified renewal's answer
SIMPLIFIED = re.compile(r"\b(?:simplified renewal|renouvellement simplifie|simplifiee?)\b")
SIMPLIFIED_ENTRY = "passport_renew.simplified"
# The fees gone up, asked (folded text): "les frais de passeport ont-tu monté cette année?": the indexation
FEE_WORDS = re.compile(r"\b(?:fees?|frais|prix|price|prices|tarifs?|cost|couts?)\b")
WENT_UP = re.compile(r"\b(?:went up|gone up|go up|increase\w*|raised|hike\w*|monte\w*|augment\w*|hausse\w*|plus cher qu'avant|"
                     r"more expensive (?:than|now))\b")
INDEXATION_ENTRY = "passport_fees.indexation"
MAX_OFF_TOPIC_FOLLOW_UP_WORDS = 8  # "ok and for the weekend?" after the weather asked
# The thing just asked about, taken up by a pronoun (folded text): "est-ce que je peux la congeler?",
# "can i freeze it"
THING_BACK = re.compile(r"\b(?:peux|peut|dois|doit|faut|veux|vais|va|on|je|tu)(?:[- ](?:tu|je|on|il|elle))? (?:la|le|les) [a-z]\w+|"
                        r"\b(?:peux|peut|dois|doit|faut|veux|vais|va|on|je|tu)(?:[- ](?:tu|je|on|il|elle))? l'[a-z]\w+|"
                        r"\b(?:can|could|should|do|may) (?:i|we|you) \w+ (?:it|them)\b")
MAX_BARE_FOLLOW_UP_WORDS = 6  # "how long does it take" after another service named
# The price of a thing that is no passport (folded text): "as-tu une idee du prix d'un billet pour
# cancun en mars?" after a passport's fee, "how much is a flight to paris"
PRICE_OF_ANOTHER_THING = re.compile(
    r"\b(?:prix|price|cost|cout|couts|tarif|combien (?:coute|coutent|pour)|how much (?:is|are|for|does|do)|c'est combien)\s+"
    r"(?:d'une?\s|du\s|de la\s|des\s|de\s|of\s|a\s|an\s|the\s|un\s|une\s|le\s|la\s|les\s|mon\s|my\s)*(?:\w+\s)?"
    r"(?:billets?|tickets?|vols?|flights?|hotels?|avions?|planes?|croisieres?|cruises?|chambres?|rooms?|forfaits?|packages?|"
    r"tout inclus|all[- ]inclusives?|assurances? voyage|travel insurance|valises?|bagages?|luggage|taxis?|ubers?|trains?|bus|"
    r"locations? d'auto|car rentals?)\b")
# A passport named only to compare another service's thing with (folded text): "faut tu une photo
# comme pour le passeport?" after renewing a health card, "same as for a passport?"
LIKE_A_PASSPORT = re.compile(r"\b(?:comme|pareil(?:le)?s? (?:comme|que)|(?:la )?meme chose que|like|same as|as for|just like)\s+"
                             r"(?:pour |for |with |avec |dans |on |in )?(?:le |la |les |un |une |mon |ma |a |an |the |my )?"
                             r"(?:passe?ports?|photos? (?:de|du) passe?port|passport photos?|passport ones?)\b")
# A payment smaller than before, told (folded text): "why was mine less this july"
PAID_LESS = re.compile(r"\b(?:less|lower|smaller|went down|gone down|go down|decreas\w*|reduc\w*|cut|moins|baiss\w*|diminu\w*|"
                       r"plus petite?s?|drop|dropped|drops|droppe)\b")  # ("why would it drop? nothing changed for us")
# Whether it matters, asked of a passport's validity told in a renewal question (folded text): "my
# current one is a 5 year, does that matter if i want to renew?": the renewal check's question
MATTERS = re.compile(r"\b(?:does (?:that|it|this) matter|matters?|does (?:that|it|this) (?:still )?count|still (?:ok|okay|eligible)|"
                     r"(?:ca|sa|c'est|est-ce que ca) (?:compte|change)(?:[- ]tu)?|ca fait (?:tu )?une difference|est-ce grave)\b")
# The answer's way asked after how long it takes (folded text): "what about if i go in person in
# mississauga" after the time by mail: the time that way
TIME_WAY_TOPICS = {"passport_processing_times"}
MAX_WAY_FOLLOW_UP_WORDS = 12
# ... going or applying that way (not checking a status online)
GOES = re.compile(r"\b(?:go|goes|going|apply|applying|send|sending|mail|do it|vais|va|aller|allais|applique|appliquer|envoie|envoyer|"
                  r"fais|faire|depose|deposer|drop it off)\b")
# Information given to a scam, told after one (folded text): "i clicked the link and typed my birthdate"
GAVE_TO_IT = re.compile(r"\b(?:clicked|click|tapped|opened the link|typed|entered|filled (?:it|in|out)|gave (?:them|it|my)|answered|"
                        r"cliqu\w*|clique|entre|rentre|tape|donne|repondu)\b")
STOLEN_OR_FRAUD_ENTRY = "sin_protect.stolen_or_fraud"
LOST_SURCHARGE_ENTRY = "passport_fees.lost_stolen_surcharge"
# The passport not come yet, told (folded text): "it still hasnt come", "il est toujours pas arrivé"
STILL_NOT_COME = re.compile(r"\b(?:still (?:hasn'?t|has not|not|isn'?t|haven'?t) (?:come|arrived|here|shown up|showed up)|(?:hasn'?t|has not) (?:come|arrived) yet|"
                            r"(?:toujours|encore) pas (?:arrive|rentre|recu)\w*|(?:est|a) (?:toujours |encore )?pas (?:arrive|rentre|recu)\w*|"
                            # "cest normal que jai rien recu encore", "still nothing"
                            r"rien (?:recu|eu)|toujours rien|still nothing|nothing yet|nothing so far|pas encore (?:recu|eu) (?:mon|le|de|rien))\b")
LOSES_A_PASSPORT = re.compile(r"\b(?:perd|perds|perdre|lose|loses|losing)\b[^.?!]{0,15}\bpasse?ports?\b")  # "si on perd son passeport"
FINED = re.compile(r"\b(?:amendes?|penalit\w*|penalt\w*|a fine|fined|extra (?:fee|charge)|frais (?:de plus|supplementaires?))\b")
PAY_EARLY_ENTRY = "student_loan_repayment.pay_early"
# Paying a loan off early, asked (folded text): "can i pay it all off early without a penalty", "rembourser au complet d'avance"
PAYS_OFF_EARLY = re.compile(r"\bpay (?:it |them |the (?:whole |full )?(?:loan|thing|balance) |my (?:whole )?loan |everything )?(?:all |in full )?off (?:early|now|sooner|faster|at once|in one shot)\b"
                            r"|\bpay (?:it |them )?(?:all |in full )?(?:early|ahead)\b[^.?!]{0,30}\bpenalt\w*|\bprepay\w*"
                            r"|\brembourser (?:le |mon |tout |toute |au complet |en entier |d'un coup )*(?:d'avance|plus vite|plus tot|au complet|en entier|d'un coup)\b")
# A scam said (folded text): "un soi-disant agent de service canada"
SCAM_SAID = re.compile(r"\b(?:soi-disant|pretendu\w*|fake|arnaque\w*|arnaqueu\w*|scam\w*|fraude\w*|fraud\w*|suspicious|louche|so-called)\b")
# Keeping someone from using it, asked (folded text): "je dois faire quoi pour que personne s'en
# serve" after a SIN card stolen with a wallet
KEEP_FROM_USE = re.compile(r"\b(?:pour (?:que )?(?:personne|pas qu'(?:on|ils?|quelqu'?un)) (?:ne )?(?:s'en serve|l'utilise|s'en servent|l'utilisent|le prenne)|"
                           r"(?:so|that) (?:no ?one|nobody|they|no one else|someone) (?:can'?t |cannot |won'?t |doesn'?t |can |don'?t )?(?:uses?|misuses?) it|"
                           r"(?:stop|prevent|keep) (?:them|someone|anyone|people|him|her) (?:from )?using it)\b")
# An application's mailing told after its delay (folded text): "i mailed it from sudbury, canada
# post says delivered april 12": where it is now
MAILED_TOLD = re.compile(r"\b(?:mailed|sent|posted|shipped|delivered|tracking|poste|envoye|livre|livree|suivi)\b")
STATUS_TOPICS = {"passport_status", "passport_processing_times"}
# A passport's validity asked (folded text): "ok et il est valide combien de temps", "how long is it good for",
# "how long will it be good for"
VALIDITY_ASKED = re.compile(r"\b(?:valid(?:e)? (?:for )?(?:combien de temps|how long|pour combien)|how long (?:is it|is that|are they) "
                            r"(?:good|valid)(?: for)?|good for how long|(?:it|he|she|il|elle) (?:expire|expires) (?:quand|when)|"
                            r"(?:c'est|cest|il est|elle est|est) (?:bon|bonne|valide) (?:pour )?(?:combien|cmb|cb)|"
                            # "il va etre bon combien de temps son passeport"
                            r"(?:va|vont|will) (?:etre|be) (?:bon|bonne|valide|good|valid) (?:pour |for )?(?:combien|how long)|"
                            r"(?:good|valid) for how many (?:years|yrs)|"
                            # how long it lasts: "et ça dure combien d'années", "how long does it last"
                            r"(?:ca |il |elle |ils )?dure(?:nt)? (?:combien|pour combien|cmb)|how long (?:does|do|will) (?:it|they|that) last|"
                            r"how many (?:years|yrs) (?:does|do|will) (?:it|they|that) last|"
                            # "ok and how many years is his good for"
                            r"how many (?:years|yrs) (?:is|will|would) (?:it|his|hers|her|that|that one|the passport|his passport|her passport|mine)"
                            r"(?: be)? (?:good|valid)(?: for)?|"
                            # "combien de temps il est valide?", "combien d'années il est bon"
                            r"combien (?:de temps|d'annees|d'ans) (?:il |elle |c'est |ca )?(?:est |sera |reste )?(?:valide|bon|bonne)|"
                            r"how long (?:will|would|does) (?:it|the passport|my passport|his passport|her passport|that one) "
                            r"(?:be |stay |remain )?(?:good|valid)(?: for)?|how long (?:does|will) (?:it|the passport) last)\b")
# An address changed, told (folded text), after an application sent
# (or the box changed: "mon casier postal a changé a Havre-Aubert apres que j'aie envoyé ma demande")
ADDRESS_CHANGED = re.compile(r"\b(?:change\w* (?:d'|mon |my |of )?(?:adresse|address)|new address|nouvelle adresse|"
                             r"(?:casier postal|case postale|po box|p\.o\. box|mailbox|adresse|address)\b[^.?!]{0,10}\b(?:a change|changed|has changed|va changer)|"
                             r"(?:moved|demenage\w*) (?:after|since|apres|depuis)\b)")
# (sent, not to send: "j'peux tu envoyer mon renouvellement par la poste pis mettre ma nouvelle adresse")
APPLICATION_SENT = re.compile(r"\b(?:envoyee?s?|postee?s?|deposee?s?|soumis|mailed|sent|submitted|applied)\b[^.?!]{0,20}"
                              r"\b(?:demande|application|renewal|renouvellement|forms?|formulaires?)\b"
                              r"|\b(?:applied|mailed (?:it|my|the))\b")
# Whether it takes longer, asked (folded text): "ça prend tu plus de temps quand...", "does it take longer if..."
# (asked, not supposed: "do i get my money back if my passport takes longer than they say it will")
TAKES_LONGER = re.compile(r"\b(?:(?:ca|ça|sa) (?:prend|prends)(?:[- ]?tu|[- ]il)? plus de temps|(?:est-ce|c'est)(?:[- ]tu)? plus long|"
                          r"(?:does|will|would) (?:it|that|this|processing) take longer)\b")
# Mailed or on paper (folded text): "can i just mail the paper renewal instead"
MAIL_OR_PAPER = re.compile(r"\b(?:mail|mailing|by mail|paper|par la poste|poster|papier|formulaire papier)\b")
# Validity named (folded text): "how long is her passport valid"
# (how long a child's passport takes, not how long it lasts: "how long for a child passport" can be either)
TIME_TO_GET = re.compile(r"\b(?:delais?|delay|processing|traitement|(?:ca|ça) prend|take|takes|taking|wait|attendre|attente)\b")
VALID_WORD = re.compile(r"\b(?:valid|valide|validite|validity|expire\w*|good for|bon pour|bon combien|last|lasts|dure|durer|(?:5|10|cinq|dix) (?:ans|years?|yrs?) (?:ou|or) (?:5|10|cinq|dix))\b")
# Another thing renewed (folded text): "i also need to renew my health card"
_RENEWS_ANOTHER_THING = re.compile(r"\b(?:renew\w*|renouvel\w*) (?:my|his|her|our|the|mon|ma|son|sa|le|la) (?!passe?ports?|pport)\w+")
# A form in another format asked (folded text): "a large print version of the passport renewal form"
ALTERNATE_FORMAT = re.compile(r"\b(?:large print|big print|braille|alternate formats?|alternative formats?|accessible (?:format|version)|"
                              r"gros caracteres|grands caracteres|format (?:accessible|adapte|substitut))\b")
FORM_NAMED = re.compile(r"\b(?:forms?|formulaires?)\b")
# Income told, by the month or year (folded text): "i get cpp disability about 1400 a month"
INCOME_TOLD = re.compile(r"\b\d[\d,. ]*\$? ?(?:a|per|par|/) ?(?:month|mois|year|an|annee|week|semaine)\b|\$ ?\d[\d,.]* ?(?:a|per|par) (?:month|mois|year|an)\b")
# A medical device told of, for the photo (folded text): "my dad has a trach tube"
MEDICAL_DEVICE = re.compile(r"\b(?:trach\w*|tracheo\w*|oxygen|oxygene|nasal cannula|canule|feeding tube|sonde|neck brace|minerve|"
                            r"hearing aids?|appareils? auditifs?|cochlear|eye patch|cache-oeil|bandage|pansement|cast|platre)\b")
# Someone filling in the form for another, asked (folded text)
WHO_FILLS_THE_FORM = re.compile(r"\b(?:qui peut (?:remplir|completer)|who (?:can|could) (?:fill|complete)|(?:can|could) (?:i|we|someone|somebody|my \w+) "
                                r"(?:fill|complete) (?:in |out )?(?:the |her |his |my )?(?:form|application) for|"
                                r"(?:remplir|completer) (?:le|son|sa|mon|ma) (?:formulaire|demande) (?:pour|a (?:sa|ma) place))\b")
# A temporary or emergency passport named (folded text): "the embassy in lima gave me an emergency passport"
EMERGENCY_PASSPORT = re.compile(r"\b(?:emergency|temporary|temporaire|d'urgence) (?:passe?ports?|travel documents?)\b"
                                r"|\bpasse?ports? (?:d'urgence|temporaires?|provisoires?)\b|\btitres? de voyage d'urgence\b")
# A parent absent, said as an idiom (folded text)
NOT_IN_THE_PICTURE = re.compile(r"\b(?:not in the picture|out of the picture|pas dans le portrait|hors du portrait)\b")
# A SIN not had yet, and whether that matters (folded text)
SIN_NOT_YET = re.compile(r"\b(?:not|pas|no) (?:\w+ )?(?:sin|nas)\b[^.?!]{0,10}\b(?:yet|encore)\b|\b(?:pas encore|not yet|still no)\b[^.?!]{0,15}\b(?:sin|nas)\b")
# (whether it matters, as asked of a renewal's validity, or whether it is a problem or needed)
SIN_MATTERS = re.compile(rf"{MATTERS.pattern}|\b(?:is (?:that|it|this) a problem|ca derange|c'est grave|c'est-tu grave|do (?:i|we) need it|needed for it)\b")
# Yes or no asked of the last question (folded text): "ok so yes or no", "c'est oui ou non"
YES_OR_NO_ASKED = re.compile(r"\b(?:yes or no|oui ou non|can i or not|je peux ou pas|c'est possible ou pas)\b")
MAX_YES_OR_NO_WORDS = 8
# A correction of the last message, first thing (folded text): "sorry i meant june not may", "non je voulais dire en juin"
CORRECTS_THE_LAST = re.compile(r"^\W*(?:(?:sorry|oops|oups|pardon|desole|desolee|non|no|nope|wait|attends)\W+)*"
                               r"(?:i meant|i mean|meant to say|je voulais dire|je veux dire|j'voulais dire|jvoulais dire)\b")
MAX_CORRECTION_WORDS = 10
# How to pay, or how much a month (folded text), after a student loan
MONTHLY_AMOUNT = re.compile(r"\b(?:how much (?:a|per|each|every) month|combien par mois|combien (?:chaque|a chaque) mois|monthly payment|paiement mensuel)\b")
# What one has instead, told (folded text): "i only have the confirmation of pr paper" (not "when does my PR card arrive")
ONLY_HAVE = re.compile(r"\b(?:only have|i have only|just have|only got|j'ai (?:juste|seulement)|j'ai que|jai juste|jai seulement)\b")
# A newcomer's PR papers (folded text): "i only have the confirmation of pr paper", "ma carte RP est pas arrivée"
PR_PAPERS = re.compile(r"\b(?:pr cards?|cartes? (?:de )?rp|copr|confirmation (?:of|de) (?:pr|rp|permanent residence|residence permanente))\b")
# An application waited on, told (folded text): "ça fait 6 semaines que j'attends le passeport"
WAITED_FOR = re.compile(r"\b(?:ca fait|ça fait|it'?s been|been) (?:\d+|deux|trois|quatre|cinq|six|two|three|four|five|six) "
                        r"(?:semaines|mois|weeks|months) (?:que j'attends|que j'attend|que j'attends apres|i'?ve been waiting|waiting)\b")
UNSURE_OTHER_PROGRAM = 0.7  # EI or the CCB read less surely than this, with a renewal and its paper form asked: the passport's
# Travelling home with another ID instead (folded text): "can i just fly home with my drivers licence??"
TRAVELS_WITH_ANOTHER_ID = re.compile(r"\b(?:fly|travel|board|go|get|voyager|prendre l'avion|rentrer|revenir)\b[^.?!]{0,25}\b(?:with|avec) "
                                     r"(?:just |only |juste |seulement )?(?:my |mon |ma |a |un |une )?(?:driver'?s'? licen[cs]e|drivers licen[cs]e|"
                                     r"permis de conduire|health card|carte soleil|birth certificate|certificat de naissance|id)\b")
CAN_I = re.compile(r"\b(?:can|could|may) (?:i|we)\b|\b(?:je peux|puis-je|peut-on|on peut|je pourrais)\b")
# Another document's photo, reused (folded text): "the one from my drivers licence", "la photo de mon permis"
# (used: not "pis pour la photo de ma carte d'assurance maladie, c'est les mêmes règles?", that card's own photo)
ANOTHER_DOCUMENTS_PHOTO = re.compile(r"\b(?:use|reuse|utiliser|reutiliser|prendre|send|envoyer)\b[^.?!]{0,12}"
                                     r"\b(?:the one|the photo|the pic(?:ture)?|my photo|celle|la photo|ma photo|la meme)\b[^.?!]{0,15}"
                                     r"\b(?:from|on|of|de|du|sur) (?:my |mon |ma |the |le |la |son |sa )?(?:driver'?s'? licen[cs]e|drivers licen[cs]e|"
                                     r"licen[cs]e|permis(?: de conduire)?|health card|carte soleil|carte d'assurance[- ]maladie|pr card|carte (?:de )?rp|id card)\b")
MAX_FOLLOW_UP_WORDS_HERE = 12  # a follow-up naming no program, briefly
# Repaying started, asked when (folded text): "je dois commencer à payer mon prêt quand?"
START_PAYING = re.compile(r"\b(?:commencer a (?:payer|rembourser)|commence a (?:payer|rembourser)|start (?:paying|repaying|to pay|to repay)|"
                          r"begin (?:paying|repaying|to pay|to repay))\b")
WHEN_WORD = re.compile(r"\b(?:quand|when|a partir de quand|by when)\b")
LOAN_START_ENTRY = "student_loan_repayment.when_start"
# No income told (folded text), and whether one must still pay
NO_INCOME = re.compile(r"\b(?:zero revenus?|0 revenus?|pas de revenus?|aucun revenu|sans revenu|no income|zero income|0 income|"
                       r"no job|pas de job|pas d'emploi|sans emploi|unemployed|pas de salaire)\b")
MUST_STILL_PAY = re.compile(r"\b(?:dois|doit|faut)(?:[- ]tu|[- ]il)? (?:quand meme |encore |toujours |pareil )?(?:payer|rembourser|faire mes paiements)\b"
                            r"|\b(?:still )?(?:have|need) to (?:keep )?(?:pay|paying|repay|make (?:my )?payments)\b")
# EI's waiting week, by that name (folded text): "why is there a waiting week??"
WAITING_WEEK_NAMED = re.compile(r"\b(?:waiting week|unpaid (?:first )?week)\b")
# A temporary stay told (folded text): "on a working holiday permit", "en PVT", "j'ai un permis de travail"
TEMPORARY_STAY = re.compile(r"\b(?:working holiday|work(?:ing)? permit|study permit|pvt|permis (?:de travail|d'etudes|vacances[- ]travail)|"
                            r"iec|experience internationale canada|international experience canada|temporary (?:worker|resident)|travailleur temporaire)\b")
# The same asked for oneself (folded text): "is it the same for me", "c'est pareil pour moi?"
SAME_FOR_ME = re.compile(r"\b(?:(?:the )?same (?:for|with) me|(?:pareil|la meme chose|meme chose|pareille) pour moi|does (?:that|it|this) apply to me|"
                         r"(?:ca|ça) s'applique a moi|for me too|pour moi aussi)\b")
# A benefit no longer received, told (folded text): "je reçois pu l'allocation", "i stopped getting my ccb"
NO_LONGER_RECEIVED = re.compile(r"\b(?:(?:je |j'|on |nous )?(?:recois|recoit|recevons|touche|touchons|ai) (?:pu|plus|pus)\b|"
                                r"stopped (?:getting|receiving|coming)|(?:no longer|don'?t|dont|not) (?:get|getting|receive|receiving)\b[^.?!]{0,25}\banymore|"
                                r"arrete\w* de (?:recevoir|rentrer|venir))")
# The old passport sent with the application, asked (folded text): "je dois envoyer mon vieux passeport avec??",
# "do i send my old passport with it", "je dois envoyer le vieux avec le formulaire?"
SENDS_THE_OLD_ONE = re.compile(r"\b(?:envoyer|envoie|joindre|inclure|mettre|send|include|mail|put)\b[^.?!]{0,15}\b"
                               r"(?:(?:mon|le|my|the|ton|mes|les|son|sa) )?(?:vieux|vieille|ancien|old|current|actuel|expired|expire)"
                               r"(?: (?:passe?ports?|one|un))?\b[^.?!]{0,25}\b(?:avec|with|in|dans|aussi|too|also)\b")
OLD_PASSPORT_ENTRY = "passport_renew.old_passport"
# Told not eligible (folded text): "ça m'a dit que je suis pas admissible"
URGENT_OR_EXPRESS_ENTRY = "passport_urgent.urgent_vs_express"
MAX_SERVICE_TIME_WORDS = 8  # "how long does it actually take" after the express service, briefly
TOO_OLD = re.compile(r"\b(?:trop vieux|trop vieille|trop ancien|trop vieux pour|too old)\b")
# Which one it is, asked of a form named (folded text): "le formulaire de renouvellement simplifié c'est lequel??"
WHICH_ONE_IS_IT = re.compile(r"\b(?:formulaire|form)\b[^.?!]{0,50}\b(?:c'est lequel|cest lequel|c lequel|which one is it)\b")
# A separate application asked (folded text): "faut-tu faire une demande à part?", "do i have to apply separately"
APPLIED_APART = re.compile(r"\b(?:demande a part|demande separee|apply separately|separate application|apply on my own|"
                           r"faire (?:une|la) demande (?:moi-meme|nous-memes|aussi))\b")
# What a photo shows, told (folded text): "my bangs were covering my eyebrows a bit"
PHOTO_FEATURE = re.compile(r"\b(?:bangs|fringe|hair|hairs|eyebrows?|forehead|ears?|shadows?|glare|background|lighting|"
                           r"frange|cheveux|sourcils?|front|oreilles?|ombres?|reflets?|fond|eclairage)\b")
# ... after the photo was refused (not "a good hair salon downtown" or a selfie's "lighting tips" after the rules)
PHOTO_REFUSED = re.compile(r"\b(?:rejected|refused|denied|not accepted|sent back|refusee?s?|rejetee?s?|pas acceptee?s?|renvoyee?s?)\b")
# The other parent's death told, or their death certificate named (folded text)
OTHER_PARENT_DIED = re.compile(r"\b(?:husband|wife|partner|father|mother|dad|mom|ex|mari|femme|conjointe?|pere|mere|papa|maman|chum|blonde)\b"
                               r"[^.?!]{0,20}\b(?:died|passed away|passed on|is dead|deceased|est decedee?|est morte?|decedee?)\b"
                               r"|\b(?:death certificate|certificat de deces|acte de deces)\b")
CHILD_ONE_PARENT_ENTRY = "passport_child.one_parent"
# The first time compared with, not a first passport (folded text): "ça prend un répondant comme la première fois?"
LIKE_THE_FIRST_TIME = re.compile(r"\b(?:comme (?:la )?(?:premiere|1re|1ere) fois|(?:like|as) (?:the )?(?:first|1st) time|like last time)\b")
MAX_ISSUED_TOLD_WORDS = 10  # "il a été fait en 2008 par contre": the year told, briefly
PHOTO_SIGNATURE_ENTRY = "passport_photo.guarantor_signature"
# A professional asked for (folded text): "ou ça prend un professionnel?", "does it have to be a professional"
PROFESSIONAL_ASKED = re.compile(r"\b(?:professionnel\w*|professional\w*|profession)\b")
# What a plan covers, asked (folded text): "does it also cover my nova scotia loan?", "ça couvre-tu aussi mon prêt du Québec?"
COVERS_IT_TOO = re.compile(r"\b(?:does|will|would|can) (?:it|rap|that|this|the plan) (?:also |too )?(?:cover|apply to|include|work for|count for)\b"
                           r"|\b(?:ca|ça|le par|il|le programme) (?:couvre|s'applique a|inclut|marche pour)(?:-tu| tu)?\b")
# No internet or computer at home, told (folded text): "pis si j'ai pas internet à la maison?" after an application
NO_INTERNET = re.compile(r"\b(?:(?:pas|pas d'|no|don'?t have|dont have|do not have|without|sans|aucun) (?:d'|de |a |an |the )?"
                         r"(?:internet|computer|ordi|ordinateur|wifi|wi-fi|laptop|cell|data)|pas (?:acces|access) (?:a|au|to) (?:l')?internet)\b")
MAX_NO_INTERNET_WORDS = 16
# the topics whose application is made online or another way (the answer says which)
ONLINE_APPLICATION_TOPICS = {"ei_apply", "sin_apply", "ccb_apply", "passport_renew", "passport_apply_adult", "student_loan_rap"}
ADULT_VALIDITY_ENTRY = "passport_apply_adult.validity"
CHILD_VALIDITY_ENTRY = "passport_child.validity"
# How much EI pays, asked (folded text): "combien je vais recevoir par semaine à peu près"
EI_AMOUNT = re.compile(r"\b(?:how much|combien)\b[^.?!]{0,30}\b(?:get|receive|paid|recevoir|recoi\w*|toucher|touche|avoir)\b"
                       r"[^.?!]{0,25}\b(?:week|weekly|month|semaine|mois|par sem\w*)\b"
                       r"|\bhow much (?:will|would|do) (?:i|we) get\b|\bcombien (?:je vais|on va|j'vais|vais-je) (?:recevoir|toucher|avoir)\b"
                       r"|\b(?:je vais|on va|j'vais|jvais) (?:recevoir|toucher|avoir) combien\b|\b(?:i'?ll|i will|we'?ll) get how much\b"
                       # "pis la ils vont me donner combien a peu pres? je faisais 22$ de lheure"
                       r"|\b(?:ils|ils vont|vont-ils|y vont) (?:me |nous )?(?:donner|verser|payer) combien\b|\bhow much (?:will|would) they (?:give|pay)\b"
                       # "pis ça paye combien par semaine?" after how to apply, "how much does it pay a week"
                       r"|\b(?:ca|sa|ça|ce|it|that|ei) (?:paye|paie|pays?|donne|gives?) combien\b|\bhow much (?:does|will|would) (?:it|ei|that) pay\b"
                       # "ei how much per wk" (bot/folding.py's week), "l'ae c'est combien par semaine"
                       r"|\bhow much (?:per|a|each) week\b|\bcombien par semaine\b"
                       # someone else's: "Combien va-t-il recevoir par semaine environ ?" after a father laid off
                       r"|\bcombien (?:va-t-il|va-t-elle|vont-ils|il va|elle va|y va) (?:recevoir|toucher|avoir)\b"
                       r"|\bhow much (?:will|would|does) (?:he|she|they) get\b")
UNSURE_EI_AMOUNT = 0.6  # an EI topic this sure, with how much it pays asked beside, keeps its own reading
# A record of employment not received (folded text): "jai pas encore reçu mon releve d'emploi, ca
# fait 3 semaines", "my boss still hasn't sent my ROE"; then "pis si je le reçois jamais?": the ROE's
# answer (the employer issues it, EI can be applied for before it), not the first payment's
ROE_NAMED = re.compile(rf"\b(?:{ROE_WORDS}|(?:mon|le|son|ton) re)\b")
NOT_RECEIVED = re.compile(r"\b(?:pas (?:encore |toujours )?(?:recu|eu)|toujours pas|jamais|never|not (?:yet |even )?(?:received|got|sent|issued)|"
                          r"still (?:hasn'?t|haven'?t|don'?t|dont|doesn'?t|no)|(?:don'?t|dont|do not) (?:have|got) (?:my|the|an?|it)|hasn'?t (?:sent|issued|done)|haven'?t (?:got|received)|"
                          r"no roe|won'?t (?:send|give|issue)|(?:veut|veulent) pas (?:me )?(?:le )?(?:donner|envoyer|faire))\b")
ROE_ENTRY = "ei_apply.roe"
URGENT_AFTER_APPLYING_ENTRY = "passport_urgent.after_applying"
# Whether the application sent was received, asked (folded text): "comment je sais s'ils l'ont recu?"
# after "j'ai envoyé mon formulaire de renouvellement le 3 mars": its status
RECEIVED_ASKED = re.compile(r"\b(?:(?:s'ils|si ils|s'y|si y|if they|whether they|did they|ont-ils|ils l'ont[- ]tu) (?:l'ont |l'on |ont |have |has )?"
                            r"(?:recu|recue|received|got|gotten|eu)|(?:was|has) (?:it|my application|my form) (?:been )?received|"
                            r"(?:est|a) (?:bien )?ete (?:recu|recue)|"
                            # "comment je sais si elle est arrivée" after an application mailed
                            r"(?:si|if|whether) (?:elle|il|ma demande|mon formulaire|it|my application|my form) (?:est|a|has|is|was) (?:bien )?"
                            r"(?:arrivee?|rendue?|arrived|gotten there|made it|there))\b")


def _in_french(text: str) -> bool:
    found = detect(text)
    return found is not None and found.language == "fr"


def named_program_over_off_topic(read: Dict[str, Any], text: str) -> Dict[str, Any]:
    """A message that names one of our programs other than passports ("comment je fais pour obtenir
    mon numéro d'assurance sociale?" told after a long story of a study permit) and no service we
    do not answer, read as off topic by the model's own weighing: its program's likeliest topic,
    when the model's own ranking within the program is clear, and "did you mean X or Y?" with the
    program's two likeliest when it is not. A rule's "off topic" (confidence 1) stays. French
    when French, or when the model's off-topic reading is unsure (under `DOUBTFUL_TOPIC`): the 10
    such messages of the evaluation sets it answered correctly were all French (2 French ones
    became wrong answers), and the one English message it changed, read off topic surely, became
    a wrong answer; "moving to Korea to teach english for 2 years, can i stay on RAP", read off
    topic at 0.47, is the plan's (twenty-second session: no other answer of the 35 sets changed).
    One of EI's benefits named by what it is for is EI's in English too ("when should i apply for
    maternity benefits? ... i live in winnipeg", read off topic at 0.6)."""
    # (unsure between off topic and another, off topic first: "Quand dois-je présenter ma demande de
    # prestations de maternité et parentales?" weighed 0.43 off topic, 0.41 applying for EI)
    # (French only: an English one, off topic first, named the CCB and was off topic)
    # (or, in either language, one of EI's benefits named: "im pregnant due in october, how do i
    # apply for mat leave benefits, i live in ontario", unsure between applying for EI and off topic)
    unsure_off = _intent(read) == "nlu_fallback" and (
        (_two_likeliest(read)[:1] == ["out_of_scope"] and _in_french(text))
        or ("out_of_scope" in _two_likeliest(read) and names_ei_benefit(text)))
    if not (_intent(read) == "out_of_scope" or unsure_off) or _confidence(read) >= 1.0 or text.startswith("/") or not (
            _in_french(text) or _confidence(read) < DOUBTFUL_TOPIC or names_ei_benefit(text)):
        return read
    named = programs_named(text) - {PASSPORT}
    if not (len(named) == 1 or (len(named) == 2 and _confidence(read) < SURE_EVERYDAY)) or other_service_named(text) is not None:
        # (two programs named, read off topic unsurely: "mon mari a été licencié chez Walmart et moi je
        # viens d'avoir un bébé, on sait pas si on a droit au chômage pour lui et comment demander
        # l'allocation pour le bébé": the likelier of their topics, or which of the two)
        return read
    ranking = read.get("intent_ranking") or []
    within = sorted(renormalised(ranking, lambda name: program_of(name) in named and _answering(name)),
                    key=lambda r: -float(r["confidence"]))
    if not within:
        return read
    if float(within[0]["confidence"]) >= OWN_TOPIC_SHARE or len(within) == 1:
        return own_entry(_with_intent(read, str(within[0]["name"]), float(within[0]["confidence"])), read)
    if named == {LOANS} and HOW_TO_REPAY.search(fold(text)) and "student_loan_repayment" in {str(r["name"]) for r in within[:2]}:
        # "comment je paye mon prêt canadien en ligne? j'ai déménagé de l'ontario à montréal pis j'ai
        # pu aucun papier": how to pay it, the repayment's (not "repaying or the assistance plan?")
        return own_entry(_with_intent(read, "student_loan_repayment", float(within[0]["confidence"])), read)
    return asking_which(read, [{"name": str(r["name"]), "confidence": float(r["confidence"])} for r in within[:2]])


PLACE_ALL_OFF_TOPIC_LEFT = 0.1  # off topic's weight left once the town is taken out, below which the town was all of it


async def without_its_towns(read: Dict[str, Any], text: str, parse: Parse) -> Dict[str, Any]:
    """A message read as off topic, not surely, or unsure, that names a Canadian town ("mailed my
    renewal 5 weeks ago from Thunder Bay, no news at all. how do i find out whats going on", "j'ai
    été mis à pied hier au moulin à Dolbeau, je fais ma demande de chômage quand?") or a trip's
    destination ("je pars dans 10 jours pour Punta Cana, l'express ça coûte combien?"), read again
    without it (bot/nlu/places.py): where it is said from or going is not what it asks. A place
    abroad, in a message naming one of our programs (or a passport's 5 or 10 years), is read as "abroad" ("j'habite au mexique,
    combien de temps pour un passeport canadien demandé au consulat"): that the citizen is abroad
    may choose the answer (not "il fait tu beau à cuba en février?", however it reads then). The
    reading without the place is kept when it is one of our topics, at least `DOUBTFUL_TOPIC` sure
    and surer than the off-topic reading was, and no service we do not answer is named ("what's
    the weather like in Québec tomorrow" without the town is still no question of ours)."""
    if _intent(read) not in {"out_of_scope", "nlu_fallback"} or _confidence(read) >= SURE_EVERYDAY or text.startswith("/") or not (
            names_a_canadian_place(text) or names_a_trips_place(text) or (names_a_place_abroad(text) and (programs_named(text) or stated_validity(text)))) or (
            other_service_named(text) is not None or names_another_program(text) or not (ASKS.search(text) or asks_how_long(text))):
        return read  # (a statement, "je suis étudiant étranger à Montréal", tells; the conversation reads it)
    written = with_abroad_for_places(without_places(text), _in_french(text))
    if written == text:
        return read  # ("abroad" or "au consulat" named, nothing to write otherwise)
    again = await parse(written)
    off_topic_left = next((float(r["confidence"]) for r in again.get("intent_ranking") or [] if r["name"] == "out_of_scope"), 0.0)
    if not _answering(_intent(again)) or _confidence(again) < DOUBTFUL_TOPIC or (
            # (less sure than the off-topic reading was, kept when the place was all of it: "renew by
            # mail from regina ok?" is 0.61 off topic, and without the town 0.54 a renewal, 0.08 off topic)
            _confidence(again) < _confidence(read) and off_topic_left >= PLACE_ALL_OFF_TOPIC_LEFT):
        return read
    return {**again, "text": read.get("text", text)}


async def in_context(parse_data: Dict[str, Any], text: str, events: Any, parse: Parse) -> Dict[str, Any]:
    """`parse_data` of `text`, read again with the conversation `events` where it needs them;
    a question of passport processing times that gives a trip within two weeks ("how long does
    it take? I fly in 5 days", or "i'm flying in 5 days" after "how long to get a passport"), or
    that needs the passport sooner ("what if I need it sooner?"), is one for the urgent service,
    whose general answer fits it."""
    parse_data = await without_its_towns(parse_data, text, parse)
    read = named_program_over_off_topic(await _in_context(parse_data, text, events, parse), text)
    said = recent_messages(events) or ""  # the last messages, read once for every rule below
    topic_lately = last_topic(events)  # the conversation's last topic of ours, read once for every rule below
    folded = fold(text)
    asked_last = LAST_QUESTION.search(text) if len(text.split()) >= MIN_RAMBLING_WORDS else None
    if asked_last and not text.startswith("/") and _confidence(read) < UNSURE_RAMBLING and programs_named(asked_last.group(1)):
        # a long story, then the question: "ok so we had our baby in january ... we got the sin letter
        # already and the ccb started in march so thats done. now my mom wants us to come to portugal
        # in august ... what do we need for a baby passport?" (read unsurely as the SIN the story
        # names): the question's own reading, when it is sure and of the program it names
        alone = await parse(asked_last.group(1))
        if _answering(_intent(alone)) and _confidence(alone) >= SURE_NAMED and program_of(_intent(alone)) in programs_named(asked_last.group(1)):
            return read_as(read, alone)
    asked_first = FIRST_QUESTION.search(text)
    if asked_first and not text.startswith("/") and (_intent(read) in TOLD_NOT_ASKED or _confidence(read) < UNSURE_FIRST) and (
            _confidence(read) < 1.0 and other_service_named(asked_first.group(2)) is None
            and not names_another_program(asked_first.group(2))):
        # a question, then what the writer tells of themselves: "who can sign as my guarantor? i just
        # moved to ottawa in the fall" after a first passport (read off topic for the move), "who can
        # be my guarantor?? we just moved to moncton with the baby" (read unsurely as the CCB's): the
        # question's own reading, when it is sure and of the program the conversation is about, or
        # very sure and the statement names no program
        alone = await parse(asked_first.group(1))
        program = program_of(_intent(alone))
        if _answering(_intent(alone)) and _confidence(alone) >= SURE_NAMED and program is not None and (
                program in programs_named(asked_first.group(1)) or program == program_of(topic_lately or "")
                or (_confidence(alone) >= SURE_FIRST and not programs_named(asked_first.group(2)))):
            return read_as(read, alone)
    if not text.startswith("/") and asks_which_way_is_faster(text) and program_of(_intent(read)) == PASSPORT and (
            not asks_price(text) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "should i go in person or mail it, which is faster" after a renewal for a trip: the two ways'
        # times compared, whatever passport the conversation is about
        return {**_as_topic(read, "passport_apply_adult", IN_PERSON_OR_MAIL_ENTRY), "read_with": said}
    if _intent(read) == "nlu_fallback" and not text.startswith("/") and EI_APPLIED_FROM.search(folded) and (
            programs_named(text) == {EI} and other_service_named(text) is None):
        # "laid off from the oil sands job in fort mac, moving back home to newfoundland next week. can
        # i apply for EI from there or do i have to do it in alberta" (read unsurely): applying
        # online, from anywhere
        return _as_topic(read, "ei_apply", NEEDS_ENTRY[EI])
    if not text.startswith("/") and (
            (topic_lately in FEE_TOPICS and HURRIED_KIDS.search(folded))
            or (program_of(topic_lately or "") == PASSPORT and BARE_PRICE.search(folded))):
        # in a hurry: "n kids?" or "x3 kids?" after a passport's price, "$?" after a child's passport
        # forms: the price, of what the conversation told (the fee calculator's when it counts them)
        return {**_as_topic(read, FEES), "read_with": said}
    if not text.startswith("/") and asks_age_discount(text) and program_of(topic_lately or "") == PASSPORT and (
            _intent(read) not in KEEP and _intent(read) != FEES and _confidence(read) < 1.0
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "is there a seniors discount" after "im 70 and my passport expires in june": the passport's fee
        # (no age lowers it), with what the conversation told
        return {**_as_topic(read, FEES), "read_with": said}
    helped = topic_lately if not text.startswith("/") and helps_someone_weak_in_a_language(text) else None
    if helped and program_of(helped) and _confidence(read) < 1.0 and programs_named(text) <= {str(program_of(helped))}:
        # "Il ne parle pas français, puis-je l'accompagner et parler pour lui ?" after a SIN for a father
        # arriving from Lima: the conversation's topic, with a helper (not a language asked)
        return {**own_entry(_as_topic(read, helped), parse_data), "read_with": said}
    if not text.startswith("/") and renewal_asked_lately(events) and NAME_CHANGED.search(folded) and (
            _intent(read) in RENEWAL_TOPICS | TOLD_NOT_ASKED | {"passport_apply_adult"} or program_of(_intent(read)) != PASSPORT) and (
            not programs_named(text) - {PASSPORT} and other_service_named(text) is None and not names_a_child(text)):
        # "what if my name changed since" after "can i renew online" (read as the SIN's name change):
        # renewing in a new name, whose answer says what to send (and settles whether one may renew)
        return {**_as_topic(read, "passport_apply_adult", NAME_CHANGE_ENTRY), "read_with": said}
    corrected = CORRECTS.match(folded)
    if corrected and not text.startswith("/") and last_said(events):
        meant = NOT_THAT.split(folded[corrected.end():])[0]
        named = programs_named(meant)
        before = program_of(topic_lately or "")
        if named and before not in named and other_service_named(meant) is None:
            # "no wait i meant my sin card, not my passport" after "i lost it yesterday at the mall": the
            # message before, about the thing now named (a lost SIN card)
            reread = await parse(f"{last_said(events)} {meant}")
            if _answering(_intent(reread)) and program_of(_intent(reread)) in named and _confidence(reread) >= SURE_NAMED:
                return {**read_as(read, reread), "read_with": last_said(events)}
        if renewal_asked_lately(events) and names_a_child(meant) and not named - {PASSPORT} and not asks_price(text):
            # "ah non attends c'est pour ma fille, elle a 11 ans" after "comment renouveler mon
            # passeport": a child's passport (never renewed), asked about as the message before asked
            reread = await parse(f"{last_said(events)} {meant}")
            return {**own_entry(_as_topic(read, "passport_child"), reread), "read_with": last_said(events)}
    if not text.startswith("/") and _intent(read) in {"passport_child", "passport_urgent"} and asks_if_fast_service_possible(text) and (
            not asks_price(text) and program_of(topic_lately or "") == PASSPORT):
        # "our kids also, urgent is possible for them?" after urgent passports for the parents: whether
        # the faster services are open to children, which the urgent service's answers say (one need,
        # not the children's passports first)
        return {**own_entry(_as_topic(read, "passport_urgent"), parse_data), "read_with": said}
    if not text.startswith("/") and topic_lately in {"sin_apply", "sin_protect"} and PERMIT_ENDS.search(folded) and (
            (FOR_MY_NUMBER.search(folded) or CHANGES.search(folded)) and program_of(_intent(read)) in {SIN, None}
            and not programs_named(text) - {SIN}):  # (the permit is another program's thing, named on purpose)
        # "mon permis d'etudes expire en decembre, ca change quoi pour mon numero?" after "comment
        # avoir un NAS" (read as the permit's own service): a SIN starting with 9 ends with the permit
        return {**_as_topic(read, "sin_apply", TEMPORARY_SIN_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately in {"sin_apply", "sin_protect"} and ASKS_IT_EXPIRES.search(folded) and (
            STARTS_WITH_9.search(fold(f"{said} {text}")) and not PASSPORT_NAMED.search(folded)
            and not programs_named(text) - {SIN} and other_service_named(text) is None):
        # "ca veut dire quoi? il expire?" after "mon nas commence par 9" (read as an expired
        # passport's renewal): a SIN starting with 9 ends with the permit
        return {**_as_topic(read, "sin_apply", TEMPORARY_SIN_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately in {"sin_apply", "sin_protect"} and TEMPORARY_STATUS.search(folded) and (
            ASKS_IT_EXPIRES.search(folded) and not programs_named(text) - {SIN} and other_service_named(text) is None):
        # "i am temporary foreign worker, does it expire?" after "i need a sin" (read as EI's
        # eligibility): a SIN starting with 9, which ends with the permit
        return {**_as_topic(read, "sin_apply", TEMPORARY_SIN_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "sin_protect" and NEW_NUMBER.search(folded) and (
            _intent(read) in {"sin_apply"} | TOLD_NOT_ASKED and _confidence(read) < 1.0 and not programs_named(text) - {SIN}
            and other_service_named(text) is None):
        # "they have my SIN too, do i need to get a new number" after a stolen identity (read as
        # getting a SIN): whether a new number is given after fraud
        return {**_as_topic(read, "sin_protect", NEW_SIN_ENTRY), "read_with": said}
    if not text.startswith("/") and _answering(str(topic_lately)) and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and (
            tells_only_where(text) or (topic_lately in ONLINE_APPLICATION_TOPICS and NO_INTERNET.search(folded)
                                       and len(text.split()) <= MAX_NO_INTERNET_WORDS)) and (
            other_service_named(text) is None and not programs_named(text)):
        # "i'm in happy valley-goose bay if that matters" after "how many hours do i need for ei" (EI's
        # hours depend on the region), "pis si j'ai pas internet à la maison? chu à Blanc-Sablon" after
        # how to apply for EI: the conversation's question, for that place or without the internet
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, str(topic_lately)), whole), "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_where_apply" and _confidence(read) < 1.0 and (
            wants_it_sooner(text) and mentions_a_trip(text) and not asks_where(text) and not asks_price(text)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "je travaille dans le nord à Radisson pis je peux pas me rendre à un bureau, je pars au Mexique le
        # 20 décembre, j'ai-tu des options pour aller plus vite?" (read as applying from abroad): the
        # faster services, which the answer says how to get
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_child" and _confidence(read) < 1.0 and (
            # (or read as the CCB's parent: "their dad lives in la loche and i have full custody, does he still need to sign")
            (_intent(read) in {"passport_apply_adult", "passport_renew"} | TOLD_NOT_ASKED or (
                program_of(_intent(read)) == CCB and not programs_named(text))) and asks_a_signature(text)
            and not applicant_is_adult(text) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "il doit tu venir signer en personne?" after "c'est pour le passeport de ma fille de 14 ans" and
        # "son père habite à winnipeg et moi à montréal": both parents take part and sign
        return {**_as_topic(read, "passport_child", CHILD_CONSENT_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_status" and _confidence(read) < 1.0 and (
            ADDRESS_CHANGED.search(folded) and APPLICATION_SENT.search(f"{fold(said)} {folded}") and not asks_price(text)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "j'ai changé d'adresse après avoir envoyé ma demande de passeport (on s'est séparés), comment
        # être sûre qu'ils l'envoient à la bonne place?": an application in process, whose address the
        # Passport Program changes by phone
        return {**_as_topic(read, "passport_status", STATUS_PHONE_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(_intent(read)) == PASSPORT and _intent(read) not in TIME_ASKED and _confidence(read) < 1.0 and (
            TAKES_LONGER.search(folded) and not asks_price(text) and not programs_named(text) - {PASSPORT}
            and other_service_named(text) is None):
        # "ça prend tu plus de temps quand c'est un passeport d'enfant avec des papiers de cour pour la
        # garde?" (read as the custody papers): whether it takes longer, the processing times
        return {**_as_topic(read, "passport_processing_times"), "read_with": said}
    if not text.startswith("/") and _intent(read) == "ccb_payment_dates" and HOSPITAL_FORM.search(folded) and APPLIED_APART.search(folded) and (
            other_service_named(text) is None and not programs_named(text) - {CCB}):
        # "mon bébé est né en septembre, j'ai rempli les papiers à l'hôpital pis j'ai jamais reçu
        # d'allocation pour enfants. faut-tu faire une demande à part?": applying with the birth's
        # registration, not when payments come
        return {**_as_topic(read, "ccb_apply", BIRTH_REGISTRATION_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_photo" and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and (
            PHOTO_FEATURE.search(folded) and PHOTO_REFUSED.search(fold(f"{said} {text}")) and other_service_named(text) is None
            and not programs_named(text) - {PASSPORT}):
        # "it was taken at walmart. what could be wrong? my bangs were covering my eyebrows a bit" after
        # a photo rejected: the photo's rules, whatever store took it
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "passport_photo"), whole), "read_with": said}
    if not text.startswith("/") and program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_child" and (
            OTHER_PARENT_DIED.search(folded) and names_children(text) and PASSPORT_NAMED.search(folded)
            and not applicant_is_adult(text) and not asks_price(text) and not programs_named(text) - {PASSPORT}):
        # "my husband died in 2024. i'm applying for our son's first passport, do i have to send a copy of
        # the death certificate": a child's passport with one parent (the other's death certificate)
        return {**_as_topic(read, "passport_child", CHILD_ONE_PARENT_ENTRY), "read_with": said}
    if not text.startswith("/") and (read.get("knowledge") or {}).get("id") == PHOTO_SIGNATURE_ENTRY and _confidence(read) < 1.0 and (
            SOMEONE_PROPOSED.search(folded) and (KNOWN_FOR.search(folded) or PROFESSIONAL_ASKED.search(folded))):
        # "est-ce que mon voisin qui me connaît depuis 30 ans peut signer mes photos pis ma demande ou ça
        # prend un professionnel?": who may be a guarantor, not where the guarantor signs the photo
        child = names_a_child(f"{said} {text}") and not applicant_is_adult(f"{said} {text}")
        return {**_as_topic(read, "passport_child" if child else "passport_apply_adult",
                            CHILD_GUARANTOR_ENTRY if child else ADULT_GUARANTOR_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "student_loan_rap" and _intent(read) == "student_loan_repayment" and (
            _confidence(read) < 1.0 and COVERS_IT_TOO.search(folded) and other_service_named(text) is None):
        # "does it also cover my nova scotia loan?" after "i'm on rap for my federal loan": the plan's
        # reach, not repaying in general
        return {**_as_topic(read, "student_loan_rap"), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and _intent(read) == "passport_status" and (
            _confidence(read) < 1.0 and WHICH_APPLICATION.search(folded) and len(text.split()) <= MAX_WHICH_APPLICATION_WORDS
            and not programs_named(text) - {PASSPORT}):
        # "on fait quelle demande?" after "le passeport d'enfant de ma fille expire en juin, elle aura
        # 16 ans en juillet": which application the situation told needs, not where one stands
        whole = await parse(f"{said} {text}")
        if program_of(_intent(whole)) == PASSPORT and _intent(whole) != "passport_status":
            return {**_as_topic(read, _intent(whole), (whole.get("knowledge") or {}).get("id")), "read_with": said}
        return {**conversations_entry(_as_topic(read, str(topic_lately)), whole), "read_with": said}
    if not text.startswith("/") and FAST_ASKED.search(folded) and _intent(read) in ADULT_PASSPORT_TOPICS and _confidence(read) < 1.0 and (
            not asks_price(text) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "j'ai jamais eu de passeport, c'est possible aussi vite?" after "je dois aller aux États-Unis
        # dans 3 jours pour un enterrement": the urgent service; "passport expired last year, how fast
        # can i get a new one" after "we fly to cancun april 18": the usual times, before that trip
        window = travel_window(f"{said}. {text}")
        if window == "soon":
            return {**_as_topic(read, "passport_urgent"), "read_with": said}
        if window == "later":
            return {**_as_topic(read, "passport_processing_times", BEFORE_TRIP_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_photo" and SIZE_ASKED.search(folded) and (
            len(text.split()) <= MAX_SIZE_WORDS and _intent(read) != "passport_photo" and _confidence(read) < SURE_EVERYDAY
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "what size" after "need photos for my passport" (read unsurely off topic): the photo's size
        return {**_as_topic(read, "passport_photo", PHOTO_SIZE_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == SIN and ASKING_FOR_IT.search(folded) and (
            IS_IT_ALLOWED.search(folded) and program_of(_intent(read)) in {SIN, None} and not programs_named(text) - {SIN}):
        # "my bank is asking for it to open a savings account, is that ok" after how to protect a SIN
        # (read surely as the bank's): who may ask for the SIN (a bank may, for an account earning interest)
        return {**_as_topic(read, "sin_protect", WHO_CAN_ASK_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and _intent(read) == FEES and (
            HOW_LONG_ASKED.search(folded) and not asks_price(text) and not VALIDITY_ASKED.search(folded)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "ok et combien de temps ça prend depuis Dakar" after a passport's fee abroad (read with the
        # fee): how long it takes, from where the conversation says
        return {**_abroad_or_own(read, parse_data, "passport_processing_times", ABROAD_TIME_ENTRY, said, text),
                "read_with": said}
    if not text.startswith("/") and topic_lately == "ccb_payment_dates" and (HOW_TO_APPLY.search(folded) or asks_to_apply(text)) and (
            _intent(read) == "ccb_payment_dates" or (_intent(read) == "passport_child" and not PASSPORT_NAMED.search(folded))) and (
            NEWBORN.search(folded) and not programs_named(text) - {CCB}):
        # "et comment je fais la demande pour mon 2e bébé qui vient de naître le 14?" after the CCB's
        # dates (read as a newborn's passport): applying for a newborn, by registering the birth
        # ("and how do i apply to get it by deposit" stays the payments')
        return {**_as_topic(read, "ccb_apply", BIRTH_REGISTRATION_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == EI and REPORT_NAMED.search(folded) and (
            WORKED_WHILE_ON_CLAIM.search(folded) and not TAX_NAMED.search(folded) and not programs_named(text) - {EI}
            and program_of(_intent(read)) in {EI, None}):
        # "et si j'ai travaillé quelques heures cette semaine, je le mets où dans la déclaration?"
        # after "je reçois l'assurance emploi depuis janvier" (read surely as a tax return's): work
        # while on a claim, declared in the report
        return {**_as_topic(read, "ei_apply", WORKING_ON_CLAIM_ENTRY), "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_urgent" and (asks_if_in_time(text) or in_a_hurry(text)) and (
            (read.get("knowledge") or {}).get("id") in {URGENT_BRING_ENTRY, TEMPORARY_PASSPORT_ENTRY}
            and not (BRING.search(folded) or PROOF_ASKED.search(folded) or TEMPORARY_NAMED.search(folded))):
        # "j'ai un vol pour un contrat à Montpellier le 12, on est le 3, j'peux-tu avoir mon passeport à
        # temps?", "et si c'est vraiment pressé?": how fast the urgent and express services are (the
        # overview), not the proof of travel or the temporary passport the trip's words pull to
        return answered_by(read, overview_id("passport_urgent"))
    if not text.startswith("/") and PAPER_ASKED.search(folded) and (
            one_parent_travels_with_children(said) and len(text.split()) <= MAX_PAPER_WORDS
            and program_of(_intent(read)) in {PASSPORT, None} and _confidence(read) < 1.0
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None
            and (read.get("knowledge") or {}).get("id") != TRAVEL_CONSENT_ENTRY):
        # "faut-tu un papier spécial pour eux?" after "je pars au mexique avec mes 2 enfants, leur père
        # vient pas", "does the letter have to be notarized" after "we are grandparents taking our
        # grandkids to varadero" (read off topic): the consent letter recommended for a child
        # travelling without both parents
        return {**_as_topic(read, "passport_child", TRAVEL_CONSENT_ENTRY), "read_with": said}
    if not text.startswith("/") and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < SURE_EVERYDAY and (
            asks_next_payment(text) and not programs_named(text) and other_service_named(text) is None
            and programs_named(said) == {CCB}):
        # "when is next payment" after "we get CCB since 2025, 2 kids" (asked which topic): the CCB's dates
        return {**_as_topic(read, "ccb_payment_dates"), "read_with": said}
    if not text.startswith("/") and HOSPITAL_PAPERS.search(folded) and NEWBORN.search(fold(f"{said} {text}")) and (
            (program_of(_intent(read)) == CCB or CCB in programs_named(f"{said} {text}")) and _confidence(read) < 1.0
            and not programs_named(text) - {CCB} and other_service_named(text) is None):
        # "pour l'allocation, je fais quoi avec les papiers de l'hôpital?" after "bébé né le 15 mai à
        # Gatineau": the birth registration that applies for the CCB, not its dates
        return {**_as_topic(read, "ccb_apply", BIRTH_REGISTRATION_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "ccb_payment_dates" and NOT_APPLIED_YET.search(folded) and (
            NEWBORN.search(folded) or LATEST_CHILD.search(folded)) and _confidence(read) < 1.0 and not programs_named(text) - {CCB}:
        # "et si j'ai pas encore fait la demande pour le petit dernier né en février?" after the CCB's
        # dates: applying for the child (read as the first payment after applying)
        return {**own_entry(_as_topic(read, "ccb_apply"), parse_data), "read_with": said}
    if not text.startswith("/") and topic_lately == "ccb_payment_dates" and MOVED.search(folded) and (
            CAUSE_ASKED.search(folded) or MIGHT_BE_IT.search(folded)) and _confidence(read) < 1.0 and not programs_named(text) - {CCB} and (
            other_service_named(text) is None):
        # "on a déménagé de Laval à Terrebonne en mars, ça peut tu être ça?" after "mon ACE a pas rentré
        # le 20": why payments stop (an address not updated), not a move's service
        return {**_as_topic(read, "ccb_payment_dates", PAYMENT_STOPPED_ENTRY), "read_with": said}
    if not text.startswith("/") and lost_sin_paper(text) and program_of(_intent(read)) == SIN and (
            _confidence(read) < 1.0 and programs_named(text) == {SIN} and other_service_named(text) is None
            and (read.get("knowledge") or {}).get("id") not in SIN_CARD_ENTRIES):
        # "i lost the paper with my SIN number on it, how to get it again?": the number's confirmation
        # lost, the lost card's answer (where the number is written, and the confirmation of SIN)
        return {**_as_topic(read, "sin_protect", SIN_CARD_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == SIN and LOSES_IT.search(folded) and (
            program_of(_intent(read)) in {SIN, None} and _confidence(read) < 1.0 and not programs_named(text) - {SIN}
            and other_service_named(text) is None and (read.get("knowledge") or {}).get("id") != SIN_CARD_ENTRY):
        # "et si je le perds, je fais quoi?" after "comment j'obtiens un NAS": a lost SIN card or number
        return {**_as_topic(read, "sin_protect", SIN_CARD_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "sin_protect" and SIN_CARD_LOST.search(fold(said)) and CARD_WORD.search(folded) and (
            program_of(_intent(read)) in {SIN, None} and _intent(read) != "sin_protect" and _confidence(parse_data) < 1.0
            and not programs_named(text) - {SIN} and other_service_named(text) is None):
        # "Do they still make the plastic cards?" after "I lost my SIN card.": the lost card's answer
        # (plastic cards are no longer replaced)
        return {**_as_topic(read, "sin_protect", SIN_CARD_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and ASKS_IF_NORMAL.search(folded) and (
            MAILED_WHEN.search(fold(said)) and program_of(_intent(read)) in {PASSPORT, None} and _confidence(parse_data) < 1.0
            and len(text.split()) <= MAX_IF_NORMAL_WORDS and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "Is that normal or should I worry?" after "I mailed my renewal in March." and "It's now the
        # end of May.": an application later than expected, its status (and what to do)
        return {**_as_topic(read, "passport_status", DELAYED_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_status" and PHONE_NUMBER_ASKED.search(folded) and (
            _intent(read) in TOLD_NOT_ASKED and _confidence(parse_data) < 1.0 and not asks_for_person(text)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "IS THERE A TELEPHONE NUMBER THEN" after how to check the status and "I don't have a
        # computer": the status by phone
        return {**_as_topic(read, "passport_status", STATUS_PHONE_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "ccb_payment_dates" and NOT_IN_BY_THEN.search(folded) and (
            _confidence(parse_data) < 1.0 and program_of(_intent(read)) in {CCB, None} and not programs_named(text) - {CCB}
            and other_service_named(text) is None and not asks_for_person(text)):
        # "and if its not in by then?" after "when is ccb paid this month" (read as a no): a payment
        # that has not come
        return {**_as_topic(read, "ccb_payment_dates", MISSING_PAYMENT_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_child" and OTHER_PARENT_SIGNS.search(folded) and (
            _confidence(parse_data) < 1.0 and program_of(_intent(read)) in {PASSPORT, None} and _intent(read) != "passport_child"
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "her dad is working camp in alberta, can he sign from there and mail it" after a daughter's
        # passport: both parents' consent, not mailing an application
        return {**_as_topic(read, "passport_child", CHILD_CONSENT_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == CCB and ON_EI_TOLD.search(folded) and (
            CHANGES.search(folded) or CAUSE_ASKED.search(folded)) and (
            _confidence(parse_data) < 1.0 and program_of(_intent(read)) in {EI, CCB, None}
            and not programs_named(text) - {CCB, EI} and other_service_named(text) is None):
        # "i was on ei most of last year does that change it" after "my ccb went down this july": the
        # July recalculation on last year's income (EI counts), not EI's eligibility
        return {**_as_topic(read, "ccb_payment_dates", JULY_CHANGE_ENTRY), "read_with": said}
    if not text.startswith("/") and BIRTH_BOX.search(folded) and _confidence(parse_data) < 1.0 and (
            program_of(_intent(read)) in {EI, CCB, None} and not programs_named(text) - {CCB}
            and other_service_named(text) is None and not asks_for_person(text)):
        # "j'ai pas coché la case pour les prestations dans les papiers de naissance à l'hôpital,
        # comment je fais la demande astheure?": applying for the CCB after the birth's registration
        return {**_as_topic(read, "ccb_apply", BIRTH_REGISTRATION_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately in {"passport_urgent", "passport_processing_times"} and (
            len(text.split()) <= MAX_DEPARTURE_WORDS and travel_window(text) == "soon" and _confidence(parse_data) < 1.0
            and _intent(read) in TOLD_NOT_ASKED | SMALL_TALK | {"goodbye", "deny"} and not names_a_subject(text)
            and other_service_named(text) is None):
        # "leaving tuesday" after "i need my passport urgently" (read as a goodbye): the urgent service
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if not text.startswith("/") and asks_if_in_time(text) and PASSPORT_NAMED.search(folded) and (
            travel_window(f"{said}. {text}") == "soon" and not travel_window(text)) and (
            (_intent(read) in TOLD_NOT_ASKED or (program_of(_intent(read)) == PASSPORT and _confidence(read) < DOUBTFUL_TOPIC))
            and _confidence(parse_data) < 1.0 and not says_lost(f"{said} {text}") and not programs_named(f"{said} {text}") - {PASSPORT}
            and other_service_named(text) is None):
        # "on est le 9, jai tu le temps d'avoir un passeport?" after "je pars en Italie le 14": a trip
        # within days, counted from the day told, is the urgent service's
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if not text.startswith("/") and topic_lately == "ccb_apply" and JUST_BORN.search(folded) and (
            len(text.split()) <= MAX_BIRTH_TOLD_WORDS and _intent(read) in TOLD_NOT_ASKED and _confidence(parse_data) < 1.0
            and not ASKS.search(text) and not programs_named(text) - {CCB} and other_service_named(text) is None):
        # "born in vancouver march 3" after "how do i apply for ccb for my baby": the application for a newborn
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "ccb_apply"), whole), "read_with": said}
    if not text.startswith("/") and topic_lately == "sin_apply" and DO_IT_FOR_ME.search(folded) and (
            _intent(read) in TOLD_NOT_ASKED | {"sin_protect"} and _confidence(parse_data) < 1.0 and not says_lost(text)
            and not programs_named(text) - {SIN} and other_service_named(text) is None):
        # "pis mon employeur peut tu le faire a ma place?" after how a farm worker gets a SIN: someone
        # applying for him, getting a SIN's (not who may ask for it)
        return {**_as_topic(read, "sin_apply"), "read_with": said}
    if not text.startswith("/") and SIN_CARD.search(folded) and (GONE_TOLD.search(fold(said)) or says_lost(text)) and (
            _intent(read) == "sin_apply" and _confidence(parse_data) < 1.0 and not programs_named(text) - {SIN}
            and other_service_named(text) is None):
        # "pis ma carte de NAS etait dedans aussi, je dois faire quoi pour ca" after a wallet stolen
        # with the passport: the SIN card lost or stolen
        return {**_as_topic(read, "sin_protect", SIN_CARD_ENTRY), "read_with": said}
    if not text.startswith("/") and CHILDS_AGE_TOLD.match(folded) and _intent(parse_data) == "passport_child" and (
            _intent(read) in RENEWAL_TOPICS and (names_a_child(said) or CHILD_SAID.search(fold(said))) and not applicant_is_adult(f"{said} {text}")):
        # "elle a 15 ans" after "je peux tu renouveler mon passeport en ligne?" and "non attends c'est
        # pour ma fille": a child's passport (never renewed), as the message alone reads
        return {**own_entry(_as_topic(read, "passport_child"), parse_data), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and READY_ASKED.search(folded) and KNOW_IF.search(folded) and (
            _intent(read) in TOLD_NOT_ASKED | {"help"} and _confidence(parse_data) < 1.0 and APPLIED_TOLD.search(fold(said))
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "comment je sais si il est pret?" after "jai fait ma demande de passeport a Gatineau il y a
        # 3 semaines": the application's status
        return {**_as_topic(read, "passport_status"), "read_with": said}
    if not text.startswith("/") and topic_lately in RENEWAL_TOPICS | {"passport_apply_adult", "passport_child", "passport_where_apply"} and (
            asks_how_long(text) and len(text.split()) <= MAX_LONG_ASKED_WORDS and _intent(read) in SMALL_TALK | TOLD_NOT_ASKED
            and _confidence(parse_data) < 1.0 and not names_a_subject(text) and other_service_named(text) is None):
        # "c tu long?" after "je vais renouveler par la poste" (read as small talk): how long it takes, that way
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "passport_processing_times"), whole), "read_with": said}
    if not text.startswith("/") and _intent(read) == "ei_eligibility" and _confidence(read) < 1.0 and (
            programs_named(text) == {EI} and WHEN_TO_APPLY.search(folded) and other_service_named(text) is None
            and (_confidence(read) < DOUBTFUL_TOPIC or not ELIGIBILITY_ASKED.search(folded))):
        # "fin de saison a tremblant le 15 avril, je fais ma demande de chomage quand exactement" (read
        # unsurely as who qualifies; or "Je suis saisonnier dans le bois à Chibougamau, la job finit le
        # 20 décembre. Je fais ma demande de chômage quand pis comment?", 0.63): when to apply
        return {**_as_topic(read, "ei_apply", EI_DEADLINE_ENTRY), "read_with": said}
    if not text.startswith("/") and (_intent(read) == "nlu_fallback" or (
            # (or read as ours only with the other service's question: "ok and what about in alberta"
            # after "how do i renew my odsp", read with it as renewing a passport)
            read.get("read_with") and FOLLOW_UP.search(text) and _confidence(parse_data) < 1.0
            and len(text.split()) <= MAX_OTHER_FOLLOW_UP_WORDS)) and last_read(events) == "out_of_scope" and (
            topic_lately is None and other_service_named(last_said(events) or "") is not None
            and not programs_named(text) and not asks_for_person(text) and other_service_named(text) is None):
        # "je peux tu continuer a travailler en attendant la réponse?" after "mon permis de travail
        # expire en juin pis j'ai demandé une prolongation": still the other service's question, not
        # "did you mean one of ours?"
        return _with_intent(read, "out_of_scope")
    if not text.startswith("/") and RENEW_HERE.search(folded) and program_of(_intent(read)) in {PASSPORT, None} and (
            _confidence(read) < 1.0 and (lives_outside_canada(said) or names_a_place_abroad(said))
            and not asks_price(text) and not WHERE_WORD.search(folded)
            and not names_a_child(text) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "can i renew here?" after "I am in Mumbai visiting family, my canadian passport expire next
        # month": renewing from abroad (not its price, nor where to go)
        return {**_as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_renew" and WHICH_FORM.search(folded) and (
            _intent(read) == "passport_where_apply" and _confidence(parse_data) < 1.0 and (read.get("knowledge") or {}).get("id") == FROM_US_ENTRY
            and not names_a_child(text) and not programs_named(text) - {PASSPORT}):
        # "which form do i use if i live in the us now" after "i want to renew my passport, moved to
        # seattle": renewing from abroad (from the United States, by mail), not where to apply from there
        return {**_as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and asks_nearest_office(text) and (
            names_a_canadian_place(text) and _intent(read) in TOLD_NOT_ASKED and _confidence(parse_data) < 1.0 and not asks_price(text)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None and not names_another_service(text)):
        # "whats the closest place to hay river" after "i want to apply in person for my passport":
        # where to apply (read off topic for the town; a town named, not "the closest one" of anything)
        return {**_as_topic(read, "passport_where_apply"), "read_with": said}
    if not text.startswith("/") and topic_lately == "student_loan_rap" and HEAR_BACK.search(folded) and (
            program_of(_intent(read)) in {LOANS, None} and _intent(read) != "student_loan_rap" and _confidence(parse_data) < 1.0
            and not programs_named(text) - {LOANS} and other_service_named(text) is None):
        # "how long before i hear back? my payment is due on the 30th" after "i applied for rap": the
        # plan's application (read with it as repaying in general)
        return {**_as_topic(read, "student_loan_rap", RAP_APPLY_ENTRY), "read_with": said}
    if not text.startswith("/") and (topic_lately in EI_TOPICS or says_job_lost(said) or SEASON_ENDS.search(fold(said))) and TIME_TO_APPLY.search(folded) and (
            # (the message's own reading unsure, whatever reading with the message before made of it:
            # "c'est-tu trop tard pour faire ma demande? on est le 22 janvier" read with the layoff as EI's eligibility)
            program_of(_intent(read)) in {PASSPORT, EI, None} and _confidence(parse_data) < 1.0 and not programs_named(text) - {EI}
            and other_service_named(text) is None and (read.get("knowledge") or {}).get("id") != EI_DEADLINE_ENTRY):
        # "j'ai combien de temps pour faire ma demande" after "j'ai été mis a pied de l'usine a
        # Port-Cartier vendredi passé" (read as a passport's time): EI's deadline to apply
        return {**_as_topic(read, "ei_apply", EI_DEADLINE_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "student_loan_rap" and FAMILY_SIZE.search(folded) and (
            len(text.split()) <= MAX_FAMILY_SIZE_WORDS and program_of(_intent(read)) in {LOANS, None} and _intent(read) != "student_loan_rap"
            and not programs_named(text) - {LOANS} and other_service_named(text) is None):
        # "and with 2 kids?" after the plan's income threshold: the plan, which counts family size
        return {**_as_topic(read, "student_loan_rap", RAP_ELIGIBILITY_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == LOANS and (asks_how_to_pay(text) or PAYS_THROUGH.search(folded)) and (
            program_of(_intent(read)) in {LOANS, None} and _intent(read) != "student_loan_repayment"
            and not programs_named(text) - {LOANS} and other_service_named(BANK_NAMED.sub(" ", folded)) is None):
        # "je peux payer par virement chez Desjardins?" after repaying a student loan (read off topic, the
        # bank named): the NSLSC account's ways to pay
        return {**_as_topic(read, "student_loan_repayment", NSLSC_ACCOUNT_ENTRY), "read_with": said}
    if not text.startswith("/") and renewal_asked_lately(events) and SUPPOSES.search(text) and renewal_ruled_out(text) and (
            (_intent(read) in TOLD_NOT_ASKED or program_of(_intent(read)) == PASSPORT) and _confidence(read) < UNSURE_SUPPOSED_RULED_OUT
            and not names_a_child(text) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "what if my last one was issued like 16 years ago" after "can i renew my passport online": a
        # condition supposed that rules renewing out, which the check says
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if not text.startswith("/") and renewal_asked_lately(events) and ENTITLED_BARE.search(folded) and len(text.split()) <= MAX_ENTITLED_WORDS and (
            program_of(_intent(read)) != PASSPORT and not programs_named(text) and other_service_named(text) is None
            and not names_another_program(text)):
        # "donc j'ai-tu le droit?" after "je peux-tu renouveler mon passeport par la poste" and "il a
        # expiré en 2017" (read as EI's eligibility): whether that passport may be renewed
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_renew" and _confidence(read) < 1.0 and RENEWAL_WORD.search(folded) and (
            MAY_IT.search(folded)) and (
            len(text.split()) <= MAX_RULED_OUT_WORDS and renewal_ruled_out(said) and not renewal_ruled_out(text)
            and not issued_under_16(said)  # (its own answer: passport_renew.issued_under_16)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "donc y peut pas le renouveler?" after "mon pere a un vieux passeport emis en 2009": whether
        # that passport may be renewed (the check reads the year from the message before)
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_apply_adult" and _confidence(read) < 1.0 and START_OVER.search(folded) and (
            len(text.split()) <= MAX_START_OVER_WORDS and renewal_ruled_out(said) and not issued_under_16(said)
            and not names_a_child(said) and not programs_named(text) - {PASSPORT}):
        # "so i have to do the whole first time thing again?" after "my passport expired in 2008"
        # (or "faut-tu que je recommence comme un premier passeport?"): whether that passport may
        # be renewed, which the check answers from the year told (and says what to do instead)
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_status" and _confidence(read) < 1.0 and APPLIES_WHERE.search(folded) and (
            program_of(topic_lately or "") == PASSPORT or PASSPORT_NAMED.search(folded)) and not asks_status(text) and (
            len(text.split()) <= MAX_RULED_OUT_WORDS and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "il fait sa demande de passeport ou?" after "mon fils vit a londres depuis 2 ans": where to
        # apply (from there), not where the application is
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "passport_where_apply"), whole), "read_with": said}
    if not text.startswith("/") and BRING.search(folded) and program_of(_intent(read)) == PASSPORT and _confidence(read) < 1.0 and (
            _intent(read) != "passport_urgent" and len(text.split()) <= MAX_PAPER_WORDS and trip_within_two_weeks(said)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "what do i bring to the office" after "my flight to jamaica is on friday" and "i dont have a
        # passport yet": the urgent service's application and proof of travel
        return {**_as_topic(read, "passport_urgent", URGENT_BRING_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately in FEE_TOPICS and _intent(read) != "passport_fees" and (
            len(text.split()) <= MAX_FEE_DETAIL_WORDS and (URGENT_SERVICE.search(folded) or ABROAD_SAID.search(folded))
            and not (WHERE_WORD.search(folded) or HOW_LONG.search(folded) or FAST_ASKED.search(folded) or asks_status(text))
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "express?" after "c quoi les frais pour un passeport 10 ans", "outside canada?" after "how
        # much is a passport": that fee with the service, or from abroad (read with the question before)
        return {**_as_topic(read, "passport_fees"), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and _intent(read) == "complaint" and (
            _confidence(read) < UNSURE_COMPLAINT_PRICE and asks_price(text) and not COMPLAINS.search(folded) and not asks_for_person(text)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "ok pis si je le veux en urgence ça fait combien en tout" after a 5-year passport's price (read
        # unsurely as a complaint): that passport's fee with the service
        return {**_as_topic(read, "passport_fees"), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == EI and says_self_employed(text) and (
            program_of(_intent(read)) in {EI, None} and _confidence(read) < 1.0 and not programs_named(text) - {EI}
            and other_service_named(text) is None and (read.get("knowledge") or {}).get("id") != SELF_EMPLOYED_ENTRY):
        # "and im an uber driver not an employee, does that change anything" after "how do i apply for
        # ei" (read off topic): EI for the self-employed
        return {**_as_topic(read, "ei_eligibility", SELF_EMPLOYED_ENTRY), "read_with": said}
    if not text.startswith("/") and (topic_lately in RENEWAL_TOPICS or renewal_asked_lately(events)) and BY_INTERNET.search(folded) and (
            _intent(read) in {"passport_where_apply", "passport_renew"} | TOLD_NOT_ASKED and _confidence(read) < 1.0
            and (read.get("knowledge") or {}).get("id") != ONLINE_RENEWAL_ENTRY and not lives_outside_canada(f"{said} {text}")
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "Puis-je le faire par Internet, ou dois-je obligatoirement me rendre dans un bureau?" after
        # "je souhaite renouveler mon passeport" (read as where to apply): online renewal
        return {**_as_topic(read, "passport_renew", ONLINE_RENEWAL_ENTRY), "read_with": said}
    if _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and not text.startswith("/") and names_an_office_abroad(text) and (
            asks_how_long(text) and APPLIED_THERE.search(folded) and not programs_named(text) - {PASSPORT}
            and other_service_named(text) is None and not names_another_program(text)):
        # "i am in new delhi, i apply at high commission, how long it take" (read off topic): a passport
        # application's time from abroad
        return {**_as_topic(read, "passport_processing_times", ABROAD_TIME_ENTRY), "read_with": said}
    if (program_of(_intent(read)) == PASSPORT or (_intent(read) == "nlu_fallback" and PASSPORT in programs_named(text))) and (
            _intent(read) != "passport_where_apply" and not text.startswith("/") and AT_THE_AIRPORT.search(folded)
            and (RENEWAL_WORD.search(folded) or MAKES_A_PASSPORT.search(folded)) and not asks_price(text) and not HOW_LONG.search(folded)
            and not programs_named(text) - {PASSPORT}):
        # "can i renew my passport at the airport before my flight", "jpeux tu faire mon passeport direct a laeroport":
        # where one applies (no airport office takes applications)
        return _as_topic(read, "passport_where_apply", overview_id("passport_where_apply"))
    if program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_where_apply" and _confidence(read) < 1.0 and (
            not text.startswith("/") and BOOKS_AN_APPOINTMENT.search(folded) and not asks_price(text) and not HOW_LONG.search(folded)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "on peut prendre rdv en ligne au centre service canada de longueuil pour le passeport?" (read
        # as how long in person): booking an appointment
        return {**_as_topic(read, "passport_where_apply", APPOINTMENT_ENTRY), "read_with": said}
    if _intent(read) == "ei_eligibility" and _confidence(read) < 1.0 and not text.startswith("/") and HOW_TO_APPLY.search(folded) and (
            not ELIGIBILITY_ASKED.search(folded) and programs_named(text) == {EI} and other_service_named(text) is None):
        # "i lost my job at warehouse in mississauga, how to apply EI": applying, not who qualifies
        return own_entry(_as_topic(read, "ei_apply"), parse_data)
    if topic_lately == "passport_where_apply" and not text.startswith("/") and FOLLOW_UP.search(text) and (
            len(text.split()) <= MAX_WHERE_ABROAD_WORDS and (lives_outside_canada(text) or names_a_place_abroad(text))) and (
            program_of(_intent(read)) == PASSPORT or _intent(read) == "nlu_fallback") and _confidence(read) < 1.0 and (
            (read.get("knowledge") or {}).get("id") != ABROAD_WHERE_ENTRY and not asks_price(text) and not HOW_LONG.search(folded)
            and not names_a_child(text) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "et si je suis à l'étranger, genre à Alger?" after "où faire ma demande de passeport à
        # Montréal" (read as a first passport): where to apply from abroad
        return {**_as_topic(read, "passport_where_apply", ABROAD_WHERE_ENTRY), "read_with": said}
    if program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_where_apply" and _confidence(read) < 1.0 and (
            not text.startswith("/") and OFFICE_DOES_PASSPORTS.search(folded) and not asks_price(text) and not HOW_LONG.search(folded)):
        # "le Service Canada de Longueuil fait-il les passeports?" (read as how long in person):
        # which applications a Service Canada Centre takes
        return _as_topic(read, "passport_where_apply", "passport_where_apply.office_vs_scc")
    if not text.startswith("/") and (program_of(topic_lately or "") == PASSPORT or renewal_asked_lately(events)) and (
            WHERE_BARE.search(folded)) and (len(text.split()) <= MAX_WHERE_BARE_WORDS or (
                WHERE_LAST.search(folded) and _intent(read) == "passport_where_apply")) and (
            _intent(read) != "passport_where_apply" or _confidence(read) < UNSURE_WHERE_LAST) and _confidence(read) < SURE_EVERYDAY and (
            not programs_named(text) - {PASSPORT} and other_service_named(text) is None and not names_another_program(text)):
        # "jle fais ou" after "jhabite a berlin depuis 2 ans pis mon passeport expire bientot": where
        # to apply (abroad, as the conversation says)
        return {**_abroad_or_own(read, parse_data, "passport_where_apply", ABROAD_WHERE_ENTRY, said, text),
                "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_where_apply" and _confidence(read) < UNSURE_WHERE_PRICE and asks_price(text) and (
            _intent(parse_data) == "passport_where_apply" and not WHERE_WORD.search(folded) and not asks_where(text)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "Combien coûte un passeport de 5 ans quand on le demande de l'étranger?" (its "from abroad"
        # nearest the entry of where to apply from there): its price, from there
        return own_entry(_as_topic(read, FEES), parse_data)
    if not text.startswith("/") and asks_how_to_pay(text) and program_of(topic_lately or "") == PASSPORT and (
            _intent(read) not in KEEP_WHEN_PAYING):
        # "can i pay with visa" after "how much is a passport": the fee's ways to pay, not a visa
        return {**_as_topic(read, FEES, HOW_TO_PAY_ENTRY), "read_with": said}
    if not text.startswith("/") and REPAY_ASKED.search(folded) and LOANS in programs_named(said) and program_of(_intent(read)) != LOANS and (
            _confidence(read) < 1.0 and not programs_named(text) - {LOANS} and not names_another_program(text)
            and other_service_named(text) is None and not ANOTHER_DEBT.search(folded) and not REFUND_FOR_DELAY.search(folded)):
        # ("pis ma carte de crédit TD, je peux-tu avoir un plan de remboursement réduit aussi?" after the
        # plan is the card's)
        # "fine, then how do i pay back the one i already have" after "can i get another student
        # loan" (off topic; read as a passport fee's refund): repaying the student loan
        return {**own_entry(_as_topic(read, "student_loan_repayment"), parse_data), "read_with": said}
    if not text.startswith("/") and asks_how_to_pay(text) and program_of(topic_lately or "") == LOANS and (
            _intent(read) in TOLD_NOT_ASKED or (program_of(_intent(read)) != LOANS and _confidence(read) < 1.0)
            or (read.get("knowledge") or {}).get("id") == overview_id("student_loan_repayment")) and not (
            programs_named(text) - {LOANS} or names_another_program(text)):
        # "can i pay with e-transfer or only thru my bank" after "how do i pay my student loan": the
        # NSLSC account's ways to pay (pre-authorized or one-time payments)
        return {**_as_topic(read, "student_loan_repayment", NSLSC_ACCOUNT_ENTRY), "read_with": said}
    if not text.startswith("/") and _intent(read) == "complaint" and _confidence(read) < UNSURE_COMPLAINT_SUM and COMPUTE_ASKED.search(folded) and (
            fee_situation(text) is not None and not asks_for_person(text) and not programs_named(text) - {PASSPORT}):
        # "3 enfants pis moi en 5 ans, calculez moi ça parce que votre site le fait pas": the total
        # asked for, however the complaint reads (the fees' answer works it out from the situation told)
        return _as_topic(read, FEES)
    if not text.startswith("/") and _intent(read) in {FEES, "passport_fee_calculator"} and HOW_MUCH.search(folded) and (
            INCOME.search(fold(f"{said} {text}")) and names_children(f"{said} {text}")
            and not programs_named(f"{said} {text}") - {CCB} and not names_another_program(text) and not names_rap(text)):
        # ("i have 2 kids and make 45000, how much would i pay under rap" is the plan's)
        # "ca devrait etre combien a peu pres?" after "j'ai 3 enfants, 2, 5 et 9 ans" and "revenu
        # familial environ 60 000": the CCB's amount, which the income sets (no passport said)
        return {**_as_topic(read, "ccb_payment_dates", CCB_AMOUNT_ENTRY), "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_where_apply" and asks_passport_office_hours(text) and (
            (read.get("knowledge") or {}).get("id") not in {overview_id("passport_where_apply"), APPOINTMENT_ENTRY}):
        # "is the passport office in ottawa open on saturday": where to apply, whose office finder
        # gives each office's hours (not the post office's entry its words are nearest)
        return _as_topic(read, "passport_where_apply", overview_id("passport_where_apply"))
    if topic_lately == "passport_apply_adult" and _intent(read) == "passport_child" and _confidence(read) < 1.0 and (
            not text.startswith("/") and (asks_who_may_be_guarantor(text) or (
                # "le maire du village peut tu signer?" after the guarantor's rules
                MAY_SIGN.search(folded) and GUARANTOR_WORDS.search(fold(said)))) and not names_a_child(text)):
        # "qui peut etre son repondant, elle connait pas grand monde" after "ma mere a 82 ans, c'est sa
        # premiere demande de passeport" ("son" is hers, nobody's son): the adult's guarantor
        return {**_as_topic(read, "passport_apply_adult", ADULT_GUARANTOR_ENTRY), "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_apply_adult" and (
            (read.get("knowledge") or {}).get("id") == ADULT_GUARANTOR_ENTRY and not WRITERS_PASSPORT.search(folded)):
        if _confidence(read) < 1.0 and names_a_child(text):
            # "qui peut etre repondant pour le passeport de mon garcon de 7 ans? notre voisin ca
            # marche?": the guarantor of a child's application
            return _as_topic(read, "passport_child", CHILD_GUARANTOR_ENTRY)
        if topic_lately == "passport_child" and not applicant_is_adult(text) and (len(text.split()) <= MAX_WHAT_IS_WORDS or (
                # someone proposed: "guarantor can be my cousin? he is canadian 10 years" after a child's guarantor
                SOMEONE_PROPOSED.search(folded) and len(text.split()) <= MAX_PROPOSED_WORDS)):
            # "c quoi un repondant" after "je fais la demande de passeport pour mon fils de 6 ans": the
            # child's application's guarantor
            return {**_as_topic(read, "passport_child", CHILD_GUARANTOR_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately in RENEWAL_TOPICS | {"passport_apply_adult"} and RENEWAL_NAMED.search(folded) and (
            issued_under_16(said) and _intent(read) in RENEWAL_TOPICS | TOLD_NOT_ASKED and _confidence(read) < 1.0
            and (read.get("knowledge") or {}).get("id") != ISSUED_UNDER_16_ENTRY and len(text.split()) <= MAX_ISSUED_YOUNG_WORDS
            and not programs_named(text) - {PASSPORT} and not names_a_child(text)):
        # "can i renew it myself" after "im 17 and have my own passport from when i was 12", "donc je
        # peux pas le renouveler?" after "je l'ai eu quand j'avais 14 ans": a passport issued before
        # 16 cannot be renewed
        return {**_as_topic(read, "passport_renew", ISSUED_UNDER_16_ENTRY), "read_with": said}
    if not text.startswith("/") and GUARANTOR_WORDS.search(folded) and (SOMEONE_PROPOSED.search(folded) or FAMILY_ASKED.search(folded)) and (
            _intent(read) in TOLD_NOT_ASKED | {"passport_lost_stolen"} and _confidence(read) < UNSURE_GUARANTOR
            and not says_lost(text) and not RENEWAL_NAMED.search(folded) and not programs_named(text) - {PASSPORT}
            and other_service_named(text) is None and (PASSPORT_NAMED.search(folded) or program_of(topic_lately or "") == PASSPORT)):
        # "mon repondant pour le passeport ca peut tu etre mon oncle ou faut que ce soit quelqu'un pas
        # de la famille" (read unsurely as a passport held by someone), "mon repondant peut tu etre
        # mon ancien prof de cegep?" after a first passport's documents: who may be a guarantor
        applying = "passport_child" if topic_lately == "passport_child" or names_a_child(text) else "passport_apply_adult"
        return {**_as_topic(read, applying, f"{applying}.guarantor"), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and GUARANTOR_WORDS.search(fold(said)) and (
            _confidence(read) < 1.0 and SOMEONE_PROPOSED.search(folded)
            and (_intent(read) in TOLD_NOT_ASKED or FOLLOW_UP.search(text) or ASKS_IF_FINE.search(text))
            and (len(text.split()) <= MAX_PROPOSED_WORDS or KNOWN_FOR.search(folded) or BE_ONE.search(folded)) and other_service_named(text) is None
            and not programs_named(text)):
        # "mon medecin de famille ca marche?" after "c quoi un repondant", "mon pasteur ça marche? je
        # le connais depuis 3 ans à l'église": who may be one
        applying = "passport_child" if topic_lately == "passport_child" else "passport_apply_adult"
        return {**_as_topic(read, applying, f"{applying}.guarantor"), "read_with": said}
    if not text.startswith("/") and topic_lately in {"passport_apply_adult", "passport_child"} and GUARANTOR_WORDS.search(fold(said)) and (
            _confidence(read) < 1.0 and KNOWS_NOBODY.search(folded) and len(text.split()) <= MAX_KNOWS_NOBODY_WORDS
            and (program_of(_intent(read)) in {PASSPORT, None}) and other_service_named(text) is None
            and not programs_named(text) - {PASSPORT}):
        # "what if i dont know anybody whos had a passport that long, i just moved here" after "who
        # can be my guarantor": the statutory declaration in lieu of a guarantor (a child's
        # application has the same way out, told in its guarantor's answer)
        if topic_lately == "passport_child":
            return {**_as_topic(read, "passport_child", CHILD_GUARANTOR_ENTRY), "read_with": said}
        return {**_as_topic(read, "passport_apply_adult", NO_GUARANTOR_ENTRY), "read_with": said}
    if not text.startswith("/") and _confidence(read) < 1.0 and program_of(_intent(read)) in {PASSPORT, None} and (
            # (longer after a conversation of EI's: "je fais ma demande quand, tout de suite ou j'attends ma dernière paye?")
            WHEN_TO_APPLY.search(folded) and (len(text.split()) <= MAX_WHEN_TO_APPLY_WORDS or topic_lately in EI_TOPICS)
            and (LEAVE_TOLD.search(fold(said)) or says_job_lost(said))
            and not programs_named(text) and not programs_named(said) - {EI} and other_service_named(text) is None):
        # "je fais la demande quand exactement" after "je vais commencer mon conge de maternite en
        # juin" (read unsurely as a passport's time), or "je fais ma demande quand exactement, tout de
        # suite?" after "j'ai perdu ma job hier" (read unsurely as a passport's status): EI's, when to apply
        return {**_as_topic(read, "ei_apply", "ei_apply.deadline"), "read_with": said}
    if not text.startswith("/") and _intent(read) != "passport_child" and _confidence(parse_data) < 1.0 and WHICH_FORM.search(folded) and (
            len(text.split()) <= MAX_WHICH_FORM_WORDS and program_of(topic_lately or "") == PASSPORT and CHILD_SAID.search(fold(said))
            and not applicant_is_adult(f"{said} {text}") and not WRITERS_PASSPORT.search(fold(said))
            and program_of(_intent(read)) in {PASSPORT, None}):
        # "which form is it" after "how much is a kids passport": the child's application's form
        return {**_as_topic(read, "passport_child", overview_id("passport_child")), "read_with": said}
    if not text.startswith("/") and _intent(read) == "ccb_payment_dates" and (_confidence(read) < 1.0 or read.get("read_with")) and (
            any(BORN_TOLD.search(told) or BORN_WORD.search(told) for told in (fold(said), folded))
            and (WHAT_NOW.search(folded) or asks_to_apply(text))
            and program_of(topic_lately or "") in {CCB, None} and not (
                asks_next_payment(text) or payment_not_arrived(text) or asks_price(text)
                or programs_named(text) - {CCB} or names_another_program(text) or other_service_named(text) is not None)):
        # "pour l'allocation je fais quoi?" after "mon bebe est né le 2 mars" (read as a payment
        # missed), or "how do i apply for my second one, born last week" after the CCB's dates (read
        # with them): a newborn's benefit is applied for, nothing is paid yet
        return {**_as_topic(read, "ccb_apply"), "read_with": said}
    if not text.startswith("/") and topic_lately == "ccb_apply" and _confidence(read) < 1.0 and (
            program_of(_intent(read)) in {CCB, None} and ((registered := BIRTH_REGISTERED.search(folded)) or BORN_TOLD.search(folded))
            and not programs_named(text) - {CCB} and other_service_named(text) is None and not names_another_program(text)):
        # "what if she was born in a hospital in ottawa, did they already do it for us?" after
        # applying for a baby's CCB: applying through the birth's registration; "she was born in
        # vancouver last week", told: applying for a newborn (the overview says the three ways)
        return {**_as_topic(read, "ccb_apply", BIRTH_REGISTRATION_ENTRY if registered else None), "read_with": said}
    if not text.startswith("/") and _intent(read) in TOLD_NOT_ASKED | SMALL_TALK and _confidence(read) < SURE_EVERYDAY and (
            INTEREST_ASKED.search(folded) and len(text.split()) <= MAX_INTEREST_WORDS and GRADUATED.search(fold(said))
            and not TAX_WORDS.search(folded) and not programs_named(f"{said} {text}") - {LOANS}
            and not names_another_program(text) and other_service_named(text) is None):
        # "when does the interest start" after "i graduated in december from humber": a student
        # loan's interest (the federal part has none; a provincial part may)
        return {**_as_topic(read, "student_loan_repayment", LOAN_INTEREST_ENTRY), "read_with": said}
    if not text.startswith("/") and asks_if_in_time(text) and _confidence(read) < 1.0 and (
            program_of(_intent(read)) in {PASSPORT, None}) and _intent(read) not in KEEP and (
            travel_window(f"{said}. {text}") == "later" and PASSPORT_NAMED.search(fold(f"{said} {text}"))
            and not programs_named(f"{said} {text}") - {PASSPORT} and not asks_price(text) and other_service_named(text) is None
            and _intent(read) not in {"passport_lost_stolen", "passport_status"} and not asks_where_to_send(text)):
        # "mon passeport est expiré depuis 2 ans, j'ai-tu le temps d'en avoir un?" after "je dois
        # aller en Italie le 10 mai" (months away): the usual times, before a trip (not "je veux
        # renouveler mon passeport avant mon voyage a cuba en fevrier, j'envoie ça où?")
        return {**_as_topic(read, "passport_processing_times", BEFORE_TRIP_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "ccb_payment_dates" and _confidence(read) < 1.0 and (
            (_intent(read) in TOLD_NOT_ASKED | SMALL_TALK | {"ccb_payment_dates"} or (
                _intent(read) == "complaint" and _confidence(read) < UNSURE_COMPLAINT))
            and WEEKEND_ASKED.search(folded)
            and len(text.split()) <= MAX_WEEKEND_WORDS and not programs_named(text) - {CCB} and other_service_named(text) is None):
        # "et si c'est un dimanche?" after "le paiement de l'ACE c'est le 20?": the dates' answer
        # (paid the last business day before); so is "what about this month, is it late cause of the
        # holiday" after "when is ccb paid" (read unsurely as a complaint)
        return {**_as_topic(read, "ccb_payment_dates", CCB_DATES_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "student_loan_rap" and _confidence(read) < 1.0 and (
            HOW_LONG.search(folded) and len(text.split()) <= MAX_HOW_LONG_AFTER_WORDS and not asks_for_person(text)
            and not programs_named(text) - {LOANS} and other_service_named(text) is None and not names_another_program(text)):
        # "pis une fois accepté ça dure combien de temps" after the Repayment Assistance Plan (read
        # as a complaint): a period of the plan (6 months, then one re-applies)
        return {**_as_topic(read, "student_loan_rap", RAP_RENEW_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and _intent(read) != "passport_urgent" and (
            _confidence(read) < 1.0 and SERVICE_NAMED.search(fold(last_said(events) or "")) and HOW_LONG.search(folded)
            and len(text.split()) <= MAX_HOW_LONG_AFTER_WORDS and not SERVICE_NAMED.search(folded) and not asks_price(text)
            and program_of(_intent(read)) in {PASSPORT, None} and other_service_named(text) is None):
        # "ça prend combien de jours celui-là" after "c'est quoi les frais pour le service express":
        # that service's own time
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == EI and _confidence(read) < 1.0 and (
            _intent(read) in TOLD_NOT_ASKED | SMALL_TALK and MONEY_UNTIL_WORK.search(folded)
            and not programs_named(text) - {EI} and other_service_named(text) is None and not names_another_program(text)):
        # "je fais quoi maintenant pour avoir de l'argent en attendant une autre job" after a
        # layoff told: applying for EI
        return {**_as_topic(read, "ei_apply"), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and _intent(read) != "passport_status" and (
            _confidence(read) < 1.0 and asks_status(text) and not programs_named(text) - {PASSPORT}
            and other_service_named(text) is None and not names_another_program(text)):
        # "comment je peux voir ou c'est rendu" after "j'ai envoyé ma demande de passeport il y a 5
        # semaines" (a question which topic alone): its status
        return {**own_entry(_as_topic(read, "passport_status"), parse_data), "read_with": said}
    if not text.startswith("/") and (program_of(topic_lately or "") == LOANS or LOANS in programs_named(f"{said} {text}")
                                     or MY_LOAN.search(folded)) and (
            PAYMENT_DAY_MOVED.search(folded) and _confidence(read) < 1.0 and program_of(_intent(read)) in {LOANS, None}
            and not programs_named(text) - {LOANS} and not names_another_program(text) and other_service_named(text) is None):
        # "comment changer la date de mon prélèvement mensuel au CSPNE? je suis payé le 15" (read off
        # topic), "je peux tu changer la date du prélèvement?" after paying a student loan by
        # withdrawal: changing the payment's date or amount, in the NSLSC account
        return {**_as_topic(read, "student_loan_repayment", CHANGE_PAYMENT_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "student_loan_rap" and _intent(read) == "student_loan_repayment" and (
            _confidence(read) < 1.0 and INTEREST_ASKED.search(folded) and not RATE_ASKED.search(folded) and len(text.split()) <= MAX_INTEREST_WORDS
            and not programs_named(text) - {LOANS} and not names_another_program(text) and other_service_named(text) is None):
        # "Est-ce que les intérêts continuent à s'accumuler pendant ce temps-là?" after "Je suis sur le
        # PAR depuis un an": the interest while on the plan, which the government pays (its overview)
        return {**_as_topic(read, "student_loan_rap", overview_id("student_loan_rap")), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == LOANS and _confidence(read) < UNSURE_INTEREST and (
            INTEREST_ASKED.search(folded) and len(text.split()) <= MAX_INTEREST_WORDS and not programs_named(text) - {LOANS}
            and not names_another_program(text) and other_service_named(text) is None and not asks_for_person(text)
            and not COMPLAINS.search(folded)):
        # "pis y a tu des interets pendant les 6 mois" after when repaying a student loan starts
        # (read as a complaint unsurely): the loan's interest
        return {**own_entry(_as_topic(read, "student_loan_repayment"), parse_data), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and PICKED_UP_WHEN.search(folded) and (
            HANDED_IN_TODAY.search(fold(said)) and _confidence(read) < 1.0 and program_of(_intent(read)) in {PASSPORT, None}
            and _intent(read) not in {"passport_processing_times", "passport_urgent"} and not asks_price(text)
            and other_service_named(text) is None):
        # "c'est quand que je peux aller le chercher" after "j'ai fait ma demande de passeport au
        # bureau du complexe guy-favreau ce matin": how long it takes, in person; after "i put in for
        # urgent service at the passport office in ottawa this morning", the faster service's own time
        if names_fast_service(said):
            return {**_as_topic(read, "passport_urgent", overview_id("passport_urgent")), "read_with": said}
        return {**_as_topic(read, "passport_processing_times", "passport_processing_times.in_person"), "read_with": said}
    if not text.startswith("/") and (program := program_of(topic_lately or "")) in NEEDS_ENTRY and (
            topic_lately == APPLY_TOPIC[program] and (_intent(read) in TOLD_NOT_ASKED | SMALL_TALK) and _confidence(read) < 1.0
            and NEEDS_WHAT.search(folded) and len(text.split()) <= MAX_NEEDS_WHAT_WORDS and not programs_named(text)
            and not names_another_program(text) and other_service_named(text) is None):
        # "j'ai besoin de quoi comme infos avant de commencer?" after "je vais faire ma demande
        # d'assurance emploi en ligne ce soir" (read as a call for help): what the application needs
        return {**_as_topic(read, APPLY_TOPIC[program], NEEDS_ENTRY[program]), "read_with": said}
    if not text.startswith("/") and program_of(_intent(read)) in {SIN, None} and _confidence(read) < 1.0 and (
            (WANTED_IT.search(folded) or (ANSWER_IT.search(folded) and len(text.split()) <= MAX_ANSWER_IT_WORDS) or THEY_KNEW.search(folded)
             or CLAIMED_TO_BE.search(folded))
            and SUSPICIOUS_CONTACT.search(fold(said)) and (_sin_spoken_of(events) or SIN in programs_named(text))
            and not names_another_program(text) and not programs_named(text) - {SIN}):
        # "ils avaient les 3 premiers chiffres de mon NAS pis ils voulaient le reste" after a weird
        # call from "Service Canada", "should i answer it?" after a text asking for the SIN, "ils
        # savaient mon adresse pis ma date de naissance, jfais quoi maintenant?": a scam
        return {**_as_topic(read, "sin_protect", SCAMS_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately in {"sin_protect", "sin_apply"} and SIN_CARD.search(fold(said)) and (
            program_of(_intent(read)) == SIN and asks_price(text) and not names_another_program(text) and not programs_named(text) - {SIN}):
        # "pis ça coute combien pour en avoir une nouvelle?" after "j'ai perdu ma carte NAS": no
        # card is issued any more (the lost card's answer), not that a number is free
        return {**_as_topic(read, "sin_protect", SIN_CARD_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == CCB and payment_not_arrived(text) and (
            _intent(read) != "ccb_payment_dates" and not programs_named(text) - {CCB} and not names_another_program(text)):
        # "well it hasnt come this month" after "when is ccb paid": the missing payment
        return {**own_entry(_as_topic(read, "ccb_payment_dates"), parse_data), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_processing_times" and FOLLOW_UP.search(text) and (
            ((_intent(read) == "passport_status" and _confidence(read) < UNSURE_STATUS) or (
                _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0))
            and (that_way := _way_entry("passport_processing_times", folded)) and len(text.split()) <= MAX_SERVICE_FOLLOW_UP_WORDS
            and not names_a_subject(without_the_way(folded))):
        # "what about if i go in person" after "how long does a passport take by mail", read as the
        # status unsurely or as nothing of ours (another way to apply, read as applying, stays applying): the time that way
        return {**_as_topic(read, "passport_processing_times", that_way), "read_with": said}
    if not text.startswith("/") and _confidence(read) < 1.0 and (_answering(_intent(read)) or _intent(read) in {"help", "nlu_fallback"}) and (
            len(text.split()) <= MAX_SERVICE_FOLLOW_UP_WORDS and (
                FOLLOW_UP.search(text) or asks_price(text) or HOW_LONG.search(folded) or (ASKS.search(text) and IT.search(folded)))
            and not programs_named(text) and not PASSPORT_NAMED.search(folded) and (
                names_another_service(last_said(events)) or (
                    # (or named before what was told of it: "combien de temps ça prend?" after "je veux demander
                    # la citoyenneté canadienne" and "je suis RP depuis 2021")
                    last_read(events) == "out_of_scope" and names_another_service(said) and not programs_named(said)))):
        # (also read as a call for help or unsurely: "comment je le remplace" after a driver's
        # licence stolen, "pis a quel age je peux commencer a la recevoir" after the old age pension)
        # "ok. et ça prend combien de temps?" after "j'ai besoin d'un visa pour l'Inde?", "combien
        # de temps ça prend pour la renouveler?" after a PR card expiring: still that service's
        return _with_intent(read, "out_of_scope")
    if not text.startswith("/") and _intent(read) == "sin_apply" and SIN_CARD.search(folded) and says_lost(said) and (
            not says_lost(text) and not names_another_program(text) and not programs_named(text) - {SIN}):
        # "pis ma carte nas aussi, je fais quoi pour ca" after a bag stolen with the passport in it:
        # the SIN card went with it (the lost card's answer), not getting a SIN
        return {**_as_topic(read, "sin_protect", SIN_CARD_ENTRY), "read_with": said}
    if not text.startswith("/") and STATUS_SHOWN.search(folded) and (
            topic_lately == "passport_status" or (_confidence(read) < 1.0 and (
                STATUS_SAYS.search(folded) or (FILE_STATE_TOLD.search(folded) and not HOW_LONG.search(folded))))) and (
            (_intent(read) in TIME_TOPICS | TOLD_NOT_ASKED or (
                # worried, not complaining: "... depuis un mois, je pars le 3 aout, je m'inquiète"
                _intent(read) == "complaint" and _confidence(read) < 1.0 and not COMPLAINS.search(folded)))
            and other_service_named(text) is None and not programs_named(text) - {PASSPORT}):
        # "it says in process since 6 weeks" after "how do i check my passport status": a delay;
        # or what the page says, told first: "Ma demande de renouvellement en ligne indique « en
        # traitement » depuis trois semaines. Y a-t-il un problème?"
        return {**_as_topic(read, "passport_status", DELAYED_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == LOANS and AUTOMATIC_PAYMENTS.search(folded) and (
            program_of(_intent(read)) in {LOANS, None} and not names_another_program(text) and not programs_named(text) - {LOANS}):
        # "can i set up automatic payments" after "how do i pay my student loan": in the NSLSC account
        return {**_as_topic(read, "student_loan_repayment", NSLSC_ACCOUNT_ENTRY), "read_with": said}
    if not text.startswith("/") and asks_how_to_pay(text) and program_of(topic_lately or "") == LOANS and (
            _intent(read) not in KEEP_WHEN_PAYING and program_of(_intent(read)) != LOANS and not names_another_program(text)):
        # "can i pay it by credit card" after "how do i pay back my student loan": paying the loan
        return {**_as_topic(read, "student_loan_repayment"), "read_with": said}
    if not text.startswith("/") and asks_if_in_time(text) and (
            _intent(read) in IN_TIME_TOPICS or (_intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0)
            or (_intent(read) == "passport_status" and not APPLIED.search(fold(f"{said} {text}")))) and not (
            _intent(read) == "passport_lost_stolen" and previous_bot_action(events) == TRAVEL_QUESTION) and (
            travel_window(f"{said}. {text}") != "later") and (
            # (a trip told more than two weeks away is the loss's own answer: "passeport perdu pis je
            # pars dans un mois pour la guadeloupe, je peux en ravoir un nouveau a temps?")
            unusable_passport_and_trip(f"{said} {text}")
            # "on est le 9, je fais comment pour avoir mon passeport à temps" after "je pars a Paris le 14"
            or (_intent(read) == "passport_status" and trip_within_two_weeks(f"{said}. {text}"))):
        # "can i get a new one before then?" after "lost my passport" and "flying to London on
        # monday", "on est le 10, c'est faisable?" after a trip on the 14th and an expired passport
        # (or, read unsurely, "its the 14th today, can i still make it??" after a passport needed
        # for a trip on the 20th, itself read off topic unsurely): the urgent service (a lost
        # passport's trip told to "are you travelling?" gets the loss's answer and an officer)
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if not text.startswith("/") and program_of(_intent(read)) == PASSPORT and asks_when_payments_come(text) and not (
            asks_price(text) or programs_named(text)) and names_children(f"{said} {text}"):
        # "pis les paiements arrivent quand pour chacun de nous deux?" after "on a la garde partagée
        # de notre fille": a passport pays nothing; a child's payments are the CCB's
        return {**own_entry(_as_topic(read, "ccb_payment_dates"), parse_data), "read_with": said}
    if not text.startswith("/") and _intent(read) in TOLD_NOT_ASKED | {"help"} and _confidence(read) < DOUBTFUL_OFF_TOPIC and (
            PASSPORT_NEEDED_BY.search(folded) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "i need my passport tomorrow my grandmother is dying in jamaica please help me" (read
        # unsurely as off topic): the urgent service
        return own_entry(_as_topic(read, "passport_urgent"), parse_data)
    if not text.startswith("/") and FIRST_PAYMENT.search(folded) and (programs_named(said) == {EI} or (
            # (or a job lost told, no program named: "how long do we have to wait before the first payment
            # comes?" after "i got laid off from Walmart after 11 years", read as a loan's)
            says_job_lost(said) and not programs_named(said) and _confidence(read) < 1.0)) and (
            program_of(_intent(read)) == CCB or (_intent(read) in TOLD_NOT_ASKED and _confidence(parse_data) < 1.0) or (
                # (or a loan's: a payment received, not one to make, "quand est-ce que je dois faire mon premier paiement?")
                program_of(_intent(read)) == LOANS and not PAYMENT_TO_MAKE.search(folded))) and (
            not programs_named(text) and not names_another_program(text) and other_service_named(text) is None):
        # (or read off topic: "je vais recevoir mon premier paiement quand?" after "ma demande d'AE a été approuvée hier")
        # "how long before the first payment" after "how much is ei" (read as the CCB's first
        # payment after applying): EI's first payment
        return {**_as_topic(read, "ei_apply", EI_FIRST_PAYMENT), "read_with": said}
    if not text.startswith("/") and _intent(read) == "ccb_apply" and _confidence(read) < 1.0 and asks_when_payments_come(text) and not (
            APPLYING_ASKED.search(folded) or programs_named(text) - {CCB} or names_another_program(text)):
        # "l'allocation du fédéral pour les enfants rentre tu avant noël en décembre?" (read unsurely
        # as applying): when it is paid
        return own_entry(_as_topic(read, "ccb_payment_dates"), parse_data)
    if not text.startswith("/") and program_of(_intent(read)) == CCB and _confidence(read) < 1.0 and (
            read.get("knowledge") or {}).get("id") != SHARED_CUSTODY_ENTRY and SHARED_CUSTODY.search(fold(f"{said} {text}")) and (
            CHANGES.search(folded) or IN_THAT_CASE_ASKED.search(folded)) and not asks_when_payments_come(text) and not (
            programs_named(text) - {CCB} or names_another_program(text)):
        # "ca change quoi pour l'allocation canadienne?" after "jme suis separée de mon chum" and "on
        # a 2 enfants en garde partagée" (read as a payment missed): the CCB in shared custody
        return {**_as_topic(read, "ccb_apply", SHARED_CUSTODY_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == CCB and program_of(_intent(read)) != CCB and (
            asks_when_payments_come(text) and not (asks_price(text) or programs_named(text) - {CCB} or names_another_program(text))):
        # "ok thanks. what day is it paid each month" after how to apply for the CCB: its payment dates
        return {**own_entry(_as_topic(read, "ccb_payment_dates"), parse_data), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == CCB and (
            _intent(read) in TOLD_NOT_ASKED | {"ccb_apply"} or (
                # "do i have to do my taxes first? never filed since we came in 2024", read as a
                # passport's application with no passport named
                program_of(_intent(read)) == PASSPORT and not PASSPORT_NAMED.search(folded))) and (
            (_confidence(read) < 1.0 or (topic_lately == "ccb_payment_dates" and CAUSE_ASKED.search(folded)))
            and TAXES_TOLD.search(folded) and not names_another_program(TAXES_TOLD.sub(" ", folded))
            and not (programs_named(text) - {CCB})):
        # (the taxes told are the cause asked, not another program: "is that because of my tax
        # return last year" after "my ccb went down this month")
        # "my husband never files taxes, he says he has no income. is that a problem" (or "pis j'ai
        # pas fait mes impôts l'an passé, c grave?", read as the CCB) after a CCB
        # application: both parents' returns, which the CCB needs; after a payment stopped ("is it
        # because i didnt do my taxes? how do i get it back", "is it bc i didnt do my taxes yet?",
        # however sure its reading as the CCB's taxes): why payments stop, and what to do
        stopped = topic_lately == "ccb_payment_dates" and CAUSE_ASKED.search(folded)
        return {**_as_topic(read, "ccb_payment_dates" if stopped else "ccb_apply",
                            PAYMENT_STOPPED_ENTRY if stopped else CCB_TAXES_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_lost_stolen" and lost_abroad(said) and (
            (GET_HOME.search(folded) or WHERE_TO_GO_THERE.search(folded)) and _intent(read) not in KEEP and not programs_named(text) - {PASSPORT}
            and (not names_another_program(text) or TRAVELS_WITH_ANOTHER_ID.search(folded))):
        # "how do i even get home now" (or "where do i go here", or "wait can i just fly home with my drivers
        # licence??") after a passport stolen in Cancún: the
        # embassy's emergency travel document (the lost passport's answer from abroad), not a renewal
        return {**_as_topic(read, "passport_lost_stolen", LOST_ABROAD_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_lost_stolen" and _confidence(read) < 1.0 and (
            _intent(read) not in KEEP and MEANWHILE.search(folded) and TRAVEL_ASKED.search(folded) and not FINDS_IT.search(folded)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "est ce que je peux aller aux états-unis en attendant le nouveau" after "j'ai perdu mon
        # passeport": travelling on a passport reported lost (it is cancelled), the loss's answer
        return {**_as_topic(read, "passport_lost_stolen", LOST_ABROAD_ENTRY if lost_abroad(said) else LOST_OVERVIEW), "read_with": said}
    if not text.startswith("/") and LICENCE_TOLD.search(fold(said)) and LICENCE_POINTED.search(folded) and not (
            LICENCE_TOLD.search(folded) or PASSPORT_NAMED.search(folded) or programs_named(text) - {PASSPORT}):
        # "pour le permis je fais quoi?" after "j'ai perdu mon passeport pis mon permis de conduire"
        return _with_intent(read, "out_of_scope")
    if not text.startswith("/") and topic_lately == "passport_processing_times" and HURRY.search(folded) and (
            _intent(read) not in KEEP | {"passport_urgent"} and program_of(_intent(read)) in {PASSPORT, None}
            and not asks_price(text) and not names_another_program(text) and not programs_named(text) - {PASSPORT}):
        # "ok pis si je suis pressé, je pars le 20" after how long a passport takes by mail: the
        # faster services (urgent, express)
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if not text.startswith("/") and topic_lately in {"passport_processing_times", "passport_status"} and (
            HOW_TO_CHECK.search(folded) and _intent(read) != "passport_status" and _intent(read) not in KEEP
            and program_of(_intent(read)) in {PASSPORT, None} and not names_another_program(text)
            and not programs_named(text) - {PASSPORT}):
        # "ça fait déjà 6 semaines, comment je vérifie" after how long a passport takes by mail:
        # checking the application's status, not the time again
        return {**own_entry(_as_topic(read, "passport_status"), parse_data), "read_with": said}
    if not text.startswith("/") and (read.get("knowledge") or {}).get("id") == TEMPORARY_ENTRY and lost_abroad(said) and (
            topic_lately == "passport_lost_stolen"):
        # "can i get a temporary one to get home" after a passport stolen in Rome: the embassy's
        # emergency travel document (the lost passport's answer from abroad), not a temporary
        # passport from an office in Canada
        return {**_as_topic(read, "passport_lost_stolen", LOST_ABROAD_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "ccb_apply" and _intent(read) != "ccb_apply" and (
            _confidence(read) < 1.0 and HOSPITAL_FORM.search(folded) and not programs_named(text) - {CCB}
            and other_service_named(text) is None):
        # "what if the hospital didnt give me the form" after applying for the CCB for a newborn:
        # applying without the birth registration's form (online or with Form RC66)
        return {**_as_topic(read, "ccb_apply", CCB_OTHER_WAY_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_photo" and _intent(read) != "passport_photo" and (
            _confidence(read) < 1.0 and FACE_TOLD.search(folded) and FACE_ALLOWED.search(folded) and not EDITED.search(folded)
            and other_service_named(text) is None
            and not programs_named(text) - {PASSPORT}):
        # "et il peut avoir la bouche ouverte?" after a baby's passport photo: the photo's
        # expression, within the conversation's photo question
        baby = BABY.search(fold(f"{said} {text}"))
        return {**_as_topic(read, "passport_photo", BABY_PHOTO_ENTRY if baby else EXPRESSION_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_photo" and _intent(read) != "passport_photo" and (
            _confidence(read) < 1.0 and len(text.split()) <= MAX_PHOTOS_PRICE_WORDS and PHOTOS_PRICE.search(folded)
            and not PASSPORT_NAMED.search(folded) and other_service_named(text) is None and not programs_named(text)):
        # "how much do they usually cost" after "where do i get passport photos done": the photos'
        # price, set by each store (passport_photo.where), not the passport's fee
        return {**_as_topic(read, "passport_photo", PHOTO_WHERE_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == PASSPORT and _intent(read) in TOLD_NOT_ASKED and (
            _confidence(read) < 1.0 and OWN_PHOTO_FROM.search(folded) and PHOTO_PLACE.search(folded) and WILL_IT_DO.search(folded)
            and not programs_named(text) - {PASSPORT}):
        # "what if my photo is from costco is that ok" after "how do i renew online": photos taken
        # at a store (and a digital one for the online renewal), not off topic
        return {**_as_topic(read, "passport_photo", PHOTO_WHERE_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_photo" and _intent(read) in {"passport_child", "passport_apply_adult"} and (
            (len(text.split()) <= MAX_BABY_PHOTO_WORDS or SAME_RULES.search(folded) or HOLDS_HEAD.search(folded))
            and BABY.search(folded) and not PASSPORT_NAMED.search(folded)
            and other_service_named(text) is None and not programs_named(text) - {PASSPORT}):
        # "meme pour un bebe de 2 mois?" after the photo's rules: a baby's photo, not a baby's passport
        # (longer, the same rules asked: "pis pour mon bébé c'est les mêmes règles?? il se tient même pas assis tout seul")
        return {**_as_topic(read, "passport_photo", BABY_PHOTO_ENTRY), "read_with": said}
    if not text.startswith("/") and _intent(read) == "student_loan_rap" and _confidence(read) < 1.0 and (
            MISSED.search(folded) and WHAT_HAPPENS.search(folded) and not names_rap(text) and LOANS in programs_named(text)
            and not programs_named(text) - {LOANS}):
        # "j'ai raté 2 paiements de mon prêt étudiant canadien car j'ai perdu mon emploi, qu'est-ce qui
        # va m'arriver?" (read as the plan for the job lost): what missed payments do
        return {**_as_topic(read, "student_loan_repayment", MISSED_PAYMENT_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == LOANS and _intent(read) in TOLD_NOT_ASKED | SMALL_TALK and (
            _confidence(read) < 1.0 and SKIPS_A_PAYMENT.search(folded) and other_service_named(text) is None
            and not programs_named(text) - {LOANS}):
        # "est ce que je peux sauter un mois" after "je dois rembourser 210$ par mois mon pret
        # etudiant": a payment missed, and what it does
        return {**_as_topic(read, "student_loan_repayment", MISSED_PAYMENT_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == SIN and program_of(_intent(read)) == SIN and (
            _intent(read) != "sin_protect" and _confidence(read) < 1.0 and LOSES_IT.search(folded) and ANOTHER_ASKED.search(folded)
            and not names_a_child(text)):
        # "et si je le perds, j'en redemande un?" after how to get a SIN: a lost card or number
        # (the lost card's answer: the confirmation of SIN), not applying again
        return {**_as_topic(read, "sin_protect", SIN_CARD_ENTRY), "read_with": said}
    entry = (read.get("knowledge") or {}).get("id")
    if not text.startswith("/") and _intent(read) == "passport_lost_stolen" and entry in {LOST_OVERVIEW, LOST_ABROAD_ENTRY}:
        # "my passport got stolen in rome": the way home from abroad (the embassy); "i lost my
        # passport, i fly to france next week": lost at home, a trip abroad ahead
        # (and "j'ai perdu mon passeport", nowhere said: the overview, not the embassy's answer)
        there = lost_abroad(text) or lost_abroad(str(read.get("read_with") or ""))
        away = there or lives_abroad(text) or bool(AWAY.search(folded))
        home = not away and (mentions_a_trip(text) or not names_a_place_abroad(text))
        if (there and entry == LOST_OVERVIEW) or (home and entry == LOST_ABROAD_ENTRY):
            read = answered_by(read, LOST_ABROAD_ENTRY if there else LOST_OVERVIEW)  # the rules below still apply
    if not text.startswith("/") and program_of(topic_lately or "") == LOANS and _confidence(read) < 1.0 and (
            _intent(read) in TOLD_NOT_ASKED or program_of(_intent(read)) == LOANS) and NEW_LOAN.search(folded) and (
            not NOT_A_NEW_LOAN.search(folded) and not programs_named(text) - {LOANS}):
        # "pis je veux en prendre un autre pour ma maitrise, comment je demande?" after repaying a
        # student loan: applying for a new one, which we do not answer
        return _with_intent(read, "out_of_scope")
    if not text.startswith("/") and program_of(topic_lately or "") == LOANS and _intent(read) == "out_of_scope" and (
            _confidence(read) < 1.0 and LOAN_TERMS.search(folded) and not TAX_WORDS.search(folded)
            and not names_another_program(text)
            and not (programs_named(text) - {LOANS})):
        # "le taux d'interet c combien?" after "comment je rembourse mon prêt étudiant": the loan's
        # interest, not a bank's rate
        return {**_as_topic(read, "student_loan_repayment", LOAN_INTEREST_ENTRY), "read_with": said}
    if not text.startswith("/") and _sin_spoken_of(events) and (_intent(read) in TOLD_NOT_ASKED or program_of(_intent(read)) == SIN) and (
            PROVES_THE_NUMBER.search(folded) and not (GAVE_IT.search(folded) or SIN_SHARED.search(folded))
            and not names_another_program(text) and not (programs_named(text) - {SIN})):
        # ("ils m'ont demandé de confirmer mon numero pis je l'ai donné, je fais quoi la" gave it away)
        # "oh theres no card anymore? then how do i prove my number to my new job" after "where do
        # i get a sin card": the confirmation letter (or the digital SIN) is the proof
        return {**_as_topic(read, "sin_apply", SIN_LETTER_ENTRY), "read_with": said}
    if not text.startswith("/") and _sin_spoken_of(events) and _intent(read) in TOLD_NOT_ASKED | {"sin_apply"} and (
            (FOLLOW_UP.search(text) or WHAT_ABOUT.search(folded)) and REQUESTER.search(folded) and ASKS_FOR_IT.search(folded)
            and len(text.split()) <= MAX_REQUESTER_WORDS + 4 and not (programs_named(text) - {SIN})):
        # "et si ma caisse populaire me le demande, je le donne?" after "Comment protéger mon NAS?" (the
        # bank named, read surely off topic): who may ask for it
        return {**_as_topic(read, "sin_protect", WHO_CAN_ASK_ENTRY), "read_with": said}
    if not text.startswith("/") and _sin_spoken_of(events) and _intent(read) in TOLD_NOT_ASKED | {"sin_apply"} and (
            _confidence(read) < 1.0 and REQUESTER.search(folded) and (ASKS_FOR_IT.search(folded) or (
                (FOLLOW_UP.search(text) or WHAT_ABOUT.search(folded)) and len(text.split()) <= MAX_REQUESTER_WORDS))
            and not names_another_program(text) and not (programs_named(text) - {SIN})):
        # "ok what about my bank" after "who can ask for my sin", "mon proprio me le demande sur le
        # bail, je suis obligé de lui donner?" after a SIN just received: who may ask for it
        return {**_as_topic(read, "sin_protect", WHO_CAN_ASK_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == EI and (
            (read.get("knowledge") or {}).get("id") != EI_FIRST_PAYMENT) and (
            asks_when_payments_come(text) and not (asks_price(text) or programs_named(text) or names_children(text))):
        # "so when does the money actually come" after "applied for EI last tuesday", or "how long till
        # i actually get paid" after how to apply (read as how long benefits last): EI's first payment
        return {**_as_topic(read, "ei_apply", EI_FIRST_PAYMENT), "read_with": said}
    if program_of(_intent(read)) == PASSPORT and not text.startswith("/") and RENEWAL_WORD.search(folded) and (
            grown_child_renews(f"{said} {text}")):
        # "can he renew it or is that a new app" of a son who got his passport at 15 and is 19 now,
        # "il peut le renouveler en ligne?" after "mon fils a 17 ans et son passeport d'enfant expire":
        # a passport issued before 16 is never renewed (not a child's passport, not renewing online)
        return {**_as_topic(read, "passport_renew", ISSUED_UNDER_16_ENTRY), "read_with": said}
    if program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_child" and not text.startswith("/") and (
            RENEWAL_WORD.search(folded) and said and not MINE.search(text) and not asks_price(text) and not asks_whether_renewable(text)
            and asks_whether_renewable(f"{said} {text}") == "passport_child"):
        # "can i renew it or do i have to do the whole thing again" after "my kid's passport expires
        # next month, she's 9": a child's passport is never renewed (its validity's answer says so)
        return {**_as_topic(read, "passport_child", CHILD_VALIDITY_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") in APPLY_TOPIC and (
            (_intent(read) in TOLD_NOT_ASKED | SMALL_TALK and _confidence(read) < SURE_EVERYDAY
             and HOW_TO_APPLY.search(folded) and not programs_named(text))
            or (program_of(_intent(read)) == PASSPORT and _confidence(read) < 1.0
                and WHERE_TO_APPLY.search(folded) and not PASSPORT_NAMED.search(folded))) and (
            len(text.split()) <= MAX_HOW_TO_APPLY_WORDS and not names_a_subject(text) and other_service_named(text) is None) or (
            # asked first, then why help is needed: "Ok so how do I apply, step by step please, I'm not good
            # with this computer business" after whether EI is paid at 66 (read off topic for the computer)
            not text.startswith("/") and program_of(topic_lately or "") in APPLY_TOPIC and _intent(read) in TOLD_NOT_ASKED | SMALL_TALK
            and _confidence(read) < 1.0 and HOW_TO_APPLY_FIRST.search(folded)
            and MAX_HOW_TO_APPLY_WORDS < len(text.split()) <= MAX_HOW_TO_APPLY_STORY_WORDS
            and not programs_named(text) and other_service_named(text) is None and not names_another_program(text)):
        # "how do i apply" after "lost my job at the plant, they closed the whole line" (EI's, read
        # as losing a job through no fault), read off topic alone, or "je fais ma demande ou?"
        # after "je suis en arrêt maladie depuis lundi" (EI's sickness benefits), read as where to
        # apply for a passport: applying for that program
        applying = APPLY_TOPIC[str(program_of(topic_lately or ""))]
        return {**own_entry(_as_topic(read, applying), parse_data), "read_with": said}
    if _intent(read) in ADULT_PASSPORT_TOPICS and not text.startswith("/") and (
            (read.get("read_with") and FOLLOW_UP.search(text) and names_a_child(text))
            or (read.get("read_with") and for_the_child_named(str(read["read_with"]), text))
            # clear alone, but about them: "est-ce qu'il faut un répondant pour lui aussi?"
            or (ABOUT_THEM.search(text) and for_the_child_named(said, text))
            # "pis le répondant, ça peut être qui?" after "quel formulaire pour un passeport pour enfant?":
            # the child's passport the conversation is about, not the writer's own
            or (read.get("read_with") and topic_lately == "passport_child" and not WRITERS_PASSPORT.search(text)
                and (not MINE.search(text) or ABOUT_THEM.search(text)) and not applicant_is_adult(text))
            # the papers asked after it, read as an adult's unsurely: "c'est quoi les papiers a fournir
            # pis le formulaire" after "je veux faire un passeport pour mon fils de 8 ans"
            or (topic_lately == "passport_child" and _confidence(read) < UNSURE_OTHER_PAPERS and PAPERS.search(folded)
                and not WRITERS_PASSPORT.search(text) and not MINE.search(text) and not applicant_is_adult(text))):
        # "et pour ma fille de 8 ans?" after a first adult passport's documents, or "est-ce qu'il
        # faut un répondant pour lui aussi?" after "mon fils a 7 ans": a child's passport
        read = own_entry(_as_topic(read, "passport_child"), parse_data)
    if bot_said_last(events, RENEWAL_REFUSED) and not text.startswith("/") and (
            _intent(read) in RENEWAL_TOPICS or (_intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0)) and (
            (WHICH_FORM.search(folded) or WHAT_NOW.search(folded)) and not RENEWAL_WORD.search(folded)
            and len(text.split()) <= MAX_WHAT_IS_WORDS):
        # "je fais quoi alors, quel formulaire je prends" just after the renewal check said to apply
        # for a new passport (read with the refusal, as the check again; or unsurely: "donc je dois
        # remplir quel formulaire? 😩"): the first adult passport's overview, which names its form
        return _as_topic(read, "passport_apply_adult", overview_id("passport_apply_adult"))
    if _intent(read) in PASSPORT_APPLICATION_TOPICS and not text.startswith("/") and renewal_asked_lately(events) and (
            says_eligible_then_asks_how(text) or (_intent(read) == "passport_apply_adult" and not (
                NOT_A_RENEWAL.search(fold(f"{said} {text}")) or aged_16_or_more(text, events)
                or bot_said_last(events, RENEWAL_REFUSED)))):
        # in a renewal conversation: "ok i am eligible. so whats the actual steps" after "can i use
        # the simple renewal" is how to renew, and "do i need a guarantor for that" after "i'm
        # renewing my passport" is the renewal's answer, unless the conversation says it is a first
        # adult passport or one that cannot be renewed (or the renewal check just said so: "ok so
        # which form do i use then" after "can i renew my passport if i got it when i was 15")
        read = own_entry(_as_topic(read, "passport_renew"), parse_data)
    if _intent(read) == "passport_apply_adult" and not text.startswith("/") and WHICH_FORM.search(folded) and (
            len(text.split()) <= MAX_WHAT_IS_WORDS and (read.get("knowledge") or {}).get("id") != overview_id("passport_apply_adult")):
        # "ok so which form do i use then", briefly: the overview, which names the adult form
        read = answered_by(read, overview_id("passport_apply_adult"))
    if not text.startswith("/") and (
            (says_eligible_then_asks_how(text) and _intent(read) == "ei_eligibility")
            or (topic_lately == "ei_eligibility" and not programs_named(text) and (
                says_eligible_then_asks_how(text) or says_eligible_then_asks_how(f"{last_said(events)}. {text}")))):
        # "c'est quoi les conditions pour avoir l'AE?", then "ok je pense que je suis admissible,
        # je fais la demande comment?" (or the same in two messages: "ok i think i have enough
        # hours", "how do i apply then"): how to apply for EI
        read = own_entry(_as_topic(read, "ei_apply"), parse_data)
    if read.get("read_with") and (ASKS_WHERE.search(text) or AVAILABLE_AT.search(text)):
        topic = topic_lately
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
        read = answered_by(read, CHILD_AGE_ENTRY)
    if (read.get("knowledge") or {}).get("id") == ISSUED_UNDER_16_ENTRY and not text.startswith("/") and (
            ((applicant_is_adult(text) or told_valid_5_or_10(text)) and not YOUNG_THEN.search(fold(f"{said} {text}"))) or (
                # "my nana is 82 ... her old one is from 2018": issued in the last 15 years to someone
                # over 30 now, so at 16 or older
                OVER_30_TOLD.search(folded) and (issue_told := renewal_situation(text)).get("renewal_issued_recently") is True
                and issue_told.get("renewal_age_16_plus") is not False)):
        # "J'ai 81 ans ... renouveler mon passeport par la poste? Mon fils pourra m'aider": a son
        # named is no passport issued before 16; the writer says they are an adult and says
        # nothing of a passport had young ("when i was a kid", "quand j'avais 14 ans", "issued in 2005"); nor is "je renouvelle
        # mon passeport de 10 ans", whose 10 years are the passport's validity, not an age
        read = answered_by(read, overview_id(_intent(read)))
    if _intent(read) == "passport_processing_times" and not text.startswith("/") and (
            PAST_THE_TIME.search(folded) or (tells_it_is_late(text) and PASSPORT_NAMED.search(folded))) and (
            other_service_named(text) is None and not programs_named(text) - {PASSPORT}):
        # "its been way past the normal processing time and still no passport, how do i find out
        # whats going on" (or "mon passeport devait arriver la semaine passée, je pars le 14, c
        # normal ce retard la?"): an application later than the time, whose status is asked, not the time
        return _as_topic(read, "passport_status", DELAYED_ENTRY)
    if _intent(read) == "passport_processing_times" and not text.startswith("/") and not asks_price(text) and (
            trip_within_two_weeks(text) or (wants_it_sooner(text) and travel_window(text) != "later" and not (
                asks_if_in_time(text) and not date_within_two_weeks(text)))):
        # (whether it comes in time, no date this soon told, is the time's: "is 6 weeks enough to
        # get a passport before my trip to jamaica or am i cutting it close"; so is a date months
        # away: "si j'envoie ma demande demain matin je vais tu l'avoir avant le 15 juin?"; a price
        # asked is the fee's: "and if i want it fast, how much all together" after an adult passport's fee)
        return _as_topic(read, "passport_urgent")
    if _intent(read) == "passport_processing_times" and _confidence(read) < 1.0 and not text.startswith("/") and (
            asks_if_days_are_enough(text) and unusable_passport_and_trip(said) and not names_regular_service(text)):
        # "is 10 days enough??" after "flying to london on the 20th and just saw my passport
        # expired": a passport sooner than the usual times, the urgent and express services
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if _intent(read) == "passport_processing_times" and not text.startswith("/") and SERVICE_NAMED.search(folded) and (
            WHEN_OR_HOW_LONG.search(folded) and not names_regular_service(text)):
        # "si je demande le service urgent ajd à 10h du matin je vais l'avoir quand?": the service's own time
        return own_entry(_as_topic(read, "passport_urgent"), parse_data)
    if (_intent(read) == "passport_renewal_eligibility" or (
            _intent(read) == "nlu_fallback" and "passport_renewal_eligibility" in _two_likeliest(read))) and _confidence(read) < 1.0 and (
            not text.startswith("/") and (WHICH_FORM.search(folded) or WHICH_ONE_IS_IT.search(folded)) and SIMPLIFIED.search(folded)
            and not renewal_situation(text)):
        # "Quel formulaire dois-je utiliser pour le renouvellement simplifié d'un passeport d'adulte?" (or
        # "le formulaire de renouvellement simplifié c'est lequel?? j'ai pris celui de premiere demande par erreur"):
        # the simplified renewal (which offers the eligibility check), not the check alone
        return _as_topic(read, "passport_renew", SIMPLIFIED_ENTRY)
    if (_intent(read) == FEES or (_intent(read) == "nlu_fallback" and FEES in _two_likeliest(read))) and not text.startswith("/") and (
            FEE_WORDS.search(folded) and WENT_UP.search(folded) and PASSPORT_NAMED.search(folded)):
        # "les frais de passeport ont-tu monté cette année? j'ai vu de quoi aux nouvelles": the fees' indexation
        return _as_topic(read, FEES, INDEXATION_ENTRY)
    if _intent(read) == FEES and not text.startswith("/") and PAYS_MORE.search(folded) and (
            trip_within_two_weeks(text) or wants_it_sooner(text) or (IN_TIME.search(folded) and mentions_a_trip(f"{said} {text}"))):
        # "est ce que je peux avoir mon passeport dans 2 jours si je paye plus cher" (or "je peux tu
        # l'avoir a temps si je paye plus cher?" after "je pars à rome le 14"): whether paying
        # for a service gets it that soon (the urgent and express services), not the price list
        return own_entry(_as_topic(read, "passport_urgent"), parse_data)
    if program_of(topic_lately or "") == PASSPORT and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and (
            not text.startswith("/") and HOW_FAST.search(folded) and trip_within_two_weeks(text)
            and other_service_named(text) is None):
        # "how fast can i get it, i leave on the 15th" after a passport's fee, read off topic: the urgent service
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and (_intent(read) in TOLD_NOT_ASKED or (
            # (or read as a child's, a grandson told before: "Is there any way to get them faster than normal?"
            # after "My wife and I need to renew our passports, we leave for Australia in 10 days to see our new grandson.")
            _intent(read) == "passport_child" and not names_a_child(text) and OUR_OWN_PASSPORTS.search(fold(said)))) and _confidence(read) < 1.0 and (
            not text.startswith("/") and wants_it_sooner(text) and travel_window(text) != "later" and not asks_where(text)
            and other_service_named(text) is None and not programs_named(text) - {PASSPORT}):
        # "can i pay extra to get it quicker, how does that work" after "i'm flying to cancun in 4 days
        # and my passport is expired", read unsurely: the urgent and express services
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if (_intent(read) in RENEWAL_TOPICS or (_intent(read) == "nlu_fallback" and RENEWAL_TOPICS & set(_two_likeliest(read))) or (
            # "can i do it online from here" after "im in santiago chile and my passport expires in
            # august" (read as where to apply, or as a person: "je peux le faire en ligne d'icitte?")
            _intent(read) in {"passport_where_apply", "request_human"} and _confidence(read) < 1.0 and ONLINE_TOLD.search(folded)
            and not asks_for_person(text) and PASSPORT_EXPIRES.search(fold(said)))) and (
            not text.startswith("/") and FROM_HERE.search(folded) and lives_abroad(f"{said} {text}")
            and not asks_price(text) and not asks_how_long(text)):
        # "can I renew from here?" after "I'm in London UK right now" (or unsure, "can I renew it
        # from here by mail or must I drive back up" after wintering in Florida): renewing from
        # abroad, not whether the passport qualifies for simplified renewal
        return {**_as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and (_intent(read) in TOLD_NOT_ASKED | {"nlu_fallback"} or (
            # (or read as a first passport's ways: "cest normal que jai rien recu encore" after a mailed application)
            program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_status")) and _confidence(read) < 1.0 and (
            not text.startswith("/") and STILL_NOT_COME.search(folded) and APPLICATION_SENT.search(fold(said))
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "it still hasnt come and were supposed to leave for hawaii on the 20th, how do i find out whats
        # going on with it" after "I applied for my passport back in March" (read off topic for Hawaii):
        # an application later than its time
        return {**_as_topic(read, "passport_status", DELAYED_ENTRY), "read_with": said}
    if _intent(read) in {FEES, "passport_lost_stolen"} and (read.get("knowledge") or {}).get("id") != LOST_SURCHARGE_ENTRY and (
            not text.startswith("/") and (says_lost(text) or LOSES_A_PASSPORT.search(folded)) and FINED.search(folded)
            and not programs_named(text) - {PASSPORT}):
        # "quelqu'un m'a dit qu'il faut payer une amende de 500$ si on perd son passeport, c'est vrai?": the
        # replacement's extra fee, not the passports' prices
        return _as_topic(read, FEES, LOST_SURCHARGE_ENTRY)
    if _intent(read) in {"passport_renew", "passport_where_apply"} and not text.startswith("/") and asks_price(text) and (
            lives_abroad(f"{said} {text}") and not asks_how_long(text) and not asks_where(text) and not WHERE_WORD.search(folded) and not programs_named(text) - {PASSPORT}
            and other_service_named(text) is None):
        # "we live in dubai for my husbands job, how much is it to renew my passport from here": the
        # fee from abroad, not how renewing from abroad works
        return {**_as_topic(read, FEES), "read_with": said}
    if _intent(read) in {"passport_renew", "passport_apply_adult", "passport_where_apply"} and _confidence(read) < 1.0 and (
            not text.startswith("/") and asks_how_long(text) and not asks_price(text) and not VALIDITY_WORDS.search(folded)
            and lives_abroad(f"{said} {text}") and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "on vit a Dubai, je veux renouveler mon passeport canadien par l'ambassade. c'est long comment?"
        # (read as renewing from abroad): how long from abroad
        return {**_as_topic(read, "passport_processing_times", ABROAD_TIME_ENTRY), "read_with": said}
    if _intent(read) == "passport_renew" and not text.startswith("/") and ((renews_from_abroad(text) and (
            (read.get("knowledge") or {}).get("id") == overview_id("passport_renew"))) or (
            # "Snowbird here, in Yuma AZ until April ... Can I send the renewal by mail from the States?"
            asks_to_renew_from_abroad(text) and (read.get("knowledge") or {}).get("id") not in {RENEW_ABROAD_ENTRY, ONLINE_RENEWAL_ENTRY})):
        # "renewing from london uk, how does it work" (the topic decided in bot/nlu/classifier.py): from abroad
        return _as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY)
    if program_of(_intent(read)) == PASSPORT and _intent(read) not in {"passport_where_apply", "passport_lost_stolen"} and not (
            text.startswith("/")) and ASKS_WHERE.search(text) and (lives_abroad(f"{said} {text}") or names_a_place_abroad(text)):
        # "my passport expires in 2 months where do i apply for new one" after "I live in Dubai right
        # now" (or a place abroad named with it: "chu en visa vacances-travail a melbourne ... je fais la
        # demande ou?"): where to apply from abroad (or from the US), not renewing early
        from_abroad = own_entry(_as_topic(read, "passport_where_apply"), parse_data)
        if (from_abroad.get("knowledge") or {}).get("id") not in FROM_ABROAD_WHERE:
            from_abroad = answered_by(from_abroad, ABROAD_WHERE_ENTRY)
        return {**from_abroad, "read_with": said}
    if topic_lately in PROOF_TOPICS and _intent(read) == topic_lately and read.get("read_with") and not (
            text.startswith("/")) and FOLLOW_UP.search(text) and lives_abroad(text) and WRITER.search(folded) and not (
            names_a_subject(text)):
        # "what if im in australia tho" after the documents for a first passport: applying from
        # abroad (where and how), not the same documents again
        return {**_as_topic(read, "passport_where_apply", "passport_where_apply.abroad"), "read_with": said}
    if topic_lately in RENEWAL_TOPICS and _confidence(parse_data) < 1.0 and not text.startswith("/") and (
            FOLLOW_UP.search(text) and len(text.split()) <= MAX_ABROAD_FOLLOW_UP_WORDS and WRITER.search(folded)
            and lives_outside_canada(text) and program_of(_intent(read)) in {PASSPORT, None}
            and not names_a_subject(THERE_FOR_WORK.sub(" ", folded)) and other_service_named(text) is None
            and (read.get("knowledge") or {}).get("id") not in ABROAD_ENTRIES):
        # "what if i live in the states" after renewing online (read unsurely as the status):
        # renewing from the United States or abroad
        return {**_as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY), "read_with": said}
    if topic_lately in RENEWAL_TOPICS and _intent(read) == "passport_where_apply" and _confidence(read) < UNSURE_WHERE and (
            not text.startswith("/") and RENEWAL_NAMED.search(folded) and not asks_where(text) and not lives_outside_canada(text)
            and not names_a_place_abroad(text)):
        # "Est-ce que je peux le renouveler sans aller au bureau? Je marche difficilement." after "Mon
        # passeport expire en octobre" (read unsurely as where to apply): how to renew (by mail, online)
        return {**own_entry(_as_topic(read, "passport_renew"), parse_data), "read_with": said}
    if topic_lately in RENEWAL_TOPICS and _confidence(read) < 1.0 and not text.startswith("/") and ONLINE_TOLD.search(fold(said)) and (
            LIVES_IN.search(folded) and names_a_canadian_place(text) and not lives_outside_canada(text) and not asks_where(text)
            and program_of(_intent(read)) in {PASSPORT, None} and not programs_named(text) - {PASSPORT}
            and other_service_named(text) is None):
        # "does that work if i live in quebec city" after "i want to renew my passport online" (read
        # as where to apply): online renewal, open to a home address in Canada
        return {**_as_topic(read, "passport_renew", ONLINE_RENEWAL_ENTRY), "read_with": said}
    if topic_lately == "passport_photo" and _intent(read) == "passport_where_apply" and not text.startswith("/") and not (
            SENDS.search(text)):
        # "can walmart do them or does it have to be a special place" after the photo's size: where
        # photos are taken, not where to apply
        return {**_where_for(read, "passport_photo", WHERE_TO_GO[PASSPORT]), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and not text.startswith("/") and REFUND_FOR_DELAY.search(folded) and (
            LOANS not in programs_named(text)):
        # "vous remboursez si c'est trop long?" after a passport applied for 2 months ago: the fee
        # refunded after 30 business days, not a student loan's repayment
        return {**_as_topic(read, FEES, REFUND_ENTRY), "read_with": said}
    if _intent(read) == "passport_where_apply" and not text.startswith("/") and renews_own_passport(text) and (
            "passport_renew" in _two_likeliest(read) and not asks_where(text) and not lives_outside_canada(text)):
        # "je souhaiterais renouveler mon passeport qui arrive à échéance en novembre prochain.
        # Pourriez-vous m'indiquer la marche à suivre?" (read as a renewal, then moved by the
        # knowledge selector to where to apply's appointments): how to renew, no "where" asked
        return own_entry(_as_topic(read, "passport_renew"), parse_data)
    if _intent(read) == "passport_apply_adult" and not text.startswith("/") and renews_own_passport(text):
        # "mon passeport expire en août, je peux-tu juste l'envoyer par la poste ou faut que j'aille
        # en personne?": a renewal (the model's own reading is ruled on in bot/nlu/classifier.py;
        # this one came after a request for a person was read away)
        read = own_entry(_as_topic(read, "passport_renew"), parse_data)
    if PAYS_MORE.search(folded) and not text.startswith("/") and topic_lately in TIME_TOPICS and (
            _intent(read) != "passport_urgent"):
        # "and if i pay extra?" after how long it takes: the urgent and express services
        return own_entry(_as_topic(read, "passport_urgent"), parse_data)
    surcharge = service_surcharge(text) if _intent(read) in {FEES, "passport_fee_calculator"} else None
    if surcharge is None and _intent(read) in {FEES, "passport_fee_calculator"} and topic_lately == "passport_urgent" and (
            adds_without_service(text)):
        surcharge = "passport_fees.urgent"  # "ça coute combien de plus" after "j'ai besoin d'un passeport pour jeudi"
    if surcharge and not text.startswith("/") and ALL_OF_IT.search(folded) and fee_situation(text) is None and (
            fee_situation(text, said) is not None and program_of(topic_lately or "") == PASSPORT):
        # "whats the total if we add express" after "me and my 2 kids need passports, we're in ottawa":
        # the whole fee of the situation told, with the service added
        return {**_as_topic(read, FEES), "read_with": said}
    if surcharge and not text.startswith("/"):
        # "ok pis le service urgent ça rajoute combien?": what the service adds, not the form
        # that works out a whole fee
        return _as_topic(read, FEES, surcharge)
    if topic_lately in {FEES, "passport_fee_calculator"} and program_of(_intent(read)) == PASSPORT and not (
            text.startswith("/")) and FOLLOW_UP.search(text) and URGENT_SERVICE.search(folded) and not (
            SERVICE_TIME.search(folded) or ASKS_WHERE.search(text) or (GET_IT_TOO.search(folded) and not asks_price(text))):
        if fee_situation(text, said) is not None:
            # "et avec le service urgent?" after "combien pour un passeport adulte 5 ans": that
            # passport's fee with the service added ("et on peut l'avoir en express aussi?" asks for
            # the service itself)
            return {**_as_topic(read, FEES), "read_with": said}
    if topic_lately in {FEES, "passport_fee_calculator"} and _confidence(read) < 1.0 and not text.startswith("/") and (
            program_of(_intent(read)) in {PASSPORT, None} and _intent(read) not in KEEP_WHEN_PAYING and INCLUDED.search(folded)
            and len(text.split()) <= MAX_INCLUDED_WORDS and other_service_named(text) is None and not programs_named(text) - {PASSPORT}):
        # "does that include the passport itself or is it on top" after the urgent service's fee:
        # that fee's answer again (what it adds to), read with the question it follows
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, FEES), whole), "read_with": said}
    if topic_lately in {FEES, "passport_fee_calculator"} and _intent(read) == "passport_where_apply" and _confidence(read) < 1.0 and (
            not text.startswith("/") and FOLLOW_UP.search(text) and not asks_where(text)):
        abroad = fee_situation(text, said)
        if abroad is not None and abroad.location == "abroad":
            # "et si je le fais a partir de tokyo?" after "combien coute un passeport 5 ans" (read as
            # where to apply): that passport's fee from abroad
            return {**_as_topic(read, FEES), "read_with": said}
    if _intent(read) == FEES and not read.get("read_with") and not text.startswith("/") and asks_price(text) and (
            program_of(topic_lately or "") == PASSPORT):
        if fee_situation(text) is None and fee_situation(text, said) is not None:
            # "pis si je prends l'express, ça monte à combien" after "je suis au Canada, je renouvelle
            # mon passeport" and "5 ans": the fee of the situation the conversation told
            return {**read, "read_with": said}
    if topic_lately in DAMAGE_TOPICS and _confidence(read) < 1.0 and not text.startswith("/") and (
            _intent(read) in TOLD_NOT_ASKED or program_of(_intent(read)) in (None, PASSPORT)) and (
            told_damaged(text) and (IT.search(folded) or PHOTO_PAGE.search(folded)) and not PHOTOS_TOLD.search(folded)):
        # "it got a bit wet on vacation tho, does that matter?" after renewing online, "theres a
        # small rip on the photo page, can i still renew?" after a passport from 2019: the damaged passport's answer
        return {**_as_topic(read, "passport_renew", DAMAGED_ENTRY), "read_with": said}
    if _intent(read) == "passport_child" and _confidence(read) < 1.0 and not text.startswith("/") and told_damaged(text) and (
            WRITERS_OWN_PASSPORT.search(folded) and not (asks_price(text) or HOW_FAST.search(folded) or PHOTOS_TOLD.search(folded))):
        # "mon passeport est tout dechiré, mon fils a joué avec": the writer's own passport damaged
        # by the child, not a child's passport
        return _as_topic(read, "passport_renew", DAMAGED_ENTRY)
    if (_intent(read) in DAMAGE_TOPICS or (_intent(read) == "nlu_fallback" and (
            # (or the passport named: "passeport tombé dans la piscine a punta cana les pages sont toutes collées")
            _program_of_the_doubt(read) == PASSPORT or PASSPORT in programs_named(text))) or (
            # (or off topic unsurely: "mon chien a mangé le coin de mon passeport (c'est pas une blague)")
            _intent(read) == "out_of_scope" and _confidence(read) < SURE_EVERYDAY and other_service_named(text) is None) or (
            # ("passport is torn on the photo page, can i still travel with it to boston next week")
            _intent(read) == "passport_photo" and (OWN_PASSPORT.search(folded) or PHOTO_PAGE.search(folded))) or (
            # "my child tear some pages of my passport, is it still ok for travel", read as a child's
            _intent(read) == "passport_child" and _confidence(read) < 1.0 and WRITERS_OWN_PASSPORT.search(folded)) or (
            # "went through the washing machine, ok to travel with?" read as lost, nothing lost said
            _intent(read) == "passport_lost_stolen" and not says_lost(text))) and (
            not text.startswith("/") and told_damaged(text) and PASSPORT_NAMED.search(folded)) and not (
            ((read.get("knowledge") or {}).get("id") == DAMAGED_ENTRY and _intent(read) != "nlu_fallback") or asks_price(text)
            or HOW_FAST.search(folded) or (names_a_child(text) and not WRITERS_OWN_PASSPORT.search(folded))):
        # "mon chien a mâché le coin de mon passeport, il est encore bon jusqu'en 2027, je peux le
        # renouveler normal?": the damaged passport's answer, not the valid one's or renewing in
        # general (nor photos, or "did you mean renewing or photos?", when the chewed page is the
        # photo's: "mon chien a mordu mon passeport, la photo est toute abîmée"; the writer's own
        # damaged by a child too: "le bebe a vomi sur mon passeport pis l'encre a coulé sur la photo")
        return _as_topic(read, "passport_renew", DAMAGED_ENTRY)
    if (_intent(read) in DAMAGE_TOPICS or (_intent(read) == "nlu_fallback" and DAMAGE_TOPICS & set(_two_likeliest(read))) or (
            # "je peux encore voyager avec?" after "mon passeport est tout dechiré, mon fils a joué
            # avec", read with the child told before
            _intent(read) == "passport_child" and topic_lately in DAMAGE_TOPICS and _confidence(read) < 1.0) or (
            # "can i still use it to fly" after "the photo page is peeling": the passport, not photos
            _intent(read) == "passport_photo" and topic_lately in DAMAGE_TOPICS and _confidence(read) < 1.0
            and not PHOTOS_TOLD.search(folded))) and (
            not text.startswith("/") and told_damaged(said)) and not (
            DAMAGED.search(folded) or asks_price(text) or HOW_FAST.search(folded) or names_a_child(text)):
        # "can i still travel with it next month" (or unsure: "can i still travel with it next month
        # to cuba"), "donc il faut que j'en refasse un complet? avec
        # répondant et tout?" after a passport damaged in a flood: the damaged passport's answer
        # (replace it before travelling; renew it if issued in the last 15 years, with a declaration)
        return {**_as_topic(read, "passport_renew", DAMAGED_ENTRY), "read_with": said}
    if topic_lately in RENEWAL_TOPICS and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < SURE_EVERYDAY and (
            not text.startswith("/") and RULES_ASKED.search(folded) and len(text.split()) <= MAX_RULES_WORDS
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None and not names_a_child(text)):
        # "ok c'est quoi les conditions pour avoir le droit?" after "est-ce que je peux renouveler
        # mon passeport en ligne", read unsurely: the conditions of what was asked, read with it
        whole = await parse(f"{said} {text}")
        if _intent(whole) in RENEWAL_TOPICS:
            return {**conversations_entry(_as_topic(read, _intent(whole)), whole), "read_with": said}
    if topic_lately == "student_loan_rap" and (program_of(_intent(read)) == LOANS or _intent(read) in TOLD_NOT_ASKED) and (
            not text.startswith("/") and RAP_ENDS.search(folded) and not (
                names_another_program(text) or DONE_AGAIN.search(folded))):
        # "what happens when it runs out, do i owe all the interest back?" after "I got approved for
        # RAP last year": what happens when the plan's period ends, not interest in general
        return {**_as_topic(read, "student_loan_rap", RAP_ENDS_ENTRY), "read_with": said}
    if (_intent(read) == "student_loan_repayment" or _program_of_the_doubt(read) == LOANS or (
            (program_of(_intent(read)) == EI or _intent(read) == "nlu_fallback") and (
                # (or after a loan, no program named: "pis si je me trouve pas de job d'ici la?" after when repaying starts)
                LOANS in programs_named(text) or (program_of(topic_lately or "") == LOANS and not programs_named(text))
                # (EI named as the state one is in: "pour le canadien, je peux tu arreter de payer pendant que je suis au chomage")
                or (program_of(topic_lately or "") == LOANS and programs_named(text) == {EI} and ON_EI_NOW.search(folded)))
            and CANT_PAY.search(folded)) or (
            # "y a tu un moyen de payer moins" after a loan too dear for one's pay, read as a passport's price
            program_of(topic_lately or "") == LOANS and _confidence(read) < 1.0 and PAY_LESS.search(folded)
            and not programs_named(text) - {LOANS} and not names_another_program(text))) and (
            not text.startswith("/")) and not (MISSED.search(folded) and WHAT_HAPPENS.search(folded) and not names_rap(text)) and (
            CANT_PAY.search(folded) or (names_rap(str(read.get("read_with") or "")) and not names_a_subject(text))):
        # "what if i cant pay when it starts", "dont make enough to pay my student loan whats my
        # option", unsure "pogné avec 22 000$ de prêt pis j'gagne pas assez, y'a tu un programme?":
        # the Repayment Assistance Plan is the answer to not being able to pay; "et si
        # j'oublie?" after "le PAR, faut renouveler aux 6 mois?" is about the plan named (not what a
        # payment skipped does: "je peux pas payer mon pret ce mois ci, qu'est-ce qui arrive si je saute un paiement")
        return own_entry(_as_topic(read, "student_loan_rap"), parse_data)
    if (program_of(topic_lately or "") == LOANS or LOANS in programs_named(recent_messages(events) or "")) and (
            # (or read unsurely as the plan: "est-ce que ça peut affecter mon crédit?" after "j'ai pas fait mon paiement ... depuis janvier")
            (_intent(read) in TOLD_NOT_ASKED or (_intent(read) == "student_loan_rap" and _confidence(read) < UNSURE_PLAN_CREDIT
                                                 and not names_rap(text))) and not text.startswith("/") and (
                _confidence(read) < SURE_EVERYDAY or (_confidence(read) < 1.0 and MISSED.search(fold(said))))
            and CREDIT.search(folded) and MISSED.search(fold(f"{said} {text}")) and not programs_named(text) - {LOANS}
            and not names_another_program(text)):
        # "will this wreck my credit" after "i pay my student loan through nslsc" and "missed 2
        # payments bc i lost my job": what missed payments do (the credit, then the CRA)
        return {**_as_topic(read, "student_loan_repayment", MISSED_PAYMENT_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == LOANS and not text.startswith("/") and (
            _intent(read) in {"help"} | TOLD_NOT_ASKED and _confidence(read) < 1.0 and AID_CONDITIONS.search(folded)
            and not names_another_program(text) and not programs_named(text) - {LOANS}):
        # "c'est quoi les conditions pour avoir de l'aide" after "mon pret etudiant est trop cher a
        # rembourser avec mon salaire": who qualifies for the Repayment Assistance Plan
        return {**own_entry(_as_topic(read, "student_loan_rap"), parse_data), "read_with": said}
    if topic_lately == "student_loan_rap" and not text.startswith("/") and not (
            names_another_program(text) or (programs_named(text) - {LOANS})):
        if DONE_AGAIN.search(folded) or (RENEWAL_WORD.search(folded) and not PASSPORT_NAMED.search(folded)):
            # "do i have to do it again later" after "how do I apply for RAP": renewing the plan
            # (read with the question before it, applying again); "when do i renew it" after "my rap
            # application was approved in january", read as a passport's renewal
            return {**_as_topic(read, "student_loan_rap", RAP_RENEW_ENTRY), "read_with": said}
        if INCOME.search(folded) and _intent(read) != "student_loan_rap":
            # "j'ai 2 enfants pis je gagne 38 000$ par année, je paierais combien?" after "le PAR ça
            # marche comment": the plan's payment for that income and family
            return {**own_entry(_as_topic(read, "student_loan_rap"), parse_data), "read_with": said}
    if _intent(read) == "passport_processing_times" and read.get("read_with") and not text.startswith("/") and (
            topic_lately == "passport_urgent" or URGENT_SERVICE.search(fold(str(read["read_with"])))) and not (
            REGULAR_SERVICE.search(folded)):
        # "et ça prend combien de temps avec ça?" after the urgent service's fee: its own time
        return own_entry(_as_topic(read, "passport_urgent"), parse_data)
    if _intent(parse_data) == "passport_processing_times" and _intent(read) in TIME_AFTER and read.get("read_with") and (
            not text.startswith("/") and HOW_LONG.search(folded) and not names_a_subject(text)
            and not VALIDITY_ASKED.search(folded)):  # ("combien de temps il est valide?": how long it lasts)
        # "ça prend combien de temps à peu près?" after "je veux renouveler mon passeport": how long
        # it takes (its answer chosen with the conversation's words), not renewing again
        whole = await parse(f"{read['read_with']} {text}")
        return {**conversations_entry(_as_topic(read, "passport_processing_times"), whole), "read_with": read["read_with"]}
    if _intent(read) == "passport_where_apply" and read.get("read_with") and not text.startswith("/") and (
            topic_lately in TIME_TOPICS and not WHERE_WORD.search(folded) and not DONE_THERE.search(folded)
            and not asks_where_to_send(text)):
        # "and if I'm in Mexico applying at the embassy?", "et à partir des États-Unis c'est
        # pareil?" after how long a passport takes: the time from there, not where to apply (nor "et je
        # l'envoie à quelle adresse?", where to send it)
        return own_entry(_as_topic(read, "passport_processing_times"), parse_data)
    if topic_lately == "passport_processing_times" and _confidence(parse_data) < 1.0 and not text.startswith("/") and (
            _intent(read) != "passport_processing_times" and (len(text.split()) <= MAX_ABROAD_FOLLOW_UP_WORDS or (
                # "and if i apply at the embassy in mexico city instead? im living there now"
                SUPPOSES.search(text) and len(text.split()) <= MAX_SUPPOSED_ABROAD_WORDS))
            and lives_abroad(text) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None
            and not names_another_program(text) and not WHERE_WORD.search(folded) and not DONE_THERE.search(folded)):
        # "what if im in the UK", "ok pis si je suis au japon pour un an" after how long a passport
        # takes: the writer abroad, the time from there ("and where do I go in Mexico?" is where
        # to apply, "any good hotels in lisbon?" no question of ours)
        return {**_as_topic(read, "passport_processing_times", ABROAD_TIME_ENTRY), "read_with": said}
    if topic_lately == "passport_where_apply" and _confidence(parse_data) < 1.0 and not text.startswith("/") and (
            _intent(read) in TOLD_NOT_ASKED | SMALL_TALK and len(text.split()) <= MAX_ABROAD_FOLLOW_UP_WORDS and lives_abroad(text)
            and WRITER.search(folded) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None
            and not names_another_program(text) and not names_a_subject(text)):
        # "im in new delhi" after "where do i apply for a passport if im not in canada": where, from there
        from_abroad = own_entry(_as_topic(read, "passport_where_apply"), parse_data)
        if (from_abroad.get("knowledge") or {}).get("id") not in FROM_ABROAD_WHERE:
            from_abroad = answered_by(from_abroad, ABROAD_WHERE_ENTRY)
        return {**from_abroad, "read_with": said}
    if program_of(_intent(read)) in {PASSPORT, None} and _intent(read) != "passport_renewal_eligibility" and (
            _confidence(read) < DOUBTFUL_TOPIC and not text.startswith("/") and CAN_I_USE_IT.search(folded) and SIMPLIFIED.search(folded)
            and not renewal_situation(text) and (situation := renewal_situation(said)) and situation.get("renewal_age_16_plus") is not False
            and not names_a_child(said)):
        # "donc je peux faire le formulaire simplifié?" after "mon passeport expire dans 2 mois" and
        # "il a été émis quand j'avais 22 ans": whether it can be renewed, which what was told answers
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if _intent(read) == "passport_renew" and _confidence(parse_data) < 1.0 and not text.startswith("/") and (
            (asked := CAN_I_RENEW_IT.search(folded)) is not None and NOTHING_AFTER.match(folded[asked.end():])
            and not renewal_situation(text)
            and renewal_situation(said) and not names_a_child(said)):
        # "je peux-tu juste le renouveler?" after "mon passeport a été émis en 2014 quand j'avais 22
        # ans": whether it can be renewed, which what was told answers (the renewal check)
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if (_intent(read) == "nlu_fallback" or (program_of(_intent(read)) not in (None, PASSPORT) and _confidence(read) < DOUBTFUL_TOPIC)
            or (_intent(read) not in RENEWAL_TOPICS and program_of(_intent(read)) == PASSPORT and _confidence(read) < DOUBTFUL_TOPIC
                and renewal_asked_lately(events))
            # "what about if my passport is from 2009" after "how do i renew" (read as the status's phone line)
            or (_intent(read) not in RENEWAL_TOPICS and program_of(_intent(read)) == PASSPORT and _confidence(read) < SURE_EVERYDAY
                and FOLLOW_UP.search(text) and renewal_asked_lately(events))
            # "il a été émis en 2017 pis il est pas abimé, meme nom" after "est ce que je peux renouveler
            # mon passeport", read as a complaint unsurely
            or (_intent(read) in {"complaint"} | TOLD_NOT_ASKED and _confidence(read) < SURE_EVERYDAY and renewal_asked_lately(events))
            # "mon ancien a été émis en 2012, ça marche quand même?" after renewing online, read as
            # renewing unsurely: whether what it tells allows renewing
            or (_intent(read) == "passport_renew" and _confidence(read) < DOUBTFUL_TOPIC and renewal_asked_lately(events)
                and ASKS_IF_FINE.search(text))
            # (or as its status, nothing applied for told: "mon passeport date de 2009 ça marche?" after
            # "renouvellement passeport en ligne"; or as a first passport's: "j'avais 17 ans quand je l'ai
            # eu, c'est correct?" after a renewal)
            or (program_of(_intent(read)) == PASSPORT and _intent(read) not in RENEWAL_TOPICS and _confidence(read) < SURE_EVERYDAY
                and renewal_asked_lately(events) and ASKS_IF_FINE.search(text) and not APPLIED.search(folded))) and (
            not text.startswith("/") and (renewal_situation(text) or (issued_in_a_year(text) and renewal_asked_lately(events)))
            and not (asks_if_in_time(text) and travel_window(f"{said}. {text}"))) and (
            renewal_asked_lately(events) or set(_two_likeliest(read)) <= ADULT_PASSPORT_TOPICS):
        # "il a été fait quand j'avais 15 ans, ça change tu qqch?" after "mon passeport expire en
        # août, je peux le renouveler?", or "les nôtres ont été faits en 2016, valides 10 ans. On
        # fait quoi?", unsure between a first passport and a renewal, or "oui je l'ai dans mon tiroir,
        # émis en 2017 pour 10 ans" read unsurely as another program's (or, after "je veux renouveler
        # mon passeport", "il a été émis en 2009 est ce que ça marche encore" read unsurely as its
        # status): what it tells answers the renewal check's questions, which tells which (not
        # "j'ai-tu le temps d'en avoir un?" with a trip's date told: the time)
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if not text.startswith("/") and _intent(read) in TOLD_NOT_ASKED | {FEES} and RENEWAL_WORD.search(folded) and GUARANTOR_WORDS.search(folded) and (
            ASKS.search(text) and not programs_named(text) - {PASSPORT} and not NOT_A_RENEWAL.search(LIKE_THE_FIRST_TIME.sub(" ", folded))
            and not renewal_ruled_out(text) and not names_children(text) and not _RENEWS_ANOTHER_THING.search(folded)):
        # (another service told as one's situation stays told: "i'm on long term disability"; another
        # thing renewed is that thing's: "who can sign as my guarantor? i also need to renew my health card")
        # "does the simplified renewal need a guarantor? i'm on long term disability and kinda isolated,
        # dont have anyone to ask" (read off topic for the disability insurance told): a renewal needs none
        return {**_as_topic(read, "passport_renew", RENEW_NO_GUARANTOR_ENTRY), "read_with": said}
    if not text.startswith("/") and program_of(_intent(read)) == PASSPORT and _intent(read) not in {"passport_renew", "passport_apply_adult"} and (
            _confidence(read) < 1.0 and ALTERNATE_FORMAT.search(folded) and FORM_NAMED.search(folded) and not asks_price(text)):
        # "low vision here. is there a large print version of the passport renewal form or some other
        # way" (read as the fee): the renewal's (or a first passport's) ways
        renewal = bool(RENEWAL_WORD.search(folded))
        return {**_as_topic(read, "passport_renew" if renewal else "passport_apply_adult"), "read_with": said}
    if not text.startswith("/") and topic_lately == "student_loan_rap" and _intent(read) in TOLD_NOT_ASKED and (
            ELIGIBILITY_ASKED.search(folded) and INCOME_TOLD.search(folded) and not programs_named(text) - {LOANS}):
        # "i get cpp disability about 1400 a month, would i qualify" after what the RAP is: the plan's
        # income thresholds, the income being the CPP's
        return {**_as_topic(read, "student_loan_rap", RAP_ELIGIBILITY_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_photo" and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and (
            MEDICAL_DEVICE.search(folded) and other_service_named(text) is None and not programs_named(text) - {PASSPORT}):
        # "my dad has a trach tube, does that matter" after the photo's rules: the photo's rules
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "passport_photo"), whole), "read_with": said}
    if not text.startswith("/") and topic_lately in {"passport_renew", "passport_apply_adult"} and _confidence(read) < 1.0 and (
            program_of(_intent(read)) == PASSPORT and _intent(read) != topic_lately and WHO_FILLS_THE_FORM.search(folded)
            and not names_a_child(f"{said} {text}") and not programs_named(text) - {PASSPORT}):
        # "qui peut remplir le formulaire pour moi?" after "je suis aveugle et je veux renouveler mon
        # passeport", "can i fill in the form for her and she just signs" after a blind wife's first
        # passport: that application (anyone may help fill it in; the applicant signs)
        return {**_as_topic(read, str(topic_lately)), "read_with": said}
    if not text.startswith("/") and _intent(read) == "nlu_fallback" and online_renewal_asked(text) and not programs_named(text) - {PASSPORT}:
        # "can i renew my passport online yet or is that still not a thing? if not which form": the
        # online renewal's conditions
        return {**_as_topic(read, "passport_renew", ONLINE_RENEWAL_ENTRY), "read_with": said}
    if not text.startswith("/") and RENEWAL_WORD.search(folded) and EMERGENCY_PASSPORT.search(folded) and CAN_I.search(folded) and (
            program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_renewal_eligibility"
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "last year the embassy in lima gave me an emergency passport after mine was stolen. can i renew
        # from that one when i get home to calgary?": a temporary or emergency passport is never renewed
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_child" and _intent(read) != "passport_child" and _confidence(read) < 1.0 and (
            NOT_IN_THE_PICTURE.search(folded) and not programs_named(text) - {PASSPORT}):
        # "hes not in the picture at all, never has been. no court papers nothing" after "can i get a
        # passport for my son without his father" (read as the photo): one parent applying
        return {**_as_topic(read, "passport_child", CHILD_ONE_PARENT_ENTRY), "read_with": said}
    if not text.startswith("/") and topic_lately in {"ccb_apply", "ccb_payment_dates"} and _intent(read) == "sin_apply" and (
            SIN_NOT_YET.search(folded) and SIN_MATTERS.search(folded) and not programs_named(text) - {SIN, CCB}):
        # "we have the birth certificate but not her sin yet, does that matter for it" after applying for
        # a newborn's CCB: the CCB's application, which a baby's SIN does not hold up
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "ccb_apply"), whole), "read_with": said}
    if (program_of(_intent(read)) == LOANS or LOANS in programs_named(text)) and (read.get("knowledge") or {}).get("id") != PAY_EARLY_ENTRY and (
            _confidence(read) < 1.0 and not text.startswith("/") and PAYS_OFF_EARLY.search(folded)
            and not programs_named(text) - {LOANS} and other_service_named(text) is None):
        # "can i pay it all off early without a penalty, my parents want to help" after when payments
        # start (read as the RAP's zero payment): paying the loan off early
        return {**_as_topic(read, "student_loan_repayment", PAY_EARLY_ENTRY), "read_with": said}
    if topic_lately == "sin_apply" and program_of(_intent(read)) == PASSPORT and _confidence(read) < 1.0 and (
            not text.startswith("/") and (PAPERS_ASKED.search(folded) or IN_PERSON_SAID.search(folded)) and not PASSPORT_NAMED.search(folded)
            and not programs_named(text) - {SIN} and other_service_named(text) is None):
        # "elle est née en Haïti et elle est citoyenne canadienne depuis l'an passé, faut quels papiers
        # alors?" after a SIN for a 14-year-old (read as a dual citizen's passport): the SIN's documents;
        # "Et est-ce qu'elle doit être là en personne ou je peux y aller seul avec ses papiers?" after a
        # SIN for a mother from Lebanon (read as a passport's ways): the SIN's, in person
        if PAPERS_ASKED.search(folded):
            return {**_as_topic(read, "sin_apply", SIN_DOCUMENTS_ENTRY), "read_with": said}
        return {**_as_topic(read, "sin_apply", "sin_apply.in_person"), "read_with": said}
    if program_of(_intent(read)) in {SIN, None} and _intent(read) != "sin_protect" and _confidence(read) < 1.0 and (
            not text.startswith("/") and GAVE_IT.search(folded) and SIN in programs_named(f"{said} {text}")
            and SCAM_SAID.search(fold(f"{said} {text}")) and not programs_named(text) - {SIN, CCB}):
        # "il voulait le NAS de mes enfants pour verifier l'allocation. je lui en ai donne un. je fais quoi
        # maintenant?" after a call from a so-called Service Canada agent: a SIN given to a scammer
        return {**_as_topic(read, "sin_protect", STOLEN_OR_FRAUD_ENTRY), "read_with": said}
    if not text.startswith("/") and _answering(str(topic_lately)) and _intent(read) in KEEP | TOLD_NOT_ASKED and (
            CORRECTS_THE_LAST.search(folded) and len(text.split()) <= MAX_CORRECTION_WORDS
            and not programs_named(text) - {str(program_of(str(topic_lately)))} and other_service_named(text) is None):
        # "sorry i meant june not may" after "when is ccb paid in may" (read as a no): the conversation's
        # question again, with the correction
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, str(topic_lately)), whole), "read_with": said}
    if not text.startswith("/") and _answering(str(topic_lately)) and _intent(read) in KEEP | TOLD_NOT_ASKED and (
            _confidence(read) < 1.0 and YES_OR_NO_ASKED.search(folded) and len(text.split()) <= MAX_YES_OR_NO_WORDS):
        # "ok so yes or no" after "can i renew my passport online": the conversation's question, answered
        whole = await parse(said)
        return {**conversations_entry(_as_topic(read, str(topic_lately)), whole), "read_with": said}
    if not text.startswith("/") and program_of(topic_lately or "") == LOANS and _intent(read) in TOLD_NOT_ASKED and (
            _confidence(read) < SURE_EVERYDAY and (asks_how_to_pay(text) or MONTHLY_AMOUNT.search(folded))
            and other_service_named(text) is None and not programs_named(text) - {LOANS}):
        # "forget the account, can i just pay by phone or at my bank" after a locked NSLSC account, "so
        # november? and how much a month roughly" after when repayment starts: repaying the loan
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "student_loan_repayment"), whole), "read_with": said}
    if not text.startswith("/") and topic_lately == "sin_apply" and _intent(read) in TOLD_NOT_ASKED and (
            PR_PAPERS.search(folded) and ONLY_HAVE.search(folded) and not programs_named(text) - {SIN}):
        # "my pr card didnt come yet, i only have the confirmation of pr paper" after a newcomer's SIN:
        # the documents a newcomer applies with
        return {**_as_topic(read, "sin_apply", SIN_NEWCOMERS_ENTRY), "read_with": said}
    if not text.startswith("/") and _intent(read) == "passport_child" and _confidence(read) < 1.0 and (
            HOW_LONG_ASKED.search(folded) and TIME_TO_GET.search(folded) and not VALIDITY_ASKED.search(folded) and not VALID_WORD.search(folded)
            and not asks_price(text) and not programs_named(text) - {PASSPORT}):
        # "salut, ma demande est pour mon gars pas moi, c'est le même délai pour un enfant?": the time
        return {**_as_topic(read, "passport_processing_times"), "read_with": said}
    if not text.startswith("/") and program_of(_intent(read)) == PASSPORT and _intent(read) not in STATUS_TOPICS and _confidence(read) < 1.0 and (
            WAITED_FOR.search(folded) and PASSPORT_NAMED.search(folded) and not programs_named(text) - {PASSPORT}):
        # "ça fait 6 semaines que j'attends le passeport de mon fils, c'est normal ou je dois m'inquiéter?":
        # an application waited on, its delay
        return {**_as_topic(read, "passport_status", DELAYED_ENTRY), "read_with": said}
    if not text.startswith("/") and _confidence(read) < 1.0 and RENEWAL_WORD.search(folded) and (
            _intent(read) == "passport_photo" or (program_of(_intent(read)) in {EI, CCB} and _confidence(read) < UNSURE_OTHER_PROGRAM)) and (
            MAIL_OR_PAPER.search(folded) and CAN_I.search(folded) and not asks_price(text) and not programs_named(text) - {PASSPORT}
            and not names_rap(text)):
        # (or read unsurely as EI's: "i started the online renewal thing last week and gave up halfway bc the
        # upload kept failing. can i just do the paper form now or is my file stuck in the system")
        # "tried the online renewal 3 times and it kicks me out at the photo upload every single time. can
        # i just mail the paper renewal instead or is that gone now": renewing by mail, not the photo
        return {**_as_topic(read, "passport_renew"), "read_with": said}
    if not text.startswith("/") and topic_lately == "passport_photo" and _intent(read) != "passport_photo" and _confidence(read) < 1.0 and (
            ANOTHER_DOCUMENTS_PHOTO.search(folded) and not programs_named(text) - {PASSPORT}):
        # "can i just use the one from my drivers licence lol" after a photo refused: the passport photo's
        # rules (taken for it, within 6 months), not the ID to show
        return {**_as_topic(read, "passport_photo"), "read_with": said}
    if not text.startswith("/") and _intent(read) in RENEWAL_TOPICS and TOTAL_ASKED.search(folded) and asks_price(text) and (
            fee_situation(text) is not None and not names_another_program(text) and not PRICE_OF_ANOTHER_THING.search(folded)):
        # "renewing mine and my husbands, both 10 year, we're in London (UK). how much altogether?": the
        # total of those renewals, not renewing from abroad
        return {**_as_topic(read, FEES), "read_with": said}
    if not text.startswith("/") and topic_lately in EI_TOPICS and program_of(_intent(read)) in {LOANS, CCB} and _confidence(read) < 1.0 and (
            not programs_named(text) and other_service_named(text) is None and len(text.split()) <= MAX_FOLLOW_UP_WORDS_HERE
            and not EI_AMOUNT.search(folded) and not PAYMENT_TO_MAKE.search(folded) and not read.get("read_with")):
        # (how much EI pays has its own rule below; a payment to make is a loan's, not EI's; a reading
        # made with the earlier words, which named the other program, stays it)
        # "ça va-tu couper mes paiements??" after "j'ai oublié de faire mes déclarations d'AE aux 2
        # semaines" (read as a student loan's missed payments): EI's payments, the conversation's
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, str(topic_lately)), whole), "read_with": said}
    if not text.startswith("/") and _confidence(read) < 1.0 and (
            program_of(_intent(read)) == LOANS or (_intent(read) in TOLD_NOT_ASKED and programs_named(text) == {LOANS})) and (
            START_PAYING.search(folded) and WHEN_WORD.search(folded) and not programs_named(text) - {LOANS}):
        # "pis je dois commencer à payer mon prêt quand? j'ai pas encore de job" after a graduation
        # (read as the RAP for the job not had yet): when repayment starts
        return {**_as_topic(read, "student_loan_repayment", LOAN_START_ENTRY), "read_with": said}
    if not text.startswith("/") and _confidence(read) < 1.0 and _intent(read) != "student_loan_rap" and (
            programs_named(text) == {LOANS} and NO_INCOME.search(folded) and MUST_STILL_PAY.search(folded)):
        # "chu une jeune maman à la maison, zéro revenu, je dois quand même payer mon prêt étudiant
        # fédéral?": payments based on income, sometimes $0 (the Repayment Assistance Plan)
        return {**_as_topic(read, "student_loan_rap"), "read_with": said}
    if not text.startswith("/") and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and PASSPORT_NAMED.search(folded) and (
            trip_within_two_weeks(text) and (asks_if_in_time(text) or wants_it_sooner(text)) and not asks_price(text)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None and not names_another_service(text)):
        # "mon vol pour punta cana est le 18 décembre pis on est le 5, je fais comment pour avoir mon
        # passeport à temps" (read off topic for the destination): the faster services
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if not text.startswith("/") and topic_lately == "sin_apply" and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and (
            TEMPORARY_STAY.search(folded) and SAME_FOR_ME.search(folded) and not programs_named(text) - {SIN}
            and other_service_named(text) is None):
        # "im from france on a working holiday permit, is it the same for me" after "how do i get a SIN":
        # a SIN for a temporary resident (it starts with 9 and ends with the permit)
        return {**_as_topic(read, "sin_apply", TEMPORARY_SIN_ENTRY), "read_with": said}
    if not text.startswith("/") and _intent(read) == "ccb_apply" and NO_LONGER_RECEIVED.search(folded) and TAXES_TOLD.search(folded) and (
            not programs_named(text) - {CCB} and other_service_named(text) is None):
        # "ça fait 2 mois que je reçois pu l'allocation canadienne pour enfants, mais j'ai pas fait mes
        # impôts 2025": payments that stopped, and why (a missing return among the causes)
        return {**_as_topic(read, "ccb_payment_dates", PAYMENT_STOPPED_ENTRY), "read_with": said}
    if program_of(_intent(read)) == PASSPORT and (read.get("knowledge") or {}).get("id") != OLD_PASSPORT_ENTRY and _confidence(read) < 1.0 and (
            not text.startswith("/") and SENDS_THE_OLD_ONE.search(folded) and RENEWAL_WORD.search(fold(f"{said} {text}"))
            and not renewal_ruled_out(f"{said} {text}") and not programs_named(text) - {PASSPORT} and not says_lost(text)):
        # "je renouvelle par la poste, je dois envoyer mon vieux passeport avec?? j'ai full peur qu'il se
        # perde lol": the current passport sent with the renewal, not the ways to apply
        return {**_as_topic(read, "passport_renew", OLD_PASSPORT_ENTRY), "read_with": said}
    if topic_lately in RENEWAL_TOPICS and program_of(_intent(read)) == PASSPORT and _intent(read) not in RENEWAL_TOPICS and (
            _confidence(read) < 1.0 and not text.startswith("/") and NOT_ELIGIBLE.search(folded)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "ok j'ai essayé pis ça m'a dit que je suis pas admissible. POURQUOI??" after "est-ce que je peux
        # renouveler mon passeport en ligne": the online renewal's conditions (or the renewal's, by mail)
        online = bool(BY_INTERNET.search(fold(f"{said} {text}")))
        return {**_as_topic(read, "passport_renew" if online else "passport_renewal_eligibility",
                            ONLINE_RENEWAL_ENTRY if online else None), "read_with": said}
    if topic_lately == "passport_urgent" and _intent(read) == "passport_processing_times" and _confidence(read) < 1.0 and (
            not text.startswith("/") and HOW_LONG_ASKED.search(folded) and len(text.split()) <= MAX_SERVICE_TIME_WORDS
            and not names_regular_service(text) and not programs_named(text) - {PASSPORT}):
        # "how long does it actually take" after "whats express passport service": that service's time
        return {**_as_topic(read, "passport_urgent", URGENT_OR_EXPRESS_ENTRY), "read_with": said}
    if program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_renewal_eligibility" and _confidence(read) < 1.0 and (
            not text.startswith("/") and RENEWAL_WORD.search(folded) and TOO_OLD.search(folded) and not asks_price(text)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "je peux-tu le renouveler ou c'est trop vieux?" after "mon passeport est expiré depuis 2019":
        # whether it can still be renewed (the check), not what to do with the old passport
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if (_intent(read) in TOLD_NOT_ASKED or (program_of(_intent(read)) == PASSPORT and _confidence(read) < DOUBTFUL_TOPIC)) and (
            not text.startswith("/") and renewal_asked_lately(events) and STILL_RENEWABLE.search(folded)
            and renewal_situation(said) and len(text.split()) <= MAX_STILL_RENEWABLE_WORDS
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "je peux encore ou c'est trop vieux?" after "je veux renouveler mon passeport" and "il a été
        # délivré en 2009 quand j'avais 30 ans": whether what was told allows renewing (the check)
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if (_intent(read) in TOLD_NOT_ASKED or (program_of(_intent(read)) == PASSPORT and _confidence(read) < DOUBTFUL_TOPIC
                                            and not asks_price(text))) and _confidence(parse_data) < 1.0 and not text.startswith("/") and (
            previous_bot_action(events) != TRAVEL_QUESTION and travel_window(text) == "soon" and (
                topic_lately in TIME_ASKED or (topic_lately in PASSPORT_NEEDED and mentions_a_trip(text)))):
        # "yes next friday, flying to Bogota", "oui la semaine prochaine, mardi" after "I need my
        # passport fast, is there a rush option?": a trip sooner than the usual times, the urgent
        # service (so is "j'ai un vol pour Paris le 14, on est le 2, c'est correct?" after the
        # express service's time, read unsurely as the fee, and "im flying to kingston jamaica in
        # 6 days" after "my passport expires next month": a passport needed sooner than a renewal takes)
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if topic_lately in FEE_TOPICS and program_of(_intent(read)) == PASSPORT and _intent(read) not in FEE_TOPICS and (
            _confidence(read) < 1.0 and not text.startswith("/") and TOTAL_ASKED.search(folded) and asks_price(text)
            and not names_another_program(text) and not PRICE_OF_ANOTHER_THING.search(folded)):
        # "and if i want it fast, how much all together" after "how much is an adult passport 5 yr" (read
        # as how long it takes): that passport's total with the faster services
        return {**_as_topic(read, FEES), "read_with": said}
    if ((_intent(read) in TOLD_NOT_ASKED and _confidence(parse_data) < 1.0) or (
            _intent(read) == FEES and not read.get("read_with") and ALL_OF_IT.search(folded))) and not text.startswith("/") and (
            asks_price(text) and not RECEIVES.search(text) and not names_another_program(text)
            and not PRICE_OF_ANOTHER_THING.search(folded)):
        if priced_passports(f"{said} {text}", parse_data, text):
            # "how much all together if we take 10 years for us" after "we're a family of 4 ... in
            # Toronto": the fee of that situation, with what the conversation told of it
            return {**_as_topic(read, FEES), "read_with": said}
    if _intent(read) == "out_of_scope" and _confidence(read) < 1.0 and not text.startswith("/") and (
            CARD.search(folded) or ANOTHER_ONE.search(folded)) and (
            SIN_CARD.search(fold(f"{said} {text}")) or (BARE_CARD.search(folded) and program_of(topic_lately or "") == SIN)) and (
            not OTHER_CARD.search(folded) and other_service_named(text) is None):
        # "can I get a new card?" after "I lost my SIN card, the old plastic blue one": plastic SIN
        # cards are not replaced anymore (the lost card's answer), not another service's card; so
        # is "la carte je veux dire, je peux en ravoir une autre?" after "jai perdu mon nas"
        return {**_as_topic(read, "sin_protect", SIN_CARD_ENTRY), "read_with": said}
    if _intent(read) == "sin_apply" and not text.startswith("/") and (
            SIN_SHARED.search(folded) or SIN_SHARED.search(fold(said)) or (GAVE_IT.search(folded) and _sin_spoken_of(events))):
        # "c grave? on fait quoi" after "ma fille a envoyé une photo de sa confirmation de NAS à un
        # gars sur Insta": a SIN given away is protecting it, not getting one (so is "elle lui a
        # donné" after a caller asked a mother for hers)
        return own_entry(_as_topic(read, "sin_protect"), parse_data)
    if program_of(_intent(read)) == PASSPORT and _intent(read) != "passport_photo" and not text.startswith("/") and (
            STILL_GOOD.search(folded) and PHOTOS_TOLD.search(fold(said))
            and not told_damaged(said)
            and not PHOTOS_TOLD.search(folded) and not EXPIRY_WORDS.search(folded)):
        # "sont-tu encore bonnes si je l'envoie en juillet?" after "mes photos de passeport datent de
        # décembre": how old the photos may be, not how long processing takes
        return {**_as_topic(read, "passport_photo", PHOTO_AGE_ENTRY), "read_with": said}
    if program_of(_intent(read)) == LOANS and not text.startswith("/") and READY.search(folded) and not (
            LOAN_WORDS.search(fold(f"{said} {text}"))) and program_of(topic_lately or "") == PASSPORT:
        # "comment je sais si c'est prêt" after a passport applied for at the Gatineau office: ready,
        # not a loan; whether it is ready is the application's status
        return {**_as_topic(read, "passport_status"), "read_with": said}
    if ((topic_lately == "sin_protect" and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0) or (
            # (or, after getting one, read with the application and whether it is normal asked: "pis son
            # club de hockey le demande, c tu normal?" after a son's SIN)
            topic_lately == "sin_apply" and _intent(read) == "sin_apply" and read.get("read_with") and IS_IT_ALLOWED.search(folded)
            and _confidence(parse_data) < 1.0 and other_service_named(text) is None)) and not (
            text.startswith("/")) and FOLLOW_UP.search(text) and WANTS_IT.search(folded) and not names_another_program(text):
        # "what about my gym? they want it on the membership form" after "can my employer ask for
        # my SIN?": who may ask for it
        return {**_as_topic(read, "sin_protect", WHO_CAN_ASK_ENTRY), "read_with": said}
    if topic_lately == "passport_lost_stolen" and _intent(read) == "passport_processing_times" and read.get("read_with") and (
            not text.startswith("/")) and not HOW_FAST.search(folded):
        # "et si je suis rendu à l'étranger quand je m'en rends compte?" after a passport lost in
        # the metro: losing it abroad, not how long a passport takes from there
        return own_entry(_as_topic(read, "passport_lost_stolen"), parse_data)
    if _intent(read) == "passport_lost_stolen" and _confidence(parse_data) < 1.0 and not text.startswith("/") and (
            topic_lately in PROOF_TOPICS and CITIZENSHIP_PROOF.search(folded) and says_lost(text)
            and not says_own_passport_lost(text) and not GETS_A_CERTIFICATE.search(folded) and other_service_named(text) is None):
        # "and if his birth certificate got lost in a house fire years ago?" after a first passport's
        # documents: the proof of citizenship lost (originals only), not a lost passport
        topic = str(topic_lately)
        return {**_as_topic(read, topic, PROOF_ENTRY[topic]), "read_with": said}
    if _intent(read) == "out_of_scope" and _confidence(read) < 1.0 and not text.startswith("/") and (
            topic_lately in PROOF_TOPICS and CITIZENSHIP_PROOF.search(folded) and not GETS_A_CERTIFICATE.search(folded)
            and other_service_named(text) is None):
        # "my birth certificate is from Ontario but its the small wallet size one" (or "... the small
        # wallet card kind, is that ok?") after the documents of a first adult passport: the
        # application's proof, not off topic; getting a birth certificate is the province's
        return {**_as_topic(read, str(topic_lately)), "read_with": said}
    if topic_lately == "passport_lost_stolen" and not text.startswith("/") and (
            # (or read unsurely: "i just found it in my suitcase!! can i use it for my trip friday?")
            # (or as a "stop": "nvm found it in my jacket lol. can i still use it or is it cancelled now")
            _intent(read) == "passport_lost_stolen" or (_intent(read) in TOLD_NOT_ASKED | {"passport_urgent", "stop", "deny"} and _confidence(read) < 1.0)) and (
            (read.get("knowledge") or {}).get("id") != FOUND_ENTRY and FINDS_IT.search(folded)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "ok but if i find it can i still use it to go to cuba next month" after "lost my passport
        # on the subway": a passport found after it was reported is cancelled (not the loss abroad
        # that the place named pulls the reading to)
        return {**_as_topic(read, "passport_lost_stolen", FOUND_ENTRY), "read_with": said}
    if topic_lately == "passport_lost_stolen" and (_intent(read) in {"passport_renew", "passport_apply_adult"} or (
            # (or as the urgent service, the trip months away: "ok now how do i get a new one, trip is in may")
            _intent(read) == "passport_urgent" and _confidence(read) < 1.0 and not trip_within_two_weeks(text))) and not (
            text.startswith("/")) and ANOTHER_ONE.search(folded) and not (
            RENEWAL_WORD.search(folded) or FOUND_AGAIN.search(fold(f"{said} {text}"))):
        # "now how do i get a new one" after "how do I report my lost passport" and "ok i reported
        # it online": replacing a lost passport, not renewing one
        return {**_as_topic(read, "passport_lost_stolen"), "read_with": said}
    if topic_lately == "passport_lost_stolen" and _intent(read) in RENEWAL_TOPICS and not text.startswith("/") and (
            RENEWAL_WORD.search(folded) and not FOUND_AGAIN.search(fold(f"{said} {text}"))):
        # "je peux tu juste le renouveler en ligne?" after "mon passeport a été volé dans mon char":
        # whether a lost or stolen passport can be renewed, and how (the loss reported first)
        return {**_as_topic(read, "passport_lost_stolen", RENEW_LOST_ENTRY), "read_with": said}
    if program_of(_intent(read)) in {PASSPORT, None} and _intent(read) != "passport_urgent" and _confidence(read) < 1.0 and (
            not text.startswith("/") and (says_no_passport_yet(text) or says_passport_expired(text))
            and trip_within_two_weeks(f"{said}. {text}") and not names_a_child(text) and other_service_named(text) is None):
        # "i dont even have a passport yet what do i do" (or "just realized my passport expired last
        # month what do i do") after "my flight to delhi is on tuesday": a passport sooner than the
        # usual times, the urgent service
        return {**_as_topic(read, "passport_urgent"), "read_with": said}
    if topic_lately == "passport_urgent" and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and (
            not text.startswith("/") and ASKS_WHERE.search(folded) and GET_IT_FAST.search(folded)
            and len(text.split()) <= MAX_GET_IT_FAST_WORDS and other_service_named(text) is None and not programs_named(text) - {PASSPORT}):
        # "where do i go to get it fast in ottawa" after "flying to paris friday and my passport is
        # expired" (read off topic, a town named): where the urgent service is given
        return {**_as_topic(read, "passport_urgent", URGENT_WHERE_ENTRY), "read_with": said}
    if topic_lately == "passport_urgent" and (read.get("knowledge") or {}).get("id") in WHERE_IN_CANADA and (
            not text.startswith("/")):
        # "can i do it by mail?" after "my flight is next tuesday and i have no passport": the urgent
        # and express services are given only in person at a passport office, never by mail
        return {**_as_topic(read, "passport_urgent", URGENT_WHERE_ENTRY), "read_with": said}
    if topic_lately == "sin_apply" and _intent(read) in TOLD_NOT_ASKED and not text.startswith("/") and (
            SPOUSE.search(folded) and SPOUSE_APPLIES_TOO.search(folded) and not ANOTHER_THING_APPLIED_FOR.search(folded)
            and not programs_named(text) - {SIN}):
        # "can my wife apply at the same time for hers", "can my wife do it at the same time, she has
        # her own pr card" after how a new permanent resident gets a SIN: who may get one (each
        # person applies for their own)
        return {**_as_topic(read, "sin_apply", SIN_NEWCOMERS_ENTRY), "read_with": said}
    if topic_lately == "sin_apply" and _intent(read) == "out_of_scope" and not text.startswith("/") and (
            FOLLOW_UP.search(text) and SOMEONE_ELSE.search(folded) and HAS_STATUS.search(folded) and IMMIGRATION_STATUS.search(folded)
            and not GETS_OR_EXTENDS.search(folded) and not programs_named(text) - {SIN}):
        # "et pour ma femme qui est ici avec un visa de visiteur?" after "comment je fais pour avoir un
        # NAS" (the visa named, read surely as the visa's service): whether she may get a SIN
        return {**_as_topic(read, "sin_apply", SIN_NEWCOMERS_ENTRY), "read_with": said}
    if _confidence(read) < 1.0 and not text.startswith("/") and IMMIGRATION_STATUS.search(folded) and not (
            GETS_OR_EXTENDS.search(folded)) and (
            other_service_named(text) is None and not (programs_named(text) - {program_of(topic_lately or "") or "", PASSPORT})):
        if program_of(topic_lately or "") == CCB and _intent(read) in TOLD_NOT_ASKED:
            # "what if im not a citizen, just PR" after applying for the CCB for a newborn: who can get it
            return {**_as_topic(read, "ccb_apply", CCB_WHO_ENTRY), "read_with": said}
        if topic_lately == "sin_apply" and (_intent(read) in TOLD_NOT_ASKED or program_of(_intent(read)) == PASSPORT) and (
                WILL_IT_DO.search(folded) or BRING.search(folded) or PAPERS_ASKED.search(folded)):
            # "i only have my nigerian passport and my study permit, is that enough" (or "il faut
            # apporter quels papiers? j'ai mon passeport tunisien et le permis d'études") after the SIN's
            # documents (read as a passport's, unsurely): which documents prove identity and status
            return {**_as_topic(read, "sin_apply", SIN_DOCUMENTS_ENTRY), "read_with": said}
        if topic_lately == "sin_apply" and _intent(read) in TOLD_NOT_ASKED and BRING_IT.search(folded):
            # "do i need to bring my study permit too" after how to get a SIN: its documents
            return {**_as_topic(read, "sin_apply", SIN_DOCUMENTS_ENTRY), "read_with": said}
        if topic_lately == "sin_apply" and (_intent(read) in TOLD_NOT_ASKED or (
                program_of(_intent(read)) == PASSPORT and not PASSPORT_NAMED.search(folded))) and (
                not ASKS.search(text) or CHANGES.search(folded) or (
                    FOLLOW_UP.search(text) and SOMEONE_ELSE.search(folded) and HAS_STATUS.search(folded))):
            # "je suis étudiant étranger à Montréal" told after "comment avoir un NAS": a newcomer's
            # SIN; so is "what about my wife, she is here on visitor visa" (who may get one), and
            # "im here on a study permit, does that change anything" (read as a renewal's, unsurely)
            return {**_as_topic(read, "sin_apply", SIN_NEWCOMERS_ENTRY), "read_with": said}
    if topic_lately == "passport_child" and _confidence(read) < 1.0 and not text.startswith("/"):
        # the parents, asked about after a child's passport (read unsurely, as told or as another passport topic)
        read_as_passport = _intent(read) in TOLD_NOT_ASKED or program_of(_intent(read)) == PASSPORT
        if (read_as_passport or _intent(read) == "complaint") and OTHER_PARENT.search(folded) and (
                OUT_OF_REACH.search(folded) and not asks_for_person(text) and other_service_named(text) is None
                and not programs_named(text) - {PASSPORT}):
            # "his dad is in alberta and wont answer my texts, can i do it without him": applying
            # with one parent's signature (and what the other's absence needs)
            return {**_as_topic(read, "passport_child", ONE_PARENT_ENTRY), "read_with": said}
        if read_as_passport and BOTH_SIGN.search(folded) and not PHOTOS_TOLD.search(folded) and other_service_named(text) is None:
            # "do we both need to sign" (read alone as the photos' signature): both parents' consent
            # (the photos named are the guarantor's signature)
            return {**_as_topic(read, "passport_child", CONSENT_ENTRY), "read_with": said}
        if read_as_passport and CUSTODY_ORDER.search(folded) and other_service_named(text) is None and not programs_named(text) - {PASSPORT}:
            # "we have a court order that gives me sole custody, is that enough" after an ex who won't
            # sign: applying with a custody order (its documents)
            return {**_as_topic(read, "passport_child", CHILD_CUSTODY_ENTRY), "read_with": said}
        if _intent(read) == "passport_apply_adult" and CHILD_PAPERS.search(folded) and not applicant_is_adult(text) and (
                other_service_named(text) is None and not programs_named(text) - {PASSPORT}):
            # "le certificat de naissance est obligatoire ou le papier de l'hopital suffit" after a
            # newborn's passport (read as a first adult passport's proof of citizenship): the child's
            return {**own_entry(_as_topic(read, "passport_child"), parse_data), "read_with": said}
        if read_as_passport and PARENT_DIED.search(folded):
            # "his dad passed away last year, what do i send then" after both parents' signatures:
            # one parent applying, with the other's death certificate
            return {**_as_topic(read, "passport_child", ONE_PARENT_ENTRY), "read_with": said}
    if topic_lately == "sin_protect" and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and not (
            text.startswith("/")) and POLICE.search(folded) and other_service_named(text) is None:
        # "dois-je aller à la police" after a SIN used to open a credit card: what to do when it is misused
        return {**own_entry(_as_topic(read, "sin_protect"), parse_data), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and (
            not text.startswith("/") and PHOTOS_TOLD.search(fold(said))
            and TAKES_IT_HOW.search(folded) and other_service_named(text) is None):
        # "je la prends comment, avec mon cell dans mon salon?" after a digital photo for the online
        # renewal: taking the passport photo oneself
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "passport_photo"), whole), "read_with": said}
    if _intent(read) == "passport_child" and _confidence(read) < 1.0 and not text.startswith("/") and (
            JUST_BORN.search(fold(said))) and not (
            PASSPORT_NAMED.search(fold(f"{said} {text}"))
            or mentions_a_trip(f"{said} {text}")
            or names_a_place_abroad(f"{said} {text}")):
        # "on fait une demande pour chaque bébé ou une seule?" after twins just born: nothing says a
        # passport, and a newborn's benefit is as likely: which of the two, asked
        return asking_which(read, [{"name": "ccb_apply", "confidence": 0.0}, {"name": "passport_child", "confidence": 0.0}])
    if _intent(read) == "student_loan_repayment" and not text.startswith("/") and asks_what_nslsc_is(text):
        # "CNSPE c quoi, j'ai reçu une lettre d'eux": the service centre's answer (bot/nlu/classifier.py
        # decided the topic; the letter's French words alone pull to Quebec's loans)
        return answered_by(read, NSLSC_ACCOUNT_ENTRY)
    if program_of(topic_lately or "") == CCB and not text.startswith("/") and programs_named(text) == {SIN} and (
            _confidence(read) < 1.0 and NEEDED_FIRST.search(folded) and (NEWCOMER.search(fold(said)) or moved_from_abroad(said))
            and not names_another_program(text) and other_service_named(text) is None):
        # "faut tu avoir le NAS avant?" after "nouvel arrivant de Colombie, comment avoir l'ACE": the
        # SIN the CCB application asks for (a newcomer's application), not getting a SIN
        return {**_as_topic(read, "ccb_apply", CCB_NEWCOMERS_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == CCB and program_of(_intent(read)) not in {CCB, None} and (
            _confidence(read) < UNSURE_OTHER_PAPERS and not text.startswith("/") and PAPERS.search(folded)
            and not programs_named(text) and not names_another_program(text) and other_service_named(text) is None):
        # "what papers do they need from us" after "can newcomers get ccb" and "we came from syria in
        # january", read unsurely as the SIN's documents: the CCB application's (a newcomer's)
        newcomer = NEWCOMER.search(fold(said)) or moved_from_abroad(said)
        return {**_as_topic(read, "ccb_apply", CCB_NEWCOMERS_ENTRY if newcomer else None), "read_with": said}
    if program_of(topic_lately or "") == CCB and not text.startswith("/") and _intent(read) in TOLD_NOT_ASKED and (
            not programs_named(text) - {CCB}) and not (asks_price(text) or AMOUNT_OR_DATE.search(folded)) and (
            (NEWCOMER.search(folded) and other_service_named(text) is None and not names_another_program(text))
            or (NEWCOMER.search(fold(said)) and ARRIVED.search(folded) and names_a_need_of(text, "ccb_apply"))):
        # "on est nouveaux arrivants, arrivés à québec en février" after "je veux demander l'allocation
        # canadienne pour enfants", "i dont have tax return yet, only arrive in october" after "is there
        # ccb for newcomers": told, not asked, and what a newcomer's application needs answers it
        return {**_as_topic(read, "ccb_apply", CCB_NEWCOMERS_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == CCB and _intent(read) in TOLD_NOT_ASKED and not text.startswith("/") and (
            moved_from_abroad(text) and SIGNS_UP.search(folded) and len(text.split()) <= MAX_NEWCOMER_SIGNS_UP_WORDS
            and not programs_named(text) - {CCB} and other_service_named(text) is None and not names_another_program(text)):
        # "on vient d'arriver d'haïti, comment on s'inscrit?" after when the CCB is paid (read surely
        # off topic for the arrival): a newcomer's CCB application
        return {**_as_topic(read, "ccb_apply", CCB_NEWCOMERS_ENTRY), "read_with": said}
    if (program_of(_intent(read)) == CCB or _program_of_the_doubt(read) == CCB or (
            _intent(read) == "nlu_fallback" and CCB in programs_named(text)) or (
            # "nous sommes arrivés en janvier de syrie, ca change quoi?" after "comment demander
            # l'allocation canadienne pour enfants", read off topic unsurely
            program_of(topic_lately or "") == CCB and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < SURE_EVERYDAY
            and moved_from_abroad(text) and not programs_named(text) - {CCB} and other_service_named(text) is None)) and not text.startswith("/") and (
            NEWCOMER.search(folded) or (moved_from_abroad(text) and program_of(_intent(read)) != CCB) or ((programs_named(text) == {CCB} or (MAY_GET.search(folded) and not programs_named(text) - {CCB}))
                                        and (NEWCOMER.search(fold(said)) or moved_from_abroad(said)))) and not (
            asks_price(text) or asks_when_payments_come(text) or AMOUNT_OR_DATE.search(folded)):
        # "arrive in canada 3 month ago with my 2 children. how i get the money for children?" (or
        # "can we get that child money every month" after "we just moved to canada from the
        # philippines", "can my kids get that child money" after "we moved to edmonton from
        # ukraine last month"): applying as a newcomer, not the amounts or dates the money's words are nearest
        return _as_topic(read, "ccb_apply", CCB_NEWCOMERS_ENTRY)
    if not text.startswith("/") and (
            (_intent(read) == "ei_apply" and COUNTS.search(folded) and FIRED.search(fold(f"{said} {text}")))
            or (topic_lately == "ei_eligibility" and _intent(read) in TOLD_NOT_ASKED | {"complaint"} and _confidence(read) < 1.0
                and REASON_TOLD.search(folded) and FIRED.search(fold(f"{said} {text}")) and other_service_named(text) is None
                and not programs_named(text) - {EI})):
        # "ça compte tu pour l'assurance emploi" after "jme suis fait congédier pcq j'arrivais en
        # retard", or "it was for being late a few times" after "got fired, can i get ei?" (or, read
        # off topic, "it was for being late, the road was closed from snow 3 times"): whether
        # a dismissal still allows EI, not applying (nor a complaint)
        return {**_as_topic(read, "ei_eligibility", FIRED_ENTRY), "read_with": said}
    if (topic_lately in EI_TOPICS or program_of(_intent(read)) == EI) and _intent(read) != "ei_eligibility" and (
            _confidence(read) < 1.0 and not text.startswith("/") and QUIT.search(folded) and (CHANGES.search(folded) or COUNTS.search(folded))
            and not programs_named(text) - {EI} and other_service_named(text) is None):
        # "mais j'ai lâché ma job moi, ça change de quoi?" after how to apply for EI: whether
        # quitting still allows EI, not applying again
        return {**_as_topic(read, "ei_eligibility", QUIT_ENTRY), "read_with": said}
    if (topic_lately in EI_TOPICS or program_of(topic_lately or "") is None) and _intent(read) != "ei_eligibility" and (
            _confidence(read) < 1.0 and not text.startswith("/")) and (
            QUIT.search(fold(said)) and QUIT_REASON.search(folded) and not programs_named(text) - {EI}
            and other_service_named(text) is None):
        # "meme si cetait pour suivre mon mari qui a ete muté a halifax?" after "jai demissionne le
        # mois passe" (an EI question, or one not understood): whether quitting for that reason allows EI
        return {**_as_topic(read, "ei_eligibility", QUIT_ENTRY), "read_with": said}
    if topic_lately == "ccb_apply" and _confidence(read) < 1.0 and not text.startswith("/") and (
            _intent(read) in TOLD_NOT_ASKED | {"deny"} and MARITAL.search(folded) and (CHANGES.search(folded) or COUNTS.search(folded))
            and not programs_named(text) - {CCB} and other_service_named(text) is None):
        # "were not married does that matter" after "how do i get ccb for my newborn" (read as a
        # no): who applies, which a couple's marriage does not change
        return {**_as_topic(read, "ccb_apply", WHO_APPLIES_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == CCB and _confidence(read) < 1.0 and not text.startswith("/") and (
            (LIFE_CHANGED.search(folded) or INCOME_UP.search(folded)) and CAUSE_ASKED.search(folded) and other_service_named(text) is None
            and not programs_named(text) - {CCB}):
        # "j'ai déménagé en mars, c'est-tu à cause de ça" after a CCB payment not received (read as
        # a complaint): why payments stop or change; "c'est a cause de quoi? mon salaire a monté en
        # 2025" after "mon ACE a baissé": the July recalculation on the last year's income
        entry = JULY_CHANGE_ENTRY if INCOME_UP.search(folded) else PAYMENT_STOPPED_ENTRY
        return {**_as_topic(read, "ccb_payment_dates", entry), "read_with": said}
    if (program_of(topic_lately or "") == LOANS or LOANS in programs_named(said)) and (
            _intent(read) in TOLD_NOT_ASKED | SMALL_TALK | {"student_loan_repayment"}) and (
            _confidence(read) < 1.0 and not text.startswith("/") and A_PROGRAM_ASKED.search(folded) and len(text.split()) <= MAX_PROGRAM_ASKED_WORDS
            and not programs_named(text) - {LOANS} and other_service_named(text) is None):
        # "y a tu un programme pour ca" after "je gagne pas assez pour payer mon pret etudiant" (read
        # as asking whether it is a program, or as repaying: "y a tu un programme pour ça? comment
        # je m'inscris"): the Repayment Assistance Plan
        return {**_as_topic(read, "student_loan_rap", overview_id("student_loan_rap")), "read_with": said}
    if topic_lately in APPLIED_FOR_WITHIN and _intent(read) in TOLD_NOT_ASKED | SMALL_TALK and _confidence(read) < 1.0 and (
            not text.startswith("/") and SIGNS_UP.search(folded) and len(text.split()) <= MAX_WHAT_IS_WORDS
            and not names_a_subject(text) and other_service_named(text) is None):
        # "comment je minscris a ca?" after the Repayment Assistance Plan, read surely off topic
        # (follow_ups.py reads it so when the model is unsure): how to apply for the plan
        topic = str(topic_lately)
        return {**_as_topic(read, topic, APPLIED_FOR_WITHIN[topic]), "read_with": said}
    if _intent(read) == "ei_eligibility" and _confidence(read) < 1.0 and not text.startswith("/") and (
            topic_lately in EI_TOPICS and HOW_TO_APPLY.search(folded) and not ELIGIBILITY_ASKED.search(folded)):
        # "ok i have about 800 hours, how do i apply" after the hours needed: applying, not the hours again
        return {**own_entry(_as_topic(read, "ei_apply"), parse_data), "read_with": said}
    if _intent(read) == "ei_apply" and not text.startswith("/") and stops_work_to_give_care(text):
        # "my father has terminal cancer and I want to take time off to be with him": the caregiving
        # benefits (bot/nlu/classifier.py decided the topic; "time off" alone is nearest applying's deadline)
        return answered_by(read, CAREGIVING_ENTRY)
    if not text.startswith("/") and (program_of(_intent(read)) == EI or (_intent(read) == "nlu_fallback" and _program_of_the_doubt(read) == EI)) and (
            _confidence(read) < 1.0 and programs_named(text) == {EI} and LEAVE_FOR_SOMEONE.search(folded)
            and CARING_TOLD.search(fold(said)) and other_service_named(text) is None):
        # "est ce que l'assurance emploi peut m'aider si je prends un congé pour elle?" after "on
        # s'occupe de notre mère qui a le Parkinson": the caregiving benefits
        return {**_as_topic(read, "ei_apply", CAREGIVING_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and not text.startswith("/") and APPOINTMENT.search(folded) and (
            BRING.search(folded) and len(text.split()) <= MAX_BRING_WORDS and not names_children(f"{said} {text}")
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None
            and program_of(_intent(read)) in {PASSPORT, None} and _confidence(read) < 1.0):
        # "what should i bring to the appt" after "first time getting a passport, booked service canada
        # in surrey for next tues": what the application the conversation told needs
        if RENEWAL_WORD.search(fold(said)):
            return {**_as_topic(read, "passport_renew", RENEW_BRING_ENTRY), "read_with": said}
        return {**_as_topic(read, "passport_apply_adult", FIRST_PASSPORT_DOCUMENTS_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and not text.startswith("/") and APPOINTMENT.search(folded) and (
            # (or read as nothing: "faut rdv?" after where to apply in Québec)
            (_intent(read) in TOLD_NOT_ASKED | SMALL_TALK | {"passport_where_apply", "nonsense"} or (
                # "do i need to book first?" after where to apply in Surrey, read as a first passport's way
                topic_lately == "passport_where_apply" and program_of(_intent(read)) == PASSPORT))
            and (not names_a_subject(text) or (
                # (the child brought along: "do i need to book or can i walk in with the baby" after where to apply in Halifax)
                topic_lately == "passport_where_apply" and names_a_child(text) and not programs_named(text)))
            and not BRING.search(folded) and other_service_named(text) is None):
        # "faut tu un rdv" after where to apply in Trois-Rivières: booking an appointment
        return {**_as_topic(read, "passport_where_apply", APPOINTMENT_ENTRY), "read_with": said}
    if topic_lately in APPLICATION_TOPICS and not text.startswith("/") and (
            program_of(_intent(read)) == PASSPORT or (
                _intent(read) == topic_lately and (read.get("knowledge") or {}).get("id") == overview_id(_intent(read)))) and (
            BY_A_WAY.search(folded) and DOING_IT.search(folded) and not programs_named(text)
            and not PASSPORT_NAMED.search(folded)):
        # "and can i do it by mail instead? i live in a small town in nunavut" after "how do i apply
        # for a SIN" (read as a passport's by mail, or as the SIN's overview again): the
        # conversation's application, that way
        topic = str(topic_lately)
        return {**_as_topic(read, topic, _way_entry(topic, folded)), "read_with": said}
    if _intent(read) == "passport_lost_stolen" and _confidence(read) < 1.0 and not text.startswith("/") and (
            APPLIED.search(folded) and NOTHING_YET.search(folded) and not OWN_PASSPORT.search(folded)):
        # "I mailed my renewal from Kelowna in January and haven't heard a thing since. Could it
        # have been lost?": an application late, not a passport lost
        return {**_as_topic(read, "passport_status", DELAYED_ENTRY), "read_with": said}
    if topic_lately == "passport_lost_stolen" and _intent(read) != "passport_lost_stolen" and _confidence(read) < 1.0 and (
            not text.startswith("/") and (WHICH_FORM.search(folded) or A_FORM.search(folded)) and DECLARES.search(folded) and other_service_named(text) is None
            and not programs_named(text) - {PASSPORT} and not names_a_child(text)):
        # "je dois remplir quel formulaire pour le declarer?" after "mon passeport a ete volé": the
        # declaration of a lost or stolen passport (PPTC 203), not a first passport's form
        return {**_as_topic(read, "passport_lost_stolen", DECLARATION_ENTRY), "read_with": said}
    if topic_lately == "passport_lost_stolen" and _intent(read) != "passport_lost_stolen" and _confidence(read) < 1.0 and (
            not text.startswith("/") and POLICE.search(folded) and other_service_named(text) is None
            and not programs_named(text) - {PASSPORT}):
        # "do i need to go to the police first" after "i lost my passport on the bus": reporting it
        return {**_as_topic(read, "passport_lost_stolen", REPORT_ENTRY), "read_with": said}
    if _sin_spoken_of(events) and (_intent(read) in TOLD_NOT_ASKED or (
            # "ils m'ont fait payer en cartes cadeaux pis j'ai donné mon numéro, je fais quoi maintenant", read as getting a SIN
            _intent(read) == "sin_apply" and SUSPICIOUS_CONTACT.search(fold(said)))) and _confidence(read) < 1.0 and not text.startswith("/") and (
            SCAM_PAYMENT.search(folded) and not names_another_program(text)):
        # "they want me to pay 500 in gift cards to fix it" after "someone keeps calling me about my
        # SIN": the scam's sign
        return {**_as_topic(read, "sin_protect", SCAMS_ENTRY), "read_with": said}
    if (topic_lately in EI_TOPICS or ROE_NAMED.search(fold(said)) or says_job_lost(said)) and (
            _intent(read) in TOLD_NOT_ASKED or (_intent(read) == "ei_apply" and HOURS_TAKEN.search(folded))) and (
            _confidence(parse_data) < 1.0 and not text.startswith("/") and HOURS_NEEDED.search(folded) and not programs_named(text) - {EI} and other_service_named(text) is None):
        # (or read as applying: "combien d'heures ça prend" after "jai perdu ma job a l'usine a drummondville")
        # "how many hours do i need? it says 510 on it" after "got my ROE today from the warehouse",
        # read off topic: the hours EI needs
        return {**_as_topic(read, "ei_eligibility", HOURS_ENTRY), "read_with": said}
    if _intent(read) in EI_TOPICS and (read.get("knowledge") or {}).get("id") != HOURS_ENTRY and not text.startswith("/") and (
            HOURS_A_WEEK.search(folded) and ENOUGH.search(folded)) and (
            EI in programs_named(f"{said} {text}") or program_of(topic_lately or "") == EI):
        # "je fais 20h semaine depuis 1 an a temps partiel, ca suffit tu" after "je vais demander le
        # chomage": whether the hours qualify, not applying (nor how much EI pays)
        return {**_as_topic(read, "ei_eligibility", HOURS_ENTRY), "read_with": said}
    if topic_lately == "passport_status" and _intent(read) == "passport_urgent" and not text.startswith("/") and (
            (read.get("knowledge") or {}).get("id") != URGENT_AFTER_APPLYING_ENTRY and not programs_named(text) - {PASSPORT}):
        # "mon vol c dans 10 jours, je peux tu payer pour que ca aille plus vite?" after "j'attends
        # mon passeport depuis 8 semaines": the application is in, so the urgent service after applying
        return {**answered_by(read, URGENT_AFTER_APPLYING_ENTRY), "read_with": said}
    if not text.startswith("/") and NOTHING_YET.search(folded) and len(text.split()) <= MAX_NOTHING_YET_WORDS and (
            program_of(topic_lately or "") == PASSPORT and APPLIED.search(fold(said))
            and _intent(read) not in KEEP - {"deny"} and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "toujours rien 😤" after "envoyé ma demande passeport le 2 fév" (read as a no): the application's delay
        return {**_as_topic(read, "passport_status", DELAYED_ENTRY), "read_with": said}
    if program_of(_intent(read)) not in {PASSPORT, None} and not text.startswith("/") and APPLIED.search(folded) and (
            NOTHING_YET.search(folded) and mentions_a_trip(text)
            and not programs_named(f"{said} {text}") and not names_another_program(text)):
        # "j'ai appliqué au début de mars pis toujours rien, je pars le 15 mai, je fais quoi??": a
        # trip waits on a passport, not on a benefit (within two weeks, the urgent service after applying)
        if trip_within_two_weeks(text):
            return {**_as_topic(read, "passport_urgent", URGENT_AFTER_APPLYING_ENTRY), "read_with": said}
        return {**_as_topic(read, "passport_status", DELAYED_ENTRY), "read_with": said}
    if program_of(_intent(read)) not in {PASSPORT, None} and _confidence(read) < 1.0 and not text.startswith("/") and (
            topic_lately is None and APPLIED.search(folded) and NOTHING_YET.search(folded)
            and not programs_named(text) and not names_another_program(text) and not AWAITED_THING.search(folded)):
        # "ca fait 7 semaines que jai envoyé ma demande pis toujours rien, c normal??", no program
        # named and no trip: a passport's status or this benefit's, asked which
        return asking_which(read, [{"name": "passport_status", "confidence": 0.0},
                                   {"name": _intent(read), "confidence": _confidence(read)}])
    if not text.startswith("/") and NOT_RECEIVED.search(folded) and (
            (_intent(read) in EI_TOPICS and (ROE_NAMED.search(folded) or ROE_NAMED.search(fold(str(read.get("read_with") or "")))))
            or (topic_lately in EI_TOPICS and _confidence(read) < 1.0 and not programs_named(text)
                and ROE_NAMED.search(fold(said)))):
        # "jai pas encore reçu mon releve d'emploi, ca fait 3 semaines", or "what if i never get
        # it?" after it: the record of employment's answer, not the first payment's (nor, read
        # with the job lost, whether one qualifies; nor, for "et si mon employeur veut pas me le
        # donner?", the SIN an employer may ask for)
        return {**_as_topic(read, "ei_apply", ROE_ENTRY), "read_with": read.get("read_with") or said}
    if (program_of(_intent(read)) == SIN or _program_of_the_doubt(read) == SIN) and _confidence(read) < 1.0 and not text.startswith("/") and (
            GETS_A_SIN.search(folded) and names_a_child(text) and not identity_used(text) and not SIN_SHARED.search(folded)):
        # "my son is 12, can he get a sin so he can open a savings account at td" (read unsurely
        # between applying and who may ask), "mon bébé a besoin d'un NAS? la banque m'en parle":
        # the child's SIN
        return _as_topic(read, "sin_apply", SIN_CHILD_ENTRY)
    if topic_lately is None and _intent(read) not in KEEP and _intent(read) != "choose_language" and not text.startswith("/") and (
            other_service_named(last_said(events)) is not None):
        # after a service we do not answer, the same service asked about again
        words = len(text.split())
        bare = not names_a_subject(text) and not PASSPORT_NAMED.search(folded)
        # "ok and for the weekend?" after "whats the weather in halifax today" (not one of our topics
        # its few words lean on, nor "goodbye" for "and tomorrow?"), or "est-ce que je peux la
        # congeler?" after "recette de tourtière du lac", by its pronoun
        asked_again = _confidence(read) < DOUBTFUL_TOPIC and bare and words <= MAX_OFF_TOPIC_FOLLOW_UP_WORDS and bool(
            FOLLOW_UP.search(text) or (THING_BACK.search(folded) and not programs_named(text)))
        # "faut tu une photo comme pour le passeport?" after "comment renouveler ma carte
        # d'assurance maladie en ontario": the health card's photo, a passport named to compare
        compared = bool(LIKE_A_PASSPORT.search(folded)) and not programs_named(LIKE_A_PASSPORT.sub(" ", folded))
        # "how long does it take" after "how do i apply for pr": the time of the service we do not
        # answer, asked bare, however surely its few words read as a passport's time
        its_time_or_price = bare and words <= MAX_BARE_FOLLOW_UP_WORDS and bool(HOW_LONG.search(folded) or HOW_MUCH.search(folded))
        if asked_again or compared or its_time_or_price:
            return _with_intent(read, "out_of_scope")
    if program_of(topic_lately or "") == CCB and _confidence(read) < 1.0 and not text.startswith("/") and (
            (_intent(read) in TOLD_NOT_ASKED or _intent(read) == "complaint") and PAID_LESS.search(folded)
            and not COMPLAINS.search(folded) and not programs_named(text) - {CCB} and other_service_named(text) is None):
        # "why was mine less this july" after "when is ccb paid" (read as a complaint): why the
        # amount changed (it is recalculated every July)
        return {**_as_topic(read, "ccb_payment_dates", JULY_CHANGE_ENTRY), "read_with": said}
    if _intent(read) == "passport_renew" and _confidence(read) < 1.0 and not text.startswith("/") and (
            told_valid_5_or_10(text) and MATTERS.search(folded)):
        # "my current one is a 5 year, does that matter if i want to renew?": whether it may be renewed
        return _with_intent(read, "passport_renewal_eligibility")
    if topic_lately in TIME_WAY_TOPICS and not text.startswith("/") and _intent(read) not in {topic_lately, "passport_status"} and (
            (FOLLOW_UP.search(text) or WHAT_ABOUT.search(folded)) and BY_A_WAY.search(folded) and GOES.search(folded)
            and len(text.split()) <= MAX_WAY_FOLLOW_UP_WORDS and not programs_named(text) - {PASSPORT}
            and other_service_named(text) is None and (way := _way_entry(str(topic_lately), folded))):
        # "what about if i go in person in mississauga" after "how long is a passport taking by
        # mail": the time that way, not a lost passport's
        return {**_as_topic(read, str(topic_lately), way), "read_with": said}
    if _sin_spoken_of(events) and _intent(read) in TOLD_NOT_ASKED | {"help"} and _confidence(read) < SURE_EVERYDAY and (
            not text.startswith("/") and KEEP_FROM_USE.search(folded) and not programs_named(text) - {SIN}
            and other_service_named(text) is None):
        # "je dois faire quoi pour que personne s'en serve" after "on m'a volé mon portefeuille avec
        # ma carte d'assurance sociale dedans", read as a call for help: protecting the number
        return {**_as_topic(read, "sin_protect", STOLEN_OR_FRAUD_ENTRY), "read_with": said}
    if _sin_spoken_of(events) and _confidence(read) < SURE_EVERYDAY and not text.startswith("/") and (
            _intent(read) in TOLD_NOT_ASKED or (_intent(read) == "sin_apply" and topic_lately == "sin_protect")) and (
            GAVE_TO_IT.search(folded) and told_lately(events) and not names_another_program(text)
            and other_service_named(text) is None):
        # "i clicked the link and typed my birthdate, what now" after a text saying the SIN was used
        # in a crime: information given away, what to do (so is "j'ai repondu avant de realiser, je
        # fais quoi maintenant" after a scam text, read as getting a SIN)
        return {**_as_topic(read, "sin_protect", STOLEN_OR_FRAUD_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and MAILED_TOLD.search(fold(said)) and program_of(_intent(read)) in {PASSPORT, None} and (
            _intent(read) != "passport_status" and _confidence(read) < 1.0 and not text.startswith("/") and RECEIVED_ASKED.search(folded)
            and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "comment je sais s'ils l'ont recu?" after "j'ai envoyé mon formulaire de renouvellement le
        # 3 mars": the application's status, not the renewal's steps
        return {**own_entry(_as_topic(read, "passport_status"), parse_data), "read_with": said}
    if topic_lately in STATUS_TOPICS and _intent(read) in TOLD_NOT_ASKED and _confidence(read) < 1.0 and not text.startswith("/") and (
            MAILED_TOLD.search(folded) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "i mailed it from sudbury, canada post says delivered april 12" after an application
        # taking forever: where it is now
        return {**_as_topic(read, "passport_status", DELAYED_ENTRY), "read_with": said}
    if topic_lately == "passport_child" and _intent(read) == "passport_apply_adult" and _confidence(parse_data) < 1.0 and (
            not text.startswith("/") and (read.get("knowledge") or {}).get("id") == ADULT_VALIDITY_ENTRY
            and not applicant_is_adult(f"{said} {text}") and not asks_price(text) and not programs_named(text) - {PASSPORT}):
        # "il peut tu avoir le 10 ans comme moi?" after "mon fils a 15 ans pis il a besoin d'un
        # passeport": a child's passport is valid 5 years (not the adult's choice)
        return {**_as_topic(read, "passport_child", CHILD_VALIDITY_ENTRY), "read_with": said}
    if (program_of(topic_lately or "") == PASSPORT or PASSPORT_NAMED.search(folded)) and not text.startswith("/") and (
            VALIDITY_ASKED.search(folded) and not asks_price(text)
            and _intent(read) in {FEES, "passport_fee_calculator", "passport_processing_times"} | TOLD_NOT_ASKED) and (
            not programs_named(text) - {PASSPORT}):
        # (also asked alone: "le passeport dun enfant est bon pour combien dannees", read as its price)
        # "ok et il est valide combien de temps" after a child's passport price: how long the
        # passport spoken of is valid (a child's: 5 years), not its price again nor how long it takes
        with_text = f"{said} {text}"
        # (a child told by age too: "how much for a passport for my 12 year old and how long is it valid")
        child = topic_lately == "passport_child" or (
            (names_children(with_text) or names_a_child(with_text)) and not applicant_is_adult(with_text))
        return {**_as_topic(read, "passport_child" if child else "passport_apply_adult",
                            CHILD_VALIDITY_ENTRY if child else ADULT_VALIDITY_ENTRY), "read_with": said}
    if program_of(topic_lately or "") not in {PASSPORT, None} and _confidence(read) < 1.0 and (
            _intent(read) == "passport_child" or (_intent(read) == "passport_apply_adult" and names_a_child(text))) and (
            not text.startswith("/") and not PASSPORT_NAMED.search(folded) and not programs_named(text)
            and _answering(str(topic_lately))):
        # "il a 4 ans, c'est possible à cet âge-là?" after "comment faire une demande de NAS pour
        # mon fils": the child's SIN, not a child's passport, which a child's age pulls the reading to
        # (or a first passport's papers: "il a 9 ans, ça prend quoi comme papiers?")
        topic = str(topic_lately)
        entry = SIN_CHILD_ENTRY if topic == "sin_apply" else None
        return {**(_as_topic(read, topic, entry) if entry else own_entry(_as_topic(read, topic), parse_data)),
                "read_with": said}
    if (topic_lately in EI_TOPICS or says_job_lost(said) or (
            # "how much does EI pay per week? i made like 52k last year driving truck", read unsurely
            programs_named(text) == {EI} and (_intent(read) not in EI_TOPICS or _confidence(read) < UNSURE_EI_AMOUNT))) and not text.startswith("/") and (
            EI_AMOUNT.search(folded) and _intent(read) != "ei_eligibility" and not programs_named(text) - {EI}
            and other_service_named(text) is None and not names_another_program(text) and not names_quebec_parental_plan(text)):
        # "combien je vais recevoir par semaine à peu près" after "j'ai été mis à pied chez
        # Bombardier": how much EI pays, not a passport's time by mail (nor, after "how do i
        # apply", the application's overview again: "how much will i get")
        return {**_as_topic(read, "ei_eligibility", EI_AMOUNT_ENTRY), "read_with": said}
    if topic_lately in RENEWAL_TOPICS and (read.get("knowledge") or {}).get("id") in ABROAD_ENTRIES and not text.startswith("/") and (
            FOLLOW_UP.search(text) and names_a_place_abroad(text) and not WHERE_WORD.search(folded) and not HOW_FAST.search(folded)):
        # "et si je suis à l'étranger, en Suisse?" after "c'est quoi le formulaire pour renouveler
        # mon passeport": renewing from abroad, not where to apply from there
        return {**_as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY), "read_with": said}
    if not text.startswith("/") and (read.get("knowledge") or {}).get("id") != WAITING_PERIOD_ENTRY and (
            (program_of(_intent(read)) == EI and WAITING_PERIOD.search(folded)) or (
                # EI's own word, however it reads: "délai de carence c'est combien de semaines" (read as a passport's time)
                CARENCE.search(folded) and not programs_named(text) - {EI} and other_service_named(text) is None) or (
                # "c quoi le delai de carence" read off topic, or, after "l'assurance emploi paie
                # combien", "pis la semaine d'attente c quoi ca" read as a complaint
                (_intent(read) in TOLD_NOT_ASKED or _confidence(read) < DOUBTFUL_TOPIC) and not programs_named(text) - {EI}
                and other_service_named(text) is None and (
                    CARENCE.search(folded) or WAITING_WEEK_NAMED.search(folded) or (topic_lately in EI_TOPICS and (
                        WAITING_PERIOD.search(folded) or WAITING_WEEK.search(folded)))))):
        # "is there a waiting period before EI starts paying out", "c'est quoi le délai de carence,
        # une semaine?" (or "why is there a waiting week?? i literally have no money for rent", EI's
        # by its name alone): the waiting period's own answer, not the first payment's
        return _as_topic(read, "ei_apply", WAITING_PERIOD_ENTRY)
    if topic_lately == "passport_photo" and _intent(read) in {"passport_child"} | TOLD_NOT_ASKED and _confidence(read) < 1.0 and (
            not text.startswith("/") and HELD_IN_PHOTO.search(folded) and len(text.split()) <= MAX_HELD_WORDS
            and not asks_price(text) and not programs_named(text) - {PASSPORT} and other_service_named(text) is None):
        # "can my baby have her soother in it" after the photo's rules: read with them, the
        # photo's rule for babies
        whole = await parse(f"{said} {text}")
        if _intent(whole) == "passport_photo":
            return {**conversations_entry(_as_topic(read, "passport_photo"), whole), "read_with": said}
    if (topic_lately in RENEWAL_TOPICS or (program_of(topic_lately or "") == PASSPORT and RENEWAL_WORD.search(fold(said)))) and (
            (_intent(read) == "passport_apply_adult" or (read.get("knowledge") or {}).get("id") == overview_id("passport_renew"))
            and _confidence(parse_data) < 1.0 and not text.startswith("/") and asks_a_signature(text) and OTHER_SIGNER.search(folded)
            and not names_children(text) and not NOT_A_RENEWAL.search(folded)):
        # "can i sign it myself or i need someone else to sign" after the renewal form (or a renewal
        # named, answered by where to get the form): a renewal
        # needs no guarantor, not a first passport's ID, which the signature pulls the reading to
        # (nor the renewal's overview, which a renewal conversation gives it)
        return {**_as_topic(read, "passport_renew", RENEW_NO_GUARANTOR_ENTRY), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and RENEWAL_WORD.search(fold(said)) and (
            # (the renewal said by the citizen, not only read: a first passport's conversation can be read as one)
            _intent(read) == "passport_apply_adult" and not text.startswith("/") and GUARANTOR_WORDS.search(folded)
            and not names_children(text) and not NOT_A_RENEWAL.search(LIKE_THE_FIRST_TIME.sub(" ", folded))
            and not renewal_ruled_out(f"{said} {text}")
            and not SOMEONE_PROPOSED.search(folded)):
        # "est-ce que ça prend un répondant comme la première fois?" after "je vais renouveler mon
        # passeport cette semaine" (read surely as a first passport's guarantor): a renewal needs none
        return {**_as_topic(read, "passport_renew", RENEW_NO_GUARANTOR_ENTRY), "read_with": said}
    if topic_lately in RENEWAL_TOPICS and _intent(read) in STATUS_TOPICS and _confidence(read) < 1.0 and not text.startswith("/") and (
            "renewal_issued_recently" in renewal_situation(text) and len(text.split()) <= MAX_ISSUED_TOLD_WORDS
            and not programs_named(text) - {PASSPORT} and not ASKS.search(text)):
        # "il a été fait en 2008 par contre" after "je veux renouveler mon passeport" (read unsurely as
        # an application's delay): when it was issued, which decides whether it can be renewed
        return {**_as_topic(read, "passport_renewal_eligibility"), "read_with": said}
    if program_of(topic_lately or "") == PASSPORT and (_intent(read) in TOLD_NOT_ASKED | SMALL_TALK or (
            # "what should i bring to the appt" after a first passport's appointment booked
            _intent(read) == "passport_where_apply" and APPOINTMENT.search(folded))) and (
            _confidence(read) < 1.0 and not text.startswith("/") and BRING.search(folded) and len(text.split()) <= MAX_BRING_WORDS
            and not names_a_subject(text) and other_service_named(text) is None):
        # "qu'est ce que je dois apporter" after "je fais mon premier passeport demain au bureau de
        # montreal, jai 22 ans", read as a call for help: what to bring for what was told
        whole = await parse(f"{said} {text}")
        if program_of(_intent(whole)) == PASSPORT:
            return {**conversations_entry(_as_topic(read, _intent(whole)), whole), "read_with": said}
    if (topic_lately == "passport_urgent" or (
            # "and what do i need to bring as proof" after "how much is urgent passport service" (a fee)
            program_of(topic_lately or "") == PASSPORT and names_fast_service(said))) and (
            _intent(read) in ADULT_PASSPORT_TOPICS and not text.startswith("/")) and (
            (BRING.search(folded) or PROOF_ASKED.search(folded)) and not OTHER_PROOF.search(folded) and not names_children(text)
            and not programs_named(text) - {PASSPORT}):
        # "qu'est ce que je dois apporter au comptoir?" after a trip in 5 days and no valid
        # passport: the complete application and the proof of travel, not a first passport's list alone
        return {**_as_topic(read, "passport_urgent", URGENT_BRING_ENTRY), "read_with": said}
    if topic_lately in RENEWAL_TOPICS and _intent(read) in RENEWAL_TOPICS and _intent(parse_data) in TOLD_NOT_ASKED | SMALL_TALK and (
            not text.startswith("/") and lives_abroad(text) and not names_a_subject(THERE_FOR_WORK.sub(" ", folded))
            and (read.get("knowledge") or {}).get("id") not in ABROAD_ENTRIES):
        # "im in japan rn does that change anything" after "i need to renew my passport", read
        # with it as whether one may renew: renewing from abroad
        return {**_as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY), "read_with": said}
    told = await _told_after_a_topic(read, text, events, parse)
    if told is not None:
        return told
    if _intent(read) == "passport_processing_times" and (read.get("knowledge") or {}).get("id") in HOME_TIME_ENTRIES and (
            not text.startswith("/") and lives_abroad(text)):
        # "i live in mexico how long does a passport take", chosen as the mailing time's entry: the
        # time from abroad (which says the mail is not counted)
        return answered_by(read, ABROAD_TIME_ENTRY)
    if (read.get("knowledge") or {}).get("id") == MAILING_TIME_ENTRY and not text.startswith("/") and (
            lives_outside_canada(text) and not lives_abroad(text) and not MAILING_ASKED.search(folded)):
        # "i live in the states how long does a passport take", chosen as the mailing time's entry:
        # from the United States one applies by mail, whose time is asked (not whether it counts the mail)
        return answered_by(read, BY_MAIL_TIME_ENTRY)
    if (read.get("knowledge") or {}).get("id") in ABROAD_ENTRIES and not text.startswith("/"):
        with_text = f"{said} {text}"
        if not names_a_place_abroad(with_text):
            # "how long does it take" after "i want to renew my passport", or "au Service Canada
            # icitte ou faut que je drive jusqu'à Halifax?": nothing says abroad, so the topic's answer
            # in Canada, not from abroad (the bare question is nearest the abroad entry's)
            entry = str(read["knowledge"]["id"])
            read = answered_by(read, overview_id(entry.split(".")[0]))
    if _intent(read) == "passport_photo" and (read.get("knowledge") or {}).get("id") != HOME_PHOTO_ENTRY and not text.startswith("/") and (
            takes_own_photo(text) and not ONLINE_OR_DIGITAL.search(folded)):
        # "est ce que je peux prendre ma photo moi même avec mon cell pis l'imprimer": taking and
        # printing one's own photo (not allowed), not the online renewal's digital photo
        read = answered_by(read, HOME_PHOTO_ENTRY)
    if (read.get("knowledge") or {}).get("id") == WEEKEND_ENTRY and not text.startswith("/") and not WEEKEND.search(fold(f"{said} {text}")):
        # "my grandmother died in punjab, funeral next tuesday, i need passport asap": an emergency
        # with no weekend or holiday said is the urgent service's overview, not the weekend
        # service's extra fee, which the emergency pulls the knowledge selector to
        read = answered_by(read, overview_id(_intent(read)))
    if (read.get("knowledge") or {}).get("id") == FROM_US_ENTRY and not text.startswith("/") and not US_NAMED.search(fold(f"{said} {text}")):
        if names_a_place_abroad(f"{said} {text}") or lives_abroad(f"{said} {text}"):
            # "i live in france, can i renew from outside canada": from abroad, not from the United States
            read = answered_by(read, ABROAD_WHERE_ENTRY)
        elif names_a_canadian_place(text):
            # "can i mail in my renewal or do i have to go in person, i live in a small town near
            # miramichi nb": in Canada, the entry its words choose without the town (by mail), not
            # the United States' that the town pulls the knowledge selector to
            again = ((await parse(without_places(text))).get("knowledge") or {}).get("id")
            fits = again and again != FROM_US_ENTRY and str(again).split(".")[0] == _intent(read)
            read = answered_by(read, str(again) if fits else overview_id(_intent(read)))
    if _intent(read) == "sin_protect" and not text.startswith("/") and asks_who_may_ask_for_the_sin(text) and (
            (read.get("knowledge") or {}).get("id") not in {WHO_CAN_ASK_ENTRY, NOT_REQUIRED_ENTRY}):
        # "le camp de jour de mon fils demande son numéro d'assurance sociale dans le formulaire
        # d'inscription, est-ce qu'ils ont le droit?": who may ask for it (an employer, a bank), or who
        # need not have it (a camp, a landlord, a store), not how never to share it online
        read = answered_by(read, WHO_CAN_ASK_ENTRY if MAY_ASK.search(folded) else NOT_REQUIRED_ENTRY)
    if _intent(read) == "sin_protect" and not text.startswith("/") and (read.get("knowledge") or {}).get("id") not in SIN_CARD_ENTRIES and (
            lost_sin_paper(text) or (read.get("read_with") and lost_sin_paper(said))):
        # "quelquun a vole mon portefeuille avec ma carte nas dedans" (then "je dois faire quoi en
        # premier"): the lost or stolen card's answer, not how to store it
        read = answered_by(read, SIN_CARD_ENTRY)
    read = await without_a_towns_pull_abroad(read, text, said, parse)  # "... live in kelowna. where does it go"
    if _intent(read) == "passport_renew" and not text.startswith("/") and asks_how_early(text) and (
            (read.get("knowledge") or {}).get("id") != EARLY_RENEWAL_ENTRY):
        read = answered_by(read, EARLY_RENEWAL_ENTRY)  # "je peux faire le renouvellement combien de temps d'avance?"
    if (read.get("knowledge") or {}).get("id") == EI_STUDENTS_ENTRY and not text.startswith("/") and not (
            IN_SCHOOL.search(fold(f"{said} {text}"))):
        # "i lost my job yesterday, can i get ei": no school or student said, so not the students'
        # answer ("It depends. A student who loses a job...") that a job lost pulls the selector to,
        # but who can get EI
        read = answered_by(read, overview_id("ei_eligibility"))
    if not text.startswith("/") and (form := form_named(text)) and _intent(read) == form["topic"] and (
            (read.get("knowledge") or {}).get("id") != form["entry"]):
        # "cest tu le formulaire pptc 054 pour renouveler un passport adulte au canada?": the answer
        # about that form (content/passport_forms.yml), not the entry a number pulls the selector to
        read = answered_by(read, form["entry"])
    if (read.get("knowledge") or {}).get("id") == CANADA_POST_ENTRY and not text.startswith("/") and BY_MAIL.search(folded) and (
            not POST_OFFICE.search(folded)):
        # "je peux tu renouveler mon passe port par la poste, je reste a gaspe": sending it by mail,
        # not applying at a post office (which "poste" pulls the knowledge selector to)
        read = answered_by(read, BY_MAIL_ENTRY)
    if (read.get("knowledge") or {}).get("id") == ISSUED_UNDER_16_ENTRY and not text.startswith("/") and (
            issued_at_adult_age(f"{said} {text}") and not issued_under_16(f"{said} {text}")):
        # "c quoi le formulaire pour renouveler un passeport adulte? celui de 5 ans que j'ai eu à 18 ans"
        # (the age pulls the knowledge selector to a passport issued before 16): issued at 18, renewable
        read = answered_by(read, SIMPLIFIED_ENTRY if WHICH_FORM.search(folded) else overview_id("passport_renew"))
    if (read.get("knowledge") or {}).get("id") == ISSUED_UNDER_16_ENTRY and not text.startswith("/") and WHICH_FORM.search(folded) and (
            _confidence(read) < 1.0 and not ISSUED_AT_AGE.search(fold(f"{said} {text}")) and not renewal_ruled_out(f"{said} {text}")):
        # "c'est quel formulaire pour renouveler un passeport adulte? je veux le remplir pendant la
        # sieste du bebe" (the baby pulls the knowledge selector to a passport issued before 16):
        # the simplified renewal's form
        read = answered_by(read, SIMPLIFIED_ENTRY)
    if (read.get("knowledge") or {}).get("id") == RENEW_ABROAD_ENTRY and not text.startswith("/") and IN_CANADA.search(folded) and not (
            names_a_place_abroad(f"{said} {text}") or lives_abroad(f"{said} {text}")):
        # "which form do i use to renew an adult passport in canada": in Canada, not from abroad
        # (Canada named pulls the knowledge selector to the abroad entry)
        read = answered_by(read, SIMPLIFIED_ENTRY if WHICH_FORM.search(folded) else overview_id("passport_renew"))
    if _intent(parse_data) == "help" and _intent(read) == "student_loan_repayment" and not text.startswith("/") and not (
            WHAT_HAPPENS.search(folded)):
        # "y'a tu de quoi pour m'aider?" after a first loan payment and a part-time job: help to
        # repay is the Repayment Assistance Plan
        return own_entry(_as_topic(read, "student_loan_rap"), parse_data)
    if _intent(read) == "nlu_fallback" and not text.startswith("/"):
        # unsure between two topics of one program that one answer settles: that answer
        return settled_by_one_entry(read) or read
    return read


async def _told_after_a_topic(read: Dict[str, Any], text: str, events: Any, parse: Parse) -> Optional[Dict[str, Any]]:
    """A short statement or question that the model reads as nothing of ours (or unsurely), which
    the conversation's last topic explains: EI hours told after EI's hours were asked ("moi j'en ai
    500, je reste à Montréal"), no scanner or computer told after applying online ("j'ai pas de
    scanner, juste mon cell"), a place asked after a passport service ("c'est disponible à
    Rimouski?" after the express service: where it is given; "ou je le fais?" after "je veux faire
    mon passeport en personne", read as a call for help: where to apply). None otherwise."""
    topic = last_topic(events)
    # a town alone ("halifax" after "where to apply for a passport"), which the model may read as nonsense
    town_alone = names_a_canadian_place(text) and not without_places(text).strip(" .,!?")
    if not topic or text.startswith("/") or (_intent(read) not in TOLD_NOT_ASKED | SMALL_TALK and not (
            town_alone and _intent(read) == "nonsense")) or _confidence(read) >= 1.0 or other_service_named(text) is not None:
        return None
    said = recent_messages(events) or ""
    folded = fold(text)
    where = WHERE_TO_GO.get(program_of(topic) or "")
    if where and ASKS_WHERE.search(text) and (_confidence(read) < SURE_EVERYDAY or PLACE_TOLD.search(text)) and (
            told_lately(events) and not names_a_subject(text)):
        # ("où est-ce que je dois aller? chu à Saguenay" after the express service: a town told is
        # no everyday question, however sure the model's "off topic")
        return {**_where_for(read, topic, where, own_fits=not SENDS.search(text)), "read_with": said}
    if where and topic != where and ASKS_WHERE.search(said) and names_a_canadian_place(text) and len(text.split()) <= MAX_TOWN_AFTER_WHERE_WORDS and (
            not ASKS.search(text) and not names_a_subject(text)):
        # "a Trois-Rivieres" after "jai besoin dun passeport vite vite, ou je dois aller?": where, for that topic
        return {**_where_for(read, topic, where), "read_with": said}
    if where and topic == where and (HOME_TOLD.search(folded) or town_alone) and len(text.split()) <= MAX_HOME_TOLD_WORDS and (
            names_a_canadian_place(text) and not ASKS.search(text) and not names_a_subject(text)):
        # "jhabite a rimouski" after "ou faire ma demande de passeport": where, in Canada
        return {**_as_topic(read, topic, overview_id(topic)), "read_with": said}
    if _answering(topic) and SITE_ASKED.search(folded) and len(text.split()) <= MAX_SITE_ASKED_WORDS and not names_a_subject(text):
        # "c quoi le site deja?" after "je veux payer mon pret etudiant en ligne": that topic's
        # answer, which names its site, not small talk
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, topic), whole), "read_with": said}
    if topic in EI_TOPICS and HOURS_TOLD.search(folded) and HOURS_WORD.search(fold(f"{said} {text}")):
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, "ei_eligibility"), whole), "read_with": said}
    if topic in EI_TOPICS and EARNINGS_TOLD.search(folded) and AMOUNT_ASKED.search(fold(said)) and not names_a_subject(text):
        # "i make about 900 a week on the framing crew" after "how much does EI pay": the amount, from those earnings
        return {**_as_topic(read, "ei_eligibility", EI_AMOUNT_ENTRY), "read_with": said}
    if topic in EI_TOPICS and names_a_canadian_place(text) and len(text.split()) <= MAX_PLACE_AFTER_HOURS_WORDS and (
            HOURS_WORD.search(fold(said)) and not ASKS.search(text) and not names_a_subject(text)):
        # "in moncton" after "how many hours do i need for ei": the hours, which depend on the region
        return {**_as_topic(read, "ei_eligibility", EI_HOURS_ENTRY), "read_with": said}
    if NO_DEVICE.search(folded) and _answering(topic):
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, topic), whole), "read_with": said}
    if topic == "passport_photo" and PHOTO_PLACE.search(folded) and TAKES_THEM.search(folded) and not A_PLACE_CHOSEN.search(folded):
        # "can costco take them or do i need a special studio" after the photo's size: where photos are taken
        return {**_where_for(read, topic, WHERE_TO_GO[PASSPORT]), "read_with": said}
    if topic == "passport_photo" and WORN.search(folded) and (WEARS.search(folded) or FOLLOW_UP.search(text)) and (
            len(text.split()) <= MAX_WORN_WORDS and not names_a_subject(text)):
        whole = await parse(f"{said} {text}")
        return {**conversations_entry(_as_topic(read, topic), whole), "read_with": said}
    if program_of(topic) == PASSPORT and (AVAILABLE_AT.search(text) or OPENING_HOURS.search(folded)):
        return {**_where_for(read, topic, WHERE_TO_GO[PASSPORT]), "read_with": said}
    if topic in RENEWAL_TOPICS and lives_abroad(text) and not names_a_subject(THERE_FOR_WORK.sub(" ", folded)):
        # "I'm in Dubai btw" after "I need to renew my passport": renewing from abroad (there for
        # work, too: "moi chu rendu a lisbonne pour le travail, ca change quoi")
        return {**_as_topic(read, "passport_renew", RENEW_ABROAD_ENTRY), "read_with": said}
    return None


def without_the_way(folded: str) -> str:
    """The folded text without the ways it names (by mail, online, in person)."""
    for way, _ in WAYS:
        folded = way.sub(" ", folded)
    return folded


def _way_entry(topic: str, folded: str) -> Optional[str]:
    """The entry of `topic` that answers applying the way the message names (by mail, online, in
    person), None (its overview) when it has none."""
    entries = cached_knowledge().entries
    return next((f"{topic}.{name}" for way, names in WAYS if way.search(folded)
                 for name in names if f"{topic}.{name}" in entries), None)


def _sin_spoken_of(events: Any) -> bool:
    """The SIN is the conversation's last topic, or named in its last messages."""
    return program_of(last_topic(events) or "") == SIN or SIN in programs_named(recent_messages(events) or "")


def _abroad_or_own(read: Dict[str, Any], parse_data: Dict[str, Any], topic: str, abroad_entry: str, said: str,
                   text: str) -> Dict[str, Any]:
    """`read` as `topic`: its entry for abroad when the conversation and the message tell the
    citizen lives abroad ("jle fais ou" after "jhabite a berlin") or the message names a place
    abroad ("depuis Dakar"), else the message's own entry."""
    if lives_outside_canada(f"{said} {text}") or names_a_place_abroad(text):
        return _as_topic(read, topic, abroad_entry)
    return own_entry(_as_topic(read, topic), parse_data)


def _where_for(read: Dict[str, Any], topic: str, where: str, own_fits: bool = True) -> Dict[str, Any]:
    """`read` answered by where the last topic's own thing is done (its `<topic>.where` entry, when
    it has one and it fits), else by the program's where-to-apply topic `where`."""
    own_where = cached_knowledge().entries.get(f"{topic}.where")
    return _as_topic(read, topic, own_where.id) if own_where is not None and own_fits else _as_topic(read, where)
