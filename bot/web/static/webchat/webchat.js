/*
 * Citizen web chat for the Government of Canada conversational assistant.
 *
 * Vanilla JavaScript, no build step, no framework, no external requests.
 * Talks to the gateway over a WebSocket at /webchat/ws (JSON text frames):
 *
 *   client -> server  {"type": "hello", "conversation_id": str|null, "language": "en"|"fr"}
 *                     {"type": "message", "text": str, "client_id": str}
 *                     {"type": "button", "payload": str, "title": str, "client_id": str}
 *                     {"type": "typing"}   the citizen is typing (at most one every TYPING_SIGNAL_MS)
 *   server -> client  {"type": "welcome", "conversation_id": str}
 *                     {"type": "history", "messages": [{sender, text, buttons, image, language, links, ts, client_id}]}
 *                     {"type": "ack", "client_id": str}     stored: it will be answered
 *                     {"type": "retry", "client_id": str}   not taken (gateway stopping): send again
 *                     {"type": "message", sender, text, buttons, image, language, links, ts}
 *                     {"type": "typing", "on": bool}   the assistant is working on an answer
 *                     {"type": "typing", "on": true, "sender": "officer", "name": str}
 *                                          the officer (first name) is typing: shown a few seconds
 *                     {"type": "error", code, message}
 *
 * Delivery: each citizen message has a random client id. It shows "Sending…" until the
 * gateway's ack, then "Delivered"; what has no ack when the socket drops (or got "retry")
 * waits and is sent again after reconnecting; the gateway answers a client id once. A
 * close with 1012 (service restart: the gateway is stopping) reconnects at once.
 *
 * Links: an https URL in an answer becomes a link; when the frame's `links` names the page
 * ([{url, title}], from content/links.yml), the link reads "Passport fees", not the URL
 * (WCAG 2.4.4). Links open in a new tab and say so to screen readers.
 *
 * Language: a message's text carries its own `lang` (WCAG 3.1.2), and so do the hidden
 * words of its links; when the conversation moves to the other language, the page offers
 * (in that language) to follow it: labels and <html lang>.
 *
 * SECURITY: every piece of text that comes from the server or the citizen is
 * inserted with textContent / text nodes. innerHTML is never used.
 *
 * Needs ../common/gc.js (window.GC, the helpers shared with the officer console) loaded first.
 */
