"""Without a model, the forty-ninth session's round 2: travellers and Canadians abroad, workers
and graduates. Renewing from the States or from a city abroad ("can i do it online from here"
after Santiago); a baby born abroad; a family's total with the kids; "is 10 days enough??" after
an expired passport and a flight; a file followed from an embassy or "il est rendu ou, jai
appliqué le 1er avril"; the year of issue told after a renewal asked; which form renews; starting
over as for a first passport; a 5-year passport's renewal; loan payments online or from a bank
account abroad; EI's deadline asked as "too late?" and the hours it takes; a temporary farm
worker's SIN; the month's CCB not received; this chat's English version; and what is not ours:
taxes to set aside, severance taxed, the province's help while EI is awaited, going back to school
late, a pension cashed out, unpaid shifts, vacation pay, cash across the border."""

from __future__ import annotations

import pytest

from actions.situation import fee_situation, issued_in_a_year, lives_abroad, names_the_us
from bot.language import requested_language
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_after, reading, refined_top, topic_and_entry

PASSPORT_LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
                   "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
                   "passport_fee_calculator", "passport_lost_stolen", "out_of_scope", "nlu_fallback"]
CCB_LABELS = ["ccb_apply", "ccb_payment_dates", "out_of_scope", "nlu_fallback"]


def test_renewing_by_mail_from_the_states_is_renewing_from_abroad():
    text = "Snowbird here, in Yuma AZ until April. My passport runs out in February. Can I send the renewal by mail from the States?"
    assert names_the_us(text) and phrases.asks_to_renew_from_abroad(text)
    assert refined_top(text, ("passport_where_apply", 0.88), ("passport_renew", 0.1), labels=PASSPORT_LABELS) == "passport_renew"
    # where to send it asked: where to apply from there
    where = "Snowbird here, in Yuma AZ. Where do I send the renewal from the States?"
    assert not phrases.asks_to_renew_from_abroad(where)


def test_a_city_before_its_country_tells_where_one_is():
    assert lives_abroad("im in santiago chile and my passport expires in august")
    assert lives_abroad("i am in paris france")
    assert not lives_abroad("im in love with france")


def test_online_from_here_after_a_stay_abroad_is_renewing_from_abroad():
    said = [UserUttered("im in santiago chile and my passport expires in august", "passport_renew")]
    read = read_after(said, reading(("passport_where_apply", 0.36)), "can i do it online from here")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.abroad")
    french = [UserUttered("chu a lima pis mon passeport expire en août", "passport_renew")]
    read = read_after(french, reading(("request_human", 0.65)), "je peux le faire en ligne d'icitte?")
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.abroad")
    # a person asked for stays a person asked for
    person = read_after(french, reading(("request_human", 0.65)), "je peux parler à un agent en ligne d'icitte?")
    assert person["intent"]["name"] == "request_human"


def test_a_baby_born_abroad_is_a_childs_passport():
    munich = "we live in munich, baby born here in may, both of us are canadian. how do we get her a canadian passport"
    assert phrases.born_abroad_asks_their_passport(munich)
    assert refined_top(munich, ("passport_where_apply", 0.7), ("passport_child", 0.2), labels=PASSPORT_LABELS) == "passport_child"
    brussels = "notre bébé est né à bruxelles en janvier, on est tous les deux canadiens, comment lui faire un passeport canadien"
    assert refined_top(brussels, ("passport_child", 0.38), ("passport_where_apply", 0.37), labels=PASSPORT_LABELS) == "passport_child"
    # born in Canada: no place abroad
    assert not phrases.born_abroad_asks_their_passport("baby born in toronto in may, how do we get her a passport")


def test_a_familys_total_read_between_renewing_and_the_fee_is_the_fee():
    text = "me and my husband both renewing 10 yr plus our 2 kids, whats the total damage"
    assert phrases.asks_price(text)
    assert refined_top(text, ("passport_fees", 0.5), ("passport_renew", 0.44), labels=PASSPORT_LABELS) == "passport_fees"
    assert refined_top(text, ("passport_renew", 0.5), ("passport_fees", 0.44), labels=PASSPORT_LABELS) == "passport_fees"
    # how to renew asked: the renewal
    how = "me and my husband both renewing 10 yr plus our 2 kids, how do we do it"
    assert refined_top(how, ("passport_renew", 0.5), ("passport_fees", 0.44), labels=PASSPORT_LABELS) == "passport_renew"


