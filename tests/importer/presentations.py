"""Test presentations made with python-pptx (no binary fixtures): one shaped like the seed deck
(26 slides in 6 parts), one with PowerPoint sections and things a page cannot show, and the bad
inputs. Each returns what it put in, for the tests to look for."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

TITLE, CONTENT, SECTION, TITLE_ONLY = 0, 1, 2, 5
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PHONE = "020-39 00 00"
WEB_GUIDE = "https://kunskapsguiden.se/omraden-och-teman/vald-och-fortryck/manniskohandel/"
WEB_NSPM = "https://nspm.jamstalldhetsmyndigheten.se/"
DATE = "1 augusti 2022"
ALT = "Karta över Sverige med regionkoordinatorernas orter"


@dataclass
class Made:
    path: Path
    titles: list[str] = field(default_factory=list)  # every slide's title, in order
    notes: dict[int, str] = field(default_factory=dict)  # slide number -> its notes
    parts: list[str] = field(default_factory=list)  # the modules' titles


def png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def _bullets(frame, items: list[tuple[int, str]]) -> None:
    """(level, text) items into a placeholder's text frame."""
    frame.text = items[0][1]
    frame.paragraphs[0].level = items[0][0]
    for level, text in items[1:]:
        paragraph = frame.add_paragraph()
        paragraph.text, paragraph.level = text, level


def _numbered(frame) -> None:
    for paragraph in frame.paragraphs:
        props = paragraph._p.get_or_add_pPr()
        etree.SubElement(props, f"{{{A}}}buAutoNum", type="arabicPeriod")


class Builder:
    def __init__(self, path: Path):
        self.made = Made(path)
        self.prs = Presentation()
        self.prs.core_properties.author = "Kursteamet"
        self.prs.core_properties.title = "Testpresentation"

    def slide(self, layout: int, title: str, notes: str | None = None):
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        slide.shapes.title.text = title
        self.made.titles.append(title)
        number = len(self.prs.slides)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
            self.made.notes[number] = notes
        return slide

    def part(self, title: str, notes: str):
        self.made.parts.append(title)
        return self.slide(SECTION, title, notes)

    def content(self, title: str, items: list[tuple[int, str]], notes: str):
        slide = self.slide(CONTENT, title, notes)
        _bullets(slide.placeholders[1].text_frame, items)
        return slide

    def save(self) -> Made:
        self.prs.save(self.made.path)
        return self.made


