import re

import pytest

from hubdesk.domain.document_numbers import (
    CROCKFORD_ALPHABET,
    document_number,
    new_verification_code,
    normalise_verification_code,
    qr_payload,
)
from hubdesk.domain.enums import DocumentKind


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (DocumentKind.REFERRAL_LETTER, "LTR-TNG-2026-00012"),
        (DocumentKind.CERTIFICATE, "CRT-TNG-2026-00012"),
        (DocumentKind.ATTESTATION, "ATT-TNG-2026-00012"),
        (DocumentKind.SUMMARY, "SUM-TNG-2026-00012"),
    ],
)
def test_numbers_carry_the_prefix_of_their_kind(kind: DocumentKind, expected: str) -> None:
    assert document_number(kind, "TNG", 2026, 12) == expected


def test_numbers_are_per_site_and_year_and_grow_past_the_padding() -> None:
    assert document_number(DocumentKind.CERTIFICATE, "TET", 2025, 123456) == "CRT-TET-2025-123456"


@pytest.mark.parametrize("site", ["tng", "T", "TANGIER", "T1G", ""])
def test_bad_site_codes_are_refused(site: str) -> None:
    with pytest.raises(ValueError):
        document_number(DocumentKind.CERTIFICATE, site, 2026, 1)


def test_numbers_start_at_one() -> None:
    with pytest.raises(ValueError):
        document_number(DocumentKind.CERTIFICATE, "TNG", 2026, 0)


def test_new_codes_are_ten_crockford_characters_in_two_groups() -> None:
    codes = {new_verification_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", code)
        assert all(char in CROCKFORD_ALPHABET for char in code.replace("-", ""))
        assert normalise_verification_code(code) == code


@pytest.mark.parametrize(
    "typed",
    [
        "K7QM4-XPT9C",
        "k7qm4-xpt9c",
        "K7QM4XPT9C",
        "k7qm4 xpt9c",
        "  K7 QM4 - XPT 9C \n",
        "K7QM4_XPT9C",
    ],
)
def test_typed_codes_are_forgiven_case_spaces_and_dashes(typed: str) -> None:
    assert normalise_verification_code(typed) == "K7QM4-XPT9C"


def test_letters_that_look_like_digits_are_read_as_digits() -> None:
    assert normalise_verification_code("AB0DE-F1G1H") == "AB0DE-F1G1H"
    assert normalise_verification_code("abode-fiGlH") == "AB0DE-F1G1H"
    assert normalise_verification_code("ABODE-FIGLH") == "AB0DE-F1G1H"


def test_the_code_is_found_in_a_scanned_qr_payload() -> None:
    payload = qr_payload("CRT-TNG-2026-00012", "K7QM4-XPT9C")
    assert payload == "HUBDESK VERIFY CRT-TNG-2026-00012 K7QM4-XPT9C"
    assert normalise_verification_code(payload) == "K7QM4-XPT9C"
    assert normalise_verification_code(payload.lower() + "\r\n") == "K7QM4-XPT9C"


def test_the_code_is_found_in_a_line_of_text() -> None:
    assert normalise_verification_code("Code de vérification : K7QM4-XPT9C") == "K7QM4-XPT9C"
    assert normalise_verification_code("N° CRT-TNG-2026-00012 — code k7qm4 xpt9c") == "K7QM4-XPT9C"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "K7QM4-XPT9", "K7QM4-XPT9CC", "K7QM4-XPTUC", "CRT-TNG-2026-00012", "K7QM4-XPT9!", "HUBDESK VERIFY X"],
)
def test_text_without_a_valid_code_gives_none(text: str) -> None:
    assert normalise_verification_code(text) is None
