"""The portal's rules, shared by its services and forms: pictures, addresses, search text,
rate limits."""

from __future__ import annotations

import io
import re
import unicodedata
import uuid
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Pictures: what the portal accepts, and the size it shows them at.
PICTURE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PICTURE_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
PICTURE_MAX_BYTES = 5 * 1024 * 1024
PICTURE_MIN_SIDE = 200
PICTURE_MAX_SIDE = 8000
PICTURE_SHOWN_SIDE = 1600  # larger pictures are scaled down to this width or height
PICTURE_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")

# Rate limits: (attempts, within seconds), per hashed address.
COMMENT_LIMIT = (3, 10 * 60)
LOOKUP_LIMIT = (10, 10 * 60)

COMMENT_MAX_CHARS = 3000


class PictureError(ValueError):
    """An upload that is not a picture the portal can show; the message says why."""


@dataclass(frozen=True)
class Picture:
    content: bytes  # re-encoded: no metadata, nothing but the image
    extension: str  # "jpg", "png", "webp"
    width: int
    height: int

    def new_name(self) -> str:
        """A name nobody can guess, for the file of a new picture."""
        return f"{uuid.uuid4().hex}.{self.extension}"


def checked_picture(data: bytes) -> Picture:
    """``data`` as a picture the portal can show, re-encoded by Pillow, or ``PictureError``.

    Accepted: JPEG, PNG or WebP of at most 5 MB, sides between 200 and 8,000 pixels.
    Re-encoding drops everything but the pixels (EXIF, with a camera's position, comments,
    anything appended to the file), and scales a picture down to 1,600 pixels at most.
    """
    if len(data) > PICTURE_MAX_BYTES:
        raise PictureError(_("The picture is larger than 5 MB."))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            width, height = probe.size
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PictureError(_("The file is not a JPEG, PNG or WebP picture.")) from None
    if kind not in PICTURE_FORMATS:
        raise PictureError(_("The file is not a JPEG, PNG or WebP picture."))
    if min(width, height) < PICTURE_MIN_SIDE or max(width, height) > PICTURE_MAX_SIDE:
        raise PictureError(
            _("The picture is %(width)s × %(height)s pixels: each side must be 200 to 8000.")
            % {"width": width, "height": height}
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            converted = image.convert("RGB" if kind == "JPEG" else "RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        raise PictureError(_("The file is not a JPEG, PNG or WebP picture.")) from None
    converted.thumbnail((PICTURE_SHOWN_SIDE, PICTURE_SHOWN_SIDE))
    buffer = io.BytesIO()
    options = {"quality": 85} if kind in ("JPEG", "WEBP") else {"optimize": True}
    converted.save(buffer, format=kind, **options)
    return Picture(buffer.getvalue(), PICTURE_FORMATS[kind], *converted.size)


def folded(text: str) -> str:
    """Lower case without accents, "đ" as "d": "Đại hội Khu công nghiệp" → "dai hoi khu cong
    nghiep", so that a search matches with or without Vietnamese accents, on any database."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.lower().split())


def slug_of(title: str) -> str:
    """An address for a title: "Lễ khởi công Khu công nghiệp sạch" → "le-khoi-cong-khu-cong-
    nghiep-sach"; at most 70 characters, cut at a word."""
    slug = slugify(folded(title))[:70].strip("-")
    if len(slug) == 70 and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug or "tin"
