"""Without a model, the fifty-third session's rounds. Round 1: Quebec and the Maritimes (development
129) and people on the move (development 130). A person asked for politely, or to be contacted; a
passport torn on its photo page or folded in two; a French document's name in an English question; a
Service Canada centre that "does passports"; "et si je suis à l'étranger" after where to apply; "c'est-tu
parce que..." is no question of what the assistant is; applying for EI from another province; a
British passport beside one's own last passport; where an application made at an embassy is at; a
newcomer's CCB after its dates; renewing "from there" during an exchange abroad; a renewal to mail
before the move (no application sent yet). Not ours: rents and the cost of living, telling the CRA one
leaves Canada. Round 2 (below its marker): parents of children and teenagers (development 131), and
citizens who are confused or half-remember (development 132): a parent's everyday questions that are
not ours (a sitter's pay, the age to work or fly alone, park tickets, child support's tax, a teen's tax
return, a store's promotion, Europe's travel authorisation, the RDSP, a child home alone); being put in
contact with an agent; a language asked for someone, or after what was heard; a renewal's fee from
abroad (a husband's job is no second passport); how long at an embassy; mailing today for a trip months
away; booking with the baby; a school trip's consent letter; a godfather as guarantor; a child's league
asking for the SIN, and a SIN given to a scammer; a child's SIN papers; whether it was mailed or
received; the application said in words beside a misremembered form number; a kid's passport renewed
"like adults"; paying a loan off early; a slip corrected; a question corrected; the ROE's French initials;
a fine for losing a passport; French "son" is no son. Round 3 (below its marker): seniors and those
helping aging parents (development 133), and newcomers and international students (development 134): a
loss supposed; a passport not come after an application told; a grandbaby's photo; someone else's weak
language; a reader named; a person asked for, not a reminder; how to apply first, then why help is
needed; faster after our own renewals; a moldy or drawn-on passport; a residence or a bank asking for the
SIN; a mother's SIN in person; a salary too small; a high commission's time; an appointment to book; a
cousin as a child's guarantor. Not ours: a parent's taxes, the income supplement, printing an e-mail, the CAQ.
Round 4 (below its marker): people in a hurry and on the go (development 135), and rural and remote Canada
(development 136): a passport at the airport; "passe-port"; a language said to be better; nothing
received yet; how long a child's passport lasts; EI's "délai de carence"; a mayor who may sign; the other
parent's signature read as the CCB's; a post office box changed; a complaint and whom to speak to; a SIN
said needed, then how; a damaged passport read unsurely. Not ours: border wait times, a tax refund, a
territory's income support, Quebec's family allowance, drought aid for farmers. And the near-twin patterns
merged: whether it matters, not eligible, the ways to pay, the age a passport was issued at."""

from __future__ import annotations

import pytest

from actions.situation import lives_abroad
from bot.language import detect
from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, read_after, read_as, reading, topic_and_entry, with_entry


@pytest.mark.parametrize("text", [
    "Hello, I am 84 and not good with these computers. Could a real person please help me? My grandson lost his job.",
    "est ce qu'un conseiller peut me contacter pour mon dossier de prêt étudiant",
    "can a live agent help me",
])
def test_a_person_asked_politely_or_to_contact_me(text):
    assert phrases.asks_for_person(text)
    assert phrases.forced_intent(text) == "request_human"


@pytest.mark.parametrize("text", [
    "could a real person tell me if this is legit",  # no "me" to help: not this request's words
    "un conseiller m'a dit de vous écrire",
])
def test_a_person_named_without_asking_for_one(text):
    assert not phrases.asks_for_person(text)


@pytest.mark.parametrize("read, text", [
    (reading(("passport_photo", 0.71)), "passport is torn on the photo page, can i still travel with it to boston next week"),
    (with_entry(reading(("passport_renew", 0.6)), "passport_renew.old_passport"),
     "Les déménageurs ont écrasé une boîte et mon passeport est plié en deux. Est-il encore valide pour voyager ?"),
])
def test_a_passport_torn_or_folded_is_the_damaged_passports_answer(read, text):
    assert topic_and_entry(read_after([], read, text)) == ("passport_renew", "passport_renew.damaged")