def seed_shaped(path: Path) -> Made:
    """26 slides in 6 parts, like the seed deck: a title slide, three opening slides, six part
    title slides (Section Header) and 16 content slides with notes, two bullet levels, a table,
    a picture with alt text and one without, a chart, a grouped shape, a phone number, two web
    addresses and a date."""
    b = Builder(path)
    first = b.slide(TITLE, "Betänketid vid misstänkt människohandel", "Hälsa välkommen och presentera dig.")
    first.placeholders[1].text = "En viktig del i stöd- och skyddsprocessen"
    to_you = b.content("Till dig som håller i presentationen", [(0, "Gå gärna in på Kunskapsguiden: " + WEB_GUIDE)],
                       "Läs igenom anteckningarna innan du håller presentationen.")
    paragraph = to_you.placeholders[1].text_frame.add_paragraph()
    run = paragraph.add_run()
    run.text = "Nationella samordningen mot prostitution och människohandel"
    run.hyperlink.address = WEB_NSPM
    b.content("Varför är det viktigt att socialtjänsten har kunskap om människohandel?",
              [(0, "Sverige har internationella åtaganden"), (0, "Barn som är offer är mycket sårbara")],
              "Socialtjänsten har en unik möjlighet att upptäcka människohandel. Skriv *inte* {{ så här }} i en sida.")
    contents = b.slide(CONTENT, "Innehåll i presentationen", "Gå igenom de sex delarna.")
    _bullets(contents.placeholders[1].text_frame, [(0, "Vad är människohandel?"), (0, "Att upptäcka"),
                                                    (0, "Betänketid"), (0, "Stöd och skydd"),
                                                    (0, "Stöd för yrkesverksamma"), (0, "Diskutera och agera")])
    _numbered(contents.placeholders[1].text_frame)

    b.part("Vad är människohandel och människoexploatering?", "Den här delen ger en grund.")
    definition = b.content("Vad är människohandel?", [(0, "Ett allvarligt brott"), (1, "Kränker de mänskliga rättigheterna"),
                                                       (1, "Finns i hela världen"), (0, "Sker ofta över gränser")],
                           "Människohandel är ett allvarligt brott.")
    emphasis = definition.placeholders[1].text_frame.add_paragraph()
    bold = emphasis.add_run()
    bold.text, bold.font.bold = "Barn", True
    italic = emphasis.add_run()
    italic.text, italic.font.italic = " behöver inte ha tvingats", True
    forms = b.slide(TITLE_ONLY, "Olika former av människohandel", "Två tredjedelar av offren är kvinnor och flickor.")
    table = forms.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(8), Inches(2)).table
    for row, cells in enumerate([("Form", "Vanligast bland"), ("Sexuell exploatering", "Kvinnor och flickor"),
                                 ("Arbetskraftsexploatering", "Män")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    exploitation = b.slide(TITLE_ONLY, "Människoexploatering", "Exploatering i arbete eller tiggeri.")
    picture = exploitation.shapes.add_picture(io.BytesIO(png("navy")), Inches(1), Inches(2))
    picture._element.nvPicPr.cNvPr.set("descr", ALT)

    b.part("Att upptäcka människohandel och människoexploatering", "Om tecken och riskgrupper.")
    signs = b.slide(TITLE_ONLY, "Tecken att vara uppmärksam på", "Flera tecken tillsammans säger mest.")
    group = signs.shapes.add_group_shape()
    for index, text in enumerate(["Saknar pass", "Verkar kontrollerad", "Försvinner ofta"]):
        box = group.shapes.add_textbox(Inches(1 + 3 * index), Inches(2), Inches(2.5), Inches(1))
        box.text_frame.text = text
    children = b.slide(TITLE_ONLY, "Särskilda riskgrupper – barn", "Ensamkommande barn är en riskgrupp.")
    children.shapes.add_picture(io.BytesIO(png("darkgreen")), Inches(1), Inches(2))

    b.part("Uppehållstillstånd för betänketid", "Om betänketid.")
    b.content("Uppehållstillstånd för betänketid", [(0, "Ett tidsbegränsat uppehållstillstånd"), (1, "Gäller i 30 dagar")],
              "Betänketid ger tid att återhämta sig.")
    b.content("Betänketid – en viktig del i skyddsprocessen", [(0, "Rätt till hälso- och sjukvård")],
              f"Sedan den {DATE} kan socialnämnden ansöka.")
    applications = b.slide(TITLE_ONLY, "Ansökan om betänketid", "Migrationsverket beslutar.")
    data = CategoryChartData()
    data.categories = ["2022", "2023"]
    data.add_series("Ansökningar", (12, 31))
    applications.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data)

    b.part("Stöd och skydd", "Om stöd till vuxna och barn.")
    b.content("Stöd och skydd till vuxna", [(0, "Skyddat boende"), (0, "Ekonomiskt bistånd")], "Behoven varierar.")
    b.content("Stöd och skydd till barn", [(0, "Barnets bästa"), (1, "Utred skyndsamt")], "Barn har ett starkare skydd.")
    b.content("Barnet kan vara i behov av olika sorters stöd", [(0, "God man"), (0, "Skola")], "Tänk brett.")

    b.part("Stöd för yrkesverksamma", "Var du får hjälp.")
    b.content("Råd och stöd i ärenden för yrkesverksamma", [(0, f"Nationell stödtelefon: {PHONE}")],
              f"Numret {PHONE} är öppet på vardagar.")
    b.content("Tips på fördjupning", [(0, "Kunskapsguidens tema om människohandel")], "Tipsa om fördjupning.")
    b.content("Mer kunskap på webben", [(0, "Webbutbildningar"), (0, "Meddelandeblad")], "Visa webbplatserna.")

    b.part("Diskutera och agera", "Avsluta med samtal.")
    b.content("Reflektionsfrågor", [(0, "Hur arbetar din verksamhet mot människohandel?"),
                                    (0, "Vem kontaktar du först?")], "Låt grupperna prata en stund.")
    b.content("Så går ni vidare", [(0, "Gör en handlingsplan")], "Tacka för i dag.")
    made = b.save()
    assert len(made.titles) == 26 and len(made.parts) == 6
    return made


P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
SMARTART = ('<p:graphicFrame xmlns:p="%s" xmlns:a="%s" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<p:nvGraphicFramePr><p:cNvPr id="90" name="Diagram 1"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
            '<p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic>'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
            '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId90" '
            'r:lo="rId91" r:qs="rId92" r:cs="rId93"/></a:graphicData></a:graphic></p:graphicFrame>') % (P, A)


def with_sections(path: Path) -> Made:
    """Three PowerPoint sections (the first holds the title slide) and a video, an embedded object
    and a SmartArt graphic, none of which a page can show."""
    b = Builder(path)
    b.slide(TITLE, "Brandskydd på jobbet", "Välkommen.")
    b.made.parts = ["Första delen", "Andra delen"]
    video = b.content("Så släcker du en brand", [(0, "Larma, rädda, släck")], "Visa filmen.")
    video.shapes.add_movie(io.BytesIO(b"\x00" * 64), Inches(1), Inches(3), Inches(3), Inches(2),
                           poster_frame_image=io.BytesIO(png("grey")), mime_type="video/mp4")
    embedded = b.content("Utrymningsplan", [(0, "Hitta närmaste utgång")], "Planen finns i bilagan.")
    embedded.shapes.add_ole_object(io.BytesIO(b"\x00" * 64), "Excel.Sheet.12", Inches(1), Inches(3))
    diagram = b.content("Vem gör vad", [(0, "Alla har ett ansvar")], "Gå igenom rollerna.")
    diagram.shapes._spTree.append(etree.fromstring(SMARTART))
    ids = [slide.slide_id for slide in b.prs.slides]
    sections = etree.Element(f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    for name, members in (("Inledning", ids[:1]), ("Första delen", ids[1:3]), ("Andra delen", ids[3:])):
        section = etree.SubElement(sections, f"{{{P14}}}section", name=name, id="{%s}" % name)
        listed = etree.SubElement(section, f"{{{P14}}}sldIdLst")
        for slide_id in members:
            etree.SubElement(listed, f"{{{P14}}}sldId", id=str(slide_id))
    root = b.prs.part._element
    ext_list = root.find(f"{{{P}}}extLst")
    if ext_list is None:
        ext_list = etree.SubElement(root, f"{{{P}}}extLst")
    ext = etree.SubElement(ext_list, f"{{{P}}}ext", uri=SECTIONS_EXT)
    ext.append(sections)
    return b.save()


def empty(path: Path) -> Path:
    Presentation().save(path)
    return path


def truncated(path: Path, whole: Path) -> Path:
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def old_binary(path: Path) -> Path:
    """What PowerPoint 97–2003 saves: a compound file (its signature, then its directory entries)."""
    name = "PowerPoint Document".encode("utf-16-le")
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + name + bytes(1024))
    return path


def password_protected(path: Path, whole: Path) -> Path:
    """The presentation saved with a password, as PowerPoint does it (msoffcrypto-tool)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with whole.open("rb") as plain, path.open("wb") as locked:
        OOXMLFile(plain).encrypt("hemligt", locked)
    return path


def not_a_presentation(path: Path) -> Path:
    path.write_text("Det här är en textfil.\n", encoding="utf-8")
    return path


def word_document(path: Path) -> Path:
    """A zip file that is no presentation (a Word document, say)."""
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", "<w:document/>")
    return path
