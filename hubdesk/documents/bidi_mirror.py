"""Display order of one line, with every mirrorable character at a right-to-left level mirrored.

python-bidi 0.6 (Rust) reorders lines, bracket pairs included, but neither mirrors brackets nor
tells the embedding levels; this module reads the levels off its own output (see below).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice

from bidi import get_display
from bidi.mirror import MIRRORED

ISOLATE_OPENERS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
ISOLATE_CLOSER = "\u2069"  # PDI


# Mirroring. A mirrorable character ("(", "]", "«", "<"…) is drawn as its mirror image when it ends up at
# an odd, right-to-left, embedding level (Unicode rule L4). python-bidi 0.6 (Rust) resolves the levels,
# bracket pairs included (rule N0), but neither mirrors nor tells the levels, so they are read off its
# own display order by probing:
#
# - the line is reordered once more with each mirrorable character swapped for a marker the algorithm
#   treats exactly alike, so the reordering is the same:
#   - a bracket pair (rule BD16, computed here as the engine does) for another, unused bracket pair: both
#     halves of a pair get one level, and everything between them is at that level or deeper, so the pair
#     shows in its logical order ("⟦…⟧") at an even level and reversed ("⟧…⟦") at an odd one;
#   - any other mirrorable character (a lone bracket as in "1)", half a pair that wrapped to another line,
#     "«", "<") for two distinct plain neutral characters (arrows, class ON like it): adjacent neutrals
#     resolve alike, so the two show in order at an even level and swapped at an odd one.
# - where the markers land, collapsing each neutral couple to one place, is where the original
#   characters land in the line's real display order; each is drawn there, mirrored if its level is odd.
#
# Every step is the engine's own decision, never a guess from neighbouring letters, so it holds for
# brackets nested, unpaired, around Latin words in an Arabic line or around Arabic in a Latin one.

#: the Bidi_Paired_Bracket pairs (BidiBrackets.txt), opening then closing: exactly those python-bidi
#: pairs (a test checks it)
_BRACKET_PAIRS = (
    "()[]{}\u0f3a\u0f3b\u0f3c\u0f3d\u169b\u169c\u2045\u2046\u207d\u207e\u208d\u208e\u2308\u2309\u230a\u230b"
    "\u2329\u232a\u2768\u2769\u276a\u276b\u276c\u276d\u276e\u276f\u2770\u2771\u2772\u2773\u2774\u2775\u27c5\u27c6"
    "\u27e6\u27e7\u27e8\u27e9\u27ea\u27eb\u27ec\u27ed\u27ee\u27ef\u2983\u2984\u2985\u2986\u2987\u2988\u2989\u298a"
    "\u298b\u298c\u298d\u2990\u298f\u298e\u2991\u2992\u2993\u2994\u2995\u2996\u2997\u2998\u29d8\u29d9\u29da\u29db"
    "\u29fc\u29fd\u2e22\u2e23\u2e24\u2e25\u2e26\u2e27\u2e28\u2e29\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f"
    "\u3010\u3011\u3014\u3015\u3016\u3017\u3018\u3019\u301a\u301b\ufe59\ufe5a\ufe5b\ufe5c\ufe5d\ufe5e\uff08\uff09"
    "\uff3b\uff3d\uff5b\uff5d\uff5f\uff60\uff62\uff63"
)
_CLOSING_OF = dict(zip(_BRACKET_PAIRS[::2], _BRACKET_PAIRS[1::2], strict=True))
_CLOSERS = frozenset(_CLOSING_OF.values())
#: U+2329/U+232A are canonically equivalent to U+3008/U+3009, and BD16 pairs them as such
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}
#: BD16 stops pairing when one more opening bracket finds this many still waiting for their partner
_BRACKET_STACK_SIZE = 63

#: every character with a mirror image (BidiMirroring.txt), all of bidi class ON
_MIRROR: dict[str, str] = dict(MIRRORED)
#: markers standing in for bracket pairs: pairs not typed in documents (and not canonically equivalent)
_PAIR_MARKERS = tuple(
    (opening, closing)
    for opening, closing in _CLOSING_OF.items()
    if not opening.isascii() and opening not in _CANONICAL and opening not in _CANONICAL.values()
)
#: markers standing in for other mirrorable characters: neutral (ON) arrows that are neither brackets
#: nor mirrored
_NEUTRAL_MARKERS = tuple(
    chr(code)
    for code in range(0x2190, 0x2200)
    if unicodedata.bidirectional(chr(code)) == "ON" and chr(code) not in _MIRROR
)


#: what bracket pairing looks at: brackets and isolates' ends
_PAIRING_CHARS = re.compile("[" + re.escape(_BRACKET_PAIRS + ISOLATE_OPENERS + ISOLATE_CLOSER) + "]")
_MIRRORABLE = re.compile("[" + re.escape("".join(_MIRROR)) + "]")


def _bracket_pairs(line: str) -> list[tuple[int, int]]:
    """The bracket pairs of ``line``, (opening index, closing index), found as rule BD16 finds them.

    A pair never straddles an isolate's boundary: the text inside an isolate pairs on its own.
    """
    pairs: list[tuple[int, int]] = []
    stacks: list[list[tuple[str, int]] | None] = [[]]  # one per isolate level; None: pairing ended
    for found in _PAIRING_CHARS.finditer(line):
        index, char = found.start(), found.group()
        if char in ISOLATE_OPENERS:
            stacks.append([])
            continue
        if char == ISOLATE_CLOSER:
            if len(stacks) > 1:
                stacks.pop()
            continue
        stack = stacks[-1]
        if stack is None:
            continue
        char = _CANONICAL.get(char, char)
        if char in _CLOSING_OF:
            if len(stack) == _BRACKET_STACK_SIZE:
                stacks[-1] = None
            else:
                stack.append((_CLOSING_OF[char], index))
        elif char in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _probe(
    line: str, base_dir: str, pairs: list[tuple[int, int, str, str]], singles: list[tuple[int, str, str]]
) -> Iterator[tuple[int, str]]:
    """(display position, character drawn there) for the bracket ``pairs`` of ``line`` (opening index,
    closing index, their two markers) and its lone mirrorable characters ``singles`` (index, two markers)."""
    probe = list(line)
    for opening, closing, open_marker, close_marker in pairs:
        probe[opening], probe[closing] = open_marker, close_marker
    for index, first, second in singles:
        probe[index] = first + second
    shown = str(get_display("".join(probe), base_dir=base_dir))
    at = {marker: shown.index(marker) for pair in pairs for marker in pair[2:]}
    at.update((marker, shown.index(marker)) for single in singles for marker in single[1:])
    # a couple of neutral markers stands for one character: the second of the two to show is extra
    extra = sorted(max(at[first], at[second]) for _index, first, second in singles)

    def place(marker: str) -> int:
        return at[marker] - bisect_left(extra, at[marker])

    for opening, closing, open_marker, close_marker in pairs:
        odd = at[close_marker] < at[open_marker]
        yield place(open_marker), _MIRROR[line[opening]] if odd else line[opening]
        yield place(close_marker), _MIRROR[line[closing]] if odd else line[closing]
    for index, first, second in singles:
        odd = at[second] < at[first]
        yield place(second if odd else first), _MIRROR[line[index]] if odd else line[index]


def display(line: str, base_rtl: bool) -> str:
    """``line`` in display order with base direction ``base_rtl``, mirrored where its level is odd."""
    base_dir = "R" if base_rtl else "L"
    shown = str(get_display(line, base_dir=base_dir))
    mirrorable = [found.start() for found in _MIRRORABLE.finditer(line)]
    if not mirrorable:
        return shown
    drawn = list(shown)
    pairs = _bracket_pairs(line)
    paired = {index for pair in pairs for index in pair}
    singles = [index for index in mirrorable if index not in paired]
    present = set(line)
    free_pairs = (pair for pair in _PAIR_MARKERS if pair[0] not in present and pair[1] not in present)
    free_neutrals = (marker for marker in _NEUTRAL_MARKERS if marker not in present)
    pair_markers = list(islice(free_pairs, len(pairs)))
    couples = list(islice(zip(free_neutrals, free_neutrals, strict=False), len(singles)))
    while pairs or singles:  # in batches, should a line ever hold more brackets than there are markers
        batch = [(*pair, *markers) for pair, markers in zip(pairs, pair_markers, strict=False)]
        lone = [(index, *markers) for index, markers in zip(singles, couples, strict=False)]
        if not batch and not lone:
            break
        pairs, singles = pairs[len(batch) :], singles[len(lone) :]
        for position, char in _probe(line, base_dir, batch, lone):
            drawn[position] = char
    return "".join(drawn)
