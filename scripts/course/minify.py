"""Our own scripts and style sheets (docs/assets/js, docs/assets/css) as the site sends them:
minified with rjsmin and rcssmin. The sources stay readable; see scripts/benchmark.py for what
it saves.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.structure.files import File, Files

MINIFIERS = {"assets/js/": (".js", rjsmin.jsmin), "assets/css/": (".css", rcssmin.cssmin)}


def assets(files: Files, config) -> None:
    """Swap our own .js/.css files for minified copies (same paths)."""
    for file in list(files):
        for folder, (suffix, minifier) in MINIFIERS.items():
            if file.src_uri.startswith(folder) and file.src_uri.endswith(suffix) and file.abs_src_path:
                text = Path(file.abs_src_path).read_text(encoding="utf-8")
                files.remove(file)
                files.append(File.generated(config, file.src_uri, content=minifier(text)))