def test_a_two_yr_olds_passport_counts_a_child():
    situation = fee_situation("renewing mine (5 yr) and getting my 2 yr olds first one, were in canada. what does it all come to")
    assert (situation.adults, situation.children, situation.validity) == (1, 1, 5)


def test_days_asked_to_be_enough_after_an_expired_passport_and_a_flight_is_the_urgent_service():
    said = [UserUttered("flying to london on the 20th and just saw my passport expired", "passport_renew")]
    read = read_after(said, reading(("passport_processing_times", 0.88)), "is 10 days enough??")
    assert read["intent"]["name"] == "passport_urgent" and read.get("read_with")
    french = [UserUttered("je pars a londres le 15 pis je viens de voir que mon passeport est expiré", "passport_renew")]
    assert read_after(french, reading(("passport_processing_times", 0.59)), "10 jours c'est-tu assez??")["intent"]["name"] == "passport_urgent"
    # a month away: the usual times
    assert read_after(said, reading(("passport_processing_times", 0.88)), "is 30 days enough??")["intent"]["name"] == "passport_processing_times"


def test_a_file_followed_from_an_embassy_or_asked_where_it_is_is_its_status():
    dakar = "jai fait ma demande a l'ambassade a dakar, comment je suis mon dossier"
    assert phrases.asks_status(dakar) and phrases.applied_at_a_mission(dakar)
    assert refined_top(dakar, ("out_of_scope", 0.3), ("passport_where_apply", 0.29), labels=PASSPORT_LABELS) == "passport_status"
    assert phrases.asks_status("ok pis le mien il est rendu ou, jai appliqué le 1er avril a longueuil")
    assert not phrases.asks_status("je suis à dakar pour le travail")


def test_the_year_of_issue_told_after_a_renewal_asked_is_the_renewal_check():
    assert issued_in_a_year("il a été émis en 2011 a hong kong")
    said = [UserUttered("je peux tu renouveler mon passeport", "passport_renew")]
    read = read_after(said, reading(("out_of_scope", 0.54)), "il a été émis en 2011 a hong kong")
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    # no renewal asked: nothing to check
    sin = [UserUttered("comment avoir un NAS", "sin_apply")]
    assert read_after(sin, reading(("out_of_scope", 0.54)), "il a été émis en 2011 a hong kong")["intent"]["name"] != "passport_renewal_eligibility"


def test_which_form_renews_after_a_year_that_allows_it_is_how_to_renew():
    assert phrases.asks_whether_renewable("what form do i use to renew my passport? same one as last time in 2016?") == "passport_renew"
    assert phrases.asks_whether_renewable("c'est quel formulaire pour renouveler mon passeport? le meme qu'en 2017?") == "passport_renew"
    assert phrases.asks_whether_renewable("can i renew, mine is from 2016") == "passport_renewal_eligibility"


def test_starting_over_after_a_passport_too_old_to_renew_is_the_renewal_check():
    said = [UserUttered("my passport expired in 2008", "passport_renew")]
    read = read_after(said, reading(("passport_apply_adult", 0.42)), "so i have to do the whole first time thing again?")
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    french = [UserUttered("mon passeport est expiré depuis 2009", "passport_renew")]
    read = read_after(french, reading(("passport_apply_adult", 0.98)), "faut-tu que je recommence comme un premier passeport?")
    assert read["intent"]["name"] == "passport_renewal_eligibility"
    # nothing told that rules renewing out: a first passport's question stays one
    recent = [UserUttered("my passport expires in june", "passport_renew")]
    assert read_after(recent, reading(("passport_apply_adult", 0.42)), "so i have to do the whole first time thing again?")[
        "intent"]["name"] == "passport_apply_adult"


def test_whether_a_5_year_passport_renews_is_the_renewal_check():
    text = "can i renew if my passport was only a 5 year one? or is renewal just for 10 yr"
    assert phrases.asks_whether_renewable(text) == "passport_renewal_eligibility"


