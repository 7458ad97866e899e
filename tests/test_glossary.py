"""The glossary: terms become tooltips (Markdown abbreviations) and the Ordlista page."""

from __future__ import annotations

import markdown
import pytest
from conftest import ROOT
from course.errors import AuthorError
from course.glossary import abbreviations, glossary_markdown, load_glossary

REQUIRED_TERMS = [
    "betänketid", "människohandel", "människoexploatering", "regionkoordinator", "socialnämnd",
    "förundersökningsledare", "NSPM", "NMT", "LVU", "ÅMP", "IOM", "GRETA", "rättighetspaketet",
]


def test_course_glossary_has_the_terms_the_course_uses():
    terms = {t.term.lower() for t in load_glossary(ROOT / "glossary.yml")}
    for required in REQUIRED_TERMS:
        assert any(required.lower() in term for term in terms), required


def test_abbreviations_turn_every_form_into_a_tooltip(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- term: LVU\n  forms: [LVU]\n  definition: En lag om vård av unga.\n", encoding="utf-8")
    terms = load_glossary(path)
    html = markdown.markdown("Vård enligt LVU.\n\n" + abbreviations(terms), extensions=["abbr"])
    assert '<abbr title="En lag om vård av unga.">LVU</abbr>' in html
    assert '<dt id="lvu">LVU</dt>' in glossary_markdown(terms)


@pytest.mark.parametrize(
    "text,message",
    [
        ("- term: LVU\n", "fältet 'definition' saknas"),
        ("- term: LVU\n  definition: x\n  forms: LVU\n", "'forms' ska vara en lista"),
        ("- term: A\n  definition: x\n- term: B\n  forms: [A]\n  definition: y\n", "ordet 'A' finns redan"),
        ("- term: A\n  definition: x\n  see: B\n", "okänt fält 'see'"),
        ("term: A\n", "ska vara en lista med termer"),
    ],
)
def test_broken_glossary_names_file_and_reason(tmp_path, text, message):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AuthorError) as error:
        load_glossary(path)
    assert str(error.value).startswith("glossary.yml: ")
    assert message in str(error.value)


def test_only_the_first_use_of_a_term_keeps_its_tooltip_and_headings_and_links_have_none():
    from course.pages import first_tooltips_only

    html = (
        '<h2 id="x"><abbr title="Lag">LVU</abbr></h2><p><a href="l"><abbr title="Tid">betänketid</abbr></a> och '
        '<abbr title="Lag">LVU</abbr> och <abbr title="Lag">LVU</abbr> och <abbr title="Tid">betänketid</abbr></p>'
    )
    assert first_tooltips_only(html) == (
        '<h2 id="x">LVU</h2><p><a href="l">betänketid</a> och <abbr title="Lag" tabindex="0">LVU</abbr> och LVU och '
        '<abbr title="Tid" tabindex="0">betänketid</abbr></p>'
    )
