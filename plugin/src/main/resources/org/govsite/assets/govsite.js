/*
 * govsite reading aids (适老化): a larger-text mode and a high-contrast mode, remembered across pages.
 * Optional progressive enhancement: without JavaScript every page is complete and browser zoom works; the two
 * switches simply stay hidden. No network, no pop-ups, no motion. The preference lives in localStorage only.
 */
(function () {
  'use strict';
  var root = document.documentElement;
  var PREFIX = 'govsite.';
  var OPTIONS = { 'large-text': 'gs-large-text', 'high-contrast': 'gs-high-contrast' };

  function stored(name) {
    try {
      return window.localStorage.getItem(PREFIX + name) === 'on';
    } catch (e) {
      return false;
    }
  }

  function store(name, on) {
    try {
      if (on) {
        window.localStorage.setItem(PREFIX + name, 'on');
      } else {
        window.localStorage.removeItem(PREFIX + name);
      }
    } catch (e) {
      /* storage disabled: the mode lasts for this page only */
    }
  }

  function apply(name, on) {
    if (on) {
      root.classList.add(OPTIONS[name]);
    } else {
      root.classList.remove(OPTIONS[name]);
    }
  }

  /* Before the first paint: the page never flashes in the wrong mode. */
  for (var name in OPTIONS) {
    if (Object.prototype.hasOwnProperty.call(OPTIONS, name) && stored(name)) {
      apply(name, true);
    }
  }

  function wire(button) {
    var option = button.getAttribute('data-govsite-option');
    if (!Object.prototype.hasOwnProperty.call(OPTIONS, option)) {
      return;
    }
    button.setAttribute('aria-pressed', root.classList.contains(OPTIONS[option]) ? 'true' : 'false');
    button.addEventListener('click', function () {
      var on = button.getAttribute('aria-pressed') !== 'true';
      apply(option, on);
      store(option, on);
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }

  function start() {
    var buttons = document.querySelectorAll('button[data-govsite-option]');
    for (var i = 0; i < buttons.length; i++) {
      wire(buttons[i]);
    }
    var groups = document.querySelectorAll('[data-govsite-options]');
    for (var j = 0; j < groups.length; j++) {
      groups[j].hidden = false;
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
