"""Requests for a person or for the other language are never left to chance."""

from __future__ import annotations

import pytest

from bot.nlu.phrases import forced_intent, names_a_subject, names_another_program, other_service_named


@pytest.mark.parametrize("text", [
    "I want to talk to a person", "can I speak with your manager", "call me back please",
    "let me talk to a supervisor", "can someone call me", "escalate this", "i need a human",
    "je veux parler à un agent", "pouvez-vous me rappeler", "parler avec quelqu'un svp",
    "je voudrais un superviseur", "rappelez-moi", "je veux parler à une vraie personne",
    "ça m'aide pas pantoute, passe-moi quelqu'un", "passez-moi une personne svp",
    # a person to look at the case, a meeting with an adviser, "give me someone"
    "i need a real human to look at my application", "can a service canada agent review my file",
    "je voudrais m'entretenir avec une agente", "est-ce qu'un conseiller pourrait vérifier mon dossier",
    "donnez-moi un agent", "trouvez-moi quelqu'un qui s'y connaît",
    # a question of what it is, then the request: the request counts
    "t'es un robot, je veux un humain", "are you a bot? i want a real person", "r u a bot. agent please",
    # the person first, then talking to them; a person instead of the bot
    "is there a passport officer i can talk to instead of a bot", "is there someone i could speak with",
    "je veux parler à quelqu'un, pas un robot",
    # a person to call someone who cannot chat
    "my dad is 90 and deaf, could one of your agents phone him instead",
    "mon père a 88 ans pis y est pas capable d'écrire, est-ce qu'un agent peut l'appeler?",
])
def test_requests_for_a_person(text):
    assert forced_intent(text) == "request_human"


@pytest.mark.parametrize("text", [
    "does this work in French?", "en anglais svp", "can you switch to english", "English please",
    "est-ce que ça marche en français", "parlez-vous anglais?",
    # the request first, then only why
    "est-ce que je peux avoir la réponse en anglais? c'est pour mon patron à Calgary",
    "can you answer in french? my mom will read it and she doesnt speak english well",
])
def test_requests_for_a_language(text):
    assert forced_intent(text) == "choose_language"


@pytest.mark.parametrize("text", [
    "I need a person to be my guarantor", "I'm a travel agent, how much is a passport",
    "I don't want to talk to anyone, just tell me the fee", "how much is a passport for my kid in french",
    "who can be my reference", "mon agent de voyage dit que mon passeport expire", "how much is a passport",
    "will service canada call me about my EI claim", "can my employer contact my guarantor",
    # a language asked for a thing, or a question after the language: the question is answered
    "can i get the form in french? and how much is the passport",
    "is the passport form available in french? i need it for my dad",
    # "rappelle-moi de ..." asks for a reminder, not a call back
    "rappelle-moi de renouveler mon passeport en mai",
])
def test_other_questions_are_left_to_the_model(text):
    assert forced_intent(text) is None


@pytest.mark.parametrize("text", [
    "wait, am I chatting with an actual human or some kind of program?", "are you a real person?",
    "is this a live agent", "c'est-tu un vrai humain qui me répond?", "est-ce que je parle à une vraie personne",
])
def test_asking_what_the_assistant_is_is_not_asking_for_a_person(text):
    assert forced_intent(text) == "bot_challenge"


@pytest.mark.parametrize("text", [
    "am i talking to a real person rn", "r u a bot", "is this automated?", "es-tu un robot",
    "t'es tu une vraie personne", "is it a human answering me",
])
def test_short_questions_whether_it_is_a_person_or_a_program(text):
    assert forced_intent(text) == "bot_challenge"


@pytest.mark.parametrize("text", [
    "am i eligible to renew my passport", "is this the right form for a child passport",
    "are you open on saturday", "is it too late to apply for EI",
    "am I allowed to ask a real person to be my guarantor", "is this a real passport office",
    "is it better to apply for a passport in person or by mail", "c'est-tu mieux en personne",
    # what it might be, far from the opening, is what the question is about
    "is it worth getting a gaming computer this year", "est-ce que c'est une bonne idée d'acheter un ordi",
])
def test_other_questions_to_it_are_left_to_the_model(text):
    assert forced_intent(text) in (None, "request_human")


@pytest.mark.parametrize("text", [
    "how long for a US passport", "renew my indian passport in toronto", "combien coûte un passeport américain",
    "délai pour un passeport français au consulat", "how do i apply for a canada student loan",
    "demande de prêt étudiant pour septembre", "RQAP congé parental", "prêts et bourses AFE remboursement",
])
def test_another_countrys_or_provinces_service_is_out_of_scope(text):
    assert forced_intent(text) == "out_of_scope"


@pytest.mark.parametrize("text", [
    # the federal loan named beside Quebec's student aid; help with the loan one has
    "j'ai un prêt du fédéral pis un de l'AFE du Québec, je paye le fédéral comment?",
    "avec mon salaire qui a baissé je peux tu avoir de l'aide pour mon prêt étudiant",
    "can i get help with my student loan payments",
])
def test_our_loans_beside_quebecs_aid_or_help_repaying_stay_ours(text):
    assert forced_intent(text) is None


@pytest.mark.parametrize("text, out", [
    ("how do i reset my cra account password", True), ("je me connecte pas a mon dossier de l'ARC", True),
    # a CCB question asked through the CRA's account names the CCB: ours
    ("can i see my ccb payments in my cra my account", False),
])
def test_the_cras_online_account_is_another_service(text, out):
    assert (forced_intent(text) == "out_of_scope") is out



@pytest.mark.parametrize("text", [
    "I'm French and need a Canadian passport", "how do I apply for the repayment assistance plan",
    "can I get interest relief on my student loan", "how much is a passport for my french wife",
    # paying a loan one already has is repaying it, whatever the message goes on to ask
    "je suis pu capable de payer mon prêt d'études, comment faire une demande d'aide",
    "can't pay my student loans anymore, how do I apply for help",
])
def test_our_own_services_stay_ours(text):
    assert forced_intent(text) != "out_of_scope"


def test_a_count_is_not_a_price():
    from bot.nlu.phrases import asks_price

    assert not asks_price("ca prend combien de photos pour le passeport de mon p'tit")
    assert not asks_price("how many photos for a passport")
    assert not asks_price("la tete doit mesurer combien sur la photo")
    assert asks_price("combien coûte un passeport pour mon p'tit")
    assert asks_price("je veux le 5 ans et le ramasser en express, total?")
    assert asks_price("me, my husband and the baby need passports, what's that altogether")
    assert asks_price("3 passeports d'enfants, combien en tout?")
    assert not asks_price("en tout cas, je veux juste renouveler mon passeport")


@pytest.mark.parametrize("text, intent", [
    ("can I renew, I got my last passport when I was 15", "passport_renewal_eligibility"),
    ("passeport émis en 2007, renouvellement possible?", "passport_renewal_eligibility"),
    ("my emergency passport from the consulate, can I renew it", "passport_renewal_eligibility"),
    ("I changed my gender marker last year, can I still renew my passport", "passport_renewal_eligibility"),
    ("my passport was issued when i was 14 and i changed my name, can i renew", "passport_renewal_eligibility"),
    # whether one may renew, asked
    ("mon passeport etait de 5 ans et il expire dans 2 mois, je suis elligible au renouvellement?",
     "passport_renewal_eligibility"),
    ("am i allowed to use the simplified renewal", "passport_renewal_eligibility"),
    ("mon passeport de 5 ans expire bientôt, je suis admissible au renouvellement?", "passport_renewal_eligibility"),
    # a name change alone: a new adult application, whose name-change answer names the documents
    ("I changed my name last year, can I still renew my passport", "passport_apply_adult"),
    ("je renouvelle mon passeport, j'ai pris le nom de mon mari, j'envoie quoi de plus", "passport_apply_adult"),
    ("can i renew my passport in my married name", "passport_apply_adult"),
    # a child's passport now is a child passport question (they are never renewed)
    ("how do I renew my kid's passport", "passport_child"),
    ("renouveler le passeport de ma fille de 11 ans", "passport_child"),
    ("Mon gars a 15 ans, son passeport expire. Je le renouvelle?", "passport_child"),
    # eligibility told, then how: how to renew
    ("ok chu admissible au renouvellement, c'est confirmé. je fais ça comment par la poste?", "passport_renew"),
    ("i'm eligible for the simplified renewal, checked already. what form do i use?", "passport_renew"),
    # a lost or stolen passport: renewing it is its own answer (passport_lost_stolen.renew_lost)
    ("i lost my passport and it expires soon anyway can i just renew it", "passport_lost_stolen"),
    ("on m'a volé mon passeport, je peux-tu le renouveler?", "passport_lost_stolen"),
])
def test_a_renewal_question_that_states_what_decides_it(text, intent):
    from bot.nlu.phrases import asks_whether_renewable

    assert asks_whether_renewable(text) == intent


@pytest.mark.parametrize("text", ["how do I renew my passport", "renouvellement de passeport en ligne",
                                  "I'm 40, can I renew by mail",
                                  # said NOT to be lost or stolen
                                  "it's not lost or stolen, it just expired, how do i renew it",
                                  "pas perdu ni volé, juste expiré, je le renouvelle comment",
                                  "am i eligible to renew online, it expires in 3 months",  # online's own rules
                                  # eligibility asked, not told
                                  "am i eligible to renew, and how do i do it",
                                  "le site me dit que je suis pas admissible au renouvellement, je fais comment"])
def test_a_plain_renewal_question_is_left_to_the_model(text):
    from bot.nlu.phrases import asks_whether_renewable

    assert asks_whether_renewable(text) is None


def test_a_passport_said_not_to_be_lost():
    from bot.nlu.phrases import says_not_lost

    assert says_not_lost("it's not lost or stolen, it just expired")
    assert says_not_lost("pas perdu ni volé, juste expiré")
    assert not says_not_lost("i lost my passport")
    assert not says_not_lost("not sure, i think i lost it")


@pytest.mark.parametrize("text", [
    "comment faire une demande pour la prestation canadienne pour les personnes handicapées",
    "c'est quand le prochain versement de l'allocation canadienne pour le logement",
    "when does old age security get paid this month", "apply for the canada dental care plan",
    "mon crédit de TPS est pas rentré",
    # provincial driving documents, IRCC's permits
    "ok thanks. what about my drivers licence, it expired too", "how do i renew my driver's licence",
    "ok et pour la photo de mon permis de conduire, ils la prennent a la saaq?",
    "et mon permis de travail expire bientot, je le renouvelle comment?",
    "how do i extend my study permit", "pis je dois prolonger mon permis d'études",
    # the weather where one goes ("quel temps" is not "combien de temps")
    "ok et il fait quel temps a cancun la semaine prochaine", "what's the weather in lisbon in march",
])
def test_another_federal_program_named_as_such_is_out_of_scope(text):
    assert forced_intent(text) == "out_of_scope"


