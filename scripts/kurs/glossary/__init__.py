"""The glossary feature: the Ordlista page ({{ glossary() }}), and each term's explanation on its
first use on every other page (Markdown abbreviations, shown by Material's tooltips)."""

from __future__ import annotations

import re
from pathlib import Path

from ..model.glossary import Term

# Escape hides a term's explanation (the tooltip that hover, focus or a tap opens): every page.
SCRIPT = "assets/js/course-tooltips.js"
ASSETS = {SCRIPT: Path(__file__).parent / "course-tooltips.js"}


def abbreviations(terms: list[Term]) -> str:
    """Markdown abbreviation definitions (the `abbr` extension) for every form of every term."""
    lines = []
    for term in terms:
        tip = term.definition.replace("]", ")").replace("[", "(")
        lines.extend(f"*[{form}]: {tip}" for form in term.words)
    # A blank line between them: each is then a block of its own. As one block, Python-Markdown
    # tests every block processor against the rest of it once per line (quadratic: ~2 s a build).
    return "\n\n".join(lines)


SWEDISH_ORDER = "abcdefghijklmnopqrstuvwxyzåäö"


def glossary_markdown(terms: list[Term]) -> str:
    """The Ordlista page body: one definition per term, in Swedish alphabetical order."""

    def key(term: Term):
        return [SWEDISH_ORDER.index(c) if c in SWEDISH_ORDER else ord(c) + 100 for c in term.term.lower()]

    parts = [f'<dt id="{term.anchor}">{term.term}</dt>\n<dd>{term.definition}</dd>' for term in sorted(terms, key=key)]
    return '<dl class="course-glossary">\n' + "\n".join(parts) + "\n</dl>"


ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)
HEADING = re.compile(r"<h([1-6])\b.*?</h\1>", re.S)
LINK = re.compile(r"<a\b[^>]*>.*?</a>", re.S)


def first_tooltips_only(html: str) -> str:
    """Keep a glossary tooltip on the first use of each term on a page and never in
    headings or links, so that the text is not underlined all over. A kept term can be
    focused (tabindex), so that Material's tooltip opens by keyboard and by touch too."""
    html = HEADING.sub(lambda m: ABBR.sub(r"\2", m.group(0)), html)
    html = LINK.sub(lambda m: ABBR.sub(r"\2", m.group(0)), html)
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        title = match.group(1)
        if title in seen:
            return match.group(2)
        seen.add(title)
        return f'<abbr title="{title}" tabindex="0">{match.group(2)}</abbr>'

    return ABBR.sub(keep_first, html)


def macros(ctx) -> dict:
    def glossary() -> str:
        """The Ordlista page: every term and its explanation (no explanations in its text)."""
        return glossary_markdown(ctx.course.glossary)

    return {"glossary": glossary}
