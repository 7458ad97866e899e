"""The `kurs` command: start a course, check it, build its packages.

    kurs new MAPP          en ny, liten kurs som går att bygga direkt
    kurs import FIL MAPP   en ny kurs av en PowerPoint-presentation (.pptx)
    kurs check             kontrollera hela kursen utan att bygga den
    kurs packages [MAPP]   bygg paketen (utan internet, SCORM 1.2)
    kurs lix [WEBBPLATS]   läsbarhetsindex för varje sida i en byggd webbplats
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .model.errors import AuthorError, ContentErrors


class SwedishParser(argparse.ArgumentParser):
    """argparse with its own words in Swedish."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def format_help(self):
        text = super().format_help()
        for english, swedish in (("usage:", "Användning:"), ("positional arguments:", "Argument:"),
                                 ("options:", "Val:"), ("optional arguments:", "Val:")):
            text = text.replace(english, swedish)
        return text

    def error(self, message):
        self.print_usage(sys.stderr)
        for english, swedish in (("the following arguments are required", "de här argumenten behövs"),
                                 ("invalid choice", "okänt val"), ("unrecognized arguments", "okända argument"),
                                 ("argument", "argumentet"), ("choose from", "välj bland")):
            message = message.replace(english, swedish)
        self.exit(2, f"{self.prog}: fel: {message}\n")


def parser() -> argparse.ArgumentParser:
    main = SwedishParser(prog="kurs", description="Kursgeneratorn: gör en kurs av Markdown och YAML, "
                                                  "eller av en presentation, och kontrollera den.")
    commands = main.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=SwedishParser,
                                   title="Kommandon")
    new = commands.add_parser("new", help="skapa en ny, liten kurs att bygga vidare på",
                              description="Skapar en ny kurs i MAPP: startsida, en modul, ett quiz, ett bildspel, "
                                          "ett faktablad, fakta, ordlista och mkdocs.yml.")
    new.add_argument("folder", metavar="MAPP", help="mappen att skapa (får inte finnas, eller vara tom)")
    new.add_argument("--titel", default="Min kurs", help="kursens titel (standard: Min kurs)")
    imported = commands.add_parser(
        "import", help="gör en ny kurs av en PowerPoint-presentation (.pptx)",
        description="Gör en kurs av presentationen: varje avsnitt (eller avsnittsrubrik) blir en modul, varje bild "
                    "ett avsnitt på modulsidan och en bild i modulens bildspel. IMPORT.md i kursen säger vad varje "
                    "bild blev och vad du behöver göra för hand.")
    imported.add_argument("presentation", metavar="PRESENTATION.pptx", help="presentationen att göra en kurs av")
    imported.add_argument("folder", metavar="MAPP", help="mappen att skapa (får inte finnas, eller vara tom)")
    imported.add_argument("--dry-run", action="store_true",
                          help="skriv bara ut rapporten (IMPORT.md), utan att skapa något")
    check = commands.add_parser("check", help="kontrollera hela kursen utan att bygga den",
                                description="Läser alla kursens filer och skriver ut varje fel som fil:rad: meddelande.")
    check.add_argument("--kurs", default=".", metavar="MAPP", help="kursens mapp (standard: den du står i)")
    packages = commands.add_parser("packages", help="bygg paketen: för användning utan internet och SCORM 1.2",
                                   description="Bygger kursens paket och lägger dem i MAPP.")
    packages.add_argument("out", nargs="?", default=".", metavar="MAPP", help="vart paketen ska (standard: här)")
    packages.add_argument("--kurs", default=".", metavar="MAPP", help="kursens mapp (standard: den du står i)")
    lix = commands.add_parser("lix", help="läsbarhetsindex (LIX) för varje sida i en byggd webbplats",
                              description="Skriver LIX för varje sida, modulerna först, och avslutas med kod 1 "
                                          "om en modul är över gränsen.")
    lix.add_argument("site", nargs="?", default="site", metavar="WEBBPLATS", help="den byggda webbplatsen (standard: site)")
    lix.add_argument("--max", type=float, default=40.0, help="högsta tillåtna LIX för en modul (standard: 40)")
    lix.add_argument("--kurs", default=".", metavar="MAPP", help="kursens mapp (standard: den du står i)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return 2
    try:
        return {"new": new, "import": import_, "check": check, "packages": packages, "lix": lix}[args.command](args)
    except ContentErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    except AuthorError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 1


def check(args) -> int:
    """Read and render the whole course as a build would, without MkDocs; print every mistake."""
    from . import locale
    from .project import load_project, prepare_project

    started = time.perf_counter()
    project = load_project(Path(args.kurs))
    locale.use(project.settings.language)
    site = prepare_project(project)
    course = site.course
    counted = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in (
        (len(course.modules), "modul", "moduler"), (len(course.quizzes), "quiz", "quizzar"),
        (len(course.decks), "bildspel", "bildspel"), (len(course.factsheets), "faktablad", "faktablad"),
        (len(course.facts.facts), "faktum", "fakta")))
    print(f"Inga fel i kursen ({counted}) – kontrollerad på {time.perf_counter() - started:.2f} s.")
    return 0


def packages(args) -> int:
    import datetime
    import logging
    import shutil

    from mkdocs.config import load_config

    from .plugin import KursPlugin
    from .render.macros import swedish_date

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    config = load_config(str(Path(args.kurs) / "mkdocs.yml"))
    plugin = next(p for p in config.plugins.values() if isinstance(p, KursPlugin))
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)
    plugin.on_pre_build(config=config)
    from .packages import offline

    built = offline.packages_for_site(plugin._packages(), swedish_date(datetime.date.today()))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, package in built.items():
        shutil.copyfile(package.path, out / name)
        print(f"{out / name} ({offline.size_text(package.size)})")
    return 0


def lix(args) -> int:
    from .lix import report
    from .project import load_project

    project = load_project(Path(args.kurs))
    return report(Path(args.site), project.settings.modules, args.max)


def new(args) -> int:
    from .scaffold import create

    folder = create(Path(args.folder), args.titel)
    print(f"Kursen finns i {folder}. Gå dit och kör: bash scripts/serve.sh")
    return 0


def import_(args) -> int:
    from .importer import import_presentation

    started = time.perf_counter()
    result = import_presentation(Path(args.presentation), Path(args.folder), dry_run=args.dry_run)
    if args.dry_run:
        print(result.report, end="")
        return 0
    plan, problems = result.written.plan, len(result.written.report.problems)
    print(f"Klart på {time.perf_counter() - started:.1f} s! Kursen finns i {result.folder}: "
          f"{len(plan.parts)} {'modul' if len(plan.parts) == 1 else 'moduler'} av "
          f"{len(result.written.report.rows)} bilder, {len(result.written.report.facts)} föreslagna fakta.")
    if problems:
        print(f"{problems} {'sak' if problems == 1 else 'saker'} behöver en hand: se {result.folder / 'IMPORT.md'}.")
    print(f"Läs {result.folder / 'IMPORT.md'}, gå sedan dit och kör: bash scripts/serve.sh")
    return 0


if __name__ == "__main__":
    sys.exit(main())