@pytest.mark.parametrize("text", [
    "does the GST credit change my CCB", "can I collect EI and my CPP pension at the same time",
    "allocation canadienne pour enfants, c'est quand le paiement",
])
def test_a_question_that_names_one_of_ours_too_stays_ours(text):
    assert forced_intent(text) is None


@pytest.mark.parametrize("text", [
    "can I use my citizenship certificate as proof for my passport",  # ours: proof of citizenship
    "do i need to file a tax return to get the CCB",  # ours: a program of ours is named
    "can I get EI and welfare at the same time",
    "my work permit expires in june, does my SIN expire too",  # ours: the SIN of a temporary worker
    "can i use my driver's licence as ID for my passport",
    "je renouvelle mon passeport, mon permis de conduire est expiré, c'est grave?",
    "combien de temps ça prend un passeport, je pars la semaine prochaine",
])
def test_a_service_we_do_not_cover_named_beside_ours_is_left_to_the_model(text):
    assert forced_intent(text) is None


def test_no_question_of_ours_names_another_program():
    from bot.knowledge import cached_knowledge
    from bot.nlu.phrases import names_another_program

    questions = [q for entry in cached_knowledge().entries.values()
                 for text in entry.texts.values() for q in text.questions]
    assert len(questions) > 1000
    assert [q for q in questions if names_another_program(q)] == []


@pytest.mark.parametrize("text", [
    "human please", "agent svp", "representative pls", "your manager please", "i want a person",
    "could a real person go over my file, it's complicated", "j'aimerais qu'une agente s'occupe de mon cas",
    "how do I reach a person", "have someone call me tomorrow", "I don't want to talk to a robot",
    "connect me to customer service", "passe-moi ton boss", "je veux pas parler à une machine",
    "ça me prend un agent", "comment joindre une personne", "mettez-moi avec un conseiller",
    "je voudrais être rappelée", "y a-tu moyen de parler à du vrai monde",
])
def test_short_and_colloquial_requests_for_a_person(text):
    assert forced_intent(text) == "request_human"


@pytest.mark.parametrize("text, calculator", [
    ("can you figure out how much my passport is going to cost me in total?", True),
    ("calculate my passport fee", True),
    ("estimer le coût de mon passeport", True),
    # a situation stated: the fee answer computes it
    ("work out my total, renewal 10 year with express pickup", False),
    ("calcule mon total, renouvellement 10 ans avec le service express", False),
    ("how much is a passport", False),
])
def test_asking_for_the_calculator_without_a_situation(text, calculator):
    from bot.nlu.phrases import asks_to_calculate

    assert asks_to_calculate(text) is calculator


@pytest.mark.parametrize("text, programs", [
    ("je peux tu recevoir l'ACE au lieu de la mère", {"ccb_"}),
    ("ma période PAR se termine, je fais quoi", {"student_loan_"}),
    ("j'envoie ça par la poste avec mon passeport", {"passport_"}),  # "par" in lower case is a word
    ("part timer laid off, can i get ei?", {"ei_"}),
    ("chômage?", {"ei_"}),
    ("renew my passport and get a SIN for my daughter", {"passport_", "sin_"}),
    ("what's the weather tomorrow", set()),
])
def test_the_programs_a_message_names(text, programs):
    from bot.nlu.phrases import programs_named

    assert programs_named(text) == programs


def test_a_topic_of_a_program_the_message_does_not_name_drops_out():
    from bot.nlu.classifier import within_programs_named

    ranking = [{"name": "passport_child", "confidence": 0.6}, {"name": "ccb_apply", "confidence": 0.25},
               {"name": "out_of_scope", "confidence": 0.1}, {"name": "sin_apply", "confidence": 0.05}]
    kept = within_programs_named("je peux tu recevoir l'ACE au lieu de la mère", ranking)
    assert [r["name"] for r in kept] == ["ccb_apply", "out_of_scope"]
    assert kept[0]["confidence"] == pytest.approx(0.25 / 0.35)
    # a message naming the top topic's program loses the others' topics, the rest keep their weight
    assert within_programs_named("mon passeport pour ma fille", ranking) == [ranking[0], ranking[2]]
    # a message naming none keeps the model's ranking
    assert within_programs_named("c'est pour ma fille", ranking) == ranking


def test_every_question_of_ours_that_names_a_program_names_its_own():
    """The rule may only ever overrule phrasings we did not train on."""
    from bot.knowledge import cached_knowledge, program_of
    from bot.nlu.phrases import programs_named

    wrong = [(entry.intent, q) for entry in cached_knowledge().entries.values()
             for text in entry.texts.values() for q in text.questions
             if programs_named(q) and program_of(entry.intent) not in programs_named(q)]
    assert wrong == []


@pytest.mark.parametrize("text, price", [
    ("cmb pr un passeport 10 ans", True), ("cb pour le passeport de ma fille", True),
    ("combien de photos", False), ("cb de temps ça prend", False), ("ça coute combien de plus", True),
])
def test_a_texted_price_question(text, price):
    from bot.nlu.phrases import asks_price

    assert asks_price(text) is price


@pytest.mark.parametrize("text, intent", [
    ("can i push back my car loan payment", "out_of_scope"),
    ("mon prêt de char, la date de paiement peut-tu changer", "out_of_scope"),
    ("une assurance vie pour la famille, ça vaut-tu la peine", "out_of_scope"),
    ("can I pay the passport fee with my credit card", None),  # names one of ours: the model's
    ("does EI pay my mortgage if I'm laid off", None),
])
def test_a_banks_or_insurers_product_is_not_ours(text, intent):
    assert forced_intent(text) == intent


@pytest.mark.parametrize("text, intent", [
    ("how do i cancel my disney+ before it renews", "out_of_scope"),
    ("mon abonnement Crave TV est rendu trop cher, je l'annule comment", "out_of_scope"),
    ("renouveler mon abonnement au gym, je fais ça où", "out_of_scope"),
    ("renouveler ma carte NEXUS, ça se fait où?", "out_of_scope"),
    # NEXUS is the border agency's, whatever else is named (what the card replaces, how long it takes)
    ("I have NEXUS, do I still need my passport to fly to Boston", "out_of_scope"),
    ("la carte NEXUS prend combien de semaines? mon passeport est bon jusqu'en 2031", "out_of_scope"),
    ("my gym wants my SIN for the membership, is that ok", None),  # names one of ours
    ("and the phone company? they want it to open a phone plan", None),  # a SIN follow-up, for the model
])
def test_a_subscription_or_a_trusted_traveller_card_is_not_ours(text, intent):
    assert forced_intent(text) == intent


@pytest.mark.parametrize("text, intent", [
    ("my passport expired and my flight is on friday", "passport_urgent"),
    ("mon passeport est expiré pis je pars demain matin pour Haïti", "passport_urgent"),
    ("mon passeport expire dans 3 jours, je pars en juillet", None),  # expires soon, travels later
    ("my passport expired last year, can I renew it?", None),
])
def test_an_expired_passport_and_a_trip_in_days_is_urgent(text, intent):
    assert forced_intent(text) == intent


@pytest.mark.parametrize("text, adult", [
    ("my daughter just turned 16 and wants to apply as an adult, what does she need", True),
    ("ma fille a 16 ans maintenant, elle peut faire sa propre demande de passeport adulte?", True),
    ("Good afternoon. I am 68 years old and I never had a passport. My daughter wants me to visit", True),
    ("j'ai 19 ans pis j'ai jamais eu de passeport", True),
    # a younger child named, a comparison, a future birthday, or an age that is not one
    ("my son is 4 and I'm 35 years old, what does he need for a passport", False),
    ("mon gars a 16 ans en avril, passeport d'enfant ou d'adulte", False),
    ("my son turns 16 next month, which passport does he need", False),
    ("j'ai 20 ans d'expérience, mon bébé a besoin d'un passeport", False),
    ("my 16 year old needs a passport", False),  # no adult passport asked for: the model decides
])
def test_an_applicant_of_16_or_more(text, adult):
    from bot.nlu.phrases import applicant_is_adult

    assert applicant_is_adult(text) is adult


def test_an_applicant_of_16_or_more_is_not_given_the_child_topic():
    from bot.nlu.classifier import refine

    ranking = [{"name": "passport_child", "confidence": 0.7}, {"name": "passport_apply_adult", "confidence": 0.2},
               {"name": "out_of_scope", "confidence": 0.1}]
    labels = [r["name"] for r in ranking]
    adult = refine("I am 68 years old and never had a passport, my daughter wants me to visit her", ranking, labels)
    assert [r["name"] for r in adult] == ["passport_apply_adult", "out_of_scope"]
    assert refine("my daughter is 9, what does she need for a passport", ranking, labels) == ranking


def test_no_question_of_ours_about_a_child_passport_is_an_adults():
    from bot.knowledge import cached_knowledge
    from bot.nlu.phrases import applicant_is_adult

    assert [q for entry in cached_knowledge().for_intent("passport_child") for text in entry.texts.values()
            for q in text.questions if applicant_is_adult(q)] == []


@pytest.mark.parametrize("text, subject", [
    ("how long does it take", False), ("ça prend combien de temps", False), ("how long before i get paid", False),
    ("c'est combien", False),
    ("what photo size do i need", True), ("do i qualify if i got fired", True), ("when do i start paying back", True),
    ("how much for a 10 year", True), ("c'est quoi le délai pour le NAS", True),
])
def test_whether_a_question_says_what_it_is_about(text, subject):
    from bot.nlu.phrases import names_a_subject

    assert names_a_subject(text) is subject


@pytest.mark.parametrize("text, soon", [
    ("I fly in 5 days", True), ("je pars vendredi", True), ("flight in 9 days", True),
    ("we travel next month", False), ("j'ai posté ma demande lundi passé", False), ("how long does it take", False),
])
def test_a_trip_within_two_weeks(text, soon):
    from bot.nlu.phrases import trip_within_two_weeks

    assert trip_within_two_weeks(text) is soon


def test_every_program_has_its_name_to_read_a_follow_up_with():
    from bot.engine.context import PROGRAM_NAMES
    from bot.knowledge import PROGRAMS
    from bot.language import LANGUAGES

    assert set(PROGRAM_NAMES) == set(PROGRAMS)
    assert all(set(names) == set(LANGUAGES) for names in PROGRAM_NAMES.values())


@pytest.mark.parametrize("text, sooner", [
    ("can I get it faster", True), ("je peux tu l'avoir plus vite", True), ("i need my passport by the 20th", True),
    ("et si j'en ai besoin avant le 15?", True),
    # a comparison of ways, or a plain question of time
    ("is it faster in person or by mail", False), ("which is quicker, online or mail", False),
    ("how long does it take", False),
])
def test_needing_the_passport_sooner(text, sooner):
    from bot.nlu.phrases import wants_it_sooner

    assert wants_it_sooner(text) is sooner


