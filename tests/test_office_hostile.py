"""Hostile and broken Word/Excel files: one clear Thai line, exit status 2, nothing written."""

import io
import zipfile

import pytest
from conftest import SAMPLE
from office_docs import office_docx, office_xlsx

from pipun_desktop.cli.main import run
from pipun_desktop.interchange.json_format import read_document
from pipun_desktop.office.package import OLE_MAGIC


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory):
    doc = read_document(SAMPLE)
    return office_docx(
        doc.reports[0], doc.organization, tmp_path_factory.mktemp("d") / "good.docx", narratives=False
    ).read_bytes()


@pytest.fixture(scope="module")
def good_xlsx(tmp_path_factory):
    doc = read_document(SAMPLE)
    return office_xlsx(
        doc.reports[0], doc.organization, tmp_path_factory.mktemp("x") / "good.xlsx"
    ).read_bytes()


def rezip(data: bytes, replace=None, add=None, drop=()) -> bytes:
    """The package `data` with some parts replaced, added or left out."""
    replace, add = replace or {}, add or {}
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename in drop:
                continue
            body = replace.get(info.filename, src.read(info.filename))
            z.writestr(info.filename, body(src.read(info.filename)) if callable(body) else body)
        for name, body in add.items():
            z.writestr(name, body)
    return out.getvalue()


def refused(tmp_path, capsys, name: str, data: bytes, command="import-docx", *extra) -> str:
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out.pipun"
    code = run([command, str(src), "-o", str(out), *extra])
    err = capsys.readouterr().err
    assert code == 2, err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no half-built file either
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ข้อผิดพลาด: "), err
    assert "Traceback" not in err
    return lines[0]


def test_good_files_import(tmp_path, capsys, good_docx, good_xlsx):
    for name, data, command in (("a.docx", good_docx, "import-docx"), ("a.xlsx", good_xlsx, "import-xlsx")):
        (tmp_path / name).write_bytes(data)
        assert run([command, str(tmp_path / name), "-o", str(tmp_path / (name + ".pipun"))]) == 0
    capsys.readouterr()


def test_zip_bomb(tmp_path, capsys, good_docx):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        src = zipfile.ZipFile(io.BytesIO(good_docx))
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, src.read(info.filename))
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            chunk = b" " * (1 << 20)
            for _ in range(100):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    msg = refused(tmp_path, capsys, "bomb.docx", out.getvalue())
    assert "zip bomb" in msg


def test_xml_entity_expansion(tmp_path, capsys, good_docx):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    msg = refused(tmp_path, capsys, "lol.docx", rezip(good_docx, replace={"word/document.xml": laughs}))
    assert "XML ที่ไม่ปลอดภัย" in msg


def test_external_entity(tmp_path, capsys, good_xlsx):
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x>&e;</x></workbook>'
    )
    msg = refused(
        tmp_path, capsys, "xxe.xlsx", rezip(good_xlsx, replace={"xl/workbook.xml": xxe}), "import-xlsx"
    )
    assert "XML ที่ไม่ปลอดภัย" in msg


