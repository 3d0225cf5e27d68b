// The directory tab. Inside Teams it reads the theme and locale from the Teams client
// (teams-js: app.initialize, app.getContext) and follows theme changes; opened anywhere
// else the same page works as a plain web page. Everything is built with textContent:
// nothing from the API is ever parsed as HTML.
(function () {
  'use strict';

  var TEAMS_WAIT_MS = 2500;
  var TYPING_PAUSE_MS = 300;
  var THEMES = { default: 'default', dark: 'dark', contrast: 'contrast' };
  var page = { locale: document.documentElement.lang || 'en-GB', inTeams: false, request: 0 };

  function byId(id) {
    return document.getElementById(id);
  }

  function withTimeout(promise, ms) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        reject(new Error('timed out'));
      }, ms);
      promise.then(
        function (value) {
          clearTimeout(timer);
          resolve(value);
        },
        function (error) {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  function applyTheme(theme) {
    document.documentElement.setAttribute('data-theme', THEMES[theme] || 'default');
  }

  // Outside Teams, initialize() rejects (no parent window) or never settles (framed by another
  // page): either way the page carries on as a plain web page.
  function connectToTeams() {
    var teams = window.microsoftTeams;
    if (!teams || !teams.app || typeof teams.app.initialize !== 'function') {
      document.documentElement.setAttribute('data-host', 'web');
      return Promise.resolve(false);
    }
    return withTimeout(Promise.resolve().then(function () {
      return teams.app.initialize();
    }), TEAMS_WAIT_MS)
      .then(function () {
        return withTimeout(Promise.resolve(teams.app.getContext()), TEAMS_WAIT_MS);
      })
      .then(function (context) {
        page.inTeams = true;
        document.documentElement.classList.add('in-teams');
        document.documentElement.setAttribute('data-host', 'teams');
        var app = (context && context.app) || {};
        applyTheme(app.theme);
        if (app.locale) {
          page.locale = app.locale;
          document.documentElement.lang = app.locale;
        }
        teams.app.registerOnThemeChangeHandler(applyTheme);
        return true;
      })
      .catch(function () {
        document.documentElement.setAttribute('data-host', 'web');
        return false;
      });
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().then(
        function (body) {
          if (!response.ok) throw new Error((body && body.error) || 'The directory could not be searched.');
          return body;
        },
        function () {
          throw new Error('The directory could not be reached. Please try again.');
        },
      );
    });
  }

  function addOptions(select, items) {
    items.forEach(function (item) {
      var option = document.createElement('option');
      option.value = item.id;
      option.textContent = item.name;
      select.appendChild(option);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function ages(range) {
    var from = range.min < 0 ? 'pregnancy' : String(range.min);
    if (range.min <= 0 && range.max >= 100) return 'Any age';
    if (range.max >= 100) return 'From ' + from;
    return 'From ' + from + ' to ' + range.max;
  }

  function checkedDate(iso) {
    var date = new Date(iso + 'T12:00:00Z');
    try {
      return date.toLocaleDateString(page.locale, { day: 'numeric', month: 'long', year: 'numeric' });
    } catch (error) {
      return iso;
    }
  }

  function contactItem(contact) {
    var item = el('li');
    var link = el('a', null, contact.value);
    link.href = contact.href;
    if (/^https:/.test(contact.href)) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
    item.appendChild(document.createTextNode(contact.name + ': '));
    item.appendChild(link);
    item.appendChild(document.createTextNode(' (' + contact.hours + ')'));
    return item;
  }

  function serviceItem(service) {
    var item = el('li');
    var article = el('article', 'service');
    article.setAttribute('aria-labelledby', 'service-' + service.id);
    var heading = el('h3', null, service.name);
    heading.id = 'service-' + service.id;
    article.appendChild(heading);
    article.appendChild(el('p', null, service.description));

    var facts = el('dl', 'facts');
    [
      ['Level of need', service.level.name],
      ['Ages', ages(service.ages)],
      ['Priority groups', service.groups.map(function (g) { return g.name; }).join('; ')],
      ['How to refer', service.howToRefer],
    ].forEach(function (pair) {
      facts.appendChild(el('dt', null, pair[0]));
      facts.appendChild(el('dd', null, pair[1]));
    });
    article.appendChild(facts);

    if (service.contacts.length > 0) {
      var list = el('ul', 'contacts');
      list.setAttribute('aria-label', 'Contacts for ' + service.name);
      service.contacts.forEach(function (c) {
        list.appendChild(contactItem(c));
      });
      article.appendChild(list);
      var newest = service.contacts.map(function (c) { return c.checked; }).sort().pop();
      article.appendChild(el('p', 'source', 'Contact details checked ' + checkedDate(newest) + '.'));
    }
    if (service.howToFind) article.appendChild(el('p', null, service.howToFind));
    item.appendChild(article);
    return item;
  }

  function queryString(form) {
    var params = new URLSearchParams();
    ['q', 'group', 'level', 'age', 'access'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    return params.toString();
  }

  function search(form) {
    var status = byId('status');
    var results = byId('results');
    var request = ++page.request;
    status.textContent = 'Searching…';
    return getJson('../api/directory/services?' + queryString(form))
      .then(function (body) {
        if (request !== page.request) return; // a newer search has started
        results.textContent = '';
        body.services.forEach(function (service) {
          results.appendChild(serviceItem(service));
        });
        status.textContent =
          body.total === 0
            ? 'No services match. Try fewer words or clear a filter.'
            : body.total === 1
              ? '1 service found.'
              : body.total + ' services found.';
      })
      .catch(function (error) {
        if (request !== page.request) return;
        results.textContent = '';
        status.textContent = error.message;
      });
  }

  function start() {
    var form = byId('search');
    var typing;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      search(form).then(function () {
        byId('results-heading').focus();
      });
    });
    form.addEventListener('change', function (event) {
      if (event.target.tagName === 'SELECT') search(form);
    });
    form.addEventListener('input', function (event) {
      if (event.target.id !== 'q') return;
      clearTimeout(typing);
      typing = setTimeout(function () {
        search(form);
      }, TYPING_PAUSE_MS);
    });
    form.addEventListener('reset', function () {
      setTimeout(function () {
        search(form);
      }, 0);
    });

    return Promise.all([connectToTeams(), getJson('../api/directory/filters')])
      .then(function (results) {
        var filters = results[1];
        byId('council').textContent = 'Services in ' + filters.council + ', with how to refer.';
        var note = byId('directory-note');
        note.textContent = 'For services not listed here, search ' + filters.directoryName;
        if (filters.directoryUrl) {
          note.textContent += ': ';
          var link = el('a', null, filters.directoryUrl);
          link.href = filters.directoryUrl;
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
          note.appendChild(link);
        }
        note.appendChild(document.createTextNode('.'));
        addOptions(byId('group'), filters.groups);
        addOptions(byId('level'), filters.levels);
        addOptions(byId('age'), filters.ageBands);
        addOptions(byId('access'), filters.access);
        return search(form);
      })
      .catch(function (error) {
        byId('status').textContent = error.message;
      })
      .then(function () {
        document.documentElement.setAttribute('data-ready', 'true');
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
