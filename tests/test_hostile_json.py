"""Issue 11, causes 7, 8 and 9: absurd JSON numbers refused by length first, the strict reader really strict
(ASCII digits in amounts, plain ISO dates, integer rounds), and `--report N` the same report in a JSON document
and in the data file made from it."""

import json

import pytest
from hostile_helpers import cli, one_thai_line, write_json
from test_interchange import minimal_doc

from pipun_desktop.interchange.json_format import MAX_NUMBER_CHARS, InterchangeError, parse_document
from pipun_desktop.thai import amounts


def doc_text(**changes) -> str:
    doc = minimal_doc()
    text = json.dumps(doc, ensure_ascii=False)
    for key, raw in changes.items():
        text = text.replace(
            f'"{key}": {json.dumps(doc["reports"][0].get(key, doc.get(key)))}', f'"{key}": {raw}', 1
        )
    return text


@pytest.mark.parametrize("key", ["fiscal_year", "version", "round"])
@pytest.mark.parametrize("raw", ["9" * 5000, "1" + "0" * 400 + ".5", "1e999999"])
def test_absurd_numbers_are_refused_by_length(key, raw):
    with pytest.raises(InterchangeError) as info:
        parse_document(doc_text(**{key: raw}))
    assert "\n" not in str(info.value)
    if len(raw) > MAX_NUMBER_CHARS:  # refused by its length, before int() or float() saw it
        assert "ยาวเกิน" in str(info.value)


def test_a_million_digit_amount_is_refused_at_once(tmp_path, capsys, monkeypatch):
    doc = minimal_doc()
    doc["reports"][0]["tree"][0]["children"][0]["children"][0]["budget"]["agency"] = "9" * 1_000_000
    src = write_json(tmp_path / "big.json", doc)
    converted = []  # what Decimal was given: a million digits would keep it busy for a long time
    real = amounts.Decimal
    monkeypatch.setattr(amounts, "Decimal", lambda s: converted.append(len(s)) or real(s))
    code, _, err = cli(capsys, "import-json", src, "-o", tmp_path / "x.pipun")
    assert code == 2 and one_thai_line(err) and "budget.agency" in err
    assert all(n <= 20 for n in converted)


@pytest.mark.parametrize(
    "amount", ["๒๐๐๐๐.00", "２００００.00", "٢٠٠٠٠.00", "20000.٥٠", "1.5e3", " 20000.00", "+1.00"]
)
def test_amounts_take_ascii_digits_only(amount):
    doc = minimal_doc()
    doc["reports"][0]["tree"][0]["children"][0]["children"][0]["budget"]["agency"] = amount
    with pytest.raises(InterchangeError, match="budget.agency"):
        parse_document(json.dumps(doc, ensure_ascii=False))


@pytest.mark.parametrize(
    "date", ["2021-W14-4", "2021-098", "20210408", "๒๐๒๑-๐๔-๐๘", "2021-04-08T00:00", "0000-01-01"]
)
def test_dates_are_plain_iso(date):
    doc = minimal_doc()
    doc["reports"][0]["reporter"]["date"] = date
    with pytest.raises(InterchangeError, match="reporter.date"):
        parse_document(json.dumps(doc, ensure_ascii=False))


@pytest.mark.parametrize("rnd", ["6.0", "12.0", "true", '"6"'])
def test_the_round_is_an_integer(rnd):
    with pytest.raises(InterchangeError, match="round"):
        parse_document(doc_text(round=rnd))


def test_report_index_means_the_same_report_in_json_and_data_file(tmp_path, capsys):
    doc = minimal_doc()
    later = json.loads(json.dumps(doc["reports"][0]))
    later["fiscal_year"] = 2565
    later["plan_title"] = "แผนปีหลัง"
    doc["reports"] = [later, doc["reports"][0]]  # the JSON lists the later year first
    src = write_json(tmp_path / "two.json", doc)
    data = tmp_path / "two.pipun"
    assert cli(capsys, "import-json", src, "-o", data)[0] == 0
    for selector in ("0", "1", "2564-6", "2565-6"):
        prints = {cli(capsys, "fingerprint", f, "--report", selector)[1] for f in (src, data)}
        assert len(prints) == 1, selector
    assert (
        cli(capsys, "fingerprint", src, "--report", "0")[1]
        != cli(capsys, "fingerprint", src, "--report", "1")[1]
    )
