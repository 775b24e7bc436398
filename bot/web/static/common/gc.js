/*
 * Helpers shared by the citizen web chat and the officer console: window.GC.
 *
 * Vanilla JavaScript, no build step, no framework, no external requests. Load it before the
 * page's own script (both with `defer`, which keeps their order).
 *
 * SECURITY: text is only ever set with textContent / text nodes. innerHTML is never used.
 */
(function () {
  'use strict';

  var has = Object.prototype.hasOwnProperty;

  // Server timestamps are UTC. An ISO string without an offset (e.g. a naive
  // datetime from SQLite) is read as UTC, not as the browser's local time.
  var NAIVE_ISO_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

  // Attributes translated from data-i18n-<attribute>="key" (data-i18n="key" sets the text).
  var I18N_ATTRIBUTES = ['aria-label', 'href', 'alt', 'src', 'lang'];

  function isString(v) { return typeof v === 'string'; }

  /*
   * t(key, vars) for strings = {en: {...}, fr: {...}} in the language that language() returns:
   * a key missing in that language falls back to English, an unknown key is returned as is,
   * and {name} placeholders are filled from vars.
   */
  function translator(strings, language) {
    return function t(key, vars) {
      var lang = language();
      var table = strings[lang] || strings.en;
      // A count that takes the singular (French: 0 and 1, English: 1) uses the key's _one form.
      var count = vars && (typeof vars.n === 'number' ? vars.n : vars.count);
      if (typeof count === 'number' && (lang === 'fr' ? count < 2 : count === 1) && has.call(table, key + '_one')) {
        key = key + '_one';
      }
      var s = has.call(table, key) ? table[key] : strings.en[key];
      if (s === undefined) { return key; }
      if (vars) {
        s = s.replace(/\{(\w+)\}/g, function (m, name) {
          return has.call(vars, name) ? String(vars[name]) : m;
        });
      }
      return s;
    };
  }

  // Re-translates every element of the page marked with data-i18n or data-i18n-<attribute>.
  function translatePage(t) {
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    }
    I18N_ATTRIBUTES.forEach(function (attribute) {
      var marked = document.querySelectorAll('[data-i18n-' + attribute + ']');
      for (var j = 0; j < marked.length; j++) {
        marked[j].setAttribute(attribute, t(marked[j].getAttribute('data-i18n-' + attribute)));
      }
    });
  }

  function locale(lang) {
    return lang === 'fr' ? 'fr-CA' : 'en-CA';
  }

  function parseDate(iso) {
    if (isString(iso) && NAIVE_ISO_RE.test(iso)) { iso = iso.replace(' ', 'T') + 'Z'; }
    var d = isString(iso) && iso ? new Date(iso) : new Date();
    return isNaN(d.getTime()) ? new Date() : d;
  }

  // The time of day for today, else the date and time (withYear: with the year too).
  function formatTime(d, localeName, withYear) {
    var opts = { hour: 'numeric', minute: '2-digit' };
    if (d.toDateString() !== new Date().toDateString()) {
      opts.month = 'short';
      opts.day = 'numeric';
      if (withYear) { opts.year = 'numeric'; }
    }
    try { return new Intl.DateTimeFormat(localeName, opts).format(d); } catch (e) { return d.toLocaleString(); }
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function button(className, text, onClick) {
    var node = make('button', 'btn ' + className, text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  // store: 'localStorage' or 'sessionStorage'. With storage off the page keeps working in memory.
  function storageGet(store, key) {
    try { return window[store].getItem(key); } catch (e) { return null; }
  }

  function storageSet(store, key, value) {
    try {
      if (value === null || value === undefined) { window[store].removeItem(key); }
      else { window[store].setItem(key, value); }
    } catch (e) { /* storage off: keep in memory */ }
  }

  function nearBottom(node) {
    return node.scrollHeight - node.scrollTop - node.clientHeight < 80;
  }

  function socketUrl(path) {
    var scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    return scheme + '//' + window.location.host + path;
  }

  // Enter alone sends; Shift + Enter (and Enter while an input method composes) is a new line.
  function isSendKey(event) {
    return event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey &&
      !event.metaKey && !event.isComposing && event.keyCode !== 229;
  }

  window.GC = {
    translator: translator,
    translatePage: translatePage,
    locale: locale,
    parseDate: parseDate,
    formatTime: formatTime,
    isString: isString,
    make: make,
    button: button,
    clear: clear,
    storageGet: storageGet,
    storageSet: storageSet,
    nearBottom: nearBottom,
    socketUrl: socketUrl,
    isSendKey: isSendKey
  };
}());
