/* Reflection notes: the fields under each module's reflection questions keep what the learner
 * writes (in course-store.js, on this device only), and "Mina uppgifter" lists every module's
 * questions with the answers, for reading and printing.
 */
(function () {
  "use strict";
  var store = window.courseStore;
  var course = window.courseData;
  var progress = window.courseProgress;
  if (!store || !course || !progress || window.courseNotes) return;
  var element = progress.element;

  var text = window.courseText;

  /* Under the fields: whether what is written is kept, and if not, a way to download it. */
  function showStatus(saved) {
    var status = document.querySelector(".course-notes-status");
    if (!status) return;
    var message = text(saved ? "notes.saved" : store.available ? "notes.save_failed" : "notes.not_saved");
    if (status.textContent !== message) status.textContent = message;
    progress.offerDownload(status, !saved);
  }

  function save(field) {
    var module = field.dataset.module;
    var question = field.dataset.question;
    var written = field.value;
    showStatus(store.update(function (data) {
      if (written.trim()) {
        data.notes[module] = data.notes[module] || {};
        data.notes[module][question] = written;
      } else if (data.notes[module]) {
        delete data.notes[module][question];
        if (!Object.keys(data.notes[module]).length) delete data.notes[module];
      }
    }));
  }

  function setUpFields() {
    var fields = document.querySelectorAll("textarea.course-note");
    if (!fields.length) return;
    var notes = store.get().notes;
    for (var i = 0; i < fields.length; i += 1) {
      var field = fields[i];
      var saved = notes[field.dataset.module] && notes[field.dataset.module][field.dataset.question];
      /* This script loads when the fields come near (course-progress.js): text written before
         that is the newest and is kept; otherwise the saved text is shown. */
      if (field.value.trim() && field.value !== saved) save(field);
      else if (typeof saved === "string" && field.value !== saved) field.value = saved;
      if (!field.dataset.watched) {
        field.dataset.watched = "true";
        field.addEventListener("input", function (event) {
          save(event.target);
        });
      }
    }
    if (!store.available) showStatus(false);
  }

  /* "Mina reflektioner" on the page "Mina uppgifter": every module, every question, every answer. */
  function renderList() {
    var area = document.querySelector("[data-course-reflections]");
    if (!area) return;
    var list = area.querySelector(".course-reflections-area__list");
    var notes = store.get().notes;
    list.textContent = "";
    var written = 0;
    course.modules.forEach(function (module) {
      if (!module.reflections.length) return;
      var section = element("section", null, "course-reflections-area__module");
      section.appendChild(element("h3", progress.moduleName(module)));
      var items = element("ol");
      module.reflections.forEach(function (question, index) {
        var answer = notes[module.number] && notes[module.number][index + 1];
        var item = element("li");
        item.appendChild(element("p", question, "course-reflections-area__question"));
        item.appendChild(
          element(
            "p",
            answer || text("notes.no_answer"),
            "course-reflections-area__answer" + (answer ? "" : " course-reflections-area__answer--empty")
          )
        );
        if (answer) written += 1;
        items.appendChild(item);
      });
      section.appendChild(items);
      list.appendChild(section);
    });
    area.querySelector(".course-reflections-area__intro").textContent = written
      ? text("notes.list_written", { count: written })
      : text("notes.list_empty");
    var button = area.querySelector(".course-reflections-area__button");
    if (!button.dataset.watched) {
      button.dataset.watched = "true";
      button.addEventListener("click", function () {
        window.print();
      });
    }
  }

  window.courseNotes = { renderList: renderList };
  window.addEventListener("coursestorechange", renderList);
  function onPage() {
    setUpFields();
    renderList();
  }
  progress.onEveryPage(onPage);
})();
