"""Without a model, the fifty-second session's two rounds. Round 1: citizens of the Prairies, the
North and Atlantic Canada and francophones outside Montreal (development 123), and families going
through changes (development 124). Round 2 (below its marker): citizens who are frustrated or had
something go wrong (development 125), and young adults (development 126). Round 3 (below its marker):
messages that do more than one thing (development 127), and people living with a disability or a
health condition and those who help them (development 128). A place told alone after EI's hours; no internet at home after an
application; an expired passport with a trip three weeks away and "in time?"; paying extra to get it
quicker; a child's passport's years; a lost passport found again "today"; what to do, or what to
travel with, answering "are you travelling?"; an application feared lost two months on; the RAP's
reach; "why is this in french??"; a grant for next semester; a son at university abroad; a neighbour
as guarantor; no guarantor for a renewal "like the first time"; the year a passport was issued; a
child's SIN papers; the other parent's death; the daycare asking for a baby's SIN; an ex who knows
one's SIN; "in process for 30 business days"; the photo's bangs; "how do i know if they got it";
following an application at a consulate; a maiden name is no identity theft; a wedding's weekday is
no trip's; "does it take longer"; an address changed after applying; the other parent's signature; a
total with the faster services. Not ours: a status card, farm programs, a health card, a driver's
licence's name or switch, a birth certificate's name, divorce, custody decided by a judge, explaining
a separation, a survivor's pension, restaurants, a baby's sleep or name, a dialect, not a store's hours."""

from __future__ import annotations

from datetime import date

import pytest

from actions.situation import travel_window
from bot.language import detect, requested_language
from bot.nlu import phrases
from bot.nlu.places import tells_only_where
from tests.support.readings import BotAction, UserUttered, read_after, read_as, reading, refined_top, topic_and_entry

LABELS = ["passport_child", "passport_apply_adult", "passport_processing_times", "passport_urgent", "passport_status",
          "passport_where_apply", "passport_renew", "sin_apply", "sin_protect", "out_of_scope", "nlu_fallback"]


def test_a_place_told_alone_after_eis_hours_is_that_question_for_the_place():
    assert tells_only_where("i'm in happy valley-goose bay if that matters")
    assert not tells_only_where("i'm in happy valley-goose bay, is there an office open saturday")

    async def parse(again: str) -> dict:
        return reading(("ei_eligibility", 0.95))

    said = [UserUttered("how many hours do i need for ei", "ei_eligibility")]
    read = read_after(said, reading(("out_of_scope", 0.97)), "i'm in happy valley-goose bay if that matters", parse)
    assert read["intent"]["name"] == "ei_eligibility"


def test_no_internet_at_home_after_eis_application_is_applying():
    said = [UserUttered("comment je fais ma demande d'assurance-emploi?", "ei_apply")]
    read = read_as(said, reading(("out_of_scope", 0.91)), "pis si j'ai pas internet à la maison? chu à Blanc-Sablon")
    assert read["intent"]["name"] == "ei_apply"


def test_an_expired_passport_a_trip_three_weeks_away_and_in_time_asked_is_the_faster_services():
    text = "flying to orlando in 18 days and just realized my passport is expired. can i still get it in time?"
    assert phrases.forced_intent(text) == "passport_urgent"
    # a month away, the usual times answer; and no time asked, nothing is forced
    assert phrases.forced_intent("flying to orlando in 40 days and just realized my passport is expired. can i still get it in time?") is None
    assert phrases.forced_intent("flying to orlando in 18 days and just realized my passport is expired") is None
    assert travel_window("in 18 days") == "later" and travel_window("in 18 days", within=21) == "soon"


def test_paying_extra_to_get_it_quicker_after_a_trip_with_an_expired_passport():
    said = [UserUttered("i'm flying to cancun in 4 days and my passport is expired", "passport_urgent")]
    read = read_as(said, reading(("nlu_fallback", 0.39)), "can i pay extra to get it quicker, how does that work")
    assert read["intent"]["name"] == "passport_urgent"


