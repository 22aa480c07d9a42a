"""The report's rules, each written once: schema, JSON import, storage, the window's document and forms, and
the command line all ask this module (no Qt, no storage here).

* **Fiscal year and round**: a Buddhist-era year in FISCAL_YEAR_RANGE (the range the data file's CHECK
  constraint and the JSON reader accept too: a year that was stored is never refused or rewritten later);
  a round of 6 or 12 months.
* **One report per year and round** in a file (`year_round_clash`).
* **What goes where in the tree** (`can_hold`): the top level holds dimensions (headings) only; items go under
  headings; a heading is never moved under itself.
* **Status and reason together** (`status_with_reason`): a reason belongs to "not possible" only.
* **A new round** (`new_round`), made from an existing report:

  - 6 → 12 months of the same fiscal year: the 12-month round is cumulative, so it continues from the
    6-month one and keeps everything: results, all three amounts, statuses with their reasons, narrative
    blocks, the conclusion texts.
  - Any other combination (12 → 6 of the same year, or any round of another fiscal year): results, the
    disbursed amount, statuses and their reasons, and narrative blocks reporting results (headings starting
    with "ผลการดำเนิน") are cleared. A new fiscal year has a new budget, so the integrated and agency budgets
    are cleared too; within the same year they are kept. The conclusion texts describe the old round's
    results and are cleared, except within the same year.
  - Always: the reporter's and the announcement's dates are cleared (the new round is signed on a new day);
    who reports and who signs (names, positions, phone, e-mail) and the emblem stay; the plan title stays.
  - Standard texts are regenerated for the new round: the introduction when it is the standard one (None,
    or text equal to the template of the source report), the announcement body when it is empty or equal
    to the standard announcement of the source. A text the officer wrote is kept as written, and `check`
    reports an error where it names a year or a round that contradicts the report
    (`texts.contradictions`).
  - The same year and round as the source is refused, as is an unknown round, with a Thai message.

  The copy shares no object with the source, and every id is None, ready for ReportStore.add_report.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Sequence

from ..thai.digits import to_thai_digits
from .model import ROUNDS, Conclusion, Heading, Item, Node, Organization, Papers, Report
from .texts import announcement_template, intro_template, same_text

FISCAL_YEAR_MIN, FISCAL_YEAR_MAX = 2400, 2800  # Buddhist era; outside is a typo (a Gregorian year, say)
RESULT_HEADING_PREFIX = "ผลการดำเนิน"
NOT_POSSIBLE = "not_possible"

PLACEMENT_MESSAGE = "ใส่ได้เฉพาะมิติไว้ระดับบนสุด และใส่โครงการ/กิจกรรมไว้ใต้หัวข้อเท่านั้น"
MOVE_MESSAGE = "ย้ายไปที่นั่นไม่ได้: ระดับบนสุดเป็นมิติเท่านั้น และโครงการ/กิจกรรมต้องอยู่ใต้หัวข้อ"
UNDER_ITSELF_MESSAGE = "ย้ายหัวข้อไปไว้ใต้ตัวเองไม่ได้"


# -- year and round ---------------------------------------------------------------------------------
def year_round_problem(fiscal_year: object, round_: object) -> str | None:
    """A Thai message when the year or round cannot be reported on, else None."""
    if round_ not in ROUNDS:
        return f"รอบรายงานต้องเป็น ๖ หรือ ๑๒ เดือน ไม่ใช่ {to_thai_digits(str(round_))}"
    if (
        not isinstance(fiscal_year, int)
        or isinstance(fiscal_year, bool)
        or not FISCAL_YEAR_MIN <= fiscal_year <= FISCAL_YEAR_MAX
    ):
        return (
            f"ปีงบประมาณต้องเป็นปีพุทธศักราช ({to_thai_digits(str(FISCAL_YEAR_MIN))}–"
            f"{to_thai_digits(str(FISCAL_YEAR_MAX))}) ไม่ใช่ {to_thai_digits(str(fiscal_year))}"
        )
    return None


def check_year_round(fiscal_year: object, round_: object) -> None:
    """Raise ValueError with a Thai message for a fiscal year or round the program cannot report on."""
    problem = year_round_problem(fiscal_year, round_)
    if problem is not None:
        raise ValueError(problem)


def year_round_clash(
    existing: Iterable[tuple[int, int, int | None]],
    fiscal_year: int,
    round_: int,
    except_id: int | None = None,
) -> str | None:
    """A Thai message when another report of the file (`existing`: (year, round, id)) has this year and round."""
    for year, rnd, report_id in existing:
        if (year, rnd) == (fiscal_year, round_) and (except_id is None or report_id != except_id):
            return (
                f"ไฟล์นี้มีรายงานปีงบประมาณ พ.ศ. {to_thai_digits(str(fiscal_year))} "
                f"รอบ {to_thai_digits(str(round_))} เดือน อยู่แล้ว"
            )
    return None


def first_duplicate(keys: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """(first position, repeated position) of a year and round listed twice, or None."""
    seen: dict[tuple[int, int], int] = {}
    for i, key in enumerate(keys):
        if key in seen:
            return seen[key], i
        seen[key] = i
    return None


# -- the tree ---------------------------------------------------------------------------------------
TOP_LEVEL_MESSAGE = "ระดับบนสุดต้องเป็นมิติ ใส่โครงการ/กิจกรรมไว้ใต้มิติหรือหัวข้อ"
UNDER_ITEM_MESSAGE = "ใส่รายการไว้ใต้โครงการ/กิจกรรมไม่ได้"
INDENT_MESSAGE = "ย่อหน้าเข้าได้เมื่อรายการก่อนหน้าเป็นหัวข้อ"
OUTDENT_MESSAGE = "ระดับบนสุดเป็นมิติเท่านั้น ย่อหน้าออกไม่ได้อีก"


def placement_problem(parent_is_heading: bool | None, node_is_heading: bool) -> str | None:
    """Why a node cannot go under a parent (None: the top level), or None when it can."""
    if parent_is_heading is None:
        return None if node_is_heading else TOP_LEVEL_MESSAGE
    return None if parent_is_heading else UNDER_ITEM_MESSAGE


def can_hold(parent: Node | None, node: Node) -> bool:
    """Items only under headings; the top level (parent None) holds dimensions (headings) only."""
    parent_is_heading = None if parent is None else isinstance(parent, Heading)
    return placement_problem(parent_is_heading, isinstance(node, Heading)) is None


def indent_target(siblings: Sequence[Node], row: int) -> Heading | None:
    """Indenting makes a node the last child of the heading just above it: that heading, or None."""
    above = siblings[row - 1] if row > 0 else None
    return above if isinstance(above, Heading) else None


def can_outdent(node: Node, depth: int) -> bool:
    """Outdenting moves a node up one level, just after its parent: never to the top level for an item.
    `depth` counts the node's ancestors (0 = top level)."""
    return depth >= (2 if isinstance(node, Item) else 1)


