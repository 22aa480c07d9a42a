"""Summary panel: budgets, disbursement rate and item counts per dimension, and a budget chart drawn with QPainter.

The figures come from core.totals.report_totals over the document's report; the panel recomputes on the
document's change signals, coalesced by a short single-shot timer so a burst of edits costs one pass, and
not at all while the panel is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.model import ITEM_TYPE_LABELS, ITEM_TYPES, STATUS_LABELS, STATUSES
from ..core.numbering import DIMENSION_WORD
from ..core.totals import ReportTotals, Totals, report_totals
from ..thai.amounts import format_amount
from ..thai.digits import render_digits
from .document_view import FollowsDocument

REFRESH_DELAY_MS = 100
BUDGET_COLOR = QColor("#3a6ea5")
DISBURSED_COLOR = QColor("#e08a1e")
BUDGET_COLUMNS = ("งบบูรณาการ", "งบหน่วยงาน", "ผลเบิกจ่าย", "ร้อยละเบิกจ่าย")
BUDGET_HEADERS = ("งบ\nบูรณาการ", "งบ\nหน่วยงาน", "ผล\nเบิกจ่าย", "ร้อยละ\nเบิกจ่าย")  # two lines, as in the form
COUNT_ROWS = (
    [("ทั้งหมด", None, None)]
    + [(ITEM_TYPE_LABELS[t], "type", t) for t in ITEM_TYPES]
    + [(STATUS_LABELS[s], "status", s) for s in STATUSES]
    + [(STATUS_LABELS[None], "status", None)]
)
TOTAL_LABEL = "รวม"


def rate_text(totals: Totals, digits: str = "thai") -> str:
    """ "๓๐.๗๗%", or "-" when nothing was allotted."""
    rate = totals.disbursement_rate
    return "-" if rate is None else render_digits(f"{rate:,.2f}%", digits)


def dimension_label(index: int, digits: str = "thai") -> str:
    return render_digits(f"{DIMENSION_WORD} {index + 1}", digits)


@dataclass(frozen=True)
class ChartBar:
    label: str  # "มิติที่ ๑"
    title: str  # the dimension's title, for the tooltip
    budget: int | None  # allotted: integrated + agency, satang
    disbursed: int | None
    rate: str


class BudgetChart(QWidget):
    """Horizontal grouped bars: budget (integrated + agency) against disbursed, one group per dimension."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bars: list[ChartBar] = []
        self._digits = "thai"
        self._groups: list[QRectF] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAccessibleName("แผนภูมิงบประมาณและผลเบิกจ่ายรายมิติ")

    def set_bars(self, bars: list[ChartBar], digits: str = "thai") -> None:
        if bars != self._bars or digits != self._digits:
            self._bars, self._digits = list(bars), digits
            self.updateGeometry()
            self.update()

    def bars(self) -> list[ChartBar]:
        return list(self._bars)

    # -- geometry ------------------------------------------------------------------------------
    def _metrics(self):
        fm = QFontMetricsF(self.font())
        line = fm.height()
        bar_h = max(10.0, line * 0.85)
        return fm, line, bar_h, line * 0.6  # group gap

    def sizeHint(self) -> QSize:
        fm, line, bar_h, gap = self._metrics()
        n = max(1, len(self._bars))
        height = line * 0.25 + n * (2 * bar_h + gap) - gap + line * 2.0
        return QSize(320, int(height + 0.5))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return False

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        fm, line, bar_h, gap = self._metrics()
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        self._groups = []
        if not self._bars:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "ยังไม่มีมิติในรายงาน")
            return
        label_w = max(fm.horizontalAdvance(b.label) for b in self._bars) + 8
        values = [v for b in self._bars for v in (b.budget, b.disbursed) if v]
        top = max(values, default=0)
        value_texts = [format_amount(v, self._digits) for b in self._bars for v in (b.budget, b.disbursed)]
        text_w = max(fm.horizontalAdvance(t) for t in value_texts) + 6
        plot_left = rect.left() + label_w
        plot_w = max(20.0, rect.right() - plot_left - text_w)
        y = rect.top() + line * 0.25
        axis_top = y
        for bar in self._bars:
            group = QRectF(rect.left(), y, rect.width(), 2 * bar_h)
            self._groups.append(group)
            p.setPen(text_color)
            p.drawText(
                QRectF(rect.left(), y, label_w - 8, 2 * bar_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                bar.label,
            )
            for i, (value, color) in enumerate(
                ((bar.budget, BUDGET_COLOR), (bar.disbursed, DISBURSED_COLOR))
            ):
                by = y + i * bar_h
                length = plot_w * value / top if value and top else 0.0
                if length:
                    p.fillRect(QRectF(plot_left, by + 1, max(1.5, length), bar_h - 2), color)
                p.setPen(text_color)
                p.drawText(
                    QRectF(plot_left + length + 4, by, text_w + 20, bar_h),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    format_amount(value, self._digits),
                )
            y += 2 * bar_h + gap
        axis = QColor(text_color)
        axis.setAlpha(110)
        p.setPen(axis)
        p.drawLine(QPointF(plot_left, axis_top - 2), QPointF(plot_left, y - gap + 2))
        self._paint_legend(
            p, QRectF(rect.left(), y - gap + line * 0.5, rect.width(), line * 1.2), fm, text_color
        )

    def _paint_legend(self, p: QPainter, area: QRectF, fm: QFontMetricsF, text_color: QColor) -> None:
        x = area.left() + 4
        box = fm.height() * 0.6
        for text, color in (("งบประมาณ (บูรณาการ + หน่วยงาน)", BUDGET_COLOR), ("ผลเบิกจ่าย", DISBURSED_COLOR)):
            p.fillRect(QRectF(x, area.center().y() - box / 2, box, box), color)
            x += box + 4
            p.setPen(text_color)
            p.drawText(
                QRectF(x, area.top(), fm.horizontalAdvance(text) + 4, area.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += fm.horizontalAdvance(text) + 16

    def event(self, ev) -> bool:
        if ev.type() == ev.Type.ToolTip:
            pos = QPointF(ev.pos())
            for bar, group in zip(self._bars, self._groups, strict=False):
                if group.contains(pos):
                    QToolTip.showText(ev.globalPos(), self.tooltip_text(bar), self)
                    return True
            QToolTip.hideText()
            ev.ignore()
            return True
        return super().event(ev)

    def tooltip_text(self, bar: ChartBar) -> str:
        return (
            f"{bar.label} {bar.title}\nงบประมาณ {format_amount(bar.budget, self._digits)} บาท\n"
            f"ผลเบิกจ่าย {format_amount(bar.disbursed, self._digits)} บาท ({bar.rate})"
        )


class FitTable(QTableWidget):
    """A small read-only table as tall as its rows (the panel scrolls as a whole), whose columns share any
    spare width in proportion to their contents."""

    def __init__(self, parent, name: str):
        super().__init__(parent)
        self._content: list[int] = []
        self.setAccessibleName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(False)

    def fit(self) -> None:
        """Size to the contents: call after filling."""
        self.resizeRowsToContents()
        header = self.horizontalHeader()
        pad = 6
        self._content = [
            max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) + pad for c in range(self.columnCount())
        ]
        frame = 2 * self.frameWidth()
        height = header.sizeHint().height() + frame + sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height)
        self.setMinimumWidth(self.verticalHeader().sizeHint().width() + frame + sum(self._content))
        self._spread()

    def _spread(self) -> None:
        if not self._content:
            return
        spare = max(0, self.viewport().width() - sum(self._content))
        total = sum(self._content)
        for c, width in enumerate(self._content):
            self.setColumnWidth(c, width + spare * width // total)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._spread()


class SummaryPanel(FollowsDocument, QWidget):
    """Budget sums, disbursement rate and counts per dimension and for the report, with a budget chart."""

    refreshed = Signal()  # after the figures were recomputed (tests and benchmarks wait on it)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = None
        self.digits = "thai"
        self._dirty = True
        self._shown_key = object()  # what the widgets show; never equal before the first refresh
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.set_document(document)

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)

        self.heading_label = QLabel(body)
        self.heading_label.setWordWrap(True)
        font = QFont(self.heading_label.font())
        font.setBold(True)
        self.heading_label.setFont(font)
        lay.addWidget(self.heading_label)

        lay.addWidget(self._section_label("งบประมาณ (บาท)", body))
        self.budget_table = FitTable(body, "ตารางงบประมาณรายมิติ")
        self.budget_table.setColumnCount(len(BUDGET_COLUMNS))
        self.budget_table.setHorizontalHeaderLabels(list(BUDGET_HEADERS))
        lay.addWidget(self.budget_table)

        lay.addWidget(self._section_label("งบประมาณเทียบผลเบิกจ่าย", body))
        self.chart = BudgetChart(body)
        lay.addWidget(self.chart)

        lay.addWidget(self._section_label("จำนวนโครงการ/กิจกรรม/มาตรการ", body))
        self.counts_table = FitTable(body, "ตารางจำนวนตามประเภทและสถานะ")
        self.counts_table.setRowCount(len(COUNT_ROWS))
        self.counts_table.setVerticalHeaderLabels([label for label, _, _ in COUNT_ROWS])
        lay.addWidget(self.counts_table)
        lay.addStretch(1)

    @staticmethod
    def _section_label(text: str, parent) -> QLabel:
        label = QLabel(text, parent)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 6, 0, 0)
        return label

    def sizeHint(self) -> QSize:
        return QSize(400, 560)

    # -- document ------------------------------------------------------------------------------
    def schedule_refresh(self, *args) -> None:
        """Coalesce a burst of change signals into one recomputation."""
        self._dirty = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start(0)

    def refresh(self) -> None:
        """Recompute every figure now."""
        self._timer.stop()
        self._dirty = False
        report = getattr(self.document, "report", None)
        totals = report_totals(report) if report is not None else ReportTotals([], Totals())
        # most edits (titles, texts) leave every figure as it was: then no widget is touched at all
        key = self._figures_key(report, totals)
        if key != self._shown_key:
            self._shown_key = key
            self._show(report, totals)
        self.refreshed.emit()

    def _figures_key(self, report, totals: ReportTotals):
        if report is None:
            return None
        rows = [(dim.title, t) for dim, t in totals.dimensions] + [("", totals.total)]
        return (
            report.fiscal_year,
            report.round,
            self.digits,
            tuple(
                (
                    title,
                    t.integrated,
                    t.agency,
                    t.disbursed,
                    t.items,
                    tuple(sorted(t.by_type.items())),
                    tuple(sorted(t.by_status.items(), key=lambda kv: str(kv[0]))),
                )
                for title, t in rows
            ),
        )

    refresh_now = refresh  # the name the window's screenshot path looks for

    # -- figures -------------------------------------------------------------------------------
    def _show(self, report, totals: ReportTotals) -> None:
        d = self.digits
        if report is None:
            self.heading_label.setText("ยังไม่ได้เปิดรายงาน")
        else:
            t = totals.total
            self.heading_label.setText(
                render_digits(
                    f"ปีงบประมาณ พ.ศ. {report.fiscal_year} รอบ {report.round} เดือน\n"
                    f"{t.items:,} รายการ ใน {len(totals.dimensions)} มิติ",
                    d,
                )
            )
        rows = [(dimension_label(i, d), dim.title, t) for i, (dim, t) in enumerate(totals.dimensions)]
        rows.append((TOTAL_LABEL, "ทั้งรายงาน", totals.total))
        self._fill_budget(rows)
        self._fill_counts(rows)
        self.chart.set_bars(
            [
                ChartBar(label, title, t.allotted, t.disbursed, rate_text(t, d))
                for label, title, t in rows[:-1]
            ],
            d,
        )

    def _fill_budget(self, rows) -> None:
        table = self.budget_table
        table.setRowCount(len(rows))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, (label, title, t) in enumerate(rows):
            header = QTableWidgetItem(label)
            header.setToolTip(title)
            table.setVerticalHeaderItem(r, header)
            cells = [
                format_amount(t.integrated, self.digits),
                format_amount(t.agency, self.digits),
                format_amount(t.disbursed, self.digits),
                rate_text(t, self.digits),
            ]
            for c, text in enumerate(cells):
                self._set_cell(table, r, c, text, right, bold=r == len(rows) - 1)
        table.fit()

    def _fill_counts(self, rows) -> None:
        table = self.counts_table
        table.setColumnCount(len(rows))
        for c, (label, title, _) in enumerate(rows):
            short = label.replace(f"{DIMENSION_WORD} ", "มิติ ")
            header = QTableWidgetItem(short)
            header.setToolTip(f"{label} {title}" if c < len(rows) - 1 else title)
            table.setHorizontalHeaderItem(c, header)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, (_, kind, key) in enumerate(COUNT_ROWS):
            for c, (_, _, t) in enumerate(rows):
                if kind is None:
                    n = t.items
                elif kind == "type":
                    n = t.by_type.get(key, 0)
                else:
                    n = t.by_status.get(key, 0)
                self._set_cell(
                    table,
                    r,
                    c,
                    render_digits(f"{n:,}", self.digits),
                    right,
                    bold=c == len(rows) - 1 or kind is None,
                )
        table.fit()

    @staticmethod
    def _set_cell(table: QTableWidget, row: int, col: int, text: str, align, bold: bool = False) -> None:
        item = table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            item.setTextAlignment(align)
            table.setItem(row, col, item)
        if item.text() != text:
            item.setText(text)
        if item.font().bold() != bold:
            font = QFont(table.font())
            font.setBold(bold)
            item.setFont(font)

    # -- reading the figures (tests, accessibility) ----------------------------------------------
    def budget_cell(self, row_label: str, column: str) -> str:
        """The text shown for a row ("มิติที่ ๑" or "รวม") and a column of BUDGET_COLUMNS."""
        table = self.budget_table
        col = BUDGET_COLUMNS.index(column)
        for r in range(table.rowCount()):
            if table.verticalHeaderItem(r).text() == row_label:
                return table.item(r, col).text()
        raise KeyError(row_label)

    def count_cell(self, row_label: str, column_label: str) -> str:
        """The count shown for a row of COUNT_ROWS ("โครงการ", "ดำเนินการแล้ว", …) and a column ("มิติ ๑", "รวม")."""
        table = self.counts_table
        r = [label for label, _, _ in COUNT_ROWS].index(row_label)
        for c in range(table.columnCount()):
            if table.horizontalHeaderItem(c).text() == column_label:
                return table.item(r, c).text()
        raise KeyError(column_label)
