"""A course folder as the `kurs` command sees it, without starting MkDocs: mkdocs.yml's few
settings the engine needs (docs_dir, site_name, use_directory_urls, the kurs plugin's own).
Reading them this way takes milliseconds; loading MkDocs's whole configuration takes a second."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import KursConfig, settings
from .model.errors import AuthorError

CONFIG_FILE = "mkdocs.yml"


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as !ENV or !relative: read them as plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: (
    loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None))


@dataclass
class Project:
    root: Path
    docs_dir: Path
    site_name: str
    use_directory_urls: bool
    settings: KursConfig
    site_url: str = ""


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_AnyTagLoader) or {}
    except FileNotFoundError:
        raise AuthorError(path.name, "filen finns inte: kör kommandot i kursens mapp (där mkdocs.yml finns)") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise AuthorError(path.name, f"felaktig YAML: {getattr(error, 'problem', error)}",
                          mark.line + 1 if mark else None) from None
    parent = data.pop("INHERIT", None)
    if parent:
        base = _read(path.parent / parent)
        base.update(data)
        data = base
    return data


def plugin_values(plugins) -> dict | None:
    """The kurs plugin's settings from mkdocs.yml's `plugins` (a list or a mapping)."""
    entries = plugins.items() if isinstance(plugins, dict) else (
        (next(iter(p.items())) if isinstance(p, dict) else (p, {})) for p in plugins or [])
    for name, values in entries:
        if name == "kurs":
            return dict(values or {})
    return None


def load_project(root: Path, config_file: str = CONFIG_FILE) -> Project:
    data = _read(root / config_file)
    values = plugin_values(data.get("plugins"))
    if values is None:
        raise AuthorError(config_file, "pluginet 'kurs' saknas under plugins:")
    try:
        kurs = settings(values)
    except ValueError as error:
        raise AuthorError(config_file, f"plugins: kurs: {error}") from None
    return Project(root, root / data.get("docs_dir", "docs"), data.get("site_name", ""),
                   bool(data.get("use_directory_urls", True)), kurs, str(data.get("site_url") or ""))


def site_url(path: str, directory_urls: bool) -> str:
    """A docs file's URL in the built site, as MkDocs gives it."""
    if not path.endswith(".md"):
        return path
    if not directory_urls:
        return path[:-3] + ".html"
    if path == "index.md" or path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[:-3] + "/"


def prepare_project(project: Project, package_mode: str = "preview"):
    """The course read and rendered as a build would, without MkDocs (the `kurs check` command and
    the tests). Raises ContentErrors with every mistake found."""
    from .prepare import prepare

    known = sorted(p.relative_to(project.docs_dir).as_posix() for p in project.docs_dir.rglob("*") if p.is_file())
    files = set(known)

    def url_of(path):
        return site_url(path, project.use_directory_urls) if path in files else None

    return prepare(project.root, project.docs_dir, project.settings, url_of, known, project.use_directory_urls,
                   package_mode, conf={"site_name": project.site_name, "site_url": project.site_url},
                   cache_dir=project.root / ".cache/jinja/sidor")
