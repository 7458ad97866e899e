"""LIX (läsbarhetsindex) for Swedish prose.

LIX = words per sentence + 100 * (words longer than six letters) / words.
A sentence ends at . : ! or ? followed by white space, and at the end of every
block of text (paragraph, list item, table cell, heading), so that lists are
not counted as one endless sentence.

Only running text counts: paragraphs, list items, definitions and table cells
inside the page's article; code, diagrams and the generated source list do not.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from html.parser import HTMLParser

WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+(?:[-’'][A-Za-zÅÄÖåäöÉéÜü]+)*|\d+(?:[ ,.]\d+)*")
SENTENCE_END = re.compile(r"[.:!?](?:\s|$)")

TEXT_BLOCKS = {"p", "li", "dd", "dt", "td", "th", "h2", "h3", "h4", "figcaption", "summary"}
SKIPPED = {"svg", "code", "pre", "script", "style", "nav", "button", "textarea", "form"}
SKIPPED_CLASSES = {"course-sources", "module-meta", "headerlink", "md-source-file", "lix-skip"}


@dataclass
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def value(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


class _ArticleText(HTMLParser):
    """Collect the text blocks of the first <article> (or the whole document)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self._has_article = False
        self._in_article = 0
        self._current: list[str] = []

    def feed_document(self, html: str) -> list[str]:
        self._has_article = "<article" in html
        self.feed(html)
        self.close()
        self._flush()
        return [b for b in self.blocks if b.strip()]

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self._stack)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "hr", "meta", "link"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in SKIPPED or bool(classes & SKIPPED_CLASSES)
        if tag == "article":
            self._in_article += 1
        if tag in TEXT_BLOCKS:
            self._flush()
        self._stack.append((tag, skipped))

    def handle_endtag(self, tag):
        if tag in TEXT_BLOCKS:
            self._flush()
        if tag == "article":
            self._in_article -= 1
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._has_article and not self._in_article:
            return
        if self._skipping():
            return
        if any(tag in TEXT_BLOCKS for tag, _ in self._stack):
            self._current.append(data)


def text_blocks(html: str) -> list[str]:
    """The running-text blocks of an HTML page, in order."""
    return _ArticleText().feed_document(html)


def lix_of_blocks(blocks: list[str]) -> Lix:
    words = sentences = long_words = 0
    for block in blocks:
        block_words = WORD.findall(block)
        if not block_words:
            continue
        words += len(block_words)
        long_words += sum(1 for w in block_words if sum(c.isalpha() for c in w) > 6)
        inner = SENTENCE_END.findall(block.rstrip(" .:!?"))
        sentences += len(inner) + 1
    return Lix(words, sentences, long_words)


def lix_of_html(html: str) -> Lix:
    return lix_of_blocks(text_blocks(html))


def report(site: Path, module_dir: str, limit: float) -> int:
    """LIX of every page of a built site, modules first; 1 when a module is above `limit`."""
    if not site.is_dir():
        print(f"{site}/ finns inte. Bygg webbplatsen först: mkdocs build", file=sys.stderr)
        return 2
    pages = sorted(
        (p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts),
        key=lambda p: (module_dir not in p.parts, str(p)),
    )
    too_hard = []
    print(f"{'LIX':>5}  {'ord':>5}  {'mening':>6}  sida")
    for page in pages:
        lix = lix_of_html(page.read_text(encoding="utf-8"))
        if not lix.words:
            continue
        rel = page.relative_to(site)
        flag = ""
        if module_dir in rel.parts and lix.value > limit:
            too_hard.append(rel)
            flag = f"  <-- över {limit:g}"
        print(f"{lix.value:5.1f}  {lix.words:5d}  {lix.sentences:6d}  {rel}{flag}")
    if too_hard:
        print(f"\n{len(too_hard)} modulsidor har LIX över {limit:g}.", file=sys.stderr)
        return 1
    return 0