def test_a_passport_photo_page_not_damaged_stays_photos():
    read = reading(("passport_photo", 0.71))
    assert read_after([], read, "what goes on the photo page of the passport")["intent"]["name"] == "passport_photo"


def test_a_french_documents_name_in_an_english_question_is_no_language_request():
    assert detect("my boss gave me a releve d'emploi in french, is that the same as the ROE for ei").language == "en"
    assert detect("can you send me the answer in french").language == "fr"


def test_whether_a_service_canada_centre_does_passports():
    read = reading(("passport_processing_times", 0.57))
    assert topic_and_entry(read_after([], read, "le Service Canada de Longueuil fait-il les passeports?")) == (
        "passport_where_apply", "passport_where_apply.office_vs_scc")
    assert topic_and_entry(read_after([], read, "does the service canada in moncton do passports")) == (
        "passport_where_apply", "passport_where_apply.office_vs_scc")
    # how long it takes there is the time's question
    assert read_after([], read, "le Service Canada de Longueuil fait-il les passeports en combien de temps?")["intent"]["name"] == (
        "passport_processing_times")


def test_abroad_told_after_where_to_apply_is_where_to_apply_from_abroad():
    said = [UserUttered("où faire ma demande de passeport à Montréal", "passport_where_apply")]
    read = reading(("passport_apply_adult", 0.82))
    assert topic_and_entry(read_after(said, read, "et si je suis à l'étranger, genre à Alger?")) == (
        "passport_where_apply", "passport_where_apply.abroad")
    # its price there is the fee's
    assert read_after(said, reading(("passport_fees", 0.8)), "et si je suis à l'étranger, ça coûte combien?")["intent"]["name"] == "passport_fees"


def test_cest_tu_parce_que_asks_a_cause_not_what_the_assistant_is():
    assert not phrases.asks_what_it_is("c'est-tu parce que j'ai pas fait mes impôts?")
    assert phrases.asks_what_it_is("es-tu une IA?") and phrases.asks_what_it_is("c'est-tu un robot")


def test_applying_for_ei_from_another_province():
    text = ("laid off from the oil sands job in fort mac, moving back home to newfoundland next week. "
            "can i apply for EI from there or do i have to do it in alberta")
    read = reading(("nlu_fallback", 0.3), ("ei_eligibility", 0.3), ("ei_apply", 0.28))
    assert topic_and_entry(read_after([], read, text)) == ("ei_apply", "ei_apply.online_how")


def test_a_british_passport_beside_ones_own_last_passport_is_ours():
    text = ("Mon dernier passeport a été émis en 2009 et j'ai vécu à l'étranger depuis avec mon passeport "
            "britannique. Est-ce que je peux encore faire un renouvellement ?")
    assert not phrases.asks_for_another_service(text) and phrases.forced_intent(text) != "out_of_scope"
    assert phrases.asks_for_another_service("comment renouveler mon passeport britannique")


def test_where_an_application_is_at_asked():
    assert phrases.asks_status("J'ai déposé ma demande à l'ambassade à Paris il y a un mois. Comment savoir où en est mon dossier ?")
    assert phrases.asks_status("ou en est rendue ma demande de passeport")
    assert not phrases.asks_status("où faire ma demande de passeport")


def test_a_newcomers_sign_up_after_the_ccbs_dates():
    said = [UserUttered("quand est-ce que l'ACE est versée?", "ccb_payment_dates")]
    read = reading(("out_of_scope", 0.97))
    assert topic_and_entry(read_after(said, read, "on vient d'arriver d'haïti, comment on s'inscrit?")) == (
        "ccb_apply", "ccb_apply.newcomers")
    # without the CCB before, an arrival and a sign-up are no CCB question
    assert read_after([], read, "on vient d'arriver d'haïti, comment on s'inscrit?")["intent"]["name"] == "out_of_scope"


def test_renewing_from_there_during_an_exchange_abroad():
    assert lives_abroad("Bonjour, je suis étudiante en échange à Bordeaux et mon passeport expire en mars.")
    assert not lives_abroad("je suis étudiant étranger à Montréal")
    said = [UserUttered("Bonjour, je suis étudiante en échange à Bordeaux et mon passeport expire en mars.", "nlu_fallback")]
    read = reading(("passport_renewal_eligibility", 0.84))
    assert topic_and_entry(read_after(said, read, "Est-ce que je peux le renouveler de là-bas ?")) == (
        "passport_renew", "passport_renew.abroad")


