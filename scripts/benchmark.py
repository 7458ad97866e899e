"""Benchmark: what the course costs against bare Material for MkDocs, measured side by side.

    .venv/bin/python scripts/benchmark.py [--runs 5] [--out benchmark.json]

(or `bash scripts/benchmark.sh`, which sets everything up first). It makes, in a temporary folder,
  - a copy of the course ("ours"), and
  - a baseline built on the fly ("bare"): the course's Markdown pages with the macro calls
    stripped, under a bare Material config (same theme, language, nav and Markdown extensions;
    no macros, hooks or plugins beyond MkDocs's default search),
and measures, alternating ours and bare and taking medians:
  - full `mkdocs build`: ours with a warm cache (fact-sheet PDFs and packages), ours with a
    cold cache, and bare;
  - `mkdocs serve`: the time from saving an edit to a module until the page is served rebuilt;
  - page weight in Chromium: bytes (as sent, and gzip-compressed as a web server would send
    them) and requests for the start page, a module page, the final test and a deck, against
    the bare build's page for the same Markdown (for the deck: its module's page); JavaScript
    and CSS separately; and what each page loads that it does not use.
With `--scale` it also makes a course ten times this one with `kurs new` and generated content (60
modules of this course's text, 600 quiz questions, 60 decks) and times its warm build against bare
Material on the same pages at 15, 30 and 60 modules, to show how build time grows with size.
With `--lighthouse PATH` (the `lighthouse` command of npm's lighthouse 12, e.g. after
`npm install --prefix .cache/lighthouse lighthouse@12`) it also runs Lighthouse (mobile) on the
same pages, ours and bare, served gzip-compressed (`--lighthouse-runs`, default 3; medians). It prints a table, checks the targets and writes everything as JSON.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import lru_cache, partial
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("docs", "overrides", "quizzes", "slides", "cases", "mkdocs.yml", "mkdocs-offline.yml",
          "facts.yml", "glossary.yml", "main.py", "requirements.txt")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
EDITED = "docs/moduler/3-betanketid.md"
EDITED_URL = "moduler/3-betanketid/"
# page -> (our URL, the bare URL for the same Markdown)
PAGES = {
    "start": ("", ""),
    "module": ("moduler/1-vad-ar-manniskohandel/", "moduler/1-vad-ar-manniskohandel/"),
    "quiz": ("slutprov/", "slutprov/"),
    "deck": ("bildspel/modul-3.html", "moduler/3-betanketid/"),
}
LIGHTHOUSE_TARGETS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 0.9}
TARGETS = {  # issue 9: ratios ours / bare
    "build_warm": 2.0,
    "rebuild": 1.5,
    "weight_module": 1.25,
    "weight_quiz": 1.5,
}
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


# --- the two projects -------------------------------------------------------------------


def copy_ours(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, target / name)
    return target


def make_bare(target: Path) -> Path:
    """The course's Markdown pages under a bare Material config."""
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = target / "docs"
    for page in (ROOT / "docs").rglob("*.md"):
        out = docs / page.relative_to(ROOT / "docs")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(MACRO.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    (target / "mkdocs.yml").write_text(bare_config(ours["site_name"], ours["nav"], ours["markdown_extensions"]),
                                       encoding="utf-8")
    return target


def bare_config(site_name: str, nav: list, extensions: list) -> str:
    config = {"site_name": site_name, "theme": {"name": "material", "language": "sv", "font": False},
              "markdown_extensions": extensions, "nav": nav}
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


# --- the scale run: a course ten times this one ---------------------------------------------

SCALE_MODULES = 60
SCALE_STEPS = (15, 30, 60)
QUESTIONS_PER_MODULE = 10


def scaled_module(number: int, text: str) -> str:
    """A module of this course's text (macros stripped), with facts, reflections and a quiz."""
    body = MACRO.sub("", text.split("\n---\n", 1)[1] if text.startswith("---") else text)
    body = re.sub(r"^# .*$", f"# Modul {number}", body, count=1, flags=re.M)
    body = body.replace("## Reflektionsfrågor", "## Att läsa mer")
    return (f"---\ntitle: Modul {number}\nmodule: {number}\nminutes: 20\nsummary: Del {number} av kursen.\n"
            f"sources: [dos_law]\n---\n\n{body}\n\nNivån är {{{{ fact(\"wcag.level\") }}}}.\n\n"
            "## Reflektionsfrågor\n\n1. Vad tar du med dig?\n2. Vad vill du veta mer om?\n\n"
            f"{{{{ quiz(\"modul-{number}\") }}}}\n")


def scaled_quiz(number: int) -> str:
    lines = ["title: Testa dina kunskaper", "pass_mark: 80", "questions:"]
    for question in range(1, QUESTIONS_PER_MODULE + 1):
        lines += [f"  - question: Fråga {question} i modul {number}. Vilket svar stämmer?", "    answers:",
                  f"      - right: Det första svaret i fråga {question}.", f"      - wrong: Det andra svaret i fråga {question}.",
                  f"      - wrong: Det tredje svaret i fråga {question}.",
                  f"    explanation: Rätt svar är det första svaret i fråga {question}."]
    return "\n".join(lines) + "\n"


def scaled_deck(number: int) -> str:
    slides = [f"# Modul {number}\n\nNote:\nInled modulen."]
    slides += [f"## Bild {n}\n\n- En punkt om {{{{ fact(\"wcag.level\") }}}}\n- En punkt till\n{{.fragment}}\n\nNote:\nSäg något om bild {n}."
               for n in range(2, 9)]
    return (f"---\ntitle: Modul {number}\nmodule: {number}\nquiz: modul-{number}\nsources: [dos_law]\n---\n\n"
            + "\n\n---\n\n".join(slides) + "\n")


def make_scaled(target: Path, modules: int) -> tuple[Path, Path]:
    """`kurs new` grown to `modules` modules ("ours") and the same pages under bare Material."""
    ours, bare = target / "ours", target / "bare"
    made = subprocess.run([sys.executable, "-m", "kurs.cli", "new", str(ours), "--titel", "Skalkurs"],
                          env=ENV, capture_output=True, text=True)
    if made.returncode != 0:
        sys.exit(f"kurs new failed: {made.stderr}")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / "moduler").glob("*.md"))]
    (ours / "docs" / "moduler" / "1-kom-igang.md").unlink()
    (ours / "slides" / "modul-1.md").unlink()
    for number in range(1, modules + 1):
        (ours / "docs" / "moduler" / f"{number}-modul.md").write_text(scaled_module(number, texts[(number - 1) % len(texts)]),
                                                                      encoding="utf-8")
        (ours / "quizzes" / f"modul-{number}.yml").write_text(scaled_quiz(number), encoding="utf-8")
        (ours / "slides" / f"modul-{number}.md").write_text(scaled_deck(number), encoding="utf-8")
    config = (ours / "mkdocs.yml").read_text(encoding="utf-8")
    listed = "\n".join(f"      - moduler/{n}-modul.md" for n in range(1, modules + 1))
    config = config.replace("      - moduler/1-kom-igang.md", listed)
    (ours / "mkdocs.yml").write_text(config, encoding="utf-8")
    for page in (ours / "docs").rglob("*.md"):
        out = bare / "docs" / page.relative_to(ours / "docs")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(MACRO.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    ours_config = yaml.safe_load(config)
    (bare / "mkdocs.yml").write_text(bare_config("Skalkurs", ours_config["nav"], ours_config["markdown_extensions"]),
                                     encoding="utf-8")
    return ours, bare


def measure_large_quiz(work: Path, questions: int = 2000) -> float:
    """A new course with one quiz of `questions` questions: the time of its first build (target < 30 s)."""
    ours, _ = make_scaled(work / "large-quiz", 1)
    lines = ["title: Stor frågebank", "questions:"]
    for number in range(1, questions + 1):
        lines += [f"  - question: Fråga {number}. Vilket svar stämmer?", "    answers:",
                  f"      - right: Svar A till fråga {number}.", f"      - wrong: Svar B till fråga {number}.",
                  f"    explanation: Rätt svar är svar A till fråga {number}."]
    (ours / "quizzes" / "stor.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (ours / "docs" / "stor.md").write_text('# Stor frågebank\n\n{{ quiz("stor") }}\n', encoding="utf-8")
    config = ours / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Slutprov: slutprov.md",
                                                                 "  - Slutprov: slutprov.md\n  - Stor: stor.md"),
                      encoding="utf-8")
    return timed_build(ours, ours / "site")


