"""The packages: the whole course as a zip that works opened from a USB stick (file://), and the
same site as a SCORM 1.2 package for a learning platform (scorm.py).

It is built with its own config (`offline_config`, e.g. mkdocs-offline.yml), which inherits `mkdocs.yml` and adds
Material's offline plugin (no instant navigation, no directory URLs, the search index as a
script and the vendored iframe-worker shim for search without a server). Every hosted build
(`mkdocs build`) also builds the package, so that the trainer page can offer it with its
size; `mkdocs serve` does not (a preview only says how to build it).

Building them means a second MkDocs build, in a subprocess, shared by both zips. The zips are
kept in `.cache/offline/` with a hash of everything they are built from, and taken from there
when nothing has changed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..cachefile import inputs_hash, partial_path, write_atomically
from ..locale import t
from ..model.errors import AuthorError
from . import scorm

CACHE_DIR = ".cache/offline"


@dataclass(frozen=True)
class Names:
    """A course's package names, from its id: two courses never share a file or a folder."""

    course_id: str

    @property
    def offline(self) -> str:
        return f"{self.course_id}-offline.zip"  # in the hosted site, beside index.html

    @property
    def scorm(self) -> str:
        return f"{self.course_id}-scorm12.zip"

    @property
    def folder(self) -> str:
        return f"{self.course_id}-kurs"  # the one folder inside the offline zip

    def chosen(self, kinds) -> dict[str, str]:
        """kind ("offline", "scorm12") -> zip name, for the kinds the course builds."""
        return {kind: {"offline": self.offline, "scorm12": self.scorm}[kind] for kind in kinds}


@dataclass(frozen=True)
class Package:
    path: Path  # the zip in the cache
    size: int
    built: bool  # False when it was taken from the cache


def is_offline_build(config) -> bool:
    """True for the package's own build (the offline plugin is on)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def inputs(settings, docs_dir: str) -> tuple:
    """What a course's packages are built from (relative to its folder, the engine absolute): a
    change in any of them builds them anew."""
    from ..cachefile import ENGINE

    return (docs_dir, settings.cases, settings.quizzes, settings.slides, "overrides", ENGINE, settings.facts,
            settings.glossary, "mkdocs.yml", settings.offline_config, "requirements.txt", "pyproject.toml",
            f"{settings.macros}.py")


@dataclass(frozen=True)
class Build:
    """What the packages are built from and called."""

    root: Path  # the course folder (mkdocs.yml)
    title: str
    names: Names
    kinds: tuple[str, ...]  # "offline", "scorm12"
    config_file: str  # the package's own MkDocs config (mkdocs-offline.yml)
    inputs: tuple  # files and folders (relative to root, or absolute) the package is built from
    mastery: int | None  # the final test's pass mark: SCORM's masteryscore
    language: str = "sv"
    books: tuple[str, ...] = ()  # the books' files in the site (books/), named in the readme

    def cached(self, name: str) -> Path:
        return self.root / CACHE_DIR / name


def edition(build: Build) -> str:
    """The course's edition, shown on the certificate: a short hash of everything its site and its
    packages are built from (the same in the hosted site and in both packages)."""
    return inputs_hash(build.root, build.inputs, build.title, build.names.course_id)[:10]


def build_packages(build: Build, built_on: str) -> dict[str, Package]:
    """The packages (by zip name) from one build of the offline site; taken from the cache when
    nothing they are built from has changed."""
    cache = build.root / CACHE_DIR
    record = cache / "packages.json"
    digest = inputs_hash(build.root, build.inputs, build.title, build.names.course_id, *build.kinds, *build.books)
    names = build.names.chosen(build.kinds)
    paths = {name: cache / name for name in names.values()}
    fresh = record.exists() and json.loads(record.read_text(encoding="utf-8")).get("hash") == digest
    if not (fresh and all(path.exists() for path in paths.values())):
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
            site = Path(tmp) / build.names.folder
            build_site(build.root, build.config_file, site)
            partial = {name: partial_path(path) for name, path in paths.items()}
            if "offline" in names:
                books = t("packages.readme_books", files=" och ".join(build.books)) if build.books else ""
                readme = t("packages.readme", title=build.title, folder=build.names.folder, built=built_on, books=books)
                write_zip(site, partial[names["offline"]], build.names.folder, readme)
            if "scorm12" in names:
                if build.mastery is None:
                    raise AuthorError(build.config_file, "SCORM-paketet behöver ett slutprov med 'pass_mark' (masteryscore)")
                scorm.write_package(site, partial[names["scorm12"]], build.title, build.names.course_id,
                                    build.mastery, build.language)
            for name, path in paths.items():
                os.replace(partial[name], path)
        write_atomically(record, json.dumps({"hash": digest}).encode("utf-8"))
    return {name: Package(path, path.stat().st_size, built=not fresh) for name, path in paths.items()}


log = logging.getLogger("mkdocs.plugins.kurs.packages")


def packages_for_site(build: Build, built_on: str) -> dict[str, Package]:
    """The packages for the hosted site, with a line in the build's log."""
    started = time.perf_counter()
    packages = build_packages(build, built_on)
    built = any(p.built for p in packages.values())
    how = f"byggda på {time.perf_counter() - started:.1f} s" if built else "oförändrade, från cachen"
    sizes = ", ".join(f"{name} {size_text(p.size)}" for name, p in packages.items())
    log.info(f"Paketen: {how} ({sizes})")
    return packages


def build_site(root: Path, config_file: str, site_dir: Path) -> None:
    """`mkdocs build -f mkdocs-offline.yml` into site_dir; its errors fail our build."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", config_file, "-d", str(site_dir)]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if result.returncode != 0:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        raise AuthorError(config_file, "paketet för användning utan internet kunde inte byggas: "
                          + " | ".join(lines[-5:]))


def write_zip(site_dir: Path, zip_path: Path, folder: str, readme: str) -> None:
    """The site in one folder, with a short text on how to open it."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{folder}/{t('packages.readme_name')}", readme.replace("\n", "\r\n"))  # readable in Notepad too
        for name in scorm.site_files(site_dir):
            archive.write(site_dir / name, f"{folder}/{name}")


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