def test_a_child_named():
    from bot.nlu.phrases import names_a_child

    assert names_a_child("et pour ma fille de 8 ans?")
    assert names_a_child("and my 3 month old?")
    assert not names_a_child("and for my 17 year old?")
    assert not names_a_child("and for my husband?")


@pytest.mark.parametrize("text, named", [
    ("j'ai reçu un courriel que ma période PAR se termine, faut-tu que je fasse de quoi", True),
    ("i'm on rap right now, do i still pay interest", True),
    ("le programme d'aide au remboursement, ça dure combien de temps", True),
    ("is the repayment assistance plan only for federal loans", True),
    ("can i send my loan payment par la poste", False),  # "par" in lower case is a word
    ("when do i start paying back my student loan", False),
])
def test_the_repayment_assistance_plan_named(text, named):
    from bot.nlu.phrases import names_rap

    assert names_rap(text) is named


def test_a_repayment_question_that_names_the_plan_is_about_the_plan():
    from bot.nlu.classifier import refine

    ranking = [{"name": "ei_apply", "confidence": 0.55}, {"name": "student_loan_repayment", "confidence": 0.28},
               {"name": "student_loan_rap", "confidence": 0.05}, {"name": "out_of_scope", "confidence": 0.12}]
    labels = [r["name"] for r in ranking]
    # the loan program is named (PAR): its repayment topic first, then the plan named wins
    plan = refine("ma période PAR se termine, faut-tu que je fasse de quoi", ranking, labels)
    assert plan[0] == {"name": "student_loan_rap", "confidence": 1.0}
    repaying = [{"name": "student_loan_repayment", "confidence": 0.8}, {"name": "student_loan_rap", "confidence": 0.2}]
    assert refine("when do i start paying back my student loan", repaying, labels) == repaying


@pytest.mark.parametrize("text, days", [
    ("ça fait 25 jours ouvrables que ma demande a été reçue pis rien", 25),
    ("applied 6 weeks ago and heard nothing", 30),
    ("j'ai posté ma demande il y a trois semaines", 15),
    ("it's been 2 months", 42),
    ("my passport expired 6 weeks ago, how long for a new one", None),  # not since applying
    ("how long does it take by mail", None),
])
def test_business_days_since_applying(text, days):
    from actions.situation import waited_business_days

    assert waited_business_days(text) == days


def test_a_processing_time_question_past_the_standard_asks_where_the_application_is():
    from bot.nlu.classifier import refine

    ranking = [{"name": "passport_processing_times", "confidence": 0.66}, {"name": "passport_status", "confidence": 0.3}]
    labels = [r["name"] for r in ranking]
    late = refine("ca fait 25 jours ouvrables que ma demande a ete recue pis mon passeport est pas arrive. c normal?",
                  ranking, labels)
    assert late[0] == {"name": "passport_status", "confidence": 1.0}
    # within the 20 business days of the mail standard, or asking how long: how long it takes
    assert refine("j'ai posté ma demande il y a trois semaines, c'est normal?", ranking, labels) == ranking
    assert refine("i mailed it 5 weeks ago, how long does it normally take?", ranking, labels) == ranking


def test_a_lost_sin_card_or_letter_is_what_to_do_about_it_not_applying():
    from bot.nlu.classifier import refine

    ranking = [{"name": "sin_apply", "confidence": 0.75}, {"name": "sin_protect", "confidence": 0.25}]
    labels = [r["name"] for r in ranking]
    for text in ("my old blue plastic SIN card is lost, how do i get another one",
                 "i dont remember my sin and i lost the confirmation letter, where do i find it",
                 "j'ai égaré ma lettre de confirmation du NAS, comment en ravoir une"):
        assert refine(text, ranking, labels)[0] == {"name": "sin_protect", "confidence": 1.0}, text
    assert refine("i forgot my sin number", ranking, labels) == ranking
    # a job lost is no card lost: applying, which "how do i apply for a sin" now decides
    assert refine("how do i apply for a sin, i lost my job and start a new one monday", ranking, labels)[0]["name"] == "sin_apply"


def test_a_passport_wanted_the_same_or_next_day_is_the_urgent_service():
    from bot.nlu.classifier import refine

    ranking = [{"name": "passport_where_apply", "confidence": 0.6}, {"name": "passport_urgent", "confidence": 0.3},
               {"name": "passport_lost_stolen", "confidence": 0.1}]
    labels = [r["name"] for r in ranking] + ["passport_fees"]
    for text in ("is there an office in moncton that gives it same day", "je peux-tu le ramasser le lendemain",
                 "can i walk out with it in 24 hours if i renew in person"):
        assert refine(text, ranking, labels)[0] == {"name": "passport_urgent", "confidence": 1.0}, text
    # a date that happens to be the next day, the price of the service, a lost passport: theirs
    assert refine("will the office be open the next day after the long weekend", ranking, labels) == ranking
    assert refine("mon vol est le lendemain de noël, je vais où?", ranking, labels) == ranking
    assert refine("how much is next day pickup", ranking, labels)[0]["name"] == "passport_fees"
    lost = [ranking[2], ranking[0], ranking[1]]
    assert refine("i lost it, can i get a new one same day", lost, labels) == lost


@pytest.mark.parametrize("text", [
    "chu dans marde", "je capote", "c'est tellement injuste", "au secours", "j'ai honte, aidez-moi", "koi faire???",
    "ok pis là on fait quoi", "c'est tu normal", "this is ridiculous", "i dont get it", "I am very worry, please",
    "omg what do i even do first", "help?", "I don't know how to do any of this anymore.", "ayoye",
    "jsuis tellement stressée jsp quoi faire", "je comprends pas pantoute, c'est right unfair",
    "je suis perdue",  # lost as in confused, not a lost passport
])
def test_distress_with_no_subject_of_its_own_sounds_lost(text):
    from bot.nlu.phrases import sounds_lost

    assert sounds_lost(text)


@pytest.mark.parametrize("text", [
    "I lost my passport, what do I do",  # says what it is about
    "so what am i supposed to do now i cant pay 500 a month",
    "et mon mot de passe Desjardins a été volé aussi, je fais quoi?",
    "il va faire beau à Ottawa demain?", "what do i do with my health card", "thanks, that helps", "ok",
    # "et là?" is distress; "et la TPS?" names a service we do not answer
    "et la TPS?", "pis la RAMQ, on fait quoi?",
])
def test_a_message_with_its_own_subject_does_not_sound_lost(text):
    from bot.nlu.phrases import sounds_lost

    assert not sounds_lost(text)


@pytest.mark.parametrize("text, out", [
    ("and how much is the visa for china", True),
    ("tant qu'à y être, ça prend tu un visa pour aller aux États?", True),
    ("pis la carte de touriste cubaine ça coûte combien?", True),
    ("et pour le RPC, je peux le prendre à 60 ans?", True),
    ("and how do I get OHIP for my kids", True),
    ("je dois aussi refaire mon certificat de citoyenneté?", True),
    ("il va faire beau à Ottawa demain?", True),
    ("et mon mot de passe Desjardins a été volé aussi, je fais quoi?", True),
    # ours, or not named as the other service
    ("and for my wife? she has a visitor visa", False),
    ("can i keep my old passport when i renew? i have a valid visa in it for china", False),
    ("how do I set up automatic payments on my Visa card", False),
    # drug insurance is never ours, even asked of the time on EI
    ("et mon assurance médicaments pendant le chômage?", True),
    # an employer's payroll and records of employment; a worker's own record of employment is ours
    ("how do i fill out an ROE for my former employee", True),
    ("c'est combien d'assurance-emploi que je dois retenir sur la paie de mes employés?", True),
    ("j'ai toujours pas reçu mon relevé d'emploi, je peux faire ma demande d'AE pareil?", False),
    # luggage or a parcel lost by a carrier; a passport lost in a bag or a suitcase is ours
    ("air canada lost my luggage, who do i contact", True),
    ("ma valise est jamais arrivée à Cancun", True),
    ("they lost my suitcase with my passport in it", False),
    ("j'ai perdu mon sac avec mon passeport dedans", False),
    # the health card's number, a bank's transit number, a car payment: not the SIN, not a loan of ours
    ("c'est quoi mon numéro d'assurance maladie", True),
    ("où trouver mon numéro de transit", True),
    ("can i skip my car payment this month", True),
    ("c'est quoi mon numéro d'assurance sociale", False),
    ("my student loan payment is due, can i skip it", False),
    # a passport holder is a store's
    ("where can i buy a passport cover with rfid", True),
    ("un étui à passeport pour mon voyage, vous en vendez?", True),
    # the GST/HST credit by its tax's name; "tps" alone is also texting for "temps"
    ("and gst?", True),
    ("pis ma TPS elle, c'est le même jour?", True),
    ("ça prend combien de tps pour avoir un NAS", False),
    ("c'est long en tps pour renouveler?", False),
])
def test_visas_pensions_health_insurance_and_banks_are_named_as_other_services(text, out):
    from bot.nlu.phrases import names_another_program

    assert names_another_program(text) is out


@pytest.mark.parametrize("text", [
    # getting the certificate itself is the province's, even for a passport
    "How do I order my son's birth certificate in Manitoba? he needs it for his passport",
    "where can i get a copy of my birth certificate, its for my passport renewal",
    "j'ai perdu mon acte de naissance, je le redemande où? c'est pour mon passeport",
    "comment obtenir une copie certifiée de mon certificat de mariage pour mon passeport",
    # whether a country asks Canadians for a visa
    "do i need a visa to go to india with my canadian passport",
    "ça prend tu un visa pour aller au Japon avec un passeport canadien",
    # a place to stay, a will
    "can you book me a hotel near the passport office in Gatineau",
    "pis un notaire, ça coûte combien pour faire un testament? il faut un répondant pour mon passeport",
    # named alone: a permit or licence we do not issue, an employer's side of EI, a province's
    # benefit, a PR card, a copy of a certificate, the weather
    "can i apply for a pgwp when my program ends", "et pour la photo du permis?",
    "where do they take the drivers licence photo",
    "how do i remit EI premiums for my employees", "comment remettre les cotisations d'AE de mes employés",
    "c quand le paiement de l'Allocation famille de Retraite Québec?", "when is my OCB payment this month",
    "ma carte de résident permanent expire en août, faut tu des photos?",
    "how do i get a copy of my birth certificate from quebec, i need it for my passport application",
    "ok merci, il va faire quelle température là-bas en mars?",
])
def test_a_service_we_do_not_answer_asked_as_such_is_out_of_scope(text):
    assert forced_intent(text) == "out_of_scope"