def test_loan_payments_online_or_from_a_bank_abroad_are_the_nslsc_accounts():
    grace = [UserUttered("my grace period ends in june", "student_loan_repayment")]
    read = read_after(grace, reading(("student_loan_rap", 0.6)), "how do i make payments online, i never set anything up")
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.nslsc_account")
    abroad = [UserUttered("je dois payer mon pret etudiant", "student_loan_repayment"),
              UserUttered("je vis en belgique depuis l'an passé", "student_loan_repayment")]
    read = read_after(abroad, reading(("out_of_scope", 0.9)), "je peux payer d'un compte belge?")
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.nslsc_account")
    # another bill named stays another service's
    assert read_after(grace, reading(("out_of_scope", 0.9)), "can i pay my hydro bill from my bank account")["intent"]["name"] == "out_of_scope"


def test_too_late_to_apply_after_a_layoff_is_eis_deadline():
    said = [UserUttered("j'ai été mis a pied a la mi-décembre, job saisonniere au mont-sainte-anne", "ei_eligibility")]
    read = read_after(said, reading(("passport_status", 0.94)), "c'est-tu trop tard pour faire ma demande? on est le 22 janvier")
    assert topic_and_entry(read) == ("ei_apply", "ei_apply.deadline")


def test_the_hours_it_takes_after_a_job_lost_are_eis_hours():
    said = [UserUttered("jai perdu ma job a l'usine a drummondville", "out_of_scope")]
    read = read_after(said, reading(("out_of_scope", 0.69)), "combien d'heures ça prend")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.hours_needed")
    read = read_after(said, reading(("ei_apply", 0.69)), "combien d'heures ça prend")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.hours_needed")
    # hours to report on a claim stay applying's
    assert read_after(said, reading(("ei_apply", 0.69)), "combien d'heures je déclare")["intent"]["name"] == "ei_apply"


def test_a_temporary_farm_worker_told_after_the_sin_is_a_newcomers_sin():
    said = [UserUttered("comment avoir un NAS", "sin_apply")]
    read = read_after(said, reading(("out_of_scope", 0.8)), "je suis travailleur temporaire du guatemala sur une ferme a saint-rémi")
    assert topic_and_entry(read) == ("sin_apply", "sin_apply.newcomers")


def test_the_months_ccb_not_received_is_the_missing_payment():
    text = "on a pas reçu l'allocation pour enfants ce mois-ci pis y a une lettre qui demande des preuves. on va-tu la ravoir"
    assert phrases.payment_not_arrived(text)
    assert phrases.payment_not_arrived("we didn't get the ccb this month")
    assert not phrases.payment_not_arrived("on a pas reçu la lettre ce mois-ci")
    assert refined_top(text, ("ccb_apply", 0.7), ("ccb_payment_dates", 0.2), labels=CCB_LABELS) == "ccb_payment_dates"


def test_this_chats_version_in_a_language_is_that_language():
    assert requested_language("y a tu une version anglaise de ce chat") == "en"
    assert requested_language("la version française svp") == "fr"
    assert requested_language("la version anglaise du formulaire existe?") is None


@pytest.mark.parametrize("text", [
    "will i owe tax on it at the end of the year? how much should i put aside",
    "est-ce que je vais devoir de l'impot a la fin de l'année? combien je devrais mettre de côté",
    "est-ce que mon indemnité de départ est imposable? y m'ont donné 9000$",
    "je suis binational, je dois faire mes impôts au canada si je vis en france",
    "can alberta supports help with rent while im waiting for my first ei payment",
    "le programme objectif emploi peut-tu m'aider en attendant mon premier cheque de chomage",
    "is it worth going back to college at 35 or am i too old",
    "c'est-tu trop tard pour retourner aux études a 38 ans",
    "should i cash out my pension from work or leave it in",
    "also they never paid my last 2 shifts. can you make them pay me",
    "aussi y m'ont jamais payé mes 2 derniers shifts, pouvez-vous les obliger a me payer",
    "j'ai-tu droit a ma paye de vacances si je quitte après 8 mois? mon boss dit que non",
    "combien de cash je peux apporter aux états-unis sans le déclarer",
])
def test_what_is_not_ours_is_named(text):
    assert phrases.other_service_named(text) is not None


@pytest.mark.parametrize("text", [
    "do i pay tax on ei",
    "do i still get ei if i got vacation pay",
    "can i get a student loan going back to school at 40",
])
def test_our_own_questions_near_them_stay_ours(text):
    assert phrases.other_service_named(text) is None
