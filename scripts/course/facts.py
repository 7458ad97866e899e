"""The facts file: every fact that recurs or may change, with its source and check date.

`load_facts(path)` validates the whole file and returns a `Facts` object; pages,
slides and fact sheets read values through `Facts.get("group.key")`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import AuthorError
from .yamlfile import load_yaml

FACT_FIELDS = {"value", "source", "checked", "label"}
REQUIRED_FACT_FIELDS = {"value", "source", "checked"}
SOURCE_FIELDS = {"title", "publisher", "year", "kind", "url"}
REQUIRED_SOURCE_FIELDS = {"title", "publisher", "kind"}


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    kind: str
    year: str = ""
    url: str = ""

    def citation(self) -> str:
        """One line in Swedish: publisher, title, kind and year."""
        year = f", {self.year}" if self.year else ""
        return f"{self.publisher}: {self.title}. {self.kind}{year}."


@dataclass(frozen=True)
class Fact:
    key: str
    value: Any
    source: Source
    checked: dt.date
    label: str = ""


@dataclass
class Facts:
    file: str
    facts: dict[str, Fact]
    sources: dict[str, Source]
    used: set[str] = field(default_factory=set)

    def get(self, key: str) -> Fact:
        """The fact at a dotted key; an AuthorError naming the key when there is none."""
        try:
            fact = self.facts[key]
        except KeyError:
            raise AuthorError(self.file, unknown_key_message("faktanyckel", key, self.facts)) from None
        self.used.add(key)
        return fact

    def source(self, key: str) -> Source:
        try:
            return self.sources[key]
        except KeyError:
            raise AuthorError(self.file, unknown_key_message("källa", key, self.sources)) from None

    def last_checked(self) -> dt.date:
        return max(f.checked for f in self.facts.values())


def unknown_key_message(what: str, key: str, known, unknown: str = "okänd") -> str:
    """ "okänd källa 'x'. Menade du: y?" (pass unknown="okänt" for ett-words)."""
    close = difflib.get_close_matches(str(key), list(known), n=3, cutoff=0.6)
    hint = f" Menade du: {', '.join(close)}?" if close else ""
    return f"{unknown} {what} '{key}'.{hint}"


def load_facts(path: Path) -> Facts:
    name = path.name
    data = load_yaml(path, name)
    if not isinstance(data, dict) or set(data) != {"sources", "facts"}:
        raise AuthorError(name, "filen ska ha exakt två delar på översta nivån: 'sources' och 'facts'")
    sources = _load_sources(name, data["sources"])
    facts: dict[str, Fact] = {}
    _collect_facts(name, data["facts"], "", sources, facts)
    if not facts:
        raise AuthorError(name, "'facts' innehåller inga fakta")
    return Facts(name, facts, sources)


def _load_sources(name: str, raw) -> dict[str, Source]:
    if not isinstance(raw, dict) or not raw:
        raise AuthorError(name, "'sources' ska vara en lista med namngivna källor")
    sources = {}
    for key, entry in raw.items():
        where = f"källan '{key}'"
        if not isinstance(entry, dict):
            raise AuthorError(name, f"{where} ska ha fälten {', '.join(sorted(REQUIRED_SOURCE_FIELDS))}")
        _check_fields(name, where, entry, SOURCE_FIELDS, REQUIRED_SOURCE_FIELDS)
        sources[key] = Source(key=key, **{k: str(v) for k, v in entry.items()})
    return sources


def _collect_facts(name: str, node, prefix: str, sources, out: dict[str, Fact]) -> None:
    if not isinstance(node, dict):
        raise AuthorError(name, f"'{prefix or 'facts'}' ska vara en grupp av fakta eller ett faktum med 'value'")
    if "value" in node:
        _check_fields(name, f"faktumet '{prefix}'", node, FACT_FIELDS, REQUIRED_FACT_FIELDS)
        if node["source"] not in sources:
            raise AuthorError(name, f"faktumet '{prefix}': {unknown_key_message('källa', node['source'], sources)}")
        checked = node["checked"]
        if not isinstance(checked, dt.date):
            raise AuthorError(name, f"faktumet '{prefix}': 'checked' ska vara ett datum som 2026-11-22, inte '{checked}'")
        if node["value"] is None or node["value"] == "":
            raise AuthorError(name, f"faktumet '{prefix}' saknar värde")
        out[prefix] = Fact(prefix, node["value"], sources[node["source"]], checked, str(node.get("label", "")))
        return
    for key, child in node.items():
        _collect_facts(name, child, f"{prefix}.{key}" if prefix else str(key), sources, out)


def _check_fields(name: str, where: str, entry: dict, allowed: set[str], required: set[str]) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise AuthorError(name, f"{where} har okänt fält '{unknown[0]}' (tillåtna: {', '.join(sorted(allowed))})")
    missing = sorted(required - set(entry))
    if missing:
        raise AuthorError(name, f"{where} saknar fältet '{missing[0]}'")
