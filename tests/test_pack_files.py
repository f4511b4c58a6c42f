"""A pack is read only from regular files inside its own folder, within documented limits
(manuals/README.md, "Files and limits"): a link out of the pack, a named pipe, a device or an
oversized text is one clear problem naming its file, never read, never installed; the same
goes for programmes, scales and rating sheets."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
import tomli_w

from cli_runner import run
from content_fixtures import pack_data, write_pack, write_programme
from traumefokus.content import packs
from traumefokus.content.library import ContentLibrary
from traumefokus.content.packs import load_pack
from traumefokus.content.problems import InvalidContent
from traumefokus.content.regular_files import MAX_TEXT_BYTES, NotReadable, read_regular
from traumefokus.errors import InvalidInput
from traumefokus.exports.rating_sheet import read_sheet

fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def library(tmp_path: Path) -> ContentLibrary:
    nothing = tmp_path / "nothing-shipped"
    return ContentLibrary(nothing, nothing, tmp_path / "packs", tmp_path / "programmes")


def problems(folder: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(InvalidContent) as refused:
        load_pack(folder)
    return [(p.file.name, p.field, p.code) for p in refused.value.problems]


def finishes(work, seconds: float = 20.0):
    """`work()`'s result, failing the test (instead of hanging it) if it does not return."""
    found: dict[str, object] = {}

    def target() -> None:
        try:
            found["result"] = work()
        except BaseException as exc:  # handed back to the test
            found["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "still waiting: a named pipe was opened"
    if "error" in found:
        raise found["error"]  # type: ignore[misc]
    return found["result"]


# --- links -------------------------------------------------------------------------------
def test_a_text_linked_out_of_the_pack_is_refused_and_never_installed(tmp_path):
    secret = tmp_path / "outside" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    pack = write_pack(tmp_path / "p")
    introduction = pack / "themes" / "alpha" / "introduction.md"
    introduction.unlink()
    introduction.symlink_to(secret)

    assert problems(pack) == [("introduction.md", "themes[alpha]", "content.outside_pack")]
    with pytest.raises(InvalidContent):
        library(tmp_path).install(pack)
    assert not (tmp_path / "packs").exists()

    checked = run("check-manual", pack, "--data-dir", tmp_path / "d", "--lang", "en")
    assert checked.code == 2
    assert checked.err.splitlines() == [
        f"{introduction}: themes[alpha]: the file (or a link on the way to it) leads outside "
        "the pack's folder; a pack is read only from its own folder"
    ]
    assert "root:" not in checked.out + checked.err


def test_a_linked_folder_that_leads_out_of_the_pack_is_refused(tmp_path):
    elsewhere = write_pack(tmp_path / "elsewhere") / "themes" / "alpha"
    pack = write_pack(tmp_path / "p")
    for file in (pack / "themes" / "alpha").iterdir():
        file.unlink()
    (pack / "themes" / "alpha").rmdir()
    (pack / "themes" / "alpha").symlink_to(elsewhere, target_is_directory=True)
    found = problems(pack)
    assert found and {code for _, _, code in found} == {"content.outside_pack"}
    assert {place for _, place, _ in found} >= {
        "themes[alpha]",
        "themes[alpha].worksheets[sheet-1]",
    }


def test_a_pack_toml_linked_out_of_the_pack_is_refused(tmp_path):
    elsewhere = write_pack(tmp_path / "elsewhere")
    pack = write_pack(tmp_path / "p")
    (pack / "pack.toml").unlink()
    (pack / "pack.toml").symlink_to(elsewhere / "pack.toml")
    assert problems(pack) == [("pack.toml", "-", "content.outside_pack")]


def test_a_link_inside_the_pack_is_read_and_installed_as_a_plain_copy(tmp_path):
    pack = write_pack(tmp_path / "p")
    beta = pack / "themes" / "beta" / "introduction.md"
    beta.write_text("Beta's own introduction.\n", encoding="utf-8")
    alpha = pack / "themes" / "alpha" / "introduction.md"
    alpha.unlink()
    alpha.symlink_to(Path("..") / "beta" / "introduction.md")
    assert load_pack(pack).theme("alpha").introduction == "Beta's own introduction."

    installed = library(tmp_path).install(pack).ref.path / "themes" / "alpha" / "introduction.md"
    assert not installed.is_symlink()
    assert installed.read_text(encoding="utf-8") == "Beta's own introduction.\n"


def test_a_pack_folder_given_through_a_link_is_read_as_its_target(tmp_path):
    pack = write_pack(tmp_path / "p")
    (tmp_path / "link").symlink_to(pack, target_is_directory=True)
    assert load_pack(tmp_path / "link").id == "test-pack"
    assert library(tmp_path).install(tmp_path / "link").ref.id == "test-pack"


def test_only_the_files_the_pack_names_are_installed(tmp_path):
    pack = write_pack(tmp_path / "p")
    (pack / "themes" / "alpha" / "draft.md").write_text("not part of the pack", encoding="utf-8")
    (pack / "themes" / "notes.md").symlink_to(tmp_path / "nowhere.md")  # dangling, unread
    installed = library(tmp_path).install(pack).ref.path
    names = sorted(p.relative_to(installed).as_posix() for p in installed.rglob("*.*"))
    assert names == sorted(
        p.relative_to(pack).as_posix() for p in packs.pack_files(load_pack(pack))
    )
    assert "themes/alpha/draft.md" not in names


# --- special files -----------------------------------------------------------------------
@fifos
def test_a_named_pipe_in_a_pack_is_refused_without_waiting_for_it(tmp_path):
    pack = write_pack(tmp_path / "p")
    introduction = pack / "themes" / "alpha" / "introduction.md"
    introduction.unlink()
    os.mkfifo(introduction)
    assert finishes(lambda: problems(pack)) == [
        ("introduction.md", "themes[alpha]", "content.not_a_file")
    ]
    checked = finishes(
        lambda: run("check-manual", pack, "--data-dir", tmp_path / "d", "--lang", "en")
    )
    assert checked.code == 2
    assert checked.err == (
        f"{introduction}: themes[alpha]: the file is not a regular file but a named pipe "
        "(FIFO), and is not read\n"
    )


@fifos
def test_a_named_pipe_as_pack_toml_programme_scale_or_sheet_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pack.toml")
    assert finishes(lambda: problems(tmp_path)) == [("pack.toml", "-", "content.not_a_file")]
    for name in ("ratings.csv", "ratings.xlsx"):
        os.mkfifo(tmp_path / name)
        with pytest.raises(InvalidInput) as refused:
            finishes(lambda name=name: read_sheet(tmp_path / name))
        assert refused.value.code == "rating_import.unreadable"
        assert "named pipe" in str(refused.value)
    os.mkfifo(tmp_path / "scale.toml")
    checked = finishes(lambda: run("check-manual", tmp_path / "scale.toml", "--lang", "en",
                                   "--data-dir", tmp_path / "d"))  # fmt: skip
    assert checked.code == 2 and len(checked.err.splitlines()) == 1


@fifos
@pytest.mark.log_warnings_expected  # the skipped file is logged
def test_a_named_pipe_among_installed_programmes_is_skipped_when_listing(tmp_path, caplog):
    content = library(tmp_path)
    content.install(write_pack(tmp_path / "p"))
    content.install(write_programme(tmp_path / "prog.toml"))
    os.mkfifo(tmp_path / "programmes" / "test-programme" / "2.0.0.toml")
    refs = finishes(lambda: library(tmp_path).refs("programme"))  # a new scan
    assert [(r.id, str(r.version)) for r in refs] == [("test-programme", "1.0.0")]
    assert [
        r.getMessage().rsplit(": ", 1)[1] for r in caplog.records if r.levelname == "WARNING"
    ] == ["NotReadable"]


def test_a_device_is_refused_by_its_kind(tmp_path):
    device = Path(os.devnull)
    with pytest.raises(NotReadable) as refused:
        read_regular(device)
    assert refused.value.code == "content.not_a_file"
    assert str(refused.value) == "the file is not a regular file but a device, and is not read"
    with pytest.raises(NotReadable, match="a folder"):
        read_regular(tmp_path)


# --- sizes -------------------------------------------------------------------------------
def test_a_200_mb_text_is_refused_before_it_is_read(tmp_path):
    pack = write_pack(tmp_path / "p")
    huge = pack / "themes" / "alpha" / "sheet-1.client.md"
    with huge.open("r+b") as file:
        file.truncate(200_000_000)  # sparse: no disk is used
    assert problems(pack) == [
        ("sheet-1.client.md", "themes[alpha].worksheets[sheet-1]", "content.too_large")
    ]
    checked = run("check-manual", pack, "--data-dir", tmp_path / "d", "--lang", "en")
    assert checked.code == 2
    assert checked.err.endswith(
        "the file has 200000000 bytes; a file may have at most 1000000 bytes\n"
    )
    with pytest.raises(InvalidContent):
        library(tmp_path).install(pack)
    assert not (tmp_path / "packs").exists()


def test_a_text_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path):
    file = tmp_path / "text.md"
    file.write_bytes(b"a" * MAX_TEXT_BYTES)
    assert len(read_regular(file)) == MAX_TEXT_BYTES
    file.write_bytes(b"a" * (MAX_TEXT_BYTES + 1))
    with pytest.raises(NotReadable, match="1000001 bytes"):
        read_regular(file)


