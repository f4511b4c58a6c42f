"""The catalogue of error and CLI texts: complete, in both languages, used consistently."""

import re
import string
from pathlib import Path

import pytest

from traumefokus.errors import DataProblem
from traumefokus.messages import CATALOGUE, Term, describe, text

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "traumefokus"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_both_languages_take_the_same_facts(code):
    da, en = CATALOGUE[code]
    assert da and en
    assert fields(da) == fields(en)


def test_every_code_raised_in_the_source_is_in_the_catalogue():
    pattern = re.compile(r'(?:InvalidInput|Refused|DataProblem|TraumefokusError)\(\s*"([^"]+)"')
    used = {m for path in PACKAGE.rglob("*.py") for m in pattern.findall(path.read_text())}
    assert used, "the pattern found nothing: the test would be empty"
    assert used - set(CATALOGUE) == set()


def test_terms_are_translated_with_the_message():
    error = DataProblem(
        "permission.denied",
        name="bo",
        role=Term("role.coder"),
        action=Term("action.export_records"),
    )
    assert describe(error, "da") == "bo (koder) må ikke eksportere alle data."
    assert describe(error, "en") == "bo (coder) may not export all records."


def test_text_falls_back_to_danish_for_an_unknown_language():
    assert text("cli.interrupted", "xx") == "Afbrudt."
