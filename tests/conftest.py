"""Shared fixtures: the site built once per test run, served on 127.0.0.1, and
Playwright driving Debian's Chromium (Playwright cannot download its own here)."""

from __future__ import annotations

import fcntl
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from kurs.packages.offline import Names  # noqa: E402
from kurs.project import load_project, prepare_project  # noqa: E402

PROJECT = load_project(ROOT)
PACKAGES = Names(PROJECT.settings.id)  # this course's package, folder and storage names
STORAGE_KEY = f"{PROJECT.settings.id}.kurs"


@functools.cache
def course_site():
    """The course read and rendered as the build does it, without MkDocs (the model, every page's
    Markdown, the decks, and the macros' context for a content text's facts)."""
    return prepare_project(PROJECT)


def course_content():
    """The course as the build reads it from the content files (facts, modules, quizzes with their
    facts filled in, cases …): tests compare what pages show with it instead of repeating texts the
    content may change."""
    return course_site().course

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_mkdocs(project: Path, site_dir: Path, config_file: str = "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a course; `env` adds environment variables (e.g. KURS_IDAG="2026-12-01")."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config_file, "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


CONTENT_DIRS = ("docs", "overrides", "quizzes", "slides", "cases")
CONTENT_FILES = ("mkdocs.yml", "mkdocs-offline.yml", "facts.yml", "glossary.yml", "main.py")


def copy_project(target: Path, *, packages: bool = True, books: bool = True) -> Path:
    """A copy of the course's content (the engine is installed), for tests that change or break it.
    `packages=False` / `books=False` turn off what a test does not look at (the plugin's `packages: []`
    and `books: false`): a copy has no cache, so each would be made from scratch."""
    target.mkdir(parents=True, exist_ok=True)
    for name in CONTENT_DIRS:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in CONTENT_FILES:
        shutil.copy(ROOT / name, target / name)
    settings = ("" if packages else "    packages: []\n") + ("" if books else "    books: false\n")
    if settings:
        config = (target / "mkdocs.yml").read_text(encoding="utf-8")
        assert "\n  kurs:\n" in config
        (target / "mkdocs.yml").write_text(config.replace("\n  kurs:\n", "\n  kurs:\n" + settings, 1), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, worker_id) -> Path:
    """The course built once per test run and shared by the workers (pytest-xdist): the first to get
    here builds it while the others wait. Tests only read it."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    site, built = shared / "site", shared / "site.built"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not built.exists():
            result = run_mkdocs(ROOT, site)
            assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
            built.touch()
    return site


def built_reflections(site: Path) -> dict[int, list[str]]:
    """Each module's reflection questions as the built site gives them to the learner's scripts."""
    text = (site / "assets" / "js" / "course-reflections.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("var questions=") + len("var questions="): text.index(";(window.courseData")])
    return {int(number): questions for number, questions in data.items()}


@pytest.fixture(scope="session")
def offline_site(site_dir, tmp_path_factory) -> Path:
    """The offline package the hosted site offers, unzipped as a trainer would: the folder
    with index.html, to open from file://."""
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(site_dir / PACKAGES.offline) as archive:
        archive.extractall(target)
    return target / PACKAGES.folder


class _QuietHandler(SimpleHTTPRequestHandler):
    headers_to_send: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


def serve_folder(folder: Path, headers: dict[str, str] | None = None) -> tuple[ThreadingHTTPServer, str]:
    """A folder served on a free port of 127.0.0.1 (with `headers` on every answer, e.g. a
    Content-Security-Policy): the server (to shut down) and its URL."""
    handler = type("Handler", (_QuietHandler,), {"headers_to_send": dict(headers or {})})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """The built site served on a free port of 127.0.0.1 (overrides pytest-base-url)."""
    server, url = serve_folder(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--disable-background-networking",
            "--disable-gpu",  # software compositing: the same pages for less CPU on a machine without a GPU
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def nav_pages() -> list[tuple[str, str]]:
    """(title, url path) of every page in mkdocs.yml's nav, in nav order."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages: list[tuple[str, str]] = []

    def walk(items, title=""):
        for item in items:
            if isinstance(item, str):
                pages.append((title or item, url_of(item)))
            elif isinstance(item, dict):
                for key, value in item.items():
                    if isinstance(value, list):
                        walk(value, key)
                    else:
                        pages.append((key, url_of(value)))

    walk(config["nav"])
    return pages


def url_of(src_path: str) -> str:
    """The URL path MkDocs gives a Markdown file (use_directory_urls)."""
    if src_path == "index.md":
        return ""
    if src_path.endswith("/index.md"):
        return src_path[: -len("index.md")]
    return src_path[: -len(".md")] + "/"


@functools.cache


def module_paths() -> list[str]:
    return [url for _, url in nav_pages() if url.startswith("moduler/")]


def run_axe(page) -> list[dict]:
    """axe-core with the WCAG 2.1 A/AA tags on the current page; returns the violations.
    Waits for running CSS transitions first (a fading header title measured half-way is
    not what a reader sees)."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}).then(r => r.violations.map(v => ({"
        "id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))",
        WCAG_TAGS,
    )


SCHEMES = {"default": "light", "slate": "dark"}  # Material's names for its colour schemes


def switch_color_scheme(page) -> str:
    """Switch between light and dark mode with the toggle in the header, as a reader does, and
    wait until the page shows it; returns the mode now shown ("light" or "dark")."""
    body = page.locator("body")
    now = "default" if body.get_attribute("data-md-color-scheme") == "slate" else "slate"
    page.locator("form[data-md-component=palette] label:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", now)
    return SCHEMES[now]


def axe_light_and_dark(page) -> dict[str, list[dict]]:
    """run_axe in the mode shown, then again after switching to the other: violations by mode.
    The page is left in the other mode."""
    shown = SCHEMES[page.locator("body").get_attribute("data-md-color-scheme")]
    violations = {shown: run_axe(page)}
    violations[switch_color_scheme(page)] = run_axe(page)
    return violations


def press_tab_until(page, condition_js: str, limit: int = 60) -> None:
    """Press Tab until condition_js is true, as a keyboard user moves through a page."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(condition_js):
            return
    pytest.fail(f"focus never reached: {condition_js}")


def reader_text(text: str) -> str:
    """Text as a reader reads it, to compare what a PDF or a printed page says with what it
    should say. Every test that reads a PDF or a print compares through this.

    - Unicode NFKC: a PDF may use the ligatures "ﬁ" and "ﬂ" (they depend on the fonts a
      machine has), and a reader reads "fi" and "fl"; likewise no-break spaces are spaces.
    - A word broken at a line's end by hyphenation (U+2010, as WeasyPrint does) is one word;
      soft hyphens are not read.
    - A word with a hyphen of its own that a line ends in ("EU-" / "medborgare") is one word.
    - Every run of white space, line breaks included, is one space."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"\u2010\s*\n\s*", "", text)
    text = re.sub(r"(\w)-[ \t]*\n\s*(?=\w)", r"\1-", text)
    return " ".join(text.split())


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {node}" for node in v["nodes"])
    return "\n".join(lines)
