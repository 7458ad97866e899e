"""The facts file: loads, validates each fact, and names the key an author got wrong."""

from __future__ import annotations

import textwrap

import pytest
from conftest import ROOT
from course.errors import AuthorError
from course.facts import load_facts

GOOD = """
sources:
  deck: {title: Bildspel, publisher: Myndigheten, kind: Presentation, year: "2023"}
facts:
  support_line:
    phone: {value: "020-39 00 00", source: deck, checked: 2026-11-22}
"""


def write(tmp_path, text):
    path = tmp_path / "facts.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_course_facts_file_is_valid_and_every_fact_has_source_and_date():
    facts = load_facts(ROOT / "facts.yml")
    assert len(facts.facts) > 30
    for fact in facts.facts.values():
        assert fact.source.key in facts.sources
        assert fact.checked.year >= 2025


def test_dotted_key_returns_value_and_source(tmp_path):
    facts = load_facts(write(tmp_path, GOOD))
    fact = facts.get("support_line.phone")
    assert fact.value == "020-39 00 00"
    assert fact.source.title == "Bildspel"


def test_unknown_key_names_the_key_and_suggests_a_close_one(tmp_path):
    facts = load_facts(write(tmp_path, GOOD))
    with pytest.raises(AuthorError) as error:
        facts.get("support_line.phon")
    assert "okänd faktanyckel 'support_line.phon'" in str(error.value)
    assert "support_line.phone" in str(error.value)


@pytest.mark.parametrize(
    "broken,message",
    [
        (GOOD.replace("source: deck", "source: book"), "okänd källa 'book'"),
        (GOOD.replace(", checked: 2026-11-22", ""), "saknar fältet 'checked'"),
        (GOOD.replace("checked: 2026-11-22", "checked: igår"), "'checked' ska vara ett datum"),
        (GOOD.replace("checked: 2026-11-22", "checked: 2026-11-22, colour: red"), "okänt fält 'colour'"),
        (GOOD.replace('value: "020-39 00 00"', 'value: ""'), "saknar värde"),
        (GOOD.replace("facts:", "fakta:"), "'sources' och 'facts'"),
        (GOOD.replace("phone: {", "phone: {{"), "felaktig YAML (rad"),
    ],
)
def test_broken_facts_file_is_reported_with_file_and_reason(tmp_path, broken, message):
    with pytest.raises(AuthorError) as error:
        load_facts(write(tmp_path, broken))
    assert str(error.value).startswith("facts.yml: ")
    assert message in str(error.value)
