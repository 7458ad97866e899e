/* mkdocs-quiz reads its texts and settings from window.mkdocsQuizTranslations and
 * window.mkdocsQuizConfig, which it sets with inline scripts. A strict Content-Security-Policy
 * runs no inline script: the build moves both into the page's JSON block (quiz/engine.py), and
 * this, the first lines of quiz-engine.js, reads them before the engine starts.
 */
(function () {
  "use strict";
  var block = document.getElementById("mkdocs-quiz-settings");
  if (!block) return;
  try {
    var settings = JSON.parse(block.textContent);
    window.mkdocsQuizTranslations = settings.translations;
    window.mkdocsQuizConfig = settings.config;
  } catch (error) {
    /* the engine then runs with its own English texts and defaults */
  }
})();
