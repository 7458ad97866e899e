/* The learner's progress, shown on every page: the line above each page, the status at the end
 * of each module (whose coming into view counts as having read the module), the start page's
 * "Fortsätt där du slutade" and the state of each module in the module list and the menu.
 *
 * A module is done when it has been read to the end and its quiz has been passed (best result at
 * or above the quiz's pass mark); the course is complete when every module is done and the
 * final test is passed. The structure comes from course-data.js (built with the site), the
 * learner's data from course-store.js. Other scripts use window.courseProgress.
 */
(function () {
  "use strict";
  var store = window.courseStore;
  var course = window.courseData;
  if (!store || !course || window.courseProgress) return;

  var root = new URL("../../", document.currentScript.src); // this file is assets/js/

  function urlOf(path) {
    return new URL(path, root).href;
  }

  var text = window.courseText;

  function formatDate(iso) {
    var language = document.documentElement.lang || "sv";
    return new Date(iso).toLocaleDateString(language, { day: "numeric", month: "long", year: "numeric" });
  }

  function quizState(quiz, data) {
    if (!quiz) return { exists: false, passed: true, result: null };
    var result = data.quizzes[quiz.id] || null;
    return { exists: true, passMark: quiz.passMark, result: result, passed: Boolean(result && result.score >= quiz.passMark) };
  }

  function moduleState(module, data) {
    var read = data.modules[module.number];
    var notes = data.notes[module.number] ? Object.keys(data.notes[module.number]).length : 0;
    var quiz = quizState(module.quiz, data);
    return {
      module: module,
      readAt: read ? read.readAt : null,
      quiz: quiz,
      notes: notes,
      done: Boolean(read) && quiz.passed,
      started: Boolean(read) || Boolean(quiz.result) || notes > 0
    };
  }

  /* Everything the pages show about the learner's progress. */
  function status(data) {
    data = data || store.get();
    var modules = course.modules.map(function (module) {
      return moduleState(module, data);
    });
    var done = modules.filter(function (state) {
      return state.done;
    }).length;
    var finalTest = quizState(course.finalTest, data);
    var complete = done === modules.length && finalTest.passed;
    var next = null;
    for (var i = 0; i < modules.length && !next; i += 1) {
      if (!modules[i].done) next = modules[i];
    }
    var dates = [];
    modules.forEach(function (state) {
      if (state.readAt) dates.push(state.readAt);
      if (state.quiz.result && state.quiz.result.completedAt) dates.push(state.quiz.result.completedAt);
    });
    if (finalTest.result && finalTest.result.completedAt) dates.push(finalTest.result.completedAt);
    dates.sort();
    return {
      data: data,
      modules: modules,
      done: done,
      total: modules.length,
      finalTest: finalTest,
      complete: complete,
      completedAt: complete && dates.length ? dates[dates.length - 1] : null,
      next: next,
      started: modules.some(function (state) {
        return state.started;
      }) || Boolean(finalTest.result)
    };
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(href, text, className) {
    var node = element("a", text, className);
    node.href = href;
    return node;
  }

  function moduleName(module) {
    return text("progress.module_name", { number: module.number, title: module.title });
  }

  function noticeText() {
    return store.notice ? text("progress." + store.notice) : "";
  }

  function today() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /* The learner's data as a file in their downloads (also what this page holds but could not save).
     Returns the file's name. */
  function download() {
    var data = store.get();
    var file = { course: course.title, edition: course.edition, exportedAt: new Date().toISOString() };
    Object.keys(data).forEach(function (key) {
      file[key] = data[key];
    });
    var blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
    var anchor = document.createElement("a");
    anchor.href = URL.createObjectURL(blob);
    anchor.download = text("progress.file_name", { id: course.id, date: today() });
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () {
      URL.revokeObjectURL(anchor.href);
    }, 1000);
    return anchor.download;
  }

  /* Right after `place` (a message that saving failed), a button to download what would otherwise be
     lost; taken away again when `failed` is false. */
  function offerDownload(place, failed) {
    var next = place.nextElementSibling;
    var offer = next && next.classList.contains("course-save-failed") ? next : null;
    if (!failed) {
      if (offer) offer.remove();
      return;
    }
    if (offer) return;
    offer = element("p", null, "course-save-failed");
    var button = element("button", text("progress.download"), "md-button");
    button.type = "button";
    button.addEventListener("click", download);
    offer.appendChild(button);
    place.insertAdjacentElement("afterend", offer);
  }

  function renderBar(state) {
    var bar = document.querySelector("[data-course-progress]");
    if (!bar) return;
    var line = bar.querySelector(".course-progress__text");
    line.textContent = "";
    line.appendChild(element("strong", text("progress.bar_label") + " "));
    line.appendChild(document.createTextNode(text("progress.bar_done", { done: state.done, total: state.total })));
    if (course.finalTest) {
      line.appendChild(document.createTextNode(text(state.finalTest.passed ? "progress.bar_test_done" : "progress.bar_test_left")));
    }
    var meter = bar.querySelector(".course-progress__meter");
    if (!meter) {
      meter = element("span", null, "course-progress__meter");
      meter.setAttribute("aria-hidden", "true");
      meter.appendChild(element("span"));
      bar.insertBefore(meter, bar.firstChild);
    }
    meter.firstChild.style.width = Math.round((100 * state.done) / Math.max(state.total, 1)) + "%";
    var notice = bar.querySelector(".course-progress__notice");
    var message = noticeText();
    if (message && !notice) {
      notice = element("p", null, "course-progress__notice");
      notice.setAttribute("role", "status");
      bar.appendChild(notice);
    }
    if (notice) {
      notice.textContent = message;
      offerDownload(notice, store.unsaved);
    }
    bar.classList.add("course-progress--ready");
  }

  function quizLine(quiz) {
    if (!quiz.exists) return text("progress.no_quiz");
    if (!quiz.result) return text("progress.quiz_not_done", { passMark: quiz.passMark });
    var values = { correct: quiz.result.correct, total: quiz.result.total, score: quiz.result.score, passMark: quiz.passMark };
    return text(quiz.passed ? "progress.quiz_passed" : "progress.quiz_best", values);
  }

  function renderModuleEnd(state) {
    var box = document.querySelector(".course-module-status[data-module]");
    if (!box) return;
    var number = Number(box.dataset.module);
    var current = state.modules.filter(function (s) {
      return s.module.number === number;
    })[0];
    if (!current) return;
    box.querySelector(".course-module-status__read").textContent = text(current.readAt ? "progress.read" : "progress.not_read");
    box.querySelector(".course-module-status__quiz").textContent = quizLine(current.quiz);
    box.querySelector(".course-module-status__summary").textContent = current.done
      ? text("progress.module_done", { done: state.done, total: state.total })
      : text("progress.module_when_done");
    box.classList.toggle("course-module-status--done", current.done);
  }

  function renderContinue(state) {
    var box = document.querySelector("[data-course-continue]");
    if (!box) return;
    var summary = box.querySelector(".course-continue__summary");
    var action = box.querySelector(".course-continue__action");
    action.textContent = "";
    var message = noticeText();
    var button = "md-button md-button--primary";
    if (state.complete) {
      summary.textContent = text("progress.all_done");
      if (course.pages.certificate) action.appendChild(link(urlOf(course.pages.certificate), text("progress.print_certificate"), button));
    } else if (!state.next && course.finalTest) {
      summary.textContent = text("progress.test_left", { total: state.total });
      action.appendChild(link(urlOf(course.finalTest.url), text("progress.take_test"), button));
    } else if (state.started) {
      summary.textContent = text("progress.done_so_far", { done: state.done, total: state.total });
      action.appendChild(link(urlOf(state.next.module.url), text("progress.continue", { module: moduleName(state.next.module) }), button));
    } else {
      summary.textContent = text("progress.not_started");
      action.appendChild(link(urlOf(course.modules[0].url), text("progress.start", { module: moduleName(course.modules[0]) }), button));
    }
    if (message) summary.textContent += " " + message;
  }

  function stateWord(moduleStateValue) {
    if (moduleStateValue.done) return text("progress.state_done");
    return text(moduleStateValue.started ? "progress.state_started" : "progress.state_not_started");
  }

  function renderModuleList(state) {
    state.modules.forEach(function (s) {
      var cells = document.querySelectorAll('.course-module-state[data-module="' + s.module.number + '"]');
      for (var i = 0; i < cells.length; i += 1) {
        cells[i].textContent = stateWord(s);
        cells[i].dataset.state = s.done ? "done" : s.started ? "started" : "new";
      }
    });
  }

  /* A check mark after each finished module in Material's menu. */
  function renderNav(state) {
    var links = document.querySelectorAll(".md-nav__link[href]");
    state.modules.forEach(function (s) {
      var href = urlOf(s.module.url);
      for (var i = 0; i < links.length; i += 1) {
        if (links[i].href !== href) continue;
        var mark = links[i].querySelector(".course-nav-done");
        if (s.done && !mark) {
          mark = element("span", null, "course-nav-done");
          mark.appendChild(element("span", "✓")).setAttribute("aria-hidden", "true");
          mark.appendChild(element("span", " (klar)", "course-visually-hidden"));
          (links[i].querySelector(".md-ellipsis") || links[i]).appendChild(mark);
        } else if (!s.done && mark) {
          mark.remove();
        }
      }
    });
  }

  function render() {
    var state = status();
    renderBar(state);
    renderModuleEnd(state);
    renderContinue(state);
    renderModuleList(state);
    renderNav(state);
  }

  /* Reaching the status box at the end of a module counts as having read it. */
  var observer = null;

  function watchReading() {
    if (observer) observer.disconnect();
    observer = null;
    var box = document.querySelector(".course-module-status[data-module]");
    if (!box || !("IntersectionObserver" in window)) return;
    var number = box.dataset.module;
    if (store.get().modules[number]) return;
    observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      observer.disconnect();
      observer = null;
      store.update(function (data) {
        if (!data.modules[number]) data.modules[number] = { readAt: new Date().toISOString() };
      });
    });
    observer.observe(box);
  }

  /* Scripts that only some pages use, loaded on the pages that have what they work on (once; each
     then keeps itself up to date on the following pages). Those for a module's quiz and note fields
     wait until these come within a screen of the window, so that a reader who only reads the text
     does not load them; the others are what their page is for and load at once. The quiz scripts
     are our record of results and then mkdocs-quiz's engine (made a file by the engine, quiz/engine.py). */
  var NEAR = true;
  var PAGE_SCRIPTS = [
    [".quiz", ["assets/js/quiz-record.js", "assets/js/quiz-engine.js"], NEAR],
    ["textarea.course-note", ["assets/js/course-notes.js"], NEAR],
    ["[data-course-reflections]", ["assets/js/course-reflections.js", "assets/js/course-notes.js"]],
    ["[data-course-mydata]", ["assets/js/course-reflections.js", "assets/js/course-mydata.js"]],
    ["[data-course-certificate]", ["assets/js/course-certificate.js"]]
  ];
  var QUIZ_SCRIPTS = PAGE_SCRIPTS[0][1];
  var loaded = {};
  var pressed = []; /* quiz buttons pressed before the quiz scripts were in */
  var nearby = null;

  function loadScripts(paths) {
    paths.forEach(function (path, index) {
      if (loaded[path]) return;
      loaded[path] = "loading";
      var script = document.createElement("script");
      script.src = urlOf(path);
      script.async = false; /* run in the order listed */
      script.addEventListener("error", function () {
        loaded[path] = "failed"; /* then quiz buttons are no longer held back (see below) */
      });
      script.addEventListener("load", function () {
        loaded[path] = "ready";
        if (path === QUIZ_SCRIPTS[QUIZ_SCRIPTS.length - 1]) {
          pressed.splice(0).forEach(function (button) {
            if (button.isConnected) button.click();
          });
        }
      });
      document.body.appendChild(script);
    });
  }

  /* Whether the learner has answered questions on this page before (mkdocs-quiz keeps the answers
     under "quiz_progress_" + path). The engine then puts answers, explanations and results back,
     which makes the page longer. A browser that reloads a page puts the reader back where they were
     when the page has loaded; if the engine came later, the page would still be short then, and a
     reader who reloaded at the quiz's results would land below them, the quiz not loaded. So such
     a page loads the quiz scripts at once. */
  function answeredHere() {
    try {
      var answers = JSON.parse(localStorage.getItem("quiz_progress_" + window.location.pathname));
      return Boolean(answers) && Object.keys(answers).length > 0;
    } catch (error) {
      return false;
    }
  }

  function loadPageScripts() {
    if (nearby) nearby.disconnect();
    var waiting = [];
    PAGE_SCRIPTS.forEach(function (entry) {
      if (entry[1].every(function (path) { return loaded[path]; })) return;
      var elements = document.querySelectorAll(entry[0]);
      var near = entry[2] && !(entry[1] === QUIZ_SCRIPTS && answeredHere());
      if (elements.length && !near) return loadScripts(entry[1]);
      elements.forEach(function (element) {
        waiting.push([element, entry[1]]);
      });
    });
    if (!waiting.length) return;
    if (!("IntersectionObserver" in window)) {
      waiting.forEach(function (pair) { loadScripts(pair[1]); });
      return;
    }
    nearby = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        waiting.forEach(function (pair) {
          if (pair[0] === entry.target) loadScripts(pair[1]);
        });
      });
    }, { rootMargin: "100% 0px" });
    waiting.forEach(function (pair) { nearby.observe(pair[0]); });
  }

  /* A button pressed in a quiz before the engine is in (a quick jump down the page, a keyboard
     user) loads it and is pressed again once it is. */
  document.addEventListener("click", function (event) {
    var engine = loaded[QUIZ_SCRIPTS[QUIZ_SCRIPTS.length - 1]];
    if (engine === "ready" || engine === "failed" || !event.target.closest) return;
    var button = event.target.closest(".quiz button, .quiz-intro button");
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    pressed.push(button);
    loadScripts(QUIZ_SCRIPTS);
  }, true);

  /* A quiz's form is never sent anywhere: the engine checks the answer on the page. (mkdocs-quiz
     said so with onsubmit="return false;", which a strict Content-Security-Policy does not run;
     the build takes it out, quiz/engine.py.) */
  document.addEventListener("submit", function (event) {
    if (event.target.closest && event.target.closest(".quiz")) event.preventDefault();
  }, true);

  /* Run fn on every page shown: after each instant navigation, or once when there is none (file://). */
  function onEveryPage(fn) {
    if (typeof window.document$ !== "undefined") {
      window.document$.subscribe(fn);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  window.courseProgress = {
    status: status,
    urlOf: urlOf,
    formatDate: formatDate,
    moduleName: moduleName,
    noticeText: noticeText,
    download: download,
    offerDownload: offerDownload,
    element: element,
    onEveryPage: onEveryPage
  };
  window.addEventListener("coursestorechange", render);
  onEveryPage(function () {
    render();
    watchReading();
    loadPageScripts();
  });
})();
