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
 * Data that cannot be read is replaced by an empty record and `notice` says so; when storage is
 * unavailable (blocked, private mode, full) the data lives in memory for this page and
 * `available` is false. Nothing is ever sent anywhere.
 *
 * API (window.courseStore): get(), update(fn), replace(data), clear(otherKeys), normalize(value),
 * available, notice ("reset" | "unavailable" | null), key; fires "coursestorechange" on window.
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

  var KEY = COURSE.storageKey || (COURSE.id || "kurs") + ".kurs";
  var OLD_KEY = (COURSE.id || "kurs") + ".quizResults";
  var VERSION = 2;

  function empty() {
    return { version: VERSION, savedAt: null, modules: {}, quizzes: {}, notes: {}, name: "" };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) {
    return typeof value === "number" && value >= 0 && Math.floor(value) === value;
  }

  function isDate(value) {
    return typeof value === "string" && !isNaN(Date.parse(value));
  }

  function cleanQuiz(result) {
    if (!isObject(result) || !isCount(result.correct) || !isCount(result.total) || !result.total) return null;
    if (result.correct > result.total) return null;
    return {
      correct: result.correct,
      total: result.total,
      score: Math.round((100 * result.correct) / result.total),
      completedAt: isDate(result.completedAt) ? result.completedAt : null
    };
  }

  /* A clean version-2 record from anything read or imported, or null when it is not ours.
     Entries that do not fit are dropped one by one rather than losing everything. */
  function normalize(value) {
    if (!isObject(value)) return null;
    if (value.version === 1 && isObject(value.quizzes)) {
      value = { version: VERSION, quizzes: value.quizzes };
    }
    if (value.version !== VERSION) return null;
    var data = empty();
    data.savedAt = isDate(value.savedAt) ? value.savedAt : null;
    if (isObject(value.modules)) {
      Object.keys(value.modules).forEach(function (number) {
        var entry = value.modules[number];
        if (/^\d+$/.test(number) && isObject(entry) && isDate(entry.readAt)) {
          data.modules[number] = { readAt: entry.readAt };
        }
      });
    }
    if (isObject(value.quizzes)) {
      Object.keys(value.quizzes).forEach(function (id) {
        var result = cleanQuiz(value.quizzes[id]);
        if (result) data.quizzes[id] = result;
      });
    }
    if (isObject(value.notes)) {
      Object.keys(value.notes).forEach(function (number) {
        var notes = value.notes[number];
        if (!/^\d+$/.test(number) || !isObject(notes)) return;
        Object.keys(notes).forEach(function (question) {
          if (/^\d+$/.test(question) && typeof notes[question] === "string" && notes[question].trim()) {
            data.notes[number] = data.notes[number] || {};
            data.notes[number][question] = notes[question];
          }
        });
      });
    }
    data.name = typeof value.name === "string" ? value.name.slice(0, 200) : "";
    return data;
  }

  var storage = null;
  var memory = empty();
  var notice = null;

  function probe() {
    try {
      var candidate = window.localStorage;
      candidate.setItem(KEY + ".test", "1");
      candidate.removeItem(KEY + ".test");
      return candidate;
    } catch (error) {
      return null;
    }
  }

  function load() {
    if (!storage) return memory;
    var raw;
    try {
      raw = storage.getItem(KEY);
    } catch (error) {
      return memory;
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

  function save(data) {
    data.savedAt = new Date().toISOString();
    memory = data;
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

  /* On first load: move version-1 data over, and reset what cannot be read. */
  function start() {
    storage = probe();
    if (!storage) {
      notice = "unavailable";
      return;
    }
    var raw = storage.getItem(KEY);
    var old = storage.getItem(OLD_KEY);
    if (raw === null && old !== null) {
      var migrated = null;
      try {
        migrated = normalize(JSON.parse(old));
      } catch (error) {
        migrated = null;
      }
      if (migrated) save(migrated);
      storage.removeItem(OLD_KEY);
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
      save(empty());
    }
  }

  start();

  window.courseStore = {
    key: KEY,
    oldKey: OLD_KEY,
    version: VERSION,
    available: Boolean(storage),
    get notice() {
      return notice;
    },
    normalize: normalize,
    /* A fresh copy of the data (other tabs may have changed it). */
    get: function () {
      return load();
    },
    /* Read, change with fn(data), write back whole. */
    update: function (fn) {
      var data = load();
      fn(data);
      save(data);
      changed();
      return data;
    },
    /* Replace everything, e.g. with an imported file; returns false if it is not course data. */
    replace: function (value) {
      var data = normalize(value);
      if (!data) return false;
      save(data);
      if (storage) notice = null;
      changed();
      return true;
    },
    /* Delete everything, and the other keys named (e.g. the quizzes' own record of answers). */
    clear: function (otherKeys) {
      memory = empty();
      if (storage) {
        [KEY, OLD_KEY].concat(otherKeys || []).forEach(function (key) {
          try {
            storage.removeItem(key);
          } catch (error) {
            /* nothing left to remove */
          }
        });
      }
      if (storage) notice = null;
      changed();
    }
  };

  /* Another tab saved: let this page show it. */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) changed();
  });
})();
