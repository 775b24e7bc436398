"""Without a model, the forty-eighth session: long stories whose question comes last (the way to
renew asked after what allows it; where to send it; whether it was mailed; a same day told), a
child's passport asked by a young parent or an older sibling, a joke asked beside one of our
words, a question then a statement, a passport found after it was reported, which form after a
renewal ruled out, the interest while on the Repayment Assistance Plan, the plan after a job lost,
how much EI pays, the time from an embassy supposed; and what is not ours: another country's
passport at a Canadian office, Old Age Security, the UK's travel authorisation, a health card's
right, rent, the ID to board a flight, a student loan asked for again, whether to file taxes, a
child's proof of citizenship; a laminated birth certificate is ours."""

from __future__ import annotations

import pytest

from bot.engine.context.follow_ups import FINDS_IT
from bot.nlu import phrases
from bot.nlu.perspective import in_first_person
from tests.support.readings import BotUttered, UserUttered, parser, read_after, reading, refined_top, topic_and_entry, with_entry

PASSPORT_LABELS = ["passport_renew", "passport_renewal_eligibility", "passport_where_apply", "passport_processing_times",
                   "passport_urgent", "passport_status", "passport_child", "passport_apply_adult", "passport_fees",
                   "passport_lost_stolen", "out_of_scope", "nlu_fallback"]
LOAN_LABELS = ["student_loan_repayment", "student_loan_rap", "out_of_scope", "nlu_fallback"]

STORY = ("My passport expires in March and my wife and I are going to Portugal in May for our 40th anniversary. We live in "
         "Kelowna. It's a 10 year one I got in 2016 and it's in perfect shape. Can I do the renewal online now or is that still "
         "not open to everyone?")


def test_the_way_to_renew_asked_after_a_story_of_what_allows_it_is_how_to_renew():
    assert phrases.asks_whether_renewable(STORY) == "passport_renew"
    assert phrases.asks_whether_renewable(
        "allo, ma mere a 81 ans, elle va en Floride chaque hiver depuis 20 ans avec son groupe de l'age d'or. son passeport "
        "date de 2019 pis il expire bientot. elle a pas d'ordi pis elle veut rien savoir des affaires en ligne. elle peut-tu "
        "renouveler par la poste avec le formulaire papier? c lequel?") == "passport_renew"
    # short, the same facts ask whether
    assert phrases.asks_whether_renewable("got it in 2016, 10 year, can i renew online?") == "passport_renewal_eligibility"
    # a condition not met: whether
    assert phrases.asks_whether_renewable(STORY.replace("I got in 2016", "I got in 2005")) == "passport_renewal_eligibility"


def test_a_passport_had_at_15_by_someone_now_19_is_whether_it_renews():
    text = ("Mon fils a eu son passeport à 15 ans pour un tournoi de hockey à Lake Placid. Il en a 19 maintenant, le passeport est "
            "expiré. Peut-il simplement le renouveler ou il faut faire une demande d'adulte au complet?")
    assert phrases.asks_whether_renewable(text) == "passport_renewal_eligibility"
    assert phrases.asks_whether_renewable("mon fils de 12 ans, son passeport expire, on le renouvelle comment?") == "passport_child"


@pytest.mark.parametrize("text, where", [
    ("je veux renouveller mon passport avant mon voyage a cuba en fevrier, j'envoie ça où?", True),
    ("je peux-tu juste l'envoyer par la poste? pis a quelle adresse?", True),
    ("where do i send my passport forms", True),
    ("j'envoie ça ou je vais au bureau?", False),  # "ou" as "or"
    ("ou est rendu mon passeport", False),
])
def test_where_to_send_it_is_asked(text, where):
    assert phrases.asks_where_to_send(text) is where


