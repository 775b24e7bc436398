"""Without a model, the thirty-seventh session's first round: the online renewal asked about
(its own conditions, not the simplified renewal's check); a guarantor or references proposed,
typos and all (no child's passport); a language asked "for my husband"; a passport in a few
days for more money, and the total "all in"; giving the SIN to a bank for a TFSA (whether it may
be asked); loan payments too high in French (the student loan named); where to apply asked last
from abroad; the fast services by mail (where they are given); whether a wait of weeks is enough
for a trip (the time, not the urgent service); a baby after the photo's rules, a child's papers
after a child's passport, a child's passport "good for how long"; welfare asked after EI, and
travel shots (other services); a wait past the standard told, read unsurely as a renewal (the
application's status)."""

from __future__ import annotations

import pytest

from bot.nlu import phrases
from tests.support.readings import UserUttered, entry, read_as, reading, refined_top, topic_and_entry


RENEWAL_LABELS = ["passport_renewal_eligibility", "passport_renew", "passport_where_apply", "passport_photo"]


@pytest.mark.parametrize("text, top", [
    ("can i do the renewal online now or is that not a thing yet", "passport_renew"),
    ("le renouvellement en ligne me dit que je suis pas admissible, je fais comment d'abord", "passport_renew"),
    # what decides a simplified renewal told: the check
    ("my passport was issued when i was 14, can i renew it online", "passport_renewal_eligibility"),
    # no online renewal named: the check
    ("am i eligible to renew my passport", "passport_renewal_eligibility"),
])
def test_the_online_renewal_asked_is_its_own_conditions(text, top):
    assert refined_top(text, ("passport_renewal_eligibility", 0.42), ("passport_renew", 0.3), labels=RENEWAL_LABELS) == top


def test_the_online_renewal_named_with_another_question_keeps_the_reading():
    # "je renouvelle en ligne pis il me faut une photo numérique" asks about the photo
    text = "je renouvelle en ligne pis il me faut une photo numérique"
    assert refined_top(text, ("passport_photo", 0.6), ("passport_renew", 0.3), labels=RENEWAL_LABELS) == "passport_photo"


@pytest.mark.parametrize("text, asks", [
    ("tu peux me l'ecrire en anglais c pour mon mari", True),
    ("in english please its for my dad", True),
    # a question after the language asks more
    ("en anglais c'est pour mon mari, combien coute son passeport", False),
])
def test_a_language_asked_for_someone_is_a_language_request(text, asks):
    assert phrases.asks_for_language(text) is asks


@pytest.mark.parametrize("text", [
    "my refrences cant be family right? i only know like 3 ppl in calgary",
    "can my referances be my cousins",
])
def test_references_proposed_typos_and_all_are_who_may_be_one(text):
    assert phrases.asks_who_may_be_guarantor(text)


@pytest.mark.parametrize("text, oneself", [
    ("le garant pour le passeport peut tu etre mon beau frere", True),
    ("le répondant peut-tu être mon patron", True),
    # someone else's passport: a child's, or a third person's
    ("le répondant ça peut tu être sa grand-mère? elle a son passeport", False),
    ("can my sons grade 2 teacher be the guarantor on his passport app", False),
    ("can grandma be the guarantor for my grandsons passport?", False),
])
def test_a_guarantor_proposed_with_nobody_else_named_is_for_oneself(text, oneself):
    assert phrases.guarantor_proposed_for_oneself(text) is oneself


CHILD_LABELS = ["passport_child", "passport_apply_adult", "passport_fees"]


@pytest.mark.parametrize("text, top", [
    # the someone else named is the guarantor proposed, not a child applying
    ("le garant pour le passeport peut tu etre mon beau frere", "passport_apply_adult"),
    # a child named stays a child's passport
    ("le garant pour le passeport de ma fille peut tu etre mon beau frere", "passport_child"),
])
def test_a_guarantor_proposed_is_no_childs_passport(text, top):
    assert refined_top(text, ("passport_child", 0.61), ("passport_apply_adult", 0.17), ("passport_fees", 0.13),
                       labels=CHILD_LABELS) == top


@pytest.mark.parametrize("text, sooner", [
    ("can i get my passport in like 2 days if i pay extra", True),
    ("est ce que je peux avoir mon passeport dans genre 3 jours", True),
    ("can i get my passport in 6 weeks", False),
])
def test_a_passport_in_a_few_days_is_wanted_sooner(text, sooner):
    assert phrases.wants_it_sooner(text) is sooner


def test_the_total_all_in_is_a_price():
    assert phrases.asks_price("need the 10 yr one and urgent pickup, whats that all in")
    assert not phrases.asks_price("im all in on the 10 year one")


