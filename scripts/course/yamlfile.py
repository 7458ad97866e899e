"""Read a YAML content file and turn YAML mistakes into an AuthorError."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import AuthorError

# libyaml's safe loader when PyYAML has it (about ten times faster), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path, display_name: str | None = None):
    name = display_name or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuthorError(name, "filen finns inte") from None
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (rad {mark.line + 1}, kolumn {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise AuthorError(name, f"felaktig YAML{where}: {problem}") from None
