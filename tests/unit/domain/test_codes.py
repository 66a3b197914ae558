import pytest

from hubdesk.domain.codes import code_search_key, format_code


def test_beneficiary_code_is_zero_padded_per_site_and_year() -> None:
    assert format_code("TNG", 2026, 42) == "TNG-2026-00042"
    assert format_code("TET", 2025, 12345) == "TET-2025-12345"


def test_referral_codes_have_four_digits() -> None:
    assert format_code("REF", 2026, 7, kind="referral") == "REF-2026-0007"


@pytest.mark.parametrize("site", ["tng", "T", "TANGIER", "T1G", ""])
def test_bad_site_codes_are_refused(site: str) -> None:
    with pytest.raises(ValueError):
        format_code(site, 2026, 1)


def test_numbers_start_at_one() -> None:
    with pytest.raises(ValueError):
        format_code("TNG", 2026, 0)


def test_search_key_drops_separators_and_case() -> None:
    assert code_search_key("TNG-2026-00042") == "tng202600042"


def test_a_referral_code_carries_its_site() -> None:
    from hubdesk.domain.codes import referral_code

    assert referral_code("TNG", 2026, 7) == "REF-TNG-2026-0007"


@pytest.mark.parametrize(
    "typed",
    ["REF-TNG-2026-0007", "ref tng 2026 7", "ref-tng-2026-07", "reftng20260007", "TNG 2026 7", " tng/2026/0007 "],
)
def test_a_referral_code_is_found_however_it_is_typed_from_the_slip(typed: str) -> None:
    from hubdesk.domain.codes import normalise_referral_code

    assert normalise_referral_code(typed) == "REF-TNG-2026-0007"


def test_text_that_is_no_referral_code_stays_as_typed() -> None:
    from hubdesk.domain.codes import normalise_referral_code

    assert normalise_referral_code(" LTR-TNG-2026-00012-x ") == "LTR-TNG-2026-00012-X"