def test_where_to_send_it_is_where_to_apply_but_not_over_a_first_application_or_a_renewal():
    text = "je veux renouveller mon passport avant mon voyage a cuba en fevrier, j'envoie ça où?"
    assert refined_top(text, ("passport_processing_times", 0.5), labels=PASSPORT_LABELS) == "passport_where_apply"
    assert refined_top(text, ("passport_renew", 0.98), labels=PASSPORT_LABELS) == "passport_renew"
    # mail it or go to the consulate: where, even over a renewal
    seattle = "Im Canadian working in Seattle on a TN visa since 2022. my passport expires soon. do i mail my renewal back to canada or go to the consulate?"
    assert phrases.asks_mail_or_mission(seattle)
    assert refined_top(seattle, ("passport_renew", 0.77), labels=PASSPORT_LABELS) == "passport_where_apply"


def test_a_trip_told_with_where_to_send_it_is_not_whether_it_comes_in_time():
    text = ("je vais jamais avoir le temps d'aller au bureau avant mon voyage d'avril. je peux-tu juste l'envoyer par la poste? "
            "pis a quelle adresse?")
    assert refined_top(text, ("passport_apply_adult", 0.35), labels=PASSPORT_LABELS) != "passport_processing_times"


def test_a_trip_within_days_asked_in_time_read_unsurely_as_the_times_is_the_urgent_service():
    text = "Booked a last minute trip to Punta Cana leaving in 6 days. Can I still get my passport in time?"
    assert refined_top(text, ("passport_processing_times", 0.25), ("nlu_fallback", 0.3), labels=PASSPORT_LABELS) == "passport_urgent"


def test_a_same_day_told_of_an_application_is_no_next_day_service():
    assert not phrases.asks_next_day("My wife and I applied together at the same office in Winnipeg on the same day. "
                                     "Her passport came last week and mine still hasn't.")
    assert phrases.asks_next_day("do they do same day pickup there?")


@pytest.mark.parametrize("text", [
    "mon passeport a-tu ete poste? j'ai recu un courriel qui disait que ma demande etait traitee",
    "has my passport been mailed yet?",
])
def test_whether_it_was_mailed_is_its_status(text):
    assert phrases.asks_status(text)


def test_a_passport_mailed_that_never_came_is_overdue():
    assert phrases.passport_overdue("they said my passport was mailed out but it never showed up at my new apartment")
    assert not phrases.passport_overdue("they said my passport was mailed out yesterday")


def test_a_young_parent_or_an_older_sibling_asks_for_a_childs_passport():
    assert not phrases.applicant_is_adult("im 22 and a single mom, my ex wont sign anything. how do i get our daughter a passport")
    assert phrases.names_a_child("my little bro is 9 and im 24, can i apply for his passport")
    assert refined_top("im 22 and a single mom, my ex wont sign anything. how do i get our daughter a passport",
                       ("passport_child", 0.99), ("passport_apply_adult", 0.01), labels=PASSPORT_LABELS) == "passport_child"
    # a writer of 30 or more tells nothing of a son's age
    assert phrases.applicant_is_adult("im 45 and my son needs his first passport, he is 19")


def test_another_countrys_passport_at_a_canadian_office_is_not_ours():
    assert phrases.names_another_service("Mon mari est américain. Son passeport américain expire en juin. Est-ce qu'il peut le "
                                         "renouveler au bureau des passeports canadiens ici?")
    assert not phrases.names_another_service("i have a french passport and need a canadian one")


@pytest.mark.parametrize("text", [
    "also how does she apply for her old age pension, she never got it",
    "merci. pis pour aller a Londres en juin, faut-tu la nouvelle autorisation electronique britannique maintenant?",
    "ok pis la carte soleil j'y ai-tu droit aussi?",
    "il peut tu augmenter mon loyer de 15% aussi??",
    "can i still fly to calgary with just my drivers licence?",
    "je dois tu faire mes impôts si j'ai juste travaillé 3 mois l'été passé?",
    "Our daughter was born in Boston in November. How do we get her proof of Canadian citizenship?",
])
def test_not_ours(text):
    assert phrases.names_another_program(text)


