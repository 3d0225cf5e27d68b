/*
 * Early help assistant: starts Web Chat inside the embed snippet and wires up quick exit.
 * Loaded after the Web Chat bundle (both with `defer`). No inline script is needed, so a strict
 * Content-Security-Policy (script-src 'self' or the bot's origin) works.
 *
 * Privacy: nothing is written to localStorage, sessionStorage, IndexedDB or cookies. The
 * conversation lives only in this page's memory and on the bot for a short idle time.
 */
(function () {
  'use strict';

  var DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 1000;

  var root = document.querySelector('[data-early-help-chat]');
  var exitLinks = Array.prototype.slice.call(document.querySelectorAll('[data-ehc-exit]'));
  var directLine = null;
  var exiting = false;

  function exitUrl() {
    var fromSnippet = root && root.getAttribute('data-exit-url');
    var fromLink = exitLinks.length ? exitLinks[0].getAttribute('href') : '';
    return fromSnippet || fromLink || DEFAULT_EXIT_URL;
  }

  /*
   * Quick exit: the chat disappears from the screen first, then the page is replaced (not
   * added to history), so Back does not bring the conversation into view again.
   */
  function quickExit(event) {
    if (event) event.preventDefault();
    if (exiting) return;
    exiting = true;
    var target = exitUrl();
    try {
      if (directLine) directLine.end();
    } catch (ignored) {
      // Ending the connection is a courtesy; leaving is what matters.
    }
    if (root && root.parentNode) root.parentNode.removeChild(root);
    document.title = '';
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    window.location.replace(target);
  }

  exitLinks.forEach(function (link) {
    link.addEventListener('click', quickExit);
  });

  // GOV.UK's "Exit this page" pattern: press Shift three times quickly. Any other key resets the count.
  var shiftCount = 0;
  var shiftTimer = null;
  document.addEventListener(
    'keydown',
    function (event) {
      if (event.key !== 'Shift') {
        shiftCount = 0;
        return;
      }
      if (event.repeat) return;
      shiftCount += 1;
      clearTimeout(shiftTimer);
      if (shiftCount >= SHIFT_PRESSES) {
        shiftCount = 0;
        quickExit();
        return;
      }
      shiftTimer = setTimeout(function () {
        shiftCount = 0;
      }, SHIFT_WINDOW_MS);
    },
    true
  );

  if (!root) return;

  var chatElement = root.querySelector('[data-ehc-webchat]');
  var statusElement = root.querySelector('[data-ehc-status]');
  var botOrigin = (root.getAttribute('data-bot-origin') || window.location.origin).replace(/\/+$/, '');

  function setStatus(text, isError) {
    if (!statusElement) return;
    statusElement.textContent = text;
    statusElement.className = 'ehc-chat__status' + (isError ? ' ehc-chat__status--error' : '');
  }

  function cssVar(name, fallback) {
    var value = window.getComputedStyle(root).getPropertyValue(name).trim();
    return value || fallback;
  }

  function getJson(url, options) {
    return window.fetch(url, Object.assign({ credentials: 'omit', cache: 'no-store' }, options)).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  /*
   * Links: only https links to the sites the bot itself links to (from the knowledge pack),
   * this bot's own origin, and tel:/mailto: stay live. Any other address in a message is shown
   * as plain text, so something a person typed and the bot repeated can never become a link.
   */
  function linkAllowed(href, allowedOrigins) {
    if (!href) return false;
    var url;
    try {
      url = new URL(href, botOrigin + '/');
    } catch (ignored) {
      return false;
    }
    if (url.protocol === 'tel:' || url.protocol === 'mailto:') return true;
    if (url.protocol !== 'https:' && url.origin !== botOrigin) return false;
    return url.origin === botOrigin || allowedOrigins.indexOf(url.origin) !== -1;
  }

  /*
   * Text lines: Web Chat's markdown renderer drops sms: links, text and all, so the bot writes
   * them as words ("Text SHOUT to 85258") and they become sms: links here: only the pack's own
   * lines (config.textLines), so no other number in a message can become one.
   */
  function smsLinks(content, textLines) {
    if (!textLines || textLines.length === 0) return;
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var queue = [];
    while (walker.nextNode()) queue.push(walker.currentNode);
    while (queue.length > 0) {
      var node = queue.shift();
      if (!node.parentNode || (node.parentNode.closest && node.parentNode.closest('a'))) continue;
      // The first text line in this piece of text; what follows it is looked at again.
      var found = null;
      textLines.forEach(function (line) {
        var words = line.keyword ? 'Text ' + line.keyword + ' to ' + line.written : 'Text ' + line.written;
        var at = node.nodeValue.indexOf(words);
        if (at >= 0 && (!found || at < found.at)) found = { at: at, words: words, line: line };
      });
      if (!found) continue;
      var link = document.createElement('a');
      link.setAttribute('href', 'sms:' + found.line.number + (found.line.keyword ? '?body=' + encodeURIComponent(found.line.keyword) : ''));
      link.setAttribute('rel', 'noopener noreferrer');
      link.textContent = found.words;
      var after = node.splitText(found.at);
      after.nodeValue = after.nodeValue.slice(found.words.length);
      node.parentNode.insertBefore(link, after);
      queue.push(after);
    }
  }

  function safeMarkdown(render, allowedOrigins, textLines) {
    return function () {
      var html = render.apply(null, arguments);
      // A <template> parses without running scripts or loading images.
      var template = document.createElement('template');
      template.innerHTML = html;
      var content = template.content;
      Array.prototype.forEach.call(content.querySelectorAll('script, style, iframe, object, embed, form, input, button, textarea, select, img, svg, math'), function (node) {
        node.parentNode.removeChild(node);
      });
      Array.prototype.forEach.call(content.querySelectorAll('a'), function (link) {
        if (linkAllowed(link.getAttribute('href'), allowedOrigins)) {
          link.setAttribute('rel', 'noopener noreferrer');
          return;
        }
        var span = document.createElement('span');
        span.className = 'ehc-plain-link';
        span.textContent = link.textContent;
        link.parentNode.replaceChild(span, link);
      });
      Array.prototype.forEach.call(content.querySelectorAll('*'), function (node) {
        Array.prototype.slice.call(node.attributes).forEach(function (attribute) {
          if (/^on/i.test(attribute.name)) node.removeAttribute(attribute.name);
        });
      });
      // Never at the cost of the message: a risk reply must show even if this goes wrong.
      try {
        smsLinks(content, textLines);
      } catch (ignored) {
        // The text lines stay words.
      }
      return template.innerHTML;
    };
  }

  /* What the person typed is always shown exactly as typed: never markdown, never HTML. */
  function plainUserText() {
    return function (next) {
      return function (action) {
        var payload = action && action.payload;
        var activity = payload && payload.activity;
        var fromUser = activity && activity.from && activity.from.role === 'user';
        if (activity && activity.type === 'message' && (action.type === 'DIRECT_LINE/POST_ACTIVITY' || (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && fromUser))) {
          var plain = Object.assign({}, activity, { textFormat: 'plain' });
          return next(Object.assign({}, action, { payload: Object.assign({}, payload, { activity: plain }) }));
        }
        return next(action);
      };
    };
  }

  /** The bot's "quick exit" (someone typed it, or pressed a card's button) leaves as the page's button does. */
  function exitOnCommand() {
    return function (next) {
      return function (action) {
        var activity = action && action.payload && action.payload.activity;
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity && activity.type === 'event' && activity.name === 'earlyHelp.quickExit') {
          quickExit();
          return undefined;
        }
        return next(action);
      };
    };
  }

  // A risk reply is read from its lead: when a reply's contacts (a message with the 999 link)
  // arrive, the message before them in the same reply is scrolled to the top of the chat. Web
  // Chat's own snapping stops a fixed distance past the first new message, which at 320 px left
  // a long lead's first lines above the screen (a person test). Done a few times while Web Chat's
  // own scrolling settles, and not after the person scrolls themselves.
  function leadOfRiskReplyInView(chat) {
    var seen = typeof WeakSet === 'function' ? new WeakSet() : null;
    if (!seen || typeof MutationObserver !== 'function') return;
    var userScrolled = false;
    // The person's messages so far: a new one ends any scrolling still pending for the last reply.
    var sent = 0;
    chat.addEventListener('wheel', function () { userScrolled = true; }, { passive: true });
    chat.addEventListener('touchmove', function () { userScrolled = true; }, { passive: true });
    function botBubbles() {
      return Array.prototype.slice.call(chat.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)'));
    }
    function scrollTo(lead) {
      var scroller = chat.querySelector('.webchat__basic-transcript__scrollable');
      if (!scroller || userScrolled) return;
      var offset = lead.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
      if (Math.abs(offset) > 2) scroller.scrollTop += offset;
    }
    botBubbles().forEach(function (bubble) { seen.add(bubble); });
    new MutationObserver(function () {
      var bubbles = botBubbles();
      var users = chat.querySelectorAll('.webchat__bubble--from-user');
      var lastUser = users.length ? users[users.length - 1] : null;
      sent = users.length;
      bubbles.forEach(function (bubble, i) {
        if (seen.has(bubble)) return;
        seen.add(bubble);
        if (!bubble.querySelector('a[href="tel:999"]') || i === 0) return;
        var lead = bubbles[i - 1];
        // Only a lead of the same reply: after the person's last message.
        if (lastUser && !(lastUser.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
        userScrolled = false;
        var at = sent;
        [120, 450, 900, 1600].forEach(function (delay) {
          setTimeout(function () {
            if (sent === at) scrollTo(lead);
          }, delay);
        });
      });
    }).observe(chat, { childList: true, subtree: true });
  }

  function styleOptions() {
    var font = cssVar('--ehc-font', 'inherit');
    if (font === 'inherit') font = window.getComputedStyle(root).fontFamily;
    var accent = cssVar('--ehc-accent', '#1d70b8');
    var text = cssVar('--ehc-text', '#0b0c0c');
    var secondary = cssVar('--ehc-secondary-text', '#484949');
    var border = cssVar('--ehc-border', '#b1b4b6');
    var background = cssVar('--ehc-background', '#ffffff');
    var focus = cssVar('--ehc-focus', '#ffdd00');
    return {
      primaryFont: font,
      fontSizeSmall: '85%',
      accent: accent,
      backgroundColor: background,
      subtle: secondary,
      timestampColor: secondary,
      paddingRegular: 10,
      bubbleBackground: cssVar('--ehc-bot-bubble', '#f3f2f1'),
      bubbleTextColor: cssVar('--ehc-bot-bubble-text', text),
      bubbleBorderColor: border,
      bubbleBorderWidth: 1,
      bubbleBorderRadius: 0,
      bubbleMaxWidth: 600,
      bubbleMinHeight: 0,
      bubbleFromUserBackground: cssVar('--ehc-user-bubble', accent),
      bubbleFromUserTextColor: cssVar('--ehc-user-bubble-text', '#ffffff'),
      bubbleFromUserBorderColor: cssVar('--ehc-user-bubble', accent),
      bubbleFromUserBorderWidth: 1,
      bubbleFromUserBorderRadius: 0,
      botAvatarInitials: undefined,
      userAvatarInitials: undefined,
      hideUploadButton: true,
      sendBoxTextWrap: true,
      sendBoxBackground: background,
      sendBoxTextColor: text,
      sendBoxPlaceholderColor: secondary,
      sendBoxButtonColor: accent,
      sendBoxButtonColorOnHover: text,
      sendBoxButtonColorOnFocus: text,
      sendBoxBorderTop: 'solid 2px ' + text,
      sendBoxHeight: 48,
      // The buttons flow in rows, each as wide as its words (which wrap, never cut): five stacked
      // buttons had taken most of the window at 1280 px, and at 320 px they left a strip of about
      // 172 px to read in, with a risk reply's lead above the screen (person tests).
      suggestedActionLayout: 'flow',
      suggestedActionsStackedHeight: 'auto',
      suggestedActionsStackedOverflow: 'auto',
      suggestedActionBackgroundColor: background,
      suggestedActionTextColor: accent,
      suggestedActionBorderColor: accent,
      suggestedActionBorderWidth: 2,
      suggestedActionBorderRadius: 0,
      suggestedActionHeight: 'auto',
      suggestedActionBackgroundColorOnHover: '#f3f2f1',
      suggestedActionKeyboardFocusIndicatorBorderColor: text,
      suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
      suggestedActionKeyboardFocusIndicatorBorderWidth: 3,
      transcriptVisualKeyboardIndicatorColor: text,
      transcriptVisualKeyboardIndicatorWidth: 3,
      transcriptActivityVisualKeyboardIndicatorColor: text,
      transcriptActivityVisualKeyboardIndicatorWidth: 3,
      transcriptOverlayButtonBackground: text,
      transcriptOverlayButtonColor: background,
      transcriptOverlayButtonBackgroundOnFocus: focus,
      transcriptOverlayButtonColorOnFocus: text,
      transcriptOverlayButtonBackgroundOnHover: text,
      transcriptOverlayButtonColorOnHover: background,
      hyperlinkUnderline: true,
      markdownRespectCRLF: true,
      // Web Chat's markdown renderer passes raw HTML through unless told not to.
      markdownRenderHTML: false,
      // A reply is read from its start: the chat stops scrolling once the first new message is
      // in view, and 160 px further, so a risk reply's 999 line and its first contacts are on
      // screen together at 320 px, not only its buttons (at 100 px the first contact's last line
      // was below the screen when the reply's parts arrived apart, on a busy machine). A risk
      // reply's lead is then brought to the top by leadOfRiskReplyInView (at 40 px alone, a
      // follow-up's text line was 13 px below the screen).
      autoScrollSnapOnActivity: true,
      autoScrollSnapOnActivityOffset: 160,
      typingAnimationDuration: 3000
    };
  }

  function start() {
    if (!window.WebChat) {
      setStatus('The chat could not load. Please refresh the page, or contact the council by phone.', true);
      return;
    }
    setStatus('Connecting to the assistant…');
    var config;
    getJson(botOrigin + '/webchat/config.json')
      .then(function (loaded) {
        config = loaded;
        if (!root.getAttribute('data-exit-url') && config.exitUrl) {
          exitLinks.forEach(function (link) {
            link.setAttribute('href', config.exitUrl);
          });
        }
        return getJson(botOrigin + config.tokenUrl, { method: 'POST' });
      })
      .then(function (session) {
        if (exiting) return;
        var domain = new URL(config.directLineDomain, botOrigin + '/').toString().replace(/\/+$/, '');
        directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: domain,
          webSocket: Boolean(config.webSocket),
          pollingInterval: 500
        });
        var store = window.WebChat.createStore({}, plainUserText, exitOnCommand);
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: store,
            locale: config.locale || 'en-GB',
            styleOptions: styleOptions(),
            renderMarkdown: safeMarkdown(window.WebChat.renderMarkdown, config.linkOrigins || [], config.textLines || []),
            sendTypingIndicator: false,
            // Web Chat adds <style> elements at run time; with the page's CSP nonce they need no 'unsafe-inline'.
            nonce: root.getAttribute('data-style-nonce') || undefined,
            role: 'region'
          },
          chatElement
        );
        leadOfRiskReplyInView(chatElement);
        setStatus('');
      })
      .catch(function () {
        setStatus('Sorry, the chat is not available at the moment. Please try again later. If someone is in immediate danger, call 999.', true);
      });
  }

  start();
})();
