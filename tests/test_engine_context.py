"""A message read in its conversation (bot/engine/context/), through the real model, the
custom actions and Rasa's tracker store."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import List

import pytest

from bot.engine.embedded import EmbeddedEngine
from tests.support.background import BackgroundLoop

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def talk(trained_model: Path, tmp_path_factory: pytest.TempPathFactory):
    loop = BackgroundLoop()
    engine = EmbeddedEngine(trained_model, f"sqlite:///{tmp_path_factory.mktemp('context') / 'trackers.db'}")
    loop.run(engine.start())

    def conversation(*texts: str):
        sender = f"context-{uuid.uuid4().hex[:8]}"
        replies = [loop.run(engine.handle(sender, text, {})) for text in texts]
        return replies[-1]

    yield conversation
    loop.run(engine.close())
    loop.close()


def texts(reply) -> List[str]:
    return [m.get("text") or "" for m in reply.messages]


@pytest.mark.parametrize("first, answer", [
    ("I lost my passport", "my flight is in 2 days"),
    ("on m'a volé mon passeport", "je pars demain matin"),
])
def test_a_date_given_to_the_travel_question_is_a_yes(talk, first, answer):
    reply = talk(first, answer)
    assert reply.intent == "affirm"
    assert any((m.get("custom") or {}).get("type") == "handoff_request" for m in reply.messages)


@pytest.mark.parametrize("first, answer, words", [
    # lost abroad: the way home (the embassy)
    ("mon passeport a été volé à Rome hier", "je prends l'avion dans 3 jours pour rentrer à Montréal, je peux en avoir un nouveau à temps?",
     ("ambassade",)),
    ("my passport got stolen in rome", "can i still fly home next week", ("embassy",)),
    # lost at home, whether a new one can be had in time: reporting and replacing it
    ("on m'a volé mon passeport dans l'autobus", "je pars au Portugal dans 6 jours, je peux-tu en avoir un autre à temps?",
     ("Signalez",)),
    ("i lost my passport at the mall", "i fly to cuba in 4 days, can i get a new one in time?", ("Report",)),
])
def test_a_trip_soon_after_a_passport_lost_gets_what_to_do_then_an_officer(talk, first, answer, words):
    reply = talk(first, answer)
    assert reply.intent == "passport_lost_stolen"
    assert any(word in " ".join(texts(reply)) for word in words)
    assert any((m.get("custom") or {}).get("type") == "handoff_request" for m in reply.messages)


@pytest.mark.parametrize("said, abroad", [
    ("my passport got stolen in rome", True),
    ("chu à Cuba pis j'ai pu mon passeport", True),
    ("j'ai perdu mon passeport", False),
    ("i lost my passport, i fly to france next week", False),
    ("perdu mon passeport a montreal, je pars en france dans 2 semaines", False),
])
def test_a_lost_passport_gets_the_embassys_answer_only_when_lost_abroad(talk, said, abroad):
    reply = talk(said)
    assert reply.intent == "passport_lost_stolen"
    assert any(word in " ".join(texts(reply)) for word in ("embassy", "ambassade")) is abroad


def test_a_far_date_given_to_the_travel_question_is_a_no(talk):
    reply = talk("I lost my passport", "not until next summer")
    assert reply.intent == "deny"
    assert not any(m.get("custom") for m in reply.messages)


@pytest.mark.parametrize("first, follow_up, needle", [
    ("how much is a 10 year passport", "and for a kid?", "$58.50"),
    ("c'est combien un passeport 10 ans", "et si je vis en France?", "266,25 $"),
    # only a fee situation: alone, "5 year" / "10 ans" read as a first passport's choice of validity
    ("what does a 10-year passport cost", "and a 5 year one?", "$122.50"),
    ("c'est combien un passeport de 5 ans", "pis celui de 10 ans?", "163,50 $"),
])
def test_an_elliptical_follow_up_keeps_the_topic(talk, first, follow_up, needle):
    reply = talk(first, follow_up)
    assert reply.intent == "passport_fees"
    assert any(needle in text for text in texts(reply))


@pytest.mark.parametrize("first, then, needles", [
    # "for my son" names whom the last question is for: the urgent service stays
    ("combien coûte un passeport urgent", "pour mon fils de 8 ans?", ["184,25 $", "125,75 $"]),
    # not read with the first message, a fee question still keeps its service
    ("how much is urgent pickup", "ok how much for my 10 year passport then", ["$289.25"]),
])
def test_a_fee_question_keeps_the_service_asked_about_before(talk, first, then, needles):
    reply = " ".join(texts(talk(first, then)))
    assert all(needle in reply for needle in needles), reply


@pytest.mark.parametrize("first, follow_up, intent, needle", [
    ("how long to get a passport if I mail it in", "what about in person?", "passport_processing_times",
     "In person at a passport office"),
    ("je veux renouveler en ligne", "et s'il est déjà expiré?", "passport_renew", "15 dernières années"),
])
def test_a_follow_ups_own_words_choose_the_answer_within_the_topic(talk, first, follow_up, intent, needle):
    # read with the message before it, the earlier words would choose the earlier answer again
    reply = talk(first, follow_up)
    assert reply.intent == intent
    assert any(needle in text for text in texts(reply))


def test_a_fee_follow_up_is_priced_with_what_the_message_before_said(talk):
    # the 10 years come from the first message, the country from the second: one exact fee
    reply = " ".join(texts(talk("how much is a 10 year passport", "and if I live in Mexico?")))
    assert "$266.25" in reply and "$194.25" not in reply


@pytest.mark.parametrize("first, then, intent", [
    ("how long does it take to get a passport by mail", "and what about in person?", "passport_processing_times"),
    ("where do I apply for a passport", "is there one near Halifax", "passport_where_apply"),
    ("I lost my passport", "I'm in Portugal at the moment", "passport_lost_stolen"),
    ("j'ai perdu mon passeport", "je suis au Mexique présentement", "passport_lost_stolen"),
])
def test_a_short_statement_that_leans_on_the_last_message_keeps_its_topic(talk, first, then, intent):
    assert talk(first, then).intent == intent


@pytest.mark.parametrize("first, then, intent", [
    ("when do I have to start paying back my student loan", "and what if I can't afford the payments?", "student_loan_rap"),
    ("I'm renewing my passport by mail", "and what about the pictures?", "passport_photo"),
    ("j'ai fait la demande d'ACE pour mon bébé", "pis l'argent arrive quand?", "ccb_payment_dates"),
    # read with only its program's name (with the whole earlier message, the dates' words win)
    ("c'est quand les paiements de l'ACE", "ok pis comment on s'inscrit?", "ccb_apply"),
    ("when is the CCB paid", "and how would I sign up for that", "ccb_apply"),
    # a child named in a follow-up qualifies the last question
    ("how much is a 10 year passport", "and for my son?", "passport_fees"),
])
def test_a_follow_up_can_ask_another_topic_of_the_same_program(talk, first, then, intent):
    assert talk(first, then).intent == intent


def test_a_longer_follow_up_with_its_own_details_keeps_the_topic(talk):
    reply = talk("comment obtenir un NAS quand on est étudiant étranger", "pis pour mon mari? il a un permis de travail ouvert")
    assert reply.intent == "sin_apply"


def test_where_to_go_after_a_topic_with_its_own_places_is_where_that_topic_is_given(talk):
    # read alone, "where do i go for that" is a request for help; after a question about the
    # urgent service, it asks where that service is given (passport offices), not small talk
    # and not where to apply in general
    reply = talk("can I get my passport faster if I pay", "where do i go for that")
    assert reply.intent == "passport_urgent"
    assert any("passport offices" in text for text in texts(reply))


@pytest.mark.parametrize("first, then, needle", [
    ("what size is the passport photo", "where do i go for that", "photo studio"),
    ("faut que je refasse mes photos pour renouveler mon passeport", "c'est où qu'on va pour ça?", "studio de photo"),
])
def test_where_to_go_after_a_photo_question_is_where_photos_are_taken(talk, first, then, needle):
    reply = talk(first, then)
    assert reply.intent == "passport_photo"
    assert any(needle in text for text in texts(reply))


def test_where_to_send_the_application_after_a_photo_question_is_where_to_apply(talk):
    assert talk("what size is the passport photo", "ok and where do I send my application").intent == "passport_where_apply"


@pytest.mark.parametrize("first, then, intent", [
    # a question with no subject of its own is the conversation's, whatever it sounds like alone
    ("how do i apply for ei", "how long before i get paid", "ei_apply"),
    ("how do i get a sin", "how long does it take to get", "sin_apply"),
    ("je veux une carte d'assurance sociale", "ça prend combien de temps", "sin_apply"),
    ("i want to apply for RAP", "how often do i need to reapply", "student_loan_rap"),
    # a question that says what it is about changes the subject
    ("how much is a passport", "do i qualify if i got fired", "ei_eligibility"),
    ("how long does a passport take", "when do i start paying back", "student_loan_repayment"),
    ("how do i apply for ei", "what photo size do i need", "passport_photo"),
    ("when is the ccb paid", "how do i renew", "passport_renew"),
])
def test_a_question_without_a_program_is_read_in_the_conversations_program(talk, first, then, intent):
    assert talk(first, then).intent == intent


@pytest.mark.parametrize("first, then", [
    ("comment je fais pour avoir mon NAS", "est-ce que ma mère doit venir au bureau avec moi, j'ai juste 14 ans"),
    ("how do I apply for a SIN", "does my dad have to come with me to the office? i'm only 14 years old"),
])
def test_a_longer_question_unsure_alone_is_read_in_the_conversations_program(talk, first, then):
    # alone, a parent coming along and an age read (unsurely) as a child's passport
    assert talk(first, then).intent == "sin_apply"


def test_small_talk_after_a_topic_stays_small_talk_unless_it_asks(talk):
    assert talk("when is the ccb paid", "cool").intent not in ("ccb_payment_dates", "ccb_apply")
    assert talk("i applied for my passport 4 weeks ago", "still nothing, what do i do").intent == "passport_status"


@pytest.mark.parametrize("first, then", [
    ("how much is the ccb", "can you tell me a joke"),
    ("how do i apply for ei", "sing me a song"),
])
def test_a_doubtful_off_topic_message_with_nothing_of_the_last_program_stays_off_topic(talk, first, then):
    assert talk(first, then).intent == "out_of_scope"


def test_a_short_doubtful_off_topic_message_can_lean_on_the_last_one(talk):
    assert talk("j'ai perdu ma job", "je fais comment pour faire une demande").intent == "ei_apply"


@pytest.mark.parametrize("said, intent", [
    # 13 and 17 words, each off topic alone but unsure of it: the conversation says which topic
    (("je renouvelle en ligne pis il me faut une photo numérique",
      "est-ce que mon chum peut la prendre avec son téléphone dans le salon"), "passport_photo"),
    (("I'm doing my renewal in person",
      "is there an office in Kelowna or do I have to drive all the way to Kamloops"), "passport_where_apply"),
])
def test_a_longer_doubtful_off_topic_message_can_lean_on_the_last_one(talk, said, intent):
    assert talk(*said).intent == intent


@pytest.mark.parametrize("said, intent", [
    # read alone, each asks about a first adult passport (guarantor, references, documents)
    (("I'm renewing my passport by mail", "do I need a guarantor to sign it"), "passport_renew"),
    (("je renouvelle mon passeport cette semaine", "est-ce que ça me prend des références?"), "passport_renew"),
    (("i want to renew my passport", "what id do i need to bring"), "passport_renew"),
    # the conversation says it is not a renewal after all
    (("is my 2009 passport still renewable?", "and if I can't, what papers do I need"), "passport_apply_adult"),
    (("je pensais renouveler mon passeport", "en fait j'en ai jamais eu un comme adulte, ça prend quoi"),
     "passport_apply_adult"),
])
def test_a_first_passport_question_in_a_renewal_is_the_renewals(talk, said, intent):
    assert talk(*said).intent == intent


@pytest.mark.parametrize("said", [
    ("i applied for the ccb in october", "how long does it take"),
    ("j'ai appliqué pour l'allocation canadienne pour enfants en octobre", "ça prend-tu ben du temps"),
])
def test_a_question_without_a_subject_stays_in_the_program_the_conversation_named(talk, said):
    # alone, each is a passport's processing time, and read with the conversation only unsurely the CCB's
    assert talk(*said).intent.startswith("ccb_")


@pytest.mark.parametrize("said", [
    ("when do i start repaying my canada student loan", "thanks. and my spotify student discount, how do i renew it?"),
    ("quand est-ce que je commence à rembourser mon prêt étudiant",
     "merci. pis mon Netflix étudiant, je le renouvelle comment?"),
])
def test_a_subscription_after_a_loan_question_stays_off_topic(talk, said):
    assert talk(*said).intent == "out_of_scope"


@pytest.mark.parametrize("said, intent", [
    # the program is in an earlier detail, not in the last topical question
    (("j'étais sur le PAR l'année passée", "ça a fini en octobre", "faut tu refaire une demande?"), "student_loan_rap"),
    # a question without a question word ("y a tu ...") after details of a loan
    (("ma grâce de 6 mois achève", "c'est mon prêt fédéral", "y a tu des intérêts là-dessus"), "student_loan_repayment"),
])
def test_a_question_unsure_alone_is_read_with_the_details_said_before(talk, said, intent):
    assert talk(*said).intent == intent


@pytest.mark.parametrize("said, intent", [
    (("how do i get a social insurance number", "great thanks", "and for the child benefit, when is it paid?"),
     "ccb_payment_dates"),
    (("comment faire une demande d'assurance-emploi", "merci", "pis le passeport pour ma fille, ça prend quoi?"),
     "passport_child"),
])
def test_a_follow_up_naming_another_of_our_programs_moves_to_it(talk, said, intent):
    assert talk(*said).intent == intent


@pytest.mark.parametrize("said", [
    ("how much does a passport cost", "ok and how do i renew my ohip card"),
    ("what does a 5 year passport cost", "and the GST credit, when does that come?"),
    ("combien coûte un passeport", "ok pis comment renouveler ma carte soleil"),
    # the GST/HST credit by its tax's name alone, after a CCB date
    ("when is the child benefit paid this month", "what about the hst"),
    ("c'est quand le versement de l'allocation pour enfants", "pis ma TPS elle?"),
    ("c'est quand le prochain versement de l'allocation canadienne pour enfants?", "et la TPS?"),
])
def test_a_follow_up_naming_a_program_we_do_not_answer_is_out_of_scope(talk, said):
    assert talk(*said).intent == "out_of_scope"


@pytest.mark.parametrize("said", [
    ("how long does a passport take", "and what about a visa for vietnam, how long is that?"),
    ("c'est combien un passeport", "pis pour mon abonnement de gym, c'est combien?"),
    ("combien coûte un passeport?", "et combien coûte le visa pour mes parents qui viennent du Maroc?"),
    ("je veux vérifier l'état de ma demande de passeport", "il va faire beau à Ottawa demain?"),
])
def test_a_follow_up_about_a_thing_surely_off_topic_alone_stays_off_topic(talk, said):
    assert talk(*said).intent == "out_of_scope"


@pytest.mark.parametrize("said, intent", [
    (("what documents for a first adult passport", "ok where do i go to drop all that off"), "passport_where_apply"),
    (("j'ai eu 800 heures pis ma job a fermé", "suis-je admissible à l'AE", "parfait, pis je fais ma demande où?"),
     "ei_apply"),
])
def test_asking_where_to_go_after_a_topic_gets_where(talk, said, intent):
    assert talk(*said).intent == intent


@pytest.mark.parametrize("said, intent", [
    (("what do i need for my first adult passport", "and for my 6 year old?"), "passport_child"),
    (("comment je renouvelle mon passeport", "pis pour mon plus jeune de 11 ans?"), "passport_child"),
    # a fee asked again for a child stays a fee (priced for the child)
    (("how much is a 10 year passport", "and for my 8 year old?"), "passport_fees"),
])
def test_an_adults_passport_asked_again_for_a_child_is_a_childs_passport(talk, said, intent):
    assert talk(*said).intent == intent


def test_a_call_for_help_after_telling_a_situation_answers_the_situation(talk):
    assert talk("i earn about 22k", "my loan payments are 250 a month", "anything that could help?").intent.startswith(
        "student_loan_")


@pytest.mark.parametrize("said, intent", [
    (("my passport got stolen at the airport", "omg im freaking out"), "passport_lost_stolen"),
    (("j'ai pas reçu mon allocation pour enfants ce mois-ci", "c'est tu normal?"), "ccb_payment_dates"),
    (("applied for my passport by mail 9 weeks ago", "nobody answers the phone", "this is ridiculous"),
     "passport_status"),
    (("quelqu'un a utilisé mon numéro d'assurance sociale pour travailler", "koi faire???"), "sin_protect"),
])
def test_distress_after_telling_a_situation_answers_the_situation(talk, said, intent):
    assert talk(*said).intent == intent


@pytest.mark.parametrize("said", [
    ("c'est quoi les critères pour l'assurance-emploi?", "bon je pense que je suis admissible, comment je fais ma demande?"),
    ("who qualifies for EI", "ok i'm eligible i think. how do i apply?"),
])
def test_eligible_for_ei_then_asking_how_is_how_to_apply(talk, said):
    assert talk(*said).intent == "ei_apply"


def test_distress_with_nothing_told_before_is_not_an_answer(talk):
    assert talk("this is ridiculous").intent == "complaint"


def test_distress_that_asks_for_a_person_still_reaches_one(talk):
    reply = talk("my passport got stolen at the airport", "this is ridiculous, i want to talk to a real person")
    assert reply.intent in {"request_human", "complaint"}


def test_a_follow_up_asking_help_with_a_thing_off_topic_stays_off_topic(talk):
    assert talk("how do i get a sin", "and can you help me find an apartment").intent == "out_of_scope"


@pytest.mark.parametrize("said", [
    ("how much is a 10 year passport", "and for my husband?"),
    ("c'est combien un passeport", "pis pour mon chum?"),
])
def test_a_follow_up_for_someone_else_keeps_the_topic(talk, said):
    assert talk(*said).intent == "passport_fees"


def test_a_doubtful_question_after_a_topic_can_ask_another_topic_of_its_program(talk):
    assert talk("how do i apply for the ccb", "when do payments come").intent == "ccb_payment_dates"


@pytest.mark.parametrize("texts_sent", [
    ("how long does a passport take? I fly in 5 days",),
    ("combien de temps pour un passeport, je pars vendredi",),
    ("how long to get a passport", "i'm flying in 5 days"),
])
def test_a_question_of_time_with_a_trip_within_two_weeks_gets_the_urgent_service(talk, texts_sent):
    reply = talk(*texts_sent)
    assert reply.intent == "passport_urgent"
    assert any("proof of travel" in text or "preuve de voyage" in text for text in texts(reply))


@pytest.mark.parametrize("first, then", [
    ("how long does a passport take by mail", "and if I need it earlier than that?"),
    ("délai pour un passeport", "ok mais si je le veux plus tôt?"),
    ("combien de temps pour un passeport", "faut que je l'aie avant le 10 décembre"),
])
def test_needing_the_passport_sooner_after_the_processing_times_gets_the_urgent_service(talk, first, then):
    assert talk(first, then).intent == "passport_urgent"


def test_a_date_that_is_not_a_trip_keeps_the_processing_times(talk):
    assert talk("j'ai posté ma demande lundi passé, je devrais l'avoir quand à peu près").intent != "passport_urgent"


def test_a_passport_date_told_after_a_renewal_question_settles_the_check(talk):
    reply = talk("je veux renouveler mon passeport", "il date de 2008, je l'avais eu à Montréal")
    assert reply.intent == "passport_renewal_eligibility"
    assert "nouvelle demande" in " ".join(texts(reply))


@pytest.mark.parametrize("first, then", [
    ("how much is a 10 year passport", "is it going to rain in Toronto tomorrow"),
    ("c'est combien un passeport", "il fait-tu beau à Québec"),
])
def test_an_unrelated_question_after_a_topic_stays_unrelated_even_short(talk, first, then):
    assert talk(first, then).intent == "out_of_scope"


def test_an_unrelated_question_after_a_topic_stays_unrelated(talk):
    reply = talk("how much is a 10 year passport", "what's the weather in Toronto tomorrow")
    assert reply.intent == "out_of_scope"


@pytest.mark.parametrize("text, needles", [
    ("combien pour le passeport 10 ans et c'est quoi les délais par la poste", ["163,50 $", "20 jours ouvrables"]),
    ("how big is the photo and what color should the background be", ["50 mm", "background"]),
    ("i need to renew my passport and also get a sin for my daughter", ["renewal", "SIN"]),
    # the second need alone is unsure ("a 5 year" of what?), but it is of the first one's program
    ("what size is the passport photo and also how much is a 5 year", ["50 mm", "122.50"]),
])
def test_two_needs_in_one_message_get_two_answers(talk, text, needles):
    replies = texts(talk(text))
    for needle in needles:
        assert any(needle in reply for reply in replies), needle


def test_a_story_before_the_question_is_not_a_need_of_its_own(talk):
    # "c'est moi le père" read alone sounds like a child's passport; the message names the CCB
    reply = talk("c'est moi le père et c'est moi qui m'occupe des enfants, je peux tu recevoir l'ACE au lieu de la mère")
    assert reply.intent == "ccb_apply"
    said = " ".join(texts(reply))
    assert "principalement responsable des soins" in said, said
    assert "enfant de moins de 16 ans" not in said and "passeport d'enfant" not in said.lower(), said


def test_one_need_said_twice_gets_one_answer(talk):
    reply = talk("how much is a passport? how much does it cost")
    assert len([t for t in texts(reply) if "$" in t]) == 1


@pytest.mark.parametrize("text, needles, never", [
    ("can I renew? my last passport was from when I was 14",
     ["apply for a new passport", "16 or older"], "Was your most recent passport issued"),
    ("mon passeport a été émis en 2008, je peux-tu le renouveler?",
     ["nouvelle demande", "15 dernières années"], "a-t-il été délivré quand"),
    ("I got my passport in 2019 when I was 30, can I renew it?",
     ["in the last 15 years", "valid for 5 or 10 years"], "Was your most recent passport issued"),
])
def test_a_renewal_question_is_not_asked_what_it_already_said(talk, text, needles, never):
    said = " ".join(texts(talk(text)))
    assert all(needle in said for needle in needles), said
    assert never not in said


@pytest.mark.parametrize("text, needle", [
    ("comment avoir l'allocation canadienne pour le logement", "l'Allocation canadienne pour le logement :"),
    ("how do I apply for the Canada Disability Benefit", "help with the Canada Disability Benefit:"),
])
def test_another_program_is_named_and_not_answered_as_ours(talk, text, needle):
    said = " ".join(texts(talk(text)))
    assert needle in said and "1 800 O-Canada" in said, said


@pytest.mark.parametrize("said, intent", [
    # a detail between the question and the follow-up: the follow-up is read with the question
    (("i applied for the ccb for my baby", "she was born last month", "ok and when does the money start"),
     "ccb_payment_dates"),
    (("comment faire une demande de NAS", "chu arrivé avec un permis de travail",
      "je peux faire ça en ligne ou faut que j'aille au bureau?"), "sin_apply"),
    # a longer question naming no program stays in the conversation's
    (("i need a SIN to start my new job", "can i get it done online or do i have to show up at an office in person"),
     "sin_apply"),
])
def test_a_follow_up_after_a_detail_keeps_the_conversations_topic(talk, said, intent):
    assert talk(*said).intent == intent


@pytest.mark.parametrize("first, then, needle, not_needle", [
    # whose passport, told without a question after a fee question
    ("how much is the passport fee", "me and my son, he's 7", "$58.50", None),
    ("combien coûte un passeport", "moi pis ma fille de 6 ans", "58,50 $", None),
    # where, with a question unsure on its own
    ("combien ça coûte un passeport 5 ans", "je suis à l'étranger en ce moment, c'est pareil?", "194,25 $", "122,50 $"),
])
def test_a_situation_told_after_a_fee_question_gets_its_exact_fee(talk, first, then, needle, not_needle):
    reply = " ".join(texts(talk(first, then)))
    assert needle in reply
    assert not_needle is None or not_needle not in reply


@pytest.mark.parametrize("said, intent", [
    (("how do I renew my passport", "is this a real person? how long does it take by mail"), "passport_processing_times"),
    (("t'es-tu un robot? combien de temps pour un passeport par la poste",), "passport_processing_times"),
    (("are you a real person?",), "bot_challenge"),
])
def test_small_talk_before_a_question_of_ours_gets_the_answer(talk, said, intent):
    assert talk(*said).intent == intent


def test_a_follow_up_after_a_goodbye_is_read_in_the_conversation(talk):
    assert talk("when is the ccb paid", "ok goodbye for now, but what if it doesn't come?").intent == "ccb_payment_dates"


def test_help_before_a_question_is_read_in_the_conversation(talk):
    assert talk("how do i get a sin", "help me understand, what documents do i need").intent == "sin_apply"


@pytest.mark.parametrize("said, intent", [
    (("my passport was stolen in rome", "what should i do"), "passport_lost_stolen"),
    (("j'ai besoin d'un NAS pour travailler", "je suis étudiant étranger", "je fais quoi"), "sin_apply"),
    # the spoken "-tu" of a question is no "you": not a question to the assistant
    (("mon prêt étudiant me coûte 300 par mois", "j'ai perdu mon emploi la semaine passée", "y a-tu de quoi pour m'aider?"),
     "student_loan_rap"),
    (("mon prêt étudiant me coûte 300 par mois", "j'ai perdu mon emploi la semaine passée",
      "est-ce qu'il y a quelque chose pour m'aider?"), "student_loan_rap"),
    # what the assistant can do is still asked of the assistant
    (("how much is a passport", "what can you do"), "help"),
])
def test_what_do_i_do_asks_about_the_conversations_topic(talk, said, intent):
    assert talk(*said).intent == intent


def test_a_follow_up_whose_words_lean_elsewhere_stays_in_the_conversations_program(talk):
    # read with the repayment question, the job words read as Employment Insurance or off topic;
    # the conversation is about student loans: the Repayment Assistance Plan
    reply = talk("i finish school in december", "when do i have to start paying back",
                 "what if i cant find a job right away")
    assert reply.intent == "student_loan_rap"


@pytest.mark.parametrize("said, intent", [
    # renewing is the RAP's too (every six months), not only a passport's
    (("i'm on the repayment assistance plan", "do i have to renew that every year"), "student_loan_rap"),
    (("je suis sur le PAR depuis mars", "faut tu le renouveler?"), "student_loan_rap"),
    # ... unless the follow-up names the passport
    (("i'm on the repayment assistance plan", "how do i renew my passport"), "passport_renew"),
])
def test_a_word_the_conversations_program_shares_keeps_the_question_in_it(talk, said, intent):
    assert talk(*said).intent == intent


@pytest.mark.parametrize("said, intent, needle", [
    # when the money comes, after an EI application: EI's first payment, not off topic
    (("applied for EI last tuesday", "so when does the money actually come"), "ei_apply", "28 days"),
    # someone else who wants the SIN, after who may ask for it: who may ask for it
    (("can my employer ask for my SIN?", "what about my gym? they want it on the membership form"), "sin_protect", ""),
    # "prêt" as ready, after a passport applied for: the application's status, not a student loan
    (("j'ai fait ma demande de passeport au bureau de Gatineau lundi", "comment je sais si c'est prêt"),
     "passport_status", ""),
    # lost, then what if it happens abroad: losing it abroad, not how long a passport takes from there
    (("jai perdu mon passeport dans le metro", "et si je suis rendu à l'étranger quand je m'en rends compte?"),
     "passport_lost_stolen", ""),
])
def test_a_follow_up_is_read_as_what_it_means_in_the_conversation(talk, said, intent, needle):
    reply = talk(*said)
    assert reply.intent == intent
    assert needle in " ".join(texts(reply))


def test_a_student_loan_still_reads_pret_as_a_loan_after_a_passport(talk):
    reply = talk("j'ai fait ma demande de passeport lundi", "pis mon prêt étudiant, je commence à rembourser quand?")
    assert reply.intent.startswith("student_loan_")


@pytest.mark.parametrize("said, intent", [
    # the next one of what was just answered, not "yes"
    (("when is the next CCB payment", "and the one after that"), "ccb_payment_dates"),
    # someone else the last question is asked again for, with a word of another service
    (("How do I apply for a SIN? I'm a new permanent resident", "what about my wife, she's on an open work permit"),
     "sin_apply"),
    # the same rules for a baby: the photo's rules, not a baby's passport
    (("what are the rules for passport photos", "same rules for a baby?"), "passport_photo"),
    # "il y a 2 ans" is a time, not a child of 2
    (("Est-ce que je peux renouveler un passeport qui a expiré il y a 2 ans?", "et s'il a été émis en 2009?"),
     "passport_renewal_eligibility"),
    # how to apply, with no subject of its own, after the Repayment Assistance Plan's answer
    (("mon prêt étudiant me coûte 400$ par mois pis je fournis pas", "j'ai entendu parler d'un programme d'aide",
      "comment on applique?"), "student_loan_rap"),
    # proof of citizenship told after a first passport's documents: the application, not off topic
    (("What documents do I need for my first adult passport?",
      "my birth certificate is from Ontario but its the small wallet size one"), "passport_apply_adult"),
    # a question about what was told, not "goodbye"
    (("Je veux renouveler mon passeport", "ma photo a été prise l'an passé pour ma carte de la RAMQ",
      "elle est encore bonne?"), "passport_photo"),
])
def test_a_follow_up_keeps_what_the_conversation_was_about(talk, said, intent):
    assert talk(*said).intent == intent


def test_a_goodbye_stays_a_goodbye_after_a_question(talk):
    assert talk("what are the rules for passport photos", "ok thanks bye").intent in {"goodbye", "thanks"}


def test_getting_a_birth_certificate_stays_another_service_after_a_passport_question(talk):
    assert talk("What documents do I need for my first adult passport?",
                "how do I get a new birth certificate from Ontario").intent == "out_of_scope"


def test_an_adult_who_names_a_son_is_not_told_a_passport_issued_before_16_cannot_be_renewed(talk):
    reply = talk("Bonjour. J'ai 81 ans et je ne conduis plus. Est-il possible de renouveler mon passeport par la poste "
                 "sans me déplacer? Mon fils pourra m'aider à remplir les papiers.")
    assert reply.intent == "passport_renew"
    assert "Seuls les passeports d'adulte" not in " ".join(texts(reply))
    # ... while an adult whose last passport was had as a child still gets that answer
    young = talk("im 19, my parents always did my passport when i was a kid and now its been expired like 5 years, what do i do")
    assert "Only adult passports can be renewed" in " ".join(texts(young))


def test_passports_destroyed_in_a_flood_get_the_damaged_passports_answer(talk):
    reply = talk("Inondation chez nous, tous nos papiers sont détruits, y compris les passeports de nous 4. "
                 "Est-ce qu'il y a de l'aide pour les remplacer?")
    assert "endommagé" in " ".join(texts(reply))


@pytest.mark.parametrize("said, intent, needle", [
    # a replacement asked for after a lost passport was reported: replacing it, not a renewal
    (("someone stole my passport at the gym", "i already called the passport line", "how do i get a replacement now"),
     "passport_lost_stolen", None),
    # EI hours told after EI's hours were asked: whether they are enough
    (("combien d'heures il faut pour le chômage", "bon moi j'en ai genre 520, je vis à Trois-Rivières"), "ei_eligibility", None),
    # no scanner told after applying for a SIN online: applying online, not off topic
    (("je peux faire ma demande de NAS en ligne?", "j'ai pas d'ordi, juste mon cell"), "sin_apply", None),
    # a place asked after the express service: where the service is given
    (("how does express passport service work", "is it available in Moncton?"), "passport_urgent", "only at passport offices"),
    # whether what was told is enough after renewing an expired passport: whether it can be renewed
    (("comment renouveler mon passeport", "il est expiré depuis 2020", "donc chu correct?"),
     "passport_renewal_eligibility", None),
    # proof of citizenship asked about after a first passport's documents
    (("documents pour un premier passeport adulte?", "mon acte de naissance c'est la petite carte format portefeuille, c'est bon?"),
     "passport_apply_adult", None),
])
def test_what_the_citizen_tells_after_a_topic_is_about_that_topic(talk, said, intent, needle):
    reply = talk(*said)
    assert reply.intent == intent
    assert needle is None or needle in " ".join(texts(reply))


@pytest.mark.parametrize("text, intent, needle", [
    ("my income is only 28k, do i still have to make student loan payments?", "student_loan_rap", ""),
    ("is there a passport counter at the post office in my village", "passport_where_apply", "2017"),
    ("RQAP ou AE pour mon congé parental? je travaille à Sherbrooke", "ei_apply", "RQAP"),
])
def test_a_question_gets_the_answer_that_fits_its_situation(talk, text, intent, needle):
    reply = talk(text)
    assert reply.intent == intent
    assert needle in " ".join(texts(reply))


@pytest.mark.parametrize("text, needle", [
    # the damaged page being the photo's makes the model read a question about photos
    ("notre chiot a mordillé mon passeport, la photo est tout abîmée, faut-il en refaire un?", "endommagé"),
    ("my dog bit my passport and the photo is all scratched up, do I need to redo it", "damaged passport"),
])
def test_a_damaged_passport_told_gets_its_answer_even_when_read_as_photos(talk, text, needle):
    reply = talk(text)
    assert reply.intent == "passport_renew"
    assert needle in " ".join(texts(reply))


def test_photos_for_an_application_that_got_damaged_stay_about_photos(talk):
    assert talk("my passport photos got ripped in my bag, do i need new ones").intent == "passport_photo"


@pytest.mark.parametrize("said, needle", [
    # how long it takes, asked after renewing: the times in Canada, not renewing again
    (("faut que je renouvelle mon passeport bientôt", "ça prend combien de temps à peu près, svp?"), "Délais habituels"),
    # nothing says abroad: not the abroad answer that the bare question is nearest to
    (("i'm renewing my passport this spring", "how long does it take"), "Usual processing times"),
    # ... which stays when a place abroad is named
    (("we live in Lisbon now", "how long does it take for a passport"), "From outside Canada"),
])
def test_how_long_it_takes_after_applying_is_the_time_from_where_the_citizen_is(talk, said, needle):
    reply = talk(*said)
    assert reply.intent == "passport_processing_times"
    assert needle in " ".join(texts(reply))


@pytest.mark.parametrize("said, intent, needle", [
    # caring for a dying parent: the caregiving benefits, whatever "time off" is nearest
    (("my mom is dying and I'd like to take leave from work to be with her, does EI cover that?",), "ei_apply", "caregiving"),
    (("mon père est en soins palliatifs, y a-tu des prestations de proches aidants au fédéral?",), "ei_apply", "proches aidants"),
    # a local office or a drive to the city, with the price beside it: where to apply
    (("can I renew my passport at the Service Canada in my town or do I have to drive to Toronto? and how much",),
     "passport_where_apply", None),
    # ... and nothing abroad named, so not the embassies' answer
    (("je reste à Moncton, je peux faire mon passeport au Service Canada ici ou faut que j'aille à Halifax?",),
     "passport_where_apply", None),
    # how long, by the word for it
    (("délai pour un passeport si je vais en personne à Sherbrooke?",), "passport_processing_times", None),
    # told when it is ready: the status
    (("will I get an email when my passport is ready?",), "passport_status", None),
    # opening hours after where to apply
    (("where can I apply for a passport in Sudbury", "are they open on saturdays?"), "passport_where_apply", None),
    # a place abroad told after a renewal: renewing from abroad
    (("i want to renew my passport", "im living in Singapore btw"), "passport_renew", "outside Canada"),
    # the Repayment Assistance Plan: doing it again is renewing it; an income told is its payment
    (("how do i sign up for the repayment assistance plan", "will i need to redo it at some point?"), "student_loan_rap",
     "every 6 months"),
    (("comment marche le PAR", "je gagne 31 000$ par an avec un enfant, je paierais combien?"), "student_loan_rap", None),
    (("I got laid off and I'm on EI now, can I stop paying my student loan for a while?",), "student_loan_rap", None),
    (("below what income level do I pay nothing on my student loans",), "student_loan_rap", None),
    # newly arrived with children: applying as a newcomer
    (("we immigrated to canada last spring with 3 kids, how do we get the money for children",), "ccb_apply", "RC66"),
    (("chu réfugié avec 2 enfants à Laval depuis l'été, on a droit à l'argent pour enfants du fédéral? je sais pas comment faire",),
     "ccb_apply", "RC66"),
])
def test_the_answer_that_fits_what_the_citizen_told(talk, said, intent, needle):
    reply = talk(*said)
    assert reply.intent == intent
    assert needle is None or needle in " ".join(texts(reply))
    if intent == "passport_where_apply":  # not the answer from abroad
        assert "staying outside Canada" not in " ".join(texts(reply)) and "séjournez hors du Canada" not in " ".join(texts(reply))


def test_the_service_added_to_a_price_is_that_passports_fee_with_it(talk):
    reply = talk("how much for an adult 10 year passport", "and with urgent pickup?")
    assert "$289.25" in " ".join(texts(reply))  # 163.50 + 125.75
    assert talk("how much for an adult 10 year passport", "and how long with urgent pickup?").intent == "passport_urgent"


@pytest.mark.parametrize("said", [
    ("need a headshot for my linkedin profile, is a white background better?",),
    ("I've been on EI since October", "do I have to put this on my taxes?"),
    # getting someone's birth certificate is the province's, even for a passport
    ("how do I get my daughter's birth certificate? she needs it for her passport",),
])
def test_a_photo_for_a_cv_or_taxes_on_benefits_are_not_ours(talk, said):
    assert talk(*said).intent == "out_of_scope"


@pytest.mark.parametrize("said, intent, needle", [
    # how to pay, asked after a passport by mail: the fee's ways to pay
    (("I'm renewing my passport by mail", "how do I pay then, is a personal cheque ok?"), "passport_fees", None),
    # an appointment asked after where to apply
    (("où je fais ma demande de passeport à Rimouski", "faut-tu prendre un rdv?"), "passport_where_apply", "eServiceCanada"),
    # the day it is paid, asked after applying for the CCB
    (("how do I apply for the canada child benefit", "cool. which day is it deposited?"), "ccb_payment_dates", None),
    # taxes not filed or no income told after a CCB application: both returns are needed
    (("applying for the child benefit", "my wife has no income and never does her taxes, does that matter?"), "ccb_apply",
     "even if you had no income"),
    # someone who asks for the SIN, named after it: who may ask for it
    (("who is allowed to ask for my SIN", "ok what about my landlord"), "sin_protect", "employer"),
    (("je viens de recevoir mon NAS", "le concessionnaire me le demande pour l'auto, je suis obligée de le donner?"), "sin_protect",
     None),
    # after the Repayment Assistance Plan: an income named is its rules; anything else to do is renewing it
    (("applying for the repayment assistance plan", "does my husband's income count too?"), "student_loan_rap", None),
    (("just got approved for RAP", "is there anything else I need to do or am I set for good?"), "student_loan_rap",
     "every 6 months"),
])
def test_what_a_short_follow_up_asks_of_the_conversations_topic(talk, said, intent, needle):
    reply = talk(*said)
    assert reply.intent == intent
    assert needle is None or needle in " ".join(texts(reply))


def test_an_everyday_question_after_who_may_ask_for_the_sin_stays_off_topic(talk):
    assert talk("who is allowed to ask for my SIN", "ok what about the weather this weekend").intent == "out_of_scope"


@pytest.mark.parametrize("said", [
    ("je me suis fait congédier la semaine passée", "est-ce que ça compte pour le chômage?"),
    ("I got fired yesterday, can I get EI", "it was because I missed too many shifts"),
])
def test_a_dismissal_told_then_ei_asked_or_its_reason_told_is_whether_ei_still_pays(talk, said):
    reply = talk(*said)
    assert reply.intent == "ei_eligibility"


def test_a_complaint_after_ei_eligibility_stays_a_complaint(talk):
    assert talk("I got fired yesterday, can I get EI", "this is ridiculous, I want to file a complaint").intent == "complaint"


@pytest.mark.parametrize("said", [
    ("how do I apply for EI", "and my prescription drug coverage while I'm on EI?"),
    ("on a divorcé pis je veux changer l'allocation", "aussi mon prêt étudiant avec un seul salaire ça passe pas"),
])
def test_drug_insurance_is_not_ours_and_a_loan_that_no_longer_fits_the_budget_is_rap(talk, said):
    assert talk(*said).intent == ("out_of_scope" if "drug" in said[1] else "student_loan_rap")


@pytest.mark.parametrize("said, intent, needle", [
    # no passport yet, a flight told, whether it can be had in time: the urgent service
    (("on part pour Cancún jeudi prochain", "j'ai jamais eu de passeport", "c'est faisable avant?"), "passport_urgent", None),
    # where to apply, asked by someone living abroad: from abroad, not renewing early
    (("we're living in Singapore these days", "my passport runs out in march, where do i apply for a new one"),
     "passport_where_apply", "outside Canada"),
    # a newcomer, then the child benefit by what it is
    (("I'm a newcomer, I got my SIN last week", "my daughter is 3, how do I get the money for my child?"), "ccb_apply", "RC66"),
])
def test_what_the_conversation_told_decides_the_answer(talk, said, intent, needle):
    reply = talk(*said)
    assert reply.intent == intent
    assert needle is None or needle in " ".join(texts(reply))


@pytest.mark.parametrize("said, intent, needle", [
    # where photos are taken, asked after them: not where to apply
    (("how big does the passport picture have to be", "can costco take them or do i need a special studio"), "passport_photo", None),
    # a refund asked after a long wait: the 30-business-day refund, not a student loan
    (("j'ai envoyé ma demande de passeport en septembre", "vous remboursez-tu quand c'est trop long?"), "passport_fees",
     "30"),
])
def test_a_follow_up_stays_with_the_passport_spoken_of(talk, said, intent, needle):
    reply = talk(*said)
    assert reply.intent == intent
    assert needle is None or needle in " ".join(texts(reply))



@pytest.mark.parametrize("said", [
    ("what size are passport photos", "where's the nearest shoppers drug mart"),
    ("can i wear my glasses in the passport photo", "btw is costco optical any good for new glasses?"),
])
def test_a_store_asked_about_after_photos_stays_the_stores(talk, said):
    assert talk(*said).intent == "out_of_scope"


@pytest.mark.parametrize("said, intent, needle", [
    # how long until EI pays, asked after applying: the first payment, not how many weeks it lasts
    (("how do I apply for EI online", "how long before i actually see money?"), "ei_apply", "28 days"),
    # EI's benefits named by what they are for, in a story the model reads off topic
    (("J'travaille dans un CPE à Moncton pis j'attends un bébé en avril, c'est quand que je demande mes prestations de "
      "maternité?",), "ei_apply", None),
    # no passport yet and a trip within two weeks: the urgent service
    (("flying to Cancun in 6 days and I don't even have a passport, am I screwed?",), "passport_urgent", None),
    # a country told after a price: the fee from abroad
    (("what does a passport cost", "i'm in vietnam right now"), "passport_fees", "194.25"),
    # renewing, asked after a stolen passport: whether and how a stolen one is renewed
    (("someone stole my passport at the gym", "can I renew it by mail instead?"), "passport_lost_stolen", "declaration"),
    # by mail, asked after a trip in days: the urgent service is only in person
    (("I need a passport for a trip in 5 days and I don't have one", "could I just mail it in?"), "passport_urgent",
     "not at regular Service Canada Centres or by mail"),
    # a payment that did not come: the missing payment, not applying
    (("it's the 23rd and my canada child benefit still hasn't come in",), "ccb_payment_dates", "didn't arrive"),
    # a status told after a CCB application: who can get it
    (("applying for the canada child benefit", "we're permanent residents, not citizens yet, does that matter?"), "ccb_apply",
     "permanent resident"),
    # a foreign passport and a permit told after the SIN: its documents
    (("how do I apply for a social insurance number", "all I have is my work permit and my indian passport, enough?"), "sin_apply",
     "primary document"),
    # the other parent dead, told after a child's passport: one parent applying
    (("does the other parent need to sign my son's passport application", "his mother died two years ago"), "passport_child",
     "death certificate"),
    # the plan's period over, asked after it: what happens then
    (("I've been on the repayment assistance plan since spring", "what happens once it ends?"), "student_loan_rap",
     "regular payments start again"),
    # lower payments while on EI, the federal loan named: the Repayment Assistance Plan
    (("J'suis sur l'assurance-emploi depuis mars pis j'ai un prêt étudiant du fédéral, je peux-tu baisser mes paiements?",),
     "student_loan_rap", None),
    # a child of 11 and "like an adult's": the child's passport
    (("ma fille a 11 ans, pour son passeport faut-tu un répondant comme pour les adultes?",), "passport_child", None),
    # a person pointed back to after a child told: the child's fee, not the adult's asked first
    (("how much is a 10 year passport for me", "my daughter is 7", "and how much for her?"), "passport_fees",
     "the fee is $58.50"),
    # a partner asked after a child's fee: an adult's
    (("what's the fee for my son's passport, he's 11", "and for my wife?"), "passport_fees", "$122.50"),
    # how fast, with a trip in days, after a price: the urgent service
    (("how much for a passport", "how fast could i get it, we leave on the 10th"), "passport_urgent", None),
    # damage told of "it" after a renewal: the damaged passport's answer
    (("i'm renewing online", "it got a bit wet at the beach, is that ok?"), "passport_renew", "damaged"),
    # the police, asked after a SIN misused: protecting the SIN
    (("someone used my SIN to get a loan", "do i go to the cops"), "sin_protect", None),
    # how to take it, asked of the digital photo just spoken of: the passport photo
    (("je renouvelle mon passeport en ligne", "ça prend une photo numérique",
      "je la prends comment, avec mon cell dans la cuisine?"), "passport_photo", None),
    # where to go with a town told, after the urgent service: where it is given
    (("je veux le service urgent pour mon passeport", "où est-ce que je dois aller? j'habite à Rimouski"), "passport_urgent",
     None),
    # renewing from a place abroad, nothing else named to renew: renewing from abroad
    (("renewing from manila, how does that work",), "passport_renew", "outside Canada"),
    # a passport through the wash: a damaged passport
    (("my passport went through the washing machine and the pages stuck together, ok to travel with?",), "passport_renew",
     None),
    # whether a tax return is needed, asked after applying for the CCB: the CCB's (its newcomers' entry here)
    (("i want to get ccb", "im a newcomer, do i need a tax return first"), "ccb_apply", "RC66"),
    # a payment late against its day, told after it did not come: the missing payment's answer
    (("my ccb payment didnt come", "it was supposed to come the 20th, today is the 23rd"), "ccb_payment_dates", "My Account"),
    # a newcomer's few months in Canada, after applying for the CCB: the newcomers' application
    (("comment faire une demande d'ACE pour mon bébé", "et si je suis au canada seulement depuis 3 mois?"), "ccb_apply", "RC66"),
    # the United States, after a child's fee: the fee there (Canada's)
    (("combien pour un passeport enfant", "et si on habite aux États-Unis?"), "passport_fees", "58,50"),
    # the interest rate, after repaying a student loan: the loan's interest
    (("comment je rembourse mon prêt étudiant", "le taux d'interet c combien?"), "student_loan_repayment", "intérêt"),
    # a way to pay asked after repaying a student loan: the loan's
    (("how do i pay back my student loan", "can i pay it by credit card"), "student_loan_repayment", None),
    # the guarantor asked after a child's passport: the child's
    (("Quel formulaire pour un passeport pour enfant?", "pis le répondant, ça peut être qui?"), "passport_child", None),
    # the replacement's price after a passport stolen abroad: the fee from outside Canada with the surcharge
    (("my passport was stolen in rome yesterday", "how much will the new one cost me here"), "passport_fees", "$311.25"),
    # how much, after children and a family income told: the CCB's amount, not passports
    (("j'ai 3 enfants, 2, 5 et 9 ans", "revenu familial environ 60 000", "ca devrait etre combien a peu pres?"),
     "ccb_payment_dates", None),
    # a question opened by "ok" is a question, not a yes
    (("can i renew my passport", "ok which form"), "passport_renew", None),
])
def test_what_the_citizen_told_decides_the_answer(talk, said, intent, needle):
    reply = talk(*said)
    assert reply.intent == intent
    assert needle is None or needle in " ".join(texts(reply))


@pytest.mark.parametrize("said", [
    ("j'attends ma demande de permis d'études depuis 4 mois, je vérifie ça où?",),
    # a health card expiring, after a passport renewal; permanent residence after a SIN applied for;
    # a new loan for more studies after repaying one; doing one's tax return; the interest claimed
    # on one's taxes after repaying a loan; the tax deadline after the CCB
    ("comment je renouvelle mon passeport", "pis ma carte soleil expire aussi, je la renouvelle où?"),
    ("j'ai fait ma demande de NAS hier", "maintenant comment j'obtiens ma résidence permanente"),
    ("how do i repay my student loan", "can i get another loan for my masters at ubc"),
    ("combien de temps prend une demande de résidence permanente en ce moment",),
    ("comment je fais ma declaration d'impots en ligne",),
    ("how do i repay my student loan", "can i claim the interest on my taxes"),
    ("i want to get ccb", "et mes impots, je dois les faire avant quand cette annee?"),
])
def test_a_study_or_work_permits_application_is_not_ours(talk, said):
    assert talk(*said).intent == "out_of_scope"


def test_a_request_after_a_birth_told_without_a_passport_said_asks_which(talk):
    # a request for the baby, after a birth: the CCB or her passport, asked, not a passport answer
    assert talk("on vient d'avoir des triplés", "faut-il une demande par bébé?").intent == "nlu_fallback"
    # ... a passport said, or a trip told, stays the passport's
    assert talk("on vient d'avoir des triplés", "faut-il un passeport par bébé?").intent == "passport_child"
    assert talk("we fly to Lima in the spring", "our son was born last month", "can he get one at that age?").intent == (
        "passport_child")


@pytest.mark.parametrize("said, intent, needle", [
    # a passport needed for a trip, then whether it can be had in time (read unsurely): the urgent service
    (("we need a passport for our trip to lisbon on the 12th", "today is the 6th, can we still make it?"), "passport_urgent", None),
    # a way of applying asked after the SIN's application: the SIN's, that way
    (("how do i get a social insurance number", "can i just do it by mail? no service canada near me"), "sin_apply",
     "Bathurst"),
    # paying in gift cards told after a call about the SIN: the scam's answer
    (("got a call that my SIN is suspended", "now they say i have to pay with gift cards"), "sin_protect", "scam"),
    # hours a week told and whether they are enough, after EI: the hours needed
    (("je veux faire une demande d'assurance-emploi", "je travaille 22h par semaine depuis un an, c'est assez?"),
     "ei_eligibility", "420"),
    # an application with nothing heard and a trip, no program named: a passport's delay
    (("j'ai envoyé ma demande en février pis toujours rien, on part en juin",), "passport_status", "1 800 567-6868"),
    # a record of employment not received, then never: the ROE's answer
    (("my employer still hasnt sent my roe", "what if they never do?"), "ei_apply", "record of employment"),
    (("mon boss a pas encore fait mon relevé d'emploi", "pis s'il le fait jamais?"), "ei_apply", "relevé d'emploi"),
    # paying more to have it in days: the urgent and express services
    (("je peux tu avoir mon passeport dans 3 jours si je paie plus?",), "passport_urgent", None),
    # booking ahead, asked after where to apply: the appointment
    (("where do i apply for a passport in regina", "should i book ahead or can i just walk in"), "passport_where_apply",
     "eServiceCanada"),
    # a SIN wanted for a child: the child's SIN, not who may ask for one
    (("my daughter is 13, can she get a sin for her bank account?",), "sin_apply", "12"),
    (("mon gars a 6 mois, y'a-tu besoin d'un NAS pour son REEE?",), "sin_apply", "12"),
    # an application mailed and nothing heard, "could it be lost": the delay, not a lost passport
    (("sent my renewal by mail in february and haven't heard anything, could it have gotten lost?",), "passport_status",
     "1-800-567-6868"),
    # the police, asked after a lost passport: reporting it
    (("i lost my passport at the airport", "should i call the police?"), "passport_lost_stolen", "police"),
    # the urgent service named, its time asked: its own time
    (("si je prends le service express demain je vais l'avoir quand?",), "passport_urgent", None),
    # which form for the simplified renewal: the simplified renewal
    (("which form do i use for the simplified renewal?",), "passport_renew", "renewal form"),
    # the fees gone up: the indexation
    (("did the passport fees go up this year? heard something on the radio",), "passport_fees", "2026"),
    # a job lost, told alone, read off topic: applying for EI
    (("j'ai perdu ma job hier, la shop ferme",), "ei_apply", None),
    # a person asked for directly
    (("can i talk directly to a passport officer",), "request_human", None),
    (("y a tu moyen de parler direct a une agente",), "request_human", None),
    # who may be a guarantor, with a typo, read unsurely: a first passport's guarantor
    (("who can be my guarentor?? my uncles friend is a nurse but i met her last year",), "passport_apply_adult", "guarantor"),
    # references from the family: a first passport's references
    (("can my references be family? i dont know anyone else that long",), "passport_apply_adult", "references"),
    # no CCB since a move: the missing payment
    (("no ccb since we moved from manitoba to alberta in march",), "ccb_payment_dates", None),
    # a total asked with "all together" after a service's fee: the price
    (("how much is the express service", "so with a 5 year adult what's that all together"), "passport_fees", None),
    # the fee cashed, the passport not come: the status
    (("ils ont encaissé mon paiement mais j'ai toujours pas reçu le passeport",), "passport_status", None),
    # a 5-year passport told, whether it matters asked: the renewal check
    (("my old one was a 5 year, does that matter for renewing?",), "passport_renewal_eligibility", None),
    # in person, asked after the time by mail: the time in person
    (("how long does a passport take by mail", "what about if i go in person in brampton"), "passport_processing_times",
     "10 business days"),
    # information given to a scam after it was told: what to do
    (("got a text saying my sin was suspended", "i clicked the link and put in my birthday, now what"), "sin_protect", None),
    # the mailing told after a delay: the status
    (("my passport application is taking forever", "i mailed it from timmins, tracking says delivered may 3"),
     "passport_status", None),
    # how long it is valid, after a child's price: the child's passport
    (("combien coûte un passeport pour enfant", "pis il est valide combien de temps?"), "passport_child", "5 ans"),
    # a child's age after the SIN asked for him: the child's SIN
    (("how do i apply for a sin for my son", "he's 3, is that too young?"), "sin_apply", "12"),
    # how much EI pays, after a layoff told: the benefit amount
    (("j'ai été mis à pied à l'usine de Drummondville", "combien je vais recevoir par semaine environ?"), "ei_eligibility", "55 %"),
    # a place abroad, after the renewal's form: renewing from abroad
    (("quel formulaire pour renouveler mon passeport", "et si je suis en Belgique?"), "passport_renew", None),
    # EI's maternity benefits named, the model unsure with off topic first: applying for them
    (("j'habite à Timmins pis j'attends un bébé en mars, quand je fais ma demande de prestations de maternité?",), "ei_apply",
     None),
    # a thing worn in the photo, asked after the photo's rules
    (("are head coverings ok in the passport picture", "what about my nose ring"), "passport_photo", None),
    # the store where passport photos are taken, named
    (("can walmart do my passport photos that are accepted in canada",), "passport_photo", None),
    # the whole of a group's passports priced, no validity told
    (("passports for me and my two daughters 6 and 11", "how much is the whole thing for us"), "passport_fees", "2 children"),
    # proving the SIN without a card: the confirmation letter
    (("how do i get a sin card", "wait they dont make cards? so how do i show my number to my boss"), "sin_apply", "letter"),
    # EI's waiting period: its own answer
    (("do you get paid for the first week on EI or is there a waiting period",), "ei_apply", "1-week waiting period"),
    # a renewal or a lost passport told in a long story, read off topic unsurely
    (("Bonjour, j'ai 81 ans, je vis seul à Rimouski et je n'ai pas internet. Comment faire pour renouveler mon passeport?",),
     "passport_renew", None),
    (("on m'a volé mon passeport à Tunis, comment je fais pour revenir au Canada?",), "passport_lost_stolen", "ambassade"),
    # a child's SIN needed for a bank's savings plan: getting one
    (("ça prend tu un NAS pour mon bébé? la caisse en veut un pour le REEE",), "sin_apply", None),
    # a trip in days told, then how to have the passport in time: the urgent service
    (("je m'en vais à Lisbonne le 20", "on est le 16, comment je fais pour l'avoir à temps mon passeport"), "passport_urgent", None),
    # a layoff told, then how long to apply: EI's
    (("mis à pied jeudi à la scierie de Chibougamau, j'ai combien de temps pour faire ma demande",), "ei_apply", None),
    # a price asked as a bill, with the service: that situation's total
    (("if i get the 5 year one with urgent pickup whats my bill",), "passport_fees", "$248.25"),
    (("express + 10 year passport = ? budgeting for a trip to lima",), "passport_fees", "$213.50"),
    # a first passport told in a long story, read unsurely: applying for one
    (("Hello, I'm 64 and I have never had a passport, my wife always did the paperwork. How do I start?",),
     "passport_apply_adult", None),
    # the next day at an office: the urgent service
    (("could i get the passport the next day if i go to the passport office in regina",), "passport_urgent", None),
    # automatic payments after repaying a student loan: the NSLSC account
    (("how do i repay my canada student loan", "can i do pre-authorized payments"), "student_loan_repayment", "pre-authorized"),
    # whether it comes in time for a trip months away, torn: the time by mail
    (("my sister's wedding in cancun is july 3, if i mail the application in april will it arrive in time",),
     "passport_processing_times", None),
    # what the status page says, with how long: a delay
    (("how do i check my passport application status", "it shows in progress for 7 weeks now"), "passport_status", "30 business days"),
    # the guarantor named first, or who one is, then someone proposed
    (("est-ce que mon repondant peut etre ma belle-soeur",), "passport_apply_adult", None),
    (("c'est quoi un garant", "pis mon pharmacien ça marche tu?"), "passport_apply_adult", None),
    # "the number" with a study permit: the SIN
    (("j'ai un permis d'etudes a l'udem, comment j'obtiens le numero pour travailler",), "sin_apply", None),
    # the SIN card stolen with the passport
    (("on m'a volé ma sacoche au centre d'achat", "mon passeport était dedans", "pis ma carte d'assurance sociale aussi, je fais quoi"),
     "sin_protect", None),
    # another way, after the time one way: that way's time
    (("how long for a passport if i mail it", "and what if i apply in person instead"), "passport_processing_times", None),
    # a call or a text about the SIN, then what they wanted or whether to answer: a scam
    (("got a text saying my SIN is suspended and to reply with it", "do i reply?"), "sin_protect", None),
    (("un gars m'a appelé en disant qu'il était de Service Canada", "il voulait mon NAS au complet pour vérifier"), "sin_protect", None),
    # the payment not come, after its dates
    (("what day is the ccb deposited", "ok well mine didnt come this month"), "ccb_payment_dates", None),
    # the fee taken and no passport yet: the status
    (("they charged my card 3 weeks ago but still no passport, where is it at",), "passport_status", None),
    # the box ticked at the birth's registration: applying for the CCB
    (("on a coché la case pour les prestations quand on a déclaré la naissance, faut-tu faire d'autre chose?",), "ccb_apply", None),
])
def test_what_the_conversation_or_the_question_tells_decides_the_answer(talk, said, intent, needle):
    reply = talk(*said)
    assert reply.intent == intent
    assert needle is None or needle in " ".join(texts(reply))


def test_the_other_parents_consent_for_a_childs_passport_stays_ours(talk):
    assert talk("does my ex have to give consent for our son's passport application").intent == "passport_child"


@pytest.mark.parametrize("said", [
    ("y va faire quel temps à Rimouski samedi",),
    ("on m'a volé mon passeport à Laval", "mon permis de conduire était dans le même sac, comment on le remplace?"),
    ("international driving permit for italy, where do i get one",),
    ("whats the weather in regina", "and tomorrow?"),
    ("can i get OSAP if i go back to school part time",),
    ("im paying back my student loan", "i want to do a phd, how do i apply for a new loan"),
    ("how much is 300 usd in canadian",),
    ("combien pour un passeport d'adulte", "pis un visa pour la Chine, ça coûte combien?"),
    ("je rembourse mon prêt étudiant", "c'est quoi les taux hypothécaires en ce moment?"),
    ("what's the weather in moncton today", "and for sunday?"),
    # a job lost, with another help asked: not EI's answer
    ("i lost my job, can i get help paying rent",),
    ("j'ai été mis à pied le mois passé, la compagnie de ma carte de crédit veut son paiement minimum, je peux-tu avoir un délai?",),
    # a new loan for more studies, asked after the Repayment Assistance Plan
    ("how does RAP work", "and can i get another student loan for my phd"),
    # an account hacked, after protecting the SIN; the dental benefit; a citizenship certificate; school
    ("how do i keep my sin safe", "my instagram got hacked, how do i recover it"),
    ("how do i sign up my kids for the dental benefit",),
    ("je suis né en France d'une mère canadienne, comment j'obtiens mon certificat de citoyenneté?",),
    ("j'ai eu mon NAS", "pis comment j'inscris ma fille à l'école?"),
    # provincial student aid asked about, and a driver's licence after a passport
    ("are there osap grants for part time students",),
    ("mon passeport est expiré", "pis mon permis de conduire aussi, je le renouvelle où?"),
    # a short question after a service we do not answer was named: still that service's
    ("do i need a visa for vietnam?", "ok and how long does it take?"),
    ("ma carte de résident permanent expire en août", "ça prend combien de temps la renouveler?"),
    # a child born abroad's citizenship certificate, a health card, a piercing, laminating
    ("how do i get a passport for my newborn", "and her citizenship certificate, she was born in boston"),
    ("comment avoir un NAS pour ma fille", "elle a aussi besoin d'une carte d'assurance maladie, je vais où?"),
    ("mon gars de 15 ans veut se faire percer l'oreille, ça prend mon accord?",),
    ("where can i get documents laminated in halifax",),
])
def test_other_services_help_and_everyday_questions_stay_off_topic(talk, said):
    assert talk(*said).intent == "out_of_scope"