@pytest.mark.parametrize("text", [
    "do i need my birth certificate for my passport",
    "I lost my birth certificate, can I still get a passport?",
    "est-ce que je dois envoyer mon certificat de naissance original avec la demande de passeport",
    "my passport has a valid visa in it, can I still renew it",
    "I want to book a flight next month, do I have time to get a passport",
    "hi, i'm a passport holder and just got a job, they need my sin. how do i apply",
    "can a notary be my guarantor for my passport",
    "how much EI premiums do I pay on my salary", "quand est le prochain paiement de l'allocation canadienne pour enfants",
    "i have my PR card, how do i get a SIN",  # ours: a SIN for a permanent resident
])
def test_a_document_or_a_booking_named_for_our_question_stays_ours(text):
    assert forced_intent(text) is None


@pytest.mark.parametrize("text, aged", [
    ("I'm 17 and want to get a passport", True), ("chu 16 pis je veux mon passeport", True),
    ("i am 16 hours short for EI", None), ("I'm 45, my son needs a passport", None),
])
def test_the_writers_own_age_of_16_to_19(text, aged):
    from bot.nlu.phrases import names_someone_16_or_more

    assert names_someone_16_or_more(text) is aged


@pytest.mark.parametrize("text, out", [
    ("got a call saying my SIN is suspended and i need to press 1 to talk to an officer. is this real??", None),
    ("j'ai reçu un appel qui dit que mon NAS est bloqué, faut parler à un agent, c'est-tu une arnaque?", None),
    ("can i call someone instead, the message says i should talk to an agent", "request_human"),
    ("j'ai un prêt de l'Aide financière aux études du Québec, comment je fais pour le rembourser?", "out_of_scope"),
    ("and while im off on EI can i take money out of my RRSP without paying tax", "out_of_scope"),
    ("Mon code pour Mon dossier de l'ARC marche pu, j'ai été bloqué après 3 essais", "out_of_scope"),
])
def test_a_doubted_call_quebecs_student_aid_savings_and_the_cras_account(text, out):
    assert forced_intent(text) == out


def test_children_said_to_be_none_are_no_subject():
    assert not names_a_subject("do i qualify? i make 35k, single, no kids")
    assert not names_a_subject("célibataire, pas d'enfants, ça marche tu?")
    assert names_a_subject("do my kids qualify?")


def test_filing_taxes_for_free_is_another_service_but_the_ccbs_tax_return_is_not():
    assert other_service_named("Et mes impôts, je peux tu les faire en ligne gratuitement?") is not None
    assert other_service_named("where can i do my taxes for free") is not None
    assert not names_another_program("est-ce que je dois faire mes impôts pour avoir l'ACE?")
    assert not names_another_program("do i have to file my taxes for that")


def test_parking_shopping_and_the_tax_deadline_are_off_topic_beside_a_passport_office():
    assert names_another_program("le stationnement est tu gratuit là-bas?")
    assert names_another_program("is there parking at the passport office")
    assert names_another_program("ok et où je peux acheter une valise pas chère?")
    assert names_another_program("et mes impôts, je dois les faire avant quand cette année?")
    assert not names_another_program("where do i go to get my passport")
    assert not names_another_program("can i get a new passport before my trip")


def test_someone_using_the_citizens_identity_is_protecting_the_sin():
    assert forced_intent("quelqu'un a fait une demande de chômage à mon nom, j'ai jamais demandé ça") == "sin_protect"
    assert forced_intent("someone applied for EI in my name") == "sin_protect"
    assert forced_intent("can i apply for ei in my name") != "sin_protect"


def test_voting_currency_workplace_injuries_and_frances_family_allowances_are_other_services():
    assert names_another_program("what ID can i use to vote in the federal election")
    assert names_another_program("combien de yens je devrais changer avant de partir?")
    assert names_another_program("pis si c'est une blessure au travail, la CNESST ça couvre tu?")
    assert names_another_program("Comment s'inscrire aux allocations familiales de la CAF quand on part vivre au Canada ?")
    assert names_another_program("is he getting OAS automatically or does he have to apply")
    # beside EI named, a workplace injury or unpaid wages stay ours
    assert not names_another_program("my workers comp ended, can i get EI")
    assert not names_another_program("my employer left unpaid wages, can i still get EI?")


def test_a_pets_passport_and_a_credit_cards_interest_are_other_services():
    assert names_another_program("passeport pour mon chat pour aller en France, ça se fait où?")
    assert names_another_program("does my dog need a pet passport to fly")
    assert names_another_program("ma carte de crédit est à 20% d'intérêt, je devrais-tu la payer en premier?")
    assert not names_another_program("passeport pour mon fils de 4 ans")


def test_the_repayment_help_thing_names_the_plan():
    from bot.nlu.phrases import names_rap, sounds_lost

    assert names_rap("will I qualify for the payment help thing on my student loans")
    assert not names_rap("I need help with my passport payment")
    assert sounds_lost("qu'est ce qui arrive là, je vais tu avoir des problèmes?")
    assert sounds_lost("am i in trouble?")


def test_relief_on_the_loan_one_has_is_not_applying_for_student_aid():
    assert forced_intent("ok and since I'm on EI now can I get a break on my student loan?") != "out_of_scope"
    assert forced_intent("how do i get a student loan for college") == "out_of_scope"


def test_dental_benefit_citizenship_a_licence_a_bank_account_restaurants_flights_and_photographers_are_other_services():
    assert names_another_program("can my kids get the canada dental benefit, how to sign up")
    assert names_another_program("apply for citizenship online, how long does it take")
    assert names_another_program("pis mon permis de conduire je peux tu le renouveler en ligne aussi?")
    assert names_another_program("and how do i open a bank account for him")
    assert names_another_program("y a tu un bon resto pas loin du bureau des passeports au Complexe Guy-Favreau?")
    assert names_another_program("tu sais tu quelle compagnie aérienne est la moins chère pour Paris?")
    assert names_another_program("connais-tu un bon photographe pour des photos de famille à Gatineau?")
    # the proof of citizenship a passport needs, a restaurant worked at, a licence shown as ID,
    # a bank asking for the SIN, a family photo for a passport, a flight booked: ours
    assert not names_another_program("what proof of citizenship do i need for my first passport")
    assert not names_another_program("I was a cook at a restaurant near the airport for 3 years, do I qualify for EI")
    assert not names_another_program("j'ai mon permis de conduire comme pièce d'identité, c'est correct pour le passeport?")
    assert not names_another_program("the bank wants my SIN to open a bank account, is that normal?")
    assert not names_another_program("can i use a family photo for my baby's passport")
    assert not names_another_program("my flight is booked for the 12th, how fast can i get my passport")


def test_connect_me_with_an_adviser_is_a_request_for_a_person():
    assert forced_intent("Chu tanné de tourner en rond, connecte-moi avec un conseiller") == "request_human"
    assert forced_intent("connectez-moi à un agent svp") == "request_human"


def test_eligibility_asked_is_not_eligibility_told():
    from bot.nlu.phrases import says_eligible_then_asks_how

    assert not says_eligible_then_asks_how(
        "do i qualify for maternity benefits, ive worked full time 2 years. and how many weeks can my husband take after")
    assert says_eligible_then_asks_how("do I qualify for EI if I got laid off. ok sounds like i do. how do i apply")
    assert says_eligible_then_asks_how("I qualify, I checked. how do I apply online?")


def test_a_birth_certificate_names_no_child():
    from bot.nlu.phrases import names_a_child

    assert not names_a_child("j'ai juste mon certificat de naissance du Québec pis mon permis de conduire")
    assert not names_a_child("my birth certificate and my driver's licence")
    assert names_a_child("on attend une naissance en mars, le passeport du bébé")


def test_how_to_pay_in_time_for_a_trip_and_payments_coming_in():
    from bot.nlu.phrases import asks_how_to_pay, asks_if_in_time, asks_when_payments_come, unusable_passport_and_trip

    assert asks_how_to_pay("can i pay with visa")
    assert asks_how_to_pay("vous prenez-tu le débit?")
    assert not asks_how_to_pay("how much do i pay for a 10 year")
    assert asks_if_in_time("can i get a new one before then?")
    assert asks_if_in_time("on est le 10, c'est faisable?")
    assert not asks_if_in_time("how long does it take")
    assert unusable_passport_and_trip("lost my passport flying Toronto to London on monday")
    assert unusable_passport_and_trip("je pars le 14 pour Punta Cana mon passeport a expiré le mois passé")
    assert not unusable_passport_and_trip("my passport expires next year, can i renew it now")
    assert asks_when_payments_come("pis les paiements arrivent quand pour chacun de nous deux?")
    assert asks_when_payments_come("when do the payments come in")
    assert not asks_when_payments_come("how much is the payment for a passport")


def test_a_citizenship_certificate_asked_for_a_trip_s_price_and_losing_the_supplement_are_other_services():
    assert names_another_program("pis j'ai jamais eu de certificat de citoyenneté, je peux en demander un? c'est où?")
    assert names_another_program("is disney cheaper in september or october")
    assert names_another_program("Si je pars 7 mois en Floride, est-ce que je perds mon supplément?")
    assert not names_another_program("mon certificat de citoyenneté, je dois l'envoyer avec ma demande de passeport?")
    assert not names_another_program("c'est quoi le supplément pour le service urgent?")


def test_five_or_ten_years_alone_is_a_validity_not_a_childs_age():
    from bot.nlu.phrases import names_a_child

    assert not names_a_child("je lai eu en 2019 10 ans")
    assert not names_a_child("un passeport de 10 ans pour moi")
    assert names_a_child("mon gars de 10 ans")
    assert names_a_child("ma fille, 5 ans")
    assert names_a_child("elle a 10 ans")
    assert names_a_child("and for my kid? shes 8")


def test_paying_how_a_price_that_goes_up_a_baby_once_and_emergency_money_abroad():
    from bot.nlu.phrases import asks_how_to_pay, asks_price, names_a_child

    assert asks_how_to_pay("pis on peut payer comment? j'ai pas de carte de crédit")
    assert asks_price("pis si je prend l'express ça monte a combien")
    assert not names_a_child("Ma fille a 17 ans, elle en a jamais eu, même bébé")
    assert names_a_child("le passeport de mon bébé")
    assert names_another_program("can the embassy also lend me money? I have no cash at all")
    assert not names_another_program("can i get my passport money back if i cancel")


def test_money_tight_or_stopping_payments_is_not_being_able_to_pay():
    from bot.engine.context.topic_rules import CANT_PAY
    from bot.folding import fold

    assert CANT_PAY.search(fold("should i also stop my student loan payments? money is super tight now"))
    assert CANT_PAY.search(fold("mon budget est vraiment serré"))
    assert not CANT_PAY.search(fold("can i just pay it all off now"))


