"""bot/language.py: `detect` (language + strength of the evidence) and `decide` (the
conversation language after a message, given the current one)."""

from __future__ import annotations

import pytest

from bot.language import LANGUAGES, Detection, decide, detect, requested_language

# --- explicit requests ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "en anglais svp",  # French words asking for English
        "in English please",
        "English",
        "Parlez-vous anglais?",
        "ANGLAIS",
    ],
)
def test_explicit_request_for_english(text):
    assert detect(text) == Detection("en", "explicit")


@pytest.mark.parametrize(
    "text",
    [
        "can you speak french",  # English words asking for French
        "français svp",
        "en francais",  # no cedilla
        "French please",
        "FRANÇAIS",
        "switch language to french",
        "can you change the language to French",
    ],
)
def test_explicit_request_for_french(text):
    assert detect(text) == Detection("fr", "explicit")


@pytest.mark.parametrize("text, language", [
    ("pas en anglais svp", "fr"),
    ("not in french please", "en"),
    ("no french please", "en"),  # turned away from: the other language
    ("can you stop answering in french", "en"),
    ("arrêtez de me répondre en anglais", "fr"),
    ("je veux pas le français", "en"),
    ("je comprends rien en anglais", "fr"),
    ("I don't understand a word of French", "en"),
    ("my french is rusty", "en"),
    ("mon anglais est poche", "fr"),
    # "why not in X?" asks for X
    ("pourquoi pas en français?", "fr"),
    ("why not in english", "en"),
    # who the citizen is, or what they prefer
    ("je suis unilingue francophone", "fr"),
    ("anglophone here", "en"),
    ("my first language is french", "fr"),
    ("je préfère l'anglais", "en"),
    ("can we switch back to english", "en"),
    # words of degree between the verb and the language
    ("je parle pas très bien anglais", "fr"),
    ("je parle pas bien anglais", "fr"),
    ("I dont really speak french", "en"),
    ("je ne comprends pas très bien l'anglais", "fr"),
    ("mon anglais est pas bien bon", "fr"),
    ("my french isnt that good", "en"),
    # the only language spoken
    ("I speak only french", "fr"),
    ("je parle juste anglais", "en"),
    # someone reading along who knows only that one
    ("my dad reads along with me and he only reads french, please switch", "fr"),
    ("ma grand-mère lit seulement l'anglais, vous pouvez changer?", "en"),
    # a complaint about the language used, and what is wanted instead
    ("you answered me in french but i need english", "en"),
    ("why did you reply in french", "en"),
    ("you're talking in french", "en"),
    ("vous m'avez répondu en anglais, je veux le français", "fr"),
    ("tu m'as répondu en anglais", "fr"),
    ("je veux le français svp", "fr"),
    ("change de langue, anglais", "en"),
    ("change de langue pour l'anglais", "en"),
    # what came in a language, and the other one wanted
    ("the last message came in french, english please i dont understand", "en"),
    ("your answer was all in english?? francais svp", "fr"),
    ("le message était en anglais, je comprends rien", "fr"),
    ("ta réponse est arrivée en anglais", "fr"),
])
def test_a_request_against_a_language_or_a_stated_preference(text, language):
    assert detect(text) == Detection(language, "explicit")


@pytest.mark.parametrize("current", ["fr", None])
def test_en_anglais_svp_switches_to_english(current):
    assert decide(current, "en anglais svp") == "en"


@pytest.mark.parametrize("current", ["en", None])
def test_can_you_speak_french_switches_to_french(current):
    assert decide(current, "can you speak french") == "fr"


# --- strong evidence --------------------------------------------------------------

FRENCH_SENTENCES = [
    "Combien coûte un passeport pour un enfant?",
    "Je voudrais renouveler mon passeport",
    "j'ai perdu mon passeport, qu'est-ce que je dois faire",
    "Comment faire une demande d'assurance-emploi?",
]
ENGLISH_SENTENCES = [
    "How much does a passport cost for my child?",
    "I lost my passport and I need help",
    "How do I apply for employment insurance?",
    "When will I get my child benefit payment?",
]


