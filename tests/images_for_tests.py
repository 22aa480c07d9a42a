"""Small images made on the spot for tests (Pillow), and hostile ones: a PNG header claiming 40,000 × 40,000
pixels, a truncated JPEG, text named .jpg."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def png_bytes(width: int = 40, height: int = 30, color=(200, 30, 30), mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), color).save(out, "PNG")
    return out.getvalue()


def photo_image(width: int, height: int) -> Image.Image:
    """A photograph-like picture (smooth gradients and noise: thousands of colours)."""
    import random

    rnd = random.Random(width * 7919 + height)
    im = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    im = Image.blend(im, noise, 0.35)
    tint = Image.new("RGB", (width, height), (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    return Image.blend(im, tint, 0.3)


def jpeg_bytes(width: int = 64, height: int = 48, exif_orientation: int | None = None, **save) -> bytes:
    im = photo_image(width, height)
    out = io.BytesIO()
    if exif_orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        exif[0x010F] = "TestCam"  # Make
        save["exif"] = exif.tobytes()
    im.save(out, "JPEG", quality=90, **save)
    return out.getvalue()


def bomb_png(width: int = 40_000, height: int = 40_000) -> bytes:
    """A valid PNG header and a tiny IDAT: the header claims width × height pixels (1.6 gigapixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def truncated_jpeg() -> bytes:
    data = jpeg_bytes(400, 300)
    return data[: len(data) // 2]


def truncated_png() -> bytes:
    data = png_bytes(300, 200)
    return data[: len(data) - 40]
