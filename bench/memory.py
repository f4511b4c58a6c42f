"""Peak memory on the large demo, each figure from a process of its own: `export records` of
everything (goal: under 150 MB: it streams) and of one client, the full logbook export (CSV,
XLSX), the coding export of a round of 100 sessions, 500 notes in one PDF, and the running
program: the main window signed in (mette.h, then the supervisor), ten courses opened, then
500 notes printed through the print preview's own path (goal: under 300 MB).

    .venv/bin/python bench/memory.py [--data-dir DIR] [--only NAME ...]

Without --data-dir it builds the large demo first (a few minutes). Drawing the coding round
and printing write to the database (a round, audit entries): use a copy you keep.

Two figures per line. "whole" is the process's peak resident memory as the operating system
saw it (os.wait4: Linux's and macOS's maxrss), Python, the imports and the sign-in included:
the sign-in's key derivation alone takes 128 MiB for a moment (argon2id's memory cost, by
design). "work" is the peak of the work itself: the process signs in, then resets its peak
(Linux: /proc/self/clear_refs) and reads it again when the work is done, so that the figure
is what the export or the program adds on top of a signed-in process, imports included.
The goals are read against "work", which is also what decides whether a laptop runs short.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
PASSWORD = "traumefokus-demo"
NOTES = 500
COURSES = 10

# name: (what it is, goal in MB or None)
SCENARIOS: dict[str, tuple[str, float | None]] = {
    "records": ("export records (all clients)", 150),
    "records-cli": ("traumefokus export records (command)", None),
    "client": ("export records --client (one client)", None),
    "logbook-csv": ("export logbook (CSV, all ten years)", None),
    "logbook-xlsx": ("export logbook (XLSX, all ten years)", None),
    "coding": ("coding export of 100 sessions (ZIP)", None),
    "notes": (f"{NOTES} notes in one PDF", None),
    "program-mette.h": (f"program: {COURSES} courses + {NOTES} notes printed", 300),
    "program-supervisor": (f"program: {COURSES} courses + {NOTES} notes printed", 300),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir")
    parser.add_argument("--only", nargs="*", choices=sorted(SCENARIOS))
    parser.add_argument("--probe", help=argparse.SUPPRESS)  # inside the child process
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        probe(args.probe, Path(args.data_dir), Path(args.out))
        return
    sys.path.insert(0, str(HERE))
    from common import large_demo  # imports traumefokus only to build the demo

    folder = large_demo(args.data_dir)
    for name in args.only or SCENARIOS:
        measure(name, folder)


def measure(name: str, folder: Path) -> None:
    """Run `name` in a child process; print its whole and its work's peak beside the goal."""
    label, goal = SCENARIOS[name]
    if name.startswith("program-"):
        label = f"{label} ({name.removeprefix('program-')})"
    scratch = Path(tempfile.mkdtemp(prefix="traumefokus-memory-"))
    out = scratch / "out"
    if name == "records-cli":
        code = "import sys; from traumefokus.cli import main; sys.exit(main(sys.argv[1:]))"
        command = [sys.executable, "-c", code, "--data-dir", str(folder), "--user", "admin"]
        command += ["--lang", "en", "export", "records", "--out", str(out)]
    else:
        command = [sys.executable, str(Path(__file__).resolve()), "--probe", name]
        command += ["--data-dir", str(folder), "--out", str(out)]
    env = {**os.environ, "TRAUMEFOKUS_PASSWORD": PASSWORD}
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert child.stdout is not None and child.stderr is not None
    said, problems = child.stdout.read().decode(), child.stderr.read().decode()
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    _remove(scratch)
    if child.returncode != 0:
        print(f"{label:<52} FAILED ({child.returncode}): {problems.strip()[-400:]}")
        return
    whole = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    figures = _last_json(said) or {}
    work = float(figures.get("work_kb", 0)) / 1024  # type: ignore[arg-type]
    whole = max(whole, float(figures.get("setup_kb", 0)) / 1024, work)  # type: ignore[arg-type]
    line = f"{label:<52} whole {whole:5.0f} MB"
    line += f"   work {work:5.0f} MB" if work else " " * 16
    if goal is not None:
        judged = work or whole
        line += f"   goal < {goal:.0f} MB {'met' if judged < goal else 'MISSED'}"
    line += f"   {float(figures.get('seconds', seconds)):6.1f} s"  # type: ignore[arg-type]
    if figures.get("note"):
        line += f"   ({figures['note']})"
    print(line, flush=True)