def test_a_renewal_to_mail_with_a_new_address_is_no_application_in_process():
    text = ("chu en train de demenager a moncton, j'peux tu envoyer mon renouvellement par la poste pis mettre ma "
            "nouvelle adresse meme si chu pas encore rendu?")
    read = with_entry(reading(("passport_where_apply", 0.53)), "passport_where_apply.by_mail")
    assert read_as([], read, text)["intent"]["name"] == "passport_where_apply"
    sent = "j'ai envoyé ma demande de passeport la semaine passée pis j'ai une nouvelle adresse, je fais quoi?"
    assert topic_and_entry(read_as([], read, sent)) == ("passport_status", "passport_status.phone")


@pytest.mark.parametrize("text", [
    "is it cheaper to live in moncton or fredericton? got job offers in both",
    "combien ça coûte louer un 4 et demi à gatineau ces temps-ci?",
    "Est-ce que je dois avertir l'ARC si je quitte le Canada pour de bon ? Je pars m'installer en Suisse.",
])
def test_rents_the_cost_of_living_and_leaving_canada_for_the_cra_are_not_ours(text):
    assert phrases.other_service_named(text) is not None
    assert phrases.forced_intent(text) == "out_of_scope"


def test_a_passports_price_is_no_cost_of_living():
    assert phrases.other_service_named("is the passport cheaper if i renew online") is None
    assert phrases.other_service_named("combien ça coûte un passeport pour mon bébé") is None


# Round 2: parents of children and teenagers (development 131), and citizens who are confused or
# half-remember (development 132).

@pytest.mark.parametrize("text", [
    "how much should i pay a 14 yo babysitter per hour in toronto",
    "whats the youngest age he can legally work in BC anyway",
    "can i get the ontario child care benefit too",
    "pis c'est tu mieux d'acheter les billets des parcs a l'avance?",
    "et la pension alimentaire, ca compte comme revenu pour les impots?",
    "a quel age un enfant peut prendre l'avion tout seul avec air canada",
    "il doit-tu faire une declaration d'impot meme s'il a gagne juste 3000$?",
    "i heard tim hortons gives free coffee if u show ur passport lol is that true",
    "faut-tu que je fasse une autorisation de voyage pour l'Europe? j'ai entendu parler d'un nouveau truc",
    "can my kid get the canada disability savings plan thing, he has autism",
    "a quel age on peut laisser un enfant seul a la maison au quebec",
])
def test_a_parents_everyday_questions_are_not_ours(text):
    assert phrases.other_service_named(text) is not None


@pytest.mark.parametrize("text", [
    "my daughter is flying alone to paris, do i need a consent letter",  # the consent letter stays ours
    "do i need to file a tax return to get the ccb",  # the CCB's own question
])
def test_near_a_parents_everyday_questions_ours_stay_ours(text):
    assert phrases.forced_intent(text) != "out_of_scope"


def test_a_person_asked_to_put_me_in_contact():
    assert phrases.asks_for_person("pouvez vous me mettre en contact avec un agent de passeport, c'est complique notre histoire de garde")
    assert not phrases.asks_for_person("pouvez vous me mettre en contact avec mon employeur")


@pytest.mark.parametrize("text, language, asked", [
    ("pouvez-vous me l'ecrire en anglais plutot? c'est ma belle-mere de Toronto qui va s'en occuper", "en", True),
    ("j'ai entendu que le bot répond seulement en anglais, c'est vrai? moi je veux du français", "fr", False),
    ("i heard you, now answer in french please", "fr", True),
])
def test_a_language_asked_for_someone_or_after_what_was_heard(text, language, asked):
    assert detect(text).language == language
    assert phrases.asks_for_language(text) == asked


def test_a_renewal_fee_from_abroad_for_ones_own_passport():
    text = "we live in dubai for my husbands job, how much is it to renew my passport from here"
    read = with_entry(reading(("passport_renew", 0.9)), "passport_renew.abroad")
    assert read_after([], read, text)["intent"]["name"] == "passport_fees"
    from actions.situation import fee_situation
    situation = fee_situation(text)
    assert situation is None or (situation.adults, situation.children) in {(0, 0), (1, 0)}
    assert fee_situation("renewing mine and my husbands, both 10 year, how much").adults == 2


