"""Seeded draws of the demo generator: quick uniform and weighted picks, and random ids."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class _Random(random.Random):
    """``random.Random`` with quicker draws for the small ranges used here (randrange is slow)."""

    def below(self, n: int) -> int:
        """0 <= k < n."""
        return int(self.random() * n)

    def span(self, low: int, high: int) -> int:
        """low <= k < high."""
        return low + int(self.random() * (high - low))

    def between(self, low: int, high: int) -> int:
        """low <= k <= high."""
        return low + int(self.random() * (high - low + 1))

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def digits(self, count: int) -> str:
        """``count`` decimal digits, leading zeros kept."""
        return f"{self.below(10**count):0{count}d}"


class _Pick(Generic[T]):
    """Weighted choice with precomputed cumulative weights (much cheaper than ``random.choices``)."""

    __slots__ = ("_cum", "_last", "_total", "items")

    def __init__(self, weighted: Sequence[tuple[T, float]]) -> None:
        self.items = tuple(item for item, _ in weighted)
        cum: list[float] = []
        total = 0.0
        for _, weight in weighted:
            total += weight
            cum.append(total)
        self._cum = cum
        self._total = total
        self._last = len(cum) - 1

    def __call__(self, rng: _Random) -> T:
        index = bisect(self._cum, rng.random() * self._total)
        return self.items[index if index <= self._last else self._last]


def _zipf(items: Sequence[T], exponent: float = 0.9) -> _Pick[T]:
    """Most common first: real name frequencies fall off steeply, they are not uniform."""
    return _Pick([(item, 1.0 / (rank + 3) ** exponent) for rank, item in enumerate(items)])


def _uniform(items: Sequence[T]) -> _Pick[T]:
    return _Pick([(item, 1.0) for item in items])


_UUID4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID4_SET = (0x4000 << 64) | (0x8000 << 48)


def _uuid(rng: _Random) -> str:
    """``str(uuid.UUID(int=rng.getrandbits(128), version=4))``, without building the UUID object."""
    hexa = f"{(rng.getrandbits(128) & _UUID4_CLEAR) | _UUID4_SET:032x}"
    return f"{hexa[:8]}-{hexa[8:12]}-{hexa[12:16]}-{hexa[16:20]}-{hexa[20:]}"
