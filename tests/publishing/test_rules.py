"""Pictures are checked and re-encoded; searches and addresses ignore Vietnamese accents."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from kcn.publishing.rules import PictureError, checked_picture, folded, slug_of


def image_bytes(size: tuple[int, int] = (800, 600), fmt: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def test_a_png_jpeg_or_webp_picture_is_accepted_with_its_size() -> None:
    for fmt, extension in (("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp")):
        picture = checked_picture(image_bytes(fmt=fmt))
        assert picture.extension == extension
        assert (picture.width, picture.height) == (800, 600)
        with Image.open(io.BytesIO(picture.content)) as reopened:
            assert reopened.format == fmt


def test_a_large_picture_is_scaled_down_to_1600_pixels() -> None:
    picture = checked_picture(image_bytes((4000, 2000), fmt="JPEG"))
    assert (picture.width, picture.height) == (1600, 800)


def test_re_encoding_drops_the_camera_metadata() -> None:
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    original = image_bytes(fmt="JPEG", exif=exif.tobytes())
    assert b"Camera maker" in original
    assert b"Camera maker" not in checked_picture(original).content


def test_text_a_gif_a_tiny_or_a_huge_picture_is_refused_with_the_reason() -> None:
    with pytest.raises(PictureError, match="not a JPEG, PNG or WebP"):
        checked_picture(b"<svg onload=alert(1)></svg>")
    with pytest.raises(PictureError, match="not a JPEG, PNG or WebP"):
        checked_picture(image_bytes(fmt="GIF"))
    with pytest.raises(PictureError, match="100 × 100 pixels"):
        checked_picture(image_bytes((100, 100)))
    with pytest.raises(PictureError, match="larger than 5 MB"):
        checked_picture(b"\x89PNG" + b"0" * (5 * 1024 * 1024))


def test_a_picture_with_html_appended_comes_out_without_it() -> None:
    polyglot = image_bytes() + b"<script>alert(1)</script>"
    assert b"<script>" not in checked_picture(polyglot).content


def test_folding_removes_accents_and_case() -> None:
    assert folded("Đại hội  Khu CÔNG nghiệp") == "dai hoi khu cong nghiep"


def test_an_address_is_made_from_the_title_without_accents() -> None:
    assert slug_of("Lễ khởi công Khu công nghiệp sạch, tỉnh Hưng Yên.") == (
        "le-khoi-cong-khu-cong-nghiep-sach-tinh-hung-yen"
    )
    assert slug_of("Đại hội " + "rất dài " * 20).endswith("rat")
    assert len(slug_of("Đại hội " + "rất dài " * 20)) <= 70
    assert slug_of("!!!") == "tin"
