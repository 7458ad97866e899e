/* Records each finished quiz in the course data (course-store.js), for progress and the
 * certificate, and says under a quiz with a pass mark whether this attempt passed.
 *
 * The best finished attempt is kept (a module stays done when a later try goes worse);
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

  function finishedResult(meta) {
    var questions = document.querySelectorAll(".quiz").length;
    if (!questions || questions !== Number(meta.dataset.questions)) return null;
    var stored = null;
    if (window.courseStore && window.courseStore.available) {
      try {
        stored = JSON.parse(localStorage.getItem("quiz_progress_" + window.location.pathname));
      } catch (error) {
        stored = null;
      }
    } else {
      stored = fromPage(questions);
    }
    if (!stored) return null;
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

  /* Without storage mkdocs-quiz keeps no record: read the answers from the page instead. */
  function fromPage(questions) {
    var stored = {};
    var quizzes = document.querySelectorAll(".quiz");
    for (var i = 0; i < quizzes.length; i += 1) {
      var feedback = quizzes[i].querySelector(".quiz-feedback");
      if (!feedback || feedback.classList.contains("hidden")) return null;
      stored[i] = { answered: true, correct: !feedback.querySelector(".incorrect") };
    }
    return Object.keys(stored).length === questions ? stored : null;
  }

  function showVerdict(meta, result, passMark) {
    var verdict = document.querySelector(".course-quiz-verdict");
    if (!verdict) return;
    var noun = meta.dataset.noun;
    var text = window.courseText;
    verdict.classList.remove("passed", "failed");
    if (!result) {
      verdict.textContent = "";
      return;
    }
    var values = { noun: noun, score: result.score, correct: result.correct, total: result.total, passMark: passMark,
                   retry: meta.dataset.retry || "" };
    var passed = result.score >= passMark;
    verdict.classList.add(passed ? "passed" : "failed");
    verdict.textContent = text(passed ? "quiz.passed" : "quiz.failed", values);
  }

  function better(previous, result) {
    return !previous || result.score > previous.score;
  }

  function update() {
    var meta = document.querySelector(".course-quiz[data-quiz-id]");
    if (!meta) return;
    var result = finishedResult(meta);
    if (result && window.courseStore) {
      var id = meta.dataset.quizId;
      var previous = window.courseStore.get().quizzes[id];
      if (better(previous, result)) {
        result.completedAt = new Date().toISOString();
        window.courseStore.update(function (data) {
          data.quizzes[id] = result;
        });
      }
    }
    showVerdict(meta, result, Number(meta.dataset.passMark));
  }

  window.courseQuizRecord = { update: update };
  window.addEventListener("quizProgressUpdate", update);
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(update);
  }
})();
