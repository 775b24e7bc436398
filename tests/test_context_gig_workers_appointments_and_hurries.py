"""Without a model, the forty-fifth session's first round: a consent letter asked for children
taken abroad by one parent; a spouse's passport (no child's); "the number" to work; a hurry told
as a condition; whether it comes in time for a trip; a program asked about with the languages told;
prices asked as "plus cher", a final number or a cheque; a passport's status named; the CCB "late
again"; the simplified renewal asked whether one can do it; a client asking for the SIN; a reply
in a language asked as a command; two adults said together; an expatriate abroad; and, after a
topic, a gig worker after EI, picking up after the urgent service, what to bring to the
appointment, renewing online during the renewal check and how fast the urgent service is. Not
ours: a bike share, an employer's T4, the IRS, registering abroad, a custody case in court."""

from __future__ import annotations

import pytest

from actions.situation import fee_situation, lives_abroad
from bot.nlu import phrases
from tests.support.readings import UserUttered, read_as, reading, refined_top, topic_and_entry, with_entry

LABELS = ["out_of_scope", "choose_language", "passport_child", "passport_apply_adult", "passport_renew", "passport_urgent",
          "passport_processing_times", "passport_fees", "sin_apply", "sin_protect", "ei_apply", "ei_eligibility"]


@pytest.mark.parametrize("text, top, second, expected", [
    ("taking my 2 kids to mexico by myself for spring break, my husband isnt coming. do i need some kind of letter from him",
     "out_of_scope", "passport_child", "passport_child"),
    ("je pars en floride avec mes enfants sans leur père, ça prend tu une lettre?", "out_of_scope", "passport_child", "passport_child"),
    # a letter with no child, or a child with no letter: what the model read stays
    ("going to mexico by myself, do i need a letter from my employer", "out_of_scope", "passport_child", "out_of_scope"),
    ("taking my 2 kids to mexico by myself, what should we pack", "out_of_scope", "passport_child", "out_of_scope"),
    ("comment je fais pour le numéro pour travailler?", "out_of_scope", "sin_apply", "sin_apply"),
    ("c quoi le numéro de téléphone pour travailler au fédéral", "out_of_scope", "sin_apply", "out_of_scope"),
    ("et si c'est vraiment pressé?", "passport_processing_times", "passport_urgent", "passport_urgent"),
    ("et si c'est pas pressé?", "passport_processing_times", "passport_urgent", "passport_processing_times"),
    ("Mon mari parle mal le français et l'anglais. Puis-je faire sa demande d'assurance-emploi en ligne à sa place?",
     "choose_language", "ei_apply", "ei_apply"),
    ("mon mari parle mal le français, pouvez-vous lui écrire en anglais?", "choose_language", "ei_apply", "choose_language"),
    ("c'est tu plus cher un passeport si je le demande de paris? je suis en échange à sciences po",
     "passport_processing_times", "passport_fees", "passport_fees"),
])
def test_letters_numbers_hurries_languages_and_prices(text, top, second, expected):
    assert refined_top(text, (top, 0.45), (second, 0.35), ("ei_eligibility", 0.05), labels=LABELS) == expected


@pytest.mark.parametrize("text, expected", [
    ("j'ai un vol pour un contrat à Montpellier le 12, on est le 3, j'peux-tu avoir mon passeport à temps?", "passport_urgent"),
    ("je pars à Cancún dans 2 mois, si je poste mon renouvellement cette semaine je vais tu l'avoir à temps?",
     "passport_processing_times"),
    # its price asked: the fees
    ("je pars à Cancún dans 2 mois, ça coûte combien pour l'avoir à temps?", "passport_fees"),
])
def test_whether_it_comes_in_time_for_a_trip_is_the_time_or_the_faster_services(text, expected):
    assert refined_top(text, ("passport_fees", 0.36), ("passport_urgent", 0.15), labels=LABELS) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bonjour, je souhaite renouveler le passeport de mon mari qui est hospitalisé. Doit-il signer lui-même le formulaire?",
     "passport_renew"),
    ("mon mari et moi, on doit tu signer tous les deux pour le passeport de notre fils?", "passport_child"),
])
def test_a_spouses_passport_is_no_childs(text, expected):
    assert refined_top(text, ("passport_child", 0.49), ("passport_renew", 0.23), ("passport_apply_adult", 0.11), labels=LABELS) == expected


