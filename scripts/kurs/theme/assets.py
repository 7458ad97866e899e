"""The engine's files in the site: each feature's scripts, style sheets and vendored libraries,
at the site paths the feature names (its ASSETS). Our own scripts and style sheets are sent
minified (rjsmin, rcssmin); the sources stay readable, and vendored files stay as published.
A course may put a file of its own at the same path in docs/: then the course's file is used.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.structure.files import File, Files

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def site_files(assets: dict[str, Path]) -> dict[str, Path]:
    """Site path -> source file, with folders ("assets/vendor/x/") spelled out file by file."""
    found = {}
    for site_path, source in assets.items():
        if site_path.endswith("/"):
            for file in sorted(p for p in source.rglob("*") if p.is_file()):
                found[site_path + file.relative_to(source).as_posix()] = file
        else:
            found[site_path] = source
    return found


def add_assets(assets: dict[str, Path], files: Files, config) -> None:
    for site_path, source in site_files(assets).items():
        if files.get_file_from_path(site_path) is not None:
            continue  # the course's own file wins
        minify = MINIFIERS.get(source.suffix) if "/vendor/" not in site_path else None
        if minify:
            files.append(File.generated(config, site_path, content=minify(source.read_text(encoding="utf-8"))))
        else:
            files.append(File.generated(config, site_path, abs_src_path=str(source)))
