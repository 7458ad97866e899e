/* The learner's course data on this device: the only code that reads or writes it.
 *
 * Everything lives under one localStorage key of the course's own ("<course id>.kurs", given by
 * course-data.js as courseData.storageKey, so two courses on one host never share it), as one JSON object that is
 * always written whole (a single setItem), so a page never sees half an update:
 *   {"version": 2,
 *    "savedAt": "2026-11-22T10:00:00.000Z",
 *    "modules": {"1": {"readAt": "…"}},                   read to the end
 *    "quizzes": {"modul-1": {"correct": 5, "total": 6, "score": 83,
 *                            "completedAt": "…"}},        best finished attempt per quiz
 *    "notes":   {"1": {"2": "text"}},                     module -> reflection question -> text
 *    "name":    "Anna Andersson"}                          typed on the certificate page
 *
 * Older data is migrated (version 1 kept only quiz results under "<course id>.quizResults").
 * Data that cannot be read is replaced by an empty record and `notice` says so. Entries that do not
 * fit (another course's quizzes, numbers out of range, dates that cannot have happened) are dropped.
 * When storage cannot be read (blocked) the data lives in memory for this page and `available` is
 * false; when it can be read but not written (full), what is kept shows, and changes live in memory
 * for this page (to show and to download) with notice "full" until a write succeeds again. Nothing
 * is ever sent anywhere.
 *
 * API (window.courseStore): get(), update(fn) -> saved?, read(value) -> {data, dropped},
 * replace(data) -> saved?, clear() -> all gone?, normalize(value), isEmpty(data), quizKeys(),
 * available, unsaved, notice ("reset" | "unavailable" | "unknown_learner" | "full" | null), key;
 * fires "coursestorechange" on window.
 */