def test_a_laminated_birth_certificate_is_the_applications_proof_not_laminating():
    assert phrases.other_service_named("pis mon certificat de naissance est plastifié, ça passe tu?") is None
    assert phrases.other_service_named("where can i get my documents laminated") is not None


def test_a_student_loan_asked_for_again_is_not_ours_and_the_plan_reapplied_for_is():
    assert phrases.names_another_service("pis pour ma prochaine session comment je redemande un prêt?")
    assert not phrases.names_another_service("do i have to reapply for RAP every 6 months")


def test_a_gig_workers_app_asking_for_the_sin_is_who_may_ask():
    assert phrases.asks_who_may_ask_for_the_sin("l'app de livraison pour qui je fais des courses me demande mon NAS, c'est normal?")


def test_a_joke_asked_beside_our_words_read_unsurely_is_off_topic():
    read = read_after([], reading(("passport_child", 0.33), ("out_of_scope", 0.3)),
                      "tell my daughter a joke shes bored sitting in the passport office lol")
    assert read["intent"]["name"] == "out_of_scope"
    sure = read_after([], reading(("passport_child", 0.9)), "tell my daughter a joke, and how long is her passport valid")
    assert sure["intent"]["name"] == "passport_child"


def test_a_question_then_a_statement_is_the_questions_reading():
    said = [UserUttered("I need a passport for my trip to Peru in May, first time ever", "passport_apply_adult")]
    guarantor = with_entry(reading(("passport_apply_adult", 0.92)), "passport_apply_adult.guarantor")
    text = "who can sign as my guarantor? i just moved to ottawa in the fall"
    read = read_after(said, reading(("out_of_scope", 0.88)), text, parser({"who can sign as my guarantor?": guarantor}))
    assert topic_and_entry(read) == ("passport_apply_adult", "passport_apply_adult.guarantor")
    # a statement naming another service stays off topic
    other = read_after(said, reading(("out_of_scope", 0.88)), "who can sign as my guarantor? i also need to renew my health card",
                       parser({"who can sign as my guarantor?": guarantor}))
    assert other["intent"]["name"] == "out_of_scope"


def test_a_passport_found_after_it_was_reported_is_cancelled():
    assert FINDS_IT.search("i just found it in my suitcase!! can i use it for my trip friday?")
    assert FINDS_IT.search("je viens de le retrouver dans mon char")
    said = [UserUttered("i reported my passport lost last week", "passport_lost_stolen")]
    read = read_after(said, reading(("nlu_fallback", 0.45)), "i just found it in my suitcase!! can i use it for my trip friday?")
    assert topic_and_entry(read) == ("passport_lost_stolen", "passport_lost_stolen.found")


def test_which_form_read_unsurely_after_the_check_said_no_is_a_first_adult_application():
    said = "mon passeport a été émis quand j'avais 15 ans, je peux le renouveler?"
    refused = [UserUttered(said, "passport_renewal_eligibility"), BotUttered("utter_renewal_not_eligible")]
    read = read_after(refused, reading(("nlu_fallback", 0.25)), "donc je dois remplir quel formulaire? 😩")
    assert topic_and_entry(read) == ("passport_apply_adult", "passport_apply_adult.overview")
    # the check not refused: no first application
    asked = [UserUttered(said, "passport_renewal_eligibility")]
    assert read_after(asked, reading(("nlu_fallback", 0.25)), "donc je dois remplir quel formulaire? 😩")["intent"]["name"] != "passport_apply_adult"


def test_the_interest_while_on_the_plan_is_the_plans_and_its_rate_the_loans():
    said = [UserUttered("Je suis sur le PAR depuis un an.", "student_loan_rap")]
    loan = reading(("student_loan_repayment", 0.83))
    read = read_after(said, loan, "Est-ce que les intérêts continuent à s'accumuler pendant ce temps-là?")
    assert topic_and_entry(read) == ("student_loan_rap", "student_loan_rap.overview")
    assert read_after(said, loan, "how much interest is on my loan anyways")["intent"]["name"] == "student_loan_repayment"