def measure_scale(work: Path, runs: int) -> list[dict]:
    """Warm builds of the scaled course and its bare twin at each step, alternating (medians)."""
    rows = []
    for modules in SCALE_STEPS:
        ours, bare = make_scaled(work / f"scale-{modules}", modules)
        timed_build(ours, ours / "site")  # fill the caches (PDFs, decks, packages)
        timed_build(bare, bare / "site")
        times = {"ours": [], "bare": []}
        for _ in range(runs):
            times["ours"].append(timed_build(ours, ours / "site"))
            times["bare"].append(timed_build(bare, bare / "site"))
        rows.append({"modules": modules, "questions": modules * QUESTIONS_PER_MODULE, "decks": modules,
                     "ours_s": median(times["ours"]), "bare_s": median(times["bare"]), "runs": times})
    return rows


def report_scale(rows: list[dict]) -> None:
    print("\nSkalkörning: kurs new + genererat innehåll, varmt bygge (median), vår mot bar Material")
    print(f"{'moduler':>8}{'frågor':>8}{'vår s':>8}{'bar s':>8}{'kvot':>7}{'vår s/modul':>13}")
    for row in rows:
        print(f"{row['modules']:8d}{row['questions']:8d}{row['ours_s']:8.2f}{row['bare_s']:8.2f}"
              f"{row['ours_s'] / row['bare_s']:7.2f}{row['ours_s'] / row['modules']:13.3f}")
    first, last = rows[0], rows[-1]
    slope = (last["ours_s"] - first["ours_s"]) / (last["modules"] - first["modules"])
    bare_slope = (last["bare_s"] - first["bare_s"]) / (last["modules"] - first["modules"])
    print(f"Tillväxt: {slope:.3f} s per modul (bar: {bare_slope:.3f} s per modul); "
          f"{'linjär' if all(abs(r['ours_s'] - (first['ours_s'] + slope * (r['modules'] - first['modules']))) < 0.15 * r['ours_s'] for r in rows) else 'inte linjär'} "
          "(varje steg inom 15 % av linjen genom första och sista).")


