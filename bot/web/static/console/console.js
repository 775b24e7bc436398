/*
 * Officer console for the Government of Canada conversational assistant.
 *
 * Vanilla JavaScript, no build step, no framework, no external requests.
 * The contract is bot/console/api.py (routes and access rules: bot/console/routes.py):
 *
 *   GET  /console/api/me                 the officer, with the session's CSRF token, and the
 *                                        vocabulary (bot/vocabulary.py): teams, ticket states,
 *                                        outcomes, reasons, channels, roles... with their words
 *                                        in both languages. This script keeps no copy of them.
 *   GET  /console/api/queue              {waiting: [...], mine: [...], active?: [...]}
 *   GET  /console/api/officers           [{id, name, teams, languages, active_tickets, max_concurrent}]
 *   GET  /console/api/saved-replies      [{key, title: {en, fr}, en, fr}]
 *   GET  /console/api/tickets/{id}       {ticket, transcript, notes}
 *   POST /console/api/claim-next, tickets/{id}/claim|messages|notes|transfer|resolve|assign
 *   POST /console/logout                 (the staff header, bot/console/pages.py, is the server's)
 *   GET  /console/api/consults, consults/{id}; POST consults/{id}/answer|relay|propose,
 *        tickets/{id}/consults      ask an expert (bot/console/consults.py)
 *   WS   /console/ws                     {"type": "hello"|"queue"|"message"|"consult", "ticket_id"?: N}
 *                                        {"type": "citizen_typing", "ticket_id": N}: shown, not fetched
 *        console -> server              {"type": "typing", "ticket_id": N} while the officer types
 *                                        (at most one every TYPING_SIGNAL_MS; bot/handoff/typing.py)
 *
 * Every POST carries the X-CSRF-Token header. Errors are {"error": code, "message": text}.
 * Live events carry ids only: on each one the queue (and the open ticket) is fetched again.
 *
 * SECURITY: everything that comes from the server (citizen text above all) is inserted with
 * textContent / text nodes. innerHTML is never used.
 *
 * Needs ../common/gc.js (window.GC, the helpers shared with the web chat) loaded first.
 */