@pytest.mark.parametrize("text", FRENCH_SENTENCES)
def test_strong_french(text):
    assert detect(text) == Detection("fr", "strong")


@pytest.mark.parametrize("text", ENGLISH_SENTENCES)
def test_strong_english(text):
    assert detect(text) == Detection("en", "strong")


@pytest.mark.parametrize("text", FRENCH_SENTENCES)
def test_strong_french_switches_an_english_conversation(text):
    assert decide("en", text) == "fr"


@pytest.mark.parametrize("text", ENGLISH_SENTENCES)
def test_strong_english_switches_a_french_conversation(text):
    assert decide("fr", text) == "en"


@pytest.mark.parametrize("text", ["formulaire renouvlement passport", "cmb le passport pr mon gars",
                                  "remboursement de mon prêt"])
def test_french_written_around_an_english_word_leans_french(text):
    assert detect(text).language == "fr"


# --- weak evidence ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [("merci", "fr"), ("oui", "fr"), ("bonjour", "fr"), ("non", "fr"),
     ("yes", "en"), ("thanks", "en"), ("hello", "en"), ("no", "en")],
)
def test_single_words_are_weak(text, language):
    assert detect(text) == Detection(language, "weak")


@pytest.mark.parametrize("text", ["merci", "oui", "bonjour", "non"])
def test_weak_french_never_flips_english(text):
    assert decide("en", text) == "en"


@pytest.mark.parametrize("text", ["yes", "thanks", "hello", "no"])
def test_weak_english_never_flips_french(text):
    assert decide("fr", text) == "fr"


@pytest.mark.parametrize(
    "text, language",
    [("merci", "fr"), ("oui", "fr"), ("yes", "en"), ("thanks", "en"),
     # a month's or a program's name tells which language: "gst cheque date july?" is English
     ("gst cheque date july?", "en"), ("date du chèque tps juillet?", "fr")],
)
def test_weak_evidence_sets_the_language_when_none(text, language):
    assert decide(None, text) == language


def test_weak_evidence_replaces_an_unknown_current_value():
    # a slot value that is not a language counts as "no language yet"
    assert decide("de", "merci") == "fr"


# --- no evidence ------------------------------------------------------------------

NO_SIGNAL = ["ok", "OK", "10", "👍", "🙂🙂", "/affirm", "/deny", "/passport_fees", "", "   ", "?!"]