(function () {
  'use strict';

  var GC = window.GC;
  var isString = GC.isString;
  var make = GC.make;
  var clear = GC.clear;
  var parseDate = GC.parseDate;
  var storageGet = GC.storageGet;
  var storageSet = GC.storageSet;

  var MAX_CHARS = 2000;
  var CONVERSATION_KEY = 'govbot.conversation_id';
  var OUTBOX_KEY = 'govbot.outbox';
  var WS_PATH = '/webchat/ws';
  var BACKOFF_MS = [1000, 2000, 5000, 10000];
  var TYPING_TIMEOUT_MS = 30000;
  var OFFICER_TYPING_MS = 6000;   // the console signals every 3 s while the officer types
  var TYPING_SIGNAL_MS = 3000;    // at most one "the citizen is typing" signal this often
  var RECONNECTED_NOTICE_MS = 4000;
  var CONNECT_TIMEOUT_MS = 10000;
  var SENDERS = ['citizen', 'bot', 'officer', 'system'];
  var SERVICE_RESTART = 1012;     // close code: the gateway restarts, reconnect now
  var RESTART_JITTER_MS = 750;    // so that every page does not come back in the same instant

  var NBSP = '\u00a0';

  var STRINGS = {
    en: {
      documentTitle: 'Ask a question about passports and benefits - Government of Canada',
      skipLinks: 'Skip links',
      skipToChat: 'Skip to the chat',
      languageNav: 'Language selection',
      otherLanguageName: 'Français',
      otherLanguage: 'fr',
      signatureSrc: '/static/common/images/sig-blk-en.svg',
      signatureName: 'Government of Canada',
      signatureOther: 'Gouvernement du Canada',
      wordmarkSrc: '/static/common/images/wmms-spl-en.svg',
      wordmarkName: 'Symbol of the Government of Canada',
      heading: 'Ask a question about passports and benefits',
      noticeHeading: 'Before you start',
      noticeAutomated: 'You are talking to an automated assistant, not a person. A government officer may join the conversation if you need more help.',
      noticePrivate: 'Do not share personal information, such as your Social Insurance Number (SIN) or your passport number.',
      conversation: 'Conversation',
      intro: 'Type your question in the box below the conversation. For example: \u201cHow do I renew my passport?\u201d',
      inputLabel: 'Your question',
      inputHint: 'Press Enter to send. Press Shift + Enter to start a new line.',
      send: 'Send',
      counter: '{count} of {max} characters',
      counter_one: '{count} of {max} characters',
      limitReached: 'You have reached the limit of {max} characters.',
      emptyMessage: 'Type a question before you select Send.',
      tooLong: 'Your message is longer than {max} characters. Please shorten it.',
      prefix_citizen: 'You said:',
      prefix_bot: 'Assistant:',
      prefix_officer: 'Officer:',
      prefix_system: 'Notice:',
      name_citizen: 'You',
      name_bot: 'Assistant',
      name_officer: 'Officer',
      name_system: 'Notice',
      quickReplies: 'Suggested replies',
      pending: 'Waiting to send. It will be sent when the connection is back.',
      sending: 'Sending\u2026',
      delivered: 'Delivered',
      followLanguage: 'Show this page in English',
      typing_bot: 'The assistant is typing\u2026',
      typing_officer: 'The officer is typing\u2026',
      typing_officer_named: '{name} is typing\u2026',
      statusConnecting: 'Connecting\u2026',
      statusReconnecting: 'Connection lost. Reconnecting\u2026',
      statusReconnectingQueued: 'Connection lost. Reconnecting\u2026 Your messages will be sent when the connection is back.',
      statusReconnected: 'Connection restored.',
      newTab: ' (opens in a new tab)',
      errorIntro: 'Sorry, something went wrong.',
      imageAlt: 'Image shared in the conversation',
      viewImage: 'View the image',
      footerHeading: 'About this site',
      terms: 'Terms and conditions',
      termsUrl: 'https://www.canada.ca/en/transparency/terms.html',
      privacy: 'Privacy',
      privacyUrl: 'https://www.canada.ca/en/transparency/privacy.html',
      endConversation: 'End conversation',
      endHint: 'On a shared or public computer, end the conversation when you are done: this page forgets it.',
      statusEnded: 'The conversation has ended and this page no longer shows it. Type a question to start a new one.'
    },
    fr: {
      documentTitle: 'Posez une question sur les passeports et les prestations - Gouvernement du Canada',
      skipLinks: 'Liens d\u2019évitement',
      skipToChat: 'Passer au clavardage',
      languageNav: 'Sélection de la langue',
      otherLanguageName: 'English',
      otherLanguage: 'en',
      signatureSrc: '/static/common/images/sig-blk-fr.svg',
      signatureName: 'Gouvernement du Canada',
      signatureOther: 'Government of Canada',
      wordmarkSrc: '/static/common/images/wmms-spl-fr.svg',
      wordmarkName: 'Symbole du gouvernement du Canada',
      heading: 'Posez une question sur les passeports et les prestations',
      noticeHeading: 'Avant de commencer',
      noticeAutomated: 'Vous communiquez avec un assistant automatisé, et non avec une personne. Un agent ou une agente du gouvernement pourrait se joindre à la conversation si vous avez besoin de plus d\u2019aide.',
      noticePrivate: 'Ne communiquez pas de renseignements personnels, comme votre numéro d\u2019assurance sociale (NAS) ou votre numéro de passeport.',
      conversation: 'Conversation',
      intro: 'Écrivez votre question dans la zone sous la conversation. Par exemple\u00a0: «\u00a0Comment renouveler mon passeport?\u00a0»',
      inputLabel: 'Votre question',
      inputHint: 'Appuyez sur Entrée pour envoyer. Appuyez sur Maj + Entrée pour aller à la ligne.',
      send: 'Envoyer',
      counter: '{count}' + NBSP + 'caractères sur {max}',
      counter_one: '{count}' + NBSP + 'caractère sur {max}',
      limitReached: 'Vous avez atteint la limite de {max} caractères.',
      emptyMessage: 'Écrivez une question avant de sélectionner Envoyer.',
      tooLong: 'Votre message dépasse {max} caractères. Veuillez le raccourcir.',
      prefix_citizen: 'Vous avez dit' + NBSP + ':',
      prefix_bot: 'Assistant' + NBSP + ':',
      prefix_officer: 'Agent' + NBSP + ':',
      prefix_system: 'Avis' + NBSP + ':',
      name_citizen: 'Vous',
      name_bot: 'Assistant',
      name_officer: 'Agent',
      name_system: 'Avis',
      quickReplies: 'Réponses suggérées',
      pending: 'En attente d\u2019envoi. Le message sera envoyé dès le rétablissement de la connexion.',
      sending: 'Envoi en cours\u2026',
      delivered: 'Transmis',
      followLanguage: 'Afficher cette page en français',
      typing_bot: 'L\u2019assistant écrit\u2026',
      typing_officer: 'Réponse en cours de rédaction\u2026',
      typing_officer_named: '{name} écrit\u2026',
      statusConnecting: 'Connexion en cours\u2026',
      statusReconnecting: 'Connexion perdue. Reconnexion en cours\u2026',
      statusReconnectingQueued: 'Connexion perdue. Reconnexion en cours\u2026 Vos messages seront envoyés dès le rétablissement de la connexion.',
      statusReconnected: 'Connexion rétablie.',
      newTab: ' (s\u2019ouvre dans un nouvel onglet)',
      errorIntro: 'Désolé, un problème est survenu.',
      imageAlt: 'Image partagée dans la conversation',
      viewImage: 'Voir l\u2019image',
      footerHeading: 'À propos de ce site',
      terms: 'Avis',
      termsUrl: 'https://www.canada.ca/fr/transparence/avis.html',
      privacy: 'Confidentialité',
      privacyUrl: 'https://www.canada.ca/fr/transparence/confidentialite.html',
      endConversation: 'Terminer la conversation',
      endHint: 'Sur un ordinateur partagé ou public, terminez la conversation quand vous avez fini\u00a0: cette page l\u2019oublie.',
      statusEnded: 'La conversation est terminée et cette page ne l\u2019affiche plus. Écrivez une question pour en commencer une nouvelle.'
    }
  };

  // ---------------------------------------------------------------- state

  var state = {
    lang: 'en',
    conversationId: null,
    ws: null,
    helloSent: false,
    attempt: 0,              // reconnect attempts since the last welcome
    everConnected: false,
    reconnectTimer: null,
    statusKey: '',
    statusTimer: null,
    typingSender: null,
    typingTimer: null,
    typingName: '',          // the officer's first name, while they type
    typingSignalAt: 0,       // when this page last told the officer the citizen is typing
    desk: false,             // the handoff desk spoke in this conversation (a notice or an officer)
    lastAgent: 'bot',        // who spoke last (bot/officer), for the typing label
    outbox: [],              // not sent yet (typed while disconnected, or to send again)
    inflight: [],            // sent on the current socket, no ack yet
    formMessageKey: '',
    formMessageInvalid: false,
    offeredLang: null,       // the language the page offers to follow, if any
    ended: false             // the citizen ended the conversation: old frames until the next welcome are dropped
  };

  var el = {};

  // ------------------------------------------------------------- helpers

  var t = GC.translator(STRINGS, function () { return state.lang; });

  function formatNumber(n) {
    try { return new Intl.NumberFormat(GC.locale(state.lang)).format(n); } catch (e) { return String(n); }
  }

  function normaliseLang(value) {
    value = String(value || '').toLowerCase();
    return value.indexOf('fr') === 0 ? 'fr' : (value.indexOf('en') === 0 ? 'en' : null);
  }

  // Citizens may come back days later: dates before today show the year.
  function formatTime(d) {
    return GC.formatTime(d, GC.locale(state.lang), true);
  }

  // An element whose text follows the UI language (re-translated on toggle).
  function makeI18n(tag, className, key) {
    var node = make(tag, className, t(key));
    node.setAttribute('data-i18n', key);
    return node;
  }

  // ------------------------------------------------------------ language

  function applyLanguage() {
    var lang = state.lang;
    var other = lang === 'fr' ? 'en' : 'fr';
    document.documentElement.setAttribute('lang', lang);
    document.title = t('documentTitle');
    GC.translatePage(t);

    var nodes = el.log.querySelectorAll('time[datetime]');
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = formatTime(parseDate(nodes[i].getAttribute('datetime')));
    }

    var toggle = el.langToggle;
    toggle.textContent = STRINGS[lang].otherLanguageName;
    toggle.setAttribute('lang', other);
    toggle.setAttribute('hreflang', other);
    toggle.setAttribute('href', urlForLanguage(other));

    if (state.offeredLang === lang) { withdrawLanguageOffer(); }
    updateCounter(false);
    renderStatus();
    renderTyping();
  }

  function urlForLanguage(lang) {
    var url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    url.hash = '';
    return url.pathname + url.search;
  }

  function setLanguage(lang) {
    if (!STRINGS[lang] || lang === state.lang) { return; }
    state.lang = lang;
    try { window.history.replaceState(null, '', urlForLanguage(lang)); } catch (e) { /* ignore */ }
    applyLanguage();
    // Tell the gateway: hello is the only frame that carries the language.
    if (isReady()) { sendHello(); }
  }

  // ----------------------------------------------------------- rendering

  // On a phone the log does not scroll by itself (webchat.css): the page does.
  function logScrolls() {
    var overflow = window.getComputedStyle(el.log).overflowY;
    return overflow === 'auto' || overflow === 'scroll';
  }

  // Follow the conversation only if the citizen is at its end (not reading back).
  function atEnd() {
    if (logScrolls()) { return GC.nearBottom(el.log); }
    return el.form.getBoundingClientRect().top < window.innerHeight;
  }

  function scrollToBottom() {
    if (logScrolls()) {
      el.log.scrollTop = el.log.scrollHeight;
    } else {
      el.form.scrollIntoView({ block: 'end' });
    }
  }

  var URL_RE = /https:\/\/[^\s<>"'`]+/g;

  function count(s, ch) { return s.split(ch).length - 1; }

  function trimUrl(u) {
    var pairs = { ')': '(', ']': '[', '}': '{' };
    while (u.length > 8) {
      var c = u.charAt(u.length - 1);
      if ('.,;:!?\u00bb\u201d\u2019*'.indexOf(c) >= 0) { u = u.slice(0, -1); continue; }
      if (pairs[c] && count(u, pairs[c]) < count(u, c)) { u = u.slice(0, -1); continue; }
      break;
    }
    return u;
  }

  // lang: the message's language; its hidden words follow it, not the page's.
  function makeLink(raw, lang, title) {
    var parsed;
    try { parsed = new URL(raw); } catch (e) { return null; }
    if (parsed.protocol !== 'https:' || !parsed.hostname) { return null; }
    var a = document.createElement('a');
    a.href = parsed.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.appendChild(document.createTextNode(title || raw));
    a.appendChild(lang ? make('span', 'wb-inv', STRINGS[lang].newTab) : makeI18n('span', 'wb-inv', 'newTab'));
    return a;
  }

  // url -> the page's name, from a frame's `links`.
  function linkTitles(links) {
    var named = {};
    if (!Array.isArray(links)) { return named; }
    links.forEach(function (link) {
      if (link && isString(link.url) && isString(link.title) && link.title) { named[link.url] = link.title; }
    });
    return named;
  }

  // Appends text to parent, turning https:// URLs into links (DOM APIs only); a URL that
  // `titles` names reads as that name.
  function appendTextWithLinks(parent, text, lang, titles) {
    titles = titles || {};
    var last = 0;
    var m;
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text)) !== null) {
      var url = trimUrl(m[0]);
      var start = m.index;
      if (start > last) { parent.appendChild(document.createTextNode(text.slice(last, start))); }
      var link = makeLink(url, lang, Object.prototype.hasOwnProperty.call(titles, url) ? titles[url] : null);
      parent.appendChild(link || document.createTextNode(url));
      last = start + url.length;
      URL_RE.lastIndex = last;
    }
    if (last < text.length) { parent.appendChild(document.createTextNode(text.slice(last))); }
  }

  function appendImage(container, src) {
    if (!isString(src) || !src) { return; }
    var url;
    try { url = new URL(src, window.location.href); } catch (e) { return; }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') { return; }
    if (url.origin === window.location.origin) {
      var img = document.createElement('img');
      img.className = 'msg__image';
      img.src = url.href;
      img.setAttribute('data-i18n-alt', 'imageAlt');
      img.alt = t('imageAlt');
      img.loading = 'lazy';
      container.appendChild(img);
    } else if (url.protocol === 'https:') {
      // Nothing is loaded from another host: offer a link instead.
      var p = make('p', 'msg__image-link');
      var a = document.createElement('a');
      a.href = url.href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.appendChild(makeI18n('span', '', 'viewImage'));
      a.appendChild(makeI18n('span', 'wb-inv', 'newTab'));
      p.appendChild(a);
      container.appendChild(p);
    }
  }

  function validButtons(buttons) {
    var out = [];
    if (!Array.isArray(buttons)) { return out; }
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      if (b && isString(b.title) && b.title && isString(b.payload) && b.payload) {
        out.push({ title: b.title, payload: b.payload });
      }
    }
    return out;
  }

  /*
   * msg: {sender, text, buttons, image, language, links, ts, localId, delivery, error}
   * delivery (citizen messages the page sent): 'pending' (waiting for a connection),
   * 'sending' (sent, no ack yet) or 'delivered' (the gateway stored it).
   * Returns the message element (already appended to the log).
   */
  function renderMessage(msg) {
    var sender = SENDERS.indexOf(msg.sender) >= 0 ? msg.sender : 'bot';
    var text = isString(msg.text) ? msg.text : '';
    var buttons = validButtons(msg.buttons);
    var stick = sender === 'citizen' || atEnd();

    var item = make('div', 'msg msg--' + sender + (msg.error ? ' msg--error' : '') +
      (msg.delivery && msg.delivery !== 'delivered' ? ' msg--pending' : ''));
    item.setAttribute('data-sender', sender);
    if (msg.localId) { item.setAttribute('data-local-id', msg.localId); }

    var bubble = make('div', 'msg__bubble');
    bubble.appendChild(makeI18n('span', 'wb-inv msg__prefix', 'prefix_' + sender));
    bubble.appendChild(document.createTextNode(' '));
    var body = make('span', 'msg__text');
    var lang = messageLanguage(msg.language);
    if (lang) { body.setAttribute('lang', lang); }
    if (msg.error) {
      body.appendChild(makeI18n('span', 'msg__error-intro', 'errorIntro'));
      if (text) { body.appendChild(document.createTextNode(' ' + text)); }
    } else if (sender === 'citizen') {
      body.textContent = text;
    } else {
      appendTextWithLinks(body, text, lang, linkTitles(msg.links));
    }
    bubble.appendChild(body);
    item.appendChild(bubble);

    appendImage(item, msg.image);

    if (buttons.length) {
      var group = make('div', 'quick-replies');
      group.setAttribute('role', 'group');
      group.setAttribute('data-i18n-aria-label', 'quickReplies');
      group.setAttribute('aria-label', t('quickReplies'));
      buttons.forEach(function (b) {
        var btn = GC.button('btn-default quick-reply', b.title, function () { onQuickReply(btn, b); });
        btn.setAttribute('data-payload', b.payload);
        group.appendChild(btn);
      });
      item.appendChild(group);
    }

    var meta = make('p', 'msg__meta');
    var name = makeI18n('span', 'msg__name', 'name_' + sender);
    name.setAttribute('aria-hidden', 'true');
    meta.appendChild(name);
    meta.appendChild(document.createTextNode(' '));
    var d = parseDate(msg.ts);
    var time = make('time', 'msg__time', formatTime(d));
    time.setAttribute('datetime', d.toISOString());
    meta.appendChild(time);
    if (msg.delivery) {
      meta.appendChild(document.createTextNode(' '));
      meta.appendChild(makeI18n('span', 'msg__status', msg.delivery));
    }
    item.appendChild(meta);

    el.log.appendChild(item);
    if (stick && !el.log.hasAttribute('aria-busy')) { scrollToBottom(); }  // busy: history, see below
    return item;
  }

  // The log announces additions only (aria-relevant): a status changing in place stays quiet.
  function messageLanguage(value) {
    return value === 'en' || value === 'fr' ? value : null;
  }

  // The conversation went to another language: offer, in that language, to follow it.
  function offerLanguage(lang) {
    if (!el.langOffer || !lang || lang === state.lang) { return; }
    state.offeredLang = lang;
    el.langFollow.textContent = STRINGS[lang].followLanguage;
    el.langFollow.setAttribute('lang', lang);
    el.langOffer.hidden = false;
  }

  function withdrawLanguageOffer() {
    if (!el.langOffer) { return; }
    state.offeredLang = null;
    el.langOffer.hidden = true;
  }

  function markDelivery(id, delivery) {
    var node = null;
    var nodes = el.log.querySelectorAll('[data-local-id]');
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getAttribute('data-local-id') === id) { node = nodes[i]; }
    }
    if (!node) { return; }
    node.classList.toggle('msg--pending', delivery !== 'delivered');
    var status = node.querySelector('.msg__status');
    if (!status) { return; }
    status.setAttribute('data-i18n', delivery);
    if (status.firstChild) { status.firstChild.nodeValue = t(delivery); } else { status.textContent = t(delivery); }
  }

  function renderLocal(item, delivery) {
    renderMessage({
      sender: 'citizen',
      text: item.kind === 'button' ? item.title : item.text,
      ts: item.ts,
      localId: item.id,
      delivery: delivery
    });
  }

  // Only the suggested replies that follow the citizen's last message stay active.
  function disableQuickReplies() {
    var buttons = el.log.querySelectorAll('.quick-reply:not([disabled])');
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
  }

  function renderHistory(messages) {
    el.log.setAttribute('aria-busy', 'true');
    clear(el.log);

    // A message the history has is stored: delivered, whether or not its ack came.
    var stored = {};
    messages.forEach(function (m) {
      if (m && m.sender === 'citizen' && isString(m.client_id)) { stored[m.client_id] = true; }
    });
    var waiting = state.inflight.concat(state.outbox);
    var mine = {};
    waiting.forEach(function (item) { if (stored[item.id]) { mine[item.id] = true; } });
    forget(function (item) { return !!mine[item.id]; });

    messages.forEach(function (m) {
      if (!m || typeof m !== 'object') { return; }
      if (m.sender === 'citizen') {
        disableQuickReplies();
      } else if (m.sender === 'officer' || m.sender === 'bot') {
        state.lastAgent = m.sender;
      }
      if (m.sender === 'officer' || m.sender === 'system') { state.desk = true; }
      var citizen = m.sender === 'citizen';  // in the transcript: stored, so delivered
      renderMessage({ sender: m.sender, text: m.text, buttons: m.buttons, image: m.image, ts: m.ts,
        language: m.language, links: m.links,
        localId: citizen && isString(m.client_id) ? m.client_id : null, delivery: citizen ? 'delivered' : null });
    });

    // Not stored yet: keep them visible, with their state.
    state.inflight.forEach(function (item) {
      disableQuickReplies();
      renderLocal(item, 'sending');
    });
    state.outbox.forEach(function (item) {
      disableQuickReplies();
      renderLocal(item, 'pending');
    });

    el.log.removeAttribute('aria-busy');
    if (logScrolls()) { scrollToBottom(); }  // a phone keeps the page where it is: heading and notice first
  }

  // ------------------------------------------------------ status / typing

  function setStatus(key) {
    state.statusKey = key;
    if (state.statusTimer) { clearTimeout(state.statusTimer); state.statusTimer = null; }
    if (key === 'statusReconnected') {
      state.statusTimer = setTimeout(function () { setStatus(''); }, RECONNECTED_NOTICE_MS);
    }
    renderStatus();
  }

  function renderStatus() {
    var key = state.statusKey;
    if (key === 'statusReconnecting' && state.outbox.length) { key = 'statusReconnectingQueued'; }
    var text = key ? t(key) : '';
    if (el.status.textContent !== text) { el.status.textContent = text; }
    el.status.className = 'chat-status' + (key ? ' chat-status--' +
      (key === 'statusReconnected' || key === 'statusEnded' ? 'ok' : (key === 'statusConnecting' ? 'info' : 'warning')) : '');
  }

  // name: the officer's first name when the officer (not the assistant) is typing.
  function showTyping(sender, name) {
    state.typingSender = sender === 'officer' || sender === 'bot' ? sender : state.lastAgent;
    state.typingName = state.typingSender === 'officer' && isString(name) ? name.slice(0, 60) : '';
    if (state.typingTimer) { clearTimeout(state.typingTimer); }
    state.typingTimer = setTimeout(hideTyping, state.typingName ? OFFICER_TYPING_MS : TYPING_TIMEOUT_MS);
    renderTyping();
  }

  function hideTyping() {
    state.typingSender = null;
    state.typingName = '';
    if (state.typingTimer) { clearTimeout(state.typingTimer); state.typingTimer = null; }
    renderTyping();
  }

  // #chat-typing is an aria-live region that stays in the page: its text changes only when
  // what it says changes, so a screen reader says it once, not on every signal.
  function renderTyping() {
    var text = '';
    if (state.typingSender) {
      text = state.typingName ? t('typing_officer_named', { name: state.typingName })
        : t('typing_' + state.typingSender);
    }
    if (el.typing.textContent !== text) { el.typing.textContent = text; }
  }

  // ----------------------------------------------------------- composer

  // Refreshes the visible counter and the limit message. fromInput: the citizen
  // is typing, so an earlier "empty" / "too long" message no longer applies.
  function updateCounter(fromInput) {
    var n = el.input.value.length;
    el.counter.textContent = t('counter', { count: formatNumber(n), max: formatNumber(MAX_CHARS), n: n });
    var atLimit = n >= MAX_CHARS;
    el.counter.classList.toggle('chat-counter--limit', atLimit);
    if (atLimit) {
      showFormMessage('limitReached', false);
    } else if (fromInput || state.formMessageKey === 'limitReached') {
      showFormMessage('', false);
    } else {
      showFormMessage(state.formMessageKey, state.formMessageInvalid);  // re-translate
    }
  }

  function showFormMessage(key, invalid) {
    state.formMessageKey = key;
    state.formMessageInvalid = !!invalid;
    var text = key ? t(key, { max: formatNumber(MAX_CHARS) }) : '';
    if (el.formMessage.textContent !== text) { el.formMessage.textContent = text; }
    if (invalid) { el.input.setAttribute('aria-invalid', 'true'); }
    else { el.input.removeAttribute('aria-invalid'); }
  }

  function onInput() {
    if (el.input.value.length > MAX_CHARS) {
      el.input.value = el.input.value.slice(0, MAX_CHARS);
    }
    updateCounter(true);
    if (el.input.value.trim()) { signalTyping(); }
  }

  // Tells the officer (if one holds the conversation) that the citizen is typing; never
  // queued or resent: a signal that cannot go now is simply not sent. Only once the desk has
  // spoken here (a handoff): a conversation with the assistant alone sends none.
  function signalTyping() {
    var now = Date.now();
    if (!state.desk || !isReady() || now - state.typingSignalAt < TYPING_SIGNAL_MS) { return; }
    state.typingSignalAt = now;
    try { state.ws.send(JSON.stringify({ type: 'typing' })); } catch (e) { /* dropped */ }
  }

  function onKeyDown(event) {
    if (GC.isSendKey(event)) {
      event.preventDefault();
      submitTyped();
    }
  }

  function submitTyped() {
    var text = el.input.value.trim();
    if (!text) {
      showFormMessage('emptyMessage', true);
      el.input.focus();
      return;
    }
    if (text.length > MAX_CHARS) {
      showFormMessage('tooLong', true);
      el.input.focus();
      return;
    }
    showFormMessage('', false);
    sendCitizen({ kind: 'message', text: text });
    el.input.value = '';
    updateCounter(false);
    el.input.focus();
  }

  function onQuickReply(btn, b) {
    if (btn.disabled) { return; }
    sendCitizen({ kind: 'button', payload: b.payload, title: b.title });
    el.input.focus();
  }

  // ---------------------------------------------------------- transport

  function isReady() {
    return !!(state.ws && state.ws.readyState === WebSocket.OPEN && state.helloSent);
  }

  // Everything without an ack, in order: a reload sends it again too.
  function saveOutbox() {
    var unacknowledged = state.inflight.concat(state.outbox);
    storageSet('sessionStorage', OUTBOX_KEY, unacknowledged.length ? JSON.stringify(unacknowledged) : null);
  }

  // Drop from both queues the items `stored` says the gateway has.
  function forget(stored) {
    var before = state.inflight.length + state.outbox.length;
    state.inflight = state.inflight.filter(function (item) { return !stored(item); });
    state.outbox = state.outbox.filter(function (item) { return !stored(item); });
    if (state.inflight.length + state.outbox.length !== before) { saveOutbox(); }
  }

  function acknowledged(id) {
    forget(function (item) { return item.id === id; });
    markDelivery(id, 'delivered');
    renderStatus();
  }

  // Sent but not acknowledged: back to the front of the queue, for the next connection.
  function requeue(items) {
    if (!items.length) { return; }
    var ids = items.map(function (item) { return item.id; });
    state.inflight = state.inflight.filter(function (item) { return ids.indexOf(item.id) < 0; });
    state.outbox = items.concat(state.outbox);
    items.forEach(function (item) { markDelivery(item.id, 'pending'); });
    saveOutbox();
    renderStatus();
  }

  function newClientId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return 'c' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function loadOutbox() {
    var raw = storageGet('sessionStorage', OUTBOX_KEY);
    if (!raw) { return []; }
    try {
      var list = JSON.parse(raw);
      if (!Array.isArray(list)) { return []; }
      return list.filter(function (i) {
        return i && isString(i.id) && /^[A-Za-z0-9_-]{8,64}$/.test(i.id) &&
          (i.kind === 'message' ? isString(i.text) && i.text
            : i.kind === 'button' && isString(i.payload) && isString(i.title));
      });
    } catch (e) { return []; }
  }

  function sendCitizen(item) {
    if (state.statusKey === 'statusEnded') { setStatus(''); }
    item.id = newClientId();
    item.ts = new Date().toISOString();
    disableQuickReplies();
    renderLocal(item, 'pending');
    if (!isReady() || !transmit(item)) {
      state.outbox.push(item);
      saveOutbox();
      renderStatus();
    }
  }

  function frameFor(item) {
    return item.kind === 'button'
      ? { type: 'button', payload: item.payload, title: item.title, client_id: item.id }
      : { type: 'message', text: item.text, client_id: item.id };
  }

  function transmit(item) {
    try {
      state.ws.send(JSON.stringify(frameFor(item)));
    } catch (e) {
      return false;
    }
    state.inflight.push(item);
    saveOutbox();
    markDelivery(item.id, 'sending');
    return true;
  }

  function flushOutbox() {
    while (state.outbox.length && isReady()) {
      var item = state.outbox[0];
      if (!transmit(item)) { break; }
      state.outbox.shift();
    }
    saveOutbox();
    renderStatus();
  }

  function sendHello() {
    state.ws.send(JSON.stringify({
      type: 'hello',
      conversation_id: state.conversationId || null,
      language: state.lang
    }));
    state.helloSent = true;
  }

  function connect() {
    if (state.reconnectTimer) { clearTimeout(state.reconnectTimer); state.reconnectTimer = null; }
    if (state.ws && (state.ws.readyState === WebSocket.OPEN || state.ws.readyState === WebSocket.CONNECTING)) {
      return;
    }
    if (!state.everConnected && state.attempt === 0) { setStatus('statusConnecting'); }

    var socket;
    try {
      socket = new WebSocket(GC.socketUrl(WS_PATH));
    } catch (e) {
      scheduleReconnect();
      return;
    }
    state.ws = socket;
    state.helloSent = false;
    // A handshake that never completes (black-holed network) counts as a drop.
    var connectTimer = setTimeout(function () {
      if (socket.readyState === WebSocket.CONNECTING) { socket.close(); }
    }, CONNECT_TIMEOUT_MS);

    socket.addEventListener('open', function () {
      clearTimeout(connectTimer);
      if (state.ws !== socket) { return; }
      try { sendHello(); } catch (e) { return; }
      var wasReconnect = state.everConnected || state.statusKey === 'statusReconnecting';
      state.everConnected = true;
      setStatus(wasReconnect ? 'statusReconnected' : '');
      flushOutbox();
    });
    socket.addEventListener('message', function (event) {
      if (state.ws !== socket) { return; }
      handleFrame(event.data);
    });
    socket.addEventListener('close', function (event) {
      clearTimeout(connectTimer);
      if (state.ws !== socket) { return; }
      state.ws = null;
      state.helloSent = false;
      hideTyping();
      requeue(state.inflight.slice());
      scheduleReconnect(event.code === SERVICE_RESTART);
    });
    socket.addEventListener('error', function () { /* a close event follows */ });
  }

  // now: the gateway said it restarts (1012); the usual backoff if that attempt fails too.
  function scheduleReconnect(now) {
    if (state.reconnectTimer) { return; }
    var delay;
    if (now) {
      state.attempt = 0;
      delay = Math.floor(Math.random() * RESTART_JITTER_MS);
    } else {
      delay = BACKOFF_MS[Math.min(state.attempt, BACKOFF_MS.length - 1)];
      state.attempt += 1;
    }
    setStatus('statusReconnecting');
    state.reconnectTimer = setTimeout(function () {
      state.reconnectTimer = null;
      connect();
    }, delay);
  }

  function handleFrame(data) {
    var frame;
    if (!isString(data)) { return; }
    try { frame = JSON.parse(data); } catch (e) { return; }
    if (!frame || typeof frame !== 'object') { return; }
    // After "end conversation" the socket may still carry frames of the old one.
    if (state.ended && frame.type !== 'welcome') { return; }

    switch (frame.type) {
      case 'welcome':
        state.attempt = 0;
        state.ended = false;
        if (isString(frame.conversation_id) && frame.conversation_id) {
          state.conversationId = frame.conversation_id;
          storageSet('localStorage', CONVERSATION_KEY, frame.conversation_id);
        }
        break;
      case 'history':
        if (Array.isArray(frame.messages)) { renderHistory(frame.messages); }
        break;
      case 'message':
        // The page shows the citizen's own messages itself; a "citizen" frame
        // is not part of the protocol and would duplicate them.
        if (frame.sender === 'citizen') { break; }
        if (!(isString(frame.text) && frame.text) && !validButtons(frame.buttons).length && !frame.image) {
          break;
        }
        hideTyping();
        if (frame.sender === 'officer' || frame.sender === 'bot') { state.lastAgent = frame.sender; }
        if (frame.sender === 'officer' || frame.sender === 'system') { state.desk = true; }
        renderMessage({
          sender: frame.sender,  // unknown senders are shown as the assistant
          text: frame.text,
          buttons: frame.buttons,
          image: frame.image,
          language: frame.language,
          links: frame.links,
          ts: frame.ts
        });
        if (frame.sender !== 'system') { offerLanguage(messageLanguage(frame.language)); }
        break;
      case 'ack':
        if (isString(frame.client_id)) { acknowledged(frame.client_id); }
        break;
      case 'retry':
        if (isString(frame.client_id)) {
          requeue(state.inflight.filter(function (item) { return item.id === frame.client_id; }));
        }
        break;
      case 'typing':
        if (frame.on) { showTyping(frame.sender, frame.name); } else { hideTyping(); }
        break;
      case 'error':
        hideTyping();
        renderMessage({
          sender: 'system',
          error: true,
          text: isString(frame.message) ? frame.message : '',
          ts: frame.ts
        });
        break;
      default:
        break;
    }
  }

  // ----------------------------------------------------- end conversation

  // For shared computers: forget the conversation here (its id, what is shown, what waits
  // to be sent) and start a new one. The transcript stays on the server as usual.
  function endConversation(moveFocus) {
    state.conversationId = null;
    storageSet('localStorage', CONVERSATION_KEY, null);
    state.outbox = [];
    state.inflight = [];
    saveOutbox();
    hideTyping();
    withdrawLanguageOffer();
    clear(el.log);
    el.input.value = '';
    showFormMessage('', false);
    updateCounter(false);
    state.lastAgent = 'bot';
    state.desk = false;
    if (isReady()) {
      state.ended = true;  // until the welcome of the new conversation
      try { sendHello(); } catch (e) { /* the next connection says hello */ }
    }
    setStatus('statusEnded');
    if (moveFocus) { el.input.focus(); }
  }

  // Another tab of this conversation ended it: this one forgets it too.
  function onStorage(event) {
    if (event.key === CONVERSATION_KEY && event.newValue === null && state.conversationId &&
        event.oldValue === state.conversationId) {
      endConversation(false);
    }
  }

  // --------------------------------------------------------------- init

  function init() {
    el.log = document.getElementById('chat-log');
    el.input = document.getElementById('chat-input');
    el.form = document.getElementById('chat-form');
    el.counter = document.getElementById('chat-counter');
    el.formMessage = document.getElementById('chat-form-message');
    el.status = document.getElementById('chat-status');
    el.typing = document.getElementById('chat-typing');
    el.langToggle = document.getElementById('lang-toggle');
    el.end = document.getElementById('chat-end');
    el.langOffer = document.getElementById('chat-lang-offer');
    el.langFollow = document.getElementById('chat-lang-follow');
    if (!el.log || !el.input || !el.form) { return; }

    var params = new URLSearchParams(window.location.search);
    state.lang = normaliseLang(params.get('lang')) ||
      normaliseLang(document.documentElement.getAttribute('lang')) || 'en';
    state.conversationId = storageGet('localStorage', CONVERSATION_KEY) || null;
    state.outbox = loadOutbox();

    el.input.setAttribute('maxlength', String(MAX_CHARS));
    applyLanguage();

    state.outbox.forEach(function (item) { renderLocal(item, 'pending'); });

    el.form.addEventListener('submit', function (event) {
      event.preventDefault();
      submitTyped();
    });
    el.input.addEventListener('keydown', onKeyDown);
    el.input.addEventListener('input', onInput);
    el.langToggle.addEventListener('click', function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) { return; }
      event.preventDefault();
      setLanguage(state.lang === 'fr' ? 'en' : 'fr');
    });
    if (el.end) { el.end.addEventListener('click', function () { endConversation(true); }); }
    if (el.langFollow) {
      el.langFollow.addEventListener('click', function () {
        if (state.offeredLang) { setLanguage(state.offeredLang); }
        withdrawLanguageOffer();
        el.input.focus();
      });
    }
    window.addEventListener('storage', onStorage);
    window.addEventListener('online', function () {
      if (!state.ws) { state.attempt = 0; connect(); }
    });

    connect();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