(function () {
  'use strict';

  var GC = window.GC;
  var isString = GC.isString;
  var make = GC.make;
  var button = GC.button;
  var clear = GC.clear;

  var API = '/console/api';
  var WS_PATH = '/console/ws';
  var LOGIN_PAGE = '/console/login';
  var LANG_KEY = 'govbot.console.lang';
  var SEEN_KEY = 'govbot.console.seen.';     // + officer id: {ticket id: last citizen line id seen}
  var ALERTS_KEY = 'govbot.console.alerts';  // "on" when the officer opted in, in this browser
  var URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/g;
  var BACKOFF_MS = [1000, 2000, 5000, 10000, 30000];
  var SERVICE_RESTART = 1012;  // close code: the gateway restarts (bot/gateway/shutdown.py)
  var CLOCK_MS = 15000;
  var STATUS_CLEAR_MS = 6000;
  var TYPING_SIGNAL_MS = 3000;   // at most one "the officer is typing" signal this often
  var CITIZEN_TYPING_MS = 6000;  // the web chat signals every 3 s while the citizen types
  var NBSP = '\u00a0';

  var STRINGS = {
    en: {
      documentTitle: 'Officer console - Government of Canada',
      appName: 'Officer console',
      skipLinks: 'Skip links',
      skipToQueue: 'Skip to the queue',
      skipToTicket: 'Skip to the conversation',
      otherLanguageName: 'Français',
      otherLanguageCode: 'fr',
      switchLanguage: 'Afficher la console en français',
      citizenTyping: 'The person is typing\u2026',
      signOut: 'Sign out',
      analytics: 'Analytics',
      nluInbox: 'NLU inbox',
      dismiss: 'Dismiss',
      waiting: 'Waiting',
      takeNext: 'Take next',
      noWaiting: 'No one is waiting.',
      mine: 'My conversations',
      noMine: 'You have no open conversation.',
      allActive: 'All active conversations',
      noActive: 'No active conversation.',
      count: '({n})',
      ticket: 'Ticket {id}',
      take: 'Take',
      open: 'Open',
      opened: 'Opened',
      assign: 'Assign',
      assignTo: 'Assign ticket {id} to',
      chooseOfficer: 'Choose an officer',
      officerLoad: '{name} ({count} of {max})',
      waitedFor: 'waiting {time}',
      lessThanMinute: 'less than 1 min',
      minutes: '{n} min',
      hours: '{h} h {m} min',
      position: 'number {n} in line',
      position_one: 'number {n} in line',
      withOfficer: 'with {name}',
      conversation: 'Conversation',
      ticketHeading: 'Ticket {id}: {reason}',
      noTicket: 'Take a ticket or open one of your conversations.',
      metaStatus: 'Status',
      metaReason: 'Reason',
      metaPriority: 'Priority',
      metaTeam: 'Team',
      metaLanguage: 'Language',
      metaChannel: 'Channel',
      metaOfficer: 'Officer',
      metaLastIntent: 'Last intent',
      metaOutcome: 'Outcome',
      metaRating: 'Rating',
      ratingValue: '{n} out of 5',
      chooseOutcome: 'Choose an outcome',
      transcript: 'Transcript',
      handoffRequested: 'Handoff requested: {reason} / {priority} / {topic}',
      notDelivered: '(not delivered yet)',
      notSent: '(not sent: the platform\u2019s messaging window is closed)',
      deliveryFailed: '(not delivered: the platform refused it)',
      composeLabel: 'Message to the citizen',
      composeHint: 'Press Enter to send. Press Shift + Enter for a new line.',
      send: 'Send',
      savedReplies: 'Saved replies',
      savedRepliesLang: '(inserted in {language}, the conversation\u2019s language)',
      notes: 'Internal notes',
      noNotes: 'No notes yet.',
      noteLabel: 'New note (never sent to the citizen)',
      addNote: 'Add note',
      noteBy: '{name}, {time}',
      actions: 'Transfer or resolve',
      transferTo: 'Transfer to',
      chooseTarget: 'Choose a team or an officer',
      transferTeams: 'A team (back to the queue)',
      transferOfficers: 'An officer',
      transfer: 'Transfer',
      outcome: 'Outcome',
      resolve: 'Resolve',
      readonlyWaiting: 'This conversation is waiting in the queue. Take it to answer.',
      readonlyClosed: 'This conversation is closed.',
      readonlyOther: 'This conversation is with {name}.',
      live: 'Live updates are on.',
      reconnecting: 'Live updates are interrupted. Reconnecting\u2026',
      newWaiting: 'New ticket waiting: {reason}, {team}.',
      took: 'You took ticket {id}.',
      sent: 'Message sent.',
      noteAdded: 'Note added.',
      transferred: 'Ticket {id} was transferred.',
      resolved: 'Ticket {id} is resolved. The citizen is back with the assistant.',
      assigned: 'Ticket {id} was assigned to {name}.',
      err_empty: 'Write something first.',
      err_chooseOutcome: 'Choose an outcome first.',
      err_chooseTarget: 'Choose a team or an officer first.',
      err_chooseOfficer: 'Choose an officer first.',
      err_already_taken: 'Another officer has already taken this ticket.',
      err_at_capacity: 'You already have as many conversations as you can take. Resolve one first.',
      err_queue_empty: 'No one is waiting for your teams and languages.',
      err_not_active: 'This conversation is no longer active.',
      err_not_yours: 'This conversation belongs to another officer.',
      err_outside_24h_window: 'Not sent: the citizen last wrote more than 24 hours ago, and WhatsApp only allows approved templates after that. They will see your next message once they write again.',
      err_outside_7_day_window: 'Not sent: the citizen last wrote more than 7 days ago, and Messenger allows an officer\u2019s reply for 7 days only. They will see your next message once they write again.',
      err_not_your_queue: 'This ticket is for another team or language.',
      err_not_found: 'This ticket does not exist, or you do not have access to it.',
      err_bad_team: 'Choose one of the teams in the list.',
      err_bad_officer: 'This officer does not serve this ticket\u2019s team and language. Choose another one.',
      err_too_long: 'The text is too long (at most 4,000 characters).',
      err_csrf: 'Your session has changed. Reload the page.',
      err_network: 'The server could not be reached. Try again.',
      askExpert: 'Ask an expert',
      consultTeam: 'Area',
      consultQuestion: 'Your question (the citizen never sees it). You can also write @name in a note.',
      ask: 'Ask',
      noConsults: 'No question to an expert yet.',
      consult_open: 'Waiting for an expert',
      consult_answered: 'Answered',
      consult_closed: 'Closed',
      consultAsked: 'Asked by {name}',
      consultAnswer: 'Answer from {name}',
      useInReply: 'Use in reply',
      proposeKnowledge: 'Propose as knowledge',
      proposed: 'Sent to the training inbox.',
      askedExpert: 'Question sent to the experts.',
      expertQuestions: 'Questions for you',
      expertEmpty: 'No open question.',
      consultFrom: 'Ticket {id}, {team}, {language}',
      consultTranscript: 'Conversation (read only)',
      answerLabel: 'Your answer to the officer (never sent to the citizen)',
      answerSend: 'Send answer',
      answerSent: 'Answer sent.',
      notifyAllow: 'Allow notifications',
      notifyNew: 'New question from an officer',
      err_not_open: 'This question already has an answer.',
      err_not_answered: 'The expert has not answered yet.',
      err_bad_expert: 'No expert by that name.',
      unreadBadge: 'New message',
      unreadTitle: '{n} unread',
      unreadTitle_one: '{n} unread',
      previewLabel: 'Last message: ',
      lastActivity: 'last activity {time}',
      sender_note: 'Internal note by {name} (never sent)',
      shortcuts: 'Keyboard shortcuts',
      shortcutsClose: 'Close',
      shortcutsIntro: 'These work anywhere on the page. Press ? (outside a text box) to show this list.',
      key_next: 'Next conversation',
      key_previous: 'Previous conversation',
      key_reply: 'Write a reply',
      key_note: 'Write an internal note',
      key_resolve: 'Resolve (choose the outcome)',
      key_takeNext: 'Take the next ticket',
      key_help: 'Show this list',
      key_slash: 'In the reply box: search saved replies',
      replySearch: 'Saved replies matching \u201c{query}\u201d',
      replyNone: 'No saved reply matches.',
      transferReason: 'Reason (internal note for whoever takes it)',
      alerts: 'Sound and notifications',
      alertsOn: 'On: a sound and a browser notification for a new ticket, a citizen\u2019s reply and an expert\u2019s answer.',
      notifyTicket: 'New ticket waiting: {reason}',
      notifyReply: 'Ticket {id}: the citizen replied',
      notifyExpert: 'Ticket {id}: an expert answered',
      err_generic: 'Something went wrong: {message}'
    },
    fr: {
      documentTitle: 'Console des agents - Gouvernement du Canada',
      citizenTyping: 'La personne écrit\u2026',
      appName: 'Console des agents',
      skipLinks: 'Liens d\u2019évitement',
      skipToQueue: 'Passer à la file d\u2019attente',
      skipToTicket: 'Passer à la conversation',
      otherLanguageName: 'English',
      otherLanguageCode: 'en',
      switchLanguage: 'Show the console in English',
      signOut: 'Se déconnecter',
      analytics: 'Statistiques',
      nluInbox: 'Entraînement du modèle',
      dismiss: 'Fermer',
      waiting: 'En attente',
      takeNext: 'Prendre le suivant',
      noWaiting: 'Personne n\u2019attend.',
      mine: 'Mes conversations',
      noMine: 'Vous n\u2019avez aucune conversation ouverte.',
      allActive: 'Toutes les conversations actives',
      noActive: 'Aucune conversation active.',
      count: '({n})',
      ticket: 'Demande {id}',
      take: 'Prendre',
      open: 'Ouvrir',
      opened: 'Ouverte',
      assign: 'Attribuer',
      assignTo: 'Attribuer la demande {id} à',
      chooseOfficer: 'Choisir un agent',
      officerLoad: '{name} ({count} sur {max})',
      waitedFor: 'attend depuis {time}',
      lessThanMinute: 'moins de 1 min',
      minutes: '{n} min',
      hours: '{h} h {m} min',
      position: 'au {n}e rang dans la file',
      position_one: 'au {n}er rang dans la file',
      withOfficer: 'avec {name}',
      conversation: 'Conversation',
      ticketHeading: 'Demande {id}' + NBSP + ': {reason}',
      noTicket: 'Prenez une demande ou ouvrez une de vos conversations.',
      metaStatus: 'État',
      metaReason: 'Motif',
      metaPriority: 'Priorité',
      metaTeam: 'Équipe',
      metaLanguage: 'Langue',
      metaChannel: 'Canal',
      metaOfficer: 'Agent',
      metaLastIntent: 'Dernière intention',
      metaOutcome: 'Résultat',
      metaRating: 'Note',
      ratingValue: '{n} sur 5',
      chooseOutcome: 'Choisir un résultat',
      transcript: 'Transcription',
      handoffRequested: 'Transfert demandé' + NBSP + ': {reason} / {priority} / {topic}',
      notDelivered: '(pas encore livré)',
      notSent: '(non envoyé' + NBSP + ': la fenêtre de messagerie de la plateforme est fermée)',
      deliveryFailed: '(non livré' + NBSP + ': la plateforme l’a refusé)',
      composeLabel: 'Message à la personne',
      composeHint: 'Appuyez sur Entrée pour envoyer. Appuyez sur Maj + Entrée pour aller à la ligne.',
      send: 'Envoyer',
      savedReplies: 'Réponses enregistrées',
      savedRepliesLang: '(insérées en {language}, la langue de la conversation)',
      notes: 'Notes internes',
      noNotes: 'Aucune note pour l\u2019instant.',
      noteLabel: 'Nouvelle note (jamais envoyée à la personne)',
      addNote: 'Ajouter la note',
      noteBy: '{name}, {time}',
      actions: 'Transférer ou résoudre',
      transferTo: 'Transférer à',
      chooseTarget: 'Choisir une équipe ou un agent',
      transferTeams: 'Une équipe (retour à la file)',
      transferOfficers: 'Un agent',
      transfer: 'Transférer',
      outcome: 'Résultat',
      resolve: 'Résoudre',
      readonlyWaiting: 'Cette conversation attend dans la file. Prenez-la pour répondre.',
      readonlyClosed: 'Cette conversation est fermée.',
      readonlyOther: 'Cette conversation est avec {name}.',
      live: 'Les mises à jour en direct sont activées.',
      reconnecting: 'Les mises à jour en direct sont interrompues. Reconnexion en cours\u2026',
      newWaiting: 'Nouvelle demande en attente' + NBSP + ': {reason}, {team}.',
      took: 'Vous avez pris la demande {id}.',
      sent: 'Message envoyé.',
      noteAdded: 'Note ajoutée.',
      transferred: 'La demande {id} a été transférée.',
      resolved: 'La demande {id} est résolue. La personne est de retour avec l\u2019assistant.',
      assigned: 'La demande {id} a été attribuée à {name}.',
      err_empty: 'Écrivez d\u2019abord un texte.',
      err_chooseOutcome: 'Choisissez d\u2019abord un résultat.',
      err_chooseTarget: 'Choisissez d\u2019abord une équipe ou un agent.',
      err_chooseOfficer: 'Choisissez d\u2019abord un agent.',
      err_already_taken: 'Un autre agent a déjà pris cette demande.',
      err_at_capacity: 'Vous avez déjà autant de conversations que vous pouvez en prendre. Résolvez-en une d\u2019abord.',
      err_queue_empty: 'Personne n\u2019attend pour vos équipes et vos langues.',
      err_not_active: 'Cette conversation n\u2019est plus active.',
      err_not_yours: 'Cette conversation appartient à un autre agent.',
      err_outside_24h_window: 'Non envoyé' + NBSP + ': la personne a écrit pour la dernière fois il y a plus de 24 heures, et WhatsApp n\u2019accepte ensuite que des modèles approuvés. Elle verra votre prochain message quand elle écrira de nouveau.',
      err_outside_7_day_window: 'Non envoyé' + NBSP + ': la personne a écrit pour la dernière fois il y a plus de 7 jours, et Messenger n\u2019accepte la réponse d\u2019un agent que pendant 7 jours. Elle verra votre prochain message quand elle écrira de nouveau.',
      err_not_your_queue: 'Cette demande est pour une autre équipe ou une autre langue.',
      err_not_found: 'Cette demande n\u2019existe pas, ou vous n\u2019y avez pas accès.',
      err_bad_team: 'Choisissez une des équipes de la liste.',
      err_bad_officer: 'Cet agent ne sert pas l\u2019équipe et la langue de cette demande. Choisissez-en un autre.',
      err_too_long: 'Le texte est trop long (4' + NBSP + '000 caractères au plus).',
      err_csrf: 'Votre session a changé. Rechargez la page.',
      err_network: 'Le serveur est injoignable. Réessayez.',
      askExpert: 'Demander à un ou une spécialiste',
      consultTeam: 'Secteur',
      consultQuestion: 'Votre question (la personne ne la voit jamais). Vous pouvez aussi écrire @nom dans une note.',
      ask: 'Demander',
      noConsults: 'Aucune question à un ou une spécialiste pour l\u2019instant.',
      consult_open: 'En attente d\u2019un ou d\u2019une spécialiste',
      consult_answered: 'Répondu',
      consult_closed: 'Fermé',
      consultAsked: 'Posée par {name}',
      consultAnswer: 'Réponse de {name}',
      useInReply: 'Utiliser dans la réponse',
      proposeKnowledge: 'Proposer comme connaissance',
      proposed: 'Envoyé à la boîte de l\u2019entraînement.',
      askedExpert: 'Question envoyée aux spécialistes.',
      expertQuestions: 'Questions pour vous',
      expertEmpty: 'Aucune question ouverte.',
      consultFrom: 'Demande {id}, {team}, {language}',
      consultTranscript: 'Conversation (lecture seule)',
      answerLabel: 'Votre réponse à l\u2019agent ou à l\u2019agente (jamais envoyée à la personne)',
      answerSend: 'Envoyer la réponse',
      answerSent: 'Réponse envoyée.',
      notifyAllow: 'Autoriser les notifications',
      notifyNew: 'Nouvelle question d\u2019un agent ou d\u2019une agente',
      err_not_open: 'Cette question a déjà une réponse.',
      err_not_answered: 'Le ou la spécialiste n\u2019a pas encore répondu.',
      err_bad_expert: 'Aucun ou aucune spécialiste de ce nom.',
      unreadBadge: 'Nouveau message',
      unreadTitle: '{n} non lus',
      unreadTitle_one: '{n} non lu',
      previewLabel: 'Dernier message' + NBSP + ': ',
      lastActivity: 'dernière activité {time}',
      sender_note: 'Note interne de {name} (jamais envoyée)',
      shortcuts: 'Raccourcis clavier',
      shortcutsClose: 'Fermer',
      shortcutsIntro: 'Ils fonctionnent partout dans la page. Appuyez sur ? (hors d\u2019une zone de texte) pour afficher cette liste.',
      key_next: 'Conversation suivante',
      key_previous: 'Conversation précédente',
      key_reply: 'Écrire une réponse',
      key_note: 'Écrire une note interne',
      key_resolve: 'Résoudre (choisir le résultat)',
      key_takeNext: 'Prendre la prochaine demande',
      key_help: 'Afficher cette liste',
      key_slash: 'Dans la zone de réponse' + NBSP + ': chercher une réponse enregistrée',
      replySearch: 'Réponses enregistrées contenant «' + NBSP + '{query}' + NBSP + '»',
      replyNone: 'Aucune réponse enregistrée ne correspond.',
      transferReason: 'Motif (note interne pour la personne qui la prendra)',
      alerts: 'Son et notifications',
      alertsOn: 'Activés' + NBSP + ': un son et une notification du navigateur pour une nouvelle demande, une réponse de la personne et une réponse d\u2019un ou d\u2019une spécialiste.',
      notifyTicket: 'Nouvelle demande en attente' + NBSP + ': {reason}',
      notifyReply: 'Demande {id}' + NBSP + ': la personne a répondu',
      notifyExpert: 'Demande {id}' + NBSP + ': un ou une spécialiste a répondu',
      err_generic: 'Un problème est survenu' + NBSP + ': {message}'
    }
  };

  // ---------------------------------------------------------------- state

  var state = {
    lang: 'en',
    me: null,
    csrf: '',
    queue: { waiting: [], mine: [], active: [] },
    queueAt: 0,               // Date.now() when the queue was fetched (for waiting times)
    queueEpoch: 0,            // counts tickets this console left; a queue fetched before is stale
    knownWaiting: null,       // ids seen waiting, to announce new ones
    officers: [],
    vocabulary: {},           // the server's lists and their words (GET /console/api/me)
    teams: [],                // the teams a ticket can be transferred to (vocabulary.teams)
    replies: [],
    consults: [],             // an expert's open consults (GET /console/api/consults)
    seenConsults: {},         // their ids, to notify only new ones
    consultsLoaded: false,
    consultId: null,          // the consult an expert has open
    ticketId: null,           // the ticket shown in the ticket panel
    detail: null,             // its last {ticket, transcript, notes}
    shownLines: {},           // transcript line ids already in the log
    drafts: {},               // unsent text per ticket
    assignChoice: {},         // supervisor's officer choice per waiting ticket
    shown: {},                // what the saved replies and drop-down lists were built for
    ws: null,
    citizenTypingTimer: null,
    typingSent: { ticket: null, at: 0 },  // the last typing signal this console sent
    attempt: 0,
    reconnectTimer: null,
    statusTimer: null,
    busy: false,              // an officer action is in flight
    intents: {},              // readable intent names {intent: {en, fr}} (GET /console/api/intents)
    seen: {},                 // ticket id -> the last citizen line id this officer has seen (per browser)
    lastCitizen: null,        // ticket id -> last citizen line id at the previous refresh (for alerts)
    alerts: false,            // sound and notifications, opted in per browser
    answered: {},             // consult ids already answered when last seen (for alerts)
    suggest: { open: false, items: [], index: 0 }  // the "/" saved-reply search in the composer
  };

  var el = {};

  // ------------------------------------------------------------- helpers

  var t = GC.translator(STRINGS, function () { return state.lang; });

  // A label for a code (team, reason, outcome...), in the words of the server's vocabulary
  // (GET /console/api/me); else this script's own words for it; else the code itself.
  function label(prefix, code) {
    if (code === null || code === undefined || code === '') { return '\u2014'; }
    var kinds = state.vocabulary.labels || {};
    var known = Object.prototype.hasOwnProperty.call(kinds, prefix) &&
      Object.prototype.hasOwnProperty.call(kinds[prefix], code) ? kinds[prefix][code] : null;
    if (known && isString(known[state.lang])) { return known[state.lang]; }
    var key = prefix + '_' + code;
    return Object.prototype.hasOwnProperty.call(STRINGS.en, key) ? t(key) : String(code);
  }

  function vocabularyList(name) {
    var list = state.vocabulary[name];
    return Array.isArray(list) ? list.filter(isString) : [];
  }

  function intentLabel(code) {
    if (!isString(code) || !code) { return '\u2014'; }
    var found = Object.prototype.hasOwnProperty.call(state.intents, code) ? state.intents[code] : null;
    return found && isString(found[state.lang]) ? found[state.lang] : code;
  }

  // Text with its web addresses as links: text nodes and <a> elements only, never markup.
  function withLinks(node, text) {
    var last = 0;
    text.replace(URL_PATTERN, function (match, offset) {
      var url = match.replace(/[.,;:!?)\]]+$/, '');
      if (offset > last) { node.appendChild(document.createTextNode(text.slice(last, offset))); }
      var link = make('a', 'line__link', url);
      link.href = url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      node.appendChild(link);
      last = offset + url.length;
      return match;
    });
    if (last < text.length) { node.appendChild(document.createTextNode(text.slice(last))); }
    return node;
  }

  // ------------------------------------------------------- unread, alerts

  function loadSeen() {
    var raw = GC.storageGet('localStorage', SEEN_KEY + state.me.id);
    try { state.seen = raw ? JSON.parse(raw) || {} : {}; } catch (e) { state.seen = {}; }
  }

  function markSeen(ticketId, lineId) {
    if (!state.me || !lineId || (state.seen[ticketId] || 0) >= lineId) { return; }
    state.seen[ticketId] = lineId;
    GC.storageSet('localStorage', SEEN_KEY + state.me.id, JSON.stringify(state.seen));
  }

  function isUnread(ticket) {
    return !!ticket.last_citizen_id && ticket.id !== state.ticketId &&
      ticket.last_citizen_id > (state.seen[ticket.id] || 0);
  }

  function unreadCount() {
    return state.queue.mine.filter(isUnread).length;
  }

  // A short tone made in the page (no sound file to fetch): Web Audio, after the opt-in click.
  function beep() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    try {
      state.audio = state.audio || new Context();
      var tone = state.audio.createOscillator();
      var gain = state.audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.1;
      tone.connect(gain);
      gain.connect(state.audio.destination);
      tone.start();
      tone.stop(state.audio.currentTime + 0.15);
    } catch (e) { /* no sound device */ }
  }

  function alertOfficer(text) {
    if (!state.alerts) { return; }
    beep();
    if (window.Notification && window.Notification.permission === 'granted') {
      try { new window.Notification(text); } catch (e) { /* some browsers forbid it here */ }
    }
  }

  function setAlerts(on) {
    state.alerts = !!on;
    GC.storageSet('localStorage', ALERTS_KEY, state.alerts ? 'on' : 'off');
    el.alertsToggle.checked = state.alerts;
    el.alertsHint.hidden = !state.alerts;
    if (state.alerts && window.Notification && window.Notification.permission === 'default') {
      window.Notification.requestPermission();
    }
  }

  // A citizen's new line in one of my conversations (not the one I am reading, in a visible tab).
  function alertReplies() {
    var now = {};
    state.queue.mine.forEach(function (ticket) {
      now[ticket.id] = ticket.last_citizen_id || 0;
      var before = state.lastCitizen && state.lastCitizen[ticket.id];
      var reading = ticket.id === state.ticketId && document.visibilityState === 'visible';
      if (state.lastCitizen && before !== undefined && now[ticket.id] > before && !reading) {
        alertOfficer(t('notifyReply', { id: ticket.id }));
      }
    });
    state.lastCitizen = now;
  }

  // Tickets are recent: dates before today leave out the year.
  function timeElement(iso) {
    var d = GC.parseDate(iso);
    var node = make('time', '', GC.formatTime(d, GC.locale(state.lang), false));
    node.setAttribute('datetime', d.toISOString());
    return node;
  }

  function duration(seconds) {
    var minutes = Math.floor(Math.max(0, seconds) / 60);
    if (minutes < 1) { return t('lessThanMinute'); }
    if (minutes < 60) { return t('minutes', { n: minutes }); }
    return t('hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  }

  function canAct(ticket) {
    return !!(ticket && state.me && ticket.status === 'active' &&
      (ticket.officer_id === state.me.id || isSupervisor()));
  }

  // The console's copy of policy.serves (the server decides; this only keeps lists short).
  function serves(officer, ticket) {
    return (officer.teams || []).indexOf(ticket.team) >= 0 && (officer.languages || []).indexOf(ticket.language) >= 0;
  }

  // What the account's role may do comes from the server's rules (GET /console/api/me `may`).
  function may(ability) {
    return !!(state.me && state.me.may && state.me.may[ability] === true);
  }

  function isSupervisor() {
    return may('oversee');
  }

  // Run `work` once at a time; calls that arrive meanwhile are folded into one more run.
  function coalesced(work) {
    var running = false;
    var again = false;
    function run() {
      if (running) { again = true; return; }
      running = true;
      Promise.resolve().then(work).catch(reportError).then(function () {
        running = false;
        if (again) { again = false; run(); }
      });
    }
    return run;
  }

  // ------------------------------------------------------------------ API

  function ApiError(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  function goToLogin() {
    window.location.assign(LOGIN_PAGE);
  }

  // `background`: a refresh the page makes on its own (after a live event), which must not
  // keep the session alive: an unattended console still reaches its idle timeout.
  function api(method, path, body, background) {
    var options = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (background) { options.headers['X-Console-Background'] = '1'; }
    if (method === 'POST') {
      options.headers['Content-Type'] = 'application/json';
      options.headers['X-CSRF-Token'] = state.csrf;
      options.body = JSON.stringify(body || {});
    }
    return fetch(path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.status === 401) {
          goToLogin();
          throw new ApiError(401, 'signed_out', '');
        }
        if (!response.ok) {
          throw new ApiError(response.status, data && data.error, data && data.message);
        }
        return data;
      });
    }, function () {
      throw new ApiError(0, 'network', '');
    });
  }

  // ------------------------------------------------------ status / errors

  function setStatus(text) {
    if (state.statusTimer) { clearTimeout(state.statusTimer); state.statusTimer = null; }
    el.status.textContent = text || '';
    if (text && state.ws && state.ws.readyState === WebSocket.OPEN) {
      state.statusTimer = setTimeout(function () { el.status.textContent = ''; }, STATUS_CLEAR_MS);
    }
  }

  function showError(text) {
    clear(el.error);
    if (!text) { return; }
    el.error.appendChild(make('p', 'console-error__text', text));
    el.error.appendChild(button('btn-link', t('dismiss'), function () {
      clear(el.error);
      if (el.compose && !el.compose.disabled) { el.compose.focus(); }
    }));
  }

  function errorText(error) {
    if (error instanceof ApiError) {
      if (error.code === 'signed_out') { return ''; }
      var key = 'err_' + (error.code || '');
      if (error.code && Object.prototype.hasOwnProperty.call(STRINGS.en, key)) { return t(key); }
      return t('err_generic', { message: error.message || error.code || error.status });
    }
    return t('err_generic', { message: String(error && error.message || error) });
  }

  function reportError(error) {
    var text = errorText(error);
    if (text) { showError(text); }
    if (window.console && !(error instanceof ApiError)) { window.console.error(error); }
  }

  // ------------------------------------------------------------ language

  function applyLanguage() {
    document.documentElement.setAttribute('lang', state.lang);
    GC.translatePage(t);
    el.langToggle.textContent = t('otherLanguageName');
    el.langToggle.setAttribute('lang', t('otherLanguageCode'));
    el.langToggle.setAttribute('title', t('switchLanguage'));
    // the server-rendered staff pages open in the console's language
    // (the staff header, server-rendered, shows only the links the account's role opens)
    el.analyticsLink.setAttribute('href', '/console/analytics?lang=' + state.lang);
    el.inboxLink.setAttribute('href', '/console/inbox?lang=' + state.lang);
    renderHeader();
    renderQueue();
    renderTicket(true);
  }

  function setLanguage(lang) {
    state.lang = lang === 'fr' ? 'fr' : 'en';
    GC.storageSet('localStorage', LANG_KEY, state.lang);
    applyLanguage();
  }

  // --------------------------------------------------------------- header

  // The tab title counts my unread conversations, then the tickets waiting.
  function renderTitle() {
    if (isExpert()) { return; }  // an expert's title counts their questions (renderExpertList)
    var waiting = state.queue.waiting.length;
    var unread = unreadCount();
    document.title = (unread ? '(' + t('unreadTitle', { n: unread }) + ') ' : '') +
      (waiting ? '(' + waiting + ') ' : '') + t('documentTitle');
  }

  function renderHeader() {
    renderTitle();
    if (!state.me) { return; }
    el.officerName.textContent = state.me.name || state.me.username || '';
    el.officerRole.textContent = label('role', state.me.role);
    var expert = isExpert();
    el.expertPanel.hidden = !expert;
    el.queuePanel.hidden = expert;
    el.ticketPanel.hidden = expert;
  }

  function isExpert() {
    return may('consult');
  }

  // ---------------------------------------------------------------- queue

  var refreshQueue = coalesced(function () {
    if (isExpert()) { return Promise.resolve(); }  // an expert has no queue: their questions come as consults
    // Officers too: their loads change with the queue, and transfers and assignments list them.
    var epoch = state.queueEpoch;
    return Promise.all([api('GET', API + '/queue', null, true), api('GET', API + '/officers', null, true)]).then(function (results) {
      // Asked before a ticket was transferred or resolved here: it may still list that ticket
      // as mine. The fetch asked for when it was left follows and is the one shown.
      if (epoch !== state.queueEpoch) { return; }
      var data = results[0] || {};
      state.queue = {
        waiting: Array.isArray(data.waiting) ? data.waiting : [],
        mine: Array.isArray(data.mine) ? data.mine : [],
        active: Array.isArray(data.active) ? data.active : []
      };
      state.queueAt = Date.now();
      state.officers = Array.isArray(results[1]) ? results[1] : state.officers;
      announceNewTickets();
      alertReplies();
      renderHeader();
      renderQueue();
      renderTransferTargets();
    });
  });

  function announceNewTickets() {
    var ids = {};
    var fresh = [];
    state.queue.waiting.forEach(function (ticket) {
      ids[ticket.id] = true;
      if (state.knownWaiting && !state.knownWaiting[ticket.id]) { fresh.push(ticket); }
    });
    state.knownWaiting = ids;
    fresh.forEach(function (ticket) { alertOfficer(t('notifyTicket', { reason: label('reason', ticket.reason) })); });
    if (fresh.length) {
      el.queueLive.textContent = fresh.map(function (ticket) {
        return t('newWaiting', { reason: label('reason', ticket.reason), team: label('team', ticket.team) });
      }).join(' ');
    }
  }

  // Keep keyboard focus on the "same" control when a list is rebuilt.
  function focusKey() {
    var active = document.activeElement;
    return active && active.getAttribute ? active.getAttribute('data-focus-key') : null;
  }

  function restoreFocus(key) {
    if (!key) { return; }
    var node = document.querySelector('[data-focus-key="' + key + '"]');
    if (node && document.activeElement !== node) { node.focus(); }
  }

  function ticketTitle(prefix, ticket) {
    var title = make('p', 'ticket-item__title');
    title.id = prefix + '-' + ticket.id + '-title';
    if (ticket.priority === 'high') {
      title.appendChild(make('span', 'badge badge--high', label('priority', 'high')));
      title.appendChild(document.createTextNode(' '));
    }
    title.appendChild(make('strong', '', t('ticket', { id: ticket.id })));
    title.appendChild(document.createTextNode(' \u2014 ' + label('reason', ticket.reason)));
    if (prefix !== 'waiting' && isUnread(ticket)) {
      title.appendChild(document.createTextNode(' '));
      title.appendChild(make('span', 'badge badge--unread', t('unreadBadge')));
    }
    return title;
  }

  // The citizen's last line, in their language, so the officer knows what waits without opening.
  function preview(ticket) {
    if (!isString(ticket.preview) || !ticket.preview) { return null; }
    var node = make('p', 'ticket-item__preview');
    node.appendChild(make('span', 'wb-inv', t('previewLabel')));
    var quote = make('q', '', ticket.preview);
    if (ticket.language === 'en' || ticket.language === 'fr') { quote.lang = ticket.language; }
    node.appendChild(quote);
    return node;
  }

  function ticketFacts(ticket, extra) {
    var facts = make('p', 'ticket-item__meta');
    var parts = [label('team', ticket.team), label('lang', ticket.language), label('channel', ticket.channel)];
    parts.forEach(function (part, index) {
      if (index) { facts.appendChild(document.createTextNode(' \u00b7 ')); }
      facts.appendChild(make('span', '', part));
    });
    (extra || []).forEach(function (node) {
      facts.appendChild(document.createTextNode(' \u00b7 '));
      facts.appendChild(node);
    });
    return facts;
  }

  function waitedNode(ticket) {
    var node = make('span', 'waited');
    node.setAttribute('data-seconds', String(ticket.waiting_seconds || 0));
    node.textContent = t('waitedFor', { time: duration(ticket.waiting_seconds || 0) });
    return node;
  }

  function updateClocks() {
    var elapsed = (Date.now() - state.queueAt) / 1000;
    var nodes = el.waitingList.querySelectorAll('.waited');
    for (var i = 0; i < nodes.length; i++) {
      var seconds = Number(nodes[i].getAttribute('data-seconds')) + elapsed;
      nodes[i].textContent = t('waitedFor', { time: duration(seconds) });
    }
  }

  function renderWaiting() {
    clear(el.waitingList);
    state.queue.waiting.forEach(function (ticket) {
      var item = make('li', 'ticket-item' + (ticket.priority === 'high' ? ' ticket-item--high' : ''));
      item.setAttribute('data-ticket-id', String(ticket.id));
      item.appendChild(ticketTitle('waiting', ticket));
      var extra = [waitedNode(ticket)];
      if (ticket.position) { extra.push(make('span', 'position', t('position', { n: ticket.position }))); }
      item.appendChild(ticketFacts(ticket, extra));
      var said = preview(ticket);
      if (said) { item.appendChild(said); }

      var actions = make('div', 'ticket-item__actions');
      var take = button('btn-primary take', t('take'), function () { takeTicket(ticket.id); });
      take.setAttribute('aria-describedby', 'waiting-' + ticket.id + '-title');
      take.setAttribute('data-focus-key', 'take-' + ticket.id);
      actions.appendChild(take);
      if (isSupervisor()) { actions.appendChild(assignControls(ticket)); }
      item.appendChild(actions);
      el.waitingList.appendChild(item);
    });
    el.waitingEmpty.hidden = state.queue.waiting.length > 0;
    el.waitingCount.textContent = t('count', { n: state.queue.waiting.length });
    el.takeNext.disabled = state.queue.waiting.length === 0;
  }

  function assignControls(ticket) {
    var group = make('span', 'assign');
    var id = 'assign-' + ticket.id;
    var hidden = make('label', 'wb-inv', t('assignTo', { id: ticket.id }));
    hidden.htmlFor = id;
    var select = make('select', 'assign__select');
    select.id = id;
    select.setAttribute('data-focus-key', 'assign-select-' + ticket.id);
    select.appendChild(new Option(t('chooseOfficer'), ''));
    state.officers.filter(function (officer) { return serves(officer, ticket); }).forEach(function (officer) {
      var text = t('officerLoad', { name: officer.name, count: officer.active_tickets, max: officer.max_concurrent });
      select.appendChild(new Option(text, String(officer.id)));
    });
    select.value = state.assignChoice[ticket.id] || '';
    select.addEventListener('change', function () { state.assignChoice[ticket.id] = select.value; });
    var go = button('btn-default', t('assign'), function () { assignTicket(ticket.id, select.value); });
    go.setAttribute('aria-describedby', 'waiting-' + ticket.id + '-title');
    go.setAttribute('data-focus-key', 'assign-' + ticket.id);
    group.appendChild(hidden);
    group.appendChild(select);
    group.appendChild(go);
    return group;
  }

  function renderOpenList(list, empty, count, tickets, prefix) {
    clear(list);
    tickets.forEach(function (ticket) {
      var current = ticket.id === state.ticketId;
      var item = make('li', 'ticket-item' + (current ? ' ticket-item--current' : '') +
        (isUnread(ticket) ? ' ticket-item--unread' : ''));
      item.setAttribute('data-ticket-id', String(ticket.id));
      item.appendChild(ticketTitle(prefix, ticket));
      var extra = [];
      if (prefix === 'active' && ticket.officer) {
        extra.push(make('span', '', t('withOfficer', { name: ticket.officer })));
      }
      if (ticket.last_activity) {
        var when = make('span', 'activity', t('lastActivity', { time: '' }).replace(/\s+$/, ' '));
        when.appendChild(timeElement(ticket.last_activity));
        extra.push(when);
      }
      item.appendChild(ticketFacts(ticket, extra));
      var said = preview(ticket);
      if (said) { item.appendChild(said); }
      var actions = make('div', 'ticket-item__actions');
      var open = button('btn-default open', current ? t('opened') : t('open'), function () {
        openTicket(ticket.id, 'compose');
      });
      open.setAttribute('aria-describedby', prefix + '-' + ticket.id + '-title');
      open.setAttribute('data-focus-key', prefix + '-open-' + ticket.id);
      if (current) { open.setAttribute('aria-current', 'true'); }
      actions.appendChild(open);
      item.appendChild(actions);
      list.appendChild(item);
    });
    empty.hidden = tickets.length > 0;
    count.textContent = t('count', { n: tickets.length });
  }

  function renderQueue() {
    var key = focusKey();
    renderTitle();
    renderWaiting();
    renderOpenList(el.mineList, el.mineEmpty, el.mineCount, state.queue.mine, 'mine');
    el.supervisorView.hidden = !isSupervisor();
    if (isSupervisor()) {
      renderOpenList(el.activeList, el.activeEmpty, el.activeCount, state.queue.active, 'active');
    }
    restoreFocus(key);
  }

  // --------------------------------------------------------------- ticket

  var refreshTicket = coalesced(function () {
    var id = state.ticketId;
    if (id === null) { return null; }
    return api('GET', API + '/tickets/' + id, null, true).then(function (detail) {
      if (state.ticketId !== id) { return; }  // another ticket was opened meanwhile
      state.detail = detail;
      renderTicket(false);
    });
  });

  function openTicket(id, focusOn) {
    saveDraft();
    if (state.ticketId !== id) {
      hideCitizenTyping();
      state.ticketId = id;
      state.detail = null;
      state.shownLines = {};
      clear(el.transcript);
    }
    renderQueue();
    return api('GET', API + '/tickets/' + id).then(function (detail) {
      if (state.ticketId !== id) { return; }
      state.detail = detail;
      renderTicket(false);
      el.compose.value = state.drafts[id] || '';
      if (focusOn === 'compose' && !el.compose.disabled) {
        el.compose.focus();
      } else {
        el.ticketHeading.focus();
      }
    }).catch(reportError);
  }

  function closeTicket() {
    if (state.ticketId !== null) { delete state.drafts[state.ticketId]; }
    hideCitizenTyping();
    state.ticketId = null;
    state.detail = null;
    state.shownLines = {};
    clear(el.transcript);
    el.compose.value = '';
    renderTicket(false);
    renderQueue();
  }

  function saveDraft() {
    if (state.ticketId !== null && el.compose.value) { state.drafts[state.ticketId] = el.compose.value; }
  }

  function renderTicket(relabel) {
    var detail = state.detail;
    el.ticketBody.hidden = !detail;
    el.ticketEmpty.hidden = !!detail;
    if (!detail) {
      el.ticketHeading.textContent = t('conversation');
      return;
    }
    var ticket = detail.ticket || {};
    var key = focusKey();
    el.ticketHeading.textContent = t('ticketHeading', { id: ticket.id, reason: label('reason', ticket.reason) });
    renderMeta(ticket);
    renderReadonly(ticket);
    renderTranscript(withNotes(detail.transcript || [], detail.notes || []), ticket, relabel);
    renderNotes(detail.notes || []);
    markSeen(ticket.id, lastCitizenLine(detail.transcript || []));
    alertAnswers(detail.consults || [], ticket);
    renderConsults(detail.consults || [], ticket);
    renderSavedReplies(ticket);
    renderTransferTargets();
    renderOutcomes();

    var acting = canAct(ticket);
    el.compose.lang = ticket.language === 'fr' ? 'fr' : 'en';  // the spell checker's language
    el.compose.disabled = !acting;
    el.composeSend.disabled = !acting;
    el.transferTarget.disabled = !acting;
    el.transferButton.disabled = !acting;
    el.transferReason.disabled = !acting;
    el.resolveOutcome.disabled = !acting;
    el.resolveButton.disabled = !acting;
    var replies = el.savedReplies.querySelectorAll('button');
    for (var i = 0; i < replies.length; i++) { replies[i].disabled = !acting; }
    restoreFocus(key);
  }

  function renderMeta(ticket) {
    clear(el.meta);
    var rows = [
      ['metaStatus', label('status', ticket.status)],
      ['metaReason', label('reason', ticket.reason)],
      ['metaPriority', label('priority', ticket.priority)],
      ['metaTeam', label('team', ticket.team)],
      ['metaLanguage', label('lang', ticket.language)],
      ['metaChannel', label('channel', ticket.channel)],
      ['metaOfficer', ticket.officer || '\u2014'],
      ['metaLastIntent', intentLabel(ticket.last_intent)]
    ];
    if (ticket.outcome) { rows.push(['metaOutcome', label('outcome', ticket.outcome)]); }
    if (ticket.rating) { rows.push(['metaRating', t('ratingValue', { n: ticket.rating })]); }
    rows.forEach(function (row) {
      var group = make('div', 'meta__item');
      group.appendChild(make('dt', '', t(row[0])));
      group.appendChild(make('dd', '', row[1]));
      el.meta.appendChild(group);
    });
  }

  function renderReadonly(ticket) {
    var text = '';
    if (ticket.status === 'waiting') {
      text = t('readonlyWaiting');
    } else if (ticket.status !== 'active') {
      text = t('readonlyClosed');
    } else if (!canAct(ticket)) {
      text = t('readonlyOther', { name: ticket.officer || '' });
    }
    el.readonly.textContent = text;
    el.readonly.hidden = !text;
  }

  // Internal notes take their place in the conversation, marked as never sent.
  function withNotes(lines, notes) {
    var merged = lines.slice();
    notes.forEach(function (note, index) {
      merged.push({ id: 'note-' + index, sender: 'note', text: note.text, ts: note.ts, officer: note.officer });
    });
    var time = function (line) { var d = GC.parseDate(line.ts); return isNaN(d) ? 0 : d.getTime(); };
    return merged.map(function (line, index) { return [time(line), index, line]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (entry) { return entry[2]; });
  }

  function lastCitizenLine(lines) {
    var last = 0;
    lines.forEach(function (line) { if (line.sender === 'citizen' && line.id > last) { last = line.id; } });
    return last;
  }

  function alertAnswers(consults, ticket) {
    var known = state.answered[ticket.id];
    var now = {};
    consults.forEach(function (consult) {
      if (consult.status === 'open') { return; }
      now[consult.id] = true;
      if (known && !known[consult.id]) { alertOfficer(t('notifyExpert', { id: ticket.id })); }
    });
    state.answered[ticket.id] = now;
  }

  function handoffText(line, ticket) {
    var request = (line.payload && line.payload.custom) || line.custom || {};
    return t('handoffRequested', {
      reason: label('reason', request.reason || ticket.reason),
      priority: label('priority', request.priority || ticket.priority),
      topic: label('team', request.topic || ticket.team)
    });
  }

  function renderLine(line, ticket) {
    var sender = line.sender === 'note' ? 'note' : vocabularyList('senders').indexOf(line.sender) >= 0 ? line.sender : 'system';
    var item = make('div', 'line line--' + sender);
    item.setAttribute('data-id', String(line.id));
    item.setAttribute('data-sender', sender);
    var meta = make('p', 'line__meta');
    meta.appendChild(make('span', 'line__sender', sender === 'note'
      ? t('sender_note', { name: isString(line.officer) ? line.officer : '' }) : label('sender', sender)));
    meta.appendChild(document.createTextNode(' '));
    meta.appendChild(timeElement(line.ts));
    var undelivered = line.status === 'failed' ? 'deliveryFailed'
      : line.status === 'refused' ? 'notSent'
      : (line.status === 'pending' || line.status === 'queued') ? 'notDelivered' : '';
    if (sender !== 'citizen' && sender !== 'event' && undelivered) {  // queued/failed: the outbox's word
      meta.appendChild(document.createTextNode(' '));
      meta.appendChild(make('span', 'line__pending', t(undelivered)));
    }
    item.appendChild(meta);
    var text = sender === 'event' ? handoffText(line, ticket) : (isString(line.text) ? line.text : '');
    var body = sender === 'event' ? make('p', 'line__text', text) : withLinks(make('p', 'line__text'), text);
    if (sender !== 'event' && sender !== 'note' && (line.language === 'en' || line.language === 'fr')) { body.lang = line.language; }
    item.appendChild(body);
    if (Array.isArray(line.buttons) && line.buttons.length) {
      var choices = make('ul', 'line__buttons');
      line.buttons.forEach(function (choice) {
        if (choice && isString(choice.title)) { choices.appendChild(make('li', '', choice.title)); }
      });
      item.appendChild(choices);
    }
    return item;
  }

  // New lines are appended (so the live region reads only them); a language switch relabels all.
  function renderTranscript(lines, ticket, relabel) {
    var log = el.transcript;
    var stick = GC.nearBottom(log) || !log.firstChild;
    if (relabel) {
      log.setAttribute('aria-busy', 'true');
      clear(log);
      state.shownLines = {};
    }
    lines.forEach(function (line) {
      if (!line || line.id === undefined) { return; }
      var shown = state.shownLines[line.id];
      if (shown) {
        // Only an officer line's delivery status changes after it is shown.
        if (shown.status !== line.status) {
          var replacement = renderLine(line, ticket);
          log.replaceChild(replacement, shown.node);
          state.shownLines[line.id] = { node: replacement, status: line.status };
        }
        return;
      }
      var node = renderLine(line, ticket);
      log.appendChild(node);
      state.shownLines[line.id] = { node: node, status: line.status };
    });
    log.removeAttribute('aria-busy');
    if (stick) { log.scrollTop = log.scrollHeight; }
  }

  function renderNotes(notes) {
    clear(el.notesList);
    notes.forEach(function (note) {
      var item = make('li', 'note');
      var meta = make('p', 'note__meta');
      meta.appendChild(make('span', 'note__author', note.officer || ''));
      meta.appendChild(document.createTextNode(', '));
      meta.appendChild(timeElement(note.ts));
      item.appendChild(meta);
      item.appendChild(make('p', 'note__text', isString(note.text) ? note.text : ''));
      el.notesList.appendChild(item);
    });
    el.notesEmpty.hidden = notes.length > 0;
  }

  function renderSavedReplies(ticket) {
    var language = ticket.language === 'fr' ? 'fr' : 'en';
    var signature = [state.lang, language, state.replies.length].join('|');
    if (signature === state.shown.replies) { return; }  // rebuilding would drop the focus
    state.shown.replies = signature;
    el.savedRepliesLang.textContent = t('savedRepliesLang', { language: label('lang', language) });
    clear(el.savedReplies);
    state.replies.forEach(function (reply) {
      if (!reply || !isString(reply[language])) { return; }
      var title = (reply.title && (reply.title[state.lang] || reply.title.en)) || reply.key;
      var node = button('btn-default saved-reply', title, function () { insertReply(reply[language]); });
      node.setAttribute('data-key', String(reply.key));
      node.setAttribute('data-focus-key', 'reply-' + reply.key);
      el.savedReplies.appendChild(node);
    });
  }

  function insertReply(text) {
    var box = el.compose;
    if (box.disabled) { return; }
    var start = box.selectionStart === undefined ? box.value.length : box.selectionStart;
    var end = box.selectionEnd === undefined ? box.value.length : box.selectionEnd;
    var before = box.value.slice(0, start);
    var after = box.value.slice(end);
    var glue = before && !/\s$/.test(before) ? ' ' : '';
    box.value = before + glue + text + after;
    var caret = (before + glue + text).length;
    box.focus();
    box.setSelectionRange(caret, caret);
  }

  function renderTransferTargets() {
    var select = el.transferTarget;
    var chosen = select.value;
    var ticket = state.detail && state.detail.ticket;
    var signature = [state.lang, state.me && state.me.id, state.teams.join(','),
      ticket ? ticket.team + ':' + ticket.language : ''].concat(state.officers.map(function (officer) {
      return [officer.id, officer.name, officer.active_tickets, officer.max_concurrent].join(':');
    })).join('|');
    if (signature === state.shown.targets) { return; }  // an open drop-down list stays open
    state.shown.targets = signature;
    clear(select);
    select.appendChild(new Option(t('chooseTarget'), ''));
    var teams = make('optgroup');
    teams.label = t('transferTeams');
    state.teams.forEach(function (team) { teams.appendChild(new Option(label('team', team), 'team:' + team)); });
    select.appendChild(teams);
    var others = state.officers.filter(function (officer) {
      return (!state.me || officer.id !== state.me.id) && (!ticket || serves(officer, ticket));
    });
    if (others.length) {
      var people = make('optgroup');
      people.label = t('transferOfficers');
      others.forEach(function (officer) {
        var text = t('officerLoad', { name: officer.name, count: officer.active_tickets, max: officer.max_concurrent });
        people.appendChild(new Option(text, 'officer:' + officer.id));
      });
      select.appendChild(people);
    }
    select.value = chosen;
    if (select.value !== chosen) { select.value = ''; }
  }

  function renderOutcomes() {
    var select = el.resolveOutcome;
    var chosen = select.value;
    var outcomes = vocabularyList('outcomes');
    var signature = state.lang + '|' + outcomes.join(',');
    if (state.shown.outcomes === signature) { return; }
    state.shown.outcomes = signature;
    clear(select);
    select.appendChild(new Option(t('chooseOutcome'), ''));
    outcomes.forEach(function (outcome) { select.appendChild(new Option(label('outcome', outcome), outcome)); });
    select.value = chosen;
  }

  // -------------------------------------------------------------- actions

  // One officer action at a time; success clears the last error and says what happened.

  // ------------------------------------------------------- ask an expert

  // The officer's side: the ticket's consults, each answer with "Use in reply".
  function renderConsults(consults, ticket) {
    clear(el.consultList);
    consults.forEach(function (consult) {
      var item = make('li', 'consult consult--' + consult.status);
      item.setAttribute('data-consult', String(consult.id));
      item.appendChild(make('p', 'consult__meta', label('consult', consult.status) + ' \u2014 ' +
        t('consultAsked', { name: consult.asked_by || '' }) + ' (' + label('team', consult.team) + ')'));
      item.appendChild(make('p', 'consult__question', isString(consult.question) ? consult.question : ''));
      if (isString(consult.answer)) {
        item.appendChild(make('p', 'consult__meta', t('consultAnswer', { name: consult.answered_by || '' })));
        item.appendChild(make('p', 'consult__answer', consult.answer));
        var row = make('div', 'button-row');
        var use = button('btn-primary use-in-reply', t('useInReply'), function () { useInReply(consult); });
        use.disabled = !canAct(ticket);
        row.appendChild(use);
        row.appendChild(button('btn-default propose', t('proposeKnowledge'), function () { proposeKnowledge(consult); }));
        item.appendChild(row);
      }
      el.consultList.appendChild(item);
    });
    el.consultEmpty.hidden = consults.length > 0;
    var signature = [state.lang, state.teams.join(',')].join('|');
    if (signature !== state.shown.consultTeams) {
      state.shown.consultTeams = signature;
      var chosen = el.consultTeam.value || ticket.team;
      clear(el.consultTeam);
      state.teams.forEach(function (team) { el.consultTeam.appendChild(new Option(label('team', team), team)); });
      el.consultTeam.value = chosen;
    }
  }

  function askExpert() {
    var id = state.ticketId;
    var text = el.consultInput.value.trim();
    if (id === null) { return; }
    if (!text) { showError(t('err_empty')); el.consultInput.focus(); return; }
    act(function () {
      return api('POST', API + '/tickets/' + id + '/consults', { team: el.consultTeam.value, question: text });
    }, function () {
      el.consultInput.value = '';
      setStatus(t('askedExpert'));
      refreshTicket();
    });
  }

  // The answer goes into the composer, editable; the officer sends it, in the citizen's language.
  function useInReply(consult) {
    act(function () { return api('POST', API + '/consults/' + consult.id + '/relay'); }, function (result) {
      insertReply(isString(result && result.text) ? result.text : '');
      refreshTicket();
    });
  }

  function proposeKnowledge(consult) {
    act(function () { return api('POST', API + '/consults/' + consult.id + '/propose'); }, function () {
      setStatus(t('proposed'));
    });
  }

  // The expert's side: open questions (a count in the title and a badge), one ticket read only.
  var refreshConsults = coalesced(function () {
    if (!isExpert()) { return null; }
    return api('GET', API + '/consults', null, true).then(function (list) {
      var consults = Array.isArray(list) ? list : [];
      var fresh = consults.filter(function (c) { return !state.seenConsults[c.id]; });
      consults.forEach(function (c) { state.seenConsults[c.id] = true; });
      if (fresh.length && state.consultsLoaded) { notifyExpert(); }
      state.consultsLoaded = true;
      state.consults = consults;
      renderExpertList();
    });
  });

  function notifyExpert() {
    // Only when the expert allowed it in this browser.
    if (window.Notification && window.Notification.permission === 'granted') {
      try { new window.Notification(t('notifyNew')); } catch (e) { /* some browsers forbid it here */ }
    }
  }

  function renderExpertList() {
    var consults = state.consults;
    el.consultCount.textContent = consults.length ? t('count', { n: consults.length }) : '';
    document.title = (consults.length ? '(' + consults.length + ') ' : '') + t('documentTitle');
    clear(el.expertList);
    consults.forEach(function (consult) {
      var item = make('li', 'ticket-item');
      item.appendChild(make('p', 'consult__question', isString(consult.question) ? consult.question : ''));
      item.appendChild(make('p', 'consult__meta', t('consultAsked', { name: consult.asked_by || '' }) +
        ' (' + label('team', consult.team) + ')'));
      item.appendChild(button('btn-default open', t('open'), function () { openConsult(consult.id); }));
      el.expertList.appendChild(item);
    });
    el.expertEmpty.hidden = consults.length > 0;
    el.notifyAllow.hidden = !(window.Notification && window.Notification.permission === 'default');
  }

  function openConsult(id) {
    return api('GET', API + '/consults/' + id).then(function (view) {
      state.consultId = id;
      var ticket = view.ticket || {};
      el.consultView.hidden = false;
      el.consultHeading.textContent = t('consultFrom', {
        id: ticket.id, team: label('team', view.consult.team), language: label('lang', ticket.language) });
      el.consultQuestion.textContent = isString(view.consult.question) ? view.consult.question : '';
      clear(el.consultTranscript);
      (view.transcript || []).forEach(function (line) {
        if (line.sender === 'event') { return; }
        var p = make('p', 'msg msg--' + line.sender);
        p.appendChild(make('strong', '', label('sender', line.sender) + (state.lang === 'fr' ? NBSP + ': ' : ': ')));
        p.appendChild(document.createTextNode(isString(line.text) ? line.text : ''));
        el.consultTranscript.appendChild(p);
      });
      el.answerInput.value = '';
      el.answerInput.focus();
    }).catch(reportError);
  }

  function sendAnswer() {
    var id = state.consultId;
    var text = el.answerInput.value.trim();
    if (id === null) { return; }
    if (!text) { showError(t('err_empty')); el.answerInput.focus(); return; }
    act(function () { return api('POST', API + '/consults/' + id + '/answer', { text: text }); }, function () {
      el.answerInput.value = '';
      el.consultView.hidden = true;
      state.consultId = null;
      setStatus(t('answerSent'));
      refreshConsults();
    });
  }


  function act(promise, done) {
    if (state.busy) { return Promise.resolve(); }
    state.busy = true;
    showError('');
    return promise().then(function (result) {
      state.busy = false;
      if (done) { return done(result); }
      return null;
    }, function (error) {
      state.busy = false;
      reportError(error);
      if (state.me) { refreshQueue(); }  // the refusal may mean what is shown is out of date
    });
  }

  function took(result) {
    setStatus(t('took', { id: result.ticket_id }));
    refreshQueue();
    return openTicket(result.ticket_id, 'compose');
  }

  function takeTicket(id) {
    return act(function () { return api('POST', API + '/tickets/' + id + '/claim'); }, took);
  }

  function takeNext() {
    return act(function () { return api('POST', API + '/claim-next'); }, took);
  }

  function assignTicket(id, officerId) {
    if (!officerId) { showError(t('err_chooseOfficer')); return; }
    var officer = state.officers.filter(function (o) { return String(o.id) === officerId; })[0];
    act(function () {
      return api('POST', API + '/tickets/' + id + '/assign', { officer_id: Number(officerId) });
    }, function () {
      delete state.assignChoice[id];
      setStatus(t('assigned', { id: id, name: officer ? officer.name : officerId }));
      refreshQueue();
    });
  }

  function sendMessage() {
    var id = state.ticketId;
    var text = el.compose.value.trim();
    if (id === null || el.compose.disabled) { return; }
    if (!text) { showError(t('err_empty')); return; }
    act(function () { return api('POST', API + '/tickets/' + id + '/messages', { text: text }); }, function () {
      if (state.ticketId === id) { el.compose.value = ''; }
      delete state.drafts[id];
      setStatus(t('sent'));
      refreshTicket();
    });
  }

  function addNote() {
    var id = state.ticketId;
    var text = el.noteInput.value.trim();
    if (id === null) { return; }
    if (!text) { showError(t('err_empty')); el.noteInput.focus(); return; }
    act(function () { return api('POST', API + '/tickets/' + id + '/notes', { text: text }); }, function () {
      el.noteInput.value = '';
      setStatus(t('noteAdded'));
      refreshTicket();
    });
  }

  function transferTicket() {
    var id = state.ticketId;
    var target = el.transferTarget.value;
    if (id === null) { return; }
    if (!target) { showError(t('err_chooseTarget')); el.transferTarget.focus(); return; }
    var body = target.indexOf('team:') === 0 ? { team: target.slice(5) }
      : { officer_id: Number(target.slice(8)) };
    var reason = el.transferReason.value.trim();
    if (reason) { body.reason = reason; }
    act(function () { return api('POST', API + '/tickets/' + id + '/transfer', body); }, function () {
      el.transferReason.value = '';
      leaveTicket(id, t('transferred', { id: id }), el.transferTarget);
    });
  }

  function resolveTicket() {
    var id = state.ticketId;
    var outcome = el.resolveOutcome.value;
    if (id === null) { return; }
    if (!outcome) { showError(t('err_chooseOutcome')); el.resolveOutcome.focus(); return; }
    act(function () { return api('POST', API + '/tickets/' + id + '/resolve', { outcome: outcome }); }, function () {
      leaveTicket(id, t('resolved', { id: id }), el.resolveOutcome);
    });
  }

  // A transferred or resolved ticket is no longer this officer's: back to the queue.
  // It leaves "My conversations" at once, not when the queue is next fetched, so Alt+J/K
  // never reopen it.
  function leaveTicket(id, status, control) {
    state.queueEpoch += 1;
    state.queue.mine = state.queue.mine.filter(function (ticket) { return ticket.id !== id; });
    setStatus(status);
    control.value = '';
    closeTicket();
    refreshQueue();
    el.takeNext.focus();
  }

  function signOut(event) {
    event.preventDefault();  // the header's form is for pages without this script
    api('POST', '/console/logout').then(goToLogin, function (error) {
      if (!(error instanceof ApiError && error.status === 401)) { reportError(error); }
    });
  }

  // ------------------------------------------------------------ typing

  // #citizen-typing is an aria-live region that stays in the page: its text changes only
  // when what it says changes, so a screen reader hears it once, not on every signal.
  function showCitizenTyping() {
    if (state.citizenTypingTimer) { clearTimeout(state.citizenTypingTimer); }
    state.citizenTypingTimer = setTimeout(hideCitizenTyping, CITIZEN_TYPING_MS);
    var text = t('citizenTyping');
    if (el.citizenTyping.textContent !== text) { el.citizenTyping.textContent = text; }
  }

  function hideCitizenTyping() {
    if (state.citizenTypingTimer) { clearTimeout(state.citizenTypingTimer); state.citizenTypingTimer = null; }
    if (el.citizenTyping.textContent) { el.citizenTyping.textContent = ''; }
  }

  // The citizen sees "<first name> is typing…"; the server decides whether this account may
  // (it must be able to act on the ticket). Never queued or resent.
  function signalTyping() {
    var now = Date.now();
    var id = state.ticketId;
    if (id === null || el.compose.disabled || !el.compose.value.trim()) { return; }
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) { return; }
    if (state.typingSent.ticket === id && now - state.typingSent.at < TYPING_SIGNAL_MS) { return; }
    state.typingSent = { ticket: id, at: now };
    try { state.ws.send(JSON.stringify({ type: 'typing', ticket_id: id })); } catch (e) { /* dropped */ }
  }

  // ------------------------------------------------------------ live events

  function connect() {
    var socket;
    try {
      socket = new WebSocket(GC.socketUrl(WS_PATH));
    } catch (e) {
      scheduleReconnect();
      return;
    }
    state.ws = socket;
    socket.addEventListener('message', function (event) {
      if (state.ws !== socket) { return; }
      onEvent(event.data);
    });
    socket.addEventListener('close', function (event) {
      if (state.ws !== socket) { return; }
      state.ws = null;
      if (event.code === SERVICE_RESTART) { state.attempt = 0; }  // the gateway restarts: the shortest delay
      scheduleReconnect();
    });
    socket.addEventListener('error', function () { /* a close event follows */ });
  }

  function scheduleReconnect() {
    if (state.reconnectTimer) { return; }
    var delay = BACKOFF_MS[Math.min(state.attempt, BACKOFF_MS.length - 1)];
    state.attempt += 1;
    setStatus(t('reconnecting'));
    // A socket refused because the session ended: /me answers 401 and sends us to sign in.
    if (state.attempt > 1) { api('GET', API + '/me', null, true).catch(function () { /* still offline */ }); }
    state.reconnectTimer = setTimeout(function () {
      state.reconnectTimer = null;
      connect();
    }, delay);
  }

  function onEvent(data) {
    var event;
    try { event = JSON.parse(data); } catch (e) { return; }
    if (!event || typeof event !== 'object') { return; }
    if (event.type === 'hello') {
      var reconnected = state.attempt > 0;
      state.attempt = 0;
      setStatus(reconnected ? t('live') : '');
      refreshQueue();
      refreshTicket();
      refreshConsults();
      return;
    }
    if (event.type === 'citizen_typing') {
      if (event.ticket_id === state.ticketId) { showCitizenTyping(); }
      return;
    }
    if (event.type === 'message' && event.ticket_id === state.ticketId) { hideCitizenTyping(); }
    if (event.type === 'queue' || event.type === 'message') {
      refreshQueue();  // a message moves its card first, with an unread badge and a new preview
      if (event.ticket_id === state.ticketId) { refreshTicket(); }
    }
    if (event.type === 'consult') {
      if (isExpert()) { refreshConsults(); } else if (event.ticket_id === state.ticketId) { refreshTicket(); }
    }
  }

  // ------------------------------------------------------------ shortcuts

  // Alt + a letter (never a lone letter: WCAG 2.1.4), by physical key so any layout works.
  var SHORTCUTS = {
    KeyJ: function () { stepConversation(1); },
    KeyK: function () { stepConversation(-1); },
    KeyR: function () { if (state.detail && !el.compose.disabled) { el.compose.focus(); } },
    KeyN: function () { if (state.detail) { el.noteInput.focus(); } },
    KeyE: function () { if (state.detail && !el.resolveOutcome.disabled) { el.resolveOutcome.focus(); } },
    KeyT: function () { takeNext(); }  // with no one waiting, the server's answer says so
  };

  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || !!(target && target.isContentEditable);
  }

  function onShortcut(event) {
    if (isExpert() || el.shortcutsDialog.open) { return; }
    if (event.altKey && !event.ctrlKey && !event.metaKey && SHORTCUTS[event.code]) {
      event.preventDefault();
      SHORTCUTS[event.code]();
      return;
    }
    if (event.key === '?' && !event.altKey && !event.ctrlKey && !event.metaKey && !typing(event.target)) {
      event.preventDefault();
      openShortcuts();
    }
  }

  function openShortcuts() {
    state.shortcutsFrom = document.activeElement;
    if (el.shortcutsDialog.showModal) { el.shortcutsDialog.showModal(); } else { el.shortcutsDialog.setAttribute('open', ''); }
    el.shortcutsClose.focus();
  }

  // My conversations (then, for a supervisor, all active ones) in the order shown.
  function stepConversation(step) {
    var list = state.queue.mine.concat(isSupervisor() ? state.queue.active.filter(function (ticket) {
      return !state.queue.mine.some(function (mine) { return mine.id === ticket.id; });
    }) : []);
    if (!list.length) { return; }
    var at = -1;
    list.forEach(function (ticket, index) { if (ticket.id === state.ticketId) { at = index; } });
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
    openTicket(list[next].id, 'compose');
  }

  // ------------------------------------------------ saved replies with "/"

  // "/" at the start of the reply box searches the saved replies (title and text, both
  // languages); Arrow keys choose, Enter or Tab inserts the reply in the ticket's language.
  function fold(text) {
    var plain = String(text || '').toLowerCase();
    return plain.normalize ? plain.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : plain;
  }

  function updateSuggestions() {
    var value = el.compose.value;
    var ticket = state.detail && state.detail.ticket;
    if (value.charAt(0) !== '/' || !ticket || el.compose.disabled) { closeSuggestions(); return; }
    var query = fold(value.slice(1));
    var language = ticket.language === 'fr' ? 'fr' : 'en';
    var items = state.replies.filter(function (reply) {
      if (!reply || !isString(reply[language])) { return false; }
      var haystack = [reply.key, reply.title && reply.title.en, reply.title && reply.title.fr, reply.en, reply.fr]
        .filter(isString).join(' ');
      return fold(haystack).indexOf(query.trim()) >= 0;
    });
    state.suggest = { open: true, items: items, index: 0 };
    renderSuggestions(value.slice(1));
  }

  function renderSuggestions(query) {
    clear(el.suggestList);
    el.suggestLabel.textContent = state.suggest.items.length ? t('replySearch', { query: query }) : t('replyNone');
    var language = state.detail.ticket.language === 'fr' ? 'fr' : 'en';
    state.suggest.items.forEach(function (reply, index) {
      var option = make('li', 'reply-suggest__option');
      option.id = 'reply-option-' + index;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', index === state.suggest.index ? 'true' : 'false');
      option.appendChild(make('strong', '', (reply.title && (reply.title[state.lang] || reply.title.en)) || reply.key));
      option.appendChild(make('span', 'reply-suggest__text', reply[language]));
      option.addEventListener('mousedown', function (event) { event.preventDefault(); chooseSuggestion(index); });
      el.suggestList.appendChild(option);
    });
    // A textarea cannot be a combobox (ARIA in HTML): it stays a text box that names the listbox
    // it controls and its active option; the listbox's label says how many replies match.
    el.suggestBox.hidden = false;
    if (state.suggest.items.length) {
      el.compose.setAttribute('aria-activedescendant', 'reply-option-' + state.suggest.index);
    } else {
      el.compose.removeAttribute('aria-activedescendant');
    }
  }

  function closeSuggestions() {
    state.suggest = { open: false, items: [], index: 0 };
    el.suggestBox.hidden = true;
    el.compose.removeAttribute('aria-activedescendant');
  }

  function chooseSuggestion(index) {
    var reply = state.suggest.items[index];
    if (!reply) { return; }
    var language = state.detail.ticket.language === 'fr' ? 'fr' : 'en';
    el.compose.value = reply[language];
    closeSuggestions();
    el.compose.focus();
    el.compose.setSelectionRange(el.compose.value.length, el.compose.value.length);
  }

  // true when the key was the list's
  function onSuggestKey(event) {
    var count = state.suggest.items.length;
    if (event.key === 'Escape') { event.preventDefault(); closeSuggestions(); return true; }
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count) {
      event.preventDefault();
      state.suggest.index = (state.suggest.index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      renderSuggestions(el.compose.value.slice(1));
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && count) {
      event.preventDefault();
      chooseSuggestion(state.suggest.index);
      return true;
    }
    return false;
  }

  // ----------------------------------------------------------------- init

  function onComposeKey(event) {
    if (state.suggest.open && onSuggestKey(event)) { return; }
    if (!GC.isSendKey(event)) { return; }
    event.preventDefault();
    sendMessage();
  }

  function find() {
    var ids = {
      status: 'console-status', error: 'console-error', langToggle: 'lang-toggle', signOut: 'sign-out', analyticsLink: 'analytics-link', inboxLink: 'inbox-link',
      officerName: 'officer-name', officerRole: 'officer-role', takeNext: 'take-next',
      queueLive: 'queue-live', waitingList: 'waiting-list', waitingEmpty: 'waiting-empty',
      waitingCount: 'waiting-count', mineList: 'mine-list', mineEmpty: 'mine-empty', mineCount: 'mine-count',
      supervisorView: 'supervisor-view', activeList: 'active-list', activeEmpty: 'active-empty',
      activeCount: 'active-count', ticketHeading: 'ticket-heading', ticketEmpty: 'ticket-empty',
      ticketBody: 'ticket-body', meta: 'ticket-meta', readonly: 'ticket-readonly', transcript: 'transcript',
      citizenTyping: 'citizen-typing',
      composeForm: 'compose-form', compose: 'compose-input', composeSend: 'compose-send',
      savedReplies: 'saved-replies-buttons', savedRepliesLang: 'saved-replies-lang',
      notesList: 'notes-list', notesEmpty: 'notes-empty', noteForm: 'note-form', noteInput: 'note-input',
      transferForm: 'transfer-form', transferTarget: 'transfer-target', transferButton: 'transfer-button',
      resolveForm: 'resolve-form', resolveOutcome: 'resolve-outcome', resolveButton: 'resolve-button',
      queuePanel: 'queue-panel', ticketPanel: 'ticket-panel', expertPanel: 'expert-panel',
      consultCount: 'consult-count', expertList: 'expert-list', expertEmpty: 'expert-empty',
      notifyAllow: 'notify-allow', consultView: 'consult-view', consultHeading: 'consult-heading',
      consultQuestion: 'consult-question', consultTranscript: 'consult-transcript', answerForm: 'answer-form',
      answerInput: 'answer-input', consultList: 'consult-list', consultEmpty: 'consult-empty',
      consultForm: 'consult-form', consultTeam: 'consult-team', consultInput: 'consult-input',
      alertsToggle: 'alerts-toggle', alertsHint: 'alerts-hint', shortcutsOpen: 'shortcuts-open',
      shortcutsDialog: 'shortcuts-dialog', shortcutsClose: 'shortcuts-close', transferReason: 'transfer-reason',
      suggestBox: 'reply-suggest-box', suggestList: 'reply-suggest', suggestLabel: 'reply-suggest-label'
    };
    Object.keys(ids).forEach(function (name) { el[name] = document.getElementById(ids[name]); });
  }

  function listen() {
    el.langToggle.addEventListener('click', function () { setLanguage(state.lang === 'fr' ? 'en' : 'fr'); });
    el.signOut.addEventListener('click', signOut);
    el.takeNext.addEventListener('click', takeNext);
    el.composeForm.addEventListener('submit', function (event) { event.preventDefault(); sendMessage(); });
    el.compose.addEventListener('keydown', onComposeKey);
    el.compose.addEventListener('input', updateSuggestions);
    el.compose.addEventListener('input', signalTyping);
    el.compose.addEventListener('blur', function () { window.setTimeout(closeSuggestions, 150); });
    el.alertsToggle.addEventListener('change', function () { setAlerts(el.alertsToggle.checked); });
    el.shortcutsOpen.addEventListener('click', openShortcuts);
    el.shortcutsClose.addEventListener('click', function () { el.shortcutsDialog.close(); });
    el.shortcutsDialog.addEventListener('close', function () {
      if (state.shortcutsFrom && state.shortcutsFrom.focus) { state.shortcutsFrom.focus(); }
    });
    document.addEventListener('keydown', onShortcut);
    el.noteForm.addEventListener('submit', function (event) { event.preventDefault(); addNote(); });
    el.transferForm.addEventListener('submit', function (event) { event.preventDefault(); transferTicket(); });
    el.resolveForm.addEventListener('submit', function (event) { event.preventDefault(); resolveTicket(); });
    el.consultForm.addEventListener('submit', function (event) { event.preventDefault(); askExpert(); });
    el.answerForm.addEventListener('submit', function (event) { event.preventDefault(); sendAnswer(); });
    el.notifyAllow.addEventListener('click', function () {
      if (window.Notification) { window.Notification.requestPermission().then(renderExpertList); }
    });
    window.setInterval(updateClocks, CLOCK_MS);
  }

  function init() {
    find();
    if (!el.waitingList || !el.transcript) { return; }
    var stored = GC.storageGet('localStorage', LANG_KEY);
    state.lang = stored === 'fr' || stored === 'en' ? stored
      : ((navigator.language || '').toLowerCase().indexOf('fr') === 0 ? 'fr' : 'en');
    listen();
    state.alerts = GC.storageGet('localStorage', ALERTS_KEY) === 'on';
    el.alertsToggle.checked = state.alerts;
    el.alertsHint.hidden = !state.alerts;
    applyLanguage();
    api('GET', API + '/me').then(function (me) {
      state.me = me;
      state.csrf = me.csrf || '';
      loadSeen();
      state.vocabulary = me.vocabulary && typeof me.vocabulary === 'object' ? me.vocabulary : {};
      state.teams = vocabularyList('teams');
      renderHeader();
      return Promise.all([api('GET', API + '/saved-replies'), api('GET', API + '/intents')]);
    }).then(function (results) {
      state.replies = Array.isArray(results[0]) ? results[0] : [];
      state.intents = results[1] && typeof results[1] === 'object' ? results[1] : {};
      refreshQueue();
      refreshConsults();
      connect();
      openFromHash();
    }).catch(reportError);
    window.addEventListener('hashchange', openFromHash);
  }

  // /console#ticket-42 opens ticket 42 (the analytics lists of tickets link here).
  function openFromHash() {
    var found = /^#ticket-(\d{1,9})$/.exec(window.location.hash);
    if (found && state.me) { openTicket(Number(found[1])); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