@pytest.mark.parametrize("text, intent", [
    ("c safe de donner mon nas a ma banque quand j'ouvre un CELI?", "sin_protect"),
    ("is it safe to give my sin to my bank for a tfsa", "sin_protect"),
    # the other service alone stays off topic
    ("c'est quoi le plafond du CELI cette annee", "out_of_scope"),
])
def test_giving_the_sin_for_another_service_is_whether_it_may_be_asked(text, intent):
    assert phrases.forced_intent(text) == intent


@pytest.mark.parametrize("text, loans", [
    ("chu sur le chomage depuis 3 mois pis mes paiements de pret sont trop hauts, est ce quils peuvent les baisser", True),
    ("mes paiements de pret auto sont trop hauts", False),
])
def test_loan_payments_in_french_name_the_student_loan(text, loans):
    assert ("student_loan_" in phrases.programs_named(text)) is loans


@pytest.mark.parametrize("text, where", [
    ("je vis en belgique depuis 2019, je fais ma demande de passeport canadien ou exactement", True),
    # "ou" as "or": a way, not a place
    ("je vis en france, je fais ma demande en ligne ou en personne?", False),
])
def test_where_to_apply_asked_last_from_abroad(text, where):
    assert phrases.asks_where_to_apply_from_abroad(text) is where


def test_where_to_apply_from_abroad_read_surely_as_a_first_passport_is_where():
    text = "je vis en belgique depuis 2019, je fais ma demande de passeport canadien ou exactement"
    labels = ["passport_apply_adult", "passport_where_apply", "passport_renew"]
    assert refined_top(text, ("passport_apply_adult", 0.84), ("passport_where_apply", 0.07), labels=labels) == "passport_where_apply"


@pytest.mark.parametrize("text, top", [
    ("le service urgent c disponible si j'envoie ma demande par la poste?", "passport_urgent"),
    # no fast service named: where to apply
    ("je peux envoyer ma demande par la poste?", "passport_where_apply"),
])
def test_the_fast_services_by_mail_are_where_they_are_given(text, top):
    labels = ["passport_where_apply", "passport_urgent", "passport_processing_times"]
    assert refined_top(text, ("passport_where_apply", 0.57), ("passport_urgent", 0.36), labels=labels) == top


@pytest.mark.parametrize("text, topic", [
    ("is 6 weeks enough to get a passport before my trip to jamaica or am i cutting it close", "passport_processing_times"),
    # a date this soon told: the urgent service
    ("will it come in time if i need it before my trip on the 3rd, i leave in 5 days", "passport_urgent"),
])
def test_whether_weeks_are_enough_for_a_trip_is_the_time(text, topic):
    read = read_as([], reading(("passport_processing_times", 0.96), ("passport_urgent", 0.01)), text)
    assert read["intent"]["name"] == topic


def test_a_baby_after_the_photos_rules_is_a_babys_photo():
    events = [UserUttered("c'est quoi les regles pour la photo de passeport", "passport_photo")]
    read = read_as(events, reading(("passport_child", 0.8), ("passport_photo", 0.1)), "meme pour un bebe de 2 mois?")
    assert topic_and_entry(read) == ("passport_photo", "passport_photo.baby")
    # after a child's passport, a baby is the child's passport
    events = [UserUttered("je veux faire un passeport pour mon fils", "passport_child")]
    read = read_as(events, reading(("passport_child", 0.8), ("passport_photo", 0.1)), "meme pour un bebe de 2 mois?")
    assert read["intent"]["name"] == "passport_child"


def test_the_papers_asked_after_a_childs_passport_are_the_childs():
    events = [UserUttered("je veux faire un passeport pour mon fils de 8 ans", "passport_child")]
    text = "c'est quoi les papiers a fournir pis le formulaire"
    read = read_as(events, reading(("passport_apply_adult", 0.54), ("passport_child", 0.3)), text)
    assert read["intent"]["name"] == "passport_child"
    # the writer's own papers stay an adult's
    read = read_as(events, reading(("passport_apply_adult", 0.54), ("passport_child", 0.3)),
                   "pis moi c'est quoi les papiers pour le mien")
    assert read["intent"]["name"] == "passport_apply_adult"


def test_a_childs_passport_good_for_how_long_is_its_validity():
    events = [UserUttered("ma fille a 2 ans pis on s'en va en floride en avion", "passport_child")]
    read = read_as(events, reading(("passport_processing_times", 0.99), ("passport_child", 0.01)),
                   "il va etre bon combien de temps son passeport")
    assert topic_and_entry(read) == ("passport_child", "passport_child.validity")


@pytest.mark.parametrize("text, other", [
    ("pis l'aide sociale jy ai tu droit si le chomage marche pas", True),
    ("what shots does she need before we go to kenya", True),
    # welfare supposed, ours asked: ours
    ("pis l'aide sociale, ca change tu mon ACE?", False),
])
def test_welfare_asked_after_ei_and_travel_shots_are_other_services(text, other):
    assert (phrases.forced_intent(text) == "out_of_scope") is other