@pytest.mark.parametrize("text, price", [
    ("ok so adult 10 year, express service, applying in ottawa. whats the final number i should bring", True),
    ("ma mère pis mon père renouvellent tous les deux pour 5 ans, de combien je fais le chèque?", True),
    ("c'est tu plus cher de le faire en express?", True),
    ("how long does it take, is it faster in person", False),
])
def test_prices_asked_another_way(text, price):
    assert phrases.asks_price(text) == price


@pytest.mark.parametrize("check, text, expected", [
    (phrases.asks_file_status, "how do i check my mom's passport status for her? she gave me permission", True),
    (phrases.asks_file_status, "what's my status card number", False),
    (phrases.payment_not_arrived, "ccb is late again, is it bc my hubby didnt file his taxes yet?", True),
    (phrases.payment_not_arrived, "i applied for ccb late, will they pay the months i missed", False),
    (phrases.asks_who_may_ask_for_the_sin, "un client m'a demandé mon NAS pour me payer comme pigiste, c'est normal?", True),
    (phrases.asks_who_may_ask_for_the_sin, "un client m'a demandé comment avoir un NAS", False),
    (phrases.asks_for_language,
     "Merci de me répondre uniquement en anglais à partir de maintenant, je pratique pour mon examen de citoyenneté.", True),
    (phrases.asks_for_language, "j'peux-tu avoir la réponse en anglais, je dois la transférer à mon boss en Floride", True),
    (phrases.asks_for_language, "please answer in english, my passport is lost and i fly tomorrow", False),
])
def test_what_the_phrases_now_read(check, text, expected):
    assert check(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("mon père de 67 ans a un passeport de 5 ans qui a expiré en 2016, il peut-tu faire le renouvellement simplifié?",
     "passport_renewal_eligibility"),
    ("can she do the simplified renewal? she got it at 14", "passport_renewal_eligibility"),
])
def test_whether_one_can_do_the_simplified_renewal_is_the_renewal_check(text, expected):
    assert phrases.asks_whether_renewable(text) == expected


@pytest.mark.parametrize("text, adults", [
    ("ma mère pis mon père renouvellent tous les deux pour 5 ans, de combien je fais le chèque?", 2),
    ("my wife and i both renewing 10 year, how much total", 2),
    ("my mom wants the 10 year passport, how much", 0),  # one passport
    ("both parents have to sign for my son's 5 year passport? how much is it", 0),  # a child's, signed by both
])
def test_two_adults_said_together_are_counted(text, adults):
    situation = fee_situation(text)
    assert situation is not None and situation.adults == adults


def test_an_expatriate_lives_abroad():
    assert lives_abroad("je suis expatrié en France depuis 2 ans, je fais ma demande de passeport canadien où exactement?")
    assert not lives_abroad("je pars en France en juin, je fais ma demande où?")


@pytest.mark.parametrize("said, read, text, expected", [
    ([UserUttered("how do i apply for ei", "ei_apply")], reading(("out_of_scope", 0.87), ("ei_eligibility", 0.05)),
     "and im an uber driver not an employee, does that change anything", ("ei_eligibility", "ei_eligibility.self_employed")),
    ([UserUttered("i put in for urgent service at the passport office in ottawa this morning", "passport_urgent")],
     reading(("out_of_scope", 0.77)), "when can i pick it up", ("passport_urgent", "passport_urgent.overview")),
    ([UserUttered("j'ai fait ma demande de passeport au bureau du complexe guy-favreau ce matin", "passport_apply_adult")],
     reading(("out_of_scope", 0.7)), "c'est quand que je peux aller le chercher",
     ("passport_processing_times", "passport_processing_times.in_person")),
    ([UserUttered("first time getting a passport, booked service canada in surrey for next tues", "passport_processing_times")],
     reading(("help", 0.58)), "what should i bring to the appt", ("passport_apply_adult", "passport_apply_adult.documents")),
    ([UserUttered("i need to renew my passport, got an appointment friday", "passport_renew")],
     with_entry(reading(("passport_where_apply", 0.6)), "passport_where_apply.appointment"),
     "what do i bring to the appointment", ("passport_renew", "passport_renew.what_to_bring")),
    # during the renewal check (its topic has no overview): online renewal asked
    ([UserUttered("mon père a 79 ans, il veut renouveler son passeport", "passport_renewal_eligibility")],
     reading(("out_of_scope", 0.5)), "il peut-tu le faire en ligne? il a pas d'imprimante", ("passport_renew", "passport_renew.online")),
])
def test_follow_ups_of_the_forty_fifth_session(said, read, text, expected):
    assert topic_and_entry(read_as(said, read, text)) == expected


