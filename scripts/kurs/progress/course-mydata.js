/* "Mina uppgifter": what the course keeps on this device, downloading it as a file, reading
 * such a file back (on another computer), and deleting everything after a confirmation.
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

  function today() {
    var now = new Date();
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function download(panel) {
    var data = store.get();
    var file = { course: course.title, exportedAt: new Date().toISOString() };
    Object.keys(data).forEach(function (key) {
      file[key] = data[key];
    });
    var blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
    var anchor = document.createElement("a");
    anchor.href = URL.createObjectURL(blob);
    anchor.download = text("mydata.file_name", { id: course.id, date: today() });
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () {
      URL.revokeObjectURL(anchor.href);
    }, 1000);
    say(panel, text("mydata.downloaded", { file: anchor.download }));
  }

  function restore(panel, input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var value = null;
      try {
        value = JSON.parse(reader.result);
      } catch (error) {
        value = null;
      }
      if (value && store.replace(value)) {
        say(panel, text("mydata.restored", { file: file.name }));
      } else {
        say(panel, text("mydata.unreadable", { file: file.name }));
      }
      input.value = "";
    };
    reader.onerror = function () {
      say(panel, text("mydata.not_opened", { file: file.name }));
    };
    reader.readAsText(file);
  }

  /* The quizzes' own record of chosen answers, one key per quiz page (kept by mkdocs-quiz). */
  function quizAnswerKeys() {
    var pages = course.modules.map(function (module) {
      return module.url;
    });
    if (course.finalTest) pages.push(course.finalTest.url);
    return pages.map(function (page) {
      return "quiz_progress_" + new URL(progress.urlOf(page)).pathname;
    });
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
      download(panel);
    });
    var input = panel.querySelector("#course-import");
    input.addEventListener("change", function () {
      restore(panel, input);
    });
    deleteButton.addEventListener("click", function () {
      dialog.returnValue = "";
      dialog.showModal();
    });
    dialog.addEventListener("close", function () {
      if (dialog.returnValue === "radera") {
        store.clear(quizAnswerKeys());
        say(panel, text("mydata.deleted"));
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
