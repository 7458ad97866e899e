"""The course model: every kind of content file read through pydantic, with Swedish messages that
name the file, the line and the field, and every mistake collected (not only the first)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from kurs.config import settings
from kurs.model.course import load_course
from kurs.model.errors import ContentErrors, Problems

FACTS = """\
sources:
  deck: {title: Bildspel, publisher: Myndigheten, kind: Presentation, year: "2023"}
facts:
  support_line:
    phone: {value: "020-39 00 00", source: deck, checked: 2026-11-22}
    name: {value: Stödtelefonen, source: deck, checked: 2026-11-20}
"""
GLOSSARY = """\
- term: Modul
  forms: [modul, modulen]
  definition: En del av kursen.
"""
MODULE = """\
---
title: Första modulen
module: 1
minutes: 10
summary: Om början.
sources: [deck]
---

# Första modulen

Text.

## Reflektionsfrågor

1. Vad tar du med dig?
2. Vad
   vill du veta mer om?
"""
QUIZ = """\
title: Testa dig
pass_mark: 80
questions:
  - question: En kvinna på en nagelsalong pratar aldrig själv. Vad gör du?
    answers:
      - right: Ringer stödtelefonen för råd.
      - wrong: Väntar tills hon ber om hjälp.
    explanation: Rätt svar är att ringa stödtelefonen.
"""
CASE = """\
title: Kvinnan på hotellet
form: Tvång
modules: [1]
story: Du arbetar på jouren.
questions:
  - question: Vilka tecken ser du?
    comment: Det som gruppen bör se.
"""
SHEET = """\
---
title: Blad
summary: Kort.
max_pages: 1
modules: [1]
sources: [deck]
---

# Blad
"""
DECK = """\
---
title: Modul 1
module: 1
quiz: modul-1
sources: [deck]
---

# Modul 1

Note:
Hälsa.

---

## Två

