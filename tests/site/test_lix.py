"""LIX: the formula, and every module page of the built site at 40 or below."""

from __future__ import annotations

import pytest
from conftest import module_paths
from kurs.lix import lix_of_html, text_blocks


def test_lix_counts_words_sentences_and_long_words():
    # 7 words, 2 sentences, 2 words longer than six letters
    lix = lix_of_html("<article><p>Hon ringer stödtelefonen. Då får hon information.</p></article>")
    assert (lix.words, lix.sentences, lix.long_words) == (7, 2, 2)
    assert round(lix.value, 1) == round(7 / 2 + 100 * 2 / 7, 1)


def test_each_list_item_is_a_sentence_and_code_and_sources_are_skipped():
    html = (
        "<article><ul><li>Kort punkt</li><li>En till</li></ul><pre><code>x = 1</code></pre>"
        '<div class="course-sources"><p>Socialstyrelsen och Jämställdhetsmyndigheten.</p></div></article>'
    )
    assert text_blocks(html) == ["Kort punkt", "En till"]
    assert lix_of_html(html).sentences == 2


@pytest.mark.parametrize("path", module_paths())
def test_module_prose_is_plain_swedish(site_dir, path):
    lix = lix_of_html((site_dir / path / "index.html").read_text(encoding="utf-8"))
    assert lix.words > 400, f"{path} has only {lix.words} words of prose"
    assert lix.value <= 40, f"{path}: LIX {lix.value:.1f}"
