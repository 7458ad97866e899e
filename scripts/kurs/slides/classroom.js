/* Classroom mode for a deck's group questions, with no server and no network: three small
   reveal.js plugins with one job each (a countdown, the room's count per option, the session's
   summary) around one store of the room's answers, kept in localStorage on the presenter's
   computer only.

   Every window that shows the deck draws from the store and draws again on the browser's
   `storage` event: the projected deck and the speaker view's previews (the speaker view passes
   the keys pressed in it to its current-slide preview, a deck of its own) show the same counts
   and the same countdown, whichever window the presenter types in.

   The store, localStorage[storageKey] (storageKey comes from the course's id), as JSON:
     { "version": 1,
       "sessions": [{ "started": ISO time, "answers": { questionId: [count per option, …] } }],
       "timer": { "question": questionId, "left": ms, "endsAt": epoch ms or null, "at": epoch ms } }
   The last session is the current one on the day it started: a count entered on a later day
   starts a new session, and "Nytt tillfälle" starts one by hand. Earlier sessions are kept so
   that the trainer can compare them, until the trainer clears them. */
(function () {
  "use strict";

  var CONFIG = JSON.parse(document.getElementById("deck-classroom").textContent);
  var TEXTS = JSON.parse(document.getElementById("deck-texts").textContent).classroom;
  var LANG = document.documentElement.lang;
  var KEY = CONFIG.storageKey;
  var LETTERS = "ABCDEFGH";

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, name) { return values[name]; });
  }

  function percent(part, whole) {
    return Math.round((100 * part) / whole);
  }

  // --- The store ---------------------------------------------------------------------------

  var Store = {
    memory: null, // the record, when the browser does not let the deck save it
    problem: "", // "blocked" or "unreadable": the summary says so
    listeners: [],

    empty: function () {
      return { version: 1, sessions: [], timer: null };
    },

    read: function () {
      if (Store.memory) return JSON.parse(JSON.stringify(Store.memory));
      var raw;
      try {
        raw = window.localStorage.getItem(KEY);
      } catch (error) {
        Store.problem = "blocked";
        Store.memory = Store.empty();
        return Store.read();
      }
      if (raw === null) return Store.empty();
      try {
        var record = JSON.parse(raw);
        if (record && record.version === 1 && Array.isArray(record.sessions)) return record;
      } catch (error) { /* kept below */ }
      // Unreadable: keep a copy beside it (nothing is lost), then start afresh.
      Store.problem = "unreadable";
      try {
        window.localStorage.setItem(KEY + ".unreadable", raw);
      } catch (error) {
        Store.memory = Store.empty();
      }
      return Store.empty();
    },

    write: function (record) {
      if (!Store.memory) {
        try {
          window.localStorage.setItem(KEY, JSON.stringify(record));
          return;
        } catch (error) {
          Store.problem = "blocked";
        }
      }
      Store.memory = record;
    },

    /* Change the record (read afresh: another window may have written since) and draw again. */
    update: function (change) {
      var record = Store.read();
      change(record);
      Store.write(record);
      Store.changed();
    },

    /* Everything saved, the copy of unreadable answers too. */
    clear: function () {
      Store.memory = Store.memory ? Store.empty() : null;
      if (Store.problem === "unreadable") Store.problem = "";
      try {
        window.localStorage.removeItem(KEY);
        window.localStorage.removeItem(KEY + ".unreadable");
      } catch (error) { /* nothing was saved */ }
      Store.changed();
    },

    changed: function () {
      var record = Store.read();
      Store.listeners.forEach(function (listener) { listener(record); });
    },

    /* The session counts are entered in today, if there is one. */
    current: function (record) {
      var last = record.sessions[record.sessions.length - 1];
      return last && new Date(last.started).toDateString() === new Date().toDateString() ? last : null;
    },

    /* The session to enter a count in: today's, or a new one. */
    session: function (record) {
      var session = Store.current(record);
      if (!session) {
        session = { started: new Date().toISOString(), answers: {} };
        record.sessions.push(session);
      }
      return session;
    }
  };

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) Store.changed();
  });

  // --- The presenter's keys ---------------------------------------------------------------------

  /* A key by what it types, so that "+" works on every keyboard (on some it is Shift and =, on
     Swedish ones a key of its own): the deck's keyboardCondition (deck.js) asks here first. The
     speaker view passes keys on by their code only (reveal.js's triggerKey); those reach the same
     handlers through reveal.js's key bindings. */
  var Keys = {
    handlers: {},
    codes: { 84: "t", 187: "+", 107: "+", 171: "+", 189: "-", 109: "-", 173: "-" },

    add: function (deck, name, handler) {
      Keys.handlers[name] = handler;
      Object.keys(Keys.codes).forEach(function (code) {
        if (Keys.codes[code] === name) deck.addKeyBinding(Number(code), handler);
      });
    },

    keydown: function (event) {
      var key = String(event.key || "").toLowerCase();
      var handler = Keys.handlers[{ "−": "-", "=": "+" }[key] || key];
      if (!handler) return false;
      handler();
      return true;
    }
  };
  for (var digit = 0; digit <= 9; digit++) {
    Keys.codes[48 + digit] = String(digit); // the row of digits
    Keys.codes[96 + digit] = String(digit); // the number pad
  }

  // --- The questions on the slides ------------------------------------------------------------

  function questionOf(slide) {
    return slide ? slide.querySelector(".group-question") : null;
  }

  function questions() {
    return Array.prototype.slice.call(document.querySelectorAll(".reveal .group-question"));
  }

  function rightOptions(question) {
    return question.getAttribute("data-right").split(",").map(Number);
  }

  function optionCount(question) {
    return question.querySelectorAll(".quiz-option").length;
  }

  /* The counts of a question in a session, one per option (zeros when none were entered). */
  function countsIn(session, question) {
    var saved = session && session.answers[question.getAttribute("data-question")];
    var counts = [];
    for (var i = 0; i < optionCount(question); i++) counts.push(saved && saved[i] > 0 ? saved[i] : 0);
    return counts;
  }

  function hasCounts(session, question) {
    return Boolean(session && session.answers[question.getAttribute("data-question")]);
  }

  function rightCount(counts, question) {
    return rightOptions(question).reduce(function (sum, option) { return sum + (counts[option] || 0); }, 0);
  }

  function total(counts) {
    return counts.reduce(function (sum, count) { return sum + count; }, 0);
  }

  // --- Plugin: the countdown while groups discuss -----------------------------------------

  var Timer = {
    id: "classroom-timer",
    ticking: null,

    init: function (deck) {
      Timer.deck = deck;
      document.querySelectorAll(".classroom-timer").forEach(function (timer) {
        var question = timer.closest(".group-question");
        timer.querySelector(".timer-toggle").addEventListener("click", function () { Timer.toggle(question); });
        timer.querySelector(".timer-reset").addEventListener("click", function () { Timer.reset(question); });
      });
      Keys.add(deck, "t", function () {
        var question = questionOf(deck.getCurrentSlide());
        if (question && question.querySelector(".classroom-timer")) Timer.toggle(question);
      });
      deck.registerKeyboardShortcut("T", TEXTS.key_timer);
      Store.listeners.push(Timer.draw);
      deck.on("ready", function () { Timer.draw(Store.read()); });
    },

    full: function (question) {
      return 1000 * Number(question.querySelector(".classroom-timer").getAttribute("data-seconds"));
    },

    /* This question's countdown: the saved one if it is this question's and from the last hour
       (not one left from an earlier session), else a full one. */
    state: function (record, question) {
      var saved = record.timer;
      var id = question.getAttribute("data-question");
      if (saved && saved.question === id && Date.now() - saved.at < 3600000) return saved;
      return { question: id, left: Timer.full(question), endsAt: null };
    },

    save: function (record, question, left, endsAt) {
      record.timer = { question: question.getAttribute("data-question"), left: left, endsAt: endsAt, at: Date.now() };
    },

    left: function (state) {
      return state.endsAt ? Math.max(0, state.endsAt - Date.now()) : state.left;
    },

    /* Start, pause, go on; once the time is up, start again from the full time. */
    toggle: function (question) {
      Store.update(function (record) {
        var state = Timer.state(record, question);
        var left = Timer.left(state);
        if (state.endsAt && left > 0) {
          Timer.save(record, question, left, null);
        } else {
          var from = left > 0 ? left : Timer.full(question);
          Timer.save(record, question, from, Date.now() + from);
        }
      });
    },

    reset: function (question) {
      Store.update(function (record) { Timer.save(record, question, Timer.full(question), null); });
    },

    draw: function (record) {
      var running = false;
      document.querySelectorAll(".classroom-timer").forEach(function (timer) {
        var question = timer.closest(".group-question");
        var state = Timer.state(record, question);
        var left = Timer.left(state);
        var seconds = Math.ceil(left / 1000);
        var done = left <= 0;
        running = running || (Boolean(state.endsAt) && !done);
        timer.querySelector(".timer-time").textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
        var label = done ? TEXTS.timer_again
          : state.endsAt ? TEXTS.timer_pause
            : left < Timer.full(question) ? TEXTS.timer_resume : TEXTS.timer_start;
        var toggle = timer.querySelector(".timer-toggle");
        if (toggle.textContent !== label) toggle.textContent = label;
        timer.classList.toggle("timer-running", Boolean(state.endsAt) && !done);
        timer.classList.toggle("timer-done", done);
        var status = timer.querySelector(".timer-status");
        var said = done ? TEXTS.time_up : "";
        if (status.textContent !== said) status.textContent = said;
      });
      if (running && !Timer.ticking) {
        Timer.ticking = window.setInterval(function () { Timer.draw(Store.read()); }, 250);
      } else if (!running && Timer.ticking) {
        window.clearInterval(Timer.ticking);
        Timer.ticking = null;
      }
    }
  };

  // --- Plugin: the room's count per option, shown as a bar chart --------------------------------

  var Tally = {
    id: "classroom-tally",
    selected: 0, // the option that number keys chose and + and − change

    init: function (deck) {
      Tally.deck = deck;
      questions().forEach(function (question) {
        question.querySelectorAll(".tally").forEach(function (tally) {
          var option = Number(tally.getAttribute("data-option"));
          var input = tally.querySelector(".tally-count");
          tally.querySelector(".tally-less").addEventListener("click", function () { Tally.change(question, option, -1); });
          tally.querySelector(".tally-more").addEventListener("click", function () { Tally.change(question, option, 1); });
          input.addEventListener("change", function () { Tally.set(question, option, input.value); });
          input.addEventListener("keydown", function (event) {
            if (event.key === "Enter" || event.key === "Escape") {
              Tally.set(question, option, input.value);
              input.blur(); // the arrow keys move through the deck again
            }
          });
        });
      });
      for (var digit = 1; digit <= LETTERS.length; digit++) {
        Keys.add(deck, String(digit), Tally.select.bind(null, digit - 1));
      }
      Keys.add(deck, "+", function () { Tally.step(1); });
      Keys.add(deck, "-", function () { Tally.step(-1); });
      deck.registerKeyboardShortcut("1 … " + LETTERS.length, TEXTS.key_digits);
      deck.registerKeyboardShortcut("+ , −", TEXTS.key_plus_minus);
      deck.on("slidechanged", function () { Tally.selected = 0; Tally.draw(Store.read()); });
      Store.listeners.push(Tally.draw);
      deck.on("ready", function () { Tally.draw(Store.read()); });
    },

    /* The question on the current slide, while its counts are shown (its tally step or after). */
    counting: function () {
      var question = questionOf(Tally.deck.getCurrentSlide());
      return question && question.querySelector(".tally.visible") ? question : null;
    },

    select: function (option) {
      var question = Tally.counting();
      if (!question || option < 0 || option >= optionCount(question)) return;
      Tally.selected = option;
      Tally.draw(Store.read());
    },

    step: function (by) {
      var question = Tally.counting();
      if (question) Tally.change(question, Tally.selected, by);
    },

    change: function (question, option, by) {
      Tally.selected = option;
      Tally.save(question, function (counts) { counts[option] = Math.max(0, counts[option] + by); });
    },

    set: function (question, option, value) {
      var number = Math.max(0, Math.min(999, parseInt(value, 10) || 0));
      Tally.save(question, function (counts) { counts[option] = number; });
    },

    save: function (question, change) {
      Store.update(function (record) {
        var session = Store.session(record);
        var counts = countsIn(session, question);
        change(counts);
        session.answers[question.getAttribute("data-question")] = counts;
      });
    },

    draw: function (record) {
      var session = Store.current(record);
      var current = questionOf(Tally.deck.getCurrentSlide());
      questions().forEach(function (question) {
        var counts = countsIn(session, question);
        var sum = total(counts);
        question.querySelectorAll(".quiz-option").forEach(function (option, index) {
          var input = option.querySelector(".tally-count");
          if (document.activeElement !== input) input.value = String(counts[index]);
          option.querySelector(".tally-bar").style.width = (sum ? percent(counts[index], sum) : 0) + "%";
          option.classList.toggle("tally-selected", question === current && index === Tally.selected);
        });
        question.querySelector(".tally-total").textContent = fill(TEXTS.answers, { count: sum });
        var right = rightCount(counts, question);
        question.querySelector(".tally-share").textContent =
          sum ? fill(TEXTS.share, { right: right, total: sum, percent: percent(right, sum) }) : "";
      });
    }
  };

  // --- Plugin: the session's summary, printable, kept on this computer --------------------------

  var Summary = {
    id: "classroom-summary",

    init: function (deck) {
      var summary = document.querySelector(".classroom-summary");
      if (!summary) return;
      Summary.element = summary;
      summary.querySelector(".summary-print").addEventListener("click", Summary.print);
      summary.querySelector(".summary-new").addEventListener("click", function () {
        Store.update(function (record) {
          var session = Store.current(record);
          if (session && Object.keys(session.answers).length === 0) session.started = new Date().toISOString();
          else record.sessions.push({ started: new Date().toISOString(), answers: {} });
        });
        Summary.say(TEXTS.new_started);
      });
      summary.querySelector(".summary-clear").addEventListener("click", function () {
        if (!window.confirm(TEXTS.confirm_clear)) return;
        Store.clear();
        Summary.say(TEXTS.cleared);
      });
      window.addEventListener("afterprint", function () {
        document.documentElement.classList.remove("classroom-printing");
      });
      Store.listeners.push(Summary.draw);
      deck.on("ready", function () { Summary.draw(Store.read()); });
    },

    say: function (text) {
      Summary.element.querySelector(".summary-status").textContent = text;
    },

    when: function (session) {
      var date = new Date(session.started);
      return {
        date: date.toLocaleDateString(LANG, { day: "numeric", month: "long", year: "numeric" }),
        time: date.toLocaleTimeString(LANG, { hour: "2-digit", minute: "2-digit" })
      };
    },

    /* Earlier sessions with answers to this deck's questions, the latest first (at most three). */
    earlier: function (record, current) {
      return record.sessions.filter(function (session) {
        return session !== current && questions().some(function (question) { return hasCounts(session, question); });
      }).slice(-3).reverse();
    },

    share: function (session, question) {
      if (!hasCounts(session, question)) return TEXTS.not_counted;
      var counts = countsIn(session, question);
      return total(counts) ? percent(rightCount(counts, question), total(counts)) + " %" : TEXTS.not_counted;
    },

    table: function (record, current, earlier) {
      var table = document.createElement("table");
      var caption = table.createCaption();
      caption.textContent = fill(TEXTS.caption, { title: CONFIG.title });
      var headings = [TEXTS.question, TEXTS.right, TEXTS.room, TEXTS.percent].concat(earlier.map(function (session) {
        return fill(TEXTS.earlier, Summary.when(session));
      }));
      var head = table.createTHead().insertRow();
      headings.forEach(function (text) {
        var cell = document.createElement("th");
        cell.scope = "col";
        cell.textContent = text;
        head.appendChild(cell);
      });
      var body = table.createTBody();
      questions().forEach(function (question, index) {
        var row = body.insertRow();
        var heading = document.createElement("th");
        heading.scope = "row";
        heading.textContent = (index + 1) + ". " + Summary.short(question.querySelector(".quiz-question").textContent);
        row.appendChild(heading);
        row.insertCell().textContent = rightOptions(question).map(function (option) { return LETTERS[option]; }).join(", ");
        var counts = countsIn(current, question);
        row.insertCell().textContent = hasCounts(current, question)
          ? counts.map(function (count, option) { return LETTERS[option] + " " + count; }).join(" · ")
          : TEXTS.not_counted;
        row.insertCell().textContent = Summary.share(current, question);
        earlier.forEach(function (session) { row.insertCell().textContent = Summary.share(session, question); });
      });
      return table;
    },

    short: function (text) {
      var words = text.trim().split(/\s+/);
      return words.length > 10 ? words.slice(0, 10).join(" ") + " …" : words.join(" ");
    },

    draw: function (record) {
      var summary = Summary.element;
      if (!summary) return;
      var current = Store.current(record);
      var answered = questions().some(function (question) { return hasCounts(current, question); });
      var earlier = Summary.earlier(record, current);
      var when = answered ? fill(TEXTS.when, Summary.when(current)) : TEXTS.empty;
      summary.querySelector(".summary-when").textContent =
        Store.problem ? when + " " + TEXTS[Store.problem] : when;
      var place = summary.querySelector(".summary-table");
      place.textContent = "";
      if (answered || earlier.length) place.appendChild(Summary.table(record, current, earlier));
    },

    /* Print the summary alone, on paper (the print style sheet shows only .classroom-print). */
    print: function () {
      var sheet = document.querySelector(".classroom-print");
      var heading = document.createElement("h1");
      heading.textContent = CONFIG.title;
      sheet.textContent = "";
      sheet.appendChild(heading);
      ["h2", ".summary-when", ".summary-table", ".summary-privacy"].forEach(function (selector) {
        sheet.appendChild(Summary.element.querySelector(selector).cloneNode(true));
      });
      document.documentElement.classList.add("classroom-printing");
      window.print();
    }
  };

  window.CourseClassroom = { plugins: [Timer, Tally, Summary], keydown: Keys.keydown };
})();