@pytest.mark.parametrize("pairs, top", [
    ((("passport_renew", 0.6), ("passport_processing_times", 0.2), ("passport_status", 0.13)), "passport_status"),
    # read surely as the renewal: the renewal
    ((("passport_renew", 0.9), ("passport_processing_times", 0.05), ("passport_status", 0.03)), "passport_renew"),
])
def test_a_wait_past_the_standard_read_unsurely_as_a_renewal_is_its_status(pairs, top):
    text = "i mailed my renewal 10 weeks ago it should be here by now right? what do i do"
    labels = ["passport_renew", "passport_processing_times", "passport_status"]
    assert refined_top(text, *pairs, labels=labels) == top


def test_a_passport_fallen_in_a_pool_is_damaged():
    from bot.engine.context.passports import told_damaged

    assert told_damaged("mon passeport est tombe dans la piscine, la photo est toute delavee")
    assert told_damaged("my passport fell in the pool")
    assert not told_damaged("mon passeport est dans mon sac, pas de probleme")


@pytest.mark.parametrize("said, text, topic", [
    ("jai demissionne le mois passe", "meme si cetait pour suivre mon mari qui a ete muté a halifax?", "ei_eligibility"),
    ("i quit my job last week", "even if it was to follow my wife who got transferred to calgary?", "ei_eligibility"),
    # no job quit told: the reading stays
    ("je veux renouveler mon passeport", "meme si cetait pour suivre mon mari qui a ete muté a halifax?", "passport_status"),
])
def test_a_reason_supposed_for_a_job_quit_is_whether_quitting_allows_ei(said, text, topic):
    events = [UserUttered(said, "nlu_fallback" if "demissionne" in said else "ei_eligibility" if "quit" in said else "passport_renew")]
    read = read_as(events, reading(("passport_status", 0.42), ("passport_apply_adult", 0.25)), text)
    assert read["intent"]["name"] == topic
    if topic == "ei_eligibility":
        assert entry(read) == "ei_eligibility.quit"


@pytest.mark.parametrize("text, answer", [
    ("je peux tu renouveler mon passe port par la poste, je reste a gaspe", "passport_where_apply.by_mail"),
    # a post office asked about: Canada Post's own answer
    ("est-ce que je peux faire ma demande de passeport au bureau de poste", "passport_where_apply.canada_post"),
])
def test_sending_it_by_mail_is_not_applying_at_a_post_office(text, answer):
    post = {**reading(("passport_where_apply", 0.66)), "knowledge": {"id": "passport_where_apply.canada_post", "score": 0.6}}
    assert entry(read_as([], post, text)) == answer


@pytest.mark.parametrize("text", ["do i need to bring my study permit too", "faut tu que j'apporte mon permis d'etudes"])
def test_a_permit_to_bring_after_getting_a_sin_is_its_documents(text):
    events = [UserUttered("im an international student in halifax", "sin_apply"), UserUttered("how do i get a sin", "sin_apply")]
    read = read_as(events, reading(("out_of_scope", 0.92), ("sin_apply", 0.05)), text)
    assert topic_and_entry(read) == ("sin_apply", "sin_apply.documents")


@pytest.mark.parametrize("text", ["moi chu rendu a lisbonne pour le travail, ca change quoi",
                                  "what if im in germany right now on a work visa"])
def test_a_place_abroad_for_work_after_a_renewal_is_renewing_from_abroad(text):
    events = [UserUttered("comment renouveler mon passeport", "passport_renew")]
    read = read_as(events, reading(("out_of_scope", 0.83), ("passport_renew", 0.1)), text)
    assert topic_and_entry(read) == ("passport_renew", "passport_renew.abroad")


def test_a_month_skipped_after_a_loans_payments_is_a_missed_payment():
    events = [UserUttered("je dois rembourser 210$ par mois mon pret etudiant", "student_loan_repayment")]
    read = read_as(events, reading(("nlu_fallback", 0.28), ("student_loan_rap", 0.2)), "est ce que je peux sauter un mois")
    assert topic_and_entry(read) == ("student_loan_repayment", "student_loan_repayment.missed_payment")


@pytest.mark.parametrize("text, urgent", [
    ("ok i only have 10 days what are my options", True),
    ("il me reste juste 8 jours", True),
    # weeks left are no hurry
    ("ok i only have 30 days what are my options", False),
])
def test_only_days_left_after_how_long_it_takes_is_the_faster_services(text, urgent):
    events = [UserUttered("how long does passport take", "passport_processing_times")]
    read = read_as(events, reading(("nlu_fallback", 0.23), ("passport_processing_times", 0.2)), text)
    assert (read["intent"]["name"] == "passport_urgent") is urgent