def test_what_to_do_if_a_job_is_lost_while_repaying_is_the_plan():
    text = "Moi j'ai encore un vieux prêt canadien que je rembourse. Si je perds mon emploi, je peux faire quoi?"
    assert refined_top(text, ("student_loan_repayment", 0.56), ("student_loan_rap", 0.3), labels=LOAN_LABELS) == "student_loan_rap"
    # payments missed for it: what a missed payment does
    missed = "j'ai manqué deux paiements de mon pret etudiant parce que j'ai perdu ma job, qu'est-ce qui va arriver"
    assert refined_top(missed, ("student_loan_repayment", 0.56), ("student_loan_rap", 0.3), labels=LOAN_LABELS) == "student_loan_repayment"


def test_how_much_ei_pays_asked_alone_is_its_amount():
    read = read_after([], reading(("nlu_fallback", 0.49), ("ei_eligibility", 0.3)),
                      "how much does EI pay per week? i made like 52k last year driving truck")
    assert topic_and_entry(read) == ("ei_eligibility", "ei_eligibility.benefit_amount")


def test_an_embassy_supposed_after_the_time_is_the_time_from_there():
    said = [UserUttered("how long to get a passport in person", "passport_processing_times")]
    where = with_entry(reading(("passport_where_apply", 0.82)), "passport_where_apply.abroad")
    read = read_after(said, where, "and if i apply at the embassy in mexico city instead? im living there now")
    assert read["intent"]["name"] == "passport_processing_times"


def test_a_new_one_after_a_loss_reported_with_a_trip_months_away_is_the_replacement():
    said = [UserUttered("lost my passport", "passport_lost_stolen"), UserUttered("already reported it online", "passport_lost_stolen")]
    read = read_after(said, reading(("passport_urgent", 0.7)), "ok now how do i get a new one, trip is in may")
    assert read["intent"]["name"] == "passport_lost_stolen"


def test_an_elderly_parents_age_then_she_is_told_once_and_the_passport_stays_it():
    assert in_first_person("ma mere a 81 ans, elle va en floride chaque hiver. son passeport date de 2019 pis il expire bientot", "fr") == (
        "j'ai 81 ans et je vais en floride chaque hiver. mon passeport date de 2019 pis il expire bientot")


def test_where_asked_last_during_the_renewal_check_is_where_to_apply_but_not_for_a_licence():
    said = [UserUttered("mon passeport expire en mars, je peux faire le renouvellement simplifie?", "passport_renewal_eligibility")]
    text = "ok pis si je suis a l'etranger? je passe l'hiver au Mexique a Puerto Vallarta jusqu'en avril, je fais ca ou?"
    where = with_entry(reading(("passport_where_apply", 0.4989)), "passport_where_apply.abroad")
    read = read_after(said, where, text)
    assert read["intent"]["name"] == "passport_where_apply" and read["intent"]["confidence"] == 1.0
    licence = read_after([UserUttered("mon passeport expire en mars", "passport_renew")], reading(("out_of_scope", 0.83)),
                         "pis mon permis de conduire aussi expire, je fais ça où?")
    assert licence["intent"]["name"] == "out_of_scope"


def test_a_price_asked_from_abroad_read_as_where_to_apply_from_there_is_the_price():
    text = ("Bonjour, j'habite à Bruxelles depuis 2019 pour mon travail. Mon passeport canadien arrive à échéance en octobre. "
            "Combien coûte un passeport de 5 ans quand on le demande de l'étranger?")
    where = with_entry(reading(("passport_where_apply", 0.46), ("passport_fees", 0.21)), "passport_where_apply.abroad")
    assert read_after([], where, text)["intent"]["name"] == "passport_fees"
    # where, asked with the price: where
    assert read_after([], where, "combien ca coute pis ou je le demande a l'etranger?")["intent"]["name"] == "passport_where_apply"


