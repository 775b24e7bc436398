"""Rasa component: a linear intent classifier on the encoder's vector and character n-grams.

Multinomial logistic regression over two views of a message, each L2-normalised: the
multilingual sentence vector (meaning, across languages) and the sentence's character 2-4-gram
counts from CountVectorsFeaturizer, log-scaled and idf-weighted (spelling, typos, words the
encoder never saw). Measured against DIET on the same held-out split in the README.

Phrasings that must never be missed are matched by `bot.nlu.phrases` (a citizen asking for a
person or for the other language, a lost passport with a trip in days, a price question about a
passport) and win with confidence 1.0 (`refine`). The model is stored as
plain arrays (`.npz`), not as a pickle.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Callable, Dict, List, Optional, Text, Tuple, Type

import numpy as np
import scipy.sparse as sp
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.folding import fold
from bot.knowledge import program_of
from bot.language import (
    about_a_devices_language, asks_a_translation, asks_a_word_in_a_language, helps_someone_weak_in_a_language, weakness_told_after_a_question,
)
from bot.nlu import phrases, softmax
from bot.nlu.places import names_a_canadian_place
from bot.nlu.arrays import load_arrays, save_arrays

logger = logging.getLogger(__name__)
RANKING_LENGTH = 10
MODEL_FILE = "linear_intent_classifier.npz"


def _normalise_rows(matrix: Any) -> Any:
    if sp.issparse(matrix):
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
        norms[norms == 0] = 1.0
        return sp.diags(1.0 / norms) @ matrix
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


class Features:
    """The classifier's view of messages: [sentence vector | weighted character n-grams]."""

    def __init__(self, idf: Optional[np.ndarray] = None, sparse_weight: float = 1.0) -> None:
        self.idf = idf
        self.sparse_weight = sparse_weight
        self._diagonal: Optional[Tuple[np.ndarray, sp.csr_matrix]] = None  # (idf, idf_diagonal(idf))

    @staticmethod
    def raw(messages: List[Message]) -> Tuple[np.ndarray, sp.csr_matrix]:
        dense, sparse = [], []
        for message in messages:
            _, sentence = message.get_dense_features(TEXT)
            _, counts = message.get_sparse_features(TEXT)
            if sentence is None or counts is None:
                raise ValueError("the classifier needs the encoder's and the n-gram featurizer's sentence features")
            dense.append(np.asarray(sentence.features, dtype=np.float32).reshape(1, -1))
            sparse.append(sp.csr_matrix(counts.features, dtype=np.float32))
        return np.vstack(dense), sp.vstack(sparse).tocsr()

    def fit(self, counts: sp.csr_matrix) -> None:
        documents = np.asarray((counts > 0).sum(axis=0)).ravel()
        self.idf = (np.log((1.0 + counts.shape[0]) / (1.0 + documents)) + 1.0).astype(np.float32)

    def parts(self, dense: np.ndarray, counts: sp.csr_matrix) -> Tuple[np.ndarray, sp.csr_matrix]:
        """The two blocks of the features: the normalised sentence vectors and the weighted n-grams."""
        assert self.idf is not None, "fit() first"
        weighted = counts.copy()
        weighted.data = np.log1p(weighted.data)
        if self._diagonal is None or self._diagonal[0] is not self.idf:
            self._diagonal = (self.idf, idf_diagonal(self.idf))
        weighted = _normalise_rows(weighted @ self._diagonal[1])
        return _normalise_rows(dense), (weighted * self.sparse_weight).tocsr()

    def transform(self, dense: np.ndarray, counts: sp.csr_matrix) -> sp.csr_matrix:
        normalised, weighted = self.parts(dense, counts)
        return sp.hstack([sp.csr_matrix(normalised), weighted]).tocsr()


def idf_diagonal(idf: np.ndarray) -> sp.csr_matrix:
    """The n-gram weights as the diagonal matrix the counts are multiplied by, in the row format
    scipy converts it to for that product: built once per set of weights, not for every message
    (a 15,000 by 15,000 diagonal: about 1 ms of each message's reading). The same matrix, so the
    same product."""
    return sp.csr_matrix(sp.diags(idf))


def by_column(weights: np.ndarray) -> np.ndarray:
    """`weights.T` laid out row after row, for `features @ by_column(weights)`: scipy multiplies a
    sparse matrix by a dense one only in that layout, and copied the transposed view into it on
    every message (3 MB for the intents' weights, 11 MB for the knowledge entries': most of the
    time a message took to read). The same numbers in the same order: the same scores."""
    return np.ascontiguousarray(weights.T)


