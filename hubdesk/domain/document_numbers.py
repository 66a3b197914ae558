"""Numbers and verification codes of issued documents.

A document number says what was issued, where and when: ``CRT-TNG-2026-00012`` is the twelfth
training certificate of the Tangier site in 2026. The verification code is random, so that knowing
one number does not let anyone forge another: ten Crockford base32 characters shown as
``K7QM4-XPT9C``. Crockford's alphabet has no I, L, O or U, so a code read aloud or typed from
paper survives the usual confusions (O for 0, I or L for 1).
"""

from __future__ import annotations

import re
import secrets

from hubdesk.domain.enums import DocumentKind

#: prefix of the document number per kind of document
PREFIXES: dict[DocumentKind, str] = {
    DocumentKind.REFERRAL_LETTER: "LTR",
    DocumentKind.CERTIFICATE: "CRT",
    DocumentKind.ATTESTATION: "ATT",
    DocumentKind.SUMMARY: "SUM",
}

#: digits of the running number
NUMBER_WIDTH = 5

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10

#: first words of the text the QR code carries
QR_PREFIX = "HUBDESK VERIFY"

_SITE = re.compile(r"^[A-Z]{2,5}$")
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")
_PAYLOAD = re.compile(r"HUBDESK\s+VERIFY\s+\S+\s+(\S+)", re.IGNORECASE)
#: a code inside a longer line, written in two groups; the dashed form first, as printed
_CODES_IN_TEXT = (
    re.compile(r"(?<![\w-])(\w{5})-(\w{5})(?![\w-])"),
    re.compile(r"(?<![\w-])(\w{5})\s+(\w{5})(?![\w-])"),
)


def document_number(kind: DocumentKind, site: str, year: int, n: int) -> str:
    """``CRT-TNG-2026-00012``: prefix of the kind, site code, year, running number."""
    if not _SITE.match(site):
        raise ValueError(f"site code must be 2 to 5 capital letters, got {site!r}")
    if n < 1:
        raise ValueError("numbers start at 1")
    return f"{PREFIXES[DocumentKind(kind)]}-{site}-{year:04d}-{n:0{NUMBER_WIDTH}d}"


def new_verification_code() -> str:
    """Ten random Crockford base32 characters from ``secrets``, shown as ``K7QM4-XPT9C``."""
    raw = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(CODE_LENGTH))
    return _display(raw)


def normalise_verification_code(text: str) -> str | None:
    """The code in its shown form (``K7QM4-XPT9C``), or None if ``text`` holds no valid code.

    Accepts what a person types (lower case, spaces, no dash, O for 0, I or L for 1) and what a
    scanner reads from the QR code (the whole ``HUBDESK VERIFY <number> <code>`` payload), and
    finds a code written inside a longer line such as ``Code: K7QM4-XPT9C``.
    """
    payload = _PAYLOAD.search(text)
    if payload is not None:
        return _clean(payload.group(1))
    whole = _clean(text)
    if whole is not None:
        return whole
    for pattern in _CODES_IN_TEXT:
        for match in pattern.finditer(text):
            found = _clean(match.group(1) + match.group(2))
            if found is not None:
                return found
    return None


def qr_payload(number: str, code: str) -> str:
    """What the QR code of a document carries: ``HUBDESK VERIFY CRT-TNG-2026-00012 K7QM4-XPT9C``."""
    return f"{QR_PREFIX} {number} {code}"


def _clean(text: str) -> str | None:
    raw = _SEPARATORS.sub("", text).upper().translate(_CONFUSABLES)
    if len(raw) != CODE_LENGTH or any(char not in CROCKFORD_ALPHABET for char in raw):
        return None
    return _display(raw)


def _display(raw: str) -> str:
    return f"{raw[:5]}-{raw[5:]}"