def test_travel_advice_vaccines_boats_recipes_a_babys_nights_passwords_deductions_and_an_employers_demands():
    for text in ("do I need to register with the government when I travel, that ROCA thing?",
                 "what shots do we need before going? is yellow fever one",
                 "pis le permis d'embarcation de plaisance de mon bateau, ça se renouvelle-tu aussi aux 10 ans?",
                 "t'as-tu des recettes pas chères genre moins de 3$ la portion? chu cassé",
                 "y'a 3 mois pis y fait pas encore ses nuits, c'est tu normal?",
                 "should I change my bank passwords too? what's a good password manager",
                 "est-ce que je peux le déduire de mes impôts comme travailleur autonome?",
                 "can my old employer make me give back the company phone with all my pics on it",
                 "mon ancien boss veut que je signe une entente de non-concurrence pour avoir ma dernière paye",
                 "does she need her own seat on the plane or can she sit on my lap"):
        assert names_another_program(text), text
    for text in ("est-ce que l'AE est déduite de ma paye?", "my baby's passport photo, does she need to sit on a chair",
                 "can i renew my passport online tonight"):
        assert not names_another_program(text), text


def test_a_permits_extension_a_first_home_certificates_a_babys_sleep_money_a_business_tips_and_city_services():
    for text in ("my work permit extension has been in processing 5 months, how do i check the status of that",
                 "is there a government loan for buying a first home, like student loans but for a house",
                 "how do i get the legal change of name done in BC first",
                 "comment j'obtiens mon certificat de mariage officiel du Nouveau-Brunswick?",
                 "is it normal she wont sleep more than 2 hrs at 3 months?? im dying",
                 "she was born in Texas and my wife is Canadian, how do we get her citizenship certificate",
                 "pis l'euro, c'est-tu mieux de changer mon argent à la banque ou à l'aéroport?",
                 "j'ai besoin d'un numéro d'entreprise pour facturer, ça se demande où?",
                 "c'est-tu vrai qu'il faut pas laisser de pourboire au Japon?",
                 "les vidanges ont pas été ramassées dans ma rue depuis 2 semaines, j'appelle qui?",
                 "Je suis RP depuis 4 ans, comment je demande la citoyenneté canadienne?"):
        assert names_another_program(text), text
    for text in ("faut-il aviser Service Canada d'un changement de nom légal",
                 "my legal name changed, do i need a new SIN record",
                 "i need my birth certificate for my passport, is a copy ok"):
        assert not names_another_program(text), text


def test_a_cheque_or_a_money_order_is_how_to_pay():
    from bot.nlu.phrases import asks_how_to_pay

    assert asks_how_to_pay("Je peux mettre un chèque personnel dans l'enveloppe ou ça prend un mandat-poste?")
    assert asks_how_to_pay("can i send a money order")


def test_a_snow_removal_business_a_father_who_will_not_sign_and_a_passport_in_the_garbage_stay_ours():
    for text in ("Je suis travailleur autonome (j'ai ma propre entreprise de déneigement), je peux avoir l'AE maladie?",
                 "son père est en prison pis il veut pas signer. on fait comment?",
                 "my passport went in the garbage by mistake, what do i do"):
        assert not names_another_program(text), text
    assert names_another_program("elle veut pas dormir la nuit, c'est tu normal?")


def test_a_child_named_as_the_one_asked_about_makes_an_adult_passport_question_the_childs():
    from bot.nlu.classifier import refine

    ranking = [{"name": "passport_apply_adult", "confidence": 0.6}, {"name": "passport_child", "confidence": 0.3},
               {"name": "passport_fees", "confidence": 0.1}]
    labels = [r["name"] for r in ranking]
    for text in ("can my 12 yo get a 10 year passport so we dont have to redo it in 5 yrs",
                 "le répondant pour le passeport de mon gars de 10 ans, ça peut tu être ma voisine"):
        assert refine(text, ranking, labels)[0] == {"name": "passport_child", "confidence": 1.0}
    # a time is not a child ("8 months ago", "ça fait 3 ans"), nor the writer's own passport beside a child
    for text in ("My guarantor has to be who exactly? I moved to Calgary 8 months ago",
                 "mine expires in 14 months, is it too early to renew",
                 "mon chum peut tu etre mon repondant? on reste ensemble depuis 3 ans pis il a son passeport",
                 "my passport expired and my son is 3, what do I need for mine"):
        assert refine(text, ranking, labels) == ranking, text


def test_a_program_named_drops_the_others_without_making_a_doubt_within_it_sure():
    from bot.nlu.classifier import refine

    across = [{"name": "sin_apply", "confidence": 0.50}, {"name": "passport_child", "confidence": 0.48},
              {"name": "sin_protect", "confidence": 0.02}]
    labels = [r["name"] for r in across]
    kept = refine("My daughter is 14 and got hired. Can she apply for her SIN herself?", across, labels)
    assert [r["name"] for r in kept] == ["sin_apply", "sin_protect"]
    assert kept[0]["confidence"] == 0.50  # not rescaled: the fallback still weighs the doubt as it was
    within = [{"name": "passport_status", "confidence": 0.37}, {"name": "passport_where_apply", "confidence": 0.32},
              {"name": "ei_apply", "confidence": 0.31}]
    assert [r["confidence"] for r in refine("does canada post still do anything with passports?", within,
                                            [r["name"] for r in within])] == [0.37, 0.32]


@pytest.mark.parametrize("text, status", [
    ("Est-ce que je peux vérifier l'état de la demande de passeport de mon fils de 8 ans en ligne?", True),
    ("how do I check the status of my passport application", True),
    ("what's the status quo on photo rules", False),
    ("does canada post still take passport applications?", False),
])
def test_a_status_asked_for_by_name(text, status):
    from bot.nlu.phrases import asks_status

    assert asks_status(text) is status


@pytest.mark.parametrize("text, next_day", [
    ("need passport tmrw possible?", True),
    ("jai besoin de mon passeport demain", True),
    ("i need a passport for tomorrow morning", True),
    ("I need my passport photos tomorrow", False),
    ("my flight is in three weeks, I need a passport", False),
])
def test_a_passport_needed_by_tomorrow_is_the_next_day_service(text, next_day):
    from bot.nlu.phrases import asks_next_day

    assert asks_next_day(text) is next_day


@pytest.mark.parametrize("text, named", [
    ("do I also have to renew my nexus card when i get the new passport?", True),  # NEXUS is what is renewed
    ("can I apply for OAS and my SIN at the same office", True),
    ("I need to renew my passport and my health card", False),  # both: ours is answered
    ("renew my passport", False),
])
def test_another_service_acted_on_is_named_even_beside_ours(text, named):
    assert names_another_program(text) is named


@pytest.mark.parametrize("text, come", [
    ("so when does the money actually come", True),
    ("quand est-ce que je vais recevoir mon argent", True),
    ("c'est quand que l'argent rentre?", True),
    ("quand est-ce que je dois faire mon premier paiement?", False),  # a payment to make: the loan's
    ("how much money do I need for a passport", False),
])
def test_when_the_money_comes_is_asked(text, come):
    from bot.nlu.phrases import asks_when_payments_come

    assert asks_when_payments_come(text) is come


@pytest.mark.parametrize("text", [
    "CRA sent me a letter saying I have to pay back my CERB. Is that legit??",
    "dois-je rembourser la PCU?",
    "tu connais un hôtel pas cher proche de l'ambassade?",
    "et le siège d'auto dans l'avion c'est obligatoire pour un bébé?",
    "does my daughter need any shots to go to the dominican?",
])
def test_covid_benefits_cheap_hotels_car_seats_and_shots_are_other_services(text):
    assert names_another_program(text) or other_service_named(text) is not None


@pytest.mark.parametrize("text, ready", [
    ("Bjr comment savoir si mon passeport est pret a ramasser au comptoir?", True),
    ("is my passport ready yet? applied 3 weeks ago", True),
    ("C'est mon mari qui a fait la demande pour notre fille. Est-ce que moi je peux vérifier où c'est rendu?", True),
    ("mon passeport est prêt depuis mars, je pars en juin", False),  # told, not asked
    ("how do I know if my photo is ready to be used", False),
])
def test_whether_a_passport_is_ready_asks_its_status(text, ready):
    from bot.nlu.phrases import asks_status

    assert asks_status(text) is ready


@pytest.mark.parametrize("text, renewal", [
    ("chu camionneur. mon passeport expire en mars. je peux-tu juste le poster?", True),
    ("Est-il possible de renouveler mon passeport par la poste sans me déplacer?", True),
    ("can I renew my passport at a Service Canada centre", True),
    ("my passport expires in june but it was my first adult one, do I need a guarantor", False),
    ("je veux renouveler mon passeport perdu", False),  # lost: not a renewal
    ("what do I need for a first adult passport", False),
])
def test_the_writers_own_passport_expiring_or_renewed_is_a_renewal(text, renewal):
    from bot.nlu.phrases import renews_own_passport

    assert renews_own_passport(text) is renewal


@pytest.mark.parametrize("text, asked", [
    ("c quand la prochaine paye d'allocation familiale du fédéral", True),
    ("when's the next deposit for the child benefit", True),
    ("what are the CCB payment dates this year", True),
    ("how do I apply for the CCB for my newborn", False),
    ("I missed a payment on my car loan", False),
])
def test_the_next_payment_is_asked_for(text, asked):
    from bot.nlu.phrases import asks_next_payment

    assert asks_next_payment(text) is asked


@pytest.mark.parametrize("text, child", [
    ("Est-ce que je peux renouveler un passeport qui a expiré il y a 2 ans? et s'il a été émis en 2009?", False),
    ("ça fait 3 ans que j'attends", False),
    ("mon gars a 2 ans, il lui faut tu un passeport?", True),
    ("ma fille de 9 ans part en voyage", True),
])
def test_a_time_ago_in_years_is_not_a_childs_age(text, child):
    from bot.nlu.phrases import names_a_child

    assert names_a_child(text) is child


@pytest.mark.parametrize("text, top, expected", [
    ("mon passeport expire en mars. je peux-tu juste le poster?", "passport_apply_adult", "passport_renew"),
    ("c quand la prochaine paye d'allocation familiale du fédéral", "ccb_apply", "ccb_payment_dates"),
    ("comment savoir si mon passeport est pret a ramasser", "passport_urgent", "passport_status"),
    ("tu as-tu besoin d'un répondant quand tu renouvelles, ou juste la 1re fois?", "passport_apply_adult", "passport_renew"),
    ("took my wife's last name when we got married, is the renewal form still ok", "sin_apply", "passport_apply_adult"),
    ("my husband has cancer and I need time off work to take care of him", "out_of_scope", "ei_apply"),
    # a status asked by name settles a doubt the model had between it and another topic
    ("mon mari a fait la demande pour notre fille, je peux vérifier où c'est rendu?", "passport_status", "passport_status"),
])
def test_the_model_is_overruled_by_what_the_message_says(text, top, expected):
    from bot.nlu.classifier import refine

    others = ["passport_child", "passport_fees", "ccb_apply", "ei_apply", "passport_apply_adult", "passport_urgent"]
    ranking = [{"name": top, "confidence": 0.45}] + [{"name": n, "confidence": 0.44 / len(others)} for n in others if n != top]
    labels = [r["name"] for r in ranking] + [expected]
    refined = refine(text, ranking, labels)
    assert refined[0]["name"] == expected and refined[0]["confidence"] == 1.0


