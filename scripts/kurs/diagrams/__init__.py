"""Diagrams drawn at build time as inline SVG: a flow of steps, a horizontal bar chart
and a timeline. Each comes as a <figure> with a caption, an SVG that screen readers
announce by its title and description, and the same content as text beneath it.

Colours come from CSS classes (see theme/course.css), so the figures follow
the light and dark colour schemes and load nothing.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

from pathlib import Path

from ..locale import t
from ..model.glossary import slug

# The diagrams' style sheet, on the pages that have one (marked by their figure's class).
STYLE = {"assets/css/diagrams.css": ("diagram-figure",)}
ASSETS = {"assets/css/diagrams.css": Path(__file__).parent / "diagrams.css"}

WIDTH = 640
LINE = 20  # line height in px for 15px text


def _lines(text: str, chars: int) -> list[str]:
    return textwrap.wrap(text, chars) or [""]


def _text(x: float, y: float, lines: list[str], cls: str, anchor: str = "start") -> str:
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else LINE}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text class="{cls}" x="{x}" y="{y}" text-anchor="{anchor}">{spans}</text>'


def _figure(kind: str, title: str, summary: str, height: float, body: str, text_version: str) -> str:
    ident = f"fig-{slug(title)}"
    svg = (
        f'<svg class="diagram diagram-{kind}" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(summary)}</desc>'
        f"{body}</svg>"
    )
    return (
        f'<figure class="diagram-figure" id="{ident}">\n{svg}\n'
        f"<figcaption>{escape(title)}</figcaption>\n"
        f'<details class="diagram-text"><summary>{t("diagrams.as_text")}</summary>\n{text_version}\n</details>\n'
        f"</figure>"
    )


def flow(title: str, steps: list[str], summary: str = "") -> str:
    """Boxes from top to bottom joined by arrows: the path of a process."""
    box_x, box_w, pad, gap = 40, WIDTH - 80, 14, 34
    y, parts = 10.0, []
    for number, step in enumerate(steps, start=1):
        lines = _lines(f"{number}. {step}", 62)
        box_h = pad * 2 + LINE * len(lines) - 4
        parts.append(f'<rect class="box" x="{box_x}" y="{y:.0f}" width="{box_w}" height="{box_h:.0f}" rx="8"/>')
        parts.append(_text(box_x + 18, y + pad + 14, lines, "label"))
        y += box_h
        if number < len(steps):
            mid = WIDTH / 2
            parts.append(
                f'<path class="arrow" d="M{mid} {y + 4:.0f} V{y + gap - 8:.0f} M{mid - 7} {y + gap - 15:.0f} '
                f'L{mid} {y + gap - 6:.0f} L{mid + 7} {y + gap - 15:.0f}"/>'
            )
            y += gap
    items = "\n".join(f"<li>{escape(step)}</li>" for step in steps)
    summary = summary or " → ".join(steps)
    return _figure("flow", title, summary, y + 10, "".join(parts), f"<ol>\n{items}\n</ol>")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str = ""


def bar_chart(title: str, groups: list[tuple[str, list[Bar]]], unit: str, summary: str = "") -> str:
    """Horizontal bars in labelled groups; every bar carries its value as text."""
    label_w, right = 250, 60
    scale_w = WIDTH - label_w - right
    top = max((b.value for _, bars in groups for b in bars), default=1) or 1
    y, parts, rows = 6.0, [], []
    for group_title, bars in groups:
        parts.append(_text(0, y + 16, [group_title], "group"))
        y += 30
        for bar in bars:
            width = max(2.0, scale_w * bar.value / top)
            parts.append(_text(label_w - 12, y + 18, [bar.label], "label", "end"))
            parts.append(f'<rect class="bar" x="{label_w}" y="{y + 3:.0f}" width="{width:.1f}" height="22" rx="3"/>')
            parts.append(_text(label_w + width + 8, y + 19, [_number(bar.value)], "value"))
            rows.append(
                f"<tr><td>{escape(group_title)}</td><td>{escape(bar.label)}</td>"
                f"<td>{_number(bar.value)}</td><td>{escape(bar.note)}</td></tr>"
            )
            y += 32
        y += 10
    table = (
        f"<table>\n<thead><tr><th>{t('diagrams.group')}</th><th>{t('diagrams.what')}</th><th>{escape(unit)}</th>"
        f"<th>{t('diagrams.comment')}</th></tr></thead>\n"
        f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )
    summary = summary or "; ".join(f"{g}: " + ", ".join(f"{b.label} {_number(b.value)}" for b in bars) for g, bars in groups)
    return _figure("bars", title, summary, y, "".join(parts), table)


def timeline(title: str, events: list[tuple[str, str]], summary: str = "") -> str:
    """Dated events on a vertical line, oldest first."""
    line_x, text_x = 110, 136
    y, parts = 14.0, []
    tops = []
    for when, what in events:
        lines = _lines(what, 58)
        tops.append(y)
        parts.append(_text(line_x - 22, y + 5, [str(when)], "year", "end"))
        parts.append(f'<circle class="dot" cx="{line_x}" cy="{y:.0f}" r="8"/>')
        parts.append(_text(text_x, y + 5, lines, "label"))
        y += LINE * len(lines) + 26
    line = f'<path class="line" d="M{line_x} {tops[0]:.0f} V{tops[-1]:.0f}"/>' if tops else ""
    items = "\n".join(f"<li><strong>{escape(str(when))}</strong>: {escape(what)}</li>" for when, what in events)
    summary = summary or "; ".join(f"{when}: {what}" for when, what in events)
    return _figure("timeline", title, summary, y - 6, line + "".join(parts), f"<ul>\n{items}\n</ul>")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def macros(ctx) -> dict:
    def flow_macro(title: str, steps: list, summary: str = "") -> str:
        """A process as boxes and arrows: {{ flow("Rubrik", ["steg 1", "steg 2"]) }}."""
        return flow(title, [str(s) for s in steps], summary)

    def timeline_macro(title: str, events: list, summary: str = "") -> str:
        """Dated events: {{ timeline("Rubrik", [("2002", "händelse")]) }}."""
        return timeline(title, [(str(w), str(e)) for w, e in events], summary)

    return {"flow": flow_macro, "timeline": timeline_macro}
