"""The SCORM 1.2 package: the course for a municipality's learning platform (LMS).

It is the offline package's site (no directory URLs, nothing from the web) at the zip's root,
plus what SCORM 1.2 asks for: `imsmanifest.xml` with one organization and one SCO, the four
1.2 schema files, and a launch page. The launch page (`scorm.html`) talks to the LMS through
the vendored simple-scorm-wrapper (it finds the LMS's `API` the standard way) and shows the
course in a frame; the course's pages are unchanged and never call the LMS themselves. See
`scorm12/course-scorm.js` for what is reported.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from ..locale import script_texts

HERE = Path(__file__).parent / "scorm12"
SCHEMAS = ("adlcp_rootv1p2.xsd", "ims_xml.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd")
LAUNCH_PAGE = "scorm.html"
# Files of the launch page, copied from scorm12/ into the package.
RUNTIME = {
    "assets/scorm/simple-scorm-wrapper.js": HERE / "vendor" / "simple-scorm-wrapper.js",
    "assets/scorm/LICENSE-simple-scorm-wrapper.txt": HERE / "vendor" / "LICENSE-simple-scorm-wrapper.txt",
    "assets/scorm/course-scorm.js": HERE / "course-scorm.js",
    "assets/scorm/launch.css": HERE / "launch.css",
}
SCRIPT_TEXTS = {"assets/scorm/course-scorm.js": "scorm"}  # its texts (locale js:scorm), put in front of it
# For search engines and for debugging the theme's scripts: of no use in a package.
LEFT_OUT = ("sitemap.xml", "sitemap.xml.gz")
LEFT_OUT_SUFFIX = ".map"


def site_files(site_dir: Path) -> list[str]:
    """The built site's files that go into a package (both packages), relative and sorted."""
    return sorted(
        name for name in (p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
        if name not in LEFT_OUT and not name.endswith(LEFT_OUT_SUFFIX)
    )

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def manifest_xml(title: str, course_id: str, files: list[str], mastery: int) -> bytes:
    """imsmanifest.xml: one organization, one SCO launched by scorm.html, every file listed."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    manifest = ET.Element(f"{{{IMSCP}}}manifest", {
        "identifier": f"{course_id}-kurs", "version": "1.0",
        f"{{{XSI}}}schemaLocation": f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd",
    })
    metadata = ET.SubElement(manifest, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(manifest, f"{{{IMSCP}}}organizations", {"default": "kurs"})
    organization = ET.SubElement(organizations, f"{{{IMSCP}}}organization", {"identifier": "kurs"})
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = ET.SubElement(organization, f"{{{IMSCP}}}item",
                         {"identifier": "kursen", "identifierref": "sco-kursen", "isvisible": "true"})
    ET.SubElement(item, f"{{{IMSCP}}}title").text = title
    ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(mastery)
    resources = ET.SubElement(manifest, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": "sco-kursen", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCH_PAGE,
    })
    for name in files:
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": name})
    ET.indent(manifest)
    return ET.tostring(manifest, encoding="utf-8", xml_declaration=True)


def launch_page(title: str, language: str) -> str:
    page = (HERE / "launch.html").read_text(encoding="utf-8")
    return page.replace("{{ title }}", html.escape(title)).replace("{{ lang }}", html.escape(language))


def write_package(site_dir: Path, zip_path: Path, title: str, course_id: str, mastery: int, language: str) -> None:
    """The SCORM zip from a site built without directory URLs (the offline build); `mastery` is
    the final test's pass mark."""
    course_files = site_files(site_dir)
    files = [LAUNCH_PAGE, *RUNTIME, *course_files]
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("imsmanifest.xml", manifest_xml(title, course_id, files, mastery))
        for schema in SCHEMAS:
            archive.write(HERE / "schemas" / schema, schema)
        archive.writestr(LAUNCH_PAGE, launch_page(title, language))
        for name, source in RUNTIME.items():
            if name in SCRIPT_TEXTS:
                archive.writestr(name, script_texts(SCRIPT_TEXTS[name]) + source.read_text(encoding="utf-8"))
            else:
                archive.write(source, name)
        for name in course_files:
            archive.write(site_dir / name, name)
