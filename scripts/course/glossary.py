"""The glossary: terms with a plain definition, shown on the Ordlista page and as
tooltips (Markdown abbreviations) wherever a term's forms appear in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthorError
from .yamlfile import load_yaml

TERM_FIELDS = {"term", "forms", "definition"}


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    forms: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return slug(self.term)


def slug(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "a", "Ä": "a", "Ö": "o"})
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-")


def load_glossary(path: Path) -> list[Term]:
    name = path.name
    data = load_yaml(path, name)
    if not isinstance(data, list) or not data:
        raise AuthorError(name, "filen ska vara en lista med termer (- term: …, definition: …)")
    terms, seen_forms = [], {}
    for number, entry in enumerate(data, start=1):
        where = f"term {number}"
        if not isinstance(entry, dict):
            raise AuthorError(name, f"{where} ska ha fälten term, definition och eventuellt forms")
        unknown = sorted(set(entry) - TERM_FIELDS)
        if unknown:
            raise AuthorError(name, f"{where}: okänt fält '{unknown[0]}' (tillåtna: {', '.join(sorted(TERM_FIELDS))})")
        for required in ("term", "definition"):
            if not str(entry.get(required) or "").strip():
                raise AuthorError(name, f"{where}: fältet '{required}' saknas eller är tomt")
        term = str(entry["term"]).strip()
        definition = " ".join(str(entry["definition"]).split())
        forms = entry.get("forms") or [term]
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise AuthorError(name, f"{where} ('{term}'): 'forms' ska vara en lista med ord")
        for form in forms:
            if form in seen_forms:
                raise AuthorError(name, f"{where} ('{term}'): ordet '{form}' finns redan under '{seen_forms[form]}'")
            seen_forms[form] = term
        terms.append(Term(term, definition, tuple(f.strip() for f in forms)))
    return terms


def abbreviations(terms: list[Term]) -> str:
    """Markdown abbreviation definitions (the `abbr` extension) for every form of every term."""
    lines = []
    for term in terms:
        tip = term.definition.replace("]", ")").replace("[", "(")
        lines.extend(f"*[{form}]: {tip}" for form in term.forms)
    # A blank line between them: each is then a block of its own. As one block, Python-Markdown
    # tests every block processor against the rest of it once per line (quadratic: ~2 s a build).
    return "\n\n".join(lines)


def glossary_markdown(terms: list[Term]) -> str:
    """The Ordlista page body: one definition per term, in Swedish alphabetical order."""
    order = "abcdefghijklmnopqrstuvwxyzåäö"

    def key(term: Term):
        return [order.index(c) if c in order else ord(c) + 100 for c in term.term.lower()]

    parts = []
    for term in sorted(terms, key=key):
        parts.append(f'<dt id="{term.anchor}">{term.term}</dt>\n<dd>{term.definition}</dd>')
    return '<dl class="course-glossary">\n' + "\n".join(parts) + "\n</dl>"
