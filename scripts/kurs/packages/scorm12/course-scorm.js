/* The SCORM 1.2 launch page (scorm.html): one session with the LMS around the whole course.
 *
 * simple-scorm-wrapper finds the LMS's API (window.parent up to the top, then the opener) and
 * calls LMSInitialize; it sets lesson_status "incomplete" on a first launch and, when the page
 * is left, saves the session time and calls LMSCommit and LMSFinish (exit "suspend", so that the
 * LMS keeps suspend_data for the next launch). Every call it makes goes through `guarded`: an LMS
 * that throws, or answers with nothing, counts as an LMS that said "false" (error 101), so the
 * course always shows.
 *
 * The course's pages run in the frame exactly as on the web and keep the learner's data with
 * course-store.js, under a key of the LMS learner's own (cmi.core.student_id, hashed): two people
 * on one browser never see each other's notes or name, and mkdocs-quiz's answers on the quiz
 * pages are cleared when another learner launches. A learner the LMS does not name gets the data
 * kept only until the course is closed (course-store.js). This page mirrors the data to the LMS,
 * which keeps the record:
 *   - at launch, cmi.suspend_data (what the LMS kept) is joined with the progress on this device,
 *     and the frame opens cmi.core.lesson_location (the last page, only a page of the package) or
 *     the start page. If the LMS cannot give suspend_data (an error, a throw), nothing is ever
 *     written over it: the course says so and tries to read it again at each change;
 *   - on every change (a "storage" event from the frame), every page change and at unload:
 *     cmi.suspend_data (the modules read and the quiz results, never over 4 096 characters; notes
 *     and name stay on the device), cmi.core.lesson_location, and after the final test
 *     cmi.core.score.raw/min/max and lesson_status "passed" or "failed" by its pass mark; then
 *     LMSCommit. A value counts as sent only when the LMS took it and the commit succeeded;
 *     anything else is sent again at the next change and at unload, and the learner is told.
 * Outside an LMS no API is found: the page only shows the course and makes no LMS call.
 */
