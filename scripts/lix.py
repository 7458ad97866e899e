"""Report LIX (läsbarhetsindex) for every page of the built site.

Usage:
    python scripts/lix.py [SITE_DIR] [--max 40]

Builds nothing: run `mkdocs build` first (SITE_DIR defaults to site/).
Prints one line per page, the module pages first, and exits 1 when a module
page is above the limit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from course.lix import lix_of_html  # noqa: E402

MODULE_DIR = "moduler"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", default="site")
    parser.add_argument("--max", type=float, default=40.0, help="highest allowed LIX for a module page")
    args = parser.parse_args(argv)

    site = Path(args.site_dir)
    if not site.is_dir():
        print(f"{site}/ finns inte. Bygg webbplatsen först: mkdocs build", file=sys.stderr)
        return 2

    pages = sorted(
        (p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts),
        key=lambda p: (MODULE_DIR not in p.parts, str(p)),
    )
    too_hard = []
    print(f"{'LIX':>5}  {'ord':>5}  {'mening':>6}  sida")
    for page in pages:
        lix = lix_of_html(page.read_text(encoding="utf-8"))
        if not lix.words:
            continue
        rel = page.relative_to(site)
        is_module = MODULE_DIR in rel.parts
        flag = ""
        if is_module and lix.value > args.max:
            too_hard.append(rel)
            flag = f"  <-- över {args.max:g}"
        print(f"{lix.value:5.1f}  {lix.words:5d}  {lix.sentences:6d}  {rel}{flag}")
    if too_hard:
        print(f"\n{len(too_hard)} modulsidor har LIX över {args.max:g}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
