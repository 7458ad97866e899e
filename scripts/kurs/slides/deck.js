/* Starts reveal.js on a course deck with settings for a projected room, and a small plugin
   that puts reveal.js's visible and spoken labels in the course's language. */
(function () {
  "use strict";

  // The deck's texts in the course's language (the page carries them as JSON, from the
  // engine's locale file): reveal.js's own English labels by their exact text, and ours.
  var TEXTS = JSON.parse(document.getElementById("deck-texts").textContent);
  var LABELS = TEXTS.reveal;
  var LANG = document.documentElement.lang;

  function localised(text) {
    var trimmed = text.trim();
    return Object.prototype.hasOwnProperty.call(LABELS, trimmed) ? text.replace(trimmed, LABELS[trimmed]) : text;
  }

  // Replace exact English texts and aria-labels below `root`.
  function translate(root) {
    var walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = localised(node.nodeValue);
      if (text !== node.nodeValue) node.nodeValue = text;
    }
    root.querySelectorAll("[aria-label]").forEach(function (element) {
      var label = localised(element.getAttribute("aria-label"));
      if (label !== element.getAttribute("aria-label")) element.setAttribute("aria-label", label);
    });
  }

  // The notes plugin writes the speaker view into a window it opens: translate it once
  // its page has been written (and again when its layout menu is rebuilt).
  function translateSpeakerWindows() {
    var open = window.open;
    window.open = function (url, name) {
      var opened = open.apply(window, arguments);
      if (opened && name === "reveal.js - Notes") {
        var tries = 0;
        var timer = setInterval(function () {
          tries += 1;
          var body = opened.document && opened.document.body;
          if (body && body.querySelector("#speaker-controls")) {
            clearInterval(timer);
            opened.document.documentElement.lang = LANG;
            opened.document.title = TEXTS.speaker_title.replace("{title}", document.title);
            translate(body);
            new opened.MutationObserver(function () { translate(body); })
              .observe(body, { childList: true, subtree: true });
          } else if (tries > 100 || opened.closed) {
            clearInterval(timer);
          }
        }, 50);
      }
      return opened;
    };
  }

  var LocalLabels = {
    id: "local-labels",
    init: function (deck) {
      var shortcuts = deck.keyboard && deck.keyboard.getShortcuts ? deck.keyboard.getShortcuts() : {};
      Object.keys(shortcuts).forEach(function (key) { shortcuts[key] = localised(shortcuts[key]); });
      var element = deck.getRevealElement();
      translate(element);
      new MutationObserver(function () { translate(element); })
        .observe(element, { childList: true, subtree: true });
      translateSpeakerWindows();
    }
  };

  window.Reveal.initialize({
    hash: true,
    controls: true,
    controlsTutorial: false,
    progress: true,
    slideNumber: "c/t",
    center: false,
    transition: "none",
    backgroundTransition: "none",
    width: 1280,
    height: 800,
    margin: 0.05,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    plugins: [window.RevealNotes, LocalLabels]
  });
})();
