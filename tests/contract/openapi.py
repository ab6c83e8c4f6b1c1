"""The county interface (tests/contract/openapi.yaml, a verbatim copy of
../shared/county-api/openapi.yaml) as JSON Schema validators, so that a drift between what the
kiosk sends, what the reference server answers and the contract fails CI.

OpenAPI 3.1 schemas are JSON Schema 2020-12; `$ref`s point into the whole document. Formats are
checked (uuid, date, date-time); `date-time` must be RFC 3339 WITH an offset, as README.md says.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

CONTRACT = Path(__file__).with_name("openapi.yaml")
SHARED_CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "county-api" / "openapi.yaml"
_BASE = "urn:county-api:openapi"
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")

_formats = FormatChecker()


@_formats.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        raise ValueError(f"{value!r} is not RFC 3339 with an offset")
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@_formats.checks("date", raises=ValueError)
def _date(value: object) -> bool:
    if isinstance(value, str):
        date.fromisoformat(value)
    return True


@_formats.checks("uuid")
def _uuid(value: object) -> bool:
    return not isinstance(value, str) or bool(_UUID.match(value))


@cache
def document() -> dict[str, Any]:
    loaded = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@cache
def _registry() -> Registry:
    resource = Resource.from_contents(document(), default_specification=DRAFT202012)
    return Registry().with_resource(_BASE, resource)


def validator(pointer: str) -> Draft202012Validator:
    """A validator for the schema at JSON pointer `pointer` (e.g. "/components/schemas/Job")."""
    return Draft202012Validator(
        {"$ref": f"{_BASE}#{pointer}"}, registry=_registry(), format_checker=_formats
    )


def _escape(path: str) -> str:
    return path.replace("~", "~0").replace("/", "~1")


def response_validator(path: str, method: str, status: int) -> Draft202012Validator:
    """The JSON body schema of one documented response (follows `components/responses` refs)."""
    responses = document()["paths"][path][method.lower()]["responses"]
    entry = responses[str(status)]
    if "$ref" in entry:
        pointer = entry["$ref"].removeprefix("#")
    else:
        pointer = f"/paths/{_escape(path)}/{method.lower()}/responses/{status}"
    return validator(f"{pointer}/content/application~1json/schema")


def request_validator(path: str, method: str) -> Draft202012Validator:
    return validator(
        f"/paths/{_escape(path)}/{method.lower()}/requestBody/content/application~1json/schema"
    )


def errors_of(v: Draft202012Validator, instance: Any) -> list[str]:
    """Every violation, one readable line each (empty when valid)."""
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in v.iter_errors(instance)
    ]