def test_a_childs_passport_years_asked():
    said = [UserUttered("how much for a passport for my son, he's 8", "passport_fees")]
    read = read_as(said, reading(("passport_fees", 0.52)), "ok and how many years is his good for")
    assert topic_and_entry(read) == ("passport_child", "passport_child.validity")
    read = read_as([], reading(("passport_fees", 0.89)), "how much for a passport for my 12 year old and how long is it valid")
    assert topic_and_entry(read) == ("passport_child", "passport_child.validity")


def test_a_lost_passport_found_today_is_no_trip_today():
    assert travel_window("found the old one in my coat pocket today lol can i still use it") is None
    assert travel_window("my passport was stolen today and i fly tomorrow") == "soon"
    events = [UserUttered("i reported my passport lost last month and got a new one", "passport_lost_stolen"),
              BotAction("utter_ask_travel_soon")]
    read = read_as(events, reading(("out_of_scope", 0.32)), "found the old one in my coat pocket today lol can i still use it")
    assert read["intent"]["name"] != "affirm"


@pytest.mark.parametrize("said, text", [
    ("j'ai perdu mon passeport en déménageant", "je pars à new york dans 3 jours, je fais quoi"),
    ("Mon mari a déclaré son passeport perdu il y a 2 semaines.", "On part pour Puerto Vallarta dans 4 jours, il peut voyager avec quoi ?"),
])
def test_what_to_do_answering_are_you_travelling_after_a_loss_is_the_losss_answer(said, text):
    events = [UserUttered(said, "passport_lost_stolen"), BotAction("utter_ask_travel_soon")]
    read = read_as(events, reading(("nlu_fallback", 0.3)), text)
    assert topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.overview")


def test_an_application_feared_lost_two_months_on():
    assert phrases.application_feared_lost("ben là ça fait 2 mois, j'ai appelé 3 fois pis personne répond!!! c'est-tu perdu??")
    assert not phrases.application_feared_lost("j'ai perdu mon passeport, ça fait 2 mois")


def test_what_the_rap_covers_is_the_plans():
    said = [UserUttered("i'm on rap for my federal loan", "student_loan_rap")]
    read = read_as(said, reading(("student_loan_repayment", 0.73)), "does it also cover my nova scotia loan?")
    assert read["intent"]["name"] == "student_loan_rap"


@pytest.mark.parametrize("text, wanted", [
    ("why is this in french?? english please", "en"),
    ("why is this in french??", "en"),
    ("pourquoi c'est en anglais? français svp", "fr"),
])
def test_the_chats_language_questioned_asks_for_the_other(text, wanted):
    assert requested_language(text.lower()) == wanted
    detected = detect(text)
    assert detected is not None and detected.language == wanted


def test_a_grant_for_next_semester_is_new_aid():
    assert phrases.forced_intent("ok and can i get a grant for next semester") == "out_of_scope"
    assert phrases.forced_intent("do i have to pay back my grant if i drop a course this term") is None


def test_a_son_at_university_abroad_renews_an_adults_passport():
    text = "Mon fils est aux études à Bordeaux pis il doit renouveler son passeport là-bas, ça prend combien de temps de l'étranger?"
    assert phrases.applicant_is_adult(text)
    assert phrases.asks_whether_renewable(text) != "passport_child"


def test_a_neighbour_proposed_as_guarantor_is_who_may_be_one():
    read = read_as([], {**reading(("passport_photo", 0.88)), "knowledge": {"id": "passport_photo.guarantor_signature", "score": 1.0}},
                   "est-ce que mon voisin qui me connaît depuis 30 ans peut signer mes photos pis ma demande ou ça prend un professionnel?")
    assert topic_and_entry(read) == ("passport_apply_adult", "passport_apply_adult.guarantor")


def test_a_guarantor_like_the_first_time_during_a_renewal():
    said = [UserUttered("je vais renouveler mon passeport cette semaine", "passport_renew")]
    read = read_as(said, reading(("passport_apply_adult", 1.0)), "est-ce que ça prend un répondant comme la première fois?")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.no_guarantor")
    # a first passport said is no renewal's, even read as one
    said = [UserUttered("je vais faire mon premier passeport cette semaine", "passport_renew")]
    read = read_as(said, reading(("passport_apply_adult", 1.0)), "est-ce que ça prend un répondant?")
    assert read["intent"]["name"] == "passport_apply_adult"


