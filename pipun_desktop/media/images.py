"""Images that enter the program (activity photos, the announcement's emblem): checked whole, made small.

One Qt-free module for every image, so the window, the JSON importer, the data file and the PDF exporter
judge an image the same way:

* the format is sniffed from the bytes, never taken from a file name: JPEG or PNG, nothing else;
* the file's size and the picture's pixel count are capped *before* anything is decoded (the size is read
  from the PNG header or the JPEG frame header by hand), so a 40,000 × 40,000 "decompression bomb" is
  refused without allocating its pixels and Pillow never gets to print a DecompressionBombWarning;
* the picture is then decoded in full, so a truncated or corrupt file is refused when it enters, not when
  a PDF is made months later;
* photos are stored small: EXIF orientation applied, longest side at most 1,600 px, photographs as JPEG
  (line art and pictures with transparency stay PNG), every piece of metadata (EXIF, GPS, comments, ICC
  text) dropped by re-encoding only the pixels.

Every refusal is an ImageError with one Thai sentence that names the image (`what`) and what is wrong.
"""

from __future__ import annotations

import io
import os
import struct
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

MAX_FILE_BYTES = 40 * 1024 * 1024  # a photo straight from a 50-megapixel phone is about 25 MB
MAX_PIXELS = 60_000_000  # decoded at most: 9,000 × 6,666 (about 180 MB of RGB while it is scaled down)
EMBLEM_MAX_PIXELS = 25_000_000  # an emblem prints 3 cm high; 5,000 × 5,000 is more than any scan needs
PHOTO_MAX_SIDE = 1600  # stored photos: longest side, px (7.5 cm printed = 540 dpi)
EMBLEM_MAX_SIDE = 1200  # emblems chosen in the window are scaled to this (3 cm at 1,000 dpi)
JPEG_QUALITY = 82

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"

# Pillow refuses more than twice MAX_IMAGE_PIXELS by itself; ours is far lower and checked first. The
# warning it prints between the two bounds must never reach the user's console.
warnings.simplefilter("ignore", Image.DecompressionBombWarning)


class ImageError(ValueError):
    """An image that is refused; the message is one Thai sentence naming it."""


@dataclass(frozen=True)
class ImageInfo:
    format: str  # "jpeg" or "png"
    width: int
    height: int


def sniff(data: bytes) -> str | None:
    """ "jpeg", "png" or None, from the first bytes (file names lie)."""
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if data.startswith(JPEG_SIGNATURE):
        return "jpeg"
    return None


