"""The packs and programmes that ship: valid, complete where offered, and all demo content."""

import shutil
import tomllib

import pytest

from cli_runner import run
from traumefokus.content.library import ContentLibrary
from traumefokus.content.packs import load_pack
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.paths import shipped_dir

MANUALS = shipped_dir("manuals")
PROGRAMMES = shipped_dir("resources") / "programmes"

SS_TOPICS = [
    "Introduction/Case Management",
    "Safety",
    "PTSD: Taking Back Your Power",
    "Detaching from Emotional Pain (Grounding)",
    "When Substances Control You",
    "Asking for Help",
    "Taking Good Care of Yourself",
    "Compassion",
    "Red and Green Flags",
    "Honesty",
    "Recovery Thinking",
    "Integrating the Split Self",
    "Commitment",
    "Creating Meaning",
    "Community Resources",
    "Setting Boundaries in Relationships",
    "Discovery",
    "Getting Others to Support Your Recovery",
    "Coping with Triggers",
    "Respecting Your Time",
    "Healthy Relationships",
    "Self-Nurturing",
    "Healing from Anger",
    "Life Choices",
    "Termination",
]
CC_TOPICS = [
    "Honor Your Survival",
    "Break the Silence",
    "Understand Memory",
    "Identify Influences",
    "Knowing and Not Knowing",
    "Balance Dark and Light",
    "What You Want People to Understand",
    "Emotions and Healing",
    "Relationship Patterns",
    "Power Dynamics",
    "Why Addiction?",
    "Listen to Your Body",
    "Deepen Your Story",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    return ContentLibrary(MANUALS, PROGRAMMES, data / "packs", data / "programmes")


@pytest.mark.parametrize(
    ("pack_id", "method", "topics"),
    [("seeking-safety", "SS", SS_TOPICS), ("creating-change", "CC", CC_TOPICS)],
)
def test_the_packs_carry_the_official_english_titles(library, pack_id, method, topics):
    pack = library.pack(pack_id)
    assert pack.method == method and pack.language == "da"
    assert [t.title_en for t in pack.themes] == topics
    assert pack.demo and not pack.official_titles


@pytest.mark.parametrize(
    ("programme_id", "pack_id"), [("move-ss", "seeking-safety"), ("move-cc", "creating-change")]
)
def test_the_programmes_follow_the_move_layout(library, programme_id, pack_id):
    programme = library.programme(programme_id)
    assert programme.pack_id == pack_id
    kinds = [s.kind for s in programme.slots]
    assert kinds == [
        SessionKind.ASSESSMENT,
        *[SessionKind.MOVE] * 2,
        *[SessionKind.TRAUMA] * 6,
        *[SessionKind.MOVE] * 4,
    ]
    assert [s.number for s in programme.slots] == list(range(13))
    assert programme.follow_up_months == (1, 6)
    assert len(programme.offered_themes) == 12 and programme.themes_to_choose == 6
    pack = library.pack(pack_id)
    assert all(pack.theme(t).complete for t in programme.offered_themes)
    trauma = {p.id: p for p in programme.agenda[SessionKind.TRAUMA]}
    assert trauma["check_in"].max_minutes == 5
    assert (trauma["theme"].min_minutes, trauma["theme"].max_minutes) == (30, 40)
    assert programme.lengths[SessionKind.TRAUMA] == (60, 60)
    assert (
        programme.gift_card_every,
        programme.gift_card_amount_dkk,
        programme.gift_card_count,
    ) == (2, 200, 6)
    assert programme.status_letter_every == 4


@pytest.mark.parametrize("pack_id", ["seeking-safety", "creating-change"])
def test_every_text_is_marked_as_demo_content(pack_id):
    for text in (MANUALS / pack_id / "themes").rglob("*.md"):
        first = text.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("<!-- Demoindhold skrevet til Traumefokus."), text


@pytest.mark.parametrize("pack_id", ["seeking-safety", "creating-change"])
def test_every_quote_is_a_demo_quote_or_names_its_work(pack_id):
    data = tomllib.loads((MANUALS / pack_id / "pack.toml").read_text(encoding="utf-8"))
    quotes = [t["quote"] for t in data["themes"] if "quote" in t]
    assert len(quotes) == 12
    for quote in quotes:
        assert (quote.get("demo") is True and quote["author"] == "Demo-citat") or quote["work"]


@pytest.mark.parametrize("pack_id", ["seeking-safety", "creating-change"])
def test_client_texts_never_carry_guidance(pack_id):
    """A handout is built from client texts only; they must read as the client's own sheet."""
    pack = load_pack(MANUALS / pack_id)
    for theme in pack.themes:
        for sheet in theme.worksheets:
            assert sheet.client.startswith("## ")
            assert "behandleren" not in sheet.client.lower()


@pytest.mark.parametrize(
    "path",
    [
        MANUALS / "seeking-safety",
        MANUALS / "creating-change",
        PROGRAMMES / "move-ss.toml",
        PROGRAMMES / "move-cc.toml",
    ],
)
def test_check_manual_passes_what_ships(path):
    result = run("check-manual", path, "--lang", "en")
    assert result.code == 0, result.err
    assert ": valid – " in result.out


def test_check_manual_refuses_broken_copies_naming_file_and_field(tmp_path):
    broken = tmp_path / "broken-toml"
    shutil.copytree(MANUALS / "seeking-safety", broken)
    toml = broken / "pack.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('id = "safety"', 'id = "safety'), encoding="utf-8"
    )
    result = run("check-manual", broken, "--lang", "en")
    assert result.code == 2
    assert result.err.startswith(f"{toml}: line ") and "invalid TOML" in result.err

    one_sheet = tmp_path / "one-worksheet"
    shutil.copytree(MANUALS / "seeking-safety", one_sheet)
    toml = one_sheet / "pack.toml"
    text = toml.read_text(encoding="utf-8").replace(
        '  { id = "hard-day-plan", title = "Min plan for en svær dag" },\n', ""
    )
    toml.write_text(text, encoding="utf-8")
    result = run("check-manual", one_sheet, "--lang", "en")
    assert result.code == 2
    assert result.err.strip() == (
        f"{toml}: themes[safety].worksheets: 1 worksheets; a theme needs 2 to 8"
    )

    programme = tmp_path / "unknown-theme.toml"
    programme.write_text(
        (PROGRAMMES / "move-ss.toml").read_text(encoding="utf-8").replace('"anger",', '"dancing",'),
        encoding="utf-8",
    )
    result = run("check-manual", programme, "--lang", "en")
    assert result.code == 2
    assert result.err.strip() == (
        f"{programme}: themes.offered: the theme “dancing” does not exist in the pack "
        "seeking-safety 1.0.0"
    )


