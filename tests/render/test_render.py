"""The pages' macro calls (kurs/render/renderer.py), tested as a plain function: calls filled in,
compiled pages kept, every mistake recorded with its line in the file."""

from __future__ import annotations

from kurs.render.renderer import MacroError, PageRenderer


def fact(key):
    if key != "dagar":
        raise MacroError(f"okänd faktanyckel '{key}'")
    return 30


def renderer(tmp_path):
    return PageRenderer({"fact": fact}, tmp_path / "cache")


def test_a_page_gets_its_calls_filled_in_and_the_compiled_page_is_kept(tmp_path):
    text = 'Betänketiden gäller i {{ fact("dagar") }} dagar.\n'
    assert renderer(tmp_path).render(text, "a.md") == ("Betänketiden gäller i 30 dagar.", [])
    assert list((tmp_path / "cache").iterdir())  # the next build loads it instead of compiling
    assert renderer(tmp_path).render(text, "a.md") == ("Betänketiden gäller i 30 dagar.", [])


def test_a_page_without_calls_is_left_as_it_is(tmp_path):
    text = "Ingen makro här.\n\n"
    rendered, errors = renderer(tmp_path).render(text, "a.md")
    assert rendered is text and errors == []


def test_every_mistake_is_recorded_with_its_line_in_the_file(tmp_path):
    body = "# A\n\n{{ fact('dagar' }}\n"  # the page's text after its front matter, which ends on line 4
    _, errors = renderer(tmp_path).render(body, "docs/a.md", first_line=5)
    assert [str(e) for e in errors] == ["docs/a.md:7: fel i makroanrop: unexpected '}', expected ')'"]
    body = "# B\n\n{{ fact('dagar') }} och {{ fact('timmar') }}\n\n{{ fact('veckor') }}\n"
    rendered, errors = renderer(tmp_path).render(body, "docs/b.md", first_line=3)
    assert [str(e) for e in errors] == ["docs/b.md:5: fact(): okänd faktanyckel 'timmar'",
                                        "docs/b.md:7: fact(): okänd faktanyckel 'veckor'"]
    assert "30 och **[FEL: fact]**" in rendered
    _, errors = renderer(tmp_path).render("{{ okänd }}", "docs/c.md")
    assert [str(e) for e in errors] == ["docs/c.md:1: fel i makroanrop: 'okänd' is undefined"]
