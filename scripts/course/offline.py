"""The packages: the whole course as a zip that works opened from a USB stick (file://), and the
same site as a SCORM 1.2 package for a learning platform (scorm.py).

It is built with its own config, `mkdocs-offline.yml`, which inherits `mkdocs.yml` and adds
Material's offline plugin (no instant navigation, no directory URLs, the search index as a
script and the vendored iframe-worker shim for search without a server). Every hosted build
(`mkdocs build`) also builds the package, so that the trainer page can offer it with its
size; `mkdocs serve` does not (a preview only says how to build it).

Building them means a second MkDocs build, in a subprocess, shared by both zips. The zips are
kept in `.cache/offline/` with a hash of everything they are built from, and taken from there
when nothing has changed.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import scorm
from .cachefile import partial_path, write_atomically
from .errors import AuthorError

CONFIG_FILE = "mkdocs-offline.yml"
PACKAGE = "betanketid-offline.zip"  # in the hosted site, beside index.html
PACKAGES = (PACKAGE, scorm.PACKAGE)
FOLDER = "betanketid-kurs"  # the one folder inside the zip
CACHE_DIR = ".cache/offline"
# What the package is built from: a change in any of these builds it anew.
INPUTS = ("docs", "cases", "quizzes", "slides", "overrides", "scripts", "facts.yml", "glossary.yml",
          "mkdocs.yml", CONFIG_FILE, "requirements.txt")
README_NAME = "LAS-MIG.txt"
README_TEXT = """\
{title}

Så öppnar du kursen utan internet:
1. Packa upp zip-filen, till exempel på ett USB-minne eller på datorn.
2. Öppna mappen {folder}.
3. Dubbelklicka på index.html. Kursen öppnas i webbläsaren.

Allt finns i mappen: modulerna, sökningen, quizzarna, bildspelen och faktabladen som PDF.
Det du skriver och dina framsteg sparas bara i den webbläsaren, på den datorn.
Länkar till andra webbplatser behöver internet.

Paketet byggdes {built}. Hämta ett nytt före varje utbildning, så att fakta är aktuella.
"""


@dataclass(frozen=True)
class Package:
    path: Path  # the zip in the cache
    size: int
    built: bool  # False when it was taken from the cache


def is_offline_build(config) -> bool:
    """True for the package's own build (the offline plugin is on)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def inputs_hash(root: Path, names: tuple[str, ...] = INPUTS) -> str:
    """A hash of the files (and folders) named, relative to the project root."""
    digest = hashlib.sha256()
    for name in names:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.exists() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def cached_package(root: Path, name: str) -> Path:
    return root / CACHE_DIR / name


def build_packages(root: Path, title: str, built_on: str) -> dict[str, Package]:
    """Both packages (offline and SCORM 1.2, by zip name) from one build of the offline site;
    taken from the cache when nothing they are built from has changed."""
    cache = root / CACHE_DIR
    record = cache / "packages.json"
    digest = inputs_hash(root)
    paths = {name: cache / name for name in PACKAGES}
    fresh = record.exists() and json.loads(record.read_text(encoding="utf-8")).get("hash") == digest
    if not (fresh and all(path.exists() for path in paths.values())):
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
            site = Path(tmp) / FOLDER
            build_site(root, site)
            partial = {name: partial_path(path) for name, path in paths.items()}
            write_zip(site, partial[PACKAGE], README_TEXT.format(title=title, folder=FOLDER, built=built_on))
            scorm.write_package(site, partial[scorm.PACKAGE], title)
            for name, path in paths.items():
                os.replace(partial[name], path)
        write_atomically(record, json.dumps({"hash": digest}).encode("utf-8"))
    return {name: Package(path, path.stat().st_size, built=not fresh) for name, path in paths.items()}


log = logging.getLogger("mkdocs.plugins.course.offline")


def packages_for_site(root: Path, title: str, built_on: str) -> dict[str, Package]:
    """The packages for the hosted site, with a line in the build's log."""
    started = time.perf_counter()
    packages = build_packages(root, title, built_on)
    built = any(p.built for p in packages.values())
    how = f"byggda på {time.perf_counter() - started:.1f} s" if built else "oförändrade, från cachen"
    sizes = ", ".join(f"{name} {size_text(p.size)}" for name, p in packages.items())
    log.info(f"Paketen: {how} ({sizes})")
    return packages


def build_site(root: Path, site_dir: Path) -> None:
    """`mkdocs build -f mkdocs-offline.yml` into site_dir; its errors fail our build."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", CONFIG_FILE, "-d", str(site_dir)]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if result.returncode != 0:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        raise AuthorError(CONFIG_FILE, "paketet för användning utan internet kunde inte byggas: "
                          + " | ".join(lines[-5:]))


def write_zip(site_dir: Path, zip_path: Path, readme: str) -> None:
    """The site in one folder, with a short text on how to open it."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{FOLDER}/{README_NAME}", readme.replace("\n", "\r\n"))  # readable in Notepad too
        for name in scorm.site_files(site_dir):
            archive.write(site_dir / name, f"{FOLDER}/{name}")


SIZE_PLACEHOLDER = re.compile(r'<span class="course-package-size" data-package="([^"]+)"></span>')


def size_placeholder(name: str) -> str:
    """Filled in with the zip's size once the packages exist (see fill_sizes)."""
    return f'<span class="course-package-size" data-package="{name}"></span>'


def fill_sizes(output: str, packages: dict[str, Package]) -> str:
    """Put each package's size where the trainer page's download links ask for it."""

    def size(match: re.Match) -> str:
        package = packages.get(match.group(1))
        return f"zip, {size_text(package.size)}" if package else "zip"

    return SIZE_PLACEHOLDER.sub(size, output)


def size_text(size: int) -> str:
    """"6,2 MB" or "850 kB", Swedish style."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} kB"


def main() -> int:
    """`python -m course.offline [FOLDER]`: build both packages and copy them to FOLDER."""
    root = Path(__file__).resolve().parents[2]
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from .macros import swedish_date  # the macros import this module

    title = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
    try:
        packages = packages_for_site(root, title, swedish_date(datetime.date.today()))
    except AuthorError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for name, package in packages.items():
        shutil.copyfile(package.path, out / name)
        print(f"{out / name} ({size_text(package.size)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
