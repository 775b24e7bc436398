"""Words of the server-rendered staff pages (analytics, NLU inbox) in English and French.

Staff tools are work instruments under the Official Languages Act: same pages, same
quality in both languages. The language comes from `?lang=` (the console passes its own),
else the browser's Accept-Language, else English.
"""

from __future__ import annotations

from typing import Any, Dict
from urllib.parse import urlencode

from aiohttp import web

LANGUAGES = ("en", "fr")

TEXTS: Dict[str, Dict[str, str]] = {
    "en": {
        "back": "Back to the console",
        "other_language": "Français",
        "analytics_title": "Service analytics",
        "not_available": "n/a",
        "no_data": "No data for this period.",
        "per_day_title": "Conversations (dark) and messages (light) per day",
        "conversations": "Conversations",
        "messages": "Citizen messages",
        "containment": "Containment (no officer needed)",
        "handoff_rate": "Handoff rate",
        "fallback_rate": "Fallback rate",
        "wait_p50": "Queue wait p50",
        "wait_p90": "Queue wait p90",
        "response_p50": "Officer first response p50",
        "response_p90": "Officer first response p90",
        "expert_p50": "Expert answer p50",
        "expert_p90": "Expert answer p90",
        "consults_per_area": "Questions to experts per area",
        "team_passport": "Passport",
        "team_programs": "Programs",
        "team_general": "General",
        "rating": "Satisfaction (1-5)",
        "ratings_count": "{average} ({count} ratings)",
        "stars": "{n} stars",
        "all_channels": "All channels",
        "webchat": "Web chat",
        "both_languages": "Both languages",
        "english": "English",
        "french": "French",
        "from": "From",
        "to": "To",
        "channel": "Channel",
        "language": "Language",
        "show": "Show",
        "csv": "Download CSV",
        "per_day": "Conversations and messages per day",
        "top_intents": "Top intents",
        "handoff_reasons": "Handoff reasons",
        "outcomes": "Resolution outcomes",
        "ratings": "Satisfaction ratings",
        "inbox_title": "NLU inbox",
        "inbox_intro": "Citizen messages the model was unsure about (already redacted), grouped by "
                       "their words. Label each with the intent it should have been; export writes the "
                       "labels into <code>data/nlu</code>, then run <code>govbot check &amp;&amp; govbot "
                       "train &amp;&amp; govbot eval</code>.",
        "inbox_meta": "{count} message(s), {language}, model said {said}, lowest confidence {lowest}; {reasons}",
        "wordings": "Wordings",
        "intent": "Intent",
        "new_intent": "or new intent",
        "new_intent_example": "e.g. travel_visa",
        "label": "Label",
        "export": "Export labels to data/nlu",
        "inbox_empty": "Nothing to review: every doubtful message is labelled.",
        "labelled": "Labelled as {intent}.",
        "exported": "{count} example(s) added to {name}",
        "already_there": "already in the data: {text}",
        "conflict": "not written, conflict: {conflict}",
        "nothing_labelled": "Nothing labelled since the last export.",
    },
    "fr": {
        "back": "Retour à la console",
        "other_language": "English",
        "analytics_title": "Statistiques du service",
        "not_available": "s.o.",
        "no_data": "Aucune donnée pour cette période.",
        "per_day_title": "Conversations (foncé) et messages (pâle) par jour",
        "conversations": "Conversations",
        "messages": "Messages des citoyens",
        "containment": "Autonomie (sans agent)",
        "handoff_rate": "Taux de transfert à un agent",
        "fallback_rate": "Taux de messages non compris",
        "wait_p50": "Attente en file, médiane",
        "wait_p90": "Attente en file, 90e centile",
        "response_p50": "Première réponse d’un agent, médiane",
        "response_p90": "Première réponse d’un agent, 90e centile",
        "expert_p50": "Réponse d’un expert, médiane",
        "expert_p90": "Réponse d’un expert, 90e centile",
        "consults_per_area": "Questions aux experts par secteur",
        "team_passport": "Passeport",
        "team_programs": "Programmes",
        "team_general": "Général",
        "rating": "Satisfaction (1 à 5)",
        "ratings_count": "{average} ({count} évaluations)",
        "stars": "{n} étoiles",
        "all_channels": "Tous les canaux",
        "webchat": "Clavardage Web",
        "both_languages": "Les deux langues",
        "english": "anglais",
        "french": "français",
        "from": "Du",
        "to": "Au",
        "channel": "Canal",
        "language": "Langue",
        "show": "Afficher",
        "csv": "Télécharger en CSV",
        "per_day": "Conversations et messages par jour",
        "top_intents": "Intentions les plus fréquentes",
        "handoff_reasons": "Motifs de transfert",
        "outcomes": "Résultats des demandes",
        "ratings": "Évaluations de satisfaction",
        "inbox_title": "Boîte de réception du modèle de langue",
        "inbox_intro": "Messages de citoyens sur lesquels le modèle avait un doute (déjà caviardés), "
                       "regroupés selon leurs mots. Associez chacun à l’intention qu’il aurait dû avoir; "
                       "l’exportation écrit les étiquettes dans <code>data/nlu</code>, puis lancez "
                       "<code>govbot check &amp;&amp; govbot train &amp;&amp; govbot eval</code>.",
        "inbox_meta": "{count} message(s), {language}, le modèle a compris {said}, confiance la plus "
                      "basse {lowest}; {reasons}",
        "wordings": "Formulations",
        "intent": "Intention",
        "new_intent": "ou nouvelle intention",
        "new_intent_example": "p. ex. travel_visa",
        "label": "Étiqueter",
        "export": "Exporter les étiquettes vers data/nlu",
        "inbox_empty": "Rien à revoir : chaque message douteux est étiqueté.",
        "labelled": "Étiqueté : {intent}.",
        "exported": "{count} exemple(s) ajouté(s) à {name}",
        "already_there": "déjà dans les données : {text}",
        "conflict": "non écrit, conflit : {conflict}",
        "nothing_labelled": "Rien n’a été étiqueté depuis la dernière exportation.",
    },
}


def say(page_language: str, key: str, /, **values: Any) -> str:
    text = TEXTS[page_language if page_language in LANGUAGES else "en"][key]
    return text.format(**values) if values else text


def other(language: str) -> str:
    return "en" if language == "fr" else "fr"


def decimal(value: float, digits: int, language: str) -> str:
    """1.5 -> '1.5' (en) or '1,5' (fr)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "fr" else text


def chosen_language(request: web.Request) -> str:
    asked = request.query.get("lang", "")
    if asked in LANGUAGES:
        return asked
    browser = request.headers.get("Accept-Language", "").strip().lower()
    return "fr" if browser.startswith("fr") else "en"


def other_language_link(request: web.Request, language: str, path: str = "") -> str:
    """This page (or `path`, for the answer to a form) in the other language, same filters."""
    query = {k: v for k, v in request.query.items() if k != "lang"}
    query["lang"] = other(language)
    return f"{path or request.path}?{urlencode(query)}"
