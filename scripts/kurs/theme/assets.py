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


def site_files(assets: dict) -> dict:
    """Site path -> source file (or files, joined into one), with folders ("assets/vendor/x/")
    spelled out file by file."""
    found = {}
    for site_path, source in assets.items():
        if isinstance(source, (list, tuple)):
            found[site_path] = tuple(source)
        elif site_path.endswith("/"):
            for file in sorted(p for p in source.rglob("*") if p.is_file()):
                found[site_path + file.relative_to(source).as_posix()] = file
        else:
            found[site_path] = source
    return found


def joined(sources) -> str:
    return "\n".join(Path(source).read_text(encoding="utf-8") for source in sources)


def add_assets(assets: dict, files: Files, config) -> None:
    for site_path, source in site_files(assets).items():
        if files.get_file_from_path(site_path) is not None:
            continue  # the course's own file wins
        sources = source if isinstance(source, tuple) else (source,)
        minify = MINIFIERS.get(Path(site_path).suffix) if "/vendor/" not in site_path else None
        if minify:
            files.append(File.generated(config, site_path, content=minify(joined(sources))))
        else:
            files.append(File.generated(config, site_path, abs_src_path=str(source)))


def page_styles(html: str, styles: dict[str, tuple[str, ...]]) -> list[str]:
    """The feature style sheets a page needs: those whose marker (a class or attribute a feature
    writes) is in its HTML. `styles` is site path -> markers."""
    return [path for path, markers in styles.items() if any(marker in html for marker in markers)]
