"""The one helper through which every test reads a PDF or a printed page (conftest.reader_text)."""

from __future__ import annotations

from conftest import reader_text


def test_ligatures_from_a_pdf_read_as_their_letters():
    # What pypdf gives back from Chromium's PDF with the DejaVu fonts of a fresh Debian machine
    printed = "Reﬂektionsfrågor för ﬂickan: ﬁnns det ﬀ?"
    assert reader_text(printed) == "Reflektionsfrågor för flickan: finns det ff?"
    assert "flickan" in reader_text(printed) and "flickan" not in printed


def test_line_breaks_hyphenation_and_soft_hyphens_read_as_running_text():
    assert reader_text("Bladet är för dig som ar\u2010\nbetar i\u00a0social\u00adtjänsten.\n\n  Sida 1 av 2 ") == \
        "Bladet är för dig som arbetar i socialtjänsten. Sida 1 av 2"
    assert reader_text("stöd- och\nskyddsprocessen") == "stöd- och skyddsprocessen"  # a hyphen that is text stays
    assert reader_text("En EU-\nmedborgare har uppehållsrätt.") == "En EU-medborgare har uppehållsrätt."  # a line ends in its hyphen