def test_how_long_renewing_at_an_embassy():
    read = with_entry(reading(("passport_renew", 0.8)), "passport_renew.abroad")
    text = "on vit a Dubai, je veux renouveler mon passeport canadien par l'ambassade. c'est long comment?"
    assert topic_and_entry(read_after([], read, text)) == ("passport_processing_times", "passport_processing_times.abroad")
    # how long it stays valid is no processing time
    assert read_after([], read, "on vit a Dubai, mon passeport est valide combien de temps?")["intent"]["name"] == "passport_renew"


def test_mailing_today_for_a_trip_months_away_is_no_trip_soon():
    from actions.situation import travel_window
    assert travel_window("if i mail my daughters passport application today how long till we get it back? trip is july 10",
                         today=__import__("datetime").date(2026, 12, 5)) == "later"


def test_booking_or_walking_in_with_the_baby_after_where_to_apply():
    said = [UserUttered("where can i apply for a passport in halifax", "passport_where_apply")]
    read = reading(("passport_child", 0.7))
    assert topic_and_entry(read_after(said, read, "do i need to book or can i walk in with the baby")) == (
        "passport_where_apply", "passport_where_apply.appointment")


def test_a_consent_letter_named_for_a_school_trip():
    assert phrases.asks_consent_letter_for_a_trip(
        "l'ecole dit qu'il faut une lettre de consentement pour le voyage a Paris car la prof va etre l'accompagnatrice")
    assert not phrases.asks_consent_letter_for_a_trip("les deux parents doivent-ils signer le formulaire de consentement")


def test_who_the_guarantor_is_with_a_godfather_proposed():
    assert phrases.asks_who_may_be_guarantor("c'est qui le repondant? son parrain est policier ca marche?")
    assert not phrases.asks_who_may_be_guarantor("qui peut etre mon repondant pour le parrainage de ma femme")


def test_the_sin_asked_by_a_childs_league_and_given_to_a_scammer():
    assert phrases.asks_who_may_ask_for_the_sin("the hockey league registration form asks for my kids SIN?? is that normal seems weird")
    said = [UserUttered("j'ai recu un appel d'un soi-disant agent de service canada", "sin_protect")]
    read = reading(("sin_apply", 0.8))
    text = "il voulait le NAS de mes enfants pour verifier l'allocation. je lui en ai donne un. je fais quoi maintenant?"
    assert topic_and_entry(read_after(said, read, text)) == ("sin_protect", "sin_protect.stolen_or_fraud")
    # with no scam said, a SIN given is no fraud's answer
    assert entry(read_after([UserUttered("la garderie veut le NAS de mon fils", "sin_protect")], read,
                            "je leur en ai donne un, c'est correct?")) != "sin_protect.stolen_or_fraud"


def test_a_childs_sin_papers_after_citizenship_told():
    said = [UserUttered("comment avoir un NAS pour ma fille de 14 ans?", "sin_apply")]
    read = reading(("passport_apply_adult", 0.7))
    text = "elle est née en Haïti et elle est citoyenne canadienne depuis l'an passé, faut quels papiers alors?"
    assert topic_and_entry(read_after(said, read, text)) == ("sin_apply", "sin_apply.documents")


@pytest.mark.parametrize("text", [
    "comment je sais si mon passeport a été posté? je veux pas qu'il traîne dans la boîte à lettres",
    "comment savoir si la demande de passeport de mon fils a ete recue? envoyee par postes canada en recommande",
])
def test_whether_it_was_mailed_or_received_asks_the_status(text):
    assert phrases.asks_status(text)


@pytest.mark.parametrize("text, kind", [
    ("Good afternoon. I am 58 and applying for my very first passport. Is it form PPTC 155?", "passport_apply_adult"),
    ("c'est quoi le formulaire pour renouveler, le PPTC 153? ma voisine dit que c'est celui-là", "passport_renew"),
    ("c'est quoi le formulaire pour un premier passeport adulte, le PPTC 054? ou 153? je me souviens plus", "passport_apply_adult"),
    ("is the pptc 155 the right form for my son's renewal", None),  # a child's: never renewed
])
def test_the_application_said_in_words_beats_a_misremembered_form_number(text, kind):
    assert phrases.passport_kind_said(text) == kind


