/* Glossary terms: Material's content.tooltips shows a term's explanation while the term is
 * hovered, focused (each term has tabindex="0") or tapped. Escape hides an explanation that is
 * showing without moving focus or the pointer (WCAG 2.1, 1.4.13); it shows again the next time
 * a term is focused, tapped or hovered.
 */
(function () {
  "use strict";
  if (window.courseTooltips) return;
  window.courseTooltips = true;

  function setHidden(hidden) {
    var tooltips = document.querySelectorAll('.md-tooltip2[role="tooltip"]');
    for (var i = 0; i < tooltips.length; i += 1) tooltips[i].hidden = hidden;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") setHidden(true);
  });
  function onTerm(event) {
    if (event.target.closest && event.target.closest("abbr[tabindex]")) setHidden(false);
  }
  document.addEventListener("focusin", onTerm);
  document.addEventListener("pointerover", onTerm);
})();