def test_the_year_of_issue_told_after_a_renewal_is_the_check():
    said = [UserUttered("je veux renouveler mon passeport", "passport_renew")]
    read = read_as(said, reading(("passport_status", 0.56)), "il a été fait en 2008 par contre")
    assert read["intent"]["name"] == "passport_renewal_eligibility"


def test_a_childs_age_and_papers_after_a_sin_for_him():
    said = [UserUttered("je veux faire une demande de NAS pour mon fils", "sin_apply")]
    read = read_as(said, reading(("passport_apply_adult", 0.9)), "il a 9 ans, ça prend quoi comme papiers?")
    assert topic_and_entry(read) == ("sin_apply", "sin_apply.child")


def test_the_other_parents_death_for_a_childs_passport():
    read = read_as([], reading(("passport_apply_adult", 0.9)), "my husband died in 2024. i'm applying for our son's first passport, "
                   "do i have to send a copy of the death certificate")
    assert topic_and_entry(read) == ("passport_child", "passport_child.one_parent")


def test_the_daycare_asking_for_a_babys_sin_and_an_ex_who_knows_it():
    assert phrases.asks_who_may_ask_for_the_sin("the daycare is asking for my baby's SIN on the registration form, is that normal?")
    assert phrases.forced_intent("mon ex connait mon NAS pis j'ai peur qu'il s'en serve pour faire des affaires a mon nom, je fais quoi") == (
        "sin_protect")
    assert phrases.forced_intent("im worried i need to use my sin for the new job") is None


def test_in_process_for_business_days_with_a_trip_is_the_delay():
    read = read_as([], reading(("nlu_fallback", 0.44)), "my application has said in process for 30 business days. we fly to paris jan 3, "
                   "what do i do")
    assert read["intent"]["name"] == "passport_status"


def test_the_photos_bangs_after_a_photo_rejected():
    async def parse(again: str) -> dict:
        return reading(("passport_photo", 0.9))

    said = [UserUttered("my passport photo got rejected", "passport_photo")]
    read = read_after(said, reading(("out_of_scope", 0.9)), "it was taken at walmart. what could be wrong? my bangs were covering "
                      "my eyebrows a bit", parse)
    assert read["intent"]["name"] == "passport_photo"
    # the rules asked, then a salon: not the photo's
    said = [UserUttered("what are the rules for passport photos", "passport_photo")]
    read = read_after(said, reading(("out_of_scope", 0.9)), "also do u know a good hair salon downtown, want to look nice for it lol", parse)
    assert read["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text", [
    "i applied with my new married name, how do i know if they got my marriage certificate",
    "Est-il possible de suivre une demande de passeport déposée au consulat à Rome?",
])
def test_whether_they_got_it_or_following_it_is_the_status(text):
    assert phrases.asks_status(text)
    assert refined_top(text, ("passport_apply_adult", 0.68), ("passport_status", 0.2), labels=LABELS) == "passport_status"


def test_a_maiden_name_is_no_identity_theft_nor_a_weddings_weekday_a_trip():
    text = ("on s'est mariés samedi pis j'ai jamais eu de passeport. je fais la demande avec mon nom de fille ou celui de mon mari? "
            "voyage de noces au mexique en mars")
    assert not phrases.identity_used(text)
    assert phrases.forced_intent(text) is None
    assert travel_window(text, today=date(2026, 12, 5)) == "later"
    assert travel_window("je pars samedi pour cuba, on revient en mars", today=date(2026, 12, 5)) == "soon"


def test_whether_it_takes_longer_is_the_time():
    read = read_as([], reading(("passport_child", 0.86)),
                   "ça prend tu plus de temps quand c'est un passeport d'enfant avec des papiers de cour pour la garde?")
    assert read["intent"]["name"] == "passport_processing_times"
    # supposed, not asked: a refund's question
    read = read_as([], reading(("passport_fees", 0.6)), "do i get my money back if my passport takes longer than they say it will")
    assert read["intent"]["name"] == "passport_fees"


def test_an_address_changed_after_applying_is_the_phone_line():
    read = read_as([], reading(("passport_where_apply", 0.73)), "j'ai changé d'adresse après avoir envoyé ma demande de passeport "
                   "(on s'est séparés), comment être sûre qu'ils l'envoient à la bonne place?")
    assert topic_and_entry(read) == ("passport_status", "passport_status.phone")


