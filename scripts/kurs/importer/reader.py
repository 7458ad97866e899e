"""Reading a PowerPoint file (.pptx, python-pptx) into plain data: the deck's title and sections,
and per slide its title, text (bullet levels, bold, italic, links), tables, pictures (with their
alt text), notes, and the things that cannot be carried over (charts, SmartArt, groups, video,
embedded objects) with whatever text or numbers they hold.

Bad input (not a PowerPoint, an old .ppt, a password-protected, truncated or empty file) is an
AuthorError naming the file; nothing here writes anything.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER

from ..model.errors import AuthorError

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
GRAPHIC = "http://schemas.openxmlformats.org/"
GRAPHIC_KINDS = {GRAPHIC + "drawingml/2006/table": "table", GRAPHIC + "drawingml/2006/chart": "chart",
                 GRAPHIC + "drawingml/2006/diagram": "smartart", GRAPHIC + "presentationml/2006/ole": "ole"}
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")  # an old binary Office file, or an encrypted new one
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected .pptx keeps its slides in
# Placeholders that repeat on every slide and carry no content of their own.
FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.HEADER}
BODIES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}  # placeholders whose paragraphs are bullets by default
FILE_NAME = re.compile(r"[^\s/\\]+\.[A-Za-z]{3,4}")  # "image.png": what some tools put where alt text belongs
WEB_IMAGES = {"png", "jpg", "jpeg", "gif", "svg", "webp"}


def q(name: str) -> str:
    """'a:p' -> '{namespace}p'."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass
class Paragraph:
    runs: list[Run]
    level: int = 0
    kind: str = "text"  # "text", "bullet" or "number"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Table:
    rows: list[list[list[Paragraph]]]  # rows of cells of paragraphs


@dataclass
class Picture:
    blob: bytes
    ext: str
    alt: str

    @property
    def shown_on_the_web(self) -> bool:
        return self.ext in WEB_IMAGES


@dataclass
class Unconverted:
    """Something a page cannot show: kind is chart, smartart, group, video, audio, ole or unknown.
    `texts` and `table` keep what it says, so that nothing is lost."""

    kind: str
    texts: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)


Block = Paragraph | Table | Picture | Unconverted


@dataclass
class Slide:
    number: int  # 1-based, as PowerPoint counts
    slide_id: int
    title: str
    layout: str  # the layout's type: "title", "secHead", "obj" …
    centered_title: bool  # a title slide's title, whatever the layout
    blocks: list[Block]
    notes: list[Paragraph]
    shapes_without_text: int = 0  # lines, arrows and boxes with nothing to read

    @property
    def is_title_slide(self) -> bool:
        return self.layout == "title" or self.centered_title

    @property
    def is_part_title(self) -> bool:
        return self.layout == "secHead"


@dataclass
class Deck:
    file: str  # the file's name, as messages give it
    title: str
    author: str
    year: str
    slides: list[Slide]
    sections: list[tuple[str, list[int]]] | None  # (name, slide numbers), or None without sections


def read_deck(path: Path) -> Deck:
    """The presentation at path, read; an AuthorError naming the file when it cannot be used."""
    name = str(path)
    if not path.is_file():
        raise AuthorError(name, "filen finns inte" if not path.exists() else "det är en mapp, inte en presentation")
    _check_kind(path, name)
    from pptx import Presentation

    broken = ("filen är trasig: en del av den går inte att läsa. Öppna den i PowerPoint och spara den igen, "
              "eller kopiera den på nytt")
    try:
        presentation = Presentation(str(path))
    except (zipfile.BadZipFile, zlib.error, EOFError, etree.XMLSyntaxError):
        raise AuthorError(name, broken) from None
    except (ValueError, KeyError) as error:
        if "slideshow" in str(error) or "template" in str(error):
            raise AuthorError(name, "det är ett bildspel (.ppsx) eller en mall (.potx): öppna den i PowerPoint och "
                                    "spara den som presentation (.pptx)") from None
        raise AuthorError(name, broken) from None
    if len(presentation.slides) == 0:
        raise AuthorError(name, "presentationen har inga bilder")
    try:
        slides = [_slide(slide, number) for number, slide in enumerate(presentation.slides, start=1)]
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile, zlib.error):
        raise AuthorError(name, broken) from None
    props = presentation.core_properties
    first = slides[0]
    title = (first.title if first.is_title_slide and first.title else "") or (props.title or "").strip() or path.stem
    year = str(props.created.year) if props.created else ""
    return Deck(path.name, title, (props.author or "").strip(), year, slides, _sections(presentation, slides))