def test_a_pack_larger_than_its_limit_is_refused_once(tmp_path, monkeypatch):
    pack = write_pack(tmp_path / "p")
    size = sum(len(p.read_bytes()) for p in packs.pack_files(load_pack(pack)))
    monkeypatch.setattr(packs, "MAX_PACK_BYTES", size - 30)
    found = problems(pack)
    assert [code for _, _, code in found] == ["content.pack_too_large"]
    monkeypatch.setattr(packs, "MAX_PACK_BYTES", size)
    assert load_pack(pack).id == "test-pack"


def test_more_than_100_themes_are_refused_before_any_theme_is_read(tmp_path):
    data = pack_data()
    data["themes"] = [
        {"id": f"t{n}", "title_en": f"T{n}", "title": f"T{n}", "worksheets": []} for n in range(101)
    ]
    tmp_path.joinpath("p").mkdir()
    (tmp_path / "p" / "pack.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    found = problems(tmp_path / "p")
    assert found == [("pack.toml", "themes", "content.too_many_themes")]
    data["themes"] = data["themes"][:100]
    (tmp_path / "p" / "pack.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    assert "content.too_many_themes" not in {code for _, _, code in problems(tmp_path / "p")}


def test_a_theme_with_more_than_8_worksheets_reads_none_of_their_files(tmp_path):
    data = pack_data()
    data["themes"][0]["worksheets"] = [{"id": f"s{n}", "title": "S"} for n in range(500)]
    pack = write_pack(tmp_path / "p")  # none of the 500 worksheets' files is there
    (pack / "pack.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    found = problems(tmp_path / "p")
    assert found == [("pack.toml", "themes[alpha].worksheets", "content.worksheet_count")]


def test_a_rating_sheet_over_its_limit_is_refused(tmp_path):
    sheet = tmp_path / "ratings.csv"
    with sheet.open("wb") as file:
        file.truncate(20_000_001)
    with pytest.raises(InvalidInput) as refused:
        read_sheet(sheet)
    assert "20000001 bytes" in str(refused.value)