def test_the_other_parent_signing_after_a_daughters_passport():
    said = [UserUttered("c'est pour le passeport de ma fille de 14 ans", "passport_child"),
            UserUttered("son père habite à winnipeg et moi à montréal", "out_of_scope")]
    read = read_as(said, reading(("passport_apply_adult", 0.56)), "il doit tu venir signer en personne?")
    assert topic_and_entry(read) == ("passport_child", "passport_child.consent")


def test_a_total_with_the_faster_services_after_a_fee():
    said = [UserUttered("how much is an adult passport 5 yr", "passport_fees")]
    read = read_as(said, reading(("passport_processing_times", 0.81)), "and if i want it fast, how much all together")
    assert read["intent"]["name"] == "passport_fees"


def test_leaving_for_mexico_with_a_faster_way_asked_is_the_faster_services():
    text = ("je travaille dans le nord à Radisson pis je peux pas me rendre à un bureau, je pars au Mexique le 20 décembre, "
            "j'ai-tu des options pour aller plus vite?")
    assert phrases.wants_it_sooner(text)
    assert read_as([], reading(("passport_where_apply", 0.9)), text)["intent"]["name"] == "passport_urgent"


@pytest.mark.parametrize("text", [
    "how do i get my status card renewed, im from norway house",
    "and how do i apply for agristability this year",
    "is there any crop insurance help after this summer's drought",
    "ok pis la carte d'assurance maladie pour le bébé au Manitoba, c'est où?",
    "how do i change my last name on my drivers licence in alberta after getting married",
    "also do i have to switch my drivers licence in 90 days",
    "comment je fais pour changer mon nom sur mon certificat de naissance du Manitoba après mon divorce?",
    "c'est quoi les étapes pour divorcer au canada, y a tu un formulaire en ligne?",
    "et la garde des enfants c'est le juge qui décide ou on s'entend entre nous?",
    "comment expliquer la séparation à un enfant de 5 ans sans le traumatiser",
    "et après son décès, la rente de conjoint survivant pour ma mère, c'est où qu'on demande ça?",
    "tant qu'à y être, tu sais-tu où c'est bon pour manger proche du Service Canada?",
    "is it normal for a 2 month old to sleep 5 hours straight",
    "whats a pretty name for a baby girl born in december, not noel pls",
    "c'est quoi la différence entre le chiac pis l'acadien?",
])
def test_not_ours(text):
    assert phrases.forced_intent(text) == "out_of_scope"


@pytest.mark.parametrize("text", [
    "i work part time at shoppers about 20 hrs a week, do i have enough hours for maternity ei? due in april",
    "can my 2 month old be asleep in her passport photo",
    "what name goes on my baby's passport, mine or his dad's",
])
def test_ours_beside_the_same_words(text):
    assert phrases.forced_intent(text) != "out_of_scope"


# Round 2: citizens who are frustrated or had something go wrong (development 125), and young adults
# (development 126).

def test_renewing_by_mail_after_the_online_renewals_photo_failed():
    read = read_as([], reading(("passport_photo", 0.57)), "tried the online renewal 3 times and it kicks me out at the photo upload "
                   "every single time. can i just mail the paper renewal instead or is that gone now")
    assert read["intent"]["name"] == "passport_renew"


def test_two_renewals_abroad_with_the_total_asked_is_their_fee():
    from actions.situation import fee_situation

    text = "renewing mine and my husbands, both 10 year, we're in London (UK). how much altogether? the consulate page is down"
    situation = fee_situation(text)
    assert situation is not None and (situation.adults, situation.location, situation.validity) == (2, "abroad", 10)
    assert fee_situation("my husband and i renew, my husband's is 10 years, how much total").adults == 2
    assert read_as([], reading(("passport_renew", 1.0)), text)["intent"]["name"] == "passport_fees"


def test_not_enough_hours_told_is_no_eligibility_said():
    assert not phrases.says_eligible_then_asks_how("they said i dont have enough hours. i worked 7 months part time at a grocery "
                                                   "store in Moncton. how many hours do i even need")
    assert phrases.says_eligible_then_asks_how("i think i have enough hours. how do i apply")


