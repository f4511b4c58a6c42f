"""The packs and programmes available: those shipped with the program and those installed in
the data directory, each kept per version.

Installed packs live in `packs/<pack-id>/<version>/`, programmes in
`programmes/<programme-id>/<version>.toml`. A version, once installed, never changes: a course
that started with it can rely on it. Content is loaded on first use and kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import threading
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from traumefokus.content.packs import PACK_FILE, load_pack, pack_files
from traumefokus.content.programmes import load_programme
from traumefokus.content.regular_files import NotReadable, read_regular
from traumefokus.domain.content import Pack, Programme, Version
from traumefokus.errors import InvalidInput
from traumefokus.fileio import as_problem
from traumefokus.paths import DataDir, shipped_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentRef:
    """Where one version of a pack or programme is, before it is loaded."""

    kind: str  # "pack" or "programme"
    id: str
    version: Version
    path: Path
    installed: bool  # False: shipped with the program


@dataclass(frozen=True)
class Installed:
    ref: ContentRef
    already: bool  # the same content was there before: nothing was copied


class ContentLibrary:
    def __init__(
        self,
        shipped_packs: Path,
        shipped_programmes: Path,
        installed_packs: Path,
        installed_programmes: Path,
    ) -> None:
        self.shipped_packs = shipped_packs
        self.shipped_programmes = shipped_programmes
        self.installed_packs = installed_packs
        self.installed_programmes = installed_programmes
        self._refs: dict[str, list[ContentRef]] = {}
        self._packs: dict[tuple[str, Version], Pack] = {}
        self._loading = threading.Lock()  # ui/ahead.py loads packs ahead on its own thread
        self._programmes: dict[tuple[str, Version, Version | None], Programme] = {}

    @classmethod
    def for_data_dir(cls, data_dir: DataDir) -> ContentLibrary:
        return cls(
            shipped_dir("manuals"),
            shipped_dir("resources") / "programmes",
            data_dir.packs,
            data_dir.programmes,
        )

    # --- what there is -------------------------------------------------------------------
    def refs(self, kind: str) -> list[ContentRef]:
        """Every version of every pack (or programme), newest first per id; an installed
        copy stands in front of a shipped one of the same version."""
        if kind not in self._refs:
            found: dict[tuple[str, Version], ContentRef] = {}
            for ref in self._scan(kind):
                key = (ref.id, ref.version)
                if key not in found or ref.installed:
                    found[key] = ref
            self._refs[kind] = sorted(
                found.values(), key=lambda r: (r.id, tuple(-p for p in r.version.parts))
            )
        return self._refs[kind]

    def _scan(self, kind: str) -> Iterator[ContentRef]:
        if kind == "pack":
            shipped = self.shipped_packs.glob(f"*/{PACK_FILE}")
            installed = self.installed_packs.glob(f"*/*/{PACK_FILE}")
            for files, is_installed in ((shipped, False), (installed, True)):
                for file in sorted(files):
                    ref = _header(file, "pack", file.parent, is_installed)
                    if ref:
                        yield ref
        else:
            for files, is_installed in (
                (self.shipped_programmes.glob("*.toml"), False),
                (self.installed_programmes.glob("*/*.toml"), True),
            ):
                for file in sorted(files):
                    ref = _header(file, "programme", file, is_installed)
                    if ref:
                        yield ref

    def newest(self, kind: str, content_id: str) -> ContentRef | None:
        return next((r for r in self.refs(kind) if r.id == content_id), None)

    def find(self, kind: str, content_id: str, version: Version) -> ContentRef | None:
        return next(
            (r for r in self.refs(kind) if r.id == content_id and r.version == version), None
        )

    # --- loading -------------------------------------------------------------------------
    def pack(self, pack_id: str, version: Version | None = None) -> Pack | None:
        ref = (
            self.newest("pack", pack_id) if version is None else self.find("pack", pack_id, version)
        )
        if ref is None:
            return None
        key = (ref.id, ref.version)
        if (loaded := self._packs.get(key)) is not None:
            return loaded
        with self._loading:  # one being loaded on another thread is waited for, not read twice
            if key not in self._packs:
                self._packs[key] = load_pack(ref.path)
        return self._packs[key]

    def programme(
        self,
        programme_id: str,
        version: Version | None = None,
        *,
        pack_version: Version | None = None,
    ) -> Programme | None:
        """A programme, checked against the newest version of its pack, or against
        `pack_version` (the one a course started with: a newer pack never changes it)."""
        ref = (
            self.newest("programme", programme_id)
            if version is None
            else self.find("programme", programme_id, version)
        )
        if ref is None:
            return None
        key = (ref.id, ref.version, pack_version)
        if key not in self._programmes:

            def find_pack(pack_id: str) -> Pack | None:
                return self.pack(pack_id, pack_version)

            self._programmes[key] = load_programme(ref.path, find_pack)
        return self._programmes[key]

    def load_path(self, path: Path) -> Pack | Programme:
        """Validate a pack folder (or its pack.toml) or a programme file, wherever it is."""
        if path.is_dir() or path.name == PACK_FILE:
            return load_pack(path if path.is_dir() else path.parent)
        if path.suffix == ".toml" and path.is_file():
            return load_programme(path, self.pack)
        if not path.exists():
            raise InvalidInput("content.not_found", path=path)
        raise InvalidInput("content.not_content", path=path)

    # --- installing ----------------------------------------------------------------------
    def install(self, source: Path) -> Installed:
        """Validate `source` and copy it in as a new version; refused whole if invalid."""
        content = self.load_path(source)
        if isinstance(content, Pack):
            files = pack_files(content)
            kind, root = "pack", content.path
            target = self.installed_packs / content.id / str(content.version)
        else:
            files = [content.path]
            kind, root = "programme", content.path.parent
            target = self.installed_programmes / content.id / f"{content.version}.toml"
        existing = self.find(kind, content.id, content.version)
        if existing is not None:
            # The same files, compared where the installed version has them.
            existing_root = existing.path if kind == "pack" else existing.path.parent
            existing_files = (
                [existing_root / f.relative_to(root) for f in files]
                if kind == "pack"
                else [existing.path]
            )
            if _digest(existing_root, existing_files) != _digest(root, files):
                raise InvalidInput(
                    "content.version_taken", id=content.id, version=str(content.version)
                )
            if existing.installed:
                return Installed(existing, already=True)
            # The same as a shipped copy: install it all the same, so that it stays.
        _copy_in(root, files, target, single_file=(kind == "programme"))
        self._refs.pop(kind, None)
        log.info("Installed %s %s %s", kind, content.id, content.version)
        return Installed(ContentRef(kind, content.id, content.version, target, True), False)

    def keep(self, ref: ContentRef) -> ContentRef:
        """Make sure a version a course starts with stays available: a shipped version is
        copied into the data directory, since a later program release may ship another."""
        if ref.installed:
            return ref
        return self.install(ref.path).ref


def _header(file: Path, kind: str, path: Path, installed: bool) -> ContentRef | None:
    """Id and version from a pack.toml or programme file, without validating the rest."""
    try:
        data = tomllib.loads(read_regular(file).decode("utf-8-sig"))
        table = data["pack" if kind == "pack" else "programme"]
        version = Version.parse(table["version"])
        content_id = table["id"]
    except (OSError, ValueError, KeyError, TypeError, RecursionError, NotReadable) as exc:
        log.warning("Skipping unreadable %s %s: %s", kind, file, type(exc).__name__)
        return None
    if version is None or not isinstance(content_id, str):
        log.warning("Skipping %s %s: no usable id and version", kind, file)
        return None
    return ContentRef(kind, content_id, version, path, installed)


def _digest(root: Path, files: Iterable[Path]) -> str:
    """What the files hold, with their names; "" for files that cannot be read as they are
    (a version installed before whose files are gone or changed kind)."""
    digest = hashlib.sha256()
    try:
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(read_regular(file) + b"\0")
    except (OSError, NotReadable):
        return ""
    return digest.hexdigest()


def _copy_in(root: Path, files: list[Path], target: Path, *, single_file: bool) -> None:
    """Copy into a temporary folder beside the target, then rename: a half-copied pack is
    never visible, even if the program is killed or the disk fills up."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=target.parent))
        try:
            for file in files:  # read as they were validated: regular files, limited
                destination = staging / file.relative_to(root)
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(read_regular(file))
            os.replace(staging / files[0].name if single_file else staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise as_problem(exc, target) from exc
