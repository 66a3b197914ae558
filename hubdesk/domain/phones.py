"""Phone numbers: stored as E.164, shown in international form, found by any prefix a counsellor types."""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, ValidationResult

NOT_VALID = "Not a valid phone number"
UNKNOWN_COUNTRY_CODE = "Unknown country code"
TOO_SHORT = "Too short"
TOO_LONG = "Too long"

_PARSE_ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: UNKNOWN_COUNTRY_CODE,
    NumberParseException.TOO_SHORT_AFTER_IDD: TOO_SHORT,
    NumberParseException.TOO_SHORT_NSN: TOO_SHORT,
    NumberParseException.TOO_LONG: TOO_LONG,
}

_LENGTH_ERRORS = {
    ValidationResult.INVALID_COUNTRY_CODE: UNKNOWN_COUNTRY_CODE,
    ValidationResult.TOO_SHORT: TOO_SHORT,
    ValidationResult.TOO_LONG: TOO_LONG,
}


def _parse(raw: str, default_region: str) -> PhoneNumber:
    text = raw.strip()
    if not text:
        raise ValueError(NOT_VALID)
    # phonenumbers silently turns letters into keypad digits ("06AB" -> "0622"): a typo must not
    # become somebody else's number.
    if any(ch.isalpha() for ch in text):
        raise ValueError(NOT_VALID)
    try:
        return phonenumbers.parse(text, default_region)
    except NumberParseException as exc:
        raise ValueError(_PARSE_ERRORS.get(exc.error_type, NOT_VALID)) from None


def normalize_phone(raw: str, default_region: str = "MA") -> str:
    """Return ``raw`` in E.164 ("+212612345678"), or raise ValueError saying why it is refused."""
    number = _parse(raw, default_region)
    if not phonenumbers.is_valid_number(number):
        reason = phonenumbers.is_possible_number_with_reason(number)
        raise ValueError(_LENGTH_ERRORS.get(reason, NOT_VALID))
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """International display form ("+212 6 12 34 56 78"); text that is not a number comes back unchanged."""
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() and ch.isascii())


def phone_search_keys(e164: str) -> list[str]:
    """Digit strings a typed prefix is matched against: with country code, national number, trunk-0 form."""
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        digits = _digits(e164)
        return [digits] if digits else []
    national = phonenumbers.national_significant_number(number)
    keys = [
        f"{number.country_code}{national}",
        national,
        # What people dial at home ("0612345678", "07911123456"), which is how they give their number.
        _digits(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)),
    ]
    return [key for i, key in enumerate(keys) if key and key not in keys[:i]]
