"""The audit trail's action codes: every code the program writes is listed, with its
meaning, in domain/audit_actions.py; a code not listed is refused."""

import ast
import re
from pathlib import Path

import pytest

from traumefokus.documents.kinds import DocumentKind
from traumefokus.documents.render import NEEDED
from traumefokus.domain.audit_actions import ACTIONS, KNOWN

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "traumefokus"
CODE = re.compile(r"^[a-z]+\.[a-z_]+$")


def _strings(node: ast.AST) -> set[str]:
    return {
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _is_record(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "record"
        and isinstance(func.value, ast.Name)
        and func.value.id == "audit"
    )


def _passed_to(tree: ast.AST, function: str, index: int, name: str) -> set[str]:
    """The string constants given to `function`'s parameter `name` (position `index`)
    wherever the module calls it."""
    found: set[str] = set()
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        called = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
        if called != function:
            continue
        if len(call.args) > index:
            found |= _strings(call.args[index])
        found |= {s for k in call.keywords if k.arg == name for s in _strings(k.value)}
    return found


def action_codes_in_source() -> dict[str, set[str]]:
    """Each code given to `audit.record`, with the modules that give it: a constant, a
    variable assigned constants in the function, a parameter given constants by the module's
    calls, or the printed documents' `print.{kind}`."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            params = [a.arg for a in function.args.args + function.args.kwonlyargs]
            for call in ast.walk(function):
                if not (isinstance(call, ast.Call) and _is_record(call)):
                    continue
                action = call.args[2]
                if isinstance(action, ast.Constant):
                    codes = {action.value}
                elif isinstance(action, ast.JoinedStr):  # f"print.{document}"
                    assert ast.unparse(action) == "f'print.{document}'", path.name
                    codes = {f"print.{kind.value}" for kind in DocumentKind if kind not in NEEDED}
                elif isinstance(action, ast.Name) and action.id in params:
                    index = params.index(action.id)
                    codes = _passed_to(tree, function.name, index, action.id)
                elif isinstance(action, ast.Name):
                    codes = set().union(
                        *(
                            _strings(node.value)
                            for node in ast.walk(function)
                            if isinstance(node, ast.Assign)
                            and any(getattr(t, "id", None) == action.id for t in node.targets)
                        )
                    )
                else:
                    raise AssertionError(f"{path.name}: an action the scan cannot follow")
                assert codes, f"{path.name}:{call.lineno}: no code found for {ast.unparse(action)}"
                for code in codes:
                    found.setdefault(code, set()).add(path.name)
    return found


def test_every_action_code_written_is_listed_with_its_meaning():
    used = action_codes_in_source()
    assert len(used) > 40, "the scan found too little: the test would be empty"
    assert {"letter.print", "user.password_reset", "settings.list_saved", "print.note"} <= set(
        used
    ), "the scan must follow variables and parameters too"
    missing = {code: sorted(where) for code, where in used.items() if code not in KNOWN}
    assert not missing, f"list these in domain/audit_actions.py: {missing}"


def test_every_listed_code_is_written_somewhere():
    assert set(ACTIONS) - set(action_codes_in_source()) == set()


def test_codes_are_thing_dot_verb_with_a_one_line_meaning():
    for code, meaning in ACTIONS.items():
        assert CODE.match(code), code
        assert meaning and "\n" not in meaning and len(meaning) < 90, code


def test_an_unlisted_code_is_refused(db, admin):
    from traumefokus.services import audit

    with pytest.raises(ValueError, match=r"client\.forget"), db.transaction() as tx:
        audit.record(tx, admin.actor, "client.forget")
