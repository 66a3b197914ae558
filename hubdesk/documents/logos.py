"""Logos as they print: decoded whole, turned upright, no larger than they ever print.

A damaged or missing file is left out of the page (the settings page reports it); a photograph
from a camera is scaled down and embedded as JPEG so that it does not make every document heavy.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader

#: the most pixels a logo needs: about 300 dpi at the largest size one prints (40 × 18 mm), and then some
LOGO_PIXELS = (900, 400)
#: an image with more colours than this and no transparency is a photograph: it is stored as JPEG
_PHOTO_COLOURS = 4096
_ORIENTATION = 0x0112


def open_logo(path: Path) -> Image.Image:
    """The image in ``path`` decoded whole (a truncated or damaged file fails here, not while printing).

    Raises OSError, ValueError or a Pillow error when the file is not an image Pillow can read.
    """
    with Image.open(path) as image:
        image.load()
        if image.format not in ("PNG", "JPEG"):
            raise ValueError(f"{path.name}: {image.format} is not a PNG or JPEG image")
        copy = image.copy()
        copy.format = image.format  # copy() forgets it; an upright JPEG of the right size is embedded as it is
        return copy


def needs_resizing(image: Image.Image) -> bool:
    """True when ``image`` is larger than it ever prints, or stored on its side (camera orientation)."""
    width, height = image.size
    turned = image.format == "JPEG" and image.getexif().get(_ORIENTATION, 1) != 1
    return turned or width > LOGO_PIXELS[0] or height > LOGO_PIXELS[1]


def _transparent(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        alpha = image.convert("RGBA").getchannel("A")
        return alpha.getextrema() != (255, 255)
    return False


def printable_logo(image: Image.Image) -> Image.Image:
    """``image`` upright, in RGB, RGBA or greys, no larger than ``LOGO_PIXELS`` (aspect kept)."""
    if image.format == "JPEG" and image.getexif().get(_ORIENTATION, 1) != 1:
        image = ImageOps.exif_transpose(image)
    if _transparent(image):
        image = image.convert("RGBA")
    elif image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    else:
        image = image.copy()
    image.thumbnail(LOGO_PIXELS, Image.Resampling.LANCZOS)
    return image


def is_photo(image: Image.Image) -> bool:
    """A photograph (no transparency, many colours): JPEG keeps it small; flat logos stay PNG."""
    return image.mode in ("RGB", "L") and image.getcolors(maxcolors=_PHOTO_COLOURS) is None


def encode_logo(image: Image.Image, photo: bool) -> bytes:
    """``image`` (from ``printable_logo``) as JPEG (quality 90) when ``photo``, else as PNG."""
    out = io.BytesIO()
    if photo:
        image.save(out, "JPEG", quality=90, optimize=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


class _JpegReader(ImageReader):
    """A JPEG embedded as it is, from a fresh file handle each time (one reader serves every thread)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._jpeg = data
        self.jpeg_fh = self._fresh_handle

    def _fresh_handle(self) -> io.BytesIO:
        return io.BytesIO(self._jpeg)


def _ready(reader: ImageReader) -> ImageReader:
    """``reader`` with its size and pixels read now, so that drawing only reads them (from any thread)."""
    reader.getSize()
    reader.getRGBData()
    if reader._dataA is not None:
        reader._dataA.getRGBData()
    return reader


@lru_cache(maxsize=32)
def _image(path: Path, mtime: float) -> ImageReader | None:
    try:
        image = open_logo(path)
        if image.format == "JPEG" and image.mode in ("RGB", "L") and not needs_resizing(image):
            return _ready(_JpegReader(path.read_bytes()))  # embedded as it is
        small = printable_logo(image)
        if image.format == "JPEG" or is_photo(small):
            return _ready(_JpegReader(encode_logo(small, photo=True)))
        return _ready(ImageReader(small))
    except Exception:  # not an image, damaged, too big: the settings page says so, the paper prints without it
        return None


def logo(path: Path) -> ImageReader | None:
    """The logo's image, or None when the file is missing, damaged or not an image.

    Logos larger than they print are scaled down first, so that a photo from a camera does not make
    every document heavy and slow.
    """
    try:
        return _image(path, path.stat().st_mtime)
    except OSError:
        return None