# -- status and reason ------------------------------------------------------------------------------
def status_with_reason(status: str | None, reason: str | None) -> tuple[str | None, str | None]:
    """The status and the reason to store together: a reason belongs to "not possible" only."""
    return status, (reason if status == NOT_POSSIBLE else None)


# -- a new round ------------------------------------------------------------------------------------
def following_round(fiscal_year: int, round_: int) -> tuple[int, int]:
    """The round an officer reports next: 6 → 12 of the same year, 12 → 6 of the next year."""
    return (fiscal_year, 12) if round_ == 6 else (fiscal_year + 1, 6)


def carries_results(source: Report, fiscal_year: int, round_: int) -> bool:
    """True when the new round continues the source's results (6 → 12 months of the same year)."""
    return source.fiscal_year == fiscal_year and source.round == 6 and round_ == 12


def _copy_heading(heading: Heading, keep_results: bool, keep_budget: bool) -> Heading:
    return Heading(
        title=heading.title, children=[_copy_node(c, keep_results, keep_budget) for c in heading.children]
    )


def _copy_node(node: Node, keep_results: bool, keep_budget: bool) -> Node:
    if isinstance(node, Heading):
        return _copy_heading(node, keep_results, keep_budget)
    item: Item = copy.deepcopy(node)
    item.id = None
    if keep_results:
        return item
    budget = item.budget
    item.budget = dataclasses.replace(
        budget,
        integrated=budget.integrated if keep_budget else None,
        agency=budget.agency if keep_budget else None,
        disbursed=None,
    )
    item.result = ""
    item.status = None
    item.status_reason = None
    item.photos = []  # evidence of the results that are not carried
    item.details = [d for d in item.details if not d.heading.strip().startswith(RESULT_HEADING_PREFIX)]
    return item


def is_standard_intro(org: Organization, report: Report) -> bool:
    """The introduction is the standard one (None, or typed exactly as the template words it)."""
    return report.intro is None or same_text(report.intro, intro_template(org, report))


def is_standard_announcement(org: Organization, report: Report) -> bool:
    body = report.announcement.body
    return not body.strip() or same_text(body, announcement_template(org, report))


def new_round(report: Report, fiscal_year: int, round_: int, organization: Organization) -> Report:
    """A new report for `fiscal_year`/`round_` made from `report` by the rules in this module's docstring;
    `organization` (the file's) words the standard texts."""
    check_year_round(fiscal_year, round_)
    if (fiscal_year, round_) == (report.fiscal_year, report.round):
        raise ValueError(
            f"รายงานปี {to_thai_digits(str(fiscal_year))} รอบ {to_thai_digits(str(round_))} เดือน "
            f"คือรายงานต้นฉบับเอง เลือกปีหรือรอบอื่น"
        )
    org = organization
    keep_results = carries_results(report, fiscal_year, round_)
    same_year = report.fiscal_year == fiscal_year
    conclusion = copy.deepcopy(report.conclusion) if same_year else Conclusion()
    new = Report(
        fiscal_year=fiscal_year,
        round=round_,
        plan_title=report.plan_title,
        intro=None if is_standard_intro(org, report) else report.intro,
        tree=[_copy_heading(n, keep_results, same_year) for n in report.tree],
        conclusion=conclusion,
        reporter=dataclasses.replace(report.reporter, date=None),
        announcement=dataclasses.replace(report.announcement, date=None),
        # the memo and the web form: who writes and to whom carry over; number, date and texts are new
        papers=Papers(
            division=report.papers.division,
            executive_position=report.papers.executive_position,
            web_publisher_name=report.papers.web_publisher_name,
            web_publisher_position=report.papers.web_publisher_position,
        ),
        id=None,
    )
    if is_standard_announcement(org, report):
        new.announcement.body = announcement_template(org, new)
    return new