def _check_kind(path: Path, name: str) -> None:
    """Tell an old .ppt, a password-protected file and a file that is no presentation apart."""
    with path.open("rb") as file:
        head = file.read(8)
    if head == OLE_MAGIC:
        if ENCRYPTED in path.read_bytes():
            raise AuthorError(name, "presentationen är skyddad med lösenord: öppna den i PowerPoint, ta bort "
                                    "lösenordet (Arkiv > Info > Skydda presentation) och spara den igen")
        raise AuthorError(name, "det är det gamla formatet för PowerPoint (.ppt): öppna filen i PowerPoint och "
                                "spara som .pptx (Arkiv > Spara som > PowerPoint-presentation)")
    if not head.startswith(b"PK"):
        raise AuthorError(name, "det är ingen PowerPoint-presentation (.pptx): välj en fil som PowerPoint har sparat")
    if not zipfile.is_zipfile(path):
        raise AuthorError(name, "filen är ofullständig: den tar slut för tidigt (kanske inte helt nedladdad eller "
                                "kopierad). Kopiera den på nytt, eller öppna den i PowerPoint och spara den igen")
    with zipfile.ZipFile(path) as archive:
        if "ppt/presentation.xml" not in archive.namelist():
            raise AuthorError(name, "det är ingen PowerPoint-presentation (.pptx): filen är ett annat slags "
                                    "dokument, till exempel från Word eller Excel")


def _sections(presentation, slides: list[Slide]) -> list[tuple[str, list[int]]] | None:
    """PowerPoint's sections (p14:sectionLst in presentation.xml; python-pptx has no API for them)."""
    found = presentation.part._element.findall(".//" + q("p14:sectionLst") + "/" + q("p14:section"))
    if not found:
        return None
    number_of = {slide.slide_id: slide.number for slide in slides}
    sections = []
    for section in found:
        ids = [int(s.get("id")) for s in section.iter(q("p14:sldId"))]
        sections.append((section.get("name", "").strip(), [number_of[i] for i in ids if i in number_of]))
    return sections


def _slide(slide, number: int) -> Slide:
    layout = slide.slide_layout._element.get("type", "")
    title_shape = slide.shapes.title
    title = " ".join(_plain(p).strip() for p in title_shape.text_frame.paragraphs).strip() if title_shape else ""
    centered = title_shape is not None and title_shape.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
    blocks: list[Block] = []
    empty = 0
    shapes = {shape._element: shape for shape in slide.shapes}
    for element in slide.shapes._spTree.iterchildren():
        shape = shapes.get(element)
        if title_shape is not None and element is title_shape._element:
            continue
        found = _shape_blocks(element, shape, slide)
        if found is None:
            empty += 1
        else:
            blocks += found
    notes = []
    if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        notes = [p for p in (_paragraph(p, placeholder_bullets=False) for p in slide.notes_slide.notes_text_frame.paragraphs)
                 if p.text.strip()]
    return Slide(number, slide.slide_id, title, layout, centered, blocks, notes, empty)


def _shape_blocks(element, shape, slide) -> list[Block] | None:
    """What one shape holds: [] for nothing worth carrying (empty placeholders, footers), None for
    a shape without text (a line, a box), else its blocks."""
    tag = etree.QName(element).localname
    if tag in ("nvGrpSpPr", "grpSpPr", "extLst"):
        return []
    if tag == "cxnSp":
        return None
    if tag == "grpSp":
        return [Unconverted("group", _texts(element))]
    if tag in ("AlternateContent", "contentPart") or shape is None:
        return [Unconverted("unknown", _texts(element))]
    if tag == "pic":
        media = element.find("p:nvPicPr/p:nvPr", NS)
        if media is not None and media.find("a:videoFile", NS) is not None:
            return [Unconverted("video")]
        if media is not None and media.find("a:audioFile", NS) is not None:
            return [Unconverted("audio")]
        alt = " ".join(element.find("p:nvPicPr/p:cNvPr", NS).get("descr", "").split())
        return [Picture(shape.image.blob, shape.image.ext.lower(), "" if FILE_NAME.fullmatch(alt) else alt)]
    if tag == "graphicFrame":
        data = element.find("a:graphic/a:graphicData", NS)
        kind = GRAPHIC_KINDS.get(data.get("uri", "") if data is not None else "", "unknown")
        if kind == "table":
            return [Table([[[_paragraph(p) for p in cell.text_frame.paragraphs] for cell in row.cells]
                           for row in shape.table.rows])]
        if kind == "chart":
            return [Unconverted("chart", [], _chart_table(shape))]
        if kind == "smartart":
            return [Unconverted("smartart", _smartart_texts(data, slide))]
        return [Unconverted(kind, _texts(element))]
    # p:sp: a placeholder or a shape with text
    if shape.is_placeholder and shape.placeholder_format.type in FURNITURE:
        return []
    if not shape.has_text_frame or not shape.text_frame.text.strip():
        return [] if shape.is_placeholder else None
    bullets = shape.is_placeholder and shape.placeholder_format.type in BODIES
    return [p for p in (_paragraph(p, bullets, shape, slide) for p in shape.text_frame.paragraphs) if p.text.strip()]


