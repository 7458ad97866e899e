/* The SCORM 1.2 launch page (scorm.html): one session with the LMS around the whole course.
 *
 * simple-scorm-wrapper finds the LMS's API (window.parent up to the top, then the opener) and
 * calls LMSInitialize; it sets lesson_status "incomplete" on a first launch and, when the page
 * is left, saves the session time and calls LMSCommit and LMSFinish (exit "suspend", so that the
 * LMS keeps suspend_data for the next launch).
 *
 * The course's pages run in the frame exactly as on the web and keep the learner's data with
 * course-store.js. This page mirrors that data to the LMS, which keeps the record:
 *   - at launch, cmi.suspend_data replaces the progress on this device (none on a first launch),
 *     and the frame opens cmi.core.lesson_location (the last page) or the start page;
 *   - on every change (a "storage" event from the frame) and page change: cmi.suspend_data (the
 *     modules read and the quiz results; notes and name stay on the device),
 *     cmi.core.lesson_location, and after the final test cmi.core.score.raw/min/max and
 *     lesson_status "passed" or "failed" by its pass mark; then LMSCommit.
 * Outside an LMS no API is found: the page only shows the course and makes no LMS call.
 */
(function () {
  "use strict";
  var LIMIT = 4096; /* SCORM 1.2: cmi.suspend_data is a CMIString4096 */
  var frame = document.getElementById("kursen");
  var course = window.courseData;
  var store = window.courseStore;
  var lms = new window.Scorm({ version: "1.2" });
  var connected = Boolean(lms.initialized);
  var root = window.location.pathname.replace(/[^/]*$/, "");
  var reported = {};

  function safePage(value) {
    return /^[\w\-\/]+\.html$/.test(value || "") && value.indexOf("..") < 0 ? value : null;
  }

  /* What the LMS keeps: the modules read and the best quiz results, in the store's own format
     (about 1 000 characters for the whole course). Reflection notes and the name typed on the
     certificate stay on this device: they are the learner's own, not the employer's. */
  function suspendData(data) {
    var text = JSON.stringify({ version: data.version, modules: data.modules, quizzes: data.quizzes });
    return text.length <= LIMIT ? text : JSON.stringify({ version: data.version, modules: {}, quizzes: data.quizzes });
  }

  function set(element, value) {
    if (reported[element] === value) return;
    reported[element] = value;
    lms.setValue(element, value);
  }

  function report() {
    var data = store.get();
    set("cmi.suspend_data", suspendData(data));
    var test = course.finalTest;
    var result = test && data.quizzes[test.id];
    if (result) {
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(result.score));
      set("cmi.core.lesson_status", result.score >= test.passMark ? "passed" : "failed");
    }
    var page = currentPage();
    if (page) set("cmi.core.lesson_location", page);
    lms.commit();
  }

  function currentPage() {
    try {
      var path = decodeURIComponent(frame.contentWindow.location.pathname);
      return path.indexOf(root) === 0 ? safePage(path.slice(root.length)) : null;
    } catch (error) {
      return null; /* a page from another site (an outside link) */
    }
  }

  function restore() {
    var saved = lms.getValue("cmi.suspend_data");
    var data = null;
    try {
      data = saved ? store.normalize(JSON.parse(saved)) : null;
    } catch (error) {
      data = null;
    }
    store.update(function (local) {
      /* progress comes from the LMS (none on a first launch); notes and name stay as they are */
      local.modules = data ? data.modules : {};
      local.quizzes = data ? data.quizzes : {};
    });
    reported["cmi.suspend_data"] = saved;
  }

  if (connected) {
    restore();
    lms.beforeTerminate = report; /* the latest state, before LMSCommit and LMSFinish */
    window.addEventListener("storage", function (event) {
      if (event.key === store.key || event.key === null) report();
    });
    frame.addEventListener("load", report);
  }
  frame.src = (connected && safePage(lms.location())) || "index.html";
})();