def test_a_kids_passport_renewed_like_an_adults_is_the_childs_question():
    assert phrases.asks_whether_renewable("kids passport runs out next month, can i renew it with the short renewal form like adults do?") == (
        "passport_child")


def test_paying_a_loan_off_early_after_when_payments_start():
    said = [UserUttered("when do student loan payments start", "student_loan_repayment")]
    read = with_entry(reading(("student_loan_rap", 0.7)), "student_loan_rap.zero_payment")
    assert topic_and_entry(read_after(said, read, "can i pay it all off early without a penalty, my parents want to help")) == (
        "student_loan_repayment", "student_loan_repayment.pay_early")


def test_a_slip_corrected_names_ours():
    text = "my OSAP... sorry i mean my canada student loan, can i pay it all off early or is there a penalty"
    assert not phrases.names_another_service(text) and phrases.forced_intent(text) is None
    assert phrases.names_another_service("i need a us passport, i mean my son does")


def test_a_correction_of_the_last_question_asks_it_again():
    said = [UserUttered("when is ccb paid in may", "ccb_payment_dates")]

    async def parse(again: str) -> dict:
        return reading(("ccb_payment_dates", 0.99))

    read = read_after(said, reading(("deny", 0.9)), "sorry i meant june not may", parse)
    assert read["intent"]["name"] == "ccb_payment_dates"
    assert read_after(said, reading(("deny", 0.9)), "no thanks", parse)["intent"]["name"] == "deny"


def test_a_record_of_employment_by_its_french_initials():
    assert phrases.names_own_roe("mon boss dit qu'il a envoyé mon RE électroniquement")
    assert not phrases.names_own_roe("je re-essaie demain")


def test_a_fine_for_losing_a_passport_is_the_replacements_extra_fee():
    read = reading(("passport_fees", 0.98))
    text = "quelqu'un m'a dit qu'il faut payer une amende de 500$ si on perd son passeport, c'est vrai?"
    assert topic_and_entry(read_after([], read, text)) == ("passport_fees", "passport_fees.lost_stolen_surcharge")
    # "fine" as "alright" is no fine
    assert entry(read_after([], reading(("passport_lost_stolen", 0.9)), "i lost my passport, is it fine to fly with my licence")) != (
        "passport_fees.lost_stolen_surcharge")


def test_french_son_is_his_or_her_not_a_son():
    from actions.situation import fee_situation
    assert fee_situation("combien pour renouveler son passeport") is None
    assert fee_situation("how much for my son passport").applicant == "child"
    assert fee_situation("son passeport de 10 ans coute combien").applicant == "adult"


# Round 3: seniors and those helping aging parents (development 133), and newcomers and international
# students (development 134).

def test_a_loss_supposed_is_no_loss():
    text = ("I am 80 and the renewal form says to include my old passport. Do I really have to mail the real one? "
            "I am very nervous to put it in the post, what if it gets lost")
    assert not phrases.says_lost(text) and phrases.asks_whether_renewable(text) is None
    assert phrases.says_lost("i lost my passport, what if i need to travel")


def test_a_passport_not_come_after_an_application_told():
    said = [UserUttered("I applied for my passport back in March at the Service Canada in Red Deer.", "passport_where_apply")]
    text = "it still hasnt come and were supposed to leave for hawaii on the 20th, how do i find out whats going on with it"
    assert topic_and_entry(read_after(said, reading(("out_of_scope", 0.8)), text)) == ("passport_status", "passport_status.delayed")
    # nothing applied for, nothing late
    assert read_after([UserUttered("where do i apply for a passport in red deer", "passport_where_apply")],
                      reading(("out_of_scope", 0.8)), text)["intent"]["name"] != "passport_status"


def test_a_grandbaby_who_cannot_hold_her_head_after_the_photo_rules():
    said = [UserUttered("what are the rules for passport photos", "passport_photo")]
    text = "what about for my grandbaby, shes only 4 months and cant hold her head up yet"
    assert topic_and_entry(read_after(said, reading(("passport_child", 0.8)), text)) == ("passport_photo", "passport_photo.baby")