def _texts(element) -> list[str]:
    """Each paragraph's text inside an element (a group, an embedded object's caption …)."""
    found = ("".join(etree.tostring(t, method="text", encoding="unicode") for t in p.iter(q("a:t")))
             for p in element.iter(q("a:p")))
    return [text for text in (" ".join(f.split()) for f in found) if text]


def _smartart_texts(data, slide) -> list[str]:
    ids = data.find("dgm:relIds", NS)
    if ids is None:
        return []
    try:
        part = slide.part.related_part(ids.get(q("r:dm")))
        return _texts(etree.fromstring(part.blob))
    except (KeyError, etree.XMLSyntaxError):
        return []


def _chart_table(shape) -> list[list[str]]:
    """A chart's numbers as rows: a head of series names, then one row per category."""
    try:
        plot = shape.chart.plots[0]
        series = list(plot.series)
        head = [""] + [s.name or "" for s in series]
        rows = [[str(category)] + [_number(s.values[i]) for s in series] for i, category in enumerate(plot.categories)]
        return [head] + rows if rows else []
    except (IndexError, KeyError, ValueError, AttributeError, TypeError):
        return []


def _number(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")


def _plain(paragraph) -> str:
    return "".join(run.text for run in _runs(paragraph))


def _runs(paragraph) -> list[Run]:
    """The paragraph's runs; a line break inside it is a space (none after a hyphen: "EU-" + "medborgare")."""
    from pptx.text.text import _Run

    runs: list[Run] = []
    for child in paragraph._p.iterchildren():
        tag = etree.QName(child).localname
        if tag == "r":
            run = _Run(child, paragraph)
            link = run.hyperlink.address if child.find("a:rPr/a:hlinkClick", NS) is not None else None
            runs.append(Run(run.text.replace("\v", " "), run.font.bold is True, run.font.italic is True, link))
        elif tag == "br":
            if runs and not runs[-1].text.rstrip().endswith("-"):
                runs.append(Run(" "))
        elif tag == "fld":
            runs.append(Run("".join(etree.tostring(t, method="text", encoding="unicode") for t in child.iter(q("a:t")))))
    return runs


def _paragraph(paragraph, placeholder_bullets: bool = False, shape=None, slide=None) -> Paragraph:
    kind = _bullet_kind(paragraph, placeholder_bullets, shape, slide)
    return Paragraph(_runs(paragraph), paragraph.level, kind)


def _bullet_kind(paragraph, placeholder_bullets: bool, shape, slide) -> str:
    """Whether the paragraph is a bullet, a numbered item or text, as PowerPoint decides: the
    paragraph's own setting, else its shape's list style, else the layout's and the master's."""
    level = f"a:lvl{paragraph.level + 1}pPr"
    candidates = [paragraph._p.find("a:pPr", NS)]
    if shape is not None:
        candidates.append(shape._element.find(f"p:txBody/a:lstStyle/{level}", NS))
        if shape.is_placeholder:
            for inherited in _inherited_placeholders(shape, slide):
                candidates.append(inherited.find(f"p:txBody/a:lstStyle/{level}", NS))
            if placeholder_bullets:
                master = slide.slide_layout.slide_master._element
                candidates.append(master.find(f"p:txStyles/p:bodyStyle/{level}", NS))
    for props in candidates:
        if props is None:
            continue
        if props.find("a:buNone", NS) is not None:
            return "text"
        if props.find("a:buAutoNum", NS) is not None:
            return "number"
        if props.find("a:buChar", NS) is not None or props.find("a:buBlip", NS) is not None:
            return "bullet"
    return "text"


def _inherited_placeholders(shape, slide) -> list:
    """The layout's and the master's placeholder that this one inherits from (same idx, else same type)."""
    found = []
    ph = shape._element.ph
    layout = slide.slide_layout
    for owner in (layout, layout.slide_master):
        for candidate in owner.placeholders:
            other = candidate._element.ph
            if (owner is layout and other.idx == ph.idx) or (owner is not layout and other.type == ph.type):
                found.append(candidate._element)
                break
    return found
