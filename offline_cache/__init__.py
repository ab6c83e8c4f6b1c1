"""Offline copy of the township data, the transaction outbox, sync and the audit log. No Qt."""
