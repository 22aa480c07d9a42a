"""media.images: the one gate every image passes (photos, the emblem)."""

from __future__ import annotations

import io
import subprocess
import sys

import images_for_tests as imgs
import pytest
from PIL import Image

from pipun_desktop.media import images
from pipun_desktop.media.images import ImageError, check_emblem, check_image, prepare_emblem, prepare_photo


def test_format_is_sniffed_not_taken_from_a_name():
    assert images.sniff(imgs.png_bytes()) == "png"
    assert images.sniff(imgs.jpeg_bytes()) == "jpeg"
    assert images.sniff(b"GIF89a....") is None


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "ว่างเปล่า"),
        (b"hello, this is text named photo.jpg", "ไม่ใช่ไฟล์ภาพ"),
        (b"GIF89a" + b"\0" * 40, "GIF"),
        (b"%PDF-1.7\n" + b"\0" * 40, "PDF"),
        (imgs.bomb_png(), "ใหญ่เกินไป"),
        (imgs.truncated_jpeg(), "เสียหาย"),
        (imgs.truncated_png(), "เสียหาย"),
        (imgs.png_bytes()[:20], "เสียหาย"),
    ],
)
def test_refusals_name_the_image_and_say_why(data, words):
    with pytest.raises(ImageError) as err:
        check_image(data, "ภาพที่ ๒ ของ “โครงการ ก”")
    message = str(err.value)
    assert message.startswith("ภาพที่ ๒ ของ “โครงการ ก”")
    assert words in message
    assert "\n" not in message


def test_bomb_is_refused_from_its_header_at_once_and_quietly():
    """40,000 × 40,000 claimed by the header: refused before any pixel is allocated, no warning printed."""
    code = (
        "import sys; sys.path[:0] = ['tests', '.']\n"
        "import images_for_tests as t\n"
        "from pipun_desktop.media.images import check_image, ImageError\n"
        "for w in (40000, 12000):\n"
        "    try:\n"
        "        check_image(t.bomb_png(w, w), 'ภาพ')\n"
        "    except ImageError as e:\n"
        "        print(e)\n"
        "import resource\n"
        "print('peak-kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    proc = subprocess.run([sys.executable, "-W", "default", "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no DecompressionBombWarning lines
    *lines, peak = proc.stdout.splitlines()
    assert int(peak.split()[1]) < 400_000  # KiB: no pixels allocated (40,000² RGBA would be 6.4 GB)
    assert len(lines) == 2 and all("ใหญ่เกินไป" in line for line in lines)
    assert "๔๐,๐๐๐ × ๔๐,๐๐๐" in lines[0]


def test_a_huge_file_is_refused_before_decoding(tmp_path):
    big = tmp_path / "big.jpg"
    with open(big, "wb") as f:
        f.write(imgs.jpeg_bytes())
        f.truncate(images.MAX_FILE_BYTES + 1)
    with pytest.raises(ImageError, match="ใหญ่เกินไป"):
        images.read_image_file(big, "ภาพ big.jpg")
    with pytest.raises(ImageError, match="ไม่ใช่ไฟล์ปกติ"):
        images.read_image_file(tmp_path, "ภาพ")


def test_photo_is_made_small_upright_and_without_metadata():
    # 3000 × 2000 stored sideways with EXIF orientation 6 (turn 90° clockwise to view)
    data = imgs.jpeg_bytes(3000, 2000, exif_orientation=6)
    out = prepare_photo(data)
    im = Image.open(io.BytesIO(out))
    assert im.format == "JPEG"
    assert im.size == (1067, 1600)  # upright (portrait), longest side 1,600
    assert not im.getexif()  # no orientation, camera or GPS left
    assert "exif" not in im.info and "comment" not in im.info
    assert len(out) < 600_000


def test_small_photo_keeps_its_size_and_line_art_stays_png():
    out = prepare_photo(imgs.jpeg_bytes(800, 600))
    assert Image.open(io.BytesIO(out)).size == (800, 600)
    chart = Image.new("RGB", (2400, 1200), "white")
    chart.paste((20, 90, 200), (100, 100, 900, 1100))
    buf = io.BytesIO()
    chart.save(buf, "PNG")
    art = prepare_photo(buf.getvalue())
    im = Image.open(io.BytesIO(art))
    assert im.format == "PNG" and im.size == (1600, 800)
    photo_png = io.BytesIO()
    imgs.photo_image(900, 700).save(photo_png, "PNG")
    assert Image.open(io.BytesIO(prepare_photo(photo_png.getvalue()))).format == "JPEG"


def test_png_with_transparency_keeps_it():
    buf = io.BytesIO()
    Image.new("RGBA", (300, 200), (10, 200, 10, 0)).save(buf, "PNG")
    im = Image.open(io.BytesIO(prepare_photo(buf.getvalue())))
    assert im.format == "PNG" and im.mode == "RGBA"


def test_emblem_is_a_whole_png_within_its_cap():
    check_emblem(imgs.png_bytes(300, 300))
    with pytest.raises(ImageError, match="ภาพตราสัญลักษณ์.*PNG"):
        check_emblem(imgs.jpeg_bytes())
    with pytest.raises(ImageError, match="ใหญ่เกินไป"):
        check_emblem(imgs.bomb_png(12_000, 12_000))
    with pytest.raises(ImageError, match="เสียหาย"):
        check_emblem(imgs.truncated_png())
    png = prepare_emblem(imgs.jpeg_bytes(2400, 1800))
    im = Image.open(io.BytesIO(png))
    assert im.format == "PNG" and im.size == (1200, 900)
