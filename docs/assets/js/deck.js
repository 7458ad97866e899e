/* Starts reveal.js on a course deck (bildspel/*.html) with settings for a projected room,
   and a small plugin that puts reveal.js's visible and spoken labels in Swedish. */
(function () {
  "use strict";

  // Exact texts reveal.js 6 and its notes plugin show, and our Swedish for them.
  var SWEDISH = {
    "Next slide": "Nästa bild",
    "Previous slide": "Föregående bild",
    "Navigate left": "Bild till vänster",
    "Navigate right": "Bild till höger",
    "Navigate up": "Bild uppåt",
    "Navigate down": "Bild nedåt",
    "Navigate without fragments": "Hoppa över stegvisa punkter",
    "Jump to first/last slide": "Första/sista bilden",
    "Pause": "Paus (svart skärm)",
    "Fullscreen": "Helskärm",
    "Jump to slide": "Gå till bild nummer",
    "Slide overview": "Översikt över bilderna",
    "Speaker notes view": "Talarvy med anteckningar",
    "Keyboard Shortcuts": "Kortkommandon",
    "KEY": "TANGENT",
    "ACTION": "GÖR",
    "next slide": "nästa bild",
    "previous slide": "föregående bild",
    "above slide": "bilden ovanför",
    "below slide": "bilden nedanför",
    "Loading speaker view...": "Talarvyn laddas …",
    "Upcoming": "Nästa",
    "Time": "Tid",
    "Click to Reset": "Klicka för att nollställa",
    "Pacing – Time to finish current slide": "Tid kvar för den här bilden",
    "Notes": "Anteckningar",
    "Layout": "Layout",
    "Default": "Standard",
    "Wide": "Bred",
    "Tall": "Hög",
    "Notes only": "Bara anteckningar"
  };

  function swedish(text) {
    var trimmed = text.trim();
    return Object.prototype.hasOwnProperty.call(SWEDISH, trimmed) ? text.replace(trimmed, SWEDISH[trimmed]) : text;
  }

  // Replace exact English texts and aria-labels below `root`.
  function translate(root) {
    var walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = swedish(node.nodeValue);
      if (text !== node.nodeValue) node.nodeValue = text;
    }
    root.querySelectorAll("[aria-label]").forEach(function (element) {
      var label = swedish(element.getAttribute("aria-label"));
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
            opened.document.documentElement.lang = "sv";
            opened.document.title = "Talarvy – " + document.title;
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

  var SwedishLabels = {
    id: "swedish-labels",
    init: function (deck) {
      var shortcuts = deck.keyboard && deck.keyboard.getShortcuts ? deck.keyboard.getShortcuts() : {};
      Object.keys(shortcuts).forEach(function (key) { shortcuts[key] = swedish(shortcuts[key]); });
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
    plugins: [window.RevealNotes, SwedishLabels]
  });
})();
