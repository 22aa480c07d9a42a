"""What the printed layout does not show, kept in the exported .docx and .xlsx so that importing the file gives
back the same report: each item's type (when its title does not start with โครงการ/กิจกรรม/มาตรการ), its
status and the reason, its note as typed (the หมายเหตุ column also shows the status of an item that was
not done) and its title's line breaks; the report's plan title and whether its introduction is the
generated template; the part holding the announcement's emblem.

The marks live in a custom XML part (``customXml/pipunExport.xml``, related from the main part as custom XML
data, which Word and Excel keep when they save). Each mark is keyed by the item's number and title as the
form table shows them, whitespace ignored: the importer applies a mark only to an item whose row still reads
so, and only fields the officer cannot have changed visibly (a note edited in the document wins).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..core.model import ITEM_TYPES, STATUS_REASONS, STATUSES, Item, Organization, Report
from ..core.numbering import numbered
from ..core.texts import intro_template
from ..thai.digits import render_digits
from .export_common import note_text, xml_text
from .form_table import ImportResult

TYPE_DOUBT = "โปรดตรวจประเภท"

NS = "urn:pipun:office-export:1"
PART = "customXml/pipunExport.xml"
CONTENT_TYPE = "application/xml"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
# the data store item's properties, as Word and Excel write them beside every custom XML part
PROPS_PART = "customXml/pipunExportProps.xml"
PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
PROPS_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
PROPS_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    b'<ds:datastoreItem ds:itemID="{6F1D2C53-9A4B-4E0C-8B7A-5049554E0001}" '
    b'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
    b"<ds:schemaRefs/></ds:datastoreItem>"
)
MAX_MARKS = 20_000


@dataclass(frozen=True)
class ItemMark:
    item_type: str
    status: str | None
    status_reason: str | None
    note: str
    shown_note: str
    title: str = ""


@dataclass
class Marks:
    items: dict[str, ItemMark]
    plan_title: str | None = None
    intro: str | None = None  # the introduction as exported
    intro_is_template: bool = False
    emblem_part: str | None = None
    emblem_png: bytes | None = None


def label_key(label: str) -> str:
    return re.sub(r"\s+", "", label)


def marks_xml(report: Report, digits: str, emblem_part: str | None = None) -> bytes:
    """The marks of every item of the report, as the custom XML part's bytes."""
    root = ET.Element(f"{{{NS}}}pipun")
    root.set("plan_title", xml_text(report.plan_title))
    root.set("intro", "template" if report.intro is None else "own")
    if report.intro is not None:
        root.set("intro_text", xml_text(report.intro))
    if emblem_part:
        root.set("emblem", emblem_part)
    for n in numbered(report.tree, digits):
        node = n.node
        if not isinstance(node, Item):
            continue
        ET.SubElement(
            root,
            f"{{{NS}}}item",
            {
                "label": xml_text(n.label),
                "type": node.item_type,
                "status": node.status or "",
                "reason": node.status_reason or "",
                "note": xml_text(node.note),
                "shown": xml_text(note_text(node)),
                "title": xml_text(node.title),
            },
        )
    ET.register_namespace("", NS)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def parse_marks(root: ET.Element) -> Marks:
    """Marks from a parsed part (already read safely); values that are not ours are ignored."""
    out: dict[str, ItemMark] = {}
    marks = Marks(out)
    if root.tag != f"{{{NS}}}pipun":
        return marks
    marks.plan_title = root.get("plan_title")
    marks.intro_is_template = root.get("intro") == "template"
    marks.intro = root.get("intro_text")
    emblem = root.get("emblem") or None
    if emblem and re.fullmatch(r"word/media/[A-Za-z0-9_.-]+\.png", emblem):
        marks.emblem_part = emblem
    for el in root.iter(f"{{{NS}}}item"):
        if len(out) >= MAX_MARKS:
            break
        item_type = el.get("type", "")
        status = el.get("status") or None
        reason = el.get("reason") or None
        if item_type not in ITEM_TYPES or (status is not None and status not in STATUSES):
            continue
        if reason is not None and (reason not in STATUS_REASONS or status != "not_possible"):
            continue
        label = el.get("label", "")
        out[label_key(label)] = ItemMark(
            item_type, status, reason, el.get("note", ""), el.get("shown", ""), el.get("title", "")
        )
    return marks


def apply_marks(report: Report, org: Organization, marks: Marks) -> list[Item]:
    """Give the imported report what only the marks know, where the visible text still matches what was
    exported; returns the items that had a mark."""
    if marks.plan_title is not None and not report.plan_title:
        exported = Report(report.fiscal_year, report.round, marks.plan_title)
        if marks.intro_is_template:
            template = intro_template(org, exported)
            shown = report.intro if report.intro is not None else template
            if label_key(render_digits(shown, "thai")) == label_key(template):
                report.plan_title = marks.plan_title
                report.intro = None
        else:
            report.plan_title = marks.plan_title
    if not marks.intro_is_template and marks.intro is not None:
        if report.intro is None or label_key(report.intro) == label_key(marks.intro):
            report.intro = marks.intro
    marked: list[Item] = []
    for digits in ("thai", "arabic"):
        for n in numbered(report.tree, digits):
            node = n.node
            if not isinstance(node, Item):
                continue
            mark = marks.items.get(label_key(n.label))
            if mark is None:
                continue
            node.item_type = mark.item_type
            if label_key(node.note) == label_key(mark.shown_note):
                # the หมายเหตุ cell as exported: the status is ours; an edited cell keeps what it says
                node.note = mark.note
                node.status = mark.status
                node.status_reason = mark.status_reason
            if mark.title and label_key(node.title) == label_key(mark.title):
                node.title = mark.title
            marked.append(node)
        if marked:
            break
    return marked


def read_package_marks(path: Path, kind: str) -> Marks:
    """The marks in a .docx or .xlsx, read through the importer's guarded package reader (empty when none);
    for Word also the emblem's picture, when its part is still there and is a PNG."""
    from .package import OfficeImportError, Package

    empty = Marks({})
    try:
        pkg = Package(Path(path), kind)
    except OfficeImportError:
        return empty
    try:
        if not pkg.has(PART):
            return empty
        marks = parse_marks(pkg.xml(PART))
        if marks.emblem_part and pkg.has(marks.emblem_part):
            png = pkg.read(marks.emblem_part)
            marks.emblem_png = png if png.startswith(b"\x89PNG\r\n\x1a\n") else None
        return marks
    except OfficeImportError:
        return empty
    finally:
        pkg.close()


def settle_doubts(result: ImportResult, marked: list[Item]) -> None:
    """An item whose type came from the marks is no longer in doubt about its type."""
    paths = {n.path for n in numbered(result.report.tree) if any(n.node is m for m in marked)}
    result.unsure = [u for u in result.unsure if not (u.path in paths and TYPE_DOUBT in u.reason)]


def import_marks(result: ImportResult, path: Path, kind: str) -> None:
    """Everything an import does with a file this program exported: marks, emblem, doubts settled."""
    marks = read_package_marks(path, kind)
    if not marks.items and marks.plan_title is None:
        return
    marked = apply_marks(result.report, result.document.organization, marks)
    if kind == "word":
        apply_emblem(result.report, marks)
    settle_doubts(result, marked)


def apply_emblem(report: Report, marks: Marks) -> None:
    """The exported emblem back on the announcement, unless the document's announcement has none left."""
    if marks.emblem_png is not None and report.announcement.emblem_png is None:
        report.announcement.emblem_png = marks.emblem_png
