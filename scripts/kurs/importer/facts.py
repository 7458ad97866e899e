"""Facts found in a presentation's text: phone numbers, web addresses and dates. Each becomes a
proposed entry in facts.yml (with the presentation as its source and the import date as
`checked`), and the text calls the macro for it instead: {{ phone("phone.number_1") }},
{{ link("web.example") }}, {{ fact("date.date_1") }}."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model.glossary import slug

MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
FOUND = re.compile(
    r"(?P<url>\bhttps?://[^\s<>\"]+|\bwww\.[a-z0-9-]+\.[^\s<>\"]+)"
    r"|(?P<date>\b(?:19|20)\d\d-[01]\d-[0-3]\d\b|\b[0-3]?\d (?:" + MONTHS + r") (?:19|20)\d\d\b)"
    r"|(?P<phone>(?<![\w+])(?:\+46[ -]?|0)\d{1,3}(?:[ -]?\d{1,4}){1,4}(?![\w-]))",
    re.IGNORECASE,
)
TRAILING = ".,;:!?)]»”'\""
SOURCE = "presentation"  # the source key the proposed facts cite


@dataclass
class Proposed:
    key: str
    value: str
    kind: str  # "phone", "url" or "date"
    slides: set[int] = field(default_factory=set)

    @property
    def group(self) -> str:
        return self.key.split(".")[0]


class FactFinder:
    """Finds facts in texts, gives each value one key, and remembers the slides it was on."""

    def __init__(self):
        self.found: dict[tuple[str, str], Proposed] = {}

    def split(self, text: str, slide: int) -> list[tuple[str, str]]:
        """The text as ("text", …) and ("macro", "{{ … }}") pieces."""
        pieces: list[tuple[str, str]] = []
        at = 0
        for match in FOUND.finditer(text):
            kind = match.lastgroup
            value = match.group(kind)
            if kind == "url":
                value = value.rstrip(TRAILING)
            elif kind == "phone" and not 8 <= sum(c.isdigit() for c in value) <= 12:
                continue
            elif kind == "date" and not _real_date(value):
                continue
            end = match.start() + len(value)
            pieces.append(("text", text[at:match.start()]))
            pieces.append(("macro", self.macro(kind, value, slide)))
            at = end
        pieces.append(("text", text[at:]))
        return [piece for piece in pieces if piece[1]]

    def macro(self, kind: str, value: str, slide: int, text_only: bool = False) -> str:
        entry = self.propose(kind, value, slide)
        name = "fact"
        if not text_only and kind == "url":
            name = "link"
        elif not text_only and kind == "phone" and value.lstrip().startswith("0"):
            name = "phone"
        return f'{{{{ {name}("{entry.key}") }}}}'

    def url_macro(self, url: str, slide: int) -> str:
        """A link's target, for a link whose text is not the address: [text]({{ fact("web.x") }})."""
        return self.macro("url", url, slide, text_only=True)

    def propose(self, kind: str, value: str, slide: int) -> Proposed:
        if kind == "url" and value.lower().startswith("www."):
            value = "https://" + value
        same = (kind, re.sub(r"\D", "", value) if kind == "phone" else value)
        if same not in self.found:
            self.found[same] = Proposed(self._key(kind, value), value, kind)
        self.found[same].slides.add(slide)
        return self.found[same]

    def _key(self, kind: str, value: str) -> str:
        taken = {p.key for p in self.found.values()}
        if kind == "url":
            host = urlsplit(value).hostname or "adress"
            labels = [part for part in host.split(".") if part != "www"][:-1] or ["adress"]
            base = "web." + slug("_".join(labels)).replace("-", "_")[:40].strip("_")
        else:
            base = {"phone": "phone.number", "date": "date.date"}[kind]
        if kind == "url" and base not in taken:
            return base
        number = 1 if kind != "url" else 2
        while f"{base}_{number}" in taken:
            number += 1
        return f"{base}_{number}"

    @property
    def proposed(self) -> list[Proposed]:
        return list(self.found.values())


def _real_date(text: str) -> bool:
    if "-" not in text:
        return True
    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


def facts_yaml(proposed: list[Proposed], checked: dt.date) -> str:
    """The proposed facts as lines to add under `facts:` in facts.yml, grouped, each with the slides
    it was found on."""
    lines = []
    for group in dict.fromkeys(p.group for p in proposed):
        lines.append(f"  {group}:")
        for entry in (p for p in proposed if p.group == group):
            slides = ", ".join(str(n) for n in sorted(entry.slides))
            lines.append(f"    {entry.key.split('.', 1)[1]}: {{value: {json.dumps(entry.value, ensure_ascii=False)}, "
                         f"source: {SOURCE}, checked: {checked.isoformat()}}}  # bild {slides}")
    return "\n".join(lines) + "\n" if lines else ""


def source_yaml(title: str, publisher: str, year: str) -> str:
    """The presentation as a source under `sources:` in facts.yml."""
    lines = [f"  {SOURCE}:", f"    title: {json.dumps(title, ensure_ascii=False)}",
             f"    publisher: {json.dumps(publisher, ensure_ascii=False)}", "    kind: Presentation"]
    if year:
        lines.append(f'    year: "{year}"')
    return "\n".join(lines) + "\n"
