"""The glossary: terms become tooltips (Markdown abbreviations) and the Ordlista page."""

from __future__ import annotations

import markdown
from conftest import course_content
from kurs.glossary import abbreviations, first_tooltips_only, glossary_markdown
from kurs.model.glossary import Glossary

REQUIRED_TERMS = [
    "betänketid", "människohandel", "människoexploatering", "regionkoordinator", "socialnämnd",
    "förundersökningsledare", "NSPM", "NMT", "LVU", "ÅMP", "IOM", "GRETA", "rättighetspaketet",
]


def test_course_glossary_has_the_terms_the_course_uses():
    terms = {t.term.lower() for t in course_content().glossary}
    for required in REQUIRED_TERMS:
        assert any(required.lower() in term for term in terms), required


def test_abbreviations_turn_every_form_into_a_tooltip():
    terms = Glossary.model_validate([{"term": "LVU", "forms": ["LVU"], "definition": "En lag om vård av unga."}]).root
    html = markdown.markdown("Vård enligt LVU.\n\n" + abbreviations(terms), extensions=["abbr"])
    assert '<abbr title="En lag om vård av unga.">LVU</abbr>' in html
    assert '<dt id="lvu">LVU</dt>' in glossary_markdown(terms)


def test_only_the_first_use_of_a_term_keeps_its_tooltip_and_headings_and_links_have_none():
    html = (
        '<h2 id="x"><abbr title="Lag">LVU</abbr></h2><p><a href="l"><abbr title="Tid">betänketid</abbr></a> och '
        '<abbr title="Lag">LVU</abbr> och <abbr title="Lag">LVU</abbr> och <abbr title="Tid">betänketid</abbr></p>'
    )
    assert first_tooltips_only(html) == (
        '<h2 id="x">LVU</h2><p><a href="l">betänketid</a> och <abbr title="Lag" tabindex="0">LVU</abbr> och LVU och '
        '<abbr title="Tid" tabindex="0">betänketid</abbr></p>'
    )