def refine(text: str, ranking: List[Dict[str, Any]], labels: List[str]) -> List[Dict[str, Any]]:
    """The model's ranking, overruled by the phrasings that must never be missed."""
    top = ranking[0]["name"] if ranking else ""
    if top == "request_human" and ranking[0]["confidence"] < UNSURE_PERSON and not phrases.asks_for_person(text):
        # A doubtful "request for a person" that no request phrasing backs ("je m'en rappelle
        # plus" is not "rappelez-moi") goes below the others: a form answer stays an answer.
        ranking = ranking[1:] + ranking[:1]
        top = ranking[0]["name"]
    if top == "choose_language" and ranking[0]["confidence"] < 1.0 and (
            weakness_told_after_a_question(text) or helps_someone_weak_in_a_language(text)):
        # (or a helper asked for someone weak in it: "she doesnt read english, can i come with her and
        # talk for her at the office" after her SIN)
        # "pis mon employeur peut tu le faire a ma place? je parle pas beaucoup francais": the question,
        # not the language (which stays the one it is written in)
        ranking = ranking[1:] + ranking[:1]
        top = ranking[0]["name"]
    forced = phrases.forced_intent(text)
    if forced is None and top == "choose_language" and (about_a_devices_language(text) or asks_a_translation(text)):
        # "comment je change la langue de mon WhatsApp en français": the phone's, not ours; "comment on
        # dit « mise à pied » en anglais?": a word's translation
        forced = "out_of_scope"
    if forced is None and top in SMALL_TALK_TOPS and asks_a_word_in_a_language(text):
        forced = "out_of_scope"  # "comment on dit merci en inuktitut", read as thanks
    if forced is None and phrases.asks_for_creative_writing(text) and not phrases.asks_for_person(text):
        forced = "out_of_scope"  # "write me a poem about waiting in line at a passport office": not where to apply
    if forced == "request_human" and top == "complaint":
        forced = "complaint"  # a complaint that asks for a person: both reach an officer
    if forced is None and top.startswith("passport_") and top not in WHERE_KEEPS and phrases.asks_where_choice(text):
        forced = "passport_where_apply"  # "au Service Canada icitte ou faut que je drive jusqu'à Halifax? pis ça coûte combien"
    if forced is None and top in {"sin_apply", "sin_protect", "out_of_scope"} and ranking[0]["confidence"] < UNSURE_OWN_PASSPORT and (
            "sin_apply" in [r["name"] for r in ranking[:2]] and not phrases.says_lost(text) and phrases.other_service_named(text) is None) and (
            (phrases.asks_how_to_get_a_sin(text) and top != "sin_protect" and not phrases.names_another_program(text))
            or phrases.never_had_a_sin(text)):
        # "how do i get a SIN number, just landed on working holiday visa to work at lake louise" (unsure
        # between getting one and off topic for the visa), "my brother is 26 with down syndrome and never
        # had a sin. im his legal guardian. how do we get him one" (read unsurely as protecting one):
        # getting one, decided even when first (the knowledge selector had moved an unsure "getting one"
        # to protecting one)
        forced = "sin_apply"
    if forced is None and top in {"sin_protect", "out_of_scope"} and ranking[0]["confidence"] < 1.0 and phrases.sin_needed_how_to_get(text) and (
            not phrases.asks_who_may_ask_for_the_sin(text) and not phrases.identity_used(text) and phrases.other_service_named(text) is None):
        # "bonjour je suis travailleur du Guatemala sur une ferme a Saint-Rémi, mon patron dit il faut numéro
        # assurance sociale. comment faire svp" (read as protecting it): getting one
        forced = "sin_apply"
    if forced is None and top == "out_of_scope" and ranking[0]["confidence"] < UNSURE_OWN_PASSPORT and (
            phrases.programs_named(text) == {"ei_"} and phrases.says_self_employed(text) and phrases.other_service_named(text) is None):
        # "i fish snow crab in the gulf on my own boat, is there ei for self employed fishers": who gets EI
        forced = "ei_eligibility"
    if forced is None and top == "passport_processing_times" and ranking[0]["confidence"] < UNSURE_MAIL_INSTEAD and (
            phrases.asks_to_mail_instead(text) and not phrases.asks_how_long(text) and not phrases.asks_price(text)):
        # "je peux tu envoyer ma demande de passeport par la poste au lieu d'y aller?" (read unsurely as
        # the mail's time): whether it may be mailed, where to apply's
        forced = "passport_where_apply"
    if forced is None and top == "passport_fee_calculator" and ranking[0]["confidence"] < UNSURE_SERVICE_FEE and (
            phrases.names_fast_service(text) and phrases.asks_price(text) and not phrases.names_a_child(text)
            and not phrases.states_validity(text)):
        # "Could you please tell me the fee for the express service?": the service's fee, not the
        # calculator's questions
        forced = "passport_fees"
    if forced is None and top in {"passport_renewal_eligibility", "passport_renew"} and ranking[0]["confidence"] < UNSURE_SERVICE_FEE and (
            phrases.names_fast_service(text) and not phrases.asks_price(text) and not phrases.says_lost(text)
            and not phrases.renewal_situation_told(text)):
        # "oh and its a renewal, can u do urgent for renewals?": the urgent service, for a renewal too
        forced = "passport_urgent"
    if forced is None and (top.startswith("passport_") or top == "out_of_scope") and top != "passport_where_apply" and (
            ranking[0]["confidence"] < UNSURE_WHERE_ASKED and phrases.asks_where_to_apply(text) and phrases.programs_named(text) == {"passport_"}
            and not phrases.names_photos(text)
            and (phrases.asks_office_access(text) or names_a_canadian_place(text)) and not phrases.says_lost(text)
            and not phrases.asks_price(text) and not phrases.asks_how_long(text) and phrases.other_service_named(text) is None):
        # "ou faire mon passeport a Rimouski" (unsure between a lost passport and where): where to apply
        forced = "passport_where_apply"
    if forced is None and top.startswith("passport_") and top != "passport_where_apply" and ranking[0]["confidence"] < UNSURE_WHERE_ASKED and (
            phrases.asks_office_access(text) and phrases.programs_named(text) == {"passport_"} and not phrases.says_lost(text)
            and not phrases.names_photos(text)
            and phrases.other_service_named(text) is None):
        # "est ce que le bureau de passeport de Laval est accessible en fauteuil roulant? pis je peux
        # demander un accommodement?": the offices, where to apply
        forced = "passport_where_apply"
    if forced is None and top == "passport_child" and (ranking[0]["confidence"] < UNSURE_OWN_FIRST or not phrases.names_children(text)) and (
            # (however sure, with no child named: "c'est ma premiere demande de passeport a 67 ans ... pour signer dans la petite case")
            phrases.applies_for_own_first_passport(text) and not phrases.names_a_child(text)):
        # "I am applying for a passport for the first time. Can my son fill in the form for me and I just
        # sign it": the writer's own first passport, the son a helper
        forced = "passport_apply_adult"
    if forced is None and top == "out_of_scope" and ranking[0]["confidence"] < UNSURE_OWN_PASSPORT and (
            (phrases.names_renewal_form(text) or phrases.names_simplified_renewal(text))
            and phrases.other_service_named(text) is None and not phrases.names_another_program(text)):
        # "is the passport renewal form different in ontario or same everywhere in canada", "what is the
        # simplified renewal, my cousin say it is easy way": the renewal's
        forced = "passport_renew"
    if forced is None and top.startswith("passport_") and top not in WHERE_KEEPS and (
            phrases.asks_if_a_place_takes_applications(text) and not phrases.asks_price(text)):
        # "est-ce que le service canada mobile qui vient à la réserve une fois par mois prend les
        # demandes de passeport" (read as the time in person): where to apply
        forced = "passport_where_apply"
    if forced is None and top.startswith("passport_") and (top not in TIME_KEEPS or top == "passport_processing_times") and (
            phrases.asks_passport_delay(text) and not phrases.asks_price(text)):
        # "delai passeport si je fais la demande en personne a Laval?"; "delais passeport", the model
        # unsure without the accent
        forced = "passport_processing_times"
    if forced is None and top.startswith("passport_") and top not in TIME_KEEPS | {"passport_status"} and (
            phrases.asks_when_received(text) and not phrases.asks_price(text)):
        # "j'ai déposé ma demande au bureau des passeports mardi passé, quand est-ce que je peux espérer l'avoir?"
        forced = "passport_processing_times"
    if forced is None and top in TIME_KEEPS - {"passport_lost_stolen"} and phrases.names_fast_service(text) and (
            phrases.asks_when_received(text) or phrases.asks_passport_delay(text)) and not (
            phrases.asks_price(text) or phrases.names_regular_service(text)):
        # "si je depose ma demande urgente lundi a 10h je vais l'avoir quand": the fast service's own time
        forced = "passport_urgent"
    if forced is None and top.startswith("passport_") and top not in TRIP_KEEPS and phrases.names_fast_service(text) and (
            phrases.trip_within_two_weeks(text) and not phrases.asks_price(text)):
        # "je pars dans 8 jours ... ça vaut-tu la peine d'y aller pour l'express?": the services for a trip this soon
        forced = "passport_urgent"
    if forced is None and top == "passport_child" and phrases.asks_if_fast_service_possible(text) and not phrases.asks_price(text):
        # "our kids also, urgent is possible for them?": whether the faster service is open to them
        forced = "passport_urgent"
    if forced is None and (top == "complaint" or top.startswith("passport_")) and phrases.says_job_lost(text) and not (
            phrases.COMPLAINS.search(fold(text)) or phrases.programs_named(text) - {"ei_"}):
        # "lost my job at the plant, they closed the whole line": a job lost, told with no word of a
        # complaint and no other program named, is EI's (its likeliest topic), not a complaint or a
        # lost passport ("mis à pied vendredi passé au moulin de Dolbeau, combien de temps j'ai pour
        # faire ma demande" is no passport's time either)
        forced = max((r for r in ranking if str(r["name"]).startswith("ei_")), key=lambda r: float(r["confidence"]),
                     default={"name": "ei_eligibility"})["name"]
    if forced is None and top not in {"request_human", "choose_language", "complaint", "passport_status"} and (
            phrases.handed_in_and_asks_how_long(text) and not phrases.asks_price(text)):
        forced = "passport_processing_times"  # "jai deposé ma demande au Service Canada de Chicoutimi, cest quoi le delai normal"
    if forced is None and (not top.startswith("ei_") or top == "ei_eligibility") and top not in {"request_human", "choose_language"} and (
            phrases.asks_time_to_apply_after_work(text) and not phrases.programs_named(text) - {"ei_"}
            and not phrases.other_service_named(text)):
        forced = "ei_apply"  # "how long after my last day do i have to apply": EI's deadline (ei_apply.deadline)
    if forced is None and top == "out_of_scope" and ranking[0]["confidence"] < UNSURE_JOB_LOST and phrases.says_job_lost(text) and (
            len(text.split()) <= MAX_JOB_LOST_WORDS or ranking_weight(ranking, "ei_") >= LEAST_EI_WEIGHT
            or phrases.asks_to_apply(text)) and not (
            phrases.COMPLAINS.search(fold(text)) or phrases.programs_named(text) - {"ei_"} or phrases.names_another_program(text)
            or phrases.asks_for_another_service(text) or _RIGHT_TO_EI_ASKED.search(fold(text))):
        # (not whether one has the right to it: "mon mari a été licencié ... on sait pas si on a droit au
        # chômage pour lui", whose own reading weighs eligibility)
        # "j'ai perdu ma job vendredi passé, la shop a fermé", read off topic unsurely: the job lost
        # is EI's, as it is when read as a complaint; told alone, or with EI
        # weighed in ("i lost my job, can i get help paying rent" asks for another help): applying
        # for it, the next step (its likeliest topic had "mis à pied" answered by quitting's entry)
        forced = "ei_apply"
    if forced is None and top == "out_of_scope" and ranking[0]["confidence"] < UNSURE_OWN_PASSPORT and len(ranking) > 1 and (
            phrases.programs_named(text) == {"passport_"} and not phrases.other_service_named(text)):
        # the model's second reading, backed by what the message tells: "je suis une dame de 78 ans
        # à Sherbrooke et je n'ai pas d'ordinateur. Comment puis-je renouveler mon passeport?" (the
        # story around it is not another subject), "j'ai perdu mon passeport à Marrakech, comment
        # je fais pour rentrer au Canada??"
        second = ranking[1]["name"]
        if (second == "passport_renew" and phrases.renews_own_passport(text)) or (
                second == "passport_lost_stolen" and phrases.says_lost(text) and not phrases.says_not_lost(text)):
            forced = second
    if forced is None and (top == "out_of_scope" or top.startswith("passport_")) and (
            ranking[0]["confidence"] < UNSURE_FIRST_PASSPORT or (top == "passport_renew" and ranking[0]["confidence"] < 1.0)) and (
            phrases.never_had_a_passport(text) and not phrases.names_a_child(text) and not phrases.other_service_named(text)
            and not phrases.programs_named(text) - {"passport_"}):
        # "I am 58 and have never owned a passport, my late husband always took care of travel.
        # Where do I begin please", read unsurely (or as a renewal: "jveux faire mon 1er passeport,
        # j'ai 34 ans ... c quel formulaire"): a first adult passport
        forced = "passport_apply_adult"
    if forced is None and top == "out_of_scope" and len(ranking) > 1 and ranking[1]["name"] == "passport_processing_times" and (
            ranking[0]["confidence"] - ranking[1]["confidence"] < CLOSE_CALL and (
                phrases.asks_if_in_time(text) or (phrases.asks_passport_delay(text) and not phrases.asks_price(text)))
            and not phrases.other_service_named(text) and not phrases.programs_named(text) - {"passport_"}):
        # "wedding in puerto vallarta june 20, if i mail my application in early april will it come
        # in time", torn between off topic and the passport's time: whether it comes in time ("c quoi
        # les delais en ce moment pour les passeports?? je pars en aout": how long it takes)
        forced = "passport_processing_times"
    if forced is None and top == "passport_lost_stolen" and ranking[0]["confidence"] < UNSURE_OWN_PASSPORT and (
            phrases.programs_named(text) == {"passport_"} and phrases.says_lost(text) and not phrases.says_not_lost(text)
            and not phrases.application_feared_lost(text) and not phrases.other_service_named(text)):
        # "jsp ou est mon passeport depuis le demenagement, je pars dans 3 semaines pour cuba", the
        # likeliest reading but below the fallback's threshold: the passport is missing, as told
        forced = "passport_lost_stolen"
    if forced is None and top == "out_of_scope" and phrases.number_asked_with_a_permit(text) and not phrases.other_service_named(text):
        forced = "sin_apply"  # "mon permis d'etudes me permet de travailler, je fais comment pour le numero"
    if forced is None and top in {"sin_protect", "out_of_scope"} and phrases.needs_a_sin_to_work(text) and (
            phrases.programs_named(text) <= {"sin_"} and not phrases.other_service_named(text)):
        forced = "sin_apply"  # "ca me prend tu un nas pour travailler a la cafeteria du campus?": getting one
    if forced is None and top == "sin_apply" and ranking[0]["confidence"] < 1.0 and phrases.asks_if_entitled_to_a_sin(text) and (
            phrases.programs_named(text) == {"sin_"} and not phrases.other_service_named(text)):
        forced = "sin_apply"  # "je suis étudiante étrangère à l'UdeM, est-ce que j'ai droit à un NAS?", read unsurely
    if forced is None and top == "out_of_scope" and ranking[0]["confidence"] < UNSURE_DELAY and phrases.asks_passport_delay(text) and (
            phrases.programs_named(text) == {"passport_"} and not phrases.other_service_named(text) and not phrases.asks_price(text)
            and not phrases.names_another_program(text)):
        # "delai passeport depuis l'etranger? je vis a casablanca", read off topic unsurely: how long it takes
        forced = "passport_processing_times"
    if forced is None and top.startswith("passport_") and top not in WHERE_KEEPS and (
            ranking[0]["confidence"] < UNSURE_WHERE or top == "passport_apply_adult" or (
                # (a passport expiring told, no renewal named: "mon passeport expire en octobre ... ou je
                # fais ma demande de passeport canadien dici?" from Dubai)
                top == "passport_renew" and not phrases.renewal_named(text))) and phrases.asks_where_to_apply_from_abroad(text):
        # "j'habite en belgique depuis 2 ans, ou dois-je faire ma demande de passeport canadien": where, from there
        forced = "passport_where_apply"
    if forced is None and top == "out_of_scope" and ranking[0]["confidence"] < UNSURE_MAILED_FROM_OUTSIDE and (
            {r["name"] for r in ranking[1:3]} & {"passport_where_apply", "passport_apply_adult", "passport_renew"}) and (
            phrases.mails_application_from_outside_canada(text) and not phrases.programs_named(text) - {"passport_"}
            and not phrases.other_service_named(text)):
        # "Je suis à Boston, j'ai la double citoyenneté canado-américaine. Puis-je envoyer ma demande
        # directement à Gatineau par la poste ?", read unsurely off topic: where and how to apply from there
        forced = "passport_where_apply"
    if forced is None and top == "out_of_scope" and phrases.renews_from_abroad(text):
        forced = "passport_renew"  # "renewing from london uk, how does it work": nothing else named to renew
    if forced is None and top.startswith("passport_") and top not in PRICE_KEEPS and (
        phrases.asks_price(text)
    ):
        forced = "passport_fees"
    if forced is None and not top.startswith("ei_") and top not in {"request_human", "choose_language"} and (
            phrases.names_ei_reports(text) and not phrases.programs_named(text) - {"ei_"} and not phrases.other_service_named(text)):
        forced = "ei_apply"  # "do i have to do those reports every 2 weeks, what happens if i forget one"
    if forced is None and (top == "passport_urgent" or (top == "out_of_scope" and len(ranking) > 1 and (
            ranking[1]["name"] == "passport_urgent" and ranking[0]["confidence"] - ranking[1]["confidence"] < CLOSE_CALL))) and (
            ranking[0]["confidence"] < 1.0 and phrases.wants_it_sooner(text) and phrases.programs_named(text) == {"passport_"}
            and phrases.date_within_two_weeks(text) and not phrases.asks_price(text) and not phrases.other_service_named(text)):
        # "my grandmother died in punjab, funeral next tuesday, i need passport asap": torn between
        # the urgent service and off topic, a passport wanted sooner for a date this soon
        forced = "passport_urgent"
    if forced is None and top == "out_of_scope" and len(ranking) > 1 and ranking[1]["name"] == "ei_eligibility" and (
            ranking[0]["confidence"] - ranking[1]["confidence"] < CLOSE_CALL and phrases.says_self_employed(text)
            and phrases.programs_named(text) == {"ei_"}):  # (whatever is told of taxes: "i claim it on my taxes")
        # "i ran a home daycare ... (self employed) ... my friend says i can get mat leave from ei but my
        # sister in law says no because im self employed ... can i get it?", torn with off topic: EI
        # for the self-employed (ei_eligibility.self_employed)
        forced = "ei_eligibility"
    if forced is None and top in {"passport_child", "passport_apply_adult", "passport_renew", "passport_processing_times"} and (
            ranking[0]["confidence"] < UNSURE_EMERGENCY and phrases.wants_it_sooner(text) and phrases.family_emergency(text)
            and phrases.programs_named(text) == {"passport_"} and not phrases.asks_price(text) and not phrases.other_service_named(text)):
        # "My father is dying in Punjab, the doctors say maybe two weeks. I need passports fast for me
        # and my 2 daughters (8 and 12), mine is expired also", read unsurely as the children's: the urgent service
        forced = "passport_urgent"
    if forced is None and not top.startswith("passport_") and top not in {"request_human", "choose_language"} and (
            ranking[0]["confidence"] < UNSURE_FEE_SITUATION and PRICE_KEEPS & {r["name"] for r in ranking[:3]}
            and phrases.asks_price(text) and phrases.states_a_fee_situation(text)
            and (phrases.states_validity(text) or phrases.names_fast_service(text))
            and not phrases.programs_named(text) - {"passport_"} and phrases.other_service_named(text) is None):
        # "ok so 3 of us, me 5 yr, my mom 10 yr and my baby niece... so just me and mom, plus express
        # for both. total??", read unsurely as the CCB (a baby named): the fee of that situation
        forced = "passport_fees"
    if forced is None and top in PRICE_KEEPS and ranking[0]["confidence"] < 1.0 and len(ranking) > 1 and (
            ranking[1]["name"] == "passport_child" and phrases.asks_price(text) and phrases.states_a_fee_situation(text)):
        # "2 passeports pour les kids pis le mien 5 ans, total?": that situation's fee, surely (the
        # knowledge selector would move to the child's passport, the kids' word)
        forced = top
    if forced is None and ranking[0]["confidence"] < 1.0 and len(ranking) > 1 and top in PRICE_KEEPS | RENEWING and (
            ranking[1]["name"] in PRICE_KEEPS | RENEWING and {top, ranking[1]["name"]} & PRICE_KEEPS
            and phrases.asks_price(text) and phrases.states_a_fee_situation(text) and phrases.states_validity(text)):
        # "me and my husband both renewing 10 yr plus our 2 kids, whats the total damage", read
        # between renewing and its fee: that situation's fee, surely (worked out; the knowledge
        # selector would move to the renewal's entry for passports issued before 16, the kids' word)
        forced = top if top in PRICE_KEEPS else "passport_fees"
    if forced is None and top == "passport_fees" and phrases.asks_to_calculate(text):
        forced = "passport_fee_calculator"
    if forced is None and top in PRICE_KEEPS and len(ranking) > 1 and ranking[1]["name"] in PRICE_KEEPS and (
            ranking[0]["confidence"] - ranking[1]["confidence"] < CLOSE_CALL) and phrases.states_a_fee_situation(text):
        # "calcule-moi ça stp: passeport de mon gars de 10 ans pis le mien 5 ans": the fee or the
        # form, either way that situation's exact amount (the fee's answer works it out)
        forced = "passport_fees"
    if forced is None and (top in FORM_TOPICS or top in {"out_of_scope", "nlu_fallback"}) and (form := phrases.form_named(text)) and (
            not phrases.asks_price(text)):
        # "cest tu le formulaire pptc 054 pour renouveler un passport adulte au canada?": the form
        # named by its number is that topic's (content/passport_forms.yml), surely (the knowledge
        # selector then weighs that topic's entries alone, not the lost passport's declaration form);
        # unless the words say which application, and the number is misremembered ("I am 58 and
        # applying for my very first passport. Is it form PPTC 155?": the adult's first passport)
        # (a child's form with a renewal said stays the child's: a child passport is never renewed)
        kind = phrases.passport_kind_said(text)
        forced = kind if kind and not (form["topic"] == "passport_child" and kind == "passport_renew") else form["topic"]
    if forced is None and top == "passport_where_apply" and len(ranking) > 1 and ranking[1]["name"] == "passport_urgent" and (
            phrases.names_fast_service(text) and not phrases.asks_price(text)):
        # "le service urgent c disponible si j'envoie ma demande par la poste?": where the faster
        # services are given (passport_urgent.where: passport offices only, not by mail)
        forced = "passport_urgent"
    if forced is None and (top == "passport_where_apply" or (top == "passport_processing_times" and len(ranking) > 1 and (
            ranking[1]["name"] in {"out_of_scope", "passport_where_apply"} and ranking[0]["confidence"] - ranking[1]["confidence"] < CLOSE_CALL
            and phrases.names_an_office_abroad(text)))) and (
            phrases.asks_how_long(text) and not phrases.asks_where(text) and not phrases.asks_price(text)
            and phrases.programs_named(text) <= {"passport_"} and not phrases.other_service_named(text)):
        # (or the time read first, too close to off topic: "mon frère vit au mexique, il fait sa demande à
        # l'ambassade à mexico. ça va prendre combien de temps à peu près?")
        # "j'habite au Mexique, si je fais ma demande au consulat à Guadalajara ça prend combien de
        # temps avoir mon passeport canadien": how long, from there (no "where" asked)
        forced = "passport_processing_times"
    if forced is None and (top == "out_of_scope" or top.startswith("passport_")) and top != "passport_fees" and (
            ranking[0]["confidence"] < UNSURE_AGE_DISCOUNT and phrases.asks_age_discount(text)
            and phrases.programs_named(text) == {"passport_"} and phrases.other_service_named(text) is None):
        # "Est-ce qu'il y a un rabais sur le passeport pour les aînés?" (read off topic, for a budget
        # told): the fee, which no age lowers
        forced = "passport_fees"
    if forced is None and top == "passport_where_apply" and ranking[0]["confidence"] < UNSURE_TRACKED and (
            _TRACK_APPLICATION.search(fold(text)) and phrases.programs_named(text) <= {"passport_"}
            and phrases.other_service_named(text) is None):
        # "Comment puis-je suivre ma demande si je l'ai déposée au Service Canada de Longueuil?": its
        # status, wherever it was handed in
        forced = "passport_status"
    if forced is None and top == "out_of_scope" and len(ranking) > 1 and ranking[1]["name"] == "passport_status" and (
            ranking[0]["confidence"] < UNSURE_STATUS_ABROAD and phrases.names_an_office_abroad(text) and _STATUS_WORD.search(fold(text))
            and not phrases.programs_named(text) - {"passport_"} and phrases.other_service_named(text) is None):
        # "i apply at the Hong Kong consulate in march, how can i see status?": the application a
        # Canadian mission takes, a passport's, its status
        forced = "passport_status"
    if forced is None and top == "out_of_scope" and len(ranking) > 1 and ranking[1]["name"] == "passport_fee_calculator" and (
            ranking[0]["confidence"] < UNSURE_CALCULATE and _CALCULATE.search(fold(text)) and phrases.programs_named(text) == {"passport_"}
            and phrases.other_service_named(text) is None):
        # "calculate for my family pls: me renew 10y, my mother first passport 5y (she is 72), my son 6
        # years old. all in Montreal", the calculator second to off topic: the calculator asked for
        forced = "passport_fee_calculator"
    if forced is None and top == "passport_apply_adult" and ranking[0]["confidence"] < UNSURE_FIRST_HOW_LONG and (
            phrases.asks_how_long(text) and not phrases.asks_where(text) and not phrases.asks_price(text)
            and not _VALIDITY.search(fold(text)) and not _KNOWN_FOR.search(fold(text)) and phrases.programs_named(text) <= {"passport_"}
            and phrases.other_service_named(text) is None):
        # "Respected sir, how much time to make passport for new citizen first time?": how long a first
        # passport takes (not how long one is valid, nor how long a guarantor or reference must have known one)
        forced = "passport_processing_times"
    if forced is None and top.startswith("passport_") and top not in WHERE_TO_SEND_KEEPS and (
            phrases.asks_mail_or_mission(text) or (phrases.asks_where_to_send(text) and top not in SENT_WITH_ITS_FORM)) and not (
            phrases.asks_price(text) or phrases.asks_for_person(text)):
        # "je veux renouveller mon passport avant mon voyage a cuba, j'envoie ça où?" (read as the time
        # for the trip), "do i mail my renewal back to canada or go to the consulate?" (read as
        # renewing): where to send it (by mail, or from abroad), whatever is told before; a first
        # application's or a renewal's own answers say where their form goes
        forced = "passport_where_apply"
    if forced is None and top == "out_of_scope" and ranking[0]["confidence"] < UNSURE_HOW_EARLY and phrases.asks_how_early(text) and (
            phrases.renewal_named(text) and phrases.programs_named(text) <= {"passport_"} and phrases.other_service_named(text) is None):
        forced = "passport_renew"  # "how early am i allowed to renew? mine runs out in like 8 months", read unsurely off topic
    if forced is None and top.startswith("passport_") and top != "passport_where_apply" and ranking[0]["confidence"] < UNSURE_NEAREST and (
            phrases.asks_nearest_office(text) and not phrases.asks_price(text) and not phrases.says_lost(text)
            and phrases.other_service_named(text) is None):
        forced = "passport_where_apply"  # "closest place to get a passport from red deer? flying out in 2 wks", read unsurely as a loss
    if forced is None and top == "passport_renewal_eligibility" and phrases.online_renewal_asked(text):
        forced = "passport_renew"  # "can i do the renewal online now or is that not a thing yet": its conditions
    if forced is None and top.startswith("passport_") and top not in RENEWAL_KEEPS and not (
            top in PRICE_KEEPS and phrases.asks_price(text)):
        # (the total asked of a renewal and a child's passport, read as the fee: that fee, not
        # whether a child's passport renews: "renewing 5 year for me and a child passport for my
        # son, whats the total cost")
        forced = phrases.asks_whether_renewable(text)
        if forced == "passport_renewal_eligibility" and phrases.guarantor_for_a_renewal(text) and not phrases.renewal_ruled_out(text):
            # "Will I need a guarantor again as I did in 2016?" while renewing: a renewal's guarantor
            # (none), which its answer gives with the conditions, when nothing told rules it out
            forced = "passport_renew"
    if forced is None and top.startswith("passport_") and (top not in NEXT_DAY_KEEPS or top == "passport_urgent") and (
            phrases.asks_next_day(text) and not phrases.asks_price(text)):
        forced = "passport_urgent"  # "do they do same day pickup there?", "can i pay extra to get it like next day"
    if forced is None and top in RENEWING and ranking[0]["confidence"] < 1.0 and (
            phrases.new_one_if_not_renewable(text) and not phrases.names_a_child(text)):
        forced = "passport_apply_adult"  # "ok so if i cant renew what do i need for a new one then": a new application
    if forced is None and top == "passport_apply_adult" and phrases.renews_own_passport(text):
        forced = "passport_renew"  # "mon passeport expire en août, je peux-tu juste l'envoyer par la poste?"
    if forced is None and (top in {"passport_apply_adult", "passport_renew"} or (
            top == "passport_photo" and not phrases.asks_a_signature(text))) and phrases.guarantor_for_a_renewal(text):
        # "faut tu un répondant pour un renouvellement ou ben c juste pour la premiere fois", "do i
        # need a guarantor to renew or just the photos" (whether the guarantor signs the photo is the photo's)
        forced = "passport_renew"
    if forced is None and (top.startswith("passport_") or top == "sin_apply") and phrases.name_change_with_renewal(text):
        forced = "passport_apply_adult"  # "took my husbands last name, can I still use the renewal form?": a new application
    if forced is None and (top in ADULT_PASSPORT_TOPICS or (top == "passport_child" and len(ranking) > 1 and (
            ranking[1]["name"] in ADULT_PASSPORT_TOPICS) and ranking[0]["confidence"] - ranking[1]["confidence"] < CLOSE_CALL)) and (
            phrases.for_a_child_only(text)):
        # (unsure between the child's and an adult's: "pour le passeport de mon fils de 12 ans, ça
        # prend tu un répondant pareil comme pour les adultes?")
        forced = "passport_child"  # "can my 12 yo get a 10 year passport": children get the child passport
    if forced is None and phrases.asks_status(text) and (top.startswith("passport_") or (
            # read off topic, the status second: only the file's state or a notice when it is ready
            top == "out_of_scope" and len(ranking) > 1 and ranking[1]["name"] == "passport_status"
            and phrases.asks_file_status(text)) or (
            # ... or the passport named with it: "y a tu un numero de suivi pour mon passeport comme pour un colis amazon?"
            top == "out_of_scope" and phrases.programs_named(text) == {"passport_"} and phrases.other_service_named(text) is None) or (
            # ... or an application made at a mission abroad, read off topic unsurely: "jai fait ma
            # demande a l'ambassade a dakar, comment je suis mon dossier"
            top in {"out_of_scope", "nlu_fallback"} and ranking[0]["confidence"] < UNSURE_STATUS_ELSEWHERE
            and phrases.applied_at_a_mission(text) and not phrases.programs_named(text) - {"passport_"}
            and phrases.other_service_named(text) is None)):
        forced = "passport_status"  # "vérifier l'état de la demande de passeport de mon fils de 8 ans en ligne"
    if forced is None and top.startswith("passport_") and (
            ranking[0]["confidence"] < (UNSURE_OVERDUE if phrases.trip_within_two_weeks(text) else 1.0)
            and phrases.passport_overdue(text) and not phrases.says_lost(text)):
        # "mon passeport devait arriver la semaine passée pis je pars le 12 juin": read unsurely,
        # late; with no trip this soon told, late whatever the reading ("mon passeport devait
        # arriver la semaine passée, il est pas dans ma boite aux lettres" is no urgent service); read
        # as its status too unsurely to answer, surely ("mon passeport devait arriver la semaine
        # passée et toujours rien dans ma boîte aux lettres, je suis vraiment inquiète")
        forced = "passport_status"
    if forced is None and (top == "out_of_scope" or top.startswith("ei_") or phrases.names_caregiver_benefits(text)) and (
            phrases.stops_work_to_give_care(text)):
        forced = "ei_apply"  # caregiving benefits (ei_apply.caregiving): "je dois arrêter de travailler pour m'occuper de lui"
    if forced is None and not top.startswith("student_loan_") and phrases.asks_what_nslsc_is(text):
        forced = "student_loan_repayment"  # "CNSPE c quoi, j'ai reçu une lettre d'eux pis je comprends rien"
    if forced is None and ((top in {"ccb_apply", "ccb_payment_dates"} and phrases.asks_next_payment(text)) or (
            top.startswith("ccb_") and phrases.payment_not_arrived(text)) or (
            # the benefit named, read unsurely as a child's passport: "Ma fille a pas reçu son Allocation
            # canadienne pour enfants ce mois-ci. Qu'est-ce qu'elle doit faire?"
            ranking[0]["confidence"] < 1.0 and any(str(r["name"]).startswith("ccb_") for r in ranking[:2])
            and phrases.programs_named(text) == {"ccb_"} and phrases.payment_not_arrived(text))):
        # "c quand la prochaine paye d'allocation familiale du fédéral", "its the 22nd and my child
        # tax benefit still isnt in my account"
        forced = "ccb_payment_dates"
    if forced is None and top in {"out_of_scope", "complaint"} and phrases.programs_named(text) == {"ccb_"} and (
            phrases.payment_not_arrived(text) and not phrases.names_another_program(text) and not phrases.asks_for_person(text)):
        # "no ccb since we moved from quebec to ontario in feb": the missing payment; so is "havent
        # gotten my ccb for 2 months now whats going on this is ridiculous", angry, no person asked
        forced = "ccb_payment_dates"
    if forced is None and (top.startswith("passport_") or top in {"out_of_scope", "complaint"}) and phrases.fee_taken_passport_awaited(text):
        # "ils ont encaissé mon paiement mais le passeport est pas arrivé, ça veut dire que c'est traité?"
        forced = "passport_status"
    if forced is None and (top == "ccb_payment_dates" or phrases.names_benefits(text)) and top != "ccb_apply" and (
            phrases.applies_at_birth_registration(text)) and not (phrases.programs_named(text) - {"ccb_"} or phrases.names_another_service(text)):
        # "j'ai pas coché la case pour l'allocation quand on a déclaré la naissance, je fais ça comment?"
        forced = "ccb_apply"
    if forced is None and (top.startswith("sin_") or (top == "out_of_scope" and ranking[0]["confidence"] < 1.0)) and phrases.child_needs_a_sin(text):
        forced = "sin_apply"  # "faut tu un NAS pour mon bébé? la banque en demande un pour ouvrir le REEE": the child's SIN
    if forced is None and top == "sin_protect" and phrases.asks_if_entitled_to_a_sin(text) and not (
            phrases.asks_who_may_ask_for_the_sin(text) or phrases.identity_used(text)):
        forced = "sin_apply"  # "j'ai-tu droit à un NAS?": getting one, not who may ask for it
    if forced is None and top.startswith("sin_") and phrases.asks_who_may_ask_for_the_sin(text):
        forced = "sin_protect"  # "can my new employer ask for my SIN before my first day": who may ask
    if forced is None and (top.startswith("passport_") or top == "out_of_scope") and top != "passport_urgent" and (
            phrases.asks_proof_of_travel(text) and phrases.other_service_named(text) is None
            and not phrases.programs_named(text) - {"passport_"}):
        # "what documents do i need to prove the travel": the urgent service's proof of travel (read off
        # topic too: "c'est quoi comme preuve de voyage, la lettre du club de volleyball ca marche?")
        forced = "passport_urgent"
    if forced is None and (top == "out_of_scope" or not top.startswith("passport_") or (
            top == "passport_apply_adult" and ranking[0]["confidence"] < UNSURE_GUARANTOR)) and (
            (phrases.asks_how_long_guarantor_known(text) or phrases.asks_who_may_be_guarantor(text))
            and phrases.other_service_named(text) is None):
        # "mon repondant doit il me connaitre depuis combien d'annees?", "c qui qui peut etre mon répondant?"
        # (or read as a first passport's, too unsurely to be answered: "who can be my guarentor??")
        forced = "passport_apply_adult"
    if forced is None and (top == "out_of_scope" or top.startswith("passport_")) and phrases.asks_passport_office_hours(text) and (
            phrases.other_service_named(text) is None and not phrases.programs_named(text) - {"passport_"}):
        # "is the passport office in ottawa open on saturday": where to apply (the office finder gives the hours)
        forced = "passport_where_apply"
    if forced is None and top == "out_of_scope" and (
            phrases.asks_where_to_go_for_a_passport(text) and not phrases.asks_price(text) and not phrases.names_passport_photos(text)
            and phrases.other_service_named(text) is None and not phrases.programs_named(text) - {"passport_"}):
        forced = "passport_where_apply"  # "à Winnipeg c'est où qu'on va pour faire le passeport?"
    if forced is None and top in {"passport_urgent", "passport_fees", "passport_fee_calculator"} and phrases.refuses_faster_service(text) and (
            not phrases.asks_price(text) and not phrases.says_lost(text)):
        forced = "passport_processing_times"  # "je vais tu l'avoir pour la fin mai? sans payer de frais urgent"
    if forced is None and top in {"passport_renewal_eligibility", "passport_apply_adult"} and phrases.photos_reused(text) and (
            phrases.renewal_named(text)):
        forced = "passport_photo"  # "for renewal do i need new pics or can they use the ones from last time"
    if forced is None and top in {"passport_renewal_eligibility", "request_human"} and phrases.asks_mail_or_in_person(text) and (
            phrases.renewal_named(text) and not phrases.asks_for_person(text)):
        # "jreste a rimouski, je peux tu renouveler par la poste ou faut que jaille en personne": the
        # ways to apply (by mail: what to send, and where), not whether one may renew
        forced = "passport_where_apply"
    if forced is None and top.startswith("passport_") and ranking[0]["confidence"] < UNSURE_WHERE and (
            phrases.asks_mail_or_in_person(text) and not phrases.asks_price(text) and not phrases.names_fast_service(text)
            and not phrases.asks_for_person(text)):
        # "can i just mail my passport application instead of going in? no car right now", read
        # unsurely (as where to apply, which the knowledge selector would move to the urgent service
        # after applying): by mail or in person, the ways to apply, surely
        forced = "passport_where_apply"
    if forced is None and top == "passport_child" and phrases.grown_kin_named(text) and not phrases.renewal_named(text) and (
            phrases.programs_named(text) <= {"passport_"} and not phrases.asks_price(text)):
        # "Ma petite-fille a 20 ans, elle veut un passeport pour son voyage en Europe cet été. Elle
        # doit remplir quel formulaire?": a grown grandchild's first passport is an adult's
        forced = "passport_apply_adult"
    if forced is None and (top == "passport_renewal_eligibility" or (
            top in {"passport_apply_adult", "passport_renew", "passport_where_apply", "nlu_fallback"} and ranking[0]["confidence"] < 1.0
            and not phrases.NOT_A_RENEWAL.search(fold(text)))) and phrases.asks_which_renewal_form(text):
        # "which form is it for adult simplified renewal": the renewal's form, not the check (and
        # surely, read unsurely: "which form do i use to renew my passport if im living in canada")
        forced = "passport_renew"
    if forced is None and top in RENEWING and phrases.asks_first_passport_form(text) and (
            phrases.NOT_A_RENEWAL.search(fold(text))):
        forced = "passport_apply_adult"  # "c quoi le formulaire pour un premier passeport adulte, pas un renouvellement"
    if forced is None and (top == "out_of_scope" or (top == "complaint" and ranking[0]["confidence"] < UNSURE_PERSON and not (
            phrases.COMPLAINS.search(fold(text)) or phrases.asks_for_person(text)))) and phrases.names_passport_office(text) and (
            phrases.other_service_named(text) is None and not phrases.programs_named(text) - {"passport_"}):
        # "y a-tu un bureau des passeports à Gatineau ou faut que j'traverse à Ottawa": where to apply
        # (also read as a complaint too unsurely, with no word of one: "faut tu prendre rendez vous
        # au bureau des passeports du complexe guy-favreau")
        forced = "passport_where_apply"
    if forced is None and top in {"out_of_scope", "passport_photo"} and (ranking[0]["confidence"] < UNSURE_PHOTOS or (
            # "where can i get passport photos in ottawa, does costco do them?", however surely off topic
            phrases.asks_where_photos_are_taken(text) and phrases.asks_where(text))) and (
            phrases.names_passport_photos(text) or (
                # "est ce que je peux prendre ma photo moi même avec mon cell pis l'imprimer", the photos second
                phrases.takes_own_photo(text) and "passport_photo" in [r["name"] for r in ranking[:2]])) and (
            phrases.other_service_named(text) is None and not phrases.programs_named(text) - {"passport_"}
            and not phrases.asks_price(text)):
        # "does costco do passport photos that are ok for canada": the store is where they are
        # taken ("how much is a passport photo at walmart" is the store's price, not ours); read as
        # the photos too unsurely to answer, surely ("does costco or shoppers do passport pics")
        forced = "passport_photo"
    if forced is None and top == "passport_where_apply" and ranking[0]["confidence"] < UNSURE_PHOTOS_PLACE and len(ranking) > 1 and (
            ranking[1]["name"] == "passport_photo" and phrases.asks_where_photos_are_taken(text)
            and phrases.other_service_named(text) is None and not phrases.asks_price(text)):
        # "where can i get passport pics done in winnipeg, does costco do them", read unsurely as
        # where to apply: where the photos are taken (passport_photo.where)
        forced = "passport_photo"
    if forced is None and ranking[0]["confidence"] < UNSURE_PROOF and (
            {r["name"] for r in ranking[:2]} in ({"passport_apply_adult", "out_of_scope"}, {"passport_apply_adult", "passport_child"})
            and phrases.asks_proof_of_citizenship(text) and not phrases.names_a_child(text)
            and not phrases.programs_named(text) - {"passport_"}):
        # "quel document pour prouver ma citoyennete si j'ai perdu mon certificat de naissance du
        # quebec", torn between a first passport and off topic (or "né au qc, acte de naissance pour 1er
        # passeport?", and a child's, no child named): the application's proof of citizenship
        forced = "passport_apply_adult"
    if forced is None and top in {"out_of_scope", "passport_apply_adult", "ei_eligibility", "ei_apply"} and (
            ranking[0]["confidence"] < UNSURE_FIRST_NEED and phrases.needs_first_to_work(text)
            and phrases.programs_named(text) <= {"sin_"} and phrases.other_service_named(text) is None):
        # "hello i have 19 years old, come from ukraine, i want work in grocery store. what i need
        # first", "qu'est ce que je dois avoir en premier pour que l'employeur puisse me payer?": the
        # SIN, which an employer needs to pay anyone
        forced = "sin_apply"
    if forced is None and top == "sin_protect" and ranking[0]["confidence"] < UNSURE_CHILD_SIN and phrases.sin_for_a_child(text):
        forced = "sin_apply"  # "nas pour mon bebe c tu utile": getting one for the child, not protecting it
    if forced is None and top in {"sin_protect", "sin_apply"} and ranking[0]["confidence"] < UNSURE_NEWCOMER_SIN and (
            phrases.sin_for_a_newcomer(text)):
        # "new in canada need sin number": getting a first one, not a new one for a SIN at risk (and
        # surely, or the knowledge selector moves an unsure reading to the new SIN's entry)
        forced = "sin_apply"
    if forced is None and (top == "out_of_scope" or top.startswith("passport_")) and ranking[0]["confidence"] < UNSURE_LOST and (
            phrases.programs_named(text) == {"passport_"} and phrases.says_own_passport_lost(text) and not phrases.says_not_lost(text)
            and not phrases.application_feared_lost(text) and not phrases.passport_overdue(text)
            and phrases.other_service_named(text) is None):
        # "Madame, Monsieur, je crois avoir égaré mon passeport lors de mon déménagement. Comment
        # dois-je procéder pour le signaler?", read with no topic near sure: the passport is lost
        # (not a form not found, nor a passport overdue: "... c normal ou ils l'ont perdu")
        forced = "passport_lost_stolen"
    if forced is None and top in {"passport_renew", "passport_renewal_eligibility", "passport_fees"} and ranking[0]["confidence"] < 1.0 and (
            phrases.asks_for_speed(text) and phrases.mentions_a_trip(text)
            and not phrases.asks_price(text) and phrases.programs_named(text) <= {"passport_"}):
        # "mon passeport expire dans 3 semaines et je pars à Paris le 15, je peux tu le renouveler
        # assez vite": fast enough for the trip, the urgent and express services
        forced = "passport_urgent"
    if forced is None and top == "sin_apply" and phrases.sin_asked_as_bait(text):
        forced = "sin_protect"  # "un site de concours me demande mon NAS pour réclamer mon prix": bait, not an application
    if forced is None and top == "out_of_scope" and phrases.lost_sin_paper(text) and phrases.programs_named(text) == {"sin_"} and (
            phrases.other_service_named(text) is None):
        # "quelquun a vole mon portefeuille avec ma carte nas dedans hier au metro berri", read off
        # topic (a wallet stolen): the SIN card in it, what to do (sin_protect.lost_card)
        forced = "sin_protect"
    if forced is None and top in {"sin_apply", "passport_lost_stolen"} and phrases.lost_sin_paper(text) and (
            "passport_" not in phrases.programs_named(text)):
        # a lost or stolen SIN card or letter: what to do (sin_protect.lost_card); "jai perdu ma carte
        # d'assurance sociale dans un demenagement" is no passport lost
        forced = "sin_protect"
    if forced is None and program_of(top) == "passport_" and phrases.names_rap(text) and "passport_" not in phrases.programs_named(text) and (
            phrases.other_service_named(text) is None):
        forced = "student_loan_rap"  # "comment je renouvelle mon PAR, ça fait déjà 6 mois": the plan's renewal, no passport
    if forced is None and top == "student_loan_repayment" and ranking[0]["confidence"] < UNSURE_LOAN_JOB_LOST and len(ranking) > 1 and (
            ranking[1]["name"] == "student_loan_rap" and phrases.says_job_lost(text) and phrases.asks_what_one_can_do(text)
            and phrases.programs_named(text) <= {"student_loan_"}
            and phrases.other_service_named(text) is None):
        # "j'ai encore un vieux prêt canadien que je rembourse. Si je perds mon emploi, je peux faire
        # quoi?", unsure between repaying and the plan: payments one cannot make without a job, the plan
        forced = "student_loan_rap"
    if forced is None and top.startswith("ei_") and ranking[0]["confidence"] < 1.0 and phrases.names_rap(text) and (
            phrases.other_service_named(text) is None):
        forced = "student_loan_rap"  # "been on ei since april, can i get rap with ei as my only income": the plan, EI the income
    if forced is None and ((top == "out_of_scope" and ranking[0]["confidence"] < UNSURE_ROE) or (
            # (or read as the SIN's, none named: "mon boss dit qu'il a envoyé mon RE électroniquement, faut-tu que je l'envoie moi aussi?")
            top.startswith("sin_") and ranking[0]["confidence"] < 1.0 and "sin_" not in phrases.programs_named(text))) and (
            phrases.names_own_roe(text) and phrases.other_service_named(text) is None and not phrases.programs_named(text) - {"ei_"}):
        # "mon releve d'emploi a une erreur dans les heures, ils ont mis 380 au lieu de 720, comment le
        # faire corriger": the worker's own record of employment, EI's (ei_apply.roe)
        forced = "ei_apply"
    if forced is None and (top == "passport_lost_stolen" or (top in {"passport_apply_adult", "passport_renew"} and ranking[0]["confidence"] < 1.0)) and (
            phrases.application_feared_lost(text)):
        # "mailed my renewal in january, never heard a thing back. is it lost??"; "ils ont-tu perdu mon
        # dossier?? j'ai jamais eu de nouvelles depuis janvier pis j'ai envoyé mon certificat de naissance
        # original" (read as the first application, whose proof the sent certificate names)
        forced = "passport_status"
    if forced is None and top in PRICE_KEEPS and phrases.wants_it_sooner(text) and not phrases.asks_price(text):
        forced = "passport_urgent"  # "peut on avoir un passeport en 2 jours si on paye plus": the faster services
    if forced is None and top.startswith("passport_") and phrases.passport_withheld(text):
        forced = "passport_lost_stolen"  # "mon ex a gardé mon passeport chez lui et veut pas me le rendre, je peux en demander un autre"
    if forced is None and top in {"passport_processing_times", "passport_apply_adult"} and phrases.asks_to_be_notified(text):
        forced = "passport_status"  # "est ce que je vais recevoir un courriel quand mon passeport va etre pret?"
    if forced is None and top in {"passport_renew", "passport_apply_adult"} and ranking[0]["confidence"] < UNSURE_WAITED and (
            "passport_status" in [r["name"] for r in ranking[:3]] and phrases.waited_past_the_standard(text)):
        # "i mailed my renewal 10 weeks ago it should be here by now right? what do i do", read
        # unsurely as the renewal: where the application is, as when read as the time
        forced = "passport_status"
    if forced is None and top in {"passport_processing_times", "passport_status"} and phrases.waited_past_the_standard(text):
        # "ça fait 25 jours ouvrables que ma demande a été reçue, c normal?" (or read as its status
        # too unsurely to answer: "ca fait 6 semaines que j'ai envoyé ma demande par la poste pis rien")
        forced = "passport_status"
    if forced is None and top == "passport_apply_adult" and ranking[0]["confidence"] < UNSURE_FOR_THEM and phrases.passports_for_children(text) and (
            phrases.programs_named(text) <= {"passport_"} and phrases.other_service_named(text) is None):
        # "I've been raising my 2 grandkids since 2021 ... They need passports for a family wedding in
        # Jamaica. Am I allowed to apply for them?", read unsurely as a first adult passport: theirs
        forced = "passport_child"
    if forced is None and phrases.asks_status(text) and top in {"ccb_apply", "ccb_payment_dates", "nlu_fallback"} and (
            ranking[0]["confidence"] < UNSURE_STATUS_ELSEWHERE) and (
            "passport_status" in [r["name"] for r in ranking[:3]] and not phrases.programs_named(text)
            and phrases.other_service_named(text) is None):
        # "J'ai fait la demande pour mes deux enfants en même temps que la mienne ... J'ai reçu le mien
        # mais pas les leurs. Comment vérifier l'état de leurs demandes?" (no program named, read
        # unsurely as the CCB's): the status of a passport application, the likelier of ours
        forced = "passport_status"
    if forced is None and (top.startswith("passport_") or (top == "nlu_fallback" and len(ranking) > 1 and str(ranking[1]["name"]).startswith("passport_"))) and (
            phrases.asks_which_way_is_faster(text) and not phrases.asks_price(text) and not phrases.names_fast_service(text)
            and phrases.programs_named(text) <= {"passport_"}):
        # "is it quicker in person or by mail": the two ways compared (passport_apply_adult.in_person_vs_mail)
        forced = "passport_apply_adult"
    if forced is None and (top in {"passport_where_apply", "passport_child"} and ranking[0]["confidence"] < 1.0) and (
            phrases.born_abroad_asks_their_passport(text) and not phrases.asks_where(text) and not phrases.asks_price(text)):
        # "we live in munich, baby born here in may, both of us are canadian. how do we get her a
        # canadian passport" (read as applying from the United States, or as the child's too unsurely:
        # "notre bébé est né à bruxelles en janvier ... comment lui faire un passeport canadien"): the child's passport
        forced = "passport_child"
    if forced is None and top == "passport_where_apply" and phrases.asks_to_renew_from_abroad(text) and not (
            phrases.asks_price(text) or phrases.asks_where_to_send(text) or phrases.asks_mail_or_mission(text)):
        # "salam, i am canadian working in abu dhabi on contract. can i renew my passport from here the
        # simple way?": renewing from abroad (its answer says through which office)
        forced = "passport_renew"
    if forced is None and top == "out_of_scope" and len(ranking) > 1 and ranking[1]["name"] == "passport_apply_adult" and (
            ranking[1]["confidence"] >= LIKELY_ID_FOR_PASSPORT and phrases.asks_which_id_will_do(text)
            and not phrases.programs_named(text) and not phrases.names_another_program(text)):
        # "pour la pièce d'identité c'est bon la carte d'assurance maladie ou il faut absolument le
        # permis de conduire?" (read off topic, a first passport second): the passport's ID
        forced = "passport_apply_adult"
    if forced is None and not top.startswith("passport_") and ranking[0]["confidence"] < UNSURE_STATUS_ELSEWHERE and (
            phrases.application_feared_lost(text) and phrases.sent_by_mail(text) and not phrases.programs_named(text)
            and phrases.other_service_named(text) is None and "passport_status" in [r["name"] for r in ranking[:3]]):
        # "applied by mail 7 weeks ago and nothing, is it lost??" (no program named, read unsurely as
        # EI's, which is applied for online): a mailed passport application's status
        forced = "passport_status"
    # (whatever the top and however unsure: "taking my daughter (heart condition) to a specialist in cleveland in
    # march without her dad. do i need some consent letter" is read too unsurely as a child's passport)
    if forced is None and (top != "passport_child" or ranking[0]["confidence"] < 1.0) and (
            phrases.asks_consent_letter_for_a_trip(text) and phrases.programs_named(text) <= {"passport_"}
            and phrases.other_service_named(text) is None):
        # "taking my 2 kids to mexico by myself for spring break, my husband isnt coming. do i need
        # some kind of letter from him": the consent letter recommended for a child's trip
        forced = "passport_child"
    if forced is None and top == "out_of_scope" and phrases.asks_number_to_work(text) and (
            phrases.programs_named(text) <= {"sin_"} and phrases.other_service_named(text) is None):
        forced = "sin_apply"  # "comment je fais pour le numéro pour travailler?": the SIN, by what it is for
    if forced is None and top.startswith("passport_") and top not in TIME_KEEPS - {"passport_processing_times"} | {
            "passport_status", "passport_fees", "passport_fee_calculator"} and phrases.in_a_hurry(text) and not (
            phrases.asks_price(text) or phrases.says_lost(text)):
        forced = "passport_urgent"  # "et si c'est vraiment pressé?" after how long it takes: the faster services
    if forced is None and not top.startswith("passport_") and top not in {"request_human", "complaint"} and (
            ranking[0]["confidence"] < UNSURE_IN_TIME and phrases.asks_if_in_time(text) and phrases.mentions_a_trip(text)
            and phrases.sent_by_mail(text) and not phrases.programs_named(text) and phrases.other_service_named(text) is None
            and not phrases.asks_price(text) and not phrases.says_lost(text)):
        # "je demenage a vancouver ... pour un nouvel emploi, pis on part au mexique en decembre. si je fais
        # ma demande maintenant par la poste je vais l'avoir a temps?" (read unsurely as EI for the new
        # job): an application mailed for a trip is a passport's, and whether it comes in time
        forced = "passport_urgent" if phrases.trip_within_two_weeks(text) else "passport_processing_times"
    if forced is None and top.startswith("passport_") and (top not in TIME_KEEPS | {"passport_status"} or (
            # "leaving in 6 days ... can i still get my passport in time", read unsurely as the times
            top == "passport_processing_times" and phrases.trip_within_two_weeks(text))) and (
            ranking[0]["confidence"] < UNSURE_IN_TIME and phrases.asks_if_in_time(text) and phrases.mentions_a_trip(text)
            and not phrases.asks_where_to_send(text)
            and not phrases.asks_price(text) and not phrases.says_lost(text) and phrases.programs_named(text) <= {"passport_"}):
        # "j'ai un vol pour un contrat à Montpellier le 12, on est le 3, j'peux-tu avoir mon passeport à
        # temps?", read unsurely as the fees: whether it comes in time for the trip (the faster services
        # when the trip is within two weeks); not where it is sent ("je travaille de nuit ... avant mon
        # voyage d'avril. je peux-tu juste l'envoyer par la poste? pis a quelle adresse?")
        forced = "passport_urgent" if phrases.trip_within_two_weeks(text) else "passport_processing_times"
    if forced is None and (top.startswith("sin_") or top in {"out_of_scope", "nlu_fallback", "request_human"}) and (
            phrases.sin_said_suspended(text) and phrases.other_service_named(text) is None):
        forced = "sin_protect"  # "got a call saying my SIN is suspended because of crimes in texas... is this real???": a scam
    if forced is None and top == "passport_renewal_eligibility" and ranking[0]["confidence"] < 1.0 and (
            phrases.guarantor_for_a_renewal(text) and not phrases.renewal_ruled_out(text)):
        forced = "passport_renew"  # "for the renewal est-ce que j'ai encore besoin d'un garant ou c'est fini ca": a renewal's guarantor (none)
    if forced is None and top == "ccb_payment_dates" and phrases.taxes_not_filed(text) and not phrases.payment_not_arrived(text):
        forced = "ccb_apply"  # "j'ai pas fait mes impôts 2024 ni 2025, est-ce que ça bloque mon allocation": filing keeps it
    if forced is None and top == "choose_language" and "?" in text and len(text.split()) > phrases.MAX_LANGUAGE_REQUEST_WORDS and (
            len(phrases.programs_named(text)) == 1 and not phrases.asks_for_language(text)):
        # "Mon mari parle mal le français et l'anglais. Puis-je faire sa demande d'assurance-emploi en
        # ligne à sa place?": the languages told, one program asked about (its likeliest topic)
        program = next(iter(phrases.programs_named(text)))
        forced = next((str(r["name"]) for r in ranking if str(r["name"]).startswith(program)), None)
    if not forced or forced not in labels:
        if top == "passport_child" and (not phrases.names_someone_else(text) or phrases.applicant_is_adult(text)
                                        or phrases.passport_for_the_writer(text) or (
                # the someone else is the guarantor proposed: "le garant pour le passeport peut tu etre mon beau frere"
                phrases.guarantor_proposed_for_oneself(text))):
            # 16 or older applies for an adult passport, and a message naming nobody but the writer
            # ("c'est qui qui peut être mon garant pour le passeport"), or saying the passport is the
            # writer's whatever baby is told ("renouvellement passeport pour moi, je suis en congé de
            # maternité avec un bébé"), is no child's: the child topic drops out (a doubt that remains is asked about)
            ranking = renormalised(ranking, lambda name: name != "passport_child") or ranking
        if phrases.names_a_spouse(text) and not (phrases.names_children(text) or phrases.names_a_child(text)):
            # "je souhaite renouveler le passeport de mon mari qui est hospitalisé. Doit-il signer
            # lui-même le formulaire?": a spouse's passport is an adult's; the child topic drops out,
            # also as a sibling the knowledge selector could move to (its signature entry), when an
            # adult's passport topic is then the likeliest (not off topic, which a doubt is asked about)
            adult = renormalised(ranking, lambda name: name != "passport_child")
            if adult and adult[0]["name"] in ADULT_PASSPORT_TOPICS:
                ranking = adult
        if top == "passport_renew" and phrases.renews_own_passport(text):
            # "mon passeport expire en août, je peux le renouveler par la poste ou en personne?":
            # the first passport's "by mail or in person" entry must not pull it to applying
            ranking = renormalised(ranking, lambda name: name != "passport_apply_adult") or ranking
        if phrases.says_not_lost(text):
            # "just expired, not lost or anything": the lost-passport topic drops out, also as a
            # sibling the knowledge selector could move to (bot/nlu/selector.py)
            ranking = renormalised(ranking, lambda name: name != "passport_lost_stolen") or ranking
        ranking = within_programs_named(text, ranking)
        # (unsure between the plan and repaying, the plan named: "si je suis accepté au programme
        # d'aide au remboursement, est-ce que les intérêts continuent de s'accumuler?")
        unsure_plan = bool(ranking) and ranking[0]["name"] == "student_loan_rap" and len(ranking) > 1 and (
            ranking[1]["name"] == "student_loan_repayment" and ranking[0]["confidence"] - ranking[1]["confidence"] < CLOSE_CALL)
        if ranking and ((ranking[0]["name"] == "student_loan_repayment" and (
                phrases.names_rap(text) or phrases.asks_income_threshold(text))) or (unsure_plan and phrases.names_rap(text))):
            forced = "student_loan_rap"  # "ma période PAR se termine, faut-tu que je fasse de quoi"
        if not forced and ranking and ranking[0]["name"] in {"out_of_scope", "student_loan_rap"} and phrases.names_rap(text) and (
                ranking[0]["name"] == "student_loan_rap" or ranking[0]["confidence"] < UNSURE_PLAN) and (
                "student_loan_rap" in [r["name"] for r in ranking[:2]] and phrases.other_service_named(text) is None
                and not phrases.programs_named(text) - {"student_loan_"} and not phrases.names_another_program(text)):
            # "est ce que le salaire de mon conjoint compte dans le calcul pour l'aide au remboursement":
            # the plan named, read off topic or too unsurely to answer
            forced = "student_loan_rap"
        if not forced or forced not in labels:
            return ranking
    # The rule decides: the other intents keep their order, not their weight (no ambiguity).
    others = [{"name": r["name"], "confidence": 0.0} for r in ranking if r["name"] != forced]
    return ([{"name": forced, "confidence": 1.0}] + others)[:RANKING_LENGTH]


