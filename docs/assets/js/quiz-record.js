/* Records each finished quiz on this device, for progress and the certificate.
 *
 * Stored in localStorage under "betanketid.quizResults", version 1:
 *   {"version": 1,
 *    "quizzes": {"modul-1": {"correct": 5, "total": 6, "score": 83,
 *                            "passMark": null, "passed": null,
 *                            "completedAt": "2026-11-22T10:00:00.000Z"}}}
 * score: whole percent of right answers (as mkdocs-quiz rounds it); passMark and passed are set
 * only for a test with a pass mark (the final test). A quiz's entry is its latest finished attempt;
 * resetting the answers on the page does not remove it.
 *
 * mkdocs-quiz fires "quizProgressUpdate" on window, and keeps firing stale ones after instant
 * navigation. So the event is only a trigger: the result is read from mkdocs-quiz's own record for
 * the current page (localStorage "quiz_progress_" + path) and accepted only when the page has a
 * quiz and every one of its questions is answered.
 */
(function () {
  "use strict";
  if (window.courseQuizRecord) return;

  var KEY = "betanketid.quizResults";
  var VERSION = 1;

  function read() {
    try {
      var data = JSON.parse(localStorage.getItem(KEY));
      if (data && data.version === VERSION && data.quizzes && typeof data.quizzes === "object") {
        return data;
      }
    } catch (error) {
      /* unreadable or unavailable storage: start afresh */
    }
    return { version: VERSION, quizzes: {} };
  }

  function write(data) {
    try {
      localStorage.setItem(KEY, JSON.stringify(data));
      return true;
    } catch (error) {
      return false;
    }
  }

  function finishedResult(meta) {
    var questions = document.querySelectorAll(".quiz").length;
    if (!questions || questions !== Number(meta.dataset.questions)) return null;
    var stored;
    try {
      stored = JSON.parse(localStorage.getItem("quiz_progress_" + window.location.pathname)) || {};
    } catch (error) {
      return null;
    }
    var answered = 0;
    var correct = 0;
    Object.keys(stored).forEach(function (id) {
      if (stored[id] && stored[id].answered) {
        answered += 1;
        if (stored[id].correct) correct += 1;
      }
    });
    if (answered !== questions) return null;
    return { correct: correct, total: questions, score: Math.round((100 * correct) / questions) };
  }

  function showVerdict(meta, result, passMark) {
    var verdict = document.querySelector(".course-quiz-verdict");
    if (!verdict) return;
    verdict.classList.remove("passed", "failed");
    if (!result) {
      verdict.textContent = "";
      return;
    }
    if (result.passed) {
      verdict.classList.add("passed");
      verdict.textContent =
        "Du har klarat provet med " + result.score + " % rätt (" + result.correct + " av " +
        result.total + "). Gränsen är " + passMark + " %.";
    } else {
      verdict.classList.add("failed");
      verdict.textContent =
        "Du har inte klarat provet den här gången: " + result.score + " % rätt (" + result.correct +
        " av " + result.total + "). Du behöver minst " + passMark +
        " %. Läs modulerna igen, tryck på Återställ svaren och försök en gång till.";
    }
  }

  function update() {
    var meta = document.querySelector(".course-quiz[data-quiz-id]");
    if (!meta) return;
    var passMark = meta.dataset.passMark ? Number(meta.dataset.passMark) : null;
    var result = finishedResult(meta);
    if (result) {
      result.passMark = passMark;
      result.passed = passMark === null ? null : result.score >= passMark;
      var data = read();
      var previous = data.quizzes[meta.dataset.quizId];
      var same = previous && previous.correct === result.correct && previous.total === result.total;
      result.completedAt = same && previous.completedAt ? previous.completedAt : new Date().toISOString();
      data.quizzes[meta.dataset.quizId] = result;
      write(data);
    }
    showVerdict(meta, result, passMark);
  }

  window.courseQuizRecord = { key: KEY, version: VERSION, read: read };
  window.addEventListener("quizProgressUpdate", update);
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(update);
  }
})();
