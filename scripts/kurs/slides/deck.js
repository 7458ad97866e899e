/* Starts reveal.js on a course deck with settings for a projected room, with small plugins:
   one puts reveal.js's visible and spoken labels in the course's language, one makes a slide's
   text smaller when it would not fit, and, on a deck with group questions, the classroom mode's
   (classroom.js: countdown, the room's count, the session's summary). */
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

  // The speaker view's preview of the current slide opens at the slide's first step and, before
  // the speaker view has connected, asks the projected deck to go there too: a group question's
  // count or answer would leave the wall when the presenter opens the speaker view (S). The
  // projected deck ignores what the speaker view asks until it has connected; then the speaker
  // view sets its preview to the projected deck's step.
  var speaker = { window: null, connected: false };

  window.addEventListener("message", function (event) {
    if (!speaker.window || event.source !== speaker.window || typeof event.data !== "string") return;
    var data = null;
    try { data = JSON.parse(event.data); } catch (error) { return; }
    if (data && data.namespace === "reveal-notes" && data.type === "connected") speaker.connected = true;
    else if (data && data.method === "setState" && !speaker.connected) event.stopImmediatePropagation();
  });

  // The notes plugin writes the speaker view into a window it opens: translate it once
  // its page has been written (and again when its layout menu is rebuilt).
  function translateSpeakerWindows() {
    var open = window.open;
    window.open = function (url, name) {
      var opened = open.apply(window, arguments);
      if (opened && name === "reveal.js - Notes") {
        speaker.window = opened;
        speaker.connected = false;
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

  // A slide whose content (every step of it: hidden fragments take their room too) is taller
  // than the slide, less the strip where the back link and slide number sit, gets smaller text,
  // down to three quarters, instead of running off the slide.
  var FitText = {
    id: "fit-text",
    init: function (deck) {
      var height = deck.getConfig().height * 0.92;
      function fit(slide) {
        if (!slide || slide.hasAttribute("data-fitted")) return;
        slide.setAttribute("data-fitted", "");
        for (var size = 95; slide.scrollHeight > height && size >= 75; size -= 5) {
          slide.style.fontSize = size + "%";
        }
      }
      deck.on("ready", function () {
        if (deck.isPrintView()) deck.getSlides().forEach(fit);
        else fit(deck.getCurrentSlide());
      });
      deck.on("slidechanged", function (event) { fit(event.currentSlide); });
    }
  };

  // Whether reveal.js should act on a key pressed in this window. The classroom mode's keys are
  // its own (by what they type); Enter and Space on a button of ours in a slide press the button
  // and do not move the deck. A key the speaker view passes on is only a code: reveal.js's
  // key bindings take it.
  var classroom = window.CourseClassroom || { plugins: [], keydown: function () { return false; } };

  function keyIsForTheDeck(event) {
    var target = event.target && event.target.closest ? event.target : document.body;
    if (target.closest("input, textarea, [contenteditable]")) return true;
    if (event.ctrlKey || event.metaKey || event.altKey) return true;
    if (classroom.keydown(event)) {
      event.preventDefault();
      return false;
    }
    return !(target.closest(".classroom-control") && (event.keyCode === 13 || event.keyCode === 32));
  }

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
    keyboardCondition: keyIsForTheDeck,
    plugins: [window.RevealNotes, LocalLabels, FitText].concat(classroom.plugins)
  });
})();