def test_a_spouse_of_another_country_is_not_counted_in_the_fee():
    from actions.situation import fee_situation

    told = fee_situation("j'habite à Bruxelles, mon conjoint est belge. Combien coûte un passeport de 5 ans quand on le demande de l'étranger?")
    assert told is not None and (told.adults, told.location, told.validity) == (0, "abroad", 5)
    both = fee_situation("moi pis mon conjoint on veut chacun un passeport de 5 ans, combien?")
    assert both is not None and both.adults == 2


def test_grandchildren_a_grandmother_raises_need_their_own_passports():
    text = ("I've been raising my 2 grandkids since 2021, I have guardianship papers. They need passports for a family wedding "
            "in Jamaica in July. Am I allowed to apply for them?")
    assert phrases.passports_for_children(text)
    assert refined_top(text, ("passport_apply_adult", 0.32), ("passport_child", 0.2), labels=PASSPORT_LABELS) == "passport_child"
    assert not phrases.passports_for_children("my kids are grown, i need my own passport renewed")


def test_a_status_asked_with_no_program_named_read_unsurely_as_the_ccb_is_a_passports():
    text = ("J'ai fait la demande pour mes deux enfants en même temps que la mienne, tout ensemble dans la même enveloppe. "
            "J'ai reçu le mien mais pas les leurs. Comment vérifier l'état de leurs demandes?")
    labels = PASSPORT_LABELS + ["ccb_apply"]
    assert refined_top(text, ("ccb_apply", 0.46), ("passport_child", 0.26), ("passport_status", 0.15), labels=labels) == "passport_status"
    ccb = "J'ai fait la demande d'allocation canadienne pour enfants en mars. Comment vérifier l'état de ma demande?"
    assert refined_top(ccb, ("ccb_apply", 0.46), ("passport_child", 0.26), ("passport_status", 0.15), labels=labels) == "ccb_apply"


# Round 2: development 104 and 105 (dates and deadlines; parents of young children and carers).

@pytest.mark.parametrize("text", [
    "sorry one hand typing baby asleep on me.. first passport for me, do i need 2 references AND a guarantor or just one of them",
    "c'est quel formulaire pour renouveler un passeport adulte? je veux le remplir pendant la sieste du bebe",
])
def test_a_baby_told_beside_the_writers_own_passport_is_no_childs_passport(text):
    assert phrases.passport_for_the_writer(text)
    assert not phrases.for_a_child_only(text)
    assert not phrases.passport_for_the_writer("who can be my guarantor for my son's passport")


def test_the_simplified_renewals_form_not_the_under_16_answer_when_no_age_of_issue_is_told():
    text = "c'est quel formulaire pour renouveler un passeport adulte? je veux le remplir pendant la sieste du bebe"
    young = with_entry(reading(("passport_renew", 0.76)), "passport_renew.issued_under_16")
    assert topic_and_entry(read_after([], young, text)) == ("passport_renew", "passport_renew.simplified")
    told = "quel formulaire pour renouveler? je l'ai eu quand j'avais 14 ans"
    assert topic_and_entry(read_after([], young, told)) == ("passport_renew", "passport_renew.issued_under_16")


def test_a_very_sure_first_question_then_a_statement_of_no_program_is_the_questions():
    text = "who can be my guarantor?? we just moved to moncton with the baby and i dont know anyone here 2 yrs"
    guarantor = with_entry(reading(("passport_apply_adult", 0.92)), "passport_apply_adult.guarantor")
    read = read_after([], reading(("ccb_apply", 0.55)), text, parser({"who can be my guarantor??": guarantor}))
    assert topic_and_entry(read) == ("passport_apply_adult", "passport_apply_adult.guarantor")


