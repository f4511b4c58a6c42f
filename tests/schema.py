"""Validating exports against the published JSON Schema, strictly.

The shipped schema lets readers ignore unknown properties (version 1 grows by additions);
tests close every object so that a field the schema does not document fails."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema

from traumefokus.paths import shipped_dir


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((shipped_dir("resources") / "schemas" / name).read_text(encoding="utf-8"))


def strict(schema: dict[str, Any]) -> dict[str, Any]:
    closed = copy.deepcopy(schema)

    def close(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                node.setdefault("additionalProperties", False)
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(closed)
    return closed


def validate_records(document: dict[str, Any]) -> None:
    schema = strict(load_schema("records-v1.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)