def _last_json(text: str) -> dict[str, object] | None:
    for line in reversed(text.strip().splitlines()):
        if line.startswith("{"):
            found: dict[str, object] = json.loads(line)
            return found
    return None


def _remove(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    folder.rmdir()


# --- inside the child ---------------------------------------------------------------------
def _peak_kb() -> int:
    """This process's peak resident memory (Linux's VmHWM; else getrusage's maxrss)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _reset_peak() -> bool:
    """Start the peak again from what the process holds now (Linux 4.0 and later)."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


def probe(name: str, folder: Path, out: Path) -> None:
    import gc

    sys.path.insert(0, str(HERE))
    if name.startswith("program-"):
        from memory_program import prepare_program

        work, note = prepare_program(folder, name.removeprefix("program-"), out, NOTES, COURSES)
    else:
        work, note = _prepare_export(name, folder, out)
    gc.collect()
    setup_kb = _peak_kb()  # the sign-in's peak: resetting the peak forgets it
    reset = _reset_peak()
    began = time.perf_counter()
    said = work()
    seconds = time.perf_counter() - began
    figures = {"seconds": seconds, "note": said or note, "setup_kb": setup_kb}
    if reset:
        figures["work_kb"] = _peak_kb()
    print(json.dumps(figures))


def _prepare_export(name: str, folder: Path, out: Path):  # type: ignore[no-untyped-def]
    """Sign in (as the command line does), prepare what the export needs, and return the
    export to run, with a word on its size."""
    from datetime import date

    from common import open_as

    user = {"records": "admin", "client": "admin", "notes": "admin"}.get(name, "supervisor")
    acting = open_as(folder, user).acting
    if name == "records":
        from traumefokus.exports.records import export_records

        return lambda: _said(export_records(acting, out)), ""
    if name == "client":
        from traumefokus.exports.records import export_records

        code = _busiest_client(acting)
        return lambda: _said(export_records(acting, out, client_code=code)), ""
    if name.startswith("logbook-"):
        from traumefokus.exports.logbook import export_logbook

        target = out.with_suffix("." + name.removeprefix("logbook-"))
        return lambda: f"{export_logbook(acting, target).rows} rows", ""
    if name == "coding":
        from traumefokus.exports.coding import export_coding
        from traumefokus.services.coding_rounds import RoundSpec, create_round

        round_name = f"bench-memory-{os.getpid()}-{int(time.time())}"
        spec = RoundSpec(round_name, "SS", date(1900, 1, 1), date.today(), 100, round_name)
        create_round(acting, spec)
        key, zipped = out.with_name("key.csv"), out.with_suffix(".zip")

        def coding() -> str:
            done = export_coding(acting, round_name, zipped, as_zip=True, recordings_key=key)
            return f"{done.sessions} sessions, {zipped.stat().st_size // 1024} KB ZIP"

        return coding, ""
    assert name == "notes"
    return _notes_pdf(acting, out), ""


def _said(summary: object) -> str:
    return f"{summary.clients} clients, {summary.sessions} sessions"  # type: ignore[attr-defined]


def _busiest_client(acting) -> str:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from traumefokus.storage.models import Client, Course, CourseSession

    with acting.db.reading() as tx:
        code: str = tx.execute(
            select(Client.code)
            .join(Course, Course.client_id == Client.id)
            .join(CourseSession, CourseSession.course_id == Course.id)
            .group_by(Client.code)
            .order_by(func.count().desc(), Client.code)
            .limit(1)
        ).scalar_one()
    return code


def _notes_pdf(acting, out: Path):  # type: ignore[no-untyped-def]
    """`NOTES` signed notes laid out in one PDF, as documents.py's bench does."""
    from datetime import date

    from sqlalchemy import select

    from traumefokus.documents.page import build_pdf
    from traumefokus.documents.session_note import note_section
    from traumefokus.documents.wording import Wording
    from traumefokus.services.session_notes import open_note
    from traumefokus.storage.models import CourseSession

    with acting.db.reading() as tx:
        signed = tx.scalars(
            select(CourseSession.id)
            .where(CourseSession.note_status == "signed")
            .order_by(CourseSession.id)
            .limit(NOTES)
        ).all()

    def work() -> str:
        words = Wording("da")
        sections = [note_section(open_note(acting, s), words, with_name=False) for s in signed]
        pdf = build_pdf(sections, title="bench", words=words, printed_on=date.today())
        out.write_bytes(pdf.data)
        return f"{len(signed)} notes, {pdf.pages} pages"

    return work


if __name__ == "__main__":
    main()