(function () {
  "use strict";
  var LIMIT = 4096; /* SCORM 1.2: cmi.suspend_data is a CMIString4096 */
  var frame = document.getElementById("kursen");
  var line = document.getElementById("kurs-meddelande");
  var course = window.courseData;
  var root = window.location.pathname.replace(/[^/]*$/, "");
  var lms = null;
  var connected = false;
  var store = null;
  var lmsRecord = null; /* what the LMS kept (cmi.suspend_data), once it could be read */
  var sent = {}; /* element -> value the LMS has taken and committed */
  var problems = {};

  /* The LMS's API made safe: a call that throws or returns nothing gives "false" (or "" for a
     value) and leaves error 101, "general exception", to be read with LMSGetLastError. */
  function guarded(api) {
    var failure = null;

    function call(name, args, failed) {
      var result;
      try {
        result = api[name].apply(api, args);
      } catch (error) {
        result = undefined;
      }
      failure = result === undefined || result === null ? "101" : null;
      return failure ? failed : String(result);
    }

    function ask(name, args, failed) {
      try {
        var result = api[name].apply(api, args);
        return result === undefined || result === null ? failed : String(result);
      } catch (error) {
        return failed;
      }
    }

    return {
      LMSInitialize: function (value) { return call("LMSInitialize", [value], "false"); },
      LMSFinish: function (value) { return call("LMSFinish", [value], "false"); },
      LMSCommit: function (value) { return call("LMSCommit", [value], "false"); },
      LMSGetValue: function (element) { return call("LMSGetValue", [element], ""); },
      LMSSetValue: function (element, value) { return call("LMSSetValue", [element, value], "false"); },
      LMSGetLastError: function () { return failure || ask("LMSGetLastError", [], "101"); },
      LMSGetErrorString: function (code) { return ask("LMSGetErrorString", [code], ""); },
      LMSGetDiagnostic: function (code) { return ask("LMSGetDiagnostic", [code], ""); }
    };
  }

  function connect() {
    var Scorm = window.Scorm;
    var session = Object.create(Scorm.prototype);
    session.getApi = function () {
      var api = Scorm.prototype.getApi.call(this);
      return api ? guarded(api) : null;
    };
    try {
      Scorm.call(session, { version: "1.2" });
    } catch (error) {
      /* the wrapper itself failed: the course shows without the LMS */
    }
    return session;
  }

  /* A value the LMS gives, or null when it could not give one. */
  function read(element) {
    var value = lms.getValue(element);
    return lms.getLastError() === "0" ? value : null;
  }

  /* A short, stable name for the LMS's learner id (the id itself is not stored in the browser). */
  function learnerKey(id) {
    var hash = 2166136261;
    for (var i = 0; i < id.length; i += 1) {
      hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
    }
    return "l" + (hash >>> 0).toString(36);
  }

  /* Only a page of the package ("moduler/1-vad.html"), never "//host/x.html" or "/x.html". */
  function safePage(value) {
    return /^[\w-]+(\/[\w-]+)*\.html$/.test(value || "") ? value : null;
  }

  function say(problem, present) {
    problems[problem] = present;
    var shown = ["no_contact", "not_read", "not_saved"].filter(function (name) {
      return problems[name];
    })[0];
    line.textContent = shown ? window.courseText("scorm." + shown) : "";
    line.hidden = !shown;
  }

  /* The learner's best of both: every module read, the better result of each quiz. */
  function join(local, kept) {
    Object.keys(kept.modules).forEach(function (number) {
      if (!local.modules[number]) local.modules[number] = kept.modules[number];
    });
    Object.keys(kept.quizzes).forEach(function (id) {
      var mine = local.quizzes[id];
      if (!mine || kept.quizzes[id].score > mine.score) local.quizzes[id] = kept.quizzes[id];
    });
  }

  /* Read what the LMS kept, once it can be read, and join it with this device's progress. */
  function fetchRecord() {
    if (lmsRecord) return true;
    var saved = read("cmi.suspend_data");
    say("not_read", saved === null);
    if (saved === null) return false;
    var kept = null;
    try {
      kept = saved ? store.normalize(JSON.parse(saved)) : null;
    } catch (error) {
      kept = null;
    }
    lmsRecord = kept || store.normalize({ version: store.version });
    sent["cmi.suspend_data"] = saved;
    store.update(function (local) {
      join(local, lmsRecord);
    });
    return true;
  }

  /* What the LMS keeps: the modules read and the best quiz results, in the store's own format
     (about 1 000 characters for the whole course), dates left out if need be; null if even that
     is over the limit (then the LMS keeps what it has). Reflection notes and the name typed on the
     certificate stay on this device: they are the learner's own, not the employer's. */
  function suspendData(data) {
    var full = JSON.stringify({ version: data.version, modules: data.modules, quizzes: data.quizzes });
    if (full.length <= LIMIT) return full;
    var quizzes = {};
    Object.keys(data.quizzes).forEach(function (id) {
      var result = data.quizzes[id];
      quizzes[id] = { correct: result.correct, total: result.total };
    });
    var compact = JSON.stringify({ version: data.version, modules: data.modules, quizzes: quizzes });
    return compact.length <= LIMIT ? compact : null;
  }

  function currentPage() {
    try {
      var path = decodeURIComponent(frame.contentWindow.location.pathname);
      return path.indexOf(root) === 0 ? safePage(path.slice(root.length)) : null;
    } catch (error) {
      return null; /* a page from another site (an outside link) */
    }
  }

  /* Everything the LMS should have now, in the order it is sent. */
  function wanted() {
    var data = store.get();
    var values = [];
    var suspend = fetchRecord() ? suspendData(data) : null;
    if (suspend !== null) values.push(["cmi.suspend_data", suspend]);
    var test = course.finalTest;
    var result = test && data.quizzes[test.id];
    if (result) {
      values.push(["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"], ["cmi.core.score.raw", String(result.score)],
                  ["cmi.core.lesson_status", result.score >= test.passMark ? "passed" : "failed"]);
    }
    var page = currentPage();
    if (page) values.push(["cmi.core.lesson_location", page]);
    return values;
  }

  /* Send what the LMS has not taken yet; it counts as sent once the LMS took it and committed. */
  function report() {
    var pending = wanted().filter(function (pair) {
      return sent[pair[0]] !== pair[1];
    });
    if (!pending.length) return;
    var taken = pending.filter(function (pair) {
      return lms.setValue(pair[0], pair[1]) === "true";
    });
    var committed = lms.commit() === "true";
    if (committed) {
      taken.forEach(function (pair) {
        sent[pair[0]] = pair[1];
      });
    }
    say("not_saved", !committed || taken.length < pending.length);
  }

  /* mkdocs-quiz keeps each quiz page's answers under one key for everyone on this browser: when
     another learner launches (or one the LMS does not name), they are cleared. */
  function keepQuizAnswersApart(learner) {
    var marker = store.lmsLearnerKey;
    try {
      if (!learner || window.localStorage.getItem(marker) !== learner) {
        store.quizKeys().forEach(function (key) {
          window.localStorage.removeItem(key);
        });
      }
      window.localStorage.setItem(marker, learner || "");
    } catch (error) {
      /* no storage: mkdocs-quiz keeps nothing either */
    }
  }

  function start() {
    store = window.courseStore;
    var page = null;
    if (connected) {
      keepQuizAnswersApart(window.courseLearner.key);
      fetchRecord();
      page = safePage(read("cmi.core.lesson_location"));
      lms.beforeTerminate = report; /* the latest state, before LMSCommit and LMSFinish */
      window.addEventListener("storage", function (event) {
        if (event.key === store.key || event.key === null) report();
      });
      frame.addEventListener("load", report);
    } else if (lms.api) {
      keepQuizAnswersApart(null);
      say("no_contact", true);
    }
    frame.src = page || "index.html";
  }

  /* The learner's data is kept per LMS learner: course-store.js reads window.courseLearner, so it
     is loaded once the learner is known. */
  function loadStore() {
    var script = document.createElement("script");
    script.src = "assets/js/course-store.js";
    script.addEventListener("load", start);
    script.addEventListener("error", function () {
      frame.src = "index.html";
    });
    document.head.appendChild(script);
  }

  try {
    lms = connect();
    connected = Boolean(lms.initialized);
    if (lms.api) {
      var id = connected ? read("cmi.core.student_id") : null;
      window.courseLearner = { key: id ? learnerKey(id) : null };
    }
    loadStore();
  } catch (error) {
    frame.src = "index.html"; /* whatever the LMS did, the learner gets the course */
  }
})();
