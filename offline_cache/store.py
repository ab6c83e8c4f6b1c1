"""The offline store: the township copy of the feeds, the outbox and the audit log, in one SQLite
database. One `Store` per thread (each owns a connection); the sync worker opens its own.

Everything a resident is told happened is committed before `record*` returns: the outbox row,
its local effect and its audit entry share one SQLite transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from offline_cache import audit, integrity, outbox
from offline_cache import ledger as ledger_file
from offline_cache.certification import certified_this_period, next_due_by
from offline_cache.codec import (
    ResidentRow,
    benefits_from_column,
    contributions_from_column,
    job_from_column,
    job_to_column,
    notice_from_column,
    notice_to_column,
    resident_row,
)
from offline_cache.crypto import TemplateCipher
from offline_cache.db import transaction
from offline_cache.feeds import Delete, Feed, FeedOp, Upsert
from offline_cache.models import Benefit, Certification, Fingerprint, Job, Notice, Resident
from offline_cache.outbox import OutboxTx, Result, SettleCounts, TxKind, TxState
from offline_cache.privacy import mask_id, mask_id_numbers
from offline_cache.zone import KIOSK_TZ

log = logging.getLogger(__name__)

_FEED_TABLES = {Feed.ROSTER: "residents", Feed.JOBS: "jobs", Feed.NOTICES: "notices"}


class UnknownResidentError(LookupError):
    """No cached resident (or no such benefit) for a certification; nothing was written."""


@dataclass(frozen=True)
class QueueSummary:
    pending: int
    delivered: int
    rejected: int
    oldest_pending_age_s: float | None


@dataclass(frozen=True)
class SyncStatus:
    """What the maintenance screen shows about synchronisation."""

    last_success_at: float | None  # Unix seconds of the last fully successful round
    last_attempt_at: float | None
    pending: int
    rejected: int
    oldest_pending_age_s: float | None
    feed_ages_s: dict[str, float | None]  # seconds since each feed was last pulled completely
    clock_offset_s: float  # platform clock minus kiosk clock


class Store:
    """See the module docstring. Not thread-safe by design: one instance per thread."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        cipher: TemplateCipher,
        clock: Callable[[], float],
        db_path: Path | None = None,
    ) -> None:
        self._conn = conn
        self._cipher = cipher
        self._clock = clock
        self._db_path = db_path  # where the ledger lives (None: a connection of a test)

    @classmethod
    def open(
        cls, db_path: Path, template_key: bytes, clock: Callable[[], float] = time.time
    ) -> Store:
        """Create or migrate the database at `db_path`; `clock` is the kiosk's Unix clock.
        `DatabaseDamaged` when the file is missing, empty, corrupt or behind its ledger
        (offline_cache/integrity.py): it is never recreated over."""
        cipher = TemplateCipher(template_key)
        return cls(integrity.open_database(db_path), cipher, clock, db_path)

    @property
    def path(self) -> Path | None:
        """The database file (None for a connection handed in by a test)."""
        return self._db_path

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    def close(self) -> None:
        self._conn.close()

    # --- residents -----------------------------------------------------------------------

    _RESIDENT_COLUMNS = (
        "person_id, card_number, name, gender, birth_date, township_code, village_code, "
        "account_balance_cents, version, benefits, contributions"
    )

    def resident_by_person_id(self, pid: str) -> Resident | None:
        row = self._conn.execute(
            f"SELECT {self._RESIDENT_COLUMNS} FROM residents WHERE person_id = ?", (pid,)
        ).fetchone()
        return self._resident(row) if row else None

    def resident_by_card_number(self, card_number: str) -> Resident | None:
        row = self._conn.execute(
            f"SELECT {self._RESIDENT_COLUMNS} FROM residents WHERE card_number = ?",
            (card_number,),
        ).fetchone()
        return self._resident(row) if row else None

    def upsert_resident(self, resident: Resident) -> None:
        with transaction(self._conn):
            self._upsert_residents([resident])

    def resident_count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM residents").fetchone()[0])

    def _resident(self, row: tuple[Any, ...]) -> Resident:
        pid = row[0]
        fingerprints = [
            Fingerprint(
                finger=finger,
                template=self._cipher.open(sealed, pid, finger),
                enrolled_at=datetime.fromisoformat(enrolled) if enrolled else None,
            )
            for finger, sealed, enrolled in self._conn.execute(
                "SELECT finger, sealed, enrolled_at FROM fingerprints WHERE person_id = ?",
                (pid,),
            )
        ]
        return Resident(
            person_id=pid,
            card_number=row[1],
            name=row[2],
            gender=row[3],
            birth_date=date.fromisoformat(row[4]),
            township_code=row[5],
            village_code=row[6],
            account_balance_cents=row[7],
            version=row[8],
            benefits=self._with_local_certifications(pid, benefits_from_column(row[9])),
            fingerprints=fingerprints,
            contributions=contributions_from_column(row[10]),
        )

    def _with_local_certifications(self, pid: str, benefits: list[Benefit]) -> list[Benefit]:
        """Overlay certifications made here that the roster does not show yet."""
        local = {
            kind: (datetime.fromisoformat(at), date.fromisoformat(due))
            for kind, at, due in self._conn.execute(
                "SELECT benefit, last_certified_at, due_by FROM local_certifications "
                "WHERE person_id = ?",
                (pid,),
            )
        }
        if not local:
            return benefits
        merged = []
        for b in benefits:
            mine = local.get(b.kind)
            theirs = b.certification.last_certified_at
            if mine and (theirs is None or mine[0] > theirs):
                b = replace(
                    b,
                    certification=Certification(
                        period=b.certification.period,
                        due_by=max(mine[1], b.certification.due_by),
                        last_certified_at=mine[0],
                    ),
                )
            merged.append(b)
        return merged

    def _upsert_residents(self, residents: Sequence[Resident | ResidentRow]) -> None:
        """Bulk upsert inside the caller's transaction: one executemany per table. Roster pages
        arrive as `ResidentRow`s (columns already encoded); models are encoded here."""
        rows = [r if isinstance(r, ResidentRow) else resident_row(r) for r in residents]
        # The last change of a resident wins: otherwise a finger an earlier change of the same
        # run had would be re-inserted after all the DELETEs below.
        rows = list({r.person_id: r for r in rows}.values())
        self._conn.executemany(
            f"INSERT INTO residents ({self._RESIDENT_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET "
            "card_number = excluded.card_number, name = excluded.name, "
            "gender = excluded.gender, birth_date = excluded.birth_date, "
            "township_code = excluded.township_code, village_code = excluded.village_code, "
            "account_balance_cents = excluded.account_balance_cents, "
            "version = excluded.version, benefits = excluded.benefits, "
            "contributions = excluded.contributions, stale = 0",
            [r.columns() for r in rows],
        )
        self._conn.executemany(
            "DELETE FROM fingerprints WHERE person_id = ?", [(r.person_id,) for r in rows]
        )
        self._conn.executemany(
            "INSERT OR REPLACE INTO fingerprints (person_id, finger, sealed, enrolled_at) "
            "VALUES (?, ?, ?, ?)",
            [
                (
                    r.person_id,
                    fp.finger,
                    self._cipher.seal(fp.template, r.person_id, fp.finger),
                    fp.enrolled_at.isoformat() if fp.enrolled_at else None,
                )
                for r in rows
                for fp in r.fingerprints
            ],
        )

    # --- jobs and notices ----------------------------------------------------------------

    def jobs(self, now: datetime) -> list[Job]:
        """Jobs not yet expired at `now`, newest first."""
        rows = self._conn.execute(
            "SELECT data FROM jobs WHERE expires_at > ? ORDER BY posted_at DESC, job_id",
            (now.timestamp(),),
        )
        return [job_from_column(r[0]) for r in rows]

    def notices(self, now: datetime) -> list[Notice]:
        """Notices published by `now` and not expired, newest first."""
        rows = self._conn.execute(
            "SELECT data FROM notices WHERE published_at <= ? "
            "AND (expires_at IS NULL OR expires_at > ?) ORDER BY published_at DESC, notice_id",
            (now.timestamp(), now.timestamp()),
        )
        return [notice_from_column(r[0]) for r in rows]

    # --- feeds ---------------------------------------------------------------------------

    def feed_cursor(self, feed: Feed) -> str | None:
        row = self._conn.execute(
            "SELECT cursor FROM feed_cursors WHERE feed = ?", (feed.value,)
        ).fetchone()
        return row[0] if row else None

    def apply_page(
        self, feed: Feed, ops: Sequence[FeedOp], next_cursor: str, complete: bool
    ) -> None:
        """Apply one page in order and store its cursor, atomically. Re-applying is harmless:
        upserts replace by id and deletes of absent ids do nothing. `complete` (no more pages)
        marks the feed as fresh for the status screen."""
        with transaction(self._conn):
            run: list[Any] = []
            for op in ops:
                if isinstance(op, Upsert):
                    run.append(op.entity)
                    continue
                self._flush_upserts(feed, run)
                run = []
                self._delete(feed, op)
            self._flush_upserts(feed, run)
            if complete:  # a re-pull has ended: what it did not bring back is gone upstream
                self._conn.execute(f"DELETE FROM {_FEED_TABLES[feed]} WHERE stale = 1")
            now = self._clock() if complete else None
            self._conn.execute(
                "INSERT INTO feed_cursors (feed, cursor, last_success_at) VALUES (?, ?, ?) "
                "ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, "
                "last_success_at = COALESCE(excluded.last_success_at, last_success_at)",
                (feed.value, next_cursor, now),
            )

    def drop_feed(self, feed: Feed) -> None:
        """Forget the local copy of a feed and its cursor (the platform said cursor_expired).
        Certifications made here survive: they are facts of this kiosk, not of the feed."""
        with transaction(self._conn):
            self._conn.execute(f"DELETE FROM {_FEED_TABLES[feed]}")
            self._conn.execute(
                "UPDATE feed_cursors SET cursor = NULL WHERE feed = ?", (feed.value,)
            )

    def restart_feed(self, feed: Feed) -> None:
        """Pull `feed` again from no cursor (410 cursor_expired, or a technician's re-pull)
        without a gap: the current copy keeps answering lookups, marked stale, until the page
        that completes the re-pull removes whatever the new copy did not bring back. A crash or
        a failed round in between leaves the old rows serving; the next round resumes."""
        with transaction(self._conn):
            self._conn.execute(f"UPDATE {_FEED_TABLES[feed]} SET stale = 1")
            self._conn.execute(
                "UPDATE feed_cursors SET cursor = NULL WHERE feed = ?", (feed.value,)
            )

    def restarting_feeds(self) -> list[Feed]:
        """Feeds whose re-pull has not completed yet (their copy still holds stale rows)."""
        return [
            feed
            for feed, table in _FEED_TABLES.items()
            if self._conn.execute(f"SELECT 1 FROM {table} WHERE stale = 1 LIMIT 1").fetchone()
        ]

    def _flush_upserts(self, feed: Feed, entities: list[Any]) -> None:
        if not entities:
            return
        if feed is Feed.ROSTER:
            self._upsert_residents(entities)
        elif feed is Feed.JOBS:
            self._conn.executemany(
                "INSERT OR REPLACE INTO jobs (job_id, expires_at, posted_at, data) "
                "VALUES (?, ?, ?, ?)",
                [
                    (j.job_id, j.expires_at.timestamp(), j.posted_at.timestamp(), job_to_column(j))
                    for j in entities
                ],
            )
        else:
            self._conn.executemany(
                "INSERT OR REPLACE INTO notices (notice_id, published_at, expires_at, data) "
                "VALUES (?, ?, ?, ?)",
                [
                    (
                        n.notice_id,
                        n.published_at.timestamp(),
                        n.expires_at.timestamp() if n.expires_at else None,
                        notice_to_column(n),
                    )
                    for n in entities
                ],
            )

    def _delete(self, feed: Feed, op: Delete) -> None:
        key = {Feed.ROSTER: "person_id", Feed.JOBS: "job_id", Feed.NOTICES: "notice_id"}[feed]
        self._conn.execute(f"DELETE FROM {_FEED_TABLES[feed]} WHERE {key} = ?", (op.id,))

    # --- transactions --------------------------------------------------------------------

    def now(self) -> datetime:
        """The kiosk's best idea of the time: its clock corrected by the learned offset."""
        return datetime.fromtimestamp(self._clock() + self.clock_offset(), KIOSK_TZ)

    def record(
        self,
        kind: str,
        payload: dict[str, Any],
        person_id: str | None = None,
        now: datetime | None = None,
    ) -> str:
        """Queue a transaction for the platform (committed when this returns); its uuid."""
        tx_kind = outbox.validate(kind, payload, person_id)
        with transaction(self._conn):
            tx_id = self._record(tx_kind, payload, person_id, now or self.now()).id
        self._update_ledger()
        return tx_id

    def _update_ledger(self) -> None:
        """After a commit that recorded something: the ledger learns it (ledger.py). A ledger
        that cannot be written stays behind, the harmless direction: logged, not raised."""
        if self._db_path is None:
            return
        try:
            ledger_file.write(self._db_path, integrity.current(self._conn))
        except OSError:
            log.exception("the database ledger could not be written")

    def record_maintenance(self, action: str, detail: str = "") -> str:
        """A technician's action: goes to the platform and into the audit log."""
        payload = {"action": action, **({"detail": detail} if detail else {})}
        return self.record(TxKind.MAINTENANCE.value, payload)

    def _record(
        self, kind: TxKind, payload: dict[str, Any], person_id: str | None, now: datetime
    ) -> OutboxTx:
        tx = outbox.enqueue(
            self._conn, kind, payload, person_id, now.astimezone(KIOSK_TZ), self._clock()
        )
        details: dict[str, Any] = {
            "kind": kind.value,
            "tx": tx.id,
            "seq": tx.seq,
            "person": mask_id(person_id) if person_id else None,
            "payload_sha256": hashlib.sha256(
                audit.canonical_json(dict(payload)).encode()
            ).hexdigest(),
        }
        if kind is TxKind.MAINTENANCE:
            details["maintenance_action"] = str(payload.get("action"))
        audit.append(self._conn, "transaction", tx.occurred_at, **details)
        return tx

    def record_certification(
        self,
        person_id: str,
        benefit: str,
        passed: bool,
        score: int,
        attempts: int,
        finger: str | None,
        now: datetime,
    ) -> str:
        """Queue a certification and, when it passed, move the local due date — one commit.
        Certifying again in the same period is recorded but moves no date."""
        payload: dict[str, Any] = {
            "benefit": benefit,
            "method": "fingerprint",
            "result": "passed" if passed else "failed",
            "score": score,
            "attempts": attempts,
        }
        if finger:
            payload["finger"] = finger
        outbox.validate(TxKind.CERTIFICATION.value, payload, person_id)
        with transaction(self._conn):
            current = self._benefit(person_id, benefit)
            if current is None:
                raise UnknownResidentError(
                    f"no cached {benefit} benefit for resident {mask_id(person_id)}"
                )
            tx = self._record(TxKind.CERTIFICATION, payload, person_id, now)
            cert = current.certification
            if passed and not certified_this_period(
                cert.period, cert.due_by, cert.last_certified_at, now
            ):
                due = next_due_by(cert.period, cert.due_by, now.astimezone(KIOSK_TZ).date())
                self._conn.execute(
                    "INSERT OR REPLACE INTO local_certifications "
                    "(person_id, benefit, last_certified_at, due_by) VALUES (?, ?, ?, ?)",
                    (person_id, benefit, tx.occurred_at, due.isoformat()),
                )
        self._update_ledger()
        return tx.id

    def certified_this_period(self, person_id: str, benefit: str, now: datetime) -> bool:
        """Whether the resident has already certified this benefit for the current period."""
        current = self._benefit(person_id, benefit)
        if current is None:
            return False
        cert = current.certification
        return certified_this_period(cert.period, cert.due_by, cert.last_certified_at, now)

    def _benefit(self, person_id: str, kind: str) -> Benefit | None:
        row = self._conn.execute(
            "SELECT benefits FROM residents WHERE person_id = ?", (person_id,)
        ).fetchone()
        if row is None:
            return None
        benefits = self._with_local_certifications(person_id, benefits_from_column(row[0]))
        return next((b for b in benefits if b.kind == kind), None)

    # --- outbox for the sync client and technicians ---------------------------------------

    def pending_after(self, after_seq: int, limit: int) -> list[OutboxTx]:
        return outbox.pending_after(self._conn, after_seq, limit)

    def settle(self, results: Iterable[Result], batch_ids: set[str]) -> SettleCounts:
        """Record a batch's verdicts; rejections also go into the audit log."""
        with transaction(self._conn):
            counts, newly_rejected = outbox.settle(self._conn, results, batch_ids, self._clock())
            for tx in newly_rejected:
                if tx.kind == TxKind.CERTIFICATION.value:
                    # the platform will never count it: the local due date it moved goes too
                    self._conn.execute(
                        "DELETE FROM local_certifications WHERE person_id = ? AND benefit = ? "
                        "AND last_certified_at = ?",
                        (tx.person_id, json.loads(tx.body)["payload"]["benefit"], tx.occurred_at),
                    )
                audit.append(
                    self._conn,
                    "rejected_by_platform",
                    self.now().isoformat(timespec="seconds"),
                    tx=tx.id,
                    kind=tx.kind,
                    error=mask_id_numbers(tx.error or "")[:200],  # it may quote the person
                )
        if newly_rejected:
            self._update_ledger()
        return counts

    def transaction(self, tx_id: str) -> OutboxTx | None:
        return outbox.get(self._conn, tx_id)

    def transaction_ids(self) -> list[str]:
        return outbox.all_ids(self._conn)

    def rejected(self) -> list[OutboxTx]:
        return outbox.rejected(self._conn)

    def queue_summary(self) -> QueueSummary:
        counts = outbox.counts(self._conn)
        oldest = outbox.oldest_pending_created_at(self._conn)
        return QueueSummary(
            pending=counts[TxState.PENDING],
            delivered=counts[TxState.DELIVERED],
            rejected=counts[TxState.REJECTED],
            oldest_pending_age_s=max(0.0, self._clock() - oldest) if oldest else None,
        )

    def verify_audit(self) -> audit.AuditVerdict:
        return audit.verify(self._conn)

    # --- sync bookkeeping ----------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
            )

    def clock_offset(self) -> float:
        """Seconds to add to the kiosk clock to get the platform's clock."""
        value = self._meta("clock_offset")
        return float(value) if value else 0.0

    def set_clock_offset(self, seconds: float) -> None:
        self._set_meta("clock_offset", repr(float(seconds)))

    def mark_sync_attempt(self, success: bool) -> None:
        now = repr(self._clock())
        self._set_meta("last_sync_attempt", now)
        if success:
            self._set_meta("last_sync_success", now)

    def sync_status(self) -> SyncStatus:
        summary = self.queue_summary()
        now = self._clock()
        ages: dict[str, float | None] = {}
        for feed in Feed:
            row = self._conn.execute(
                "SELECT last_success_at FROM feed_cursors WHERE feed = ?", (feed.value,)
            ).fetchone()
            ages[feed.value] = max(0.0, now - row[0]) if row and row[0] is not None else None
        success, attempt = self._meta("last_sync_success"), self._meta("last_sync_attempt")
        return SyncStatus(
            last_success_at=float(success) if success else None,
            last_attempt_at=float(attempt) if attempt else None,
            pending=summary.pending,
            rejected=summary.rejected,
            oldest_pending_age_s=summary.oldest_pending_age_s,
            feed_ages_s=ages,
            clock_offset_s=self.clock_offset(),
        )