@pytest.mark.parametrize("text, language", [
    ("can I go in for her or must she come herself? she doesn't speak any English", "en"),
    ("Est-ce qu'on peut faire la demande de NAS en ligne? Ma mère ne parle pas bien le français et elle préfère que je fasse tout pour elle.", "fr"),
    ("do you speak arabic? if no, french is ok for me", "fr"),
    ("please français, i am from senegal", "fr"),
])
def test_someone_elses_weak_language_keeps_the_writers_and_a_language_said_to_do(text, language):
    assert detect(text).language == language


def test_the_reader_named_after_a_language_request():
    assert phrases.asks_for_language("Pouvez-vous écrire la même réponse en anglais pour qu'il la lise? Il vient de Winnipeg.")


@pytest.mark.parametrize("text, person", [
    ("Bonjour, pourriez-vous me mettre en contact avec un fonctionnaire qui peut regarder mon dossier d'assurance-emploi?", True),
    ("this is not help, give me agent NOW", True),
    ("on peut avoir un conseiller en direct? c'est pour mon dossier de NAS qui a un problème de date de naissance", True),
    ("Pouvez-vous me rappeler de prendre mes pilules à 8 h tous les matins?", False),  # a reminder
    ("give me an answer", False),
])
def test_a_person_asked_for_or_a_reminder(text, person):
    assert phrases.asks_for_person(text) == person


def test_how_to_apply_first_then_why_help_is_needed():
    said = [UserUttered("Can I get EI if I'm 66?", "ei_eligibility")]
    text = "Ok so how do I apply, step by step please, I'm not good with this computer business"
    assert read_after(said, reading(("out_of_scope", 0.93)), text)["intent"]["name"] == "ei_apply"


def test_faster_after_our_own_renewals_with_a_grandson_told():
    said = [UserUttered("My wife and I need to renew our passports, we leave for Australia in 10 days to see our new grandson.",
                        "passport_renew")]
    read = reading(("passport_child", 0.7))
    assert read_after(said, read, "Is there any way to get them faster than normal?")["intent"]["name"] == "passport_urgent"


@pytest.mark.parametrize("text", [
    "my dad hasnt done his taxes since mom died 2 years ago, where does he send them and will he get in trouble",
    "and the supplement, do I have to apply for that separately or does it come automatic",
    "Comment on fait pour imprimer un courriel? Mon fils m'a envoyé un document important et je n'y arrive pas.",
    "c'est quoi le CAQ et comment je le renouvelle?",
])
def test_a_seniors_and_a_newcomers_other_services(text):
    assert phrases.other_service_named(text) is not None


def test_a_services_extra_charge_is_no_income_supplement():
    assert phrases.other_service_named("c'est quoi le supplément pour le service urgent?") is None
    assert phrases.other_service_named("is there a supplement for urgent service") is None


@pytest.mark.parametrize("text", [
    "Ma mère a 90 ans et sa résidence a eu un dégât d'eau, son passeport est tout moisi. Comment est-ce qu'on le remplace?",
    "mon fils de 3 ans a dessiné au crayon sur la page photo de mon passeport 😩 il est encore bon?",
])
def test_a_moldy_or_drawn_on_passport_is_damaged(text):
    from bot.engine.context.passports import told_damaged
    assert told_damaged(text)


def test_whether_it_has_left_by_mail_and_a_residence_asking_for_the_sin():
    assert phrases.asks_status("est ce qu'on peut savoir si le passeport est deja parti par la poste? on demenage")
    assert phrases.asks_who_may_ask_for_the_sin(
        "La résidence pour aînés où ma mère va déménager demande son NAS sur le formulaire d'admission. "
        "Est-ce qu'ils ont le droit de le demander?")


def test_a_mothers_sin_in_person_and_a_bank_asking_for_it():
    said = [UserUttered("Comment demander un NAS pour ma mère qui arrive du Liban?", "sin_apply")]
    text = "Et est-ce qu'elle doit être là en personne ou je peux y aller seul avec ses papiers?"
    assert topic_and_entry(read_after(said, reading(("passport_apply_adult", 0.7)), text)) == ("sin_apply", "sin_apply.in_person")
    protect = [UserUttered("Comment protéger mon NAS?", "sin_protect")]
    assert topic_and_entry(read_after(protect, reading(("out_of_scope", 1.0)), "et si ma caisse populaire me le demande, je le donne?")) == (
        "sin_protect", "sin_protect.who_can_ask")


