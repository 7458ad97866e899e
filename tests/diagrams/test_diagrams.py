"""Diagrams are well-formed SVG that name themselves to screen readers and repeat
their content as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kurs import diagrams

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(figure_html: str) -> ET.Element:
    svg = re.search(r"<svg.*?</svg>", figure_html, re.S).group(0)
    return ET.fromstring(svg)


def check_accessible(svg: ET.Element, title: str) -> None:
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}title").text == title
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    assert svg.find(f"{SVG}desc").text.strip()


def test_flow_draws_a_box_per_step_and_lists_the_steps():
    html = diagrams.flow("Så går det till", ["Misstanke", "Ansökan", "Beslut"])
    svg = svg_of(html)
    check_accessible(svg, "Så går det till")
    assert len(svg.findall(f"{SVG}rect")) == 3
    assert len(svg.findall(f"{SVG}path")) == 2  # arrows between boxes
    assert "<li>Ansökan</li>" in html and "<figcaption>Så går det till</figcaption>" in html


def test_bar_chart_scales_bars_and_tabulates_values():
    html = diagrams.bar_chart(
        "Ansökningar", [("2022", [diagrams.Bar("A", 5), diagrams.Bar("B", 15, "not")])], "Antal"
    )
    svg = svg_of(html)
    check_accessible(svg, "Ansökningar")
    widths = [float(r.get("width")) for r in svg.findall(f"{SVG}rect")]
    assert widths[1] == 3 * widths[0]
    assert "<td>15</td><td>not</td>" in html


def test_timeline_keeps_order_and_escapes_text():
    html = diagrams.timeline("Historia", [("2002", "Förslag <SOU>"), ("2022", "Lag")])
    svg = svg_of(html)
    check_accessible(svg, "Historia")
    assert html.index("2002") < html.index("2022")
    assert "&lt;SOU&gt;" in html