def test_external_links(tmp_path, capsys, good_docx, good_xlsx):
    def with_template(rels: bytes) -> bytes:
        return rels.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'attachedTemplate" Target="http://example.com/t.dotm" TargetMode="External"/></Relationships>',
        )

    data = rezip(good_docx, replace={"word/_rels/document.xml.rels": with_template})
    assert "ภายนอก" in refused(tmp_path, capsys, "ext.docx", data)
    data = rezip(good_xlsx, add={"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    for p in tmp_path.iterdir():
        p.unlink()
    assert "อ้างถึงไฟล์อื่น" in refused(tmp_path, capsys, "ext.xlsx", data, "import-xlsx")


def test_macro_enabled_by_name_and_renamed(tmp_path, capsys, good_docx, good_xlsx):
    assert "มาโคร" in refused(tmp_path, capsys, "m.docm", good_docx)
    (tmp_path / "m.docm").unlink()

    def macro_types(types: bytes) -> bytes:
        return types.replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml",
        )

    data = rezip(
        good_docx, replace={"[Content_Types].xml": macro_types}, add={"word/vbaProject.bin": b"\0" * 64}
    )
    assert "มาโคร" in refused(tmp_path, capsys, "renamed.docx", data)
    (tmp_path / "renamed.docx").unlink()
    assert "มาโคร" in refused(tmp_path, capsys, "m.xlsm", good_xlsx, "import-xlsx")


def test_encrypted_old_broken_empty(tmp_path, capsys, good_docx):
    cases = [
        (
            "enc.docx",
            OLE_MAGIC + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 500,
            "รหัสผ่าน",
        ),
        ("old.docx", OLE_MAGIC + b"\0" * 1000, "รุ่นเก่า"),
        ("text.docx", "ไม่ใช่ไฟล์ Word".encode(), "ไม่ใช่ไฟล์ Word"),
        ("half.docx", good_docx[: len(good_docx) // 2], "ไม่ใช่ไฟล์ Word"),
        ("empty.docx", b"", "ว่างเปล่า"),
        ("nodoc.docx", rezip(good_docx, drop=("word/document.xml",)), "ไม่ใช่เอกสาร Word"),
        ("badxml.docx", rezip(good_docx, replace={"word/document.xml": b"<w:document"}), "ไม่ใช่ XML"),
    ]
    for name, data, words in cases:
        msg = refused(tmp_path, capsys, name, data)
        assert words in msg, (name, msg)
        (tmp_path / name).unlink()


def test_oversized_file(tmp_path, capsys):
    src = tmp_path / "big.docx"
    with open(src, "wb") as f:
        f.truncate(51 * 1024 * 1024)
    out = tmp_path / "o.pipun"
    assert run(["import-docx", str(src), "-o", str(out)]) == 2
    assert "ใหญ่เกินไป" in capsys.readouterr().err and not out.exists()


def _sheet_rows(n: int) -> bytes:
    head = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>งาน/กิจกรรม/โครงการ</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>ตัวชี้วัด</t></is></c><c r="C1" t="inlineStr"><is><t>เป้าหมาย</t></is></c></row>'
    )
    body = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>(1) โครงการ {r}</t></is></c><c r="C{r}"><v>1</v></c></row>'
        for r in range(2, n + 2)
    )
    return (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{head}{body}</sheetData></worksheet>"
    ).encode()


def test_a_hundred_thousand_rows(tmp_path, capsys, good_xlsx):
    names = zipfile.ZipFile(io.BytesIO(good_xlsx)).namelist()
    sheets = [n for n in names if n.startswith("xl/worksheets/sheet")]
    data = rezip(good_xlsx, replace={sheets[-1]: _sheet_rows(100_000)})
    msg = refused(tmp_path, capsys, "rows.xlsx", data, "import-xlsx")
    assert "แถว" in msg and "มากเกิน" in msg


def test_a_hundred_thousand_rows_in_word(tmp_path, capsys, good_docx):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def cell(t):
        return f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>"

    rows = ["<w:tr>" + cell("งาน/กิจกรรม/โครงการ") + cell("ตัวชี้วัด") + cell("เป้าหมาย") + "</w:tr>"]
    rows.append("<w:tr>" + cell("มิติที่ 1 ก") + "</w:tr>")
    many = "".join(
        "<w:tr>" + cell(f"(1) โครงการ {r}") + cell(f"ก {r * 7919 % 10007}") + cell(f"ข {r * 31}") + "</w:tr>"
        for r in range(100_000)
    )
    xml = (
        f'<?xml version="1.0"?><w:document {ns}><w:body><w:p><w:r><w:t>ประจำปี พ.ศ. 2564</w:t></w:r></w:p>'
        f"<w:tbl>{''.join(rows)}{many}</w:tbl></w:body></w:document>"
    ).encode()
    msg = refused(tmp_path, capsys, "rows.docx", rezip(good_docx, replace={"word/document.xml": xml}))
    assert "มากเกิน" in msg
