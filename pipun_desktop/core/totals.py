"""Budget sums and item counts; a sum over only empty amounts stays empty ("-")."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from .model import Budget, Heading, Item, Node, Report, walk_items


def _add(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


@dataclass
class Totals:
    integrated: int | None = None
    agency: int | None = None
    disbursed: int | None = None
    items: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str | None] = field(default_factory=Counter)

    def add_item(self, item: Item) -> None:
        b = item.budget
        self.integrated = _add(self.integrated, b.integrated)
        self.agency = _add(self.agency, b.agency)
        self.disbursed = _add(self.disbursed, b.disbursed)
        self.items += 1
        self.by_type[item.item_type] += 1
        self.by_status[item.status] += 1

    def merge(self, other: Totals) -> None:
        self.integrated = _add(self.integrated, other.integrated)
        self.agency = _add(self.agency, other.agency)
        self.disbursed = _add(self.disbursed, other.disbursed)
        self.items += other.items
        self.by_type.update(other.by_type)
        self.by_status.update(other.by_status)

    @property
    def budget(self) -> Budget:
        return Budget(self.integrated, self.agency, self.disbursed)

    @property
    def allotted(self) -> int | None:
        """Budget available: integrated plus agency."""
        return _add(self.integrated, self.agency)

    @property
    def disbursement_rate(self) -> Decimal | None:
        """Disbursed as a percentage of the allotted budget, None when nothing was allotted."""
        allotted = self.allotted
        if not allotted:
            return None
        return (Decimal(self.disbursed or 0) * 100 / Decimal(allotted)).quantize(Decimal("0.01"))


def node_totals(node: Node) -> Totals:
    totals = Totals()
    for item in walk_items(node):
        totals.add_item(item)
    return totals


@dataclass
class ReportTotals:
    dimensions: list[tuple[Heading, Totals]]
    total: Totals


def report_totals(report: Report) -> ReportTotals:
    dims = [(dim, node_totals(dim)) for dim in report.tree]
    total = Totals()
    for _, t in dims:
        total.merge(t)
    return ReportTotals(dims, total)
