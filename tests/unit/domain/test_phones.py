from __future__ import annotations

import pytest

from hubdesk.domain.phones import format_phone, normalize_phone, phone_search_keys


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0612345678", "+212612345678"),
        ("06 12 34 56 78", "+212612345678"),
        ("06-12-34-56-78", "+212612345678"),
        ("06.12.34.56.78", "+212612345678"),
        ("  0612345678  ", "+212612345678"),
        ("0712345678", "+212712345678"),
        ("0522123456", "+212522123456"),
        ("0539 33 44 55", "+212539334455"),
        ("212612345678", "+212612345678"),
        ("00212612345678", "+212612345678"),
        ("+212612345678", "+212612345678"),
        ("+212 6 12 34 56 78", "+212612345678"),
        ("+212 (0) 6 12 34 56 78", "+212612345678"),
        ("٠٦١٢٣٤٥٦٧٨", "+212612345678"),  # Arabic-Indic digits
        ("+221 77 123 45 67", "+221771234567"),  # Senegal
        ("00221771234567", "+221771234567"),
        ("+225 07 01 02 03 04", "+2250701020304"),  # Côte d'Ivoire keeps its leading 0
        ("002250701020304", "+2250701020304"),
        ("+224 622 12 34 56", "+224622123456"),  # Guinea
        ("+237 6 71 23 45 67", "+237671234567"),  # Cameroon
        ("+243 81 234 5678", "+243812345678"),  # DR Congo
        ("+963 944 123 456", "+963944123456"),  # Syria
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+34 612 345 678", "+34612345678"),
        ("+44 7911 123456", "+447911123456"),
    ],
)
def test_normalize_valid(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


def test_normalize_with_other_default_region() -> None:
    assert normalize_phone("77 123 45 67", default_region="SN") == "+221771234567"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Not a valid phone number"),
        ("   ", "Not a valid phone number"),
        ("abc", "Not a valid phone number"),
        ("0612ABCD78", "Not a valid phone number"),  # phonenumbers would read the letters as keypad digits
        ("06 12 34 56 7x", "Not a valid phone number"),
        ("+999 123 456 789", "Unknown country code"),
        ("00999123456789", "Unknown country code"),
        ("061234", "Too short"),
        ("+2126123", "Too short"),
        ("+33 1 23", "Too short"),
        ("+21261234567890", "Too long"),
        ("0412345678", "Not a valid phone number"),  # possible length, unassigned range
        ("+1 555 0100", "Not a valid phone number"),
    ],
)
def test_normalize_invalid(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        normalize_phone(raw)


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+212612345678", "+212 6 12 34 56 78"),
        ("+221771234567", "+221 77 123 45 67"),
        ("+33612345678", "+33 6 12 34 56 78"),
    ],
)
def test_format_phone(e164: str, shown: str) -> None:
    assert format_phone(e164) == shown


def test_format_phone_leaves_garbage_alone() -> None:
    assert format_phone("not a number") == "not a number"


@pytest.mark.parametrize(
    ("e164", "keys"),
    [
        ("+212612345678", ["212612345678", "612345678", "0612345678"]),
        ("+212522123456", ["212522123456", "522123456", "0522123456"]),
        ("+221771234567", ["221771234567", "771234567"]),
        ("+2250701020304", ["2250701020304", "0701020304"]),
        ("+447911123456", ["447911123456", "7911123456", "07911123456"]),
    ],
)
def test_search_keys(e164: str, keys: list[str]) -> None:
    assert phone_search_keys(e164) == keys


@pytest.mark.parametrize("typed", ["0612", "06123", "2126", "21261", "61234"])
def test_search_keys_match_typed_prefixes(typed: str) -> None:
    keys = phone_search_keys(normalize_phone("06 12 34 56 78"))
    assert any(key.startswith(typed) for key in keys)


def test_search_keys_are_digits_only() -> None:
    for e164 in ("+212612345678", "+221771234567", "+33612345678"):
        assert all(key.isdigit() for key in phone_search_keys(e164))


def test_search_keys_of_unparsable_text() -> None:
    assert phone_search_keys("06 12") == ["0612"]
    assert phone_search_keys("") == []
