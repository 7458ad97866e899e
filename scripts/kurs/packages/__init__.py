"""The packages feature: the course as a zip to open from a USB stick (offline.py) and as a SCORM
1.2 package for a learning platform (scorm.py), both from one extra build; and the trainer page's
download links ({{ offline_package() }}, {{ scorm_package() }})."""

from __future__ import annotations

from pathlib import Path

from ..locale import t
from .offline import Names, size_placeholder

HERE = Path(__file__).parent
# The offline build's search runs in a web worker, which browsers refuse to start from file://;
# the iframe-worker shim stands in (mkdocs-offline.yml's extra.polyfills points at it).
ASSETS = {"assets/vendor/iframe-worker/": HERE / "iframe-worker"}


def download_box(markdown: str) -> str:
    """A download link (or what stands in its place), in every mode the same paragraph: a print
    (books/) leaves it out."""
    return f'<p class="course-download" markdown>{markdown}</p>\n'


def macros(ctx) -> dict:
    course = ctx.course
    names = Names(course.id)

    def download(kind: str, name: str, text: str, inside: str) -> str:
        if kind not in course.settings.packages:
            return download_box(t("packages.not_built"))
        if course.package_mode == "package":
            return download_box(f"*{inside}*")
        if course.package_mode == "preview":
            return download_box(t("packages.preview"))
        return download_box(f"[{text}]({ctx.relative(name)}) ({size_placeholder(name)})")

    def offline_package() -> str:
        """The download link of the offline package (a zip to open from a USB stick)."""
        return download("offline", names.offline, t("packages.offline_link"), t("packages.offline_inside"))

    def scorm_package() -> str:
        """The download link of the SCORM 1.2 package for a learning platform."""
        return download("scorm12", names.scorm, t("packages.scorm_link"), t("packages.scorm_inside"))

    return {"offline_package": offline_package, "scorm_package": scorm_package}
