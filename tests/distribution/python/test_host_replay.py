"""JMo Security's whole call-site replay, through send_event from Python, delivered to the collector.

The payloads are the repository's fixture (tests/fixtures/host_payloads.ts),
written as JSON by the Deno test to the file JMO_TEST_HOST_PAYLOADS names,
with the user-defined names that must never be recorded.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import jmo_telemetry as telemetry
from conftest import delivered

FIXTURE = json.loads(Path(os.environ["JMO_TEST_HOST_PAYLOADS"]).read_text())
PAYLOADS: list[dict] = FIXTURE["payloads"]
USER_DEFINED: list[str] = FIXTURE["user_defined_names"]
NOTICE = "JMo Security collects anonymous usage telemetry"


def test_every_host_payload_sent_through_send_event_is_recorded_and_delivered_without_user_names(
    capfd: pytest.CaptureFixture[str],
) -> None:
    config = {"telemetry": {"enabled": True}, "default_profile": "balanced"}
    for index, payload in enumerate(PAYLOADS):
        assert telemetry.send_event(payload["event"], payload["metadata"], config, "1.0.1") is None
        err = capfd.readouterr().err
        if index == 0 or payload["event"] != "scan.started":
            assert (NOTICE in err) is (index == 0), (payload["name"], err)
    stored = delivered(telemetry.get_anonymous_id(), len(PAYLOADS))
    assert sorted(e["event"] for e in stored) == sorted(p["event"] for p in PAYLOADS)
    assert {e["schema"] for e in stored} == {2}
    text = json.dumps(stored)
    for name in USER_DEFINED:
        assert name not in text, name
    assert "172800" not in text and "duration_seconds" not in text
    scans = sum(1 for p in PAYLOADS if p["event"] == "scan.started")
    assert telemetry.status().scan_count == scans


def test_send_policy_evaluation_event_sends_counts_and_buckets_from_the_results() -> None:
    class Result:
        def __init__(self, passed: bool, violations: int) -> None:
            self.passed = passed
            self.violations = [object()] * violations

    results = {
        "zero-secrets": Result(True, 0),
        "owasp-top-10": Result(False, 4),
        "acme-internal-policy": Result(False, 3),
    }
    # The user's first run shows the notice; this run's scan.started releases delivery.
    telemetry.send_event("scan.started", PAYLOADS[0]["metadata"], {}, "1.0.1")
    telemetry.send_event("scan.started", PAYLOADS[0]["metadata"], {}, "1.0.1")
    telemetry.send_policy_evaluation_event(list(results), results, 73.5, {}, "1.0.1")
    stored = delivered(telemetry.get_anonymous_id(), 3)
    policy = next(e for e in stored if e["event"] == "policy.evaluated")
    assert policy["metadata"] == {
        "policy_count": 3,
        "violations_bucket": "5-20",
        "evaluation_time_bucket": "50-100ms",
        "policies": ["custom", "owasp-top-10", "zero-secrets"],
        "passed_count": 1,
        "failed_count": 2,
    }
