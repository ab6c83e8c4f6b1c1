"""Synthetic residents, jobs and notices (wire JSON and models) for the offline-cache tests."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Any

from offline_cache.models import Benefit, Certification, Contribution, Fingerprint, Resident

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def person_id(n: int, birth: str = "19550101") -> str:
    """A GB 11643 ID number with a valid MOD 11-2 check digit."""
    body = f"320102{birth}{n % 1000:03d}"
    return body + _CHECK[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def template(pid: str, finger: str) -> bytes:
    seed = hashlib.sha256(f"{pid}/{finger}".encode()).digest()
    return (seed * 16)[:512]


def resident_wire(n: int, version: int = 1, name: str = "王秀英") -> dict[str, Any]:
    pid = person_id(n)
    return {
        "person_id": pid,
        "name": name,
        "gender": "F",
        "birth_date": "1955-01-01",
        "card_number": f"A{n:08d}",
        "township_code": "320102001",
        "village_code": "320102001001",
        "account_balance_cents": 123456 + n,
        "version": version,
        "benefits": [
            {
                "kind": "pension",
                "status": "active",
                "monthly_amount_cents": 185000,
                "paid_until": "2026-11-30",
                "certification": {
                    "period": "annual",
                    "due_by": "2026-12-31",
                    "last_certified_at": "2025-12-02T09:30:00+08:00",
                },
            }
        ],
        "fingerprints": [
            {
                "finger": finger,
                "template": base64.b64encode(template(pid, finger)).decode(),
                "enrolled_at": "2020-05-06T10:00:00+08:00",
            }
            for finger in ("right_index", "left_index")
        ],
        "contributions": [
            {
                "year": year,
                "scheme": "resident_pension",
                "months_paid": 12,
                "base_cents": 300000,
                "personal_cents": 20000,
                "unit_cents": 0,
                "employer": "" if year % 2 else "青山镇农机站",
            }
            for year in range(2000, 2016)
        ],
    }


def resident_model(n: int, benefits: list[Benefit] | None = None) -> Resident:
    pid = person_id(n)
    return Resident(
        person_id=pid,
        name="欧阳𠮷英",
        gender="F",
        birth_date=date(1955, 1, 1),
        card_number=f"B{n:08d}",
        township_code="320102001",
        version=1,
        benefits=benefits
        if benefits is not None
        else [
            Benefit(
                "pension",
                "active",
                185000,
                Certification("annual", date(2026, 12, 31), None),
            ),
            Benefit(
                "unemployment",
                "active",
                150000,
                Certification("monthly", date(2026, 11, 30), None),
            ),
        ],
        fingerprints=[Fingerprint("right_thumb", template(pid, "right_thumb"))],
        contributions=[Contribution(2020, "medical", 12, 1, 2, 3, "某厂")],
    )


def job_wire(n: int, expires_in_days: int = 30) -> dict[str, Any]:
    now = datetime(2026, 11, 28, tzinfo=UTC)
    return {
        "job_id": f"J{n}",
        "title": f"护林员 {n}",
        "employer": "青山镇林业站",
        "township_code": "320102001",
        "headcount": 2,
        "posted_at": (now - timedelta(days=1)).isoformat(),
        "expires_at": (now + timedelta(days=expires_in_days)).isoformat(),
        "salary_min_cents": 300000,
    }


def notice_wire(n: int) -> dict[str, Any]:
    return {
        "notice_id": f"N{n}",
        "title": f"通知 {n}",
        "body": "请按时认证。",
        "published_at": "2026-11-01T08:00:00+08:00",
        "expires_at": None,
    }


def upsert(feed_key: str, entity: dict[str, Any]) -> dict[str, Any]:
    return {"op": "upsert", feed_key: entity}


def delete(entity_id: str) -> dict[str, Any]:
    return {"op": "delete", "id": entity_id}