# --- builds -----------------------------------------------------------------------------


def timed_build(project: Path, site: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)],
                            cwd=project, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{result.stderr[-2000:]}")
    return elapsed


def measure_builds(ours: Path, bare: Path, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"build_warm": [], "build_cold": [], "build_bare": []}
    timed_build(ours, ours / "site")  # fill the cache once
    timed_build(bare, bare / "site")
    for _ in range(runs):
        times["build_warm"].append(timed_build(ours, ours / "site"))
        times["build_bare"].append(timed_build(bare, bare / "site"))
        shutil.rmtree(ours / ".cache", ignore_errors=True)
        times["build_cold"].append(timed_build(ours, ours / "site-cold"))
    return times


# --- mkdocs serve -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_until(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.02)
    return False


class Served:
    """`mkdocs serve` of a project, to edit a module and time the rebuild."""

    def __init__(self, project: Path):
        self.project = project
        self.url = f"http://127.0.0.1:{free_port()}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", self.url[7:-1]],
            cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_until(lambda: "<h1" in fetch(self.url + EDITED_URL), 120):
            self.close()
            sys.exit(f"mkdocs serve did not start in {project}")
        self.edits = 0

    def rebuild_time(self) -> float:
        self.edits += 1
        marker = f"Ändring nummer {self.edits} för mätningen."
        page = self.project / EDITED
        started = time.perf_counter()
        page.write_text(page.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
        if not wait_until(lambda: marker in fetch(self.url + EDITED_URL), 120):
            sys.exit(f"no rebuild seen in {self.project}")
        return time.perf_counter() - started

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def measure_rebuilds(ours: Path, bare: Path, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"rebuild": [], "rebuild_bare": []}
    servers = Served(ours), Served(bare)
    try:
        for server in servers:
            server.rebuild_time()  # the first rebuild warms up
        for _ in range(runs):
            times["rebuild"].append(servers[0].rebuild_time())
            times["rebuild_bare"].append(servers[1].rebuild_time())
    finally:
        for server in servers:
            server.close()
    return times


# --- page weight ------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """Compressed once per file version, as a server with precompressed files would send it."""
    return gzip.compress(path.read_bytes(), 6)


class _Gzipped(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed to a browser that asks for it, as a web server in production
    does (Lighthouse's simulated slow network counts the bytes as sent)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Gzipped, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def kind_of(url: str, resource_type: str) -> str:
    if resource_type == "script" or url.endswith(".js"):
        return "js"
    if resource_type == "stylesheet" or url.endswith(".css"):
        return "css"
    return "other"


def load_page(browser, url: str) -> dict:
    """Every response while the page loads and settles: bytes raw and gzip, by kind."""
    page = browser.new_page()
    loaded = []

    def record(response):
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        loaded.append((response.url, kind_of(response.url, response.request.resource_type), body))

    page.on("response", record)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    page.close()
    totals = {"requests": len(loaded), "bytes": 0, "gzip": 0, "js": 0, "js_gzip": 0, "css": 0, "css_gzip": 0}
    for _, kind, body in loaded:
        packed = len(gzip.compress(body, 6))
        totals["bytes"] += len(body)
        totals["gzip"] += packed
        if kind in ("js", "css"):
            totals[kind] += len(body)
            totals[f"{kind}_gzip"] += packed
    totals["urls"] = [u for u, _, _ in loaded]
    return totals


def unused_loads(name: str, urls: list[str]) -> list[str]:
    """What a page loads that it does not use: quiz code off quiz pages, reveal.js off decks."""
    found = []
    has_quiz = name in ("module", "quiz")
    if not has_quiz and any("mkdocs_quiz" in u or "quiz" in u.rsplit("/", 1)[-1] for u in urls):
        found.append("quiz code")
    if name != "deck" and any("reveal" in u for u in urls):
        found.append("reveal.js")
    return found


def measure_weight(ours_site: Path, bare_site: Path) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    servers = [serve_folder(ours_site), serve_folder(bare_site)]
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium")
            for name, (ours_path, bare_path) in PAGES.items():
                ours = load_page(browser, servers[0][1] + ours_path)
                bare = load_page(browser, servers[1][1] + bare_path)
                results[name] = {"ours": ours, "bare": bare, "unused": unused_loads(name, ours["urls"])}
            browser.close()
    finally:
        for server, _ in servers:
            server.shutdown()
    return results


# --- Lighthouse (optional) --------------------------------------------------------------


def lighthouse_scores(command: str, url: str, out: Path) -> dict[str, float]:
    """Lighthouse's mobile scores (0–1) for one page, with Debian's Chromium."""
    env = dict(ENV, CHROME_PATH=shutil.which("chromium") or "/usr/bin/chromium")
    result = subprocess.run(
        [command, url, "--quiet", "--chrome-flags=--headless=new --no-sandbox", "--output=json", f"--output-path={out}",
         "--only-categories=performance,accessibility,best-practices,seo"],
        env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        sys.exit(f"lighthouse failed for {url}:\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    return {key: category["score"] for key, category in report["categories"].items()}


def median_scores(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def measure_lighthouse(command: str, ours_site: Path, bare_site: Path, work: Path, runs: int) -> dict[str, dict]:
    """Each page `runs` times, alternating ours and bare; the median of each score (Lighthouse's
    performance score moves a few hundredths from run to run on the same page)."""
    servers = [serve_folder(ours_site), serve_folder(bare_site)]
    results = {}
    try:
        for name, (ours_path, bare_path) in PAGES.items():
            ours, bare = [], []
            for run in range(runs):
                ours.append(lighthouse_scores(command, servers[0][1] + ours_path, work / f"lh-{name}-ours-{run}.json"))
                bare.append(lighthouse_scores(command, servers[1][1] + bare_path, work / f"lh-{name}-bare-{run}.json"))
            results[name] = {"ours": median_scores(ours), "bare": median_scores(bare), "runs": {"ours": ours, "bare": bare}}
    finally:
        for server, _ in servers:
            server.shutdown()
    return results


def report_lighthouse(scores: dict[str, dict], checks: dict[str, bool]) -> None:
    print("\nLighthouse (mobil, median), vår / bar")
    print(f"{'':10}" + "".join(f"{key:>22}" for key in LIGHTHOUSE_TARGETS))
    for name, pair in scores.items():
        cells = []
        for key, target in LIGHTHOUSE_TARGETS.items():
            ours, bare = pair["ours"].get(key), pair["bare"].get(key)
            checks[f"lighthouse_{name}_{key}"] = ours is not None and ours >= target
            cells.append(f"{ours:.2f}/{bare:.2f} (≥{target}){'' if ours >= target else ' !'}".rjust(22))
        print(f"{name:10}" + "".join(cells))


# --- report -----------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(builds: dict, rebuilds: dict, weight: dict, runs: int) -> dict:
    timing = {
        "build_warm": (median(builds["build_warm"]), median(builds["build_bare"])),
        "build_cold": (median(builds["build_cold"]), median(builds["build_bare"])),
        "rebuild": (median(rebuilds["rebuild"]), median(rebuilds["rebuild_bare"])),
    }
    rows = []
    checks = {}
    print(f"\nTider (median av {runs} körningar, ombygget av {len(rebuilds['rebuild'])}; sekunder)")
    print(f"{'':28}{'vår':>9}{'bar':>9}{'kvot':>8}{'mål':>8}")
    for key, (ours, bare) in timing.items():
        ratio = ours / bare
        target = TARGETS.get(key)
        if target:
            checks[key] = ratio <= target
        mark = "" if not target else (" ok" if ratio <= target else " MISSAR")
        print(f"{key:28}{ours:9.2f}{bare:9.2f}{ratio:8.2f}{(f'≤{target}' if target else ''):>8}{mark}")
        rows.append({"measure": key, "ours_s": ours, "bare_s": bare, "ratio": ratio, "target": target})
    print("\nSidvikt (kB som skickas med gzip, som en webbserver gör; i parentes okomprimerat; kvot och mål gäller gzip)")
    print(f"{'':10}{'vår':>16}{'bar':>16}{'kvot':>7}{'mål':>7}{'anrop':>8}{'JS vår/bar':>16}{'CSS vår/bar':>16}")
    pages = {}
    for name, data in weight.items():
        ours, bare = data["ours"], data["bare"]
        ratio = ours["gzip"] / bare["gzip"]
        raw_ratio = ours["bytes"] / bare["bytes"]
        target = TARGETS.get(f"weight_{name}")
        if target:  # on the bytes sent (gzip), as Lighthouse's "total byte weight" counts them
            checks[f"weight_{name}"] = ratio <= target
        checks[f"nothing_unused_{name}"] = not data["unused"]
        mark = "" if not target else (" ok" if checks[f"weight_{name}"] else " MISSAR")
        print(f"{name:10}{ours['gzip'] / 1000:7.0f} ({ours['bytes'] / 1000:5.0f}){bare['gzip'] / 1000:7.0f} "
              f"({bare['bytes'] / 1000:5.0f}){ratio:7.2f}{(f'≤{target}' if target else ''):>7}"
              f"{ours['requests']:4d}/{bare['requests']:<3d}"
              f"{ours['js_gzip'] / 1000:8.0f}/{bare['js_gzip'] / 1000:<6.0f}{ours['css_gzip'] / 1000:8.0f}/{bare['css_gzip'] / 1000:<6.0f}{mark}")
        if data["unused"]:
            print(f"{'':10}laddar utan att använda: {', '.join(data['unused'])}")
        pages[name] = {
            "ratio_gzip": ratio, "ratio_raw": raw_ratio, "target": target, "unused": data["unused"],
            "ours": {k: v for k, v in ours.items() if k != "urls"}, "bare": {k: v for k, v in bare.items() if k != "urls"},
            "ours_urls": ours["urls"],
        }
    print("\nMål: " + ", ".join(f"{k} {'ok' if v else 'MISSAR'}" for k, v in checks.items()))
    return {"timing": rows, "runs": {**builds, **rebuilds}, "pages": pages, "checks": checks}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="alternating runs per build measure (default 5)")
    parser.add_argument("--rebuild-runs", type=int, default=11,
                        help="alternating mkdocs serve rebuilds (default 11: serve notices a change by polling every "
                             "0.5 s, so each rebuild time carries up to half a second of chance)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmark.json", help="where to write the JSON")
    parser.add_argument("--lighthouse", metavar="PATH", help="the lighthouse command, to add its scores")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--scale", action="store_true", help="also the scale run: a course ten times this one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        ours, bare = copy_ours(Path(tmp) / "ours"), make_bare(Path(tmp) / "bare")
        print("Bygger …", flush=True)
        builds = measure_builds(ours, bare, args.runs)
        timed_build(ours, ours / "site")  # the measured pages come from a warm build
        print("Mäter mkdocs serve …", flush=True)
        rebuilds = measure_rebuilds(ours, bare, args.rebuild_runs)
        print("Mäter sidvikt i Chromium …", flush=True)
        weight = measure_weight(ours / "site", bare / "site")
        result = report(builds, rebuilds, weight, args.runs)
        if args.lighthouse:
            print("Kör Lighthouse …", flush=True)
            result["lighthouse"] = measure_lighthouse(args.lighthouse, ours / "site", bare / "site", Path(tmp),
                                                      args.lighthouse_runs)
            report_lighthouse(result["lighthouse"], result["checks"])
        if args.scale:
            print("Skalkörning …", flush=True)
            result["scale"] = measure_scale(Path(tmp), min(args.runs, 3))
            report_scale(result["scale"])
            result["large_quiz_s"] = measure_large_quiz(Path(tmp))
            result["checks"]["large_quiz"] = result["large_quiz_s"] < 30
            print(f"Ett quiz med 2 000 frågor: första bygget {result['large_quiz_s']:.1f} s (mål < 30 s)")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    result = {"date": time.strftime("%Y-%m-%dT%H:%M:%S"), "commit": commit, "cpus": os.cpu_count(), **result}
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nSkrivet till {args.out}")
    return 0 if all(result["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
