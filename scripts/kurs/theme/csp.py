"""Material for MkDocs under a strict Content-Security-Policy (`default-src 'self'; script-src 'self';
style-src 'self'`), without patching the theme.

Material puts three small scripts inline: partials/javascripts/base.html (its storage helpers
`__md_get`/`__md_set`, which its bundle uses), palette.html (the reader's colour scheme, before the page
is painted) and content.html (opens a tab named in the address). The engine's overrides of these
partials (templates/partials/javascripts/) load the same scripts as files; the files are made at
build time from Material's own partials, so they follow an update of Material, and a partial that no
longer has the shape expected stops the build with a message.

Material also draws its icons (menu arrows, admonitions, search results …) from `data:` URLs in CSS
variables, which `img-src 'self'` refuses. The icons become SVG files with the same variables pointing
at them. Browsers refuse such files as CSS masks from disk (file://, the offline package), so the
variables apply only when the page is served (the class that material-base.js puts on <html>); from
disk, where no policy applies, Material's own `data:` icons stay.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

MATERIAL = Path(material.__file__).parent / "templates"
PARTIALS = MATERIAL / "partials" / "javascripts"
# Site path -> (Material's partial, which of its inline scripts).
SCRIPTS = {
    "assets/js/material-base.js": ("base.html", 0),
    "assets/js/material-palette.js": ("palette.html", 0),
    "assets/js/material-content-tabs.js": ("content.html", 0),
    "assets/js/material-content.js": ("content.html", 1),
}
# The template values in Material's inline scripts, and what the script file reads instead (the
# override puts the value on the script element).
VALUES = {'"{{ config.extra.scope | d(base_url) }}"': "document.currentScript.dataset.scope"}
# Added to material-base.js, which runs in <head> before anything is drawn: served pages use the icon files.
SERVED = 'location.protocol!=="file:"&&document.documentElement.classList.add("kurs-served");'
ICONS = "assets/images/material/"
_INLINE = re.compile(r"<script>(.*?)</script>", re.S)
_ICON = re.compile(r'(--md-[\w-]+):url\("data:image/svg\+xml;charset=utf-8,([^"]*)"\)')


def material_script(partial: str, index: int) -> str:
    """One of Material's inline scripts as the text of a file."""
    path = PARTIALS / partial
    scripts = _INLINE.findall(path.read_text(encoding="utf-8")) if path.exists() else []
    if len(scripts) <= index:
        raise PluginError(f"{path}: Material's inline script was not found; "
                          "scripts/kurs/theme/csp.py needs updating for this version of Material for MkDocs")
    script = scripts[index]
    for value, replacement in VALUES.items():
        script = script.replace(value, replacement)
    if "{{" in script or "{%" in script:
        raise PluginError(f"{path}: the script has template values that scripts/kurs/theme/csp.py does not know; "
                          "it needs updating for this version of Material for MkDocs")
    return script


def material_icons() -> dict[str, str]:
    """Material's icon variables with data: URLs: variable name -> SVG."""
    sheets = sorted((MATERIAL / "assets" / "stylesheets").glob("main.*.min.css"))
    return {name: svg for sheet in sheets for name, svg in _ICON.findall(sheet.read_text(encoding="utf-8"))}


def icons_css(icons: dict[str, str], style_path: str) -> str:
    """The variables pointing at the icon files, for served pages (relative to the style sheet)."""
    up = "../" * style_path.count("/")
    declarations = ";".join(f"{name}:url({up}{ICONS}{name[2:]}.svg)" for name in icons)
    return f"\n.kurs-served{{{declarations}}}\n"


def add_files(files: Files, config, style_path: str) -> None:
    """Material's inline scripts as files, its icons as SVG files and their variables at the end of
    the every-page style sheet (`style_path`, already among the files)."""
    for site_path, (partial, index) in SCRIPTS.items():
        script = material_script(partial, index) + ("\n;" + SERVED if site_path.endswith("material-base.js") else "")
        files.append(File.generated(config, site_path, content=script))
    icons = material_icons()
    for name, svg in icons.items():
        files.append(File.generated(config, f"{ICONS}{name[2:]}.svg", content=svg))
    style = files.get_file_from_path(style_path)
    style.content_string = style.content_string + icons_css(icons, style_path)
