"""Hardware drivers: card reader, fingerprint sensor, printer. No Qt, no SQLite, no HTTP."""