(function () {
  "use strict";
  if (window.courseStore) return;

  var COURSE = window.courseData || {};

  // The course's texts for its scripts (courseData.texts, from the engine's locale file):
  // courseText("notes.saved"), or courseText("progress.done", {done: 3, total: 6}) for "{done} av {total}".
  // A page script's texts come in front of it (window.courseTexts), every page's in course-data.js.
  window.courseText = function (key, values) {
    var texts = Object.assign({}, COURSE.texts, window.courseTexts);
    var found = key.split(".").reduce(function (node, part) {
      return node && typeof node === "object" ? node[part] : undefined;
    }, texts);
    if (typeof found !== "string") return key;
    return found.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  };

    /* Inside a learning platform (LMS) the SCORM package's launch page (scorm12/course-scorm.js) names
     the platform's learner: window.courseLearner there, read from the frame's parent on the course's
     pages. Each learner then has a key of their own, so that two people using one browser never see
     each other's notes or name; for a learner the platform does not name, the data is kept only
     until the course is closed (sessionStorage). */
  function lmsLearner() {
    try {
      return window.courseLearner || (window.parent !== window && window.parent.courseLearner) || null;
    } catch (error) {
      return null; /* a page of another site around ours */
    }
  }

  var LEARNER = lmsLearner();
  var BASE_KEY = COURSE.storageKey || (COURSE.id || "kurs") + ".kurs";
  var KEY = LEARNER && LEARNER.key ? BASE_KEY + "." + LEARNER.key : BASE_KEY;
  var LMS_LEARNER_KEY = BASE_KEY + ".lmsLearner"; /* whose quiz answers are on this browser (in an LMS) */
  var OLD_KEY = (COURSE.id || "kurs") + ".quizResults";
  var VERSION = 2;
  var ROOT = new URL("../../", document.currentScript.src); // this file is assets/js/
  var EARLIEST = Date.parse("2000-01-01T00:00:00Z");
  var CLOCK_SKEW = 24 * 60 * 60 * 1000; /* a device's clock may be a little ahead */
  var MAX_QUESTIONS = 10000;
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

  function empty() {
    return { version: VERSION, savedAt: null, modules: {}, quizzes: {}, notes: {}, name: "" };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) {
    return Number.isSafeInteger(value) && value >= 0;
  }

  /* A moment that can have happened: an ISO date from 2000 up to now (not "9999-12-31"). */
  function isDate(value) {
    if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
    var time = Date.parse(value);
    return time >= EARLIEST && time <= Date.now() + CLOCK_SKEW;
  }

  /* The course's modules and quizzes: entries for others (another course, a file written by hand)
     are dropped, which also keeps what the LMS is sent within its limit. */
  var MODULES = {};
  var QUIZZES = {};
  (COURSE.modules || []).forEach(function (module) {
    MODULES[module.number] = true;
    if (module.quiz) QUIZZES[module.quiz.id] = true;
  });
  if (COURSE.finalTest) QUIZZES[COURSE.finalTest.id] = true;

  function cleanQuiz(result) {
    if (!isObject(result) || !isCount(result.correct) || !isCount(result.total)) return null;
    if (!result.total || result.total > MAX_QUESTIONS || result.correct > result.total) return null;
    return {
      correct: result.correct,
      total: result.total,
      score: Math.round((100 * result.correct) / result.total),
      completedAt: isDate(result.completedAt) ? result.completedAt : null
    };
  }

  /* What a value read or imported holds: {data: a clean version-2 record, dropped: how many of its
     entries did not fit}, or null when it is not the course's data at all. Entries that do not fit
     are dropped one by one rather than losing everything. */
  function read(value) {
    if (!isObject(value)) return null;
    if (value.version === 1 && isObject(value.quizzes)) {
      value = { version: VERSION, quizzes: value.quizzes };
    }
    if (value.version !== VERSION) return null;
    var data = empty();
    var dropped = 0;
    data.savedAt = isDate(value.savedAt) ? value.savedAt : null;
    if (isObject(value.modules)) {
      Object.keys(value.modules).forEach(function (number) {
        var entry = value.modules[number];
        if (MODULES[number] && isObject(entry) && isDate(entry.readAt)) {
          data.modules[number] = { readAt: entry.readAt };
        } else {
          dropped += 1;
        }
      });
    }
    if (isObject(value.quizzes)) {
      Object.keys(value.quizzes).forEach(function (id) {
        var result = QUIZZES[id] === true ? cleanQuiz(value.quizzes[id]) : null;
        if (result) data.quizzes[id] = result;
        else dropped += 1;
      });
    }
    if (isObject(value.notes)) {
      Object.keys(value.notes).forEach(function (number) {
        var notes = value.notes[number];
        if (!/^\d+$/.test(number) || !isObject(notes)) {
          dropped += 1;
          return;
        }
        Object.keys(notes).forEach(function (question) {
          if (/^\d+$/.test(question) && typeof notes[question] === "string" && notes[question].trim()) {
            data.notes[number] = data.notes[number] || {};
            data.notes[number][question] = notes[question];
          } else {
            dropped += 1;
          }
        });
      });
    }
    if (typeof value.name === "string") data.name = value.name.slice(0, 200);
    else if (value.name !== undefined) dropped += 1;
    return { data: data, dropped: dropped };
  }

  function normalize(value) {
    var found = read(value);
    return found ? found.data : null;
  }

  function isEmpty(data) {
    return !Object.keys(data.modules).length && !Object.keys(data.quizzes).length &&
      !Object.keys(data.notes).length && !data.name.trim();
  }

  var storage = null; /* localStorage, when it can be read */
  var memory = empty(); /* this page's data when storage has not got it (unavailable, or a write failed) */
  var unsaved = false;
  var notice = null;

  function open() {
    try {
      /* a learner the LMS does not name: kept only until the course is closed (this tab's storage) */
      var candidate = LEARNER && !LEARNER.key ? window.sessionStorage : window.localStorage;
      candidate.getItem(KEY);
      return candidate;
    } catch (error) {
      return null;
    }
  }

  /* Whether storage takes a write now (a full storage can still be read). */
  function canWrite() {
    try {
      storage.setItem(KEY + ".test", "1");
      storage.removeItem(KEY + ".test");
      return true;
    } catch (error) {
      return false;
    }
  }

  function load() {
    if (!storage || unsaved) return JSON.parse(JSON.stringify(memory));
    var raw;
    try {
      raw = storage.getItem(KEY);
    } catch (error) {
      return JSON.parse(JSON.stringify(memory));
    }
    if (raw === null) return empty();
    var data = null;
    try {
      data = normalize(JSON.parse(raw));
    } catch (error) {
      data = null;
    }
    return data || empty();
  }

  /* Write the record whole; true when storage has it. */
  function write(data) {
    if (!storage) return false;
    try {
      storage.setItem(KEY, JSON.stringify(data));
      return true;
    } catch (error) {
      return false;
    }
  }

  function changed() {
    window.dispatchEvent(new CustomEvent("coursestorechange"));
  }

  /* On first load: move version-1 data over, reset what cannot be read, and find out whether
     anything can be written. */
  function start() {
    storage = open();
    if (!storage) {
      notice = "unavailable";
      return;
    }
    if (LEARNER && !LEARNER.key) notice = "unknown_learner";
    var raw = storage.getItem(KEY);
    var old = storage.getItem(OLD_KEY);
    if (!canWrite()) notice = "full";
    if (raw === null && old !== null) {
      var migrated = null;
      try {
        migrated = normalize(JSON.parse(old));
      } catch (error) {
        migrated = null;
      }
      if (migrated && write(migrated)) storage.removeItem(OLD_KEY);
      return;
    }
    if (raw === null) return;
    var readable = null;
    try {
      readable = normalize(JSON.parse(raw));
    } catch (error) {
      readable = null;
    }
    if (!readable) {
      notice = "reset";
      write(empty());
    }
  }

  /* Every key the course keeps in this browser: its record (this learner's, in an LMS), the check
     that storage takes a write, whose quiz answers these are (in an LMS, scorm12/course-scorm.js), the
     first version's record, mkdocs-quiz's answers for each quiz page ("quiz_progress_" + path) and the
     colour scheme Material keeps for the site ("<path of the site>.__palette"). README lists them. */
  function quizKeys() {
    var pages = (COURSE.modules || []).filter(function (module) {
      return module.quiz;
    }).map(function (module) {
      return module.url;
    });
    if (COURSE.finalTest) pages.push(COURSE.finalTest.url);
    return pages.map(function (page) {
      return "quiz_progress_" + new URL(page, ROOT).pathname;
    });
  }

  function courseKeys() {
    return [KEY, KEY + ".test", LMS_LEARNER_KEY, OLD_KEY, ROOT.pathname + ".__palette"].concat(quizKeys());
  }

  start();

  window.courseStore = {
    key: KEY,
    lmsLearnerKey: LMS_LEARNER_KEY,
    version: VERSION,
    available: Boolean(storage),
    get notice() {
      return notice;
    },
    /* True while this page holds changes that storage has not got. */
    get unsaved() {
      return unsaved;
    },
    normalize: normalize,
    read: read,
    isEmpty: isEmpty,
    quizKeys: quizKeys,
    /* A fresh copy of the data (other tabs may have changed it). */
    get: function () {
      return load();
    },
    /* Read, change with fn(data), write back whole. Returns true when it is saved; if not, this page
       keeps it (to show and to download) and notice says "full". */
    update: function (fn) {
      var data = load();
      fn(data);
      data.savedAt = new Date().toISOString();
      memory = data;
      var saved = write(data);
      unsaved = !saved;
      if (storage && !saved) notice = "full";
      else if (saved && notice === "full") notice = null;
      changed();
      return saved;
    },
    /* Replace everything with a clean record (an imported file, see read()). Returns false, with
       nothing changed, when storage does not take it. */
    replace: function (data) {
      data = normalize(data);
      if (!data) return false;
      data.savedAt = new Date().toISOString();
      if (!write(data)) return false;
      memory = data;
      unsaved = false;
      if (notice === "reset" || notice === "full") notice = null;
      changed();
      return true;
    },
    /* Delete every key of the course. Returns true only when none of them is left. */
    clear: function () {
      memory = empty();
      unsaved = false;
      if (!storage) {
        changed();
        return false;
      }
      var left = courseKeys().filter(function (key) {
        try {
          storage.removeItem(key);
          return storage.getItem(key) !== null;
        } catch (error) {
          return true;
        }
      });
      if (!left.length && (notice === "reset" || (notice === "full" && canWrite()))) notice = null;
      changed();
      return !left.length;
    }
  };

  /* Another tab saved: let this page show it. */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) changed();
  });
})();
