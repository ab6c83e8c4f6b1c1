"""A platform's rejection reason may quote the person's ID number: the append-only audit log,
which carries no full ID numbers, keeps it masked."""

from __future__ import annotations

import json

from offline_cache.outbox import Outcome, Result
from offline_cache.store import Store
from tests.unit.offline_cache.factories import person_id

PID = person_id(7)
REASON = f"unknown person {PID} in this township"
CERTIFICATION = {"benefit": "pension", "method": "fingerprint", "result": "passed", "score": 90,
                 "attempts": 1}  # fmt: skip


def test_the_audit_log_keeps_no_full_id_number_from_a_rejection(store: Store) -> None:
    tx = store.record("certification", CERTIFICATION, person_id=PID)
    store.settle([Result(tx, Outcome.REJECTED, REASON)], {tx})
    entries = [row[0] for row in store.connection.execute("SELECT entry FROM audit_log")]
    rejection = json.loads(entries[-1])
    assert rejection["action"] == "rejected_by_platform"
    assert PID not in "".join(entries)
    assert rejection["error"] == f"unknown person {PID[:4]}{'*' * 10}{PID[-4:]} in this township"
    assert store.rejected()[0].error == REASON  # the outbox row, for the platform, is untouched
    assert store.verify_audit().ok