@pytest.mark.parametrize("text, expected", [
    # Quebec's parental insurance and EI named together: which one, EI's maternity answer says
    ("RQAP ou AE pour mon congé parental? je travaille à Sherbrooke", "ei_apply"),
    ("do I get QPIP or EI for paternity leave if I live in Laval", "ei_apply"),
    ("comment je m'inscris au RQAP pour mon congé parental", "out_of_scope"),  # Quebec's alone
    # the writer's own CPP pension asked whether it changes: the pension plan's, EI named or not
    ("ma rente du RPC va-tu diminuer si je demande l'assurance-emploi?", "out_of_scope"),
    ("will my EI go down because of my CPP pension", None),  # EI asked about: ours
    # a tax deduction asked is the CRA's
    ("les intérêts sur mon prêt, ça se déduit-tu de mes impôts?", "out_of_scope"),
])
def test_which_program_a_message_asks_about_when_it_names_two(text, expected):
    assert forced_intent(text) == expected


@pytest.mark.parametrize("text, renewal", [
    ("tu as-tu besoin d'un répondant quand tu renouvelles, ou juste la 1re fois?", True),
    ("do i need a guarantor to renew or only for a first passport", True),
    ("lost my passport, do I need a guarantor or can I renew", False),
    ("do i need a guarantor for my first passport", False),
])
def test_a_guarantor_asked_of_a_renewal(text, renewal):
    from bot.nlu.phrases import guarantor_for_a_renewal

    assert guarantor_for_a_renewal(text) is renewal


@pytest.mark.parametrize("text, renewing", [
    ("do i need a guarantor to renew or just the photos", True),  # read as photos: whether a guarantor is needed
    ("does my guarantor have to sign the photos for a renewal", False),  # the photo's signature: the photo's
])
def test_a_guarantor_asked_of_a_renewal_beside_photos_is_the_renewals(text, renewing):
    from bot.nlu.classifier import refine

    ranking = [{"name": "passport_photo", "confidence": 0.65}, {"name": "passport_renew", "confidence": 0.3}]
    refined = refine(text, ranking, ["passport_photo", "passport_renew"])
    assert (refined[0]["name"] == "passport_renew") is renewing


@pytest.mark.parametrize("text, changed", [
    ("took my wife's last name when we got married, is the renewal form still ok", True),
    ("j'ai repris mon nom de fille après mon divorce, je peux renouveler?", True),
    ("je me suis mariée l'an passé, je peux renouveler mon passeport en ligne?", False),  # no name said to change
    ("I changed my name, how do I update my SIN record", False),  # the SIN's
])
def test_a_name_changed_with_a_renewal_asked(text, changed):
    from bot.nlu.phrases import name_change_with_renewal

    assert name_change_with_renewal(text) is changed


@pytest.mark.parametrize("text, caring", [
    ("ma mère est en soins palliatifs, je veux arrêter de travailler pour rester auprès d'elle", True),
    ("my husband has cancer and I need time off work to take care of him", True),
    ("I take care of my sick kid, can I renew his passport by mail", False),  # no work stopped
    ("my boss is sick of me, can I quit", False),  # nobody cared for
])
def test_stopping_work_to_care_for_someone_gravely_ill(text, caring):
    from bot.nlu.phrases import stops_work_to_give_care

    assert stops_work_to_give_care(text) is caring


@pytest.mark.parametrize("text, caring", [
    ("my father has terminal cancer, I want a leave to be with him, is there EI for that", True),  # being with him
    ("ma mère est en fin de vie, y a-tu de l'argent pour les proches aidants?", True),  # the benefits named
    ("what are caregiver benefits", False),  # nobody gravely ill told: the model decides
])
def test_caring_told_by_being_with_them_or_by_the_benefits_name(text, caring):
    from bot.nlu.phrases import stops_work_to_give_care

    assert stops_work_to_give_care(text) is caring


@pytest.mark.parametrize("text, choice", [
    ("je peux tu le faire au Service Canada de ma ville ou faut que j'aille à Québec?", True),
    ("can I apply at the service canada office here or do I have to go to Ottawa", True),
    ("is the Service Canada office open on Saturday or Sunday", False),  # no trip asked
])
def test_a_local_office_or_a_trip_asked_as_a_choice(text, choice):
    from bot.nlu.phrases import asks_where_choice

    assert asks_where_choice(text) is choice


@pytest.mark.parametrize("text, asked", [
    ("c quoi les délais pour un passeport ces temps-ci", True),
    ("passport processing time in person?", True),
    ("hw long r passports taking rn for kids", True),
    ("délai pour recevoir ma carte d'assurance maladie", False),  # no passport named
    ("how long is a kids passport good for", False),  # its validity, not its time
])
def test_a_passports_delay_asked_by_its_word(text, asked):
    from bot.nlu.phrases import asks_passport_delay

    assert asks_passport_delay(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("est-ce que je vais recevoir un courriel quand mon passeport est prêt?", True),
    ("do they send a text when my passport is ready", True),
    ("comment vérifier l'état de mon dossier en ligne", True),
    ("comment je vais savoir quand il est prêt à ramasser?", True),
    ("i'll send an email when I'm ready", False),  # no passport, no application
])
def test_a_notice_when_it_is_ready_or_the_files_state_is_the_status(text, asked):
    from bot.nlu.phrases import asks_status

    assert asks_status(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("what's the income limit for paying nothing on student loans", True),
    ("if I earn under 40k do I not have to pay my loan at all", True),
    ("what's the income limit for the CCB", True),  # the pattern alone; the classifier asks a loan topic too
    ("how much do I pay each month on my student loan", False),
])
def test_an_income_under_which_nothing_is_paid(text, asked):
    from bot.nlu.phrases import asks_income_threshold

    assert asks_income_threshold(text) is asked


def test_a_person_asked_for_by_whose_they_are():
    from bot.nlu.phrases import asks_for_person

    assert asks_for_person("la dame au comptoir m'a mal répondu, je veux parler à sa superviseure")
    assert asks_for_person("the agent was rude, let me speak to his manager")


@pytest.mark.parametrize("text", [
    "une photo pour mon CV, fond blanc ou gris?",
    "do I need to declare it on my income taxes",
])
def test_a_cv_photo_and_benefits_on_a_tax_return_are_other_services(text):
    assert other_service_named(text) is not None


@pytest.mark.parametrize("text, asked", [
    ("what day is it paid each month", True),
    ("c'est quel jour qu'elle est versée?", True),
    ("what day is the passport office open", False),  # a day, no payment
])
def test_the_day_a_payment_comes_is_when_payments_come(text, asked):
    from bot.nlu.phrases import asks_when_payments_come

    assert asks_when_payments_come(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("how do I pay then", True),
    ("can I just put a cheque in the envelope", True),
    ("how do I pay back my loan faster", False),  # paying back, not a way to pay
])
def test_how_to_pay_asked_plainly(text, asked):
    from bot.nlu.phrases import asks_how_to_pay

    assert asks_how_to_pay(text) is asked


@pytest.mark.parametrize("text, asked", [
    ("how long until i get paid", True),
    ("combien de temps avant d'être payé", True),
    ("how long until my passport comes", False),  # a passport, no payment
])
def test_how_long_until_the_money_comes_is_when_payments_come(text, asked):
    from bot.nlu.phrases import asks_when_payments_come

    assert asks_when_payments_come(text) is asked


@pytest.mark.parametrize("text, named", [
    ("c'est quoi les prestations de pêcheur", True),
    ("how many weeks of sickness benefits can I get", True),
    ("mes prestations parentales du RQAP", False),  # Quebec's parental insurance, not EI
    ("what benefits does a fishing licence give", False),
])
def test_eis_benefits_named_by_what_they_are_for_name_ei(text, named):
    from bot.nlu.phrases import programs_named

    assert ("ei_" in programs_named(text)) is named


@pytest.mark.parametrize("text, urgent", [
    ("je pars dans 9 jours pis j'ai même pas de passeport", True),
    ("I have no passport and we fly out this saturday", True),
    ("I have no passport yet, we travel next summer", False),  # not within two weeks
])
def test_no_passport_yet_and_a_trip_within_two_weeks_is_urgent(text, urgent):
    assert (forced_intent(text) == "passport_urgent") is urgent


@pytest.mark.parametrize("text, late", [
    ("the CCB still isn't in my account", True),
    ("l'allocation est toujours pas rentrée", True),
    ("when is the next CCB payment", False),
])
def test_a_payment_not_come_is_told(text, late):
    from bot.nlu.phrases import payment_not_arrived

    assert payment_not_arrived(text) is late


@pytest.mark.parametrize("text, at_birth", [
    ("on a oublié de cocher l'allocation sur la déclaration de naissance", True),
    ("we registered our daughter's birth but didn't apply for the CCB", True),
    ("we registered her birth, when is the next payment?", False),  # a payment asked
])
def test_the_births_registration_named_is_applying_with_it(text, at_birth):
    from bot.nlu.phrases import applies_at_birth_registration

    assert applies_at_birth_registration(text) is at_birth


@pytest.mark.parametrize("text, theirs", [
    ("I have my mexican passport and a study permit, is that ok for the SIN", False),  # ID shown
    ("how do I renew my mexican passport in Toronto", True),
])
def test_a_foreign_passport_shown_with_a_permit_is_an_id(text, theirs):
    from bot.nlu.phrases import asks_for_another_service

    assert asks_for_another_service(text) is theirs


@pytest.mark.parametrize("text, theirs", [
    # a new loan asked for, the Québécois way ("j'applique"): not repaying ours
    ("je veux un nouveau pret etudiant canadien pour ma maitrise a Laurentienne, comment j'applique?", True),
    # a province's aid asked about after another of our questions
    ("what about alberta student aid then", True),
    ("and saskatchewan student assistance?", True),
    # the federal part of it, repaid: ours
    ("i have osap, what about my federal part, when do i start paying", False),
    ("i finished school, how do i apply for repayment assistance on my student loan", False),
])
def test_a_new_loan_or_a_provinces_aid_is_another_service(text, theirs):
    from bot.nlu.phrases import asks_for_another_service

    assert asks_for_another_service(text) is theirs


