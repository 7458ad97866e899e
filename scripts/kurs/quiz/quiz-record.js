/* Records each finished quiz in the course data (course-store.js), for progress and the
 * certificate, and says under a quiz with a pass mark whether this attempt passed.
 *
 * The best finished attempt is kept (a module stays done when a later try goes worse);
 * resetting the answers on the page does not remove it.
 *
 * mkdocs-quiz fires "quizProgressUpdate" on window, and keeps firing stale ones after instant
 * navigation. So the event is only a trigger: the result is read from the current page (each
 * question's feedback, which the engine also puts back after a reload) or else from mkdocs-quiz's
 * own record for the page (localStorage "quiz_progress_" + path, which lacks the newest answers
 * when storage is full), and accepted only when the page has a quiz and every one of its questions
 * is answered.
 */
(function () {
  "use strict";
  if (window.courseQuizRecord) return;

  function finishedResult(meta) {
    var questions = document.querySelectorAll(".quiz").length;
    if (!questions || questions !== Number(meta.dataset.questions)) return null;
    return counted(fromPage(questions), questions) || counted(stored(), questions);
  }

  /* mkdocs-quiz's own record of this page's answers, or null. */
  function stored() {
    if (!window.courseStore || !window.courseStore.available) return null;
    try {
      return JSON.parse(localStorage.getItem("quiz_progress_" + window.location.pathname));
    } catch (error) {
      return null;
    }
  }

  function counted(answers, questions) {
    if (!answers) return null;
    var answered = 0;
    var correct = 0;
    Object.keys(answers).forEach(function (id) {
      if (answers[id] && answers[id].answered) {
        answered += 1;
        if (answers[id].correct) correct += 1;
      }
    });
    if (answered !== questions) return null;
    return { correct: correct, total: questions, score: Math.round((100 * correct) / questions) };
  }

  /* The answers as the page shows them: each question's feedback says right or wrong. */
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

  /* Under the quiz: passed or not, and whether the result could be kept (if not, a way to download it). */
  function showVerdict(meta, result, passMark, saved) {
    var verdict = document.querySelector(".course-quiz-verdict");
    if (!verdict) return;
    var noun = meta.dataset.noun;
    var text = window.courseText;
    verdict.classList.remove("passed", "failed");
    if (window.courseProgress) window.courseProgress.offerDownload(verdict, result && !saved);
    if (!result) {
      verdict.textContent = "";
      return;
    }
    var values = { noun: noun, score: result.score, correct: result.correct, total: result.total, passMark: passMark,
                   retry: meta.dataset.retry || "" };
    var passed = result.score >= passMark;
    verdict.classList.add(passed ? "passed" : "failed");
    verdict.textContent = text(passed ? "quiz.passed" : "quiz.failed", values) + (saved ? "" : " " + text("quiz.not_saved"));
  }

  function better(previous, result) {
    return !previous || result.score > previous.score;
  }

  function update() {
    var meta = document.querySelector(".course-quiz[data-quiz-id]");
    if (!meta) return;
    var result = finishedResult(meta);
    var saved = true;
    if (result && window.courseStore) {
      var id = meta.dataset.quizId;
      var previous = window.courseStore.get().quizzes[id];
      if (better(previous, result)) {
        result.completedAt = new Date().toISOString();
        saved = window.courseStore.update(function (data) {
          data.quizzes[id] = result;
        });
      }
      saved = saved && !window.courseStore.unsaved;
    }
    showVerdict(meta, result, Number(meta.dataset.passMark), saved);
  }

  window.courseQuizRecord = { update: update };
  window.addEventListener("quizProgressUpdate", update);
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(update);
  }
})();
