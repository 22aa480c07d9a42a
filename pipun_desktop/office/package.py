"""Opening a Word or Excel file (an OOXML zip package) safely, before any of its XML is parsed.

Everything an office document can do to hurt a reader is refused here with one Thai sentence: files too big,
zip bombs (sizes and ratios checked on the bytes actually read, not on what the zip claims), encrypted or
old binary files, macro-enabled documents (by name and by content: a .docm renamed .docx), XML with a DTD
or entities (defusedxml), and parts that pull content from outside the file (external links).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET  # type: ignore[import-untyped,unused-ignore]
from defusedxml.common import DefusedXmlException  # type: ignore[import-untyped,unused-ignore]

from ..interchange.json_format import InterchangeError

MAX_FILE_BYTES = 50 * 1024 * 1024  # a 1,000-item report with photos stays far below
MAX_PART_BYTES = 64 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts we read, uncompressed
MAX_RATIO = 200  # uncompressed / compressed for one part; text XML compresses ~10-30x
MAX_MEMBERS = 5000
RATIO_FLOOR = 1024 * 1024  # parts smaller than this may compress as they like
MACRO_SUFFIXES = {".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".xlsb"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
HYPERLINK_REL = "/hyperlink"


class OfficeImportError(InterchangeError):
    """A Word or Excel document that cannot be imported; the message is one Thai sentence."""

    def __init__(self, message: str):
        super().__init__("", message)


class Package:
    """The parts of an OOXML package, read with limits; XML parsed with defusedxml."""

    def __init__(self, path: Path, kind: str):
        self.path = path
        self.kind = kind  # "word" or "excel", for messages
        self.label = "Word" if kind == "word" else "Excel"
        self._read_total = 0
        self.zip = _open_zip(path, self.label)
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise OfficeImportError(f"ไฟล์ {self.label} นี้มีส่วนประกอบมากผิดปกติ ({len(infos):,} ส่วน) จึงไม่นำเข้า")
        self.names = {i.filename: i for i in infos}
        self._check_macros()
        self._check_external_links()

    def close(self) -> None:
        self.zip.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.names.get(name)
        if info is None:
            raise OfficeImportError(f"ไฟล์ {self.label} ไม่สมบูรณ์: ไม่มีส่วน {name}")
        if info.flag_bits & 0x1:
            raise OfficeImportError(f"ไฟล์ {self.label} นี้ถูกเข้ารหัสด้วยรหัสผ่าน โปรดบันทึกใหม่โดยไม่ใส่รหัสผ่าน")
        out = bytearray()
        try:
            with self.zip.open(info) as f:
                while True:
                    chunk = f.read(1 << 20)
                    if not chunk:
                        break
                    out += chunk
                    self._read_total += len(chunk)
                    if len(out) > MAX_PART_BYTES or self._read_total > MAX_TOTAL_BYTES:
                        raise OfficeImportError(
                            f"ไฟล์ {self.label} นี้ขยายออกมาใหญ่ผิดปกติ (อาจเป็น zip bomb) จึงไม่นำเข้า"
                        )
                    if len(out) > RATIO_FLOOR and len(out) > MAX_RATIO * max(info.compress_size, 1):
                        raise OfficeImportError(
                            f"ไฟล์ {self.label} นี้บีบอัดไว้มากผิดปกติ (อาจเป็น zip bomb) จึงไม่นำเข้า"
                        )
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            if isinstance(exc, OfficeImportError):
                raise
            raise OfficeImportError(f"ไฟล์ {self.label} เสียหาย อ่านส่วน {name} ไม่ได้") from None
        return bytes(out)

    def xml(self, name: str) -> Element:
        return self.parse(name, self.read(name))

    def parse(self, name: str, data: bytes) -> Element:
        try:
            return cast(Element, SafeET.fromstring(data))
        except DefusedXmlException:
            raise OfficeImportError(f"ไฟล์ {self.label} นี้มี XML ที่ไม่ปลอดภัย (DTD หรือ entity) จึงไม่นำเข้า") from None
        except SafeET.ParseError:
            raise OfficeImportError(f"ไฟล์ {self.label} เสียหาย: ส่วน {name} ไม่ใช่ XML ที่ถูกต้อง") from None

    def iterparse(self, name: str):  # type: ignore[no-untyped-def]
        """Stream the (start/end) events of a big part, e.g. a worksheet of many rows."""
        data = self.read(name)
        try:
            yield from SafeET.iterparse(io.BytesIO(data), events=("end",))
        except DefusedXmlException:
            raise OfficeImportError(f"ไฟล์ {self.label} นี้มี XML ที่ไม่ปลอดภัย (DTD หรือ entity) จึงไม่นำเข้า") from None
        except SafeET.ParseError:
            raise OfficeImportError(f"ไฟล์ {self.label} เสียหาย: ส่วน {name} ไม่ใช่ XML ที่ถูกต้อง") from None

    def rels(self, part: str) -> dict[str, tuple[str, str, str]]:
        """Relationships of `part`: id -> (type, target resolved inside the package, target mode)."""
        folder, base = posixpath.split(part)
        rel_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rel_name):
            return {}
        out = {}
        for rel in self.xml(rel_name):
            target = rel.get("Target", "")
            mode = rel.get("TargetMode", "Internal")
            if mode != "External":
                target = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target))
                )
            out[rel.get("Id", "")] = (rel.get("Type", ""), target, mode)
        return out

    # -- refusals -------------------------------------------------------------------------------
    def _check_macros(self) -> None:
        if any(n.lower().endswith("vbaproject.bin") for n in self.names):
            raise _macro_error(self.label)
        if self.has("[Content_Types].xml"):
            types = self.read("[Content_Types].xml").lower()
            if b"macroenabled" in types or b"vbaproject" in types:
                raise _macro_error(self.label)

    def _check_external_links(self) -> None:
        for name in self.names:
            if name.endswith(".rels"):
                for rel in self.xml(name):
                    if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith(
                        HYPERLINK_REL
                    ):
                        raise OfficeImportError(
                            f"ไฟล์ {self.label} นี้ดึงข้อมูลจากไฟล์หรือเว็บภายนอก ({rel.get('Target', '')[:60]}) "
                            "จึงไม่นำเข้า โปรดบันทึกเป็นสำเนาที่ไม่มีลิงก์ภายนอกก่อน"
                        )
            if name.startswith("xl/externalLinks/"):
                raise OfficeImportError(f"ไฟล์ {self.label} นี้มีสูตรที่อ้างถึงไฟล์อื่น จึงไม่นำเข้า โปรดแปลงสูตรเป็นค่าก่อน")


def _macro_error(label: str) -> OfficeImportError:
    return OfficeImportError(
        f"ไฟล์ {label} นี้มีมาโคร (macro) ซึ่งอาจเป็นอันตราย จึงไม่นำเข้า "
        f"โปรดบันทึกเป็น {'.docx' if label == 'Word' else '.xlsx'} ที่ไม่มีมาโครก่อน"
    )


def _open_zip(path: Path, label: str) -> zipfile.ZipFile:
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise _macro_error(label)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise OfficeImportError(
                f"ไฟล์ {path.name} ใหญ่เกินไป ({size / 1024 / 1024:.0f} MB; รับได้ไม่เกิน "
                f"{MAX_FILE_BYTES // 1024 // 1024} MB)"
            )
        with open(path, "rb") as f:
            head = f.read(8)
            f.seek(0)
            data = f.read() if size <= MAX_FILE_BYTES else b""
    except FileNotFoundError:
        raise OfficeImportError(f"ไม่พบไฟล์ {path}") from None
    except IsADirectoryError:
        raise OfficeImportError(f"{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์") from None
    except OSError as exc:
        raise OfficeImportError(f"เปิดไฟล์ {path} ไม่ได้: {exc.strerror or exc}") from None
    if head.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise OfficeImportError(
                f"ไฟล์ {label} นี้ถูกเข้ารหัสด้วยรหัสผ่าน โปรดเปิดใน {label} แล้วบันทึกใหม่โดยไม่ใส่รหัสผ่าน"
            )
        old = ".doc" if label == "Word" else ".xls"
        new = ".docx" if label == "Word" else ".xlsx"
        raise OfficeImportError(f"ไฟล์นี้เป็น {label} รุ่นเก่า ({old}) โปรดเปิดใน {label} แล้วบันทึกเป็น {new} ก่อนนำเข้า")
    if size == 0:
        raise OfficeImportError(f"ไฟล์ {path.name} ว่างเปล่า")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise OfficeImportError(
            f"ไฟล์ {path.name} ไม่ใช่ไฟล์ {label} ({'.docx' if label == 'Word' else '.xlsx'}) หรือไฟล์เสียหาย"
        ) from None