@pytest.mark.parametrize("text", NO_SIGNAL)
def test_no_evidence(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", NO_SIGNAL)
@pytest.mark.parametrize("current", ["en", "fr", None])
def test_no_evidence_keeps_the_current_language(text, current):
    assert decide(current, text) == current


def test_payload_mentioning_a_language_is_not_a_request():
    # button payloads such as "/choose_language" start with "/" and are ignored
    assert detect("/choose_language{\"language\": \"french\"}") is None


def test_detect_handles_none():
    assert detect(None) is None  # type: ignore[arg-type]


def test_languages_constant():
    assert LANGUAGES == ("en", "fr")


@pytest.mark.parametrize("text, language", [
    ("I don't speak french, english only plz", "en"),
    ("is there a french version of this?", "fr"),
    ("sorry my english not so good, francais possible?", "fr"),
    ("actually english please", "en"),
    ("je parle pas anglais", "fr"),
    ("mon anglais est pas bon", "fr"),
    ("does this work in French?", "fr"),
])
def test_requests_for_a_language_in_their_many_forms(text, language):
    assert detect(text) == Detection(language, "explicit")


@pytest.mark.parametrize("text", ["I'm French", "my french teacher needs a passport", "I want french fries",
                                  "i need french documents translated"])
def test_naming_a_language_is_not_asking_for_it(text):
    found = detect(text)
    assert found is None or found.strength != "explicit"


@pytest.mark.parametrize("text, language", [
    # asked to keep a language: a request, not a complaint about it
    ("can u keep answering in english even if i mix in some french words", "en"),
    ("could you please continue in french", "fr"),
    # the complaint: the other one
    ("you keep answering in french", "en"),
])
def test_asked_to_keep_a_language_is_a_request_for_it(text, language):
    assert requested_language(text) == language


@pytest.mark.parametrize("text", [
    "is the application form available in french too?",
    "est-ce que le formulaire est en anglais seulement?",
    "is the website in english",
    "le site est-tu en anglais seulement",
    # what the document is, said after another of its traits
    "mon certificat de naissance est de l'Ontario pis en anglais, c correct?",
    "my birth certificate is from quebec and only in french, is that ok",
])
def test_asking_which_language_a_form_or_site_comes_in_is_not_a_request(text):
    assert requested_language(text) is None
    assert (detect(text) or Detection("en", "weak")).strength != "explicit"


@pytest.mark.parametrize("text, language", [
    ("is this chat available in french?", "fr"),
    ("the form is in english, can you speak french?", "fr"),
    ("is there a french version?", "fr"),
])
def test_a_request_beside_a_form_is_still_a_request(text, language):
    assert requested_language(text) == language


@pytest.mark.parametrize("text, asked", [
    # the request, then only why after a comma
    ("sorry can we switch to english, its easier for me", True),
    ("est-ce qu'on pourrait continuer en français svp, c'est vraiment plus simple pour moi", True),
    # the request, then a question of ours after a comma: the question is answered
    ("english, i lost my passport and need help now", False),
    # another country's passport, then where the writer lives: not a request
    ("my kid needs a french passport, we live in ottawa", False),
    # the language named with only why, no comma
    ("ok mais en anglais ce serait plus facile pour moi", True),
    ("in french would be easier for me thanks", True),
])
def test_a_request_then_only_why_is_a_request(text, asked):
    from bot.nlu.phrases import asks_for_language

    assert asks_for_language(text) is asked


@pytest.mark.parametrize("text", [
    "quelles sont les bonnes écoles primaires francophones à Ottawa?",
    "y a tu des garderies anglophones à Gatineau",
    "francophone schools in moncton",
])
def test_a_french_or_english_speaking_thing_asks_for_no_language(text):
    found = detect(text)
    assert found is None or found.strength != "explicit"


def test_a_certificates_language_is_not_the_conversations():
    assert detect("mon certificat de naissance est en anglais, du Manitoba, c correct?").strength != "explicit"


@pytest.mark.parametrize("text, language", [
    ("oops sorry i wrote in french by habit, english is better for me actually", "en"),
    ("english is better for me", "en"),
    ("le français c'est plus facile pour moi", "fr"),
])
def test_a_language_said_better_is_asked_for_and_one_written_by_habit_is_not(text, language):
    found = detect(text)
    assert found is not None and found.strength == "explicit" and found.language == language


def test_an_unaccented_french_question_about_the_weather_is_french():
    found = detect("meteo demain a Quebec")
    assert found is not None and found.language == "fr"


@pytest.mark.parametrize("text", [
    "comment je change la langue de mon WhatsApp en français",
    "how do i set my iphone to english",
    "changer la langue de mon cellulaire en anglais",
])
def test_a_phones_or_an_apps_language_is_not_the_conversations(text):
    from bot.language import about_a_devices_language

    found = detect(text)
    assert found is None or found.strength != "explicit"
    assert about_a_devices_language(text)


@pytest.mark.parametrize("text, language", [
    ("can you answer me on whatsapp in french", "fr"),
    ("changer la langue en français svp", "fr"),
])
def test_a_language_asked_of_the_conversation_on_an_app_is_still_asked(text, language):
    from bot.language import about_a_devices_language

    assert detect(text) == Detection(language, "explicit")
    assert not about_a_devices_language(text)
