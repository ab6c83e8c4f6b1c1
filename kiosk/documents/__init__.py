"""Printed documents (no Qt): contribution statement, certification receipt, printer test page.

Each `build_*` returns a `RenderedDocument` (PDF bytes, verification code, page count).
"""

from kiosk.documents.layout import DocumentContext, RenderedDocument
from kiosk.documents.receipt import CertificationOutcome, build_receipt
from kiosk.documents.statement import build_statement, statement_content
from kiosk.documents.test_page import build_test_page
from kiosk.documents.verification import verification_code, verify_code

__all__ = [
    "CertificationOutcome",
    "DocumentContext",
    "RenderedDocument",
    "build_receipt",
    "build_statement",
    "build_test_page",
    "statement_content",
    "verification_code",
    "verify_code",
]