def test_check_manual_on_a_path_that_is_not_there(tmp_path):
    result = run("check-manual", tmp_path / "nothing", "--lang", "en")
    assert result.code == 2
    assert "does not exist" in result.err


# A version, once installed, never changes: a course keeps a copy of the version it started
# with, and a later release must not ship other content under the same version. Changing a
# shipped pack or programme therefore means a new version (and a new line here).
SHIPPED_DIGESTS = {
    ("pack", "creating-change", "1.1.0"): (
        "2cf8e317c5f259d090c08560c4745ea14f04739b265aa0dbcfa591df5589d57e"
    ),
    ("pack", "seeking-safety", "1.0.0"): (
        "9920e4c38da927227697a33265f9eae413381d139094e24bb598cc864aa87d67"
    ),
    ("programme", "move-cc", "1.0.0"): (
        "e2ec42bd1be8a75e085bbbdf8b9900a9a25f14339d6ccf5a40296f521d20e1c0"
    ),
    ("programme", "move-ss", "1.0.0"): (
        "0886528d3150ed2b2cd7ea230312c6d61d3802c799f0731a50b49db54decd382"
    ),
}


def test_a_shipped_version_never_changes(library):
    from traumefokus.content.library import _digest
    from traumefokus.content.packs import load_pack, pack_files

    found = {}
    for kind in ("pack", "programme"):
        for ref in library.refs(kind):
            files = pack_files(load_pack(ref.path)) if kind == "pack" else [ref.path]
            root = ref.path if kind == "pack" else ref.path.parent
            found[(kind, ref.id, str(ref.version))] = _digest(root, files)
    changed = sorted(
        key for key in found.keys() & SHIPPED_DIGESTS.keys() if found[key] != SHIPPED_DIGESTS[key]
    )
    assert not changed, f"shipped content changed without a new version: {changed}"
    assert found.keys() == SHIPPED_DIGESTS.keys(), "a new shipped version: add its digest here"