def test_the_waiting_week_by_name_is_eis():
    read = read_as([], reading(("out_of_scope", 0.46)), "why is there a waiting week?? i literally have no money for rent. who came up with that")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.waiting_period")


def test_another_documents_photo_after_a_photo_refused():
    said = [UserUttered("they refused my passport photo", "passport_photo")]
    read = read_as(said, reading(("passport_apply_adult", 0.47)), "can i just use the one from my drivers licence lol")
    assert read["intent"]["name"] == "passport_photo"
    # the card's own photo asked about is the card's
    said = [UserUttered("la photo de passeport, c'est quoi les règles pour les lunettes?", "passport_photo")]
    read = read_as(said, reading(("out_of_scope", 0.99)), "pis pour la photo de ma carte d'assurance maladie, c'est les mêmes règles?")
    assert read["intent"]["name"] == "out_of_scope"


@pytest.mark.parametrize("text, wanted", [
    ("en francais svp. i tried in english but i dont understand the words you use", "fr"),
    ("English only please, the last answer came half in French and I couldn't follow it", "en"),
])
def test_a_language_asked_first_or_against_what_came(text, wanted):
    assert requested_language(text.lower()) == wanted


def test_the_simplified_renewals_form_which_one():
    read = read_as([], reading(("passport_renewal_eligibility", 0.66)), "le formulaire de renouvellement simplifié c'est lequel?? j'ai pris "
                   "celui de premiere demande par erreur pis ils me l'ont retourné au complet. écoeurée")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.simplified")


def test_the_hospital_papers_and_a_separate_application_for_the_ccb():
    read = read_as([], reading(("ccb_payment_dates", 1.0)), "mon bébé est né en septembre, j'ai rempli les papiers à l'hôpital pis j'ai "
                   "jamais reçu d'allocation pour enfants. faut-tu faire une demande à part?")
    assert topic_and_entry(read) == ("ccb_apply", "ccb_apply.birth_registration")


def test_a_babys_photo_the_same_rules_after_a_photo_refused():
    said = [UserUttered("ma photo a été refusée pcq il y avait une ombre derrière ma tête", "passport_photo")]
    read = read_as(said, reading(("passport_child", 0.37)), "pis pour mon bébé c'est les mêmes règles?? il se tient même pas assis tout seul")
    assert topic_and_entry(read) == ("passport_photo", "passport_photo.baby")


def test_the_next_date_after_a_ccb_payment_not_come():
    assert phrases.asks_next_payment("c'est quand la prochaine date d'abord?")
    said = [UserUttered("mon ACE est pas rentrée encore, c'est toujours la même histoire", "ccb_payment_dates")]
    assert read_as(said, reading(("out_of_scope", 0.85)), "c'est quand la prochaine date d'abord?")["intent"]["name"] == "ccb_payment_dates"


def test_when_to_apply_after_a_layoff_even_said_at_length():
    said = [UserUttered("j'ai perdu ma job le 28 novembre, mise à pied", "ei_eligibility")]
    read = read_as(said, reading(("nlu_fallback", 0.29)), "je fais ma demande quand, tout de suite ou j'attends ma dernière paye?")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.deadline")


def test_too_old_to_renew_asked_is_the_check():
    said = [UserUttered("mon passeport est expiré depuis 2019", "passport_renew")]
    read = read_as(said, reading(("passport_renew", 0.86)), "je peux-tu le renouveler ou c'est trop vieux?")
    assert read["intent"]["name"] == "passport_renewal_eligibility"


def test_told_not_eligible_online_is_the_online_renewals_conditions():
    said = [UserUttered("est-ce que je peux renouveler mon passeport en ligne", "passport_renew")]
    read = read_as(said, reading(("passport_apply_adult", 0.48)), "ok j'ai essayé pis ça m'a dit que je suis pas admissible. POURQUOI??")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.online")


@pytest.mark.parametrize("text, read", [
    ("just tell me a joke, ive been on hold for 2 hours and i need something", ("nlu_fallback", 0.28)),
    ("conte-moi une joke, j'en ai besoin après l'avant-midi que je viens de passer avec vous autres", ("request_human", 0.64)),
])
def test_a_joke_asked_is_off_topic(text, read):
    assert read_as([], reading(read), text)["intent"]["name"] == "out_of_scope"


