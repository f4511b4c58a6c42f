"""The catalogue of error and CLI texts: complete, in both languages, used consistently."""

import ast
import re
import string
from pathlib import Path

import pytest

from traumefokus.domain.access import Action
from traumefokus.domain.vocabulary import Attendance, CourseStatus, Role
from traumefokus.errors import DataProblem
from traumefokus.labels import LABELS
from traumefokus.messages import CATALOGUE, Term, describe, text

PLAN_KINDS = (
    "created",
    "themes_chosen",
    "rescheduled",
    "swapped",
    "deferred",
    "extra_added",
    "shifted",
    "cover_granted",
    "cover_withdrawn",
    "reassigned",
    "ended",
    "inclusion_confirmed",
)
PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "traumefokus"
CODE = re.compile(r"^[a-z_]+\.[a-z_]+$")
# Calls with a catalogue code, and the position of the code among their arguments.
CALLS = {
    "InvalidInput": 0,
    "Refused": 0,
    "DataProblem": 0,
    "TraumefokusError": 0,
    "Term": 0,
    "text": 0,
    "say": 0,
    "note": 1,
    "add": 2,
}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def codes_in_source() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in CALLS and len(node.args) > CALLS[name]:
                arg = node.args[CALLS[name]]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    assert CODE.match(arg.value), f"{path.name}: {arg.value!r}"
                    found.add(arg.value)
    return found


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_both_languages_take_the_same_facts(code):
    da, en = CATALOGUE[code]
    assert da and en
    assert fields(da) == fields(en)


def test_every_code_used_in_the_source_is_in_the_catalogue():
    used = codes_in_source()
    assert len(used) > 50, "the scan found too little: the test would be empty"
    dynamic = (
        {f"role.{r.value}" for r in Role}
        | {f"action.{a.value}" for a in Action}
        | {f"part.{p}" for p in ("quote", "commitments", "worksheets")}
        | {f"status.{s.value}" for s in CourseStatus}
        | {f"attendance.{a.value}" for a in Attendance}
        | {f"plan.{kind}" for kind in PLAN_KINDS}
    )
    assert (used | dynamic) - set(CATALOGUE) - set(LABELS) == set()


def test_a_code_is_either_a_message_or_a_label():
    assert set(CATALOGUE) & set(LABELS) == set()


def test_terms_are_translated_with_the_message():
    error = DataProblem(
        "access.denied",
        name="bo",
        role=Term("role.coder"),
        action=Term("action.export_records"),
    )
    assert describe(error, "da") == "bo (koder) må ikke eksportere alle data."
    assert describe(error, "en") == "bo (coder) may not export all records."


def test_text_falls_back_to_danish_for_an_unknown_language():
    assert text("cli.interrupted", "xx") == "Afbrudt."