def test_how_to_apply_for_ei_after_a_job_lost_is_applying():
    read = reading(("ei_eligibility", 0.8))
    assert read_after([], read, "i lost my job at warehouse in mississauga, how to apply EI")["intent"]["name"] == "ei_apply"
    assert read_after([], read, "i lost my job, am i eligible and how to apply EI")["intent"]["name"] == "ei_eligibility"


def test_a_salary_too_small_after_repaying_is_the_plan():
    said = [UserUttered("how i start paying back my student loan", "student_loan_repayment")]
    assert read_after(said, reading(("student_loan_repayment", 0.8)), "and if my salary is too small for this?")["intent"]["name"] == (
        "student_loan_rap")


def test_time_at_a_high_commission_and_an_appointment_booked():
    text = "i am in new delhi, i apply at high commission, how long it take"
    assert topic_and_entry(read_after([], reading(("out_of_scope", 0.92)), text)) == (
        "passport_processing_times", "passport_processing_times.abroad")
    booking = "on peut prendre rdv en ligne au centre service canada de longueuil pour le passeport?"
    assert topic_and_entry(read_after([], reading(("passport_processing_times", 0.6)), booking)) == (
        "passport_where_apply", "passport_where_apply.appointment")


def test_a_cousin_as_a_childs_guarantor():
    said = [UserUttered("child passport need guarantor?", "passport_child")]
    read = with_entry(reading(("passport_apply_adult", 0.9)), "passport_apply_adult.guarantor")
    assert topic_and_entry(read_after(said, read, "guarantor can be my cousin? he is canadian 10 years")) == (
        "passport_child", "passport_child.guarantor")


# Round 4: people in a hurry and on the go (development 135), and rural and remote Canada (development 136).

@pytest.mark.parametrize("text", [
    "can i renew my passport at the airport before my flight",
    "jpeux tu faire mon passeport direct a laeroport",
])
def test_a_passport_at_the_airport_is_where_one_applies(text):
    read = reading(("passport_processing_times", 1.0))
    assert topic_and_entry(read_after([], read, text)) == ("passport_where_apply", "passport_where_apply.overview")


def test_a_passport_hyphenated_the_old_way():
    from bot.folding import as_typed
    assert as_typed("bureau de passe-port le plus proche de gatineau") == "bureau de passeport le plus proche de gatineau"
    assert phrases.programs_named(as_typed("bureau de passe-port le plus proche")) == {"passport_"}


@pytest.mark.parametrize("text", [
    "whats the wait time at the ambassador bridge right now",
    "remboursement dimpot pas encore recu",
    "can i get income support from the territory too while i wait",
    "and how do i get the quebec family allowance too, we live in chisasibi",
    "y a tu de l'aide du gouvernement pour les agriculteurs apres la sécheresse? on a perdu la moitié du foin",
])
def test_on_the_go_and_remote_other_services(text):
    assert phrases.other_service_named(text) is not None


def test_a_language_said_to_be_better_takes_back_the_other():
    assert detect("actually no english is better sorry").language == "en"
    assert detect("le français c'est mieux pour moi").language == "fr"


def test_nothing_received_yet_after_a_mailed_application():
    said = [UserUttered("jai envoye ma demande de passeport le 3 mars par la poste", "passport_where_apply")]
    read = with_entry(reading(("passport_apply_adult", 0.7)), "passport_apply_adult.in_person_vs_mail")
    assert topic_and_entry(read_after(said, read, "cest normal que jai rien recu encore")) == ("passport_status", "passport_status.delayed")


def test_how_long_a_childs_passport_lasts_after_its_price():
    said = [UserUttered("combien coute un passeport pour enfant", "passport_fees")]
    read = with_entry(reading(("passport_fees", 0.9)), "passport_fees.child_canada")
    assert topic_and_entry(read_after(said, read, "et ça dure combien d'années")) == ("passport_child", "passport_child.validity")


def test_eis_waiting_period_by_its_french_name_read_as_a_passports_time():
    read = reading(("passport_processing_times", 0.9))
    assert topic_and_entry(read_after([], read, "délai de carence c'est combien de semaines")) == ("ei_apply", "ei_apply.waiting_period")


