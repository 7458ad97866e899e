"""The engine's changes to Material for MkDocs, all through template overrides (templates/, put
after a course's own overrides/ folder so that a course can still override them) and its own
style sheet; never by patching the theme."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STYLE = "assets/css/course.css"  # every page: this and the other features' every-page styles
CSS = HERE / "course.css"


def add_templates(config) -> None:
    """The engine's templates after the course's overrides (custom_dir) and before Material's."""
    dirs = config.theme.dirs
    if str(TEMPLATES) not in dirs:
        custom = config.theme.custom_dir
        dirs.insert(1 if custom and dirs and dirs[0] == custom else 0, str(TEMPLATES))