@pytest.mark.parametrize("said, read, text", [
    # a gig worker after a passport question is not EI's
    ([UserUttered("how much is a passport", "passport_fees")], reading(("out_of_scope", 0.87)),
     "and im an uber driver not an employee, does that change anything"),
    # booking asked, not what to bring: the appointment's answer
    ([UserUttered("first time getting a passport", "passport_apply_adult")],
     with_entry(reading(("passport_where_apply", 0.6)), "passport_where_apply.appointment"), "do i need an appt"),
])
def test_what_the_new_follow_ups_leave_alone(said, read, text):
    assert topic_and_entry(read_as(said, read, text)) == topic_and_entry(read)


@pytest.mark.parametrize("text, chosen, expected", [
    ("j'ai un vol pour un contrat à Montpellier le 12, on est le 3, j'peux-tu avoir mon passeport à temps?",
     "passport_urgent.proof_of_travel", "passport_urgent.overview"),
    ("et si c'est vraiment pressé?", "passport_urgent.temporary", "passport_urgent.overview"),
    # the proof or the temporary passport asked for: the entry chosen stays
    ("flying to cancun in 6 days, what proof of travel do i need", "passport_urgent.proof_of_travel", "passport_urgent.proof_of_travel"),
    ("if it's really urgent can i get a temporary passport", "passport_urgent.temporary", "passport_urgent.temporary"),
])
def test_how_fast_asked_of_the_urgent_service_is_its_overview(text, chosen, expected):
    read = with_entry(reading(("passport_urgent", 1.0)), chosen)
    assert topic_and_entry(read_as([], read, text))[1] == expected


@pytest.mark.parametrize("text, other", [
    ("bixi ça coûte combien par mois", True),
    ("j'ai pas reçu mon T4 de mon ancien employeur pis faut que je fasse mes impôts, je fais quoi", True),
    ("faut-tu remplir le formulaire 8840 de l'IRS quand on passe l'hiver en Floride?", True),
    ("how do i register with the govt as a canadian abroad so they know im in thailand if something happens", True),
    ("comment je fais pour aller en cour pour avoir la garde complète?", True),
    ("j'ai la garde complète, mon ex doit tu signer le passeport?", False),
    ("which bus goes to the passport office downtown", False),
])
def test_what_is_not_ours(text, other):
    assert (phrases.other_service_named(text) is not None) == other


@pytest.mark.parametrize("said, text, expected", [
    ([], "i lost my job yesterday, can i get ei", "ei_eligibility.overview"),
    ([], "j'ai perdu ma job hier, j'ai tu droit au chômage", "ei_eligibility.overview"),
    ([], "je suis au cegep et j'ai perdu ma job a temps partiel, chomage?", "ei_eligibility.students"),
    # the studies told before
    ([UserUttered("im a student at ubc", "out_of_scope")], "lost my part time job, ei?", "ei_eligibility.students"),
])
def test_the_students_ei_answer_needs_studies_said(said, text, expected):
    read = with_entry(reading(("ei_eligibility", 0.84)), "ei_eligibility.students")
    assert topic_and_entry(read_as(said, read, text)) == ("ei_eligibility", expected)


@pytest.mark.parametrize("said, text, expected", [
    ([UserUttered("je pars au mexique avec mes 2 enfants, leur père vient pas", "passport_child")], "faut-tu un papier spécial pour eux?",
     ("passport_child", "passport_child.travel_consent_letter")),
    # both parents travelling: the reading stays
    ([UserUttered("je pars au mexique avec mes 2 enfants pis leur père", "passport_child")], "faut-tu un papier spécial pour eux?",
     ("passport_child", "passport_child.overview")),
])
def test_a_paper_asked_after_children_taken_abroad_by_one_parent_is_the_consent_letter(said, text, expected):
    read = with_entry(reading(("passport_child", 0.7)), "passport_child.overview")
    assert topic_and_entry(read_as(said, read, text)) == expected
