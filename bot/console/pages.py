"""Words of the server-rendered staff pages (analytics, NLU inbox) in English and French.

Staff tools are work instruments under the Official Languages Act: same pages, same
quality in both languages. The language comes from `?lang=` (the console passes its own),
else the browser's Accept-Language, else English.
"""

from __future__ import annotations

from typing import Any, Dict
from urllib.parse import urlencode

from aiohttp import web

from bot.texts import singular

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
        "table_category": "Category",
        "table_count": "Number",
        "table_day": "Day",
        "figures_of": "The numbers of the chart: {title}",
        "still_open": "Tickets still open (no outcome yet)",
        "legend": "Legend",
        "team_passport": "Passport",
        "team_programs": "Programs",
        "team_general": "General",
        "rating": "Satisfaction (1-5)",
        "ratings_count": "{average} ({count} ratings)",
        "stars": "{n} stars",
        "stars_one": "{n} star",
        "ratings_count_one": "{average} ({count} rating)",
        "reason_citizen_request": "Citizen asked for a person",
        "reason_complaint": "Complaint",
        "reason_repeated_fallback": "The assistant did not understand",
        "reason_urgent_travel": "Urgent travel",
        "outcome_answered": "Answered",
        "outcome_referred": "Referred elsewhere",
        "outcome_no_response": "No response from the citizen",
        "outcome_duplicate": "Duplicate",
        "outcome_other": "Other",
        "outcome_citizen_cancelled": "Cancelled by the citizen",
        "outcome_waiting": "Still waiting",
        "outcome_active": "Still with an officer",
        "outcome_cancelled": "Cancelled",
        "inbox_not_understood": "not understood",
        "inbox_low_confidence": "low confidence",
        "inbox_handoff": "before a handoff",
        "bot_said": "The assistant had said:",
        "inbox_error_bad_language": "Choose English or French for this message.",
        "inbox_error_bad_intent_name": "\u201c{intent}\u201d cannot be an intent name: use lowercase letters without accents, digits and _ (for example travel_visa), starting with a letter.",
        "inbox_error_unknown_intent": "\u201c{intent}\u201d is not one of the model\u2019s intents. To create it, write it in \u201cor new intent\u201d.",
        "inbox_error_empty_text": "This message is empty: nothing to label.",
        "inbox_rated_unhelpful": "help rated 1 or 2",
        "drafts_title": "Experts' answers proposed as knowledge",
        "drafts_empty": "No expert answer is waiting to become knowledge.",
        "draft_meta": "{area}, {language}: asked by an officer, answered by an expert",
        "draft_question": "Question",
        "draft_answer": "Answer",
        "draft_done": "Completed by {name}: ready to export.",
        "draft_todo": "To complete: intent, both languages (answer, 5 questions, title, Canada.ca page) and date.",
        "drafts_export": "Export completed drafts to content/knowledge",
        "drafts_link": "Experts' answers proposed as knowledge",
        "draft_intent": "Intent",
        "draft_checked": "Date the sources were checked",
        "draft_heading": "{language} version",
        "draft_questions": "Questions citizens ask (one a line, at least 5)",
        "draft_page_title": "Link text",
        "draft_source": "Canada.ca page",
        "draft_complete": "Save",
        "draft_saved": "Draft saved.",
        "drafts_exported": "Written to content/knowledge: {ids}. Run govbot check, then train.",
        "drafts_nothing": "No completed draft to export.",
        "all_channels": "All channels",
        "channel_webchat": "Web chat",
        "channel_telegram": "Telegram",
        "channel_rest": "REST API",
        "channel_socketio": "Rasa web widget",
        "channel_sms": "SMS",
        "channel_messenger": "Messenger",
        "channel_whatsapp": "WhatsApp",
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
        "messages": "Messages des personnes",
        "containment": "Autonomie (sans transfert)",
        "handoff_rate": "Taux de transfert",
        "fallback_rate": "Taux de messages non compris",
        "wait_p50": "Attente en file, médiane",
        "wait_p90": "Attente en file, 90e\u00a0centile",
        "response_p50": "Première réponse de l’équipe, médiane",
        "response_p90": "Première réponse de l’équipe, 90e\u00a0centile",
        "expert_p50": "Réponse d’un ou d’une spécialiste, médiane",
        "expert_p90": "Réponse d’un ou d’une spécialiste, 90e\u00a0centile",
        "consults_per_area": "Questions aux spécialistes par secteur",
        "table_category": "Catégorie",
        "table_count": "Nombre",
        "table_day": "Jour",
        "figures_of": "Les chiffres du graphique\u00a0: {title}",
        "still_open": "Demandes encore ouvertes (sans résultat pour l’instant)",
        "legend": "Légende",
        "team_passport": "Passeport",
        "team_programs": "Programmes",
        "team_general": "Général",
        "rating": "Satisfaction (1 à 5)",
        "ratings_count": "{average} ({count}\u00a0évaluations)",
        "stars": "{n}\u00a0étoiles",
        "stars_one": "{n}\u00a0étoile",
        "ratings_count_one": "{average} ({count}\u00a0évaluation)",
        "reason_citizen_request": "La personne a demandé à parler à quelqu’un",
        "reason_complaint": "Plainte",
        "reason_repeated_fallback": "L’assistant n’a pas compris",
        "reason_urgent_travel": "Voyage urgent",
        "outcome_answered": "Répondu",
        "outcome_referred": "Orienté ailleurs",
        "outcome_no_response": "Pas de réponse de la personne",
        "outcome_duplicate": "Doublon",
        "outcome_other": "Autre",
        "outcome_citizen_cancelled": "Annulée par la personne",
        "outcome_waiting": "Toujours en attente",
        "outcome_active": "En cours avec un agent ou une agente",
        "outcome_cancelled": "Annulée",
        "inbox_not_understood": "message non compris",
        "inbox_low_confidence": "confiance faible",
        "inbox_handoff": "avant un transfert",
        "bot_said": "L\u2019assistant avait dit\u00a0:",
        "inbox_error_bad_language": "Choisissez le français ou l\u2019anglais pour ce message.",
        "inbox_error_bad_intent_name": "«\u00a0{intent}\u00a0» ne peut pas être un nom d\u2019intention\u00a0: utilisez des lettres minuscules sans accents, des chiffres et _ (par exemple travel_visa), en commençant par une lettre.",
        "inbox_error_unknown_intent": "«\u00a0{intent}\u00a0» n\u2019est pas une intention du modèle. Pour la créer, écrivez-la dans «\u00a0ou nouvelle intention\u00a0».",
        "inbox_error_empty_text": "Ce message est vide\u00a0: rien à étiqueter.",
        "inbox_rated_unhelpful": "aide notée 1 ou 2",
        "drafts_title": "Réponses de spécialistes proposées comme connaissances",
        "drafts_empty": "Aucune réponse de spécialiste n’attend de devenir une connaissance.",
        "draft_meta": "{area}, {language}\u00a0: question d’un agent ou d’une agente, réponse d’un ou d’une spécialiste",
        "draft_question": "Question",
        "draft_answer": "Réponse",
        "draft_done": "Complétée par {name}\u00a0: prête à exporter.",
        "draft_todo": "À compléter\u00a0: intention, les deux langues (réponse, 5\u00a0questions, titre, page Canada.ca) et date.",
        "drafts_export": "Exporter les ébauches complétées vers content/knowledge",
        "drafts_link": "Réponses de spécialistes proposées comme connaissances",
        "draft_intent": "Intention",
        "draft_checked": "Date de vérification des sources",
        "draft_heading": "Version en {language}",
        "draft_questions": "Questions que posent les personnes (une par ligne, au moins 5)",
        "draft_page_title": "Texte du lien",
        "draft_source": "Page de Canada.ca",
        "draft_complete": "Enregistrer",
        "draft_saved": "Ébauche enregistrée.",
        "drafts_exported": "Écrit dans content/knowledge\u00a0: {ids}. Lancez govbot check, puis l’entraînement.",
        "drafts_nothing": "Aucune ébauche complétée à exporter.",
        "all_channels": "Tous les canaux",
        "channel_webchat": "Clavardage Web",
        "channel_telegram": "Telegram",
        "channel_rest": "API REST",
        "channel_socketio": "Widget Web Rasa",
        "channel_sms": "Texto",
        "channel_messenger": "Messenger",
        "channel_whatsapp": "WhatsApp",
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
        "inbox_title": "Boîte de réception de l’entraînement du modèle",
        "inbox_intro": "Messages de personnes sur lesquels le modèle avait un doute (déjà caviardés), "
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
        "inbox_empty": "Rien à revoir\u00a0: chaque message douteux est étiqueté.",
        "labelled": "Étiqueté\u00a0: {intent}.",
        "exported": "{count} exemple(s) ajouté(s) à {name}",
        "already_there": "déjà dans les données\u00a0: {text}",
        "conflict": "non écrit, conflit\u00a0: {conflict}",
        "nothing_labelled": "Rien n’a été étiqueté depuis la dernière exportation.",
    },
}


def say(page_language: str, key: str, /, **values: Any) -> str:
    """The text of `key`; with a `count` or `n` that takes the singular in this language
    (French: 0 and 1; bot/texts.py), its `<key>_one` form when there is one."""
    table = TEXTS[page_language if page_language in LANGUAGES else "en"]
    number = values.get("count", values.get("n"))
    if isinstance(number, int) and singular(number, page_language) and f"{key}_one" in table:
        key = f"{key}_one"
    text = table[key]
    return text.format(**values) if values else text


def code(page_language: str, prefix: str, value: str) -> str:
    """A stored code (a reason, an outcome, a team) in words; the code itself if unknown."""
    key = f"{prefix}_{value}"
    return say(page_language, key) if key in TEXTS["en"] else value


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
