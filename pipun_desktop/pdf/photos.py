"""Activity photos in the printed report: under each item's narrative, "ภาพกิจกรรม", two to a row.

Each photo keeps its proportions inside a cell of half the text width (about 7.8 cm) and at most 6 cm high,
its caption centred beneath it in 14 pt; a row never splits across pages. The stored JPEG bytes are embedded
as they are (ReportLab passes JPEG through without decoding), so a report with a hundred photos exports fast.
"""

from __future__ import annotations

import hashlib
import io

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from ..core.model import Photo
from ..media.images import ImageError, check_image, header_size, sniff
from .flowables import TextFlow, TextStyle
from .styles import Styles

PHOTO_HEADING = "ภาพกิจกรรม"
GAP = 0.6 * cm
MAX_PHOTO_HEIGHT = 6.0 * cm
CAPTION_SIZE = 14


class _PhotoReader(ImageReader):
    """ReportLab's reader of one stored photo. ReportLab names each image by a digest of its decoded pixels
    (canvas.drawImage calls getRGBData), which for a JPEG means decoding a photo it then embeds as it is:
    here a JPEG is named by the digest of its bytes instead, and never decoded."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._jpeg_name = hashlib.sha256(data).digest() if sniff(data) == "jpeg" else None

    def getRGBData(self) -> bytes:  # ReportLab's name
        if self._jpeg_name is not None:
            self._dataA = None
            return self._jpeg_name
        return super().getRGBData()  # type: ignore[no-any-return,no-untyped-call]


class PhotoError(ValueError):
    """A stored photo that cannot be printed; the message names the item and the photo."""


def _reader(photo: Photo, what: str) -> tuple[ImageReader, int, int]:
    data = photo.image
    fmt = sniff(data) if isinstance(data, bytes) else None
    size = header_size(data, fmt) if fmt else None
    if size is None:
        raise PhotoError(f"{what} ในไฟล์เสียหาย (ไม่ใช่ภาพ JPEG หรือ PNG) โปรดลบภาพนี้แล้วเพิ่มใหม่")
    if fmt == "png":
        try:  # a PNG is decoded by ReportLab anyway: check it whole first (caps, truncation)
            check_image(data, what)
        except ImageError as exc:
            raise PhotoError(str(exc)) from None
    try:
        reader = _PhotoReader(data)
        w, h = reader.getSize()
    except Exception:
        raise PhotoError(f"{what} ในไฟล์เสียหาย อ่านภาพไม่ได้ โปรดลบภาพนี้แล้วเพิ่มใหม่") from None
    return reader, w, h


class PhotoRow(Flowable):
    """One or two photos side by side with their captions; never split."""

    def __init__(self, cells: list[tuple[ImageReader, int, int, str]], st: Styles) -> None:
        super().__init__()
        self.cells = cells
        self.caption_style = TextStyle(st.fonts.regular, CAPTION_SIZE, align="center")
        self.spaceBefore = 4
        self.spaceAfter = 8
        self._layout: list[tuple[float, float, TextFlow, float]] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        cell_w = (aw - GAP) / 2
        layout: list[tuple[float, float, TextFlow, float]] = []
        pic_h = 0.0
        for _reader, w, h, _caption in self.cells:
            scale = min(cell_w / w, MAX_PHOTO_HEIGHT / h)
            pic_h = max(pic_h, h * scale)
        cap_h = 0.0
        for _reader, w, h, caption in self.cells:
            scale = min(cell_w / w, MAX_PHOTO_HEIGHT / h)
            flow = TextFlow(caption, self.caption_style)
            ch = flow.wrap(cell_w, 10_000)[1] if caption.strip() else 0.0
            cap_h = max(cap_h, ch)
            layout.append((w * scale, h * scale, flow, ch))
        self._layout = layout
        self._cell_w = cell_w
        self._pic_h = pic_h
        self._cap_h = cap_h
        self.width = aw
        self.height = pic_h + (4 + cap_h if cap_h else 0)
        return aw, self.height

    def draw(self) -> None:
        x0 = 0.0 if len(self.cells) == 2 else (self.width - self._cell_w) / 2
        for k, ((reader, _w, _h, _caption), (pw, ph, flow, ch)) in enumerate(
            zip(self.cells, self._layout, strict=True)
        ):
            x = x0 + k * (self._cell_w + GAP)
            top = self.height
            self.canv.drawImage(
                reader,
                x + (self._cell_w - pw) / 2,
                top - self._pic_h + (self._pic_h - ph) / 2,
                pw,
                ph,
                mask="auto",
            )
            if ch:
                flow.drawOn(self.canv, x, top - self._pic_h - 4 - ch)


def photo_flowables(item_label: str, photos: list[Photo], st: Styles) -> list[Flowable]:
    """The heading and rows of two for one item's photos ([] when it has none)."""
    if not photos:
        return []
    cells = []
    for i, photo in enumerate(photos):
        what = f"ภาพกิจกรรมที่ {i + 1} ของ {item_label}"
        reader, w, h = _reader(photo, what)
        cells.append((reader, w, h, photo.caption))
    out: list[Flowable] = [TextFlow(PHOTO_HEADING, st.block_head)]
    for k in range(0, len(cells), 2):
        out.append(PhotoRow(cells[k : k + 2], st))
    return out