@pytest.mark.parametrize("text, lost", [
    ("ils m'ont volé mon sac, ils ont aussi pris le papier avec mon NAS", True),
    ("someone took the letter with my SIN from my mailbox", True),
    ("j'ai pris le papier de mon NAS avec moi", False),  # taken along, by the citizen
])
def test_a_sin_paper_taken_by_someone_is_lost(text, lost):
    from bot.nlu.phrases import lost_sin_paper

    assert lost_sin_paper(text) is lost


def test_the_word_for_a_passports_delay_settles_an_unsure_reading_of_it():
    from bot.nlu.classifier import refine

    ranking = [{"name": "passport_processing_times", "confidence": 0.28}, {"name": "passport_status", "confidence": 0.23},
               {"name": "out_of_scope", "confidence": 0.2}]
    labels = [r["name"] for r in ranking]
    assert refine("delai passeports", ranking, labels)[0] == {"name": "passport_processing_times", "confidence": 1.0}


@pytest.mark.parametrize("text, renews", [
    ("renewing from london uk, how does it work", True),
    ("renewing my lease from london uk", False),  # a lease named
    ("je renouvelle depuis la Belgique, c'est comment?", True),
    ("renewing my PR card from outside canada", False),  # another service named
])
def test_renewing_from_abroad_with_nothing_else_named(text, renews):
    from bot.nlu.phrases import renews_from_abroad

    assert renews_from_abroad(text) is renews


@pytest.mark.parametrize("text, theirs", [
    ("does the GST credit come the same day as the canada child benefit?", True),
    ("l'allocation famille du Québec est versée le même jour que l'ACE?", True),
    ("is the CCB paid the same day every month?", False),  # ours alone
    ("the canada child benefit, does it come the same day as the GST credit?", False),  # ours asked, named first
])
def test_another_benefits_payment_day_beside_ours_is_theirs(text, theirs):
    assert (forced_intent(text) == "out_of_scope") is theirs


@pytest.mark.parametrize("text, theirs", [
    ("how long is the citizenship application right now? after that i'll do my passport", True),
    ("how long does a passport take? i have my citizenship certificate", False),  # the passport's time
])
def test_how_long_another_service_takes_is_theirs(text, theirs):
    assert (forced_intent(text) == "out_of_scope") is theirs


@pytest.mark.parametrize("text, theirs", [
    ("any photographer you'd recommend for our wedding pictures?", True),
    ("passport style headshot for my linkedin profile, what app?", True),  # the profile's, passport named or not
    ("my newborn's photo, do her eyes need to be open?", False),  # a baby's passport photo, the word unsaid
])
def test_a_photo_session_or_a_profile_photo_is_not_a_passport_photo(text, theirs):
    assert (forced_intent(text) == "out_of_scope") is theirs


def test_a_childs_passport_needs_someone_other_than_the_writer():
    from bot.nlu.classifier import refine

    ranking = [{"name": "passport_child", "confidence": 0.6}, {"name": "passport_apply_adult", "confidence": 0.3},
               {"name": "out_of_scope", "confidence": 0.1}]
    labels = [r["name"] for r in ranking]
    # nobody but the writer: the child topic drops out
    assert refine("qui peut être mon répondant pour mon passeport?", ranking, labels)[0]["name"] == "passport_apply_adult"
    # a child, a parent or someone pointed to keeps it
    for text in ("does my ex have to sign for my daughters passport", "faut tu la signature du papa?", "is he too young"):
        assert refine(text, ranking, labels)[0]["name"] == "passport_child", text


@pytest.mark.parametrize("text", [
    "Could someone please telephone me at home? I am 84 and my eyes are not good for this small screen.",
    "pls just someone real, im so stressed",
    "i want a call from someone please",
])
def test_a_call_asked_for_and_someone_real_are_requests_for_a_person(text):
    assert forced_intent(text) == "request_human"


@pytest.mark.parametrize("text", [
    "i got a weird call from someone saying theyre from service canada asking for my SIN and i gave it to them",
    "is someone real reading this?",
])
def test_a_call_told_or_a_question_of_who_reads_is_no_request_for_a_person(text):
    assert forced_intent(text) != "request_human"


@pytest.mark.parametrize("text, named", [
    ("how do i book my citizenship test, i want to get my passport after", True),
    ("je veux réserver mon examen de citoyenneté pis après faire mon passeport", True),
    ("i passed my citizenship test, when can i get a passport", False),  # the passport is asked about
])
def test_booking_the_citizenship_test_is_irccs_even_with_a_passport_named(text, named):
    assert names_another_program(text) is named


def test_the_nslsc_by_its_french_initials_names_student_loans():
    from bot.nlu.phrases import asks_what_nslsc_is, programs_named

    assert programs_named("CNPE mot de passe oublié, je veux juste voir mon solde") == {"student_loan_"}
    assert asks_what_nslsc_is("CNPE c quoi?")


@pytest.mark.parametrize("text, bait", [
    ("Un site de concours me demande mon NAS pour réclamer mon prix de 1000$. C'est normal?", True),
    ("won a giveaway and they want my SIN to send the prize", True),
    ("how do i apply for a SIN, i need it for a contest", False),  # applying, asked
    ("combien coûte une demande de NAS", False),  # a price, not a prize
])
def test_a_sin_asked_for_a_prize_is_bait(text, bait):
    from bot.nlu.phrases import sin_asked_as_bait

    assert sin_asked_as_bait(text) is bait


@pytest.mark.parametrize("text, lost", [
    ("lost my job at the plant, they closed the whole line", True),
    ("j'ai perdu ma job à l'usine", True),
    ("i lost my job and my passport last week", False),  # the passport may be lost too
    ("i lost my passport", False),
])
def test_a_job_lost_is_not_a_passport_lost(text, lost):
    from bot.nlu.phrases import says_job_lost

    assert says_job_lost(text) is lost


@pytest.mark.parametrize("text, grown", [
    ("my son got his passport when he was 15, it was a 5 year one. hes 19 now and it ran out. can he renew it", True),
    ("mon fils a 17 ans et son passeport d'enfant expire bientôt il peut le renouveler en ligne?", True),
    ("my son is 12 can i renew his passport", False),  # a child now: the child passport's answer
    ("my daughter is 17, can she renew her passport", False),  # nothing says it was issued before 16
    ("my son is 17 and his child passport expired", False),  # no renewal asked
])
def test_a_childs_passport_had_by_someone_now_16_or_more_asked_to_be_renewed(text, grown):
    from bot.nlu.phrases import grown_child_renews

    assert grown_child_renews(text) is grown


def _refined(text, *ranking):
    from bot.nlu.classifier import refine

    ranks = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return refine(text, ranks, [r["name"] for r in ranks])[0]["name"]


def test_when_the_passport_applied_for_will_come_is_how_long_it_takes():
    asked = "J'ai déposé ma demande au bureau des passeports mardi passé. Quand est-ce que je peux espérer l'avoir?"
    assert _refined(asked, ("passport_where_apply", 0.39), ("passport_processing_times", 0.2)) == "passport_processing_times"
    assert _refined("when should i expect to get it, i mailed it in may", ("passport_renew", 0.5),
                    ("passport_processing_times", 0.3)) == "passport_processing_times"
    # the status keeps its own question; a price asked is the fee
    assert _refined("it's late, when will i get it", ("passport_status", 0.6), ("passport_processing_times", 0.3)) == (
        "passport_status")


def test_a_fast_service_named_with_a_trip_within_two_weeks_is_the_urgent_service():
    asked = "Je pars dans 8 jours. Ça vaut-tu la peine d'aller au bureau des passeports pour l'express?"
    assert _refined(asked, ("passport_fees", 0.5), ("passport_urgent", 0.42)) == "passport_urgent"
    # decided, so that the fee's refund entry cannot take the urgent service's place
    assert _refined(asked, ("passport_urgent", 0.5), ("passport_fees", 0.42)) == "passport_urgent"
    # a price asked stays the fee's; no trip told, no decision
    assert _refined("how much is express, i leave in 5 days", ("passport_fees", 0.7), ("passport_urgent", 0.2)) == (
        "passport_fees")
    assert _refined("is express worth it?", ("passport_fees", 0.5), ("passport_urgent", 0.42)) == "passport_fees"


def test_a_job_lost_told_as_a_complaint_is_ei():
    told = "lost my job at the plant, they closed the whole line"
    assert _refined(told, ("complaint", 0.55), ("out_of_scope", 0.2), ("ei_eligibility", 0.1)) == "ei_eligibility"
    assert _refined(told, ("passport_lost_stolen", 0.4), ("ei_apply", 0.2), ("ei_eligibility", 0.1)) == "ei_apply"
    # a complaint's words, or another program named, keep the reading
    assert _refined("i lost my job and this service is useless", ("complaint", 0.9), ("ei_apply", 0.05)) == "complaint"
    assert _refined("lost my job, can i pause my student loan", ("complaint", 0.5), ("student_loan_rap", 0.3)) == "complaint"


def test_who_may_ask_proof_of_travel_a_guarantors_years_and_a_passport_office_decide_the_topic():
    assert _refined("can my new employer ask for my SIN before my first day", ("sin_protect", 0.47), ("sin_apply", 0.45)) == (
        "sin_protect")
    assert _refined("how do i apply for a sin, my employer asks for it", ("sin_apply", 0.8), ("sin_protect", 0.1)) == "sin_apply"
    assert _refined("what documents do i need to prove the travel", ("passport_renew", 0.38), ("passport_urgent", 0.3)) == (
        "passport_urgent")
    assert _refined("mon repondant doit il me connaitre depuis combien d'annees?", ("out_of_scope", 0.63),
                    ("passport_apply_adult", 0.17)) == "passport_apply_adult"
    # a guarantor for a lease is nobody's passport
    assert _refined("mon proprio veut un garant pour le bail", ("out_of_scope", 0.9), ("passport_apply_adult", 0.05)) == (
        "out_of_scope")
    assert _refined("y a-tu un bureau des passeports à Gatineau ou faut que j'traverse à Ottawa", ("out_of_scope", 0.66),
                    ("passport_where_apply", 0.05)) == "passport_where_apply"


def test_a_sum_asked_a_renewals_delay_and_a_fee_or_the_form_with_a_situation_are_the_fee():
    assert _refined("adult 5 year + urgent = ?", ("passport_apply_adult", 0.58), ("passport_fees", 0.37)) == "passport_fees"
    assert _refined("c quoi les delais en ce moment pour un renouvellement de passeport", ("passport_renew", 0.75),
                    ("passport_processing_times", 0.17)) == "passport_processing_times"
    asked = "calcule-moi ça stp: passeport de mon gars de 10 ans pis le mien 5 ans"
    assert _refined(asked, ("passport_fee_calculator", 0.46), ("passport_fees", 0.44)) == "passport_fees"
    # no situation: the model's pick stands
    assert _refined("can you calculate it", ("passport_fee_calculator", 0.46), ("passport_fees", 0.44)) == (
        "passport_fee_calculator")


