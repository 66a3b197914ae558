"""Keys derived from people's names: search keys, and spelling-proof skeletons for duplicate detection.

Names at the centre are typed in Latin script by counsellors who each spell them their own way
(French, English or Senegalese habits) and sometimes in Arabic script as well. Everything here is
for matching only; nothing is ever shown to a person.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import combinations, pairwise

__all__ = [
    "PARTICLES",
    "blocking_keys",
    "name_skeletons",
    "normalize",
    "search_keys",
    "search_tokens",
    "skeleton",
    "skeleton_variants",
    "transliterate_arabic",
]

_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")

# Folds applied on top of the generic rules of _fold_char. Arabic hamza carriers (أ إ ؤ ئ) and madda
# are also taken apart by NFKD, but are listed so the table does not depend on that detail.
_EXPLICIT_FOLDS: dict[str, str | None] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    # Persian and Urdu code points that keyboards produce for the same Arabic letters.
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ھ": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "\u0640": None,  # tatweel only stretches a word
    # Apostrophes are modifier letters (Lm) in Unicode, so the punctuation rule does not catch them.
    "ʼ": " ",
    "ʻ": " ",
    # Transliteration marks for ayn and hamza: Arabic script writes nothing for them in our keys either.
    "ʾ": None,
    "ʿ": None,
    # Latin letters that NFKD leaves whole.
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ı": "i",
    "þ": "th",
    "æ": "ae",
    "œ": "oe",
}


def _fold_char(char: str) -> int | str | None:
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf"):
        return None
    if category[0] in "PSZ" or category == "Cc":
        return " "
    if category == "Nd":
        return str(unicodedata.decimal(char))
    return ord(char)


class _FoldTable(dict[int, int | str | None]):
    """str.translate table filled on first sight of a character: a full table would cost a
    scan of all of Unicode at import, and names use a few hundred code points."""

    def __missing__(self, code: int) -> int | str | None:
        value = _fold_char(chr(code))
        self[code] = value
        return value


_FOLD = _FoldTable({code: _fold_char(chr(code)) for code in range(128)})
_FOLD.update({ord(source): target for source, target in _EXPLICIT_FOLDS.items()})


def normalize(text: str) -> str:
    """Search key of a text: case, accents, harakat, Arabic letter variants and punctuation folded."""
    if text.isascii():
        return " ".join(text.lower().translate(_FOLD).split())
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    folded = " ".join(decomposed.translate(_FOLD).split())
    # Scripts whose letters NFKD splits into non-mark parts (Hangul) must be put back together.
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


def search_tokens(text: str) -> list[str]:
    """Distinct words of ``normalize(text)``, in order."""
    return list(dict.fromkeys(normalize(text).split()))


PARTICLES: frozenset[str] = frozenset(
    {
        "el",
        "al",
        "ben",
        "bin",
        "ibn",
        "ould",
        "bent",
        "bint",
        "abou",
        "abu",
        "ait",
        "la",
        "le",
        "de",
        "da",
        "di",
        "du",
        "des",
        "dos",
        "das",
        "ال",
        "بن",
        "ابن",
        "بنت",
        "ولد",
        "ابو",
        "ايت",
    }
)

_LATIN_GLUED = ("ould", "ben", "el", "al")
_ARABIC_GLUED = ("ال",)
_ALL_GLUED = _LATIN_GLUED + _ARABIC_GLUED


def _strip_for_search(token: str) -> str:
    if token.startswith(_ALL_GLUED):
        for particle in _ALL_GLUED:
            if token.startswith(particle) and len(token) - len(particle) >= 3:
                return token[len(particle) :]
    return token


def search_keys(*names: str) -> set[str]:
    """Keys to index for prefix search: typing a prefix of any word of a name, of the name (or two
    neighbouring words) written without separators, or of a word without its glued article
    (el, al, ben, ould, ال) finds it."""
    keys: set[str] = set()
    for name in names:
        tokens = search_tokens(name)
        if not tokens:
            continue
        words = list(tokens)
        if len(tokens) > 1:
            words.append("".join(tokens))
            # "Abd El Kader": "elkader" as well as "abdelkader".
            words.extend(first + second for first, second in pairwise(tokens))
        keys.update(words)
        keys.update(_strip_for_search(word) for word in words)
    return keys


_TRANSLIT = str.maketrans(
    {
        "ا": "a",
        "ب": "b",
        "ت": "t",
        "ث": "t",
        "ج": "j",
        "ح": "h",
        "خ": "k",
        "د": "d",
        "ذ": "d",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "s",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "ع": None,
        "غ": "g",
        "ف": "f",
        "ق": "k",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "و": "w",
        "ي": "y",
        "ء": None,
        "پ": "p",
        "ڤ": "v",
        "گ": "g",
        "ڭ": "g",
        "چ": "s",
    }
)
# A final heh is nearly always a teh marbuta typed without its dots (فاطمه), or the silent h of
# Allah; two-letter words keep it because there it is pronounced (طه, Taha).
_FINAL_HEH = re.compile(r"(?<=\w\w)ه\b")


def transliterate_arabic(text: str) -> str:
    """Latin consonant spelling of Arabic-script words, for matching only; other text is just normalized."""
    folded = normalize(text)
    if not _ARABIC_LETTER.search(folded):
        return folded
    return _FINAL_HEH.sub("a", folded).translate(_TRANSLIT)


# Longest first: "tch" must not be read as "t" + "ch".
_DIGRAPHS = (
    ("tch", "s"),
    ("sch", "s"),
    ("ch", "s"),
    ("sh", "s"),
    ("kh", "k"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("dj", "j"),
    ("ou", "u"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_FINAL_H_AFTER_VOWEL = re.compile(r"(?<=[aeiouy])h$")
_DROP_VOWELS = str.maketrans("", "", "aeiouyw")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _consonants(token: str) -> str:
    """Skeleton without the one-letter fallback: "" when the token has no consonant."""
    if _ARABIC_LETTER.search(token):
        # Transliteration writes one Latin letter per Arabic letter, so digraph folding would
        # wrongly merge two letters (شهاب gives "shab", which is s-h-b, not "sh"-b).
        letters = transliterate_arabic(token).replace(" ", "")
    else:
        letters = token
        for digraph, replacement in _DIGRAPHS:
            if digraph in letters:
                letters = letters.replace(digraph, replacement)
        letters = _SOFT_C.sub("s", letters).replace("c", "k").replace("q", "k").replace("x", "ks")
    letters = _FINAL_H_AFTER_VOWEL.sub("", letters)
    return _DOUBLED.sub(r"\1", letters.translate(_DROP_VOWELS))


def skeleton(token: str) -> str:
    """Consonant skeleton of one normalized token (Latin, or Arabic which is transliterated first).

    Spelling variants and transliterations of the same name give the same skeleton:
    Mohamed, Muhammad and محمد all give "mhmd". A token without consonants gives its first letter.
    """
    if not token:
        return ""
    consonants = _consonants(token)
    if consonants:
        return consonants
    if _ARABIC_LETTER.search(token):
        latin = transliterate_arabic(token)
        return latin[:1]
    return token[:1]


def _strip_glued(token: str, arabic: bool) -> str:
    for particle in _ARABIC_GLUED if arabic else _LATIN_GLUED:
        if not token.startswith(particle):
            continue
        rest = token[len(particle) :]
        # Unglued, "Alaoui" would keep only vowels while العلوي keeps the l of علوي: kept whole,
        # both give "l". A doubled letter means there was no particle at all: "Bennani" is not
        # Ben Nani.
        if len(rest) < 3 or not _consonants(rest) or (not arabic and rest[0] == particle[-1]):
            return token
        return rest
    return token


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


def _without_particles(tokens: list[str]) -> tuple[str, ...]:
    kept = [token for token in tokens if token not in PARTICLES] or tokens
    return _dedupe([skeleton(_strip_glued(token, bool(_ARABIC_LETTER.search(token)))) for token in kept])


def _with_particles_glued(tokens: list[str]) -> tuple[str, ...]:
    # The name as often written in one piece: "El Amrani" -> "elamrani", "N'Diaye" -> "ndiaye".
    glued: list[str] = []
    pending = ""
    for token in tokens:
        if token in PARTICLES or len(token) == 1:
            pending += token
            continue
        glued.append(pending + token)
        pending = ""
    if pending:
        glued.append(pending)
    return _dedupe([skeleton(token) for token in glued])


def _tokens_by_script(names: tuple[str, ...]) -> tuple[list[str], list[str]]:
    latin: list[str] = []
    arabic: list[str] = []
    for name in names:
        for token in normalize(name).split():
            (arabic if _ARABIC_LETTER.search(token) else latin).append(token)
    return latin, arabic


def name_skeletons(*names: str) -> list[str]:
    """Skeletons of all words of a person's names, any script, particles dropped or unglued, deduplicated."""
    return list(_without_particles([token for name in names for token in normalize(name).split()]))