@pytest.mark.parametrize("said, text", [
    ([], "comment changer la date de mon prélèvement mensuel au CSPNE? je suis payé le 15"),
    ([UserUttered("je paie mon pret etudiant tous les mois par prélèvement", "student_loan_repayment")],
     "je peux tu changer la date du prélèvement? ça tombe en même temps que le loyer"),
    ([], "can i move my loan payment date to after payday? i get paid the 15th"),
])
def test_a_loan_payments_day_moved_is_changing_the_payment(said, text):
    read = read_after(said, reading(("out_of_scope", 0.62)), text)
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.change_payment")
    assert read_after([], reading(("out_of_scope", 0.62)), "can i move my car loan payment date")["intent"]["name"] == "out_of_scope"


def test_a_payment_skipped_asked_is_what_it_does_not_the_plan():
    said = [UserUttered("j'ai pas fait mon paiement de prêt étudiant depuis janvier", "student_loan_repayment")]
    read = read_after(said, reading(("student_loan_rap", 0.56)), "est-ce que ça peut affecter mon crédit?")
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.missed_payment")
    skip = read_after([], reading(("student_loan_repayment", 0.54)),
                      "je suis en congé parental pis je peux pas payer mon pret etudiant ce mois ci, qu'est-ce qui arrive si je saute un paiement")
    assert skip["intent"]["name"] == "student_loan_repayment"
    plan = read_after([], reading(("student_loan_repayment", 0.54)), "je peux pas payer mon pret etudiant, y a tu un programme?")
    assert plan["intent"]["name"] == "student_loan_rap"


@pytest.mark.parametrize("text", [
    "mon passeport est tu pret? on m'a donné un reçu au comptoir à Québec la semaine passée",
    "my passport came in the mail but my sons didnt and we applied together, is his still coming??",
    "ils ont encaissé mon chèque le 8 mais j'ai aucune nouvelle depuis, ça veut dire que c'est en traitement?",
])
def test_more_ways_to_ask_the_status(text):
    assert phrases.asks_status(text)


@pytest.mark.parametrize("text", [
    "what are the signs of rsv in a baby",
    "faut tu aussi que je change mon permis de conduire?",
    "c'est quoi les jours fériés en mai?",
    "savez-vous si l'aéroport trudeau est débordé le vendredi matin?",
])
def test_not_ours_either(text):
    assert phrases.names_another_program(text)


def test_something_asked_for_in_french_is_no_language_request():
    assert not phrases.asks_for_language("une chanson pour endormir un bébé en français svp")
    assert phrases.asks_for_language("en français svp")


def test_how_early_to_renew_and_the_nearest_office_read_unsurely():
    assert refined_top("how early am i allowed to renew? mine runs out in like 8 months", ("out_of_scope", 0.47),
                       ("passport_renew", 0.35), labels=PASSPORT_LABELS) == "passport_renew"
    assert refined_top("closest place to get a passport from red deer? flying out in 2 wks", ("passport_lost_stolen", 0.34),
                       ("passport_fees", 0.23), labels=PASSPORT_LABELS) == "passport_where_apply"
    assert refined_top("i lost my passport, closest place to report it?", ("passport_lost_stolen", 0.34),
                       labels=PASSPORT_LABELS) == "passport_lost_stolen"


def test_a_passport_issued_years_ago_told_settles_whether_it_was_recent():
    from actions.situation import renewal_situation

    assert renewal_situation("what if my last one was issued like 16 years ago") == {"renewal_issued_recently": False}
    assert renewal_situation("il a été émis il y a 8 ans") == {}  # (no age of 8 read in "il y a 8 ans")
    said = [UserUttered("can i renew my passport online", "passport_renew")]
    read = read_after(said, reading(("nlu_fallback", 0.45)), "what if my last one was issued like 16 years ago")
    assert read["intent"]["name"] == "passport_renewal_eligibility"
