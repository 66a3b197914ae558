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


@pytest.mark.parametrize(
    "typed", ["TNG-2026-00042", "tng 2026 42", "tng-2026-042", "tng202600042", " TNG/2026/0042 ", "Tng 2026 00042"]
)
def test_a_person_code_is_found_however_it_is_typed(typed: str) -> None:
    from hubdesk.domain.codes import normalise_person_code

    assert normalise_person_code(typed) == "TNG-2026-00042"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (" aminata ", "AMINATA"),  # a name is no code
        ("tng 2026 0", "TNG 2026 0"),  # numbers start at 1
        ("t 2026 42", "T 2026 42"),  # a site has 2 to 5 letters
        ("REF-TNG-2026-0007", "REF-TNG-2026-0007"),  # a referral's code is no person's
        ("tng 2026 42 1", "TNG 2026 42 1"),
    ],
)
def test_text_that_is_no_person_code_stays_as_typed_in_capitals(typed: str, kept: str) -> None:
    from hubdesk.domain.codes import normalise_person_code

    assert normalise_person_code(typed) == kept


def test_a_prefixed_code_still_takes_its_own_prefix_and_width() -> None:
    from hubdesk.domain.codes import normalise_prefixed_code

    assert normalise_prefixed_code("prj tng 2026 12", "venture") == "PRJ-TNG-2026-0012"
    assert normalise_prefixed_code("tng 2026 3", "training") == "TRN-TNG-2026-0003"