@pytest.mark.parametrize("text, late", [
    ("it was supposed to come the 20th, today is the 23rd", True),
    ("ça devait rentrer le 20 pis rien", True),
    ("when is it supposed to come", False),
])
def test_a_thing_due_said_late(text, late):
    from bot.nlu.phrases import tells_it_is_late

    assert tells_it_is_late(text) is late


@pytest.mark.parametrize("text, asks", [
    ("can my new employer ask for my SIN before my first day", True),
    ("pourquoi mon employeur me demande mon NAS?", True),
    ("L'employeur me demande un NAS. je peux le faire en ligne ou faut que j'aille en personne?", False),
    ("my son is 14 and got his first job at the grocery store, they want his SIN. can he apply himself", False),
])
def test_whether_someone_may_ask_for_the_sin(text, asks):
    from bot.nlu.phrases import asks_who_may_ask_for_the_sin

    assert asks_who_may_ask_for_the_sin(text) is asks


def test_who_may_be_a_passport_guarantor_is_a_first_passports_question():
    asked = "c qui qui peut etre mon répondant? mon beau-frere y'est policier ca marche tu meme si on est parent"
    assert _refined(asked, ("out_of_scope", 0.58), ("passport_child", 0.13), ("passport_apply_adult", 0.1)) == "passport_apply_adult"
    # a lease's guarantor is not a passport's
    assert _refined("qui peut etre mon garant pour le bail de mon appart", ("out_of_scope", 0.9)) == "out_of_scope"


@pytest.mark.parametrize("text, named", [
    ("how do i renew my PAL", True),
    ("renouveler mon permis de peche", True),
    ("how long for a criminal record check", True),
    ("apply for an eta for my mom", True),
    ("how much can i bring back duty free", True),
    ("combien de temps pour parrainer ma femme", True),
    ("child support is late again", True),
    ("place en garderie pour mon fils", True),
    ("whats the minimum wage in ontario", True),
    ("comment divorcer", True),
    # what our topics' own questions say with the same words
    ("my pal can be my guarantor?", False),
    ("whats the eta on it", False),
    ("what if i have a criminal record", False),
    ("were getting a divorce, does my ex need to sign?", False),
    ("does child support count as income", False),
    ("can i use it for daycare fees", False),
    ("i have a refugee claim pending", False),
    ("J'travaille dans un CPE à Moncton pis j'attends un bébé en avril", False),  # where one works
])
def test_licences_records_visitors_customs_sponsorship_support_daycare_wages_and_divorce_are_other_services(text, named):
    assert names_another_program(text) is named


def test_a_live_agent_asked_after_is_a_request_for_a_person():
    from bot.nlu.phrases import asks_for_person

    assert asks_for_person("is there a live agent? my ccb situation is complicated, custody plus we moved provinces")
    assert not asks_for_person("is there a real person who reviews the applications")


@pytest.mark.parametrize("text, first", [
    ("salut jveux faire mon 1er passeport, j'ai 34 ans pis j'ai jamais voyagé. c quel formulaire", True),
    ("i want to get my first passport, which form", True),
    ("my first passport expired in 2012, can i renew it", False),  # had one, and renewing named
])
def test_a_first_passport_asked_for_is_never_having_had_one(text, first):
    from bot.nlu.phrases import never_had_a_passport

    assert never_had_a_passport(text) is first


def test_a_first_passport_read_as_a_renewal_is_applying():
    asked = "salut jveux faire mon 1er passeport, j'ai 34 ans pis j'ai jamais voyagé. c quel formulaire pis jai besoin de quoi au juste"
    assert _refined(asked, ("passport_renew", 0.53), ("passport_apply_adult", 0.33)) == "passport_apply_adult"
    assert _refined("i want to renew my passport, which form", ("passport_renew", 0.9), ("passport_apply_adult", 0.05)) == "passport_renew"


def test_whats_the_damage_asks_the_price():
    from bot.nlu.phrases import asks_price

    assert asks_price("need passport for honeymoon in bali, 10 yr + express service. whats the damage all in")
    assert not asks_price("my passport has water damage, what do i do")


@pytest.mark.parametrize("text, named", [
    ("what about ontario works if ei says no", True),
    ("et l'aide sociale si on me refuse l'assurance-emploi?", True),
    ("what about welfare, does it affect my ccb?", False),  # a question about ours
    ("est-ce qu'il faut un visa pour aller au Brésil avec un passeport canadien?", True),
    ("pis le permis de conduire au Québec c'est combien pour le renouveler?", True),
    ("y a-tu des bourses du fédéral pour les étudiants à temps partiel?", True),
    ("do i have to repay my canada student grant", False),
])
def test_another_service_asked_about_instead_of_ours(text, named):
    from bot.nlu.phrases import names_another_service

    assert names_another_service(text) is named


def test_no_passport_yet_and_a_trip_this_week_is_the_urgent_service():
    from bot.nlu.phrases import no_passport_with_trip

    assert no_passport_with_trip("Je suis nouveau canadien. Je voyage dans 6 jours pour le Sénégal. Je n'ai pas passeport canadien. "
                                 "Est-ce possible rapidement?")


def test_the_urgent_services_own_time_asked_is_the_urgent_service():
    asked = "si je depose ma demande urgente lundi a 10h je vais l'avoir quand"
    assert _refined(asked, ("passport_urgent", 0.515), ("passport_processing_times", 0.468)) == "passport_urgent"
    assert _refined(asked, ("passport_processing_times", 0.515), ("passport_urgent", 0.468)) == "passport_urgent"
    calm = "If I apply in person at the passport office on a monday when would I have it? no rush just curious"
    assert _refined(calm, ("passport_processing_times", 0.42), ("passport_urgent", 0.33)) == "passport_processing_times"
    regular = "si je depose ma demande par la poste lundi je vais l'avoir quand"
    assert _refined(regular, ("passport_processing_times", 0.6), ("passport_urgent", 0.3)) == "passport_processing_times"


def test_passport_delays_asked_read_off_topic_as_unsurely_as_the_time_are_the_time():
    asked = "c quoi les delais en ce moment pour les passeports?? je pars en aout a Punta Cana"
    assert _refined(asked, ("out_of_scope", 0.377), ("passport_processing_times", 0.345)) == "passport_processing_times"
    assert _refined(asked, ("out_of_scope", 0.9), ("passport_processing_times", 0.05)) == "out_of_scope"


def test_an_apps_language_read_as_a_language_request_is_off_topic():
    asked = "comment je change la langue de mon WhatsApp en français"
    assert _refined(asked, ("choose_language", 0.752), ("out_of_scope", 0.246)) == "out_of_scope"


def test_how_one_will_know_it_is_ready_asks_the_status():
    from bot.nlu.phrases import asks_status

    assert asks_status("applied in person in winnipeg 3 weeks ago how will i know when its ready")
    assert not asks_status("applied in person in winnipeg 3 weeks ago how long does it take")


@pytest.mark.parametrize("text, next_payment", [
    ("forget that, my daughter wants to know when the next child benefit payment is", True),
    ("c'est quand le prochain versement de l'allocation", True),
    ("how do i apply for the child benefit", False),
])
def test_the_next_payment_asked_with_the_benefit_named_between(text, next_payment):
    from bot.nlu.phrases import asks_next_payment

    assert asks_next_payment(text) is next_payment


def test_a_new_loan_for_a_masters_is_another_service():
    from bot.nlu.phrases import names_another_service

    assert names_another_service("pis pour faire une nouvelle demande de prêt pour ma maîtrise?")
    assert not names_another_service("comment rembourser mon pret canadien")


def test_where_to_apply_asked_from_abroad_is_where_to_apply():
    asked = "j'habite en belgique depuis 2 ans, ou dois-je faire ma demande de passeport canadien"
    assert _refined(asked, ("passport_apply_adult", 0.57), ("passport_where_apply", 0.36)) == "passport_where_apply"
    # from Canada, no town named, as read (a town named is where to apply from it: bot/nlu/classifier.py)
    home = "j'habite au pays depuis 2 ans, ou dois-je faire ma demande de passeport canadien"
    assert _refined(home, ("passport_apply_adult", 0.57), ("passport_where_apply", 0.36)) == "passport_apply_adult"
    town = "j'habite a Laval depuis 2 ans, ou dois-je faire ma demande de passeport canadien"
    assert _refined(town, ("passport_apply_adult", 0.57), ("passport_where_apply", 0.36)) == "passport_where_apply"


def test_a_passport_delay_asked_read_off_topic_unsurely_is_how_long_it_takes():
    asked = "delai passeport depuis l'etranger? je vis a casablanca"
    assert _refined(asked, ("out_of_scope", 0.23), ("passport_urgent", 0.2), ("passport_apply_adult", 0.2),
                    ("passport_processing_times", 0.1)) == "passport_processing_times"
    assert _refined(asked, ("out_of_scope", 0.9), ("passport_urgent", 0.05), ("passport_processing_times", 0.01)) == "out_of_scope"


def test_the_first_ccb_payment_asked_read_unsurely_is_the_payment_dates():
    asked = "how do i apply for the child benefit when will the first payment show up"
    assert _refined(asked, ("ccb_payment_dates", 0.41), ("ccb_apply", 0.4)) == "ccb_payment_dates"
    assert _refined("how do i apply for the child benefit", ("ccb_apply", 0.9), ("ccb_payment_dates", 0.05)) == "ccb_apply"


@pytest.mark.parametrize("text, person", [
    ("y a-tu un préposé de disponible?", True),
    ("is there an agent available right now", True),
    # ... to look at the citizen's own file
    ("ya tu un agent dispo pour regarder mon dossier", True),
    ("any agent available to look at my file?", True),
    ("y a tu un agent dispo pour regarder les photos de passeport chez costco", False),
    # someone available somewhere else, to do something of ours: not the chat's person
    ("is there someone available to check passport photos at costco", False),
])
def test_someone_free_to_take_the_conversation_is_a_person_asked_for(text, person):
    from bot.nlu.phrases import asks_for_person

    assert asks_for_person(text) is person


def test_a_language_request_for_someone_to_be_shown_is_one():
    from bot.nlu.phrases import asks_for_language

    assert asks_for_language("redis-moi ça en anglais pour que je puisse le montrer à mon boss")


@pytest.mark.parametrize("text, loans", [
    ("i have 2 kids and make 45000, how much would i pay under rap", True),
    ("am i still on rap if i move", True),
    ("rap music is too loud at the passport office", False),
    # the French acronym in lower case, after an article
    ("j'ai eu le par en janvier, c'est quand le renouvellement", True),
    ("je peux l'envoyer par la poste?", False),
])
def test_the_plan_named_in_lower_case_is_a_student_loans(text, loans):
    from bot.nlu.phrases import programs_named

    assert ("student_loan_" in programs_named(text)) is loans
