"""A course's own macros, as a standard mkdocs-macros module: `main.py` beside mkdocs.yml with

    def define_env(env):
        @env.macro
        def my_chart():
            rows = env.macros["fact_value"]("statistics.rows")   # the engine's macros are there too
            ...

The engine's fast renderer loads the same module with `MacrosEnv`, the part of mkdocs-macros'
`env` such a module uses (macro, filter, variables, macros, filters, conf, project_dir). With
mkdocs-macros-plugin in mkdocs.yml instead, that plugin loads it, and the kurs plugin registers
its own macros there (plugin.py).
"""

from __future__ import annotations

import importlib.util
import traceback
from collections.abc import Callable
from pathlib import Path

from ..model.errors import AuthorError


class MacrosEnv:
    """What mkdocs-macros hands to define_env(env), for the macros a course module defines."""

    def __init__(self, project_dir: Path, conf: dict, macros: dict[str, Callable]):
        self.project_dir = str(project_dir)
        self.conf = conf
        self.macros = macros  # the engine's macros, and the module's once it has run
        self.variables: dict = {}
        self.filters: dict[str, Callable] = {}

    def macro(self, function: Callable, name: str = "") -> Callable:
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function: Callable, name: str = "") -> Callable:
        self.filters[name or function.__name__] = function
        return function


def module_file(project_dir: Path, name: str) -> Path | None:
    """The course's macros module (main.py), or None when the course has none."""
    path = project_dir / f"{name}.py"
    return path if path.is_file() else None


def course_macros(project_dir: Path, name: str, conf: dict, engine_macros: dict[str, Callable]) -> dict[str, Callable]:
    """The macros (and filters, as macros cannot be) that the course's define_env module adds."""
    path = module_file(project_dir, name)
    if path is None:
        return {}
    env = MacrosEnv(project_dir, conf, dict(engine_macros))
    try:
        spec = importlib.util.spec_from_file_location(f"kurs_course_macros_{name}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # afresh on every build: `mkdocs serve` sees each edit
        if not hasattr(module, "define_env"):
            raise AuthorError(path.name, "modulen har ingen funktion define_env(env)")
        module.define_env(env)
    except AuthorError:
        raise
    except Exception as error:  # noqa: BLE001 - the course's own code: say where it failed
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == str(path)]
        line = getattr(error, "lineno", None) if isinstance(error, SyntaxError) else (frames[-1].lineno if frames else None)
        raise AuthorError(path.name, f"kursens makron gick inte att läsa in: {type(error).__name__}: {error}", line) from None
    return {key: value for key, value in env.macros.items() if key not in engine_macros}


def register_with_mkdocs_macros(macros_plugin, ctx, engine_macros) -> dict[str, list[str]]:
    """When mkdocs-macros-plugin renders the pages instead of the engine: give it the engine's macros
    (`engine_macros(ctx)`), each recording its mistakes per page as the engine's renderer does, and
    turn mkdocs-quiz on for the quiz pages once a page is rendered (mkdocs-macros offers page meta as
    variables: a `quiz` there would hide the macro). Returns the mistakes by page, filled in as pages
    render."""
    from .renderer import author_message

    mistakes: dict[str, list[str]] = {}
    course = ctx.course

    def recording(name, function):
        def call(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - author mistakes are reported, bugs are not
                message = author_message(error)
                if message is None:
                    raise
                page = course.pages.get(ctx.page)
                mistakes.setdefault(ctx.page, []).append(f"{page.file if page else ctx.page}: {name}(): {message}")
                return f"**[FEL: {name}]**"

        call.__name__ = name
        return call

    wrapped = {name: recording(name, function) for name, function in engine_macros(ctx).items()}
    present = macros_plugin.macros if hasattr(macros_plugin, "_macros") else {}
    for name, function in wrapped.items():  # a rebuild (mkdocs serve): replace, do not add twice
        if name in present:
            present[name] = function
            macros_plugin.env.globals[name] = function
    missing = {name: function for name, function in wrapped.items() if name not in present}
    if missing:
        macros_plugin.register_macros(missing)

    def enable_quiz(env):
        if env.page.file.src_path in course.quiz_pages.values():
            env.page.meta["quiz"] = {"enabled": True}

    functions = macros_plugin.post_macro_functions
    functions[:] = [f for f in functions if f.__name__ != enable_quiz.__name__] + [enable_quiz]
    return mistakes
