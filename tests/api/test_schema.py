"""Property test of the whole API against its own OpenAPI schema (schemathesis): no server error,
responses that match the schema, the one error shape on every refusal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from handcoded import HandCoded, make_client  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402

from marsad.core.pipeline import Pipeline  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(store_path: Path) -> Any:
    app = make_client(store_path).app
    app.state.pipeline = Pipeline([HandCoded()])  # POST /api/code runs a real, light pipeline
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def _operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_schema_lists_every_endpoint(api_schema: Any) -> None:
    paths = {f"{op.method.upper()} {op.path}" for op in _operations(api_schema)}
    assert paths == {"GET /api/meta", "GET /api/events", "GET /api/actors", "GET /api/graph", "GET /api/timeline",
                     "GET /api/places", "GET /api/articles/{article_id}", "GET /api/export", "POST /api/code",
                     "POST /api/articles"}


def test_api_conforms_and_never_fails(api_schema: Any) -> None:
    """Generated requests for every operation (schemathesis's strategies, driven by hypothesis).

    The event filters have rules a JSON schema cannot state (start not after end, a PLOVER type in
    any case, values that are only blanks): a refused filter must still have the one error shape,
    but "valid by the schema, so accepted" is not checked on the operations that take them."""
    from schemathesis.checks import positive_data_acceptance

    for op in _operations(api_schema):
        filtered = any(p.name == "include" for p in op.query)
        excluded = [positive_data_acceptance] if filtered else []

        @given(case=op.as_strategy())
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text)
            case.validate_response(response, excluded_checks=excluded)  # noqa: B023 - check() runs right below
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"error"} and body["error"]["status"] == response.status_code

        check()