@lru_cache(maxsize=16384)
def skeleton_variants(*names: str) -> tuple[tuple[str, ...], ...]:
    """Distinct readings of a person's names as skeleton lists, one script at a time: particles
    dropped or unglued (as ``name_skeletons``), and particles glued to the next word. Two spellings of
    the same name agree on at least one reading far more often than on a single one."""
    variants: list[tuple[str, ...]] = []
    for tokens in _tokens_by_script(names):
        if tokens:
            variants.append(_without_particles(tokens))
            variants.append(_with_particles_glued(tokens))
    return tuple(dict.fromkeys(variant for variant in variants if variant))


def _pair(first: str, second: str) -> str:
    return f"{first}|{second}" if first <= second else f"{second}|{first}"


def blocking_keys(*names: str) -> set[str]:
    """Keys to index so that likely duplicates of a person share at least one key with them.

    A key is a pair of two-letter skeleton prefixes, so a common first name alone never makes a
    key; a person with a single name word gets "prefix|".
    """
    keys: set[str] = set()
    for variant in skeleton_variants(*names):
        prefixes = [token[:2] for token in variant]
        if len(variant) == 1:
            keys.add(f"{prefixes[0]}|")
            continue
        keys.update(_pair(a, b) for a, b in combinations(prefixes, 2))
        # Words split differently on each side ("Abdelkader" / "عبد القادر") still share the start
        # of the name written in one piece.
        whole = "".join(variant)[:2]
        keys.update(_pair(whole, prefix) for prefix in prefixes if prefix != whole)
    return keys