def test_a_mayor_who_may_sign_after_the_guarantors_rules():
    said = [UserUttered("c quoi les regles pour le répondant du passeport", "passport_apply_adult")]
    read = with_entry(reading(("passport_child", 0.7)), "passport_child.signature")
    assert topic_and_entry(read_after(said, read, "le maire du village peut tu signer?")) == (
        "passport_apply_adult", "passport_apply_adult.guarantor")


def test_the_other_parents_signature_read_as_the_ccbs_parent():
    said = [UserUttered("my kids need passports, we're going to disney in florida at spring break", "passport_child")]
    read = reading(("ccb_apply", 0.7))
    text = "their dad lives in la loche and i have full custody, does he still need to sign"
    assert read_after(said, read, text)["intent"]["name"] == "passport_child"


def test_a_post_office_box_changed_after_applying():
    read = with_entry(reading(("passport_where_apply", 0.7)), "passport_where_apply.by_mail")
    text = "mon casier postal a changé a Havre-Aubert apres que j'aie envoyé ma demande, j'ai peur que le passeport parte a la mauvaise place"
    assert topic_and_entry(read_as([], read, text)) == ("passport_status", "passport_status.phone")


def test_a_complaint_and_whom_to_speak_to_asks_for_a_person():
    assert phrases.asks_for_person("je veux porter plainte contre l'agente qui m'a raccroché au nez, a qui je parle?")
    assert not phrases.asks_for_person("a qui je parle? un robot?")


def test_a_sin_said_needed_then_how_to_get_it():
    assert phrases.sin_needed_how_to_get(
        "bonjour je suis travailleur du Guatemala sur une ferme a Saint-Rémi, mon patron dit il faut numéro assurance sociale. comment faire svp")
    assert not phrases.sin_needed_how_to_get("mon patron demande mon NAS, c'est normal?")


def test_a_damaged_passport_read_unsurely_with_the_passport_named():
    read = reading(("nlu_fallback", 0.3), ("passport_photo", 0.25), ("ei_apply", 0.2))
    text = "passeport tombé dans la piscine a punta cana les pages sont toutes collées"
    assert topic_and_entry(read_after([], read, text)) == ("passport_renew", "passport_renew.damaged")


# The near-twin patterns merged in round 4: whether it matters (the SIN's asks the renewal check's words
# too), not eligible (one pattern for the phrases and the context rules), the ways to pay (a loan's too),
# the age a passport was issued at.

def test_the_merged_patterns():
    from bot.engine.context import topic_rules as rules
    assert rules.SIN_MATTERS.search("does that matter") and rules.SIN_MATTERS.search("is that a problem")
    assert rules.MATTERS.search("ca change tu quelque chose")
    assert phrases.NOT_ELIGIBLE.search("ca m'a dit que je suis pas admissible") and phrases.NOT_ELIGIBLE.search("i'm ineligible")
    assert not phrases.NOT_ELIGIBLE.search("am i eligible")
    assert phrases.asks_how_to_pay("forget the account, can i just pay by phone or at my bank")
    assert phrases.asks_how_to_pay("can i pay with visa")
    assert rules.issued_at_adult_age("celui de 5 ans que j'ai eu a 18 ans") and not rules.issued_at_adult_age("got it at 14")
    assert rules.issued_under_16("got it at 14") and not rules.issued_under_16("got it at 19")


# Review of the session's change: the elided "ai" is no AI, "l'IA" still is; an office's passport photos are
# no question whether it does passports.

@pytest.mark.parametrize("text, asked", [
    ("c'est-tu parce que j'ai pas fait mes impôts?", False),
    ("c'est-tu normal que je l'ai pas reçu", False),
    ("c'est-tu l'IA qui répond?", True),
    ("es-tu une IA?", True),
])
def test_what_the_assistant_is_asked_or_a_verbs_ai(text, asked):
    assert phrases.asks_what_it_is(text) == asked


def test_an_offices_passport_photos_are_no_question_whether_it_does_passports():
    from bot.engine.context.topic_rules import OFFICE_DOES_PASSPORTS
    from bot.folding import fold
    assert not OFFICE_DOES_PASSPORTS.search(fold("does the service canada centre take passport photos"))
    assert OFFICE_DOES_PASSPORTS.search(fold("does the service canada in moncton do passports"))