def test_a_working_holiday_sin_the_same_for_me():
    said = [UserUttered("how do i get a SIN", "sin_apply")]
    read = read_as(said, reading(("out_of_scope", 0.91)), "im from france on a working holiday permit, is it the same for me")
    assert topic_and_entry(read) == ("sin_apply", "sin_apply.temporary_sin_9")


def test_a_toddler_taken_abroad_without_her_dad_is_the_consent_letter():
    assert phrases.asks_consent_letter_for_a_trip("taking my 3yo to visit my mom in kingston jamaica without her dad, what letter do i need")


def test_how_long_after_the_express_service_is_its_time():
    said = [UserUttered("whats express passport service", "passport_urgent")]
    read = read_as(said, reading(("passport_processing_times", 0.9)), "how long does it actually take")
    assert topic_and_entry(read) == ("passport_urgent", "passport_urgent.urgent_vs_express")


def test_someone_of_an_office_asked_to_call_back_is_a_person():
    assert phrases.asks_for_person("can someone from the student loan centre call me? my number is on my account")
    assert not phrases.asks_for_person("can someone from cra call me and say my sin is suspended?")


def test_the_old_passport_sent_with_a_renewal():
    read = read_as([], reading(("passport_apply_adult", 0.56)), "je renouvelle par la poste, je dois envoyer mon vieux passeport avec?? "
                   "j'ai full peur qu'il se perde lol")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.old_passport")


def test_how_long_said_as_cest_long_comment():
    assert phrases.asks_how_long("je fais ma demande à l'ambassade à paris pendant mon PVT, c'est long comment avant de l'avoir?")


def test_a_trip_in_days_and_the_passport_in_time_read_off_topic():
    read = read_as([], reading(("out_of_scope", 0.64)), "mon vol pour punta cana est dans 12 jours, je fais comment pour avoir mon "
                   "passeport à temps")
    assert read["intent"]["name"] == "passport_urgent"


def test_ccb_no_longer_received_with_taxes_not_filed():
    read = read_as([], reading(("ccb_apply", 1.0)), "ça fait 2 mois que je reçois pu l'allocation canadienne pour enfants, mais j'ai pas "
                   "fait mes impôts 2025")
    assert topic_and_entry(read) == ("ccb_payment_dates", "ccb_payment_dates.payment_stopped")


def test_a_loan_with_no_income_and_when_repaying_starts():
    read = read_as([], reading(("nlu_fallback", 0.5)), "chu une jeune maman à la maison, zéro revenu, je dois quand même payer mon prêt "
                   "étudiant fédéral?")
    assert read["intent"]["name"] == "student_loan_rap"
    said = [UserUttered("j'ai gradué du collège boréal à sudbury en mai, j'ai un prêt canadien", "student_loan_repayment")]
    read = read_as(said, reading(("student_loan_rap", 0.66)), "pis je dois commencer à payer mon prêt quand? j'ai pas encore de job")
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.when_start")


def test_eis_payments_asked_after_missed_reports():
    async def parse(again: str) -> dict:
        return reading(("ei_apply", 0.9))

    said = [UserUttered("j'ai oublié de faire mes déclarations d'AE aux 2 semaines", "ei_apply")]
    read = read_after(said, reading(("student_loan_repayment", 0.85)), "ça va-tu couper mes paiements??", parse)
    assert read["intent"]["name"] == "ei_apply"
    # how much EI pays keeps its own answer
    said = [UserUttered("j'ai été mise a pied le 14 février, je gagnais 900$ par semaine", "ei_apply")]
    read = read_as(said, reading(("ccb_payment_dates", 0.81)), "je vais recevoir combien par semaine?")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.benefit_amount")


def test_a_lost_passport_said_with_perds():
    assert phrases.says_own_passport_lost("2e fois que je perds mon passeport en 3 ans (oui je sais)")


@pytest.mark.parametrize("text", [
    "chu né à boston de parents canadiens, comment je demande mon certificat de citoyenneté?",
    "je veux faire une demande de PVT pour l'australie, c'est où?",
    "il veut me payer cash sous la table, c'est-tu légal ça?",
])
def test_not_ours_either(text):
    assert phrases.forced_intent(text) == "out_of_scope"


