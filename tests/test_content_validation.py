"""Each kind of invalid pack or programme is refused with its exact message, all at once."""

from pathlib import Path

import pytest

from content_fixtures import pack_data, programme_data, theme, write_pack, write_programme
from traumefokus.content.packs import load_pack
from traumefokus.content.problems import InvalidContent
from traumefokus.content.programmes import load_programme
from traumefokus.domain.vocabulary import SessionKind


def problems_of(load, *args) -> list[str]:
    with pytest.raises(InvalidContent) as refused:
        load(*args)
    return [p.describe("en") for p in refused.value.problems]


@pytest.fixture
def pack_dir(tmp_path) -> Path:
    return write_pack(tmp_path / "pack")


def test_the_fixture_pack_and_programme_are_valid(pack_dir, tmp_path):
    pack = load_pack(pack_dir)
    assert [t.complete for t in pack.themes] == [True, True, False]
    assert pack.theme("alpha").worksheets[0].client == "## Ark\n\nSkriv her."
    programme = load_programme(write_programme(tmp_path / "p.toml"), lambda _id: pack)
    assert [s.number for s in programme.trauma_slots] == [1, 2]


def test_broken_toml_names_the_line(pack_dir):
    toml = pack_dir / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n[pack\nid = 1\n", encoding="utf-8")
    [problem] = problems_of(load_pack, pack_dir)
    assert problem.startswith(f"{toml}: line ")
    assert ": invalid TOML: " in problem


def test_a_file_that_is_not_utf8(pack_dir):
    intro = pack_dir / "themes" / "alpha" / "introduction.md"
    intro.write_bytes("Introduktion på dansk: æøå".encode("latin-1"))
    assert problems_of(load_pack, pack_dir) == [
        f"{intro}: themes[alpha]: the file is not valid UTF-8 (at byte 15); save it as UTF-8"
    ]


def test_a_missing_quote(tmp_path):
    data = pack_data()
    del data["themes"][0]["quote"]
    folder = write_pack(tmp_path / "p", data)
    assert problems_of(load_pack, folder) == [
        f"{folder / 'pack.toml'}: themes[alpha]: the theme has content but lacks a quote; "
        "a theme with content must be complete"
    ]


@pytest.mark.parametrize("count", [1, 9])
def test_one_or_nine_worksheets(tmp_path, count):
    data = pack_data()
    data["themes"][0] = theme("alpha", worksheets=count)
    folder = write_pack(tmp_path / "p", data)
    assert problems_of(load_pack, folder) == [
        f"{folder / 'pack.toml'}: themes[alpha].worksheets: {count} worksheets; "
        "a theme needs 2 to 8"
    ]


def test_duplicate_theme_id_and_unknown_field_and_bad_version_together(tmp_path):
    data = pack_data()
    data["themes"].append({"id": "gamma", "title_en": "Again", "title": "Igen"})
    data["themes"][0]["titel"] = "typo"
    data["pack"]["version"] = "1.0"
    folder = write_pack(tmp_path / "p", data)
    toml = folder / "pack.toml"
    assert problems_of(load_pack, folder) == [
        f"{toml}: pack.version: “1.0” is not a version like 1.0.0",
        f"{toml}: themes[alpha].titel: unknown field (is it spelt right?)",
        f"{toml}: themes[gamma]: the id “gamma” is used more than once",
    ]


def test_a_missing_worksheet_file(pack_dir):
    client = pack_dir / "themes" / "beta" / "sheet-2.client.md"
    client.unlink()
    assert problems_of(load_pack, pack_dir) == [
        f"{client}: themes[beta].worksheets[sheet-2]: the file is missing"
    ]


def test_a_real_quote_must_name_its_work(tmp_path):
    data = pack_data()
    data["themes"][0]["quote"] = {"text": "Citat.", "author": "Seneca"}
    folder = write_pack(tmp_path / "p", data)
    assert problems_of(load_pack, folder) == [
        f"{folder / 'pack.toml'}: themes[alpha].quote.work: is required"
    ]


def test_a_missing_pack_file(tmp_path):
    (tmp_path / "empty").mkdir()
    assert problems_of(load_pack, tmp_path / "empty") == [
        f"{tmp_path / 'empty' / 'pack.toml'}: -: the file is missing"
    ]


# --- programmes -------------------------------------------------------------------------


@pytest.fixture
def pack(pack_dir):
    return load_pack(pack_dir)


def programme_problems(tmp_path, data, pack) -> list[str]:
    path = write_programme(tmp_path / "programme.toml", data)
    return [
        line.removeprefix(f"{path}: ")
        for line in problems_of(
            load_programme, path, lambda pack_id: pack if pack_id == pack.id else None
        )
    ]


def test_a_programme_offering_an_unknown_theme(tmp_path, pack):
    data = programme_data()
    data["themes"]["offered"] = ["alpha", "beta", "delta"]
    assert programme_problems(tmp_path, data, pack) == [
        "themes.offered: the theme “delta” does not exist in the pack test-pack 1.0.0"
    ]


def test_a_programme_offering_an_incomplete_theme(tmp_path, pack):
    data = programme_data()
    data["themes"]["offered"] = ["alpha", "gamma"]
    assert programme_problems(tmp_path, data, pack) == [
        "themes.offered: the theme “gamma” is offered but is not complete in the pack "
        "test-pack 1.0.0"
    ]


def test_wrong_count_of_trauma_slots(tmp_path, pack):
    data = programme_data()
    data["layout"]["sessions"].append({"number": 3, "kind": "trauma"})
    assert programme_problems(tmp_path, data, pack) == [
        "layout.sessions: the course has 3 trauma-focused sessions but 2 themes are chosen"
    ]


def test_agenda_targets_longer_than_the_session(tmp_path, pack):
    data = programme_data()
    data["agenda"]["trauma"][2].update(target=45, max=50)
    assert programme_problems(tmp_path, data, pack) == [
        "agenda.trauma: the agenda targets add up to 65 min, more than the session length of 60 min"
    ]


def test_several_problems_are_reported_at_once(tmp_path, pack):
    data = programme_data()
    data["programme"]["method"] = "CC"
    data["layout"]["sessions"][2]["number"] = 5
    data["agenda"]["trauma"][0].update(target=8, max=5)
    data["agenda"]["trauma"].pop(1)
    assert programme_problems(tmp_path, data, pack) == [
        "layout.sessions: the session numbers must be 0, 1, 2 … in order without gaps "
        "(found 0, 1, 5)",
        "agenda.trauma[check_in]: the target 8 min is greater than the maximum 5 min",
        "agenda.trauma: a trauma-focused session has the agenda check_in, quote, theme, "
        "check_out (found check_in, theme, check_out)",
        "programme.method: the programme is CC but the pack test-pack is SS",
    ]


def test_a_programme_naming_an_unknown_pack(tmp_path, pack):
    data = programme_data()
    data["programme"]["pack"] = "no-such-pack"
    assert programme_problems(tmp_path, data, pack) == [
        "programme.pack: the pack “no-such-pack” does not exist; install it first"
    ]


def test_kinds_in_use_need_lengths_and_agendas(tmp_path, pack):
    data = programme_data()
    del data["lengths"]["follow_up"]
    del data["agenda"]["assessment"]
    assert programme_problems(tmp_path, data, pack) == [
        "lengths.follow_up: is required",
        "agenda.assessment: is required",
    ]


def test_problems_are_translated(tmp_path, pack):
    data = programme_data()
    data["themes"]["choose"] = 3
    data["themes"]["offered"] = ["alpha", "beta"]
    path = write_programme(tmp_path / "p.toml", data)
    with pytest.raises(InvalidContent) as refused:
        load_programme(path, lambda _id: pack)
    danish = [p.describe("da") for p in refused.value.problems]
    assert f"{path}: themes.offered: der tilbydes 2 temaer, men der skal vælges 3" in danish


def test_a_programme_stays_inside_the_records_vocabulary(tmp_path, pack):
    data = programme_data()
    data["layout"]["follow_up_months"] = [1, 3]
    data["layout"]["sessions"].extend({"number": n, "kind": "assessment"} for n in range(3, 14))
    problems = programme_problems(tmp_path, data, pack)
    assert problems == [
        "layout.follow_up_months: follow-ups are 1, 6 months after the last session, each at "
        "most once",
        "layout.sessions: sessions are numbered 0 to 12 in a MOVE course (found 13)",
    ]


def test_the_letter_rule_names_known_session_kinds(tmp_path, pack):
    data = programme_data()
    data["status_letters"]["counts"] = ["move", "weekly"]
    [found] = programme_problems(tmp_path, data, pack)
    assert found.startswith("status_letters.counts") and "weekly" in found


def test_a_programme_file_from_before_the_letter_kinds_counts_the_weekly_sessions(tmp_path, pack):
    """The copy of a programme a course kept in the data directory may predate `counts`:
    it still loads, and its letters (and gift cards) count the weekly sessions."""
    data = programme_data()
    del data["status_letters"]["counts"]
    loaded = load_programme(write_programme(tmp_path / "old.toml", data), lambda _id: pack)
    assert loaded.status_letter_counts == (SessionKind.MOVE, SessionKind.TRAUMA)
    assert loaded.gift_card_counts == (SessionKind.MOVE, SessionKind.TRAUMA)


@pytest.mark.parametrize("field", ["amount_dkk", "count"])
def test_a_gift_card_rule_is_never_negative(tmp_path, pack, field):
    data = programme_data()
    data["gift_cards"][field] = -200
    [found] = programme_problems(tmp_path, data, pack)
    assert found.startswith(f"gift_cards.{field}")
