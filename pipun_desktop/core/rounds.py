"""A new report round made from an existing one: the same plan, carried over by the rules an officer expects.

The plan (dimensions, sections, items with their titles, types, indicators, targets, approach ticks, notes and
narrative about aims and methods) outlives a round; what happened in a round does not.

* 6 → 12 months of the same fiscal year: the 12-month round is cumulative, so it continues from the 6-month
  one and keeps everything: results, all three amounts, statuses with their reasons, narrative blocks, the
  conclusion texts.
* Any other combination (12 → 6 of the same year, or any round of another fiscal year): results, the
  disbursed amount, statuses and their reasons, and narrative blocks reporting results (headings starting with
  "ผลการดำเนิน") are cleared. A new fiscal year has a new budget, so the integrated and agency budgets are
  cleared too; within the same year they are kept. The conclusion texts describe the old round's results and
  are cleared, except within the same year.
* Always: the reporter's and the announcement's dates are cleared (the new round is signed on a new day);
  who reports and who signs (names, positions, phone, e-mail) and the emblem stay; the plan title stays;
  the introduction goes back to the standard template, which names the new year and round (a typed
  introduction would still name the old ones); the announcement body is kept for editing.
* The same year and round as the source is refused, as is an unknown round, with a Thai message.

The copy shares no object with the source, and every id is None, ready for ReportStore.add_report.
"""

from __future__ import annotations

import copy
import dataclasses

from ..thai.digits import to_thai_digits
from .model import ROUNDS, Conclusion, Heading, Item, Node, Report

MIN_YEAR, MAX_YEAR = 2500, 2700  # Buddhist era; anything outside is a typo (e.g. a Gregorian year)
RESULT_HEADING_PREFIX = "ผลการดำเนิน"


def check_year_round(fiscal_year: int, round_: int) -> None:
    """Raise ValueError with a Thai message for a fiscal year or round the program cannot report on."""
    if round_ not in ROUNDS:
        raise ValueError(f"รอบรายงานต้องเป็น ๖ หรือ ๑๒ เดือน ไม่ใช่ {to_thai_digits(str(round_))}")
    if not isinstance(fiscal_year, int) or not MIN_YEAR <= fiscal_year <= MAX_YEAR:
        raise ValueError(
            f"ปีงบประมาณต้องเป็นปีพุทธศักราช ({to_thai_digits(str(MIN_YEAR))}–"
            f"{to_thai_digits(str(MAX_YEAR))}) ไม่ใช่ {to_thai_digits(str(fiscal_year))}"
        )


def following_round(fiscal_year: int, round_: int) -> tuple[int, int]:
    """The round an officer reports next: 6 → 12 of the same year, 12 → 6 of the next year."""
    return (fiscal_year, 12) if round_ == 6 else (fiscal_year + 1, 6)


def carries_results(source: Report, fiscal_year: int, round_: int) -> bool:
    """True when the new round continues the source's results (6 → 12 months of the same year)."""
    return source.fiscal_year == fiscal_year and source.round == 6 and round_ == 12


def _copy_node(node: Node, keep_results: bool, keep_budget: bool) -> Node:
    if isinstance(node, Heading):
        return Heading(
            title=node.title, children=[_copy_node(c, keep_results, keep_budget) for c in node.children]
        )
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
    item.details = [d for d in item.details if not d.heading.strip().startswith(RESULT_HEADING_PREFIX)]
    return item


def new_round(report: Report, fiscal_year: int, round_: int) -> Report:
    """A new report for `fiscal_year`/`round_` made from `report` by the rules in this module's docstring."""
    check_year_round(fiscal_year, round_)
    if (fiscal_year, round_) == (report.fiscal_year, report.round):
        raise ValueError(
            f"รายงานปี {to_thai_digits(str(fiscal_year))} รอบ {to_thai_digits(str(round_))} เดือน "
            f"คือรายงานต้นฉบับเอง เลือกปีหรือรอบอื่น"
        )
    keep_results = carries_results(report, fiscal_year, round_)
    same_year = report.fiscal_year == fiscal_year
    conclusion = copy.deepcopy(report.conclusion) if same_year else Conclusion()
    return Report(
        fiscal_year=fiscal_year,
        round=round_,
        plan_title=report.plan_title,
        intro=None,
        tree=[_copy_node(n, keep_results, same_year) for n in report.tree],
        conclusion=conclusion,
        reporter=dataclasses.replace(report.reporter, date=None),
        announcement=dataclasses.replace(report.announcement, date=None),
        id=None,
    )
