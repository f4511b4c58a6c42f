"""The Creating Change demo texts do not contradict the method: CC is past-focused (the pilot
report), so the guidance describes safe, paced work with the past instead of telling the
therapist to keep away from memories."""

import re

import pytest

from traumefokus.content.packs import load_pack
from traumefokus.domain.content import Version
from traumefokus.paths import shipped_dir

PACK = shipped_dir("manuals") / "creating-change"
TEXTS = sorted((PACK / "themes").rglob("*.md"))

# The instructions to avoid memories the rewrite removed (version 1.1.0), and their kin: a
# therapist told not to look for memories, not to ask about them, to stay general, never to
# ask for details, or a client told not to write what happened.
AVOIDING = [
    r"skal ikke lede efter minder",
    r"spørg ikke ind til indholdet af minderne",
    r"hold det på et generelt plan",
    r"ingen grund til at beskrive",
    r"uden at gå i detaljer",
    r"ikke på detaljer(ne)? (om|i) det, der skete",
    r"slet ikke i detaljer",
    r"og ikke med detaljer",
    r"uden detaljer",
    r"spørg aldrig til detaljer",
    r"skal ikke (beskrive|fortælle)",
    r"du skal ikke skrive",
    r"det er ikke meningen at beskrive",
    r"hold det overordnet",
    r"uden at de beskrives",
    r"uden at gå i dybden",
    r"ikke om alle detaljerne",
    r"så stop venligt op",
    r"ikke som en gennemgang af traumerne",
]


def test_the_texts_exist():
    assert len(TEXTS) > 60
    assert {"understand-memory", "deepen-story"} <= {p.parent.name for p in TEXTS}


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_cc_text_tells_the_therapist_to_avoid_memories(text):
    words = " ".join(text.read_text(encoding="utf-8").lower().split())
    found = [pattern for pattern in AVOIDING if re.search(pattern, words)]
    assert found == [], text


@pytest.mark.parametrize("theme", ["understand-memory", "deepen-story"])
def test_the_past_focused_themes_describe_safe_paced_work_with_the_past(theme):
    intro = " ".join((PACK / "themes" / theme / "introduction.md").read_text("utf-8").split())
    for part in (
        "grounding",  # grounding first
        "klienten bestemmer",  # the client sets the pace
        "tolerancevindue",  # stay within the window of tolerance
        "ingen skal presses til detaljer",  # no forced detail
        "slut",  # end in the present
    ):
        assert part in intro.lower(), (theme, part)
    assert "nu" in intro.lower().split("slut", 1)[1]


def test_the_rewritten_pack_is_a_new_version_still_all_demo_content():
    pack = load_pack(PACK)
    assert pack.version >= Version.parse("1.1.0")
    assert pack.demo and not pack.official_titles
    for text in TEXTS:
        first = text.read_text(encoding="utf-8").splitlines()[0]
        assert (
            first
            == "<!-- Demoindhold skrevet til Traumefokus. Ikke fra Creating Change-manualen. -->"
        )