def _describe_other(data: bytes) -> str:
    head = data[:16]
    for sig, name in (
        (b"GIF8", "GIF"),
        (b"BM", "BMP"),
        (b"%PDF", "PDF"),
        (b"PK\x03\x04", "ZIP/Word/Excel"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
    ):
        if head.startswith(sig):
            return f"เป็นไฟล์ {name}"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "เป็นไฟล์ HEIC/AVIF (ตั้งกล้องให้บันทึกเป็น JPEG หรือแปลงไฟล์ก่อน)"
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "เป็นไฟล์ WebP"
    return "ไม่ใช่ไฟล์ภาพ"


def header_size(data: bytes, fmt: str) -> tuple[int, int] | None:
    """(width, height) read from the header by hand, before any decoder runs; None when not found."""
    if fmt == "png":
        # signature, then the IHDR chunk: length (4), "IHDR", width (4), height (4)
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        return struct.unpack(">II", data[16:24])
    # JPEG: walk the marker segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC)
    i = 2
    n = len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if i + 9 > n:
                return None
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        if length < 2:
            return None
        i += 2 + length
    return None


def _num(n: int) -> str:
    from ..thai.digits import render_digits

    return render_digits(f"{n:,}")


def check_image(
    data: bytes, what: str, *, max_pixels: int = MAX_PIXELS, formats: tuple[str, ...] = ("jpeg", "png")
) -> ImageInfo:
    """Refuse anything but a whole, decodable JPEG/PNG within the caps; `what` names it in the message
    ("ภาพที่ ๒ ของโครงการ ๑.๑.๑ (๑)", "ภาพตราสัญลักษณ์")."""
    im, info = _open(data, what, max_pixels, formats)
    im.close()
    return info


def _open(
    data: bytes, what: str, max_pixels: int, formats: tuple[str, ...], max_side: int | None = None
) -> tuple[Image.Image, ImageInfo]:
    """check_image's work, returning the decoded picture. `max_side`: a JPEG may be decoded at 1/2, 1/4 or
    1/8 scale (libjpeg's DCT scaling, still reading every byte, so truncation is still caught) when that
    leaves it at least `max_side` on its longest side: a 12-megapixel photo decodes 4 times faster."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ImageError(f"{what} ไม่ใช่ข้อมูลภาพ")
    data = bytes(data)
    if not data:
        raise ImageError(f"{what} เป็นไฟล์ว่างเปล่า")
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(
            f"{what} ใหญ่เกินไป ({_num(len(data) // (1024 * 1024))} MB เกิน {_num(MAX_FILE_BYTES // (1024 * 1024))} MB)"
        )
    fmt = sniff(data)
    allowed = " หรือ ".join(f.upper() for f in formats)
    if fmt is None or fmt not in formats:
        kind = "เป็นไฟล์ JPEG" if fmt == "jpeg" else "เป็นไฟล์ PNG" if fmt == "png" else _describe_other(data)
        raise ImageError(f"{what} {kind} ไม่ใช่ภาพ {allowed}")
    size = header_size(data, fmt)
    if size is None:
        raise ImageError(f"{what} เสียหาย (อ่านขนาดภาพจากส่วนหัวของไฟล์ไม่ได้)")
    width, height = size
    if width <= 0 or height <= 0:
        raise ImageError(f"{what} เสียหาย (ขนาดภาพเป็นศูนย์)")
    if width * height > max_pixels:
        raise ImageError(
            f"{what} ใหญ่เกินไป ({_num(width)} × {_num(height)} จุด เกิน {_num(max_pixels // 1_000_000)} ล้านจุด) "
            f"โปรดย่อภาพก่อน"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data), formats=[fmt.upper()])
            if im.size != (width, height):
                raise ImageError(f"{what} เสียหาย (ส่วนหัวของไฟล์ขัดกันเอง)")
            if max_side is not None and fmt == "jpeg" and max(width, height) > max_side:
                scale = max_side / max(width, height)
                im.draft(None, (max(1, round(width * scale)), max(1, round(height * scale))))
            im.load()
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{what} ใหญ่เกินไป โปรดย่อภาพก่อน") from None
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError, struct.error… on bad files
        reason = "ไฟล์ไม่ครบ (อาจคัดลอกหรือดาวน์โหลดไม่เสร็จ)" if "truncated" in str(exc) else "อ่านข้อมูลภาพไม่ได้"
        raise ImageError(f"{what} เสียหาย ({reason})") from None
    return im, ImageInfo(fmt, width, height)


def check_emblem(data: bytes, what: str = "ภาพตราสัญลักษณ์") -> ImageInfo:
    """An emblem as stored (data file, JSON): a whole PNG within the emblem's cap."""
    return check_image(data, what, max_pixels=EMBLEM_MAX_PIXELS, formats=("png",))


def _is_line_art(im: Image.Image) -> bool:
    """Transparency or a palette of few colours: a drawing, a chart or a screenshot, kept as PNG."""
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        return True
    if im.mode in ("P", "1", "L"):
        return im.mode != "L" or im.getcolors(256) is not None
    small = im.copy()
    small.thumbnail((256, 256))
    return small.getcolors(256) is not None


def _decode(
    data: bytes, what: str, max_pixels: int, formats: tuple[str, ...], max_side: int | None = None
) -> tuple[Image.Image, ImageInfo]:
    return _open(data, what, max_pixels, formats, max_side)


def prepare_photo(data: bytes, what: str = "ภาพ") -> bytes:
    """A photo as the program stores it: checked, turned upright, at most 1,600 px, no metadata; JPEG for
    photographs, PNG for line art. Raises ImageError."""
    im, info = _decode(data, what, MAX_PIXELS, ("jpeg", "png"), PHOTO_MAX_SIDE)
    try:
        im = ImageOps.exif_transpose(im)
    except Exception:  # a broken EXIF block: keep the picture as it is stored
        pass
    keep_png = info.format == "png" and _is_line_art(im)
    if im.width > PHOTO_MAX_SIDE or im.height > PHOTO_MAX_SIDE:
        im = im.convert("RGBA" if keep_png and "A" in im.getbands() or im.mode == "P" else im.mode)
        if im.mode not in ("RGB", "RGBA", "L", "LA"):
            im = im.convert("RGB")
        im.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    if keep_png:
        if im.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
            im = im.convert("RGBA")
        im.save(out, "PNG", optimize=False)
    else:
        if im.mode != "RGB" and im.mode != "L":
            if "A" in im.getbands():
                white = Image.new("RGB", im.size, (255, 255, 255))
                white.paste(im, mask=im.getchannel("A"))
                im = white
            else:
                im = im.convert("RGB")
        im.save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def prepare_emblem(data: bytes, what: str = "ภาพตราสัญลักษณ์") -> bytes:
    """An emblem chosen in the window (PNG or JPEG): checked, at most 1,200 px, stored as PNG without
    metadata. Raises ImageError."""
    im, _info = _decode(data, what, MAX_PIXELS, ("jpeg", "png"), EMBLEM_MAX_SIDE)
    try:
        im = ImageOps.exif_transpose(im)
    except Exception:
        pass
    if im.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
        im = im.convert("RGBA")
    if im.width > EMBLEM_MAX_SIDE or im.height > EMBLEM_MAX_SIDE:
        if im.mode in ("P", "1"):
            im = im.convert("RGBA")
        im.thumbnail((EMBLEM_MAX_SIDE, EMBLEM_MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def read_image_file(path: str | os.PathLike[str], what: str) -> bytes:
    """The bytes of an image file, refusing what is not a regular file or is too big before reading it."""
    import stat

    try:
        st = os.stat(path)
    except OSError as exc:
        raise ImageError(f"เปิดไฟล์ {what} ไม่ได้: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ImageError(f"{what} ไม่ใช่ไฟล์ปกติ (เป็นโฟลเดอร์หรืออุปกรณ์)")
    if st.st_size > MAX_FILE_BYTES:
        raise ImageError(
            f"{what} ใหญ่เกินไป ({_num(st.st_size // (1024 * 1024))} MB เกิน {_num(MAX_FILE_BYTES // (1024 * 1024))} MB)"
        )
    try:
        with open(path, "rb") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImageError(f"เปิดไฟล์ {what} ไม่ได้: {exc.strerror or exc}") from None
