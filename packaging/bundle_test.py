"""Smoke test of the frozen bundle: the program as a centre gets it, without Python or the
source tree, on throwaway data directories.

    python packaging/bundle_test.py [dist/traumefokus/traumefokus]      (`make bundle-test`)

Runs the bundle's own binary: start-up on an empty data directory, `init`, start-up signed
in, `check-manual` on a shipped pack and programme, `demo --clients 5`, `export records`,
`print plan` and start-up signed in on the demo, and checks what each one printed and wrote.
Where the machine allows it (Linux, root or user namespaces), every run is cut off from the
network (`unshare --net`): the program must never need it. Exit 0 if everything passed, 1
with one line per failure otherwise.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if os.name == "nt" else ""
DEFAULT_BINARY = ROOT / "dist" / "traumefokus" / f"traumefokus{EXE}"
ADMIN_PASSWORD = "bundle-test-password"
DEMO_PASSWORD = "traumefokus-demo"
STARTED = re.compile(r"^started in \d+ ms$", re.MULTILINE)
# What the program reads from inside the bundle (its _internal folder); each missing one is
# a part of the program that would fail only when first used.
BUNDLED = {
    "traumefokus/_data/resources/programmes/move-ss.toml": "the programmes",
    "traumefokus/_data/resources/scales/itq.toml": "the scales",
    "traumefokus/_data/resources/schemas/records-v1.schema.json": "the records schema",
    "traumefokus/_data/resources/translations/traumefokus_da.qm": "the Danish screens",
    "traumefokus/_data/resources/icons/traumefokus-256.png": "the window icon",
    "traumefokus/_data/manuals/seeking-safety/pack.toml": "the Seeking Safety pack",
    "traumefokus/_data/manuals/creating-change/pack.toml": "the Creating Change pack",
    "traumefokus/storage/migrations/env.py": "the database migrations",
    "reportlab/fonts/Vera.ttf": "reportlab's fonts",
    "babel/locale-data/da.dat": "Babel's Danish dates",
    "babel/locale-data/en.dat": "Babel's English dates",
    "PySide6/Qt/translations/qtbase_da.qm": "Qt's Danish buttons",
}


class BundleTest:
    def __init__(self, binary: Path, work: Path) -> None:
        self.binary = binary
        self.work = work
        self.failures: list[str] = []
        self.isolate = _network_cut_off()
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("TRAUMEFOKUS_", "PYTHON", "QT_", "LD_LIBRARY_PATH"))
        }
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(work / "home"),  # nothing lands in the real profile
            XDG_CONFIG_HOME=str(work / "home" / ".config"),
            XDG_DATA_HOME=str(work / "home" / ".local" / "share"),
        )
        (work / "home").mkdir()

    # --- running the bundle -----------------------------------------------------------------
    def run(
        self,
        step: str,
        args: Sequence[str],
        *,
        password: str | None = None,
        expect: int = 0,
        lang: str = "en",
    ) -> str:
        env = dict(self.env)
        if password is not None:
            env["TRAUMEFOKUS_PASSWORD"] = password
        command = [*self.isolate, str(self.binary), "--lang", lang, *args]
        began = time.monotonic()
        try:
            done = subprocess.run(
                command, env=env, capture_output=True, text=True, timeout=300, cwd=self.work
            )
        except subprocess.TimeoutExpired:
            self.fail(step, "did not finish within 300 s")
            return ""
        seconds = time.monotonic() - began
        output = done.stdout + done.stderr
        if done.returncode != expect:
            self.fail(step, f"exit code {done.returncode}, expected {expect}: {output.strip()}")
        else:
            print(f"ok   {step} ({seconds:.1f} s)")
        return output

    def fail(self, step: str, why: str) -> None:
        line = f"FAIL {step}: {why}"
        self.failures.append(line)
        print(line)

    def check(self, step: str, condition: bool, why: str) -> None:
        if not condition:
            self.fail(step, why)

    # --- the steps --------------------------------------------------------------------------
    def contents(self) -> None:
        inside = self.binary.parent / "_internal"
        for relative, what in BUNDLED.items():
            self.check(
                "bundle contents",
                (inside / relative).is_file(),
                f"{what} missing: no {relative} in {inside}",
            )
        pdfium = [p for p in (inside / "pypdfium2_raw").glob("*pdfium*") if p.is_file()]
        self.check("bundle contents", bool(pdfium), "pypdfium2's pdfium library is missing")
        if not [f for f in self.failures if f.startswith("FAIL bundle contents")]:
            print("ok   bundle contents")

    def version(self) -> None:
        wanted = re.search(
            r'__version__ = "([^"]+)"',
            (ROOT / "desktop" / "traumefokus" / "__init__.py").read_text(encoding="utf-8"),
        )
        output = self.run("--version", ["--version"])
        if wanted:
            self.check("--version", wanted.group(1) in output, f"not {wanted.group(1)}: {output}")

    def start(self, step: str, data: Path, *args: str, password: str | None = None) -> None:
        output = self.run(
            step, ["--data-dir", str(data), "--exit-after-start", *args], password=password
        )
        self.check(step, bool(STARTED.search(output)), f"no 'started in N ms' line: {output}")

    def init(self, data: Path) -> None:
        output = self.run(
            "init",
            ["--data-dir", str(data), "init", "--admin", "anna", "--full-name", "Anna Ærø"],
            password=ADMIN_PASSWORD,
        )
        self.check("init", (data / "traumefokus.db").is_file(), "no traumefokus.db written")
        self.check("init", "anna" in output, f"the administrator is not named: {output}")

    def check_manual(self) -> None:
        shipped = self.binary.parent / "_internal" / "traumefokus" / "_data"
        for target in (
            shipped / "manuals" / "seeking-safety",
            shipped / "manuals" / "creating-change",
            shipped / "resources" / "programmes" / "move-ss.toml",
        ):
            step = f"check-manual {target.name}"
            output = self.run(step, ["check-manual", str(target)])
            self.check(step, "valid" in output, f"not reported valid: {output}")

    def demo_and_export(self, data: Path) -> dict[str, object] | None:
        self.run("demo --clients 5", ["--data-dir", str(data), "demo", "--clients", "5"])
        out = self.work / "records.json"
        self.run(
            "export records",
            ["--data-dir", str(data), "--user", "admin", "export", "records", "--out", str(out)],
            password=DEMO_PASSWORD,
        )
        if not out.is_file():
            self.fail("export records", f"{out} was not written")
            return None
        try:
            records = json.loads(out.read_text(encoding="utf-8"))
        except ValueError as exc:
            self.fail("export records", f"{out} is not JSON: {exc}")
            return None
        step = "export records"
        self.check(step, records.get("format") == "traumefokus-records", "wrong format field")
        self.check(step, records.get("version") == 1, "not version 1")
        clients = records.get("clients", [])
        self.check(step, len(clients) == 5, f"{len(clients)} clients, expected 5")
        users = {user.get("name") for user in records.get("users", [])}
        self.check(step, {"admin", "mette.h"} <= users, f"demo users missing: {sorted(users)}")
        sessions = sum(len(c.get("sessions", [])) for c in _courses(records))
        self.check(step, sessions > 0, "no sessions exported")
        self._validate(records)
        return records

    def _validate(self, records: dict[str, object]) -> None:
        try:
            import jsonschema
        except ImportError:
            print("skip the records schema check (jsonschema is not installed)")
            return
        schema_file = ROOT / "resources" / "schemas" / "records-v1.schema.json"
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        problems = list(jsonschema.Draft202012Validator(schema).iter_errors(records))
        self.check(
            "export records",
            not problems,
            f"{len(problems)} schema problem(s), first: {problems[0].message if problems else ''}",
        )

    def print_plan(self, data: Path, records: dict[str, object]) -> None:
        courses = _courses(records)
        if not courses:
            self.fail("print plan", "no course in the export to print")
            return
        out = self.work / "plan.pdf"
        course = str(courses[0]["id"])
        self.run(
            "print plan",
            [
                "--data-dir",
                str(data),
                "--user",
                "admin",
                "print",
                "plan",
                "--course",
                course,
                "--out",
                str(out),
            ],
            password=DEMO_PASSWORD,
            lang="da",
        )
        if not out.is_file() or not out.read_bytes().startswith(b"%PDF"):
            self.fail("print plan", f"{out} is not a PDF")
            return
        try:
            import pypdfium2 as pdfium
        except ImportError:
            print("skip reading the plan's text back (pypdfium2 is not installed)")
            return
        document = pdfium.PdfDocument(str(out))
        document_pages = range(len(document))
        try:
            text = "".join(
                document[i].get_textpage().get_text_range() for i in range(len(document))
            )
        finally:
            document.close()
        # The Danish letters are text in the PDF (its fonts carry them), not boxes or gaps.
        self.check(
            "print plan",
            len(document_pages) >= 1 and bool(re.search("[æøå]", text)),
            f"no page, or no æ, ø or å in its text: {text[:200]!r}",
        )

    def log_is_clean(self, *folders: Path) -> None:
        for folder in folders:
            log = folder / "logs" / "traumefokus.log"
            if log.is_file():
                bad = [
                    line
                    for line in log.read_text(encoding="utf-8").splitlines()
                    if " ERROR " in line or " CRITICAL " in line
                ]
                self.check("the log", not bad, f"{log}: {bad[:3]}")


def _courses(records: dict[str, object]) -> list[dict[str, object]]:
    clients = records.get("clients", [])
    assert isinstance(clients, list)
    return [course for client in clients for course in client.get("courses", [])]


def _network_cut_off() -> list[str]:
    """`unshare --net` where it works here: the runs then have no network at all."""
    unshare = shutil.which("unshare")
    if sys.platform.startswith("linux") and unshare:
        probe = subprocess.run([unshare, "--net", "true"], capture_output=True)
        if probe.returncode == 0:
            return [unshare, "--net"]
    return []


def main(argv: Sequence[str]) -> int:
    binary = Path(argv[0]).resolve() if argv else DEFAULT_BINARY
    if not binary.is_file():
        print(f"FAIL no bundle at {binary}: build it first (make bundle)")
        return 1
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tf-bundle-test-") as temp:
        test = BundleTest(binary, Path(temp))
        print(f"Testing {binary}" + (" with no network" if test.isolate else ""))
        empty, admin, demo = (Path(temp) / name for name in ("empty", "admin", "demo"))
        test.contents()
        test.version()
        test.start("start on an empty data directory", empty)
        test.init(admin)
        password = ADMIN_PASSWORD
        test.start("start signed in after init", admin, "--user", "anna", password=password)
        test.check_manual()
        records = test.demo_and_export(demo)
        if records is not None:
            test.print_plan(demo, records)
        password = DEMO_PASSWORD
        test.start("start signed in on the demo", demo, "--user", "mette.h", password=password)
        test.log_is_clean(empty, admin, demo)
    seconds = time.monotonic() - began
    if test.failures:
        print(f"bundle test: {len(test.failures)} failure(s) ({seconds:.0f} s)")
        return 1
    print(f"bundle test: all steps passed ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
