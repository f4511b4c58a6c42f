"""Installing packs and programmes per version; running courses keep theirs."""

import pytest

from cli_runner import run
from content_fixtures import pack_data, programme_data, write_pack, write_programme
from traumefokus.content.library import ContentLibrary
from traumefokus.content.problems import InvalidContent
from traumefokus.domain.content import Version
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services.content import install_content

pytestmark = pytest.mark.both_databases


@pytest.fixture
def library(tmp_path):
    return ContentLibrary(
        tmp_path / "shipped",
        tmp_path / "shipped-programmes",
        tmp_path / "data" / "packs",
        tmp_path / "data" / "programmes",
    )


def version(data, text):
    data["pack"]["version"] = text
    return data


def test_install_copies_only_the_pack_files(library, tmp_path):
    source = write_pack(tmp_path / "src")
    (source / "notes.txt").write_text("private notes")
    result = library.install(source)
    assert not result.already
    assert result.ref.path == tmp_path / "data" / "packs" / "test-pack" / "1.0.0"
    assert (result.ref.path / "themes" / "alpha" / "sheet-1.client.md").exists()
    assert not (result.ref.path / "notes.txt").exists()
    assert library.pack("test-pack").version == Version((1, 0, 0))


def test_a_newer_version_is_offered_and_the_old_one_kept(library, tmp_path):
    library.install(write_pack(tmp_path / "v1"))
    newer = version(pack_data(), "1.1.0")
    newer["themes"][0]["title"] = "Nyt navn"
    library.install(write_pack(tmp_path / "v11", newer))
    assert [str(r.version) for r in library.refs("pack")] == ["1.1.0", "1.0.0"]
    assert library.pack("test-pack").theme("alpha").title == "Nyt navn"
    old = library.pack("test-pack", Version((1, 0, 0)))  # what a running course asks for
    assert old.theme("alpha").title == "Tema alpha"


def test_the_same_version_with_other_content_is_refused(library, tmp_path):
    library.install(write_pack(tmp_path / "a"))
    changed = pack_data()
    changed["themes"][0]["title"] = "Ændret"
    with pytest.raises(InvalidInput) as refused:
        library.install(write_pack(tmp_path / "b", changed))
    assert refused.value.code == "content.version_taken"
    assert library.pack("test-pack").theme("alpha").title == "Tema alpha"


def test_installing_identical_content_again_changes_nothing(library, tmp_path):
    first = library.install(write_pack(tmp_path / "a"))
    again = library.install(write_pack(tmp_path / "b"))
    assert again.already and again.ref.path == first.ref.path


def test_an_invalid_pack_is_not_installed_at_all(library, tmp_path):
    data = pack_data()
    data["themes"][0]["worksheets"] = data["themes"][0]["worksheets"][:1]
    with pytest.raises(InvalidContent):
        library.install(write_pack(tmp_path / "bad", data))
    assert not (tmp_path / "data" / "packs").exists() or not any(
        (tmp_path / "data" / "packs").rglob("*")
    )


def test_a_programme_is_installed_against_the_packs_there_are(library, tmp_path):
    library.install(write_pack(tmp_path / "pack"))
    result = library.install(write_programme(tmp_path / "p.toml"))
    assert result.ref.path == tmp_path / "data" / "programmes" / "test-programme" / "1.0.0.toml"
    programme = library.programme("test-programme")
    assert programme.offered_themes == ("alpha", "beta")


def test_a_programme_for_a_missing_pack_is_refused(library, tmp_path):
    data = programme_data()
    with pytest.raises(InvalidContent) as refused:
        library.install(write_programme(tmp_path / "p.toml", data))
    assert refused.value.problems[0].code == "content.unknown_pack"


def test_install_is_for_administrators_and_audited(db, admin, therapist, tmp_path):
    from sqlalchemy import select

    from traumefokus.storage.models import AuditEvent

    with pytest.raises(Refused):
        install_content(therapist, write_pack(tmp_path / "p"))
    install_content(admin, tmp_path / "p")
    with db.reading() as tx:
        event = tx.scalars(select(AuditEvent).where(AuditEvent.action == "content.install")).one()
    assert (event.object_id, event.details) == ("test-pack", {"version": "1.0.0"})


def test_cli_install_and_list(tmp_path):
    data_dir = tmp_path / "data"
    run("init", "--admin", "anna", "--data-dir", data_dir)
    source = write_pack(tmp_path / "src")
    result = run(
        "pack", "install", source, "--user", "anna", "--data-dir", data_dir, "--lang", "en"
    )
    assert result.code == 0, result.err
    assert result.out.startswith("Installed pack test-pack 1.0.0 in ")
    again = run("pack", "install", source, "--user", "anna", "--data-dir", data_dir, "--lang", "en")
    assert "already installed with the same content" in again.out
    listing = run("pack", "list", "--data-dir", data_dir, "--lang", "en").out.splitlines()
    assert listing[0].split() == ["kind", "id", "version", "source", "path"]
    assert any(line.split()[:4] == ["pack", "test-pack", "1.0.0", "installed"] for line in listing)
    assert any(
        line.split()[:4] == ["pack", "seeking-safety", "1.0.0", "shipped"] for line in listing
    )


def test_cli_install_needs_a_user(tmp_path):
    run("init", "--admin", "anna", "--data-dir", tmp_path / "d")
    result = run("pack", "install", write_pack(tmp_path / "p"), "--data-dir", tmp_path / "d")
    assert result.code == 2


def test_a_pack_asked_for_on_two_threads_at_once_is_read_once(library, tmp_path, monkeypatch):
    """The start loads packs ahead on a thread (ui/ahead.py) while the window may ask for one:
    the second asker waits for the first reading instead of reading the pack again. The first
    reading is held until the second asker has come to the library's lock."""
    import threading

    import traumefokus.content.library as library_module

    class SpyLock:
        def __init__(self) -> None:
            self.lock = threading.Lock()
            self.askers = 0
            self.second = threading.Event()

        def __enter__(self) -> None:
            self.askers += 1
            if self.askers == 2:
                self.second.set()
            self.lock.acquire()

        def __exit__(self, *_exc) -> None:
            self.lock.release()

    write_pack(tmp_path / "shipped" / "p", pack_data())
    spy = SpyLock()
    library._loading = spy
    reading = threading.Event()
    reads = []
    real_load = library_module.load_pack

    def held_load(path):
        reads.append(path)
        reading.set()
        spy.second.wait(5)  # without the lock nobody comes: both read, after 5 s at most
        return real_load(path)

    monkeypatch.setattr(library_module, "load_pack", held_load)
    found = []
    ahead = threading.Thread(target=lambda: found.append(library.pack("test-pack")))
    ahead.start()
    assert reading.wait(5)
    found.append(library.pack("test-pack"))
    ahead.join()
    assert len(reads) == 1
    assert found[0] is found[1] is not None