Text
"""


def course_files(root: Path, **replace: str) -> Path:
    files = {"facts.yml": FACTS, "glossary.yml": GLOSSARY, "docs/moduler/1-forsta.md": MODULE,
             "quizzes/modul-1.yml": QUIZ, "cases/1-hotellet.yml": CASE, "docs/faktablad/blad.md": SHEET,
             "slides/modul-1.md": DECK, "docs/index.md": "# Start\n"}
    files.update({name.replace("__", "/").replace("_dot_", "."): text for name, text in replace.items()})
    for name, text in files.items():
        if text is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def load(root: Path):
    return load_course(root, root / "docs", settings({"id": "test"}))


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load(root)
    return raised.value.problems.lines()


def test_a_good_course_is_read_with_its_cross_references(tmp_path):
    course = load(course_files(tmp_path))
    assert course.facts.get("support_line.phone").value == "020-39 00 00"
    assert course.facts.last_checked().isoformat() == "2026-11-22"
    assert [m.title for m in course.modules] == ["Första modulen"]
    assert course.modules[0].reflections == ("Vad tar du med dig?", "Vad vill du veta mer om?")
    bank = course.quizzes["modul-1"]
    assert (bank.key, bank.file, bank.pass_mark) == ("modul-1", "quizzes/modul-1.yml", 80)
    assert [a.is_right for a in bank.questions[0].answers] == [True, False]
    assert course.cases[0].questions[0].comment == "Det som gruppen bör se."
    assert course.factsheets[0].pdf_path == "faktablad/blad.pdf"
    deck = course.decks["modul-1"]
    assert (deck.module, deck.quiz, [s.line for s in deck.slides]) == (1, "modul-1", [8, 15])
    assert course.glossary[0].words == ("modul", "modulen")


QUESTION = "quizzes/modul-1.yml"


@pytest.mark.parametrize("files,expected", [
    ({"quizzes__modul-1_dot_yml": QUIZ.replace("    explanation: Rätt svar är att ringa stödtelefonen.\n", "")},
     f"{QUESTION}:4: fråga 1: fältet 'explanation' saknas"),
    ({"quizzes__modul-1_dot_yml": QUIZ + "    tips: Tänk efter.\n"}, f"{QUESTION}:9: fråga 1: okänt fält 'tips' (tillåtna: answers, explanation, hint, question)"),
    ({"quizzes__modul-1_dot_yml": QUIZ.replace("- right:", "- wrong:")}, f"{QUESTION}:4: fråga 1: inget svar är markerat som rätt"),
    ({"quizzes__modul-1_dot_yml": QUIZ.replace("Väntar tills hon ber om hjälp.", "Ringer stödtelefonen för råd.")},
     "svarsalternativet 'Ringer stödtelefonen för råd.' finns två gånger"),
    ({"quizzes__modul-1_dot_yml": QUIZ.replace("      - wrong: Väntar tills hon ber om hjälp.\n", "")}, f"{QUESTION}:5: fråga 1, 'answers': ska ha minst 2 (nu 1)"),
    ({"quizzes__modul-1_dot_yml": QUIZ.replace("- wrong:", "- fel:")}, f"{QUESTION}:7: fråga 1, svar 2: okänt fält 'fel' (tillåtna: right, wrong)"),
    ({"quizzes__modul-1_dot_yml": QUIZ.replace("pass_mark: 80", "pass_mark: 180")}, f"{QUESTION}:2: 'pass_mark': får vara högst 100"),
    ({"facts_dot_yml": FACTS.replace("source: deck, checked: 2026-11-22", "source: book, checked: 2026-11-22")},
     "facts.yml:5: faktumet 'support_line.phone', 'source': okänd källa 'book'"),
    ({"facts_dot_yml": FACTS.replace(", checked: 2026-11-22", "")}, "facts.yml:5: faktumet 'support_line.phone': fältet 'checked' saknas"),
    ({"facts_dot_yml": FACTS.replace("checked: 2026-11-22", "checked: igår")}, "'checked': ska vara ett datum som finns, skrivet 2026-11-22, inte 'igår'"),
    ({"facts_dot_yml": FACTS.replace('value: "020-39 00 00"', 'value: ""')}, "facts.yml:5: faktumet 'support_line.phone', 'value': faktumet saknar värde"),
    ({"facts_dot_yml": FACTS.replace("checked: 2026-11-22", "checked: 2026-11-22, colour: red")},
     "okänt fält 'colour' (tillåtna: checked, label, review, source, value)"),
    ({"facts_dot_yml": FACTS.replace("checked: 2026-11-22", "checked: 2026-11-22, review: 0")},
     "facts.yml:5: faktumet 'support_line.phone', 'review': ska vara minst 1"),
    ({"docs__index_dot_md": "---\nbook: {bok: {}}\n---\n# Start\n"}, "docs/index.md:2: 'book', 'bok': ska vara 'kursbok' eller 'handbok', inte 'bok'"),
    ({"docs__index_dot_md": "---\nbook:\n  kursbok:\n    sections: [Varför?]\n---\n# Start\n\n## Vem?\n"},
     "docs/index.md:4: 'book', 'kursbok', 'sections': avsnittet 'Varför?' finns inte på sidan (rubrikerna på nivå 2 är: Vem?)"),
    ({"glossary_dot_yml": GLOSSARY + "- term: Moduler\n  forms: [modul]\n  definition: Flera.\n"},
     "glossary.yml:1: term 2 ('Moduler'): ordet 'modul' finns redan under 'Modul'"),
    ({"docs__moduler__1-forsta_dot_md": MODULE.replace("minutes: 10", "minuter: 10")},
     "docs/moduler/1-forsta.md:4: okänt fält 'minuter' (tillåtna: description, minutes, module, sources, summary, title)"),
    ({"docs__moduler__1-forsta_dot_md": MODULE.replace("sources: [deck]", "sources: [boken]")},
     "docs/moduler/1-forsta.md:6: 'sources': okänd källa 'boken'."),
    ({"docs__moduler__1-forsta_dot_md": MODULE.replace("1. Vad tar", "- Vad tar").replace("2. Vad", "- Vad")},
     "docs/moduler/1-forsta.md:13: under rubriken 'Reflektionsfrågor' ska frågorna stå i en numrerad lista"),
    ({"docs__faktablad__blad_dot_md": SHEET.replace("modules: [1]", "modules: [7]")}, "docs/faktablad/blad.md:5: 'modules': okänd modul '7'"),
    ({"docs__faktablad__blad_dot_md": SHEET.replace("max_pages: 1", "max_pages: 0")}, "docs/faktablad/blad.md:4: 'max_pages': ska vara minst 1"),
    ({"slides__modul-1_dot_md": DECK.replace("quiz: modul-1", "quiz: modul-11")}, "slides/modul-1.md:4: 'quiz': okänt quiz 'modul-11'"),
    ({"slides__modul-1_dot_md": DECK.replace("module: 1", "module: 2")}, "slides/modul-1.md:3: 'module': okänd modul '2'"),
    ({"slides__alla_dot_md": "---\ntitle: Alla\ndecks: [modul-1, modul-9]\n---\n"}, "slides/alla.md:3: okänt bildspel 'modul-9'"),
    ({"slides__tom_dot_md": "---\ntitle: Tom\n---\n"}, "slides/tom.md:4: bildspelet har inga bilder"),
    ({"slides__modul-1_dot_md": DECK.replace("quiz: modul-1", "quiz: modul-1\ncountdown: 2")},
     "slides/modul-1.md:5: 'countdown': ska vara minst 5"),
    ({"slides__extra_dot_md": "---\ntitle: Extra\ncountdown: 60\n---\n\n# A\n"},
     "slides/extra.md:3: 'countdown' är nedräkningen på frågebilderna: bildspelet behöver 'quiz'"),
    ({"slides__modul-1_dot_md": DECK.replace("quiz: modul-1", "quiz: modul-1\ncases: true"), "cases__1-hotellet_dot_yml": None},
     "slides/modul-1.md:5: 'cases: true', men mappen cases/ har inga fall"),
    ({"slides__modul-1_dot_md": DECK.replace("quiz: modul-1", "quiz: modul-1\nqr_code: ja")},
     "slides/modul-1.md:5: 'qr_code': ska vara true eller false"),
    ({"cases__1-hotellet_dot_yml": CASE.replace("    comment: Det som gruppen bör se.\n", "")},
     "cases/1-hotellet.yml:6: fråga 1: fältet 'comment' saknas"),
    ({"cases__1-hotellet_dot_yml": CASE.replace("modules: [1]", "modules: [1, 4]")}, "cases/1-hotellet.yml:3: 'modules': okänd modul '4'"),
])
def test_a_mistake_names_file_line_and_field(tmp_path, files, expected):
    found = problems_of(course_files(tmp_path, **files))
    assert any(expected in line for line in found), "\n".join(found)


def test_every_mistake_is_reported_not_only_the_first(tmp_path):
    root = course_files(tmp_path, quizzes__modul__1_dot_yml=None,
                        **{"quizzes__modul-1_dot_yml": QUIZ.replace("pass_mark: 80", "pass_mark: yes"),
                           "cases__1-hotellet_dot_yml": CASE.replace("form:", "fomr:"),
                           "docs__faktablad__blad_dot_md": SHEET.replace("summary:", "sammanfattning:")})
    found = problems_of(root)
    assert len(found) == 5, found  # pass_mark; fomr unknown + form missing; summary missing + unknown
    assert {line.split(":")[0] for line in found} == {"quizzes/modul-1.yml", "cases/1-hotellet.yml", "docs/faktablad/blad.md"}


def test_problems_can_be_collected_without_raising(tmp_path):
    problems = Problems()
    load_course(course_files(tmp_path, **{"glossary_dot_yml": "- term: A\n"}), tmp_path / "docs",
                settings({"id": "test"}), problems)
    assert problems.lines() == ["glossary.yml:1: term 1: fältet 'definition' saknas"]