# Round 3: messages that do more than one thing (development 127), and people living with a disability
# or a health condition and those who help them (development 128).

def test_the_online_renewal_asked_unsurely_and_an_emergency_passport():
    read = read_as([], reading(("nlu_fallback", 0.3)), "can i renew my passport online yet or is that still not a thing? if not which form")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.online")
    read = read_as([], reading(("passport_lost_stolen", 0.97)), "last year the embassy in lima gave me an emergency passport after mine "
                   "was stolen. can i renew from that one when i get home to calgary?")
    assert read["intent"]["name"] == "passport_renewal_eligibility"


def test_a_correction_not_x_i_mean_y():
    import asyncio

    from bot.engine.context.parts import past_a_correction

    async def parse(text: str) -> dict:
        return reading(("ccb_apply", 0.85)) if text.startswith("the child benefit") else reading(("sin_apply", 0.69))

    text = "i want to apply for my babys sin, sorry not sin i mean the child benefit thing. she was born nov 2 in moncton"
    read, meant = asyncio.run(past_a_correction(reading(("sin_apply", 0.69)), text, parse))
    assert read["intent"]["name"] == "ccb_apply" and meant.startswith("the child benefit")


def test_not_in_the_picture_and_a_sin_not_had_yet():
    said = [UserUttered("can i get a passport for my son without his father", "passport_child")]
    read = read_as(said, reading(("passport_photo", 0.53)), "hes not in the picture at all, never has been. no court papers nothing")
    assert topic_and_entry(read) == ("passport_child", "passport_child.one_parent")
    said = [UserUttered("when do i apply for ccb for my newborn", "ccb_apply")]
    read = read_as(said, reading(("sin_apply", 0.97)), "we have the birth certificate but not her sin yet, does that matter for it")
    assert read["intent"]["name"] == "ccb_apply"


def test_flying_home_with_a_licence_after_a_theft_abroad():
    said = [UserUttered("my passport got stolen at the airport in cancun", "passport_lost_stolen")]
    read = read_as(said, reading(("out_of_scope", 1.0)), "wait can i just fly home with my drivers licence??")
    assert topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.abroad")


def test_yes_or_no_asked_is_the_conversations_question():
    async def parse(again: str) -> dict:
        return {**reading(("passport_renew", 0.95)), "knowledge": {"id": "passport_renew.online", "score": 1.0}}

    said = [UserUttered("can i renew my passport online", "passport_renew")]
    read = read_after(said, reading(("affirm", 0.75)), "ok so yes or no", parse)
    assert read["intent"]["name"] == "passport_renew"


@pytest.mark.parametrize("said, text", [
    (["my nslsc account is locked", "i need to make a payment today its due"], "forget the account, can i just pay by phone or at my bank"),
    (["when do i start paying back my student loan", "i finished school in may 2026"], "so november? and how much a month roughly"),
])
def test_paying_after_a_student_loan(said, text):
    events = [UserUttered(said[0], "student_loan_repayment"), UserUttered(said[1], "out_of_scope")]
    read = read_as(events, reading(("out_of_scope", 0.51)), text)
    assert read["intent"]["name"] == "student_loan_repayment"


def test_pr_papers_after_a_newcomers_sin():
    said = [UserUttered("what do i need to apply for a sin as a newcomer", "sin_apply")]
    read = read_as(said, reading(("out_of_scope", 1.0)), "my pr card didnt come yet, i only have the confirmation of pr paper")
    assert topic_and_entry(read) == ("sin_apply", "sin_apply.newcomers")
    # the PR card itself asked about is IRCC's
    read = read_as(said, reading(("out_of_scope", 1.0)), "and my PR card, when does that arrive")
    assert read["intent"]["name"] == "out_of_scope"


def test_a_childs_time_and_a_wait_told():
    read = read_as([], reading(("passport_child", 0.85)), "salut, ma demande est pour mon gars pas moi, c'est le même délai pour un enfant?")
    assert read["intent"]["name"] == "passport_processing_times"
    # how long it lasts, or "how long" alone, stays the child's passport
    for text in ("c bon combien de temps un passeport d'enfant, 5 ans ou 10 ans?", "how long for a child passport"):
        assert read_as([], reading(("passport_child", 0.75)), text)["intent"]["name"] == "passport_child"
    read = read_as([], reading(("passport_child", 0.76)), "ça fait 6 semaines que j'attends le passeport de mon fils, c'est normal ou "
                   "je dois m'inquiéter?")
    assert read["intent"]["name"] == "passport_status"


