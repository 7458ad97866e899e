/* "Intyg": before the course is complete, what remains (with links); after, a field for the
 * learner's name (kept on the device) and the certificate to print on A4. The certificate is what it
 * is: a self-declaration (egen försäkran) from what this device kept, with the course's edition;
 * dates that cannot have happened never reach it (course-store.js drops them).
 */
(function () {
  "use strict";
  var store = window.courseStore;
  var course = window.courseData;
  var progress = window.courseProgress;
  if (!store || !course || !progress || window.courseCertificate) return;

  var element = progress.element;
  var text = window.courseText;
  var LONG_NAME = 32; /* characters: a longer name is set smaller, so the certificate stays one A4 page */

  function remainingItem(href, title, what) {
    var item = element("li");
    var anchor = element("a", title);
    anchor.href = href;
    item.appendChild(anchor);
    item.appendChild(document.createTextNode(" – " + what));
    return item;
  }

  function whatRemains(state) {
    var list = element("ul");
    state.modules.forEach(function (s) {
      if (s.done) return;
      var parts = [];
      if (!s.readAt) parts.push(text("certificate.read_module"));
      if (!s.quiz.passed) parts.push(text("certificate.pass_quiz", { passMark: s.quiz.passMark }));
      list.appendChild(remainingItem(progress.urlOf(s.module.url), progress.moduleName(s.module),
                                     parts.join(" " + text("certificate.and") + " ") + "."));
    });
    if (course.finalTest && !state.finalTest.passed) {
      list.appendChild(
        remainingItem(progress.urlOf(course.finalTest.url), text("certificate.final_test"),
                      text("certificate.pass_final_test", { passMark: course.finalTest.passMark }))
      );
    }
    return list;
  }

  function renderRemaining(area, state) {
    var box = area.querySelector(".course-certificate__remaining");
    box.textContent = "";
    box.appendChild(element("h2", text("certificate.remaining")));
    box.appendChild(element("p", text("certificate.remaining_text", { done: state.done, total: state.total })));
    box.appendChild(whatRemains(state));
    var notice = progress.noticeText();
    if (notice) box.appendChild(element("p", notice));
  }

  function fillCertificate(area, state, name) {
    var certificate = area.querySelector(".course-certificate");
    certificate.querySelector(".course-certificate__course").textContent = course.title;
    var shown = certificate.querySelector(".course-certificate__name");
    shown.textContent = name;
    shown.classList.toggle("course-certificate__name--long", name.length > LONG_NAME && name.length <= 2.5 * LONG_NAME);
    shown.classList.toggle("course-certificate__name--very-long", name.length > 2.5 * LONG_NAME);
    certificate.querySelector(".course-certificate__when").textContent =
      text("certificate.when", { date: progress.formatDate(state.completedAt) });
    certificate.querySelector(".course-certificate__edition").textContent =
      course.edition ? text("certificate.edition", { edition: course.edition }) : "";
    var modules = certificate.querySelector(".course-certificate__modules");
    modules.textContent = "";
    state.modules.forEach(function (s) {
      modules.appendChild(element("li", s.module.title));
    });
    var result = state.finalTest.result;
    certificate.querySelector(".course-certificate__score").textContent = course.finalTest
      ? text("certificate.score", { correct: result.correct, total: result.total, score: result.score,
                                    passMark: course.finalTest.passMark })
      : "";
  }

  function render() {
    var area = document.querySelector("[data-course-certificate]");
    if (!area) return;
    var state = progress.status();
    var remaining = area.querySelector(".course-certificate__remaining");
    var form = area.querySelector(".course-certificate__form");
    var result = area.querySelector(".course-certificate__result");
    remaining.hidden = state.complete;
    form.hidden = !state.complete;
    if (!state.complete) {
      result.hidden = true;
      renderRemaining(area, state);
      return;
    }
    var field = form.querySelector("input[name=name]");
    var name = state.data.name.trim();
    if (document.activeElement !== field && field.value !== state.data.name) field.value = state.data.name;
    result.hidden = !name;
    if (name) fillCertificate(area, state, name);
  }

  function setUp() {
    var area = document.querySelector("[data-course-certificate]");
    if (!area) return;
    render();
    if (area.dataset.ready) return;
    area.dataset.ready = "true";
    var form = area.querySelector(".course-certificate__form");
    var field = form.querySelector("input[name=name]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = field.value.trim();
      store.update(function (data) {
        data.name = name;
      });
      var error = form.querySelector(".course-certificate__error");
      error.hidden = Boolean(name);
      if (!name) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", error.id);
        field.focus();
        return;
      }
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
      var heading = area.querySelector(".course-certificate__course");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    });
    area.querySelector(".course-certificate__print button").addEventListener("click", function () {
      window.print();
    });
  }

  window.courseCertificate = { render: render };
  window.addEventListener("coursestorechange", render);
  progress.onEveryPage(setUp);
})();
