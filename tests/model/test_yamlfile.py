"""The one strict reader for every content file: encodings, YAML's quiet surprises, lines."""

from __future__ import annotations

import pytest
from kurs.model.errors import AuthorError
from kurs.model.yamlfile import parse_yaml, read_text, split_page


def error_of(text: str) -> AuthorError:
    with pytest.raises(AuthorError) as raised:
        parse_yaml(text, "f.yml")
    return raised.value


def test_words_stay_words_and_numbers_do_not_turn_into_something_else():
    data = parse_yaml("a: yes\nb: no\nc: on\nd: 0701\ne: 2026-11-22\nf: true\ng: 12\nh: 1.5\ni: 1:20\n", "f.yml").data
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "0701", "e": "2026-11-22", "f": True, "g": 12, "h": 1.5,
                    "i": "1:20"}


def test_a_key_written_twice_is_an_error_on_the_second_line():
    error = error_of("title: A\nquestions:\n  - question: x\n    answers: []\n    question: y\n")
    assert (error.file, error.line) == ("f.yml", 5)
    assert "'question' står två gånger (första gången på rad 3)" in error.message


def test_yaml_errors_point_at_the_line_to_fix():
    assert error_of('a: 1\nb: "open\nc: 3\nd: 4\n').line == 2
    assert error_of("a: 1\nb: [1, 2\nc: 3\n").line == 2
    assert "kolon" in error_of("a: b: c\n").message
    assert error_of("a:\n\t- x\n").line == 2


def test_every_value_keeps_its_line():
    document = parse_yaml("title: T\nquestions:\n  - question: Q\n    answers:\n      - right: R\n", "f.yml")
    assert document.line(("questions", 0, "answers", 0, "right")) == 5
    assert document.line(("questions", 0, "explanation")) == 3  # missing: where the question starts


def test_text_files_must_be_utf8_a_bom_and_windows_line_ends_are_fine(tmp_path):
    path = tmp_path / "a.yml"
    path.write_bytes(b"\xef\xbb\xbfa: \xc3\xa5\r\nb: 2\r\n")
    assert read_text(path, "a.yml") == "a: å\nb: 2\n"
    path.write_bytes("a: 1\nb: två\n".encode("cp1252"))
    with pytest.raises(AuthorError) as raised:
        read_text(path, "a.yml")
    assert raised.value.line == 2 and "spara filen som UTF-8" in raised.value.message
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(AuthorError) as raised:
        read_text(path, "a.yml")
    assert "ingen textfil" in raised.value.message


def test_front_matter_lines_are_the_page_lines():
    page = split_page("---\ntitle: T\nmodule: 2\n---\n\n# T\n\nText\n", "docs/a.md")
    assert page.meta.data == {"title": "T", "module": 2}
    assert page.meta.line(("module",)) == 3
    assert page.body_line == 5 and page.body.startswith("\n# T")
    with pytest.raises(AuthorError) as raised:
        split_page("---\ntitle: T\nmodule: [2\n---\n# T\n", "docs/a.md")
    assert raised.value.line == 3
    with pytest.raises(AuthorError) as raised:
        split_page("---\ntitle: T\n# T\n", "docs/a.md")
    assert "avslutas aldrig" in raised.value.message