def test_how_long_after_citizenship_and_what_was_told_of_it():
    said = [UserUttered("je veux demander la citoyenneté canadienne", "out_of_scope"), UserUttered("je suis RP depuis 2021", "out_of_scope")]
    read = read_as(said, reading(("passport_processing_times", 0.92)), "combien de temps ça prend?")
    assert read["intent"]["name"] == "out_of_scope"


def test_a_large_print_form_and_a_renewals_guarantor_beside_a_disability():
    read = read_as([], reading(("passport_fees", 0.62)), "low vision here. is there a large print version of the passport renewal form or "
                   "some other way")
    assert read["intent"]["name"] == "passport_renew"
    read = read_as([], reading(("out_of_scope", 1.0)), "does the simplified renewal need a guarantor? i'm on long term disability and "
                   "kinda isolated, dont have anyone to ask")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.no_guarantor")


def test_the_raps_thresholds_with_a_cpp_income_told():
    said = [UserUttered("what is the repayment assistance plan", "student_loan_rap")]
    read = read_as(said, reading(("out_of_scope", 1.0)), "i get cpp disability about 1400 a month, would i qualify")
    assert topic_and_entry(read) == ("student_loan_rap", "student_loan_rap.eligibility")


def test_a_medical_device_in_the_photo():
    async def parse(again: str) -> dict:
        return reading(("passport_photo", 0.9))

    said = [UserUttered("what are the passport photo rules", "passport_photo")]
    assert read_after(said, reading(("out_of_scope", 0.89)), "my dad has a trach tube, does that matter", parse)["intent"]["name"] == "passport_photo"


@pytest.mark.parametrize("said, topic, text", [
    ("my wife is blind and needs her first passport", "passport_apply_adult", "can i fill in the form for her and she just signs"),
    ("je suis aveugle et je veux renouveler mon passeport", "passport_renew", "qui peut remplir le formulaire pour moi?"),
])
def test_someone_filling_in_the_form_for_an_adult(said, topic, text):
    read = read_as([UserUttered(said, topic)], reading(("passport_child", 0.44)), text)
    assert read["intent"]["name"] == topic


def test_an_adult_son_a_passport_thrown_out_and_a_residence_asking_for_the_sin():
    assert phrases.applicant_is_adult("je suis le tuteur légal de mon fils majeur qui a une déficience intellectuelle (il a 23 ans)")
    assert phrases.says_own_passport_lost("ma mere qui fait de la demence a jete son passeport a la poubelle je pense")
    assert phrases.asks_who_may_ask_for_the_sin("la residence privee de mon pere demande son NAS pour l'inscrire, ont ils le droit?")


def test_a_consent_letter_asked_however_unsure_the_childs_passport():
    text = "taking my daughter (heart condition) to a specialist in cleveland in march without her dad. do i need some consent letter"
    assert refined_top(text, ("passport_child", 0.4), ("ei_apply", 0.3), labels=LABELS + ["ei_apply"]) == "passport_child"


@pytest.mark.parametrize("text", [
    "my daughter was born in seattle, how do i get her a US passport while we live in canada",
    "how do i get a new copy of my alberta birth certificate? lost it and need it for my passport application",
    "how do you sign thank you in ASL",
    "ou je peux suivre un cours de LSQ pour jaser avec mon petit-fils?",
    "ok merci. pis pour la carte d'assurance maladie c'est combien?",
])
def test_not_ours_in_round_3(text):
    assert phrases.forced_intent(text) == "out_of_scope"


def test_a_canadian_passport_asked_from_abroad_stays_ours():
    assert phrases.forced_intent("im french and i need a canadian passport for my son who was born in toronto") != "out_of_scope"


def test_a_language_asked_for_someone_helped_told_at_length():
    assert phrases.asks_for_language("can u write the answers in french, im helping my uncle who is in a chsld in laval")
    assert not phrases.asks_for_language("can u write in french, im helping my uncle renew his passport")
