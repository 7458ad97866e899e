/* "Mina uppgifter": what the course keeps on this device, downloading it as a file, reading
 * such a file back (on another computer: what it holds is shown and the learner is asked first),
 * and deleting everything after a confirmation. Each message says only what happened.
 */
(function () {
  "use strict";
  var store = window.courseStore;
  var course = window.courseData;
  var progress = window.courseProgress;
  if (!store || !course || !progress || window.courseMyData) return;

  var element = progress.element;
  var text = window.courseText;

  function quizText(quiz) {
    if (!quiz.exists) return text("mydata.no_quiz");
    if (!quiz.result) return text("mydata.not_done");
    var result = { correct: quiz.result.correct, total: quiz.result.total, score: quiz.result.score };
    return text(quiz.passed ? "mydata.result_passed" : "mydata.result", result);
  }

  function row(cells, header) {
    var tr = element("tr");
    cells.forEach(function (cell, index) {
      var heading = header || index === 0;
      var td = element(heading ? "th" : "td", cell);
      if (heading) td.setAttribute("scope", header ? "col" : "row");
      tr.appendChild(td);
    });
    return tr;
  }

  function summaryTable(state) {
    var table = element("table");
    table.appendChild(element("caption", text("mydata.caption")));
    var head = element("thead");
    head.appendChild(row([text("mydata.part"), text("mydata.read"), text("mydata.best"), text("mydata.answers")], true));
    table.appendChild(head);
    var body = element("tbody");
    state.modules.forEach(function (s) {
      body.appendChild(
        row([
          progress.moduleName(s.module),
          s.readAt ? text("mydata.read_on", { date: progress.formatDate(s.readAt) }) : text("mydata.no"),
          quizText(s.quiz),
          text("mydata.of", { count: s.notes, total: s.module.reflectionCount })
        ])
      );
    });
    if (course.finalTest) {
      body.appendChild(row([text("mydata.final_test"), "–", quizText(state.finalTest), "–"]));
    }
    table.appendChild(body);
    return table;
  }

  function renderSummary() {
    var panel = document.querySelector("[data-course-mydata]");
    if (!panel) return;
    var state = progress.status();
    var empty = panel.querySelector(".course-mydata__empty");
    var summary = panel.querySelector(".course-mydata__summary");
    summary.textContent = "";
    var notice = progress.noticeText();
    if (!state.started && !state.data.name) {
      empty.textContent = text("mydata.nothing_saved") + (notice ? " " + notice : "");
      return;
    }
    var done = { done: state.done, total: state.total };
    empty.textContent =
      text(!course.finalTest ? "mydata.done" : state.finalTest.passed ? "mydata.done_and_test" : "mydata.done_test_left", done) +
      (notice ? " " + notice : "");
    var wrapper = element("div", null, "md-typeset__table");
    wrapper.appendChild(summaryTable(state));
    summary.appendChild(wrapper);
    summary.appendChild(element("p", state.data.name ? text("mydata.name", { name: state.data.name }) : text("mydata.no_name")));
  }

  function say(panel, message) {
    panel.querySelector(".course-mydata__message").textContent = message;
  }

  /* Reading a file back: what it holds is shown first, and it replaces what is kept here only
     after the learner's yes (and only when it can be saved). */
  var pending = null; /* {name, data, dropped}: the file that waits for an answer */

  function restore(panel, input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      input.value = "";
      var found = null;
      try {
        found = store.read(JSON.parse(reader.result));
      } catch (error) {
        found = null;
      }
      if (!found) {
        say(panel, text("mydata.unreadable", { file: file.name }));
      } else if (store.isEmpty(found.data)) {
        say(panel, text("mydata.import_nothing", { file: file.name }));
      } else {
        pending = { name: file.name, data: found.data, dropped: found.dropped };
        askToImport(panel, pending);
      }
    };
    reader.onerror = function () {
      input.value = "";
      say(panel, text("mydata.not_opened", { file: file.name }));
    };
    reader.readAsText(file);
  }

  function count(object) {
    return Object.keys(object).length;
  }

  function askToImport(panel, file) {
    var dialog = panel.querySelector(".course-mydata__import-confirm");
    var data = file.data;
    var quizzes = course.modules.filter(function (module) {
      return module.quiz;
    }).length + (course.finalTest ? 1 : 0);
    var answers = Object.keys(data.notes).reduce(function (sum, number) {
      return sum + count(data.notes[number]);
    }, 0);
    dialog.querySelector(".course-mydata__import-file").textContent = text("mydata.import_file", { file: file.name });
    var list = dialog.querySelector(".course-mydata__import-holds");
    list.textContent = "";
    [
      text("mydata.holds_read", { count: count(data.modules), total: course.modules.length }),
      text("mydata.holds_quizzes", { count: count(data.quizzes), total: quizzes }),
      text("mydata.holds_notes", { count: answers }),
      data.name.trim() ? text("mydata.holds_name", { name: data.name }) : text("mydata.holds_no_name")
    ].forEach(function (line) {
      list.appendChild(element("li", line));
    });
    var dropped = dialog.querySelector(".course-mydata__import-dropped");
    dropped.hidden = !file.dropped;
    dropped.textContent = file.dropped ? text("mydata.import_dropped", { count: file.dropped }) : "";
    dialog.returnValue = "";
    dialog.showModal();
  }

  function answerImport(panel, dialog) {
    var file = pending;
    pending = null;
    if (!file || dialog.returnValue !== "las-in") {
      say(panel, text("mydata.import_cancelled"));
    } else if (store.replace(file.data)) {
      say(panel, text("mydata.restored", { file: file.name }) +
                 (file.dropped ? " " + text("mydata.not_imported", { count: file.dropped }) : ""));
    } else {
      say(panel, text("mydata.import_not_saved", { file: file.name }));
    }
    panel.querySelector("#course-import").focus();
  }

  function setUp() {
    var panel = document.querySelector("[data-course-mydata]");
    if (!panel) return;
    renderSummary();
    if (panel.dataset.ready) return;
    panel.dataset.ready = "true";
    var dialog = panel.querySelector(".course-mydata__confirm");
    var deleteButton = panel.querySelector(".course-mydata__delete");
    panel.querySelector(".course-mydata__download").addEventListener("click", function () {
      say(panel, text("mydata.downloaded", { file: progress.download() }));
    });
    var input = panel.querySelector("#course-import");
    input.addEventListener("change", function () {
      restore(panel, input);
    });
    var importDialog = panel.querySelector(".course-mydata__import-confirm");
    importDialog.addEventListener("close", function () {
      answerImport(panel, importDialog);
    });
    deleteButton.addEventListener("click", function () {
      dialog.returnValue = "";
      dialog.showModal();
    });
    dialog.addEventListener("close", function () {
      if (dialog.returnValue === "radera") {
        say(panel, text(store.clear() ? "mydata.deleted" : "mydata.delete_failed"));
      } else {
        say(panel, text("mydata.not_deleted"));
      }
      deleteButton.focus();
    });
  }

  window.courseMyData = { render: renderSummary };
  window.addEventListener("coursestorechange", renderSummary);
  progress.onEveryPage(setUp);
})();