def within_programs_named(text: str, ranking: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """A message that names one of our programs is not answered with another program's topic:
    "je peux tu recevoir l'ACE au lieu de la mère" is a CCB question whatever its words about
    parents suggest. The topics of programs it does not name drop out and the others' confidences
    are renormalised; a doubtful result goes to the fallback's clarifying question as usual."""
    named = phrases.programs_named(text) if ranking else frozenset()
    top = program_of(ranking[0]["name"]) if ranking else None
    if not named or top is None:
        return ranking

    def kept(name: str) -> bool:
        return program_of(name) in named or program_of(name) is None

    if top in named:
        # "Can she apply for her SIN herself" unsure between the SIN and a child's passport: the
        # program not named drops out, the others keep their weight (a doubt within the program
        # named stays a doubt)
        return [r for r in ranking if kept(r["name"])]
    return renormalised(ranking, kept) or ranking


def renormalised(ranking: List[Dict[str, Any]], keep: Callable[[str], bool]) -> List[Dict[str, Any]]:
    """The entries of `ranking` whose intent `keep` accepts, their confidences rescaled to sum
    to 1 (in the ranking's order); empty when none of them has any confidence."""
    kept = [r for r in ranking if keep(str(r.get("name") or ""))]
    total = sum(float(r.get("confidence") or 0) for r in kept)
    return [{"name": r["name"], "confidence": float(r.get("confidence") or 0) / total} for r in kept] if total > 0 else []


def ranking_weight(ranking: List[Dict[str, Any]], program: Optional[str]) -> float:
    """How likely `ranking` is of `program` (its topics' confidences added up)."""
    return sum(float(r.get("confidence") or 0) for r in ranking
               if program is not None and program_of(str(r.get("name") or "")) == program)


UNSURE_PERSON = 0.5
UNSURE_GUARANTOR = 0.5  # a first passport's reading this unsure, a guarantor asked of: its answer, surely
UNSURE_OWN_PASSPORT = 0.9  # a passport renewed or lost, told, read off topic less surely than this: its topic
UNSURE_FIRST_PASSPORT = 0.5  # a first passport told, read this unsurely: applying for it
UNSURE_FEE_SITUATION = 0.5  # another topic this unsure, a passport fee situation told and its price asked: the fee
UNSURE_WAITED = 0.8  # a renewal or a first passport read this unsurely, a wait past the standard told: its status
UNSURE_WHERE = 0.8  # another passport topic this unsure, where to apply asked from abroad: where
UNSURE_OVERDUE = 0.6  # another passport topic this unsure, one's passport told overdue with a trip soon: its status
UNSURE_DELAY = 0.5  # off topic this unsure, a passport's delay asked: how long it takes
UNSURE_EMERGENCY = 0.7  # a passport topic this unsure, a family emergency and a passport wanted fast: the urgent service
UNSURE_ROE = 0.8  # off topic this unsure, the writer's own record of employment named: EI's
UNSURE_MAILED_FROM_OUTSIDE = 0.7  # off topic this unsure, an application mailed from outside Canada asked: where and how to apply
UNSURE_PHOTOS = 0.9  # passport photos named, read off topic less surely than this: the photos' topic
UNSURE_PHOTOS_PLACE = 0.5  # ... read as where to apply less surely than this, the photos second and no application named: the photos'
UNSURE_FIRST_NEED = 0.9  # off topic, a first passport or EI this unsure, what is needed first to work asked: the SIN
UNSURE_CHILD_SIN = 0.6  # protecting a SIN read this unsurely, a SIN for a child asked with nothing of protecting it: getting one
UNSURE_NEWCOMER_SIN = 0.8  # ... for a newcomer or a foreign student told: getting one
UNSURE_LOST = 0.5  # no topic surer than this, one's passport told lost: the lost passport's topic
UNSURE_PROOF = 0.6  # a first passport or off topic this unsure, the proof of citizenship asked for: the first passport's
UNSURE_PLAN = 0.9  # the Repayment Assistance Plan named, read off topic less surely than this (and the plan next): the plan
UNSURE_LOAN_JOB_LOST = 0.7  # repaying a loan this unsure, the plan second and a job lost told: the plan
UNSURE_FOR_THEM = 0.5  # a first adult passport this unsure, passports for children named: the children's
LIKELY_ID_FOR_PASSPORT = 0.3  # a first passport this likely, second to off topic, an ID card asked about: the passport's ID
UNSURE_STATUS_ELSEWHERE = 0.5  # the CCB's topic this unsure, a status asked with no program named: a passport's
UNSURE_HOW_EARLY = 0.6  # off topic this unsure, how early one may renew asked: the renewal's
UNSURE_NEAREST = 0.5  # another passport topic this unsure, the nearest office asked: where to apply
UNSURE_OWN_FIRST = 0.5  # a child's passport this unsure, the writer's own first passport told: the adult's
UNSURE_MAIL_INSTEAD = 0.5  # the time this unsure, mailing instead of going asked: where to apply (by mail)
UNSURE_WHERE_ASKED = 0.6  # a passport topic (or off topic) this unsure, where asked from a town or of an office's access: where
UNSURE_SERVICE_FEE = 0.6  # the calculator (or a renewal) read this unsurely, a fast service named: the service's fee (or the service)
UNSURE_AGE_DISCOUNT = 0.9  # off topic or another passport topic this unsure, a seniors' discount asked: the fee
UNSURE_TRACKED = 0.9  # where to apply this unsure, an application's tracking asked: its status
_TRACK_APPLICATION = re.compile(r"\b(?:suivre|tracker|track|tracking|follow) (?:ma|la|mon|my|the|our|notre) (?:demande|application|dossier)\b")
UNSURE_STATUS_ABROAD = 0.8  # off topic this unsure, a passport's status second, asked of an application at a mission: the status
_STATUS_WORD = re.compile(r"\b(?:status|statut|l'etat|where it is at|ou (?:c'est|ca|elle est|il est) rendue?)\b")
_RIGHT_TO_EI_ASKED = re.compile(r"\b(?:droit (?:au|a l'|a) (?:chomage|ae|assurance)|eligible|admissible|qualify|qualifies)\b")
UNSURE_CALCULATE = 0.7  # off topic this unsure, the calculator second and a calculation asked: the calculator
_CALCULATE = re.compile(r"\b(?:calculat\w*|calcul\w*|compute|work out the (?:total|cost|fees?))\b")
UNSURE_FIRST_HOW_LONG = 0.8  # a first passport read this unsurely, how long asked (not how long it is valid): the time
_KNOWN_FOR = re.compile(r"\b(?:guarantors?|garants?|repondants?|references?|know me|known me|me conna\w*)\b")
_VALIDITY = re.compile(r"\b(?:valid\w*|valide?s?|validite|good for|expire\w*|last|lasts|dure)\b")
UNSURE_IN_TIME = 0.6  # another passport topic this unsure, whether it comes in time for a trip told: the time (or the faster services)
UNSURE_JOB_LOST = 0.9  # a job lost, told, read off topic less surely than this: EI's, when told alone
MAX_JOB_LOST_WORDS = 8  # ... in this many words ("mon chum a été mis à pied")
LEAST_EI_WEIGHT = 0.1  # ... or with EI's topics this likely together
# Two topics this near in the model's ranking are a doubt the fallback would ask about
CLOSE_CALL = 0.1
# Small talk a question of its own can be read as ("comment on dit merci en inuktitut": thanks)
SMALL_TALK_TOPS = {"thanks", "chitchat", "greet", "goodbye", "affirm", "deny", "help", "bot_challenge"}
# Passport intents about an adult's own passport: a child under 16 named alone makes it the child's.
ADULT_PASSPORT_TOPICS = {"passport_apply_adult", "passport_renew", "passport_renewal_eligibility"}
# Passport intents whose same-day or next-day question stays theirs: a lost passport (its answer
# gives the urgent replacement), the urgent service itself and the fee form.
NEXT_DAY_KEEPS = {"passport_urgent", "passport_lost_stolen", "passport_fee_calculator"}
# Passport intents whose where question, or whose time question, stays theirs
WHERE_KEEPS = {"passport_where_apply", "passport_urgent", "passport_lost_stolen"}
TIME_KEEPS = {"passport_processing_times", "passport_urgent", "passport_lost_stolen"}
# Topics whose own answers say where to send it (a child's, a lost one's, the urgent service in person)
WHERE_TO_SEND_KEEPS = {"passport_where_apply", "passport_child", "passport_lost_stolen", "passport_status", "passport_photo", "passport_urgent"}
# ... and those whose form is asked with where it goes ("c lequel le formulaire ... pis je l'envoie a
# quelle adresse"): their own reading stays, unless mailing it or going to a mission abroad is the choice
SENT_WITH_ITS_FORM = {"passport_apply_adult", "passport_renew"}
# Passport intents whose question with a trip within two weeks and a fast service named stays theirs
# (the urgent service itself is decided, so that a neighbouring entry does not take its place)
TRIP_KEEPS = {"passport_lost_stolen", "passport_fee_calculator", "passport_child"}
# Passport intents whose price question is still theirs: the fee form, and the fee intent itself.
PRICE_KEEPS = {"passport_fees", "passport_fee_calculator"}
RENEWING = {"passport_renew", "passport_renewal_eligibility"}
# Passport intents whose renewal question stays theirs: a lost passport (replacing it is its own
# answer), processing times and the fee form.
# the topics a form is part of: read as one of them, a form named by its number decides which
FORM_TOPICS = {"passport_apply_adult", "passport_renew", "passport_renewal_eligibility", "passport_child", "passport_lost_stolen"}
RENEWAL_KEEPS = {"passport_lost_stolen", "passport_processing_times", "passport_fee_calculator", "passport_urgent"}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> List[Type]:
        return [DenseFeaturizer]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": 30.0, "sparse_weight": 1.0, "max_iter": 3000}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["scipy"]

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        features: Optional[Features] = None,
        weights: Optional[np.ndarray] = None,
        bias: Optional[np.ndarray] = None,
        labels: Optional[List[str]] = None,
    ) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.features = features or Features(sparse_weight=float(config["sparse_weight"]))
        self.weights = weights
        self.bias = bias
        self.labels = labels or []
        self._columns: Optional[Tuple[np.ndarray, np.ndarray]] = None  # (weights, by_column(weights))

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        labels = [str(m.get(INTENT)) for m in examples]
        if len(set(labels)) < 2:
            logger.warning("LinearIntentClassifier: fewer than two intents, nothing to learn")
            return self._resource
        dense, counts = Features.raw(examples)
        self.features.fit(counts)
        fitted = softmax.fit(*self.features.parts(dense, counts), labels, C=float(self.config["C"]),
                             max_iter=int(self.config["max_iter"]))
        self.weights, self.bias, self.labels = fitted.weights, fitted.bias, fitted.classes
        self.persist()
        return self._resource

    def probabilities(self, messages: List[Message]) -> np.ndarray:
        assert self.weights is not None and self.bias is not None
        dense, counts = Features.raw(messages)
        if self._columns is None or self._columns[0] is not self.weights:
            self._columns = (self.weights, by_column(self.weights))
        scores = self.features.transform(dense, counts) @ self._columns[1] + self.bias
        scores = np.asarray(scores)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        result: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return result

    def process(self, messages: List[Message]) -> List[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if self.weights is None or not with_text:
            return messages
        for message, row in zip(with_text, self.probabilities(with_text)):
            order = np.argsort(-row)[:RANKING_LENGTH]
            ranking = [{"name": self.labels[i], "confidence": float(row[i])} for i in order]
            ranking = refine(str(message.get(TEXT)), ranking, self.labels)
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def persist(self) -> None:
        assert self.weights is not None and self.bias is not None and self.features.idf is not None
        save_arrays(self._model_storage, self._resource, MODEL_FILE, {
            "weights": self.weights, "bias": self.bias, "idf": self.features.idf,
            "labels": np.array(self.labels, dtype=str),
        })

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearIntentClassifier":
        stored = load_arrays(model_storage, resource, MODEL_FILE)
        if stored is None:
            logger.debug("LinearIntentClassifier: no trained model in %s", resource.name)
            return cls(config, model_storage, resource)
        return cls(
            config,
            model_storage,
            resource,
            features=Features(stored["idf"], float(config["sparse_weight"])),
            weights=stored["weights"],
            bias=stored["bias"],
            labels=[str(label) for label in stored["labels"]],
        )
