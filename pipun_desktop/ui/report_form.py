"""The report settings page: organization, year and round, plan title, introduction, conclusion, reporter and
announcement (with its emblem).

Every change goes through the ReportDocument (one undo command each, written to the file at once). Text is
committed when a field is left or Enter is pressed, or after a short pause in typing, never per keystroke;
the fields of one part (the conclusion, the reporter, …) are committed together as that part's dataclass.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core import papers as paper_words
from ..core.calendar import period_text
from ..core.model import ROUNDS, Conclusion, Organization, Papers, Reporter
from ..core.rules import FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, year_round_clash
from ..core.texts import contradictions, intro_template, round_name
from ..thai.digits import render_digits
from .editing import Committer, set_editor_text
from .emblem_field import EmblemField
from .thai_inputs import ThaiDateField, ThaiYearSpinBox

IDLE_COMMIT_MS = 500  # a pause in typing this long commits the field
ERROR_COLOR = "#b00020"
WARNING_COLOR = "#8a5a00"


class _UndoKeys(QObject):
    """The Undo/Redo keys in the year box go to the window's actions (the document's undo stack), after what
    was typed elsewhere on the page is committed."""

    def __init__(self, before_undo: Callable[[], None], parent):
        super().__init__(parent)
        self._before_undo = before_undo

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            self._before_undo()
            event.ignore()
            return True
        if event.type() == QEvent.Type.KeyPress and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            return True  # nothing for the window to undo: no private undo of the box either
        return False


class ReportForm(QWidget):
    """Edits the report's own fields; see the module docstring."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = None
        self._loading = False
        # one pending edit per part of the page (ui.editing.Committer, as the item form): its fields commit
        # together as the part's dataclass
        self._parts: dict[str, Committer] = {}
        self._loaded_state = None
        self._build()
        self.set_document(document)

    # == layout ==================================================================================
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        self.scroll_area = scroll
        body = QWidget(scroll)
        body.setMaximumWidth(980)
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 10, 12, 12)
        lay.setSpacing(10)

        title = QLabel("ข้อมูลรายงาน", body)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        lay.addWidget(title)

        lay.addWidget(self._build_organization(body))
        lay.addWidget(self._build_year_round(body))
        lay.addWidget(self._build_plan(body))
        lay.addWidget(self._build_conclusion(body))
        lay.addWidget(self._build_reporter(body))
        lay.addWidget(self._build_announcement(body))
        lay.addWidget(self._build_papers(body))
        lay.addStretch(1)
        self._align_labels(body)

    @staticmethod
    def _align_labels(body: QWidget) -> None:
        """One label column for every group, so the fields line up down the page."""
        forms = [box.layout() for box in body.findChildren(QGroupBox)]
        labels = [
            form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            for form in forms
            for row in range(form.rowCount())
        ]
        widgets = [item.widget() for item in labels if item is not None and item.widget() is not None]
        width = max((w.sizeHint().width() for w in widgets), default=0)
        for w in widgets:
            w.setMinimumWidth(width)
            if isinstance(w, QLabel):
                w.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

    def _group(self, title: str, parent) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, parent)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return box, form

    def _line(self, parent, part: str, commit, placeholder: str = "", name: str = "") -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(name or placeholder)
        self._watch(part, commit, edit)
        return edit

    def _watch(self, part: str, commit: Callable[[], bool], editor) -> None:
        """`editor` belongs to `part`: typing there makes the part pending; a pause, Enter or leaving commits it."""
        committer = self._parts.get(part)
        if committer is None:
            self._parts[part] = Committer(
                editor, lambda _text: self.report is None or commit(), IDLE_COMMIT_MS, self
            )
        else:
            committer.also_watch(editor)

    def _text(self, parent, part: str, commit, lines: int = 4, name: str = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setUndoRedoEnabled(False)
        edit.setAccessibleName(name)
        edit.setMinimumHeight(int(edit.fontMetrics().lineSpacing() * lines + 14))
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._watch(part, commit, edit)
        return edit

    def _date(self, parent, part: str, commit, name: str) -> ThaiDateField:
        field = ThaiDateField(parent)
        field.edit.setAccessibleName(name)
        field.check.setAccessibleName(f"มี{name}")
        self._parts[part].watch_signals(field.edited, field.finished, field.edit)
        return field

    def _build_organization(self, parent) -> QGroupBox:
        box, form = self._group("หน่วยงาน (อปท.)", parent)
        c = self._commit_organization
        self.org_name = self._line(box, "organization", c, "เช่น องค์การบริหารส่วนตำบลพิปูน", "ชื่อหน่วยงาน")
        self.org_district = self._line(box, "organization", c, "เช่น พิปูน (ไม่ต้องพิมพ์คำว่า อำเภอ)", "อำเภอ")
        self.org_province = self._line(
            box, "organization", c, "เช่น นครศรีธรรมราช (ไม่ต้องพิมพ์คำว่า จังหวัด)", "จังหวัด"
        )
        form.addRow("ชื่อหน่วยงาน", self.org_name)
        form.addRow("อำเภอ", self.org_district)
        form.addRow("จังหวัด", self.org_province)
        return box

    def _build_year_round(self, parent) -> QGroupBox:
        box, form = self._group("ปีงบประมาณและรอบรายงาน", parent)
        row = QHBoxLayout()
        self.year_spin = ThaiYearSpinBox(box)
        self.year_spin.setRange(FISCAL_YEAR_MIN, FISCAL_YEAR_MAX)
        self.year_spin.setAccessibleName("ปีงบประมาณ พ.ศ.")
        self.year_spin.setMinimumWidth(self.year_spin.fontMetrics().horizontalAdvance("๒๕๖๔") + 48)
        self.round_combo = QComboBox(box)
        self.round_combo.setAccessibleName("รอบรายงาน")
        for r in ROUNDS:
            self.round_combo.addItem(round_name(r), r)
        self.year_spin.installEventFilter(_UndoKeys(self.flush, self.year_spin))
        self.year_spin.valueChanged.connect(self._year_round_edited)
        self.year_spin.editingFinished.connect(self._commit_year_round)
        self.round_combo.activated.connect(lambda _i: self._commit_year_round())
        self._year_timer = QTimer(self)
        self._year_timer.setSingleShot(True)
        self._year_timer.setInterval(700)  # stepping with the arrows settles before the file is changed
        self._year_timer.timeout.connect(self._commit_year_round)
        row.addWidget(QLabel("พ.ศ.", box))
        row.addWidget(self.year_spin)
        row.addSpacing(12)
        row.addWidget(self.round_combo)
        row.addStretch(1)
        form.addRow("ปีงบประมาณ", row)
        self.period_label = QLabel(box)
        self.period_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("ช่วงเวลา", self.period_label)
        self.year_error = QLabel(box)
        self.year_error.setWordWrap(True)
        self.year_error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.year_error.setAccessibleName("ข้อผิดพลาดของปีและรอบ")
        self.year_error.hide()
        form.addRow("", self.year_error)
        return box

    def _build_plan(self, parent) -> QGroupBox:
        box, form = self._group("แผนและบทนำ", parent)
        self.plan_title = self._line(
            box,
            "plan_title",
            self._commit_plan_title,
            "เช่น แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)",
            "ชื่อแผน",
        )
        form.addRow("ชื่อแผน", self.plan_title)
        intro = QVBoxLayout()
        self.intro_default = QCheckBox("ใช้ข้อความมาตรฐาน", box)
        self.intro_default.setToolTip("ข้อความมาตรฐานเติมชื่อหน่วยงาน ชื่อแผน ปีและรอบให้เอง เอาติ๊กออกเพื่อแก้ไขข้อความเอง")
        self.intro_default.clicked.connect(self._intro_default_clicked)
        self.intro_edit = self._text(box, "intro", self._commit_intro, 6, "บทนำ")
        self.intro_note = QLabel(box)
        self.intro_note.setWordWrap(True)
        self.intro_note.setStyleSheet(f"color: {WARNING_COLOR};")
        self.intro_note.hide()
        intro.addWidget(self.intro_default)
        intro.addWidget(self.intro_edit)
        intro.addWidget(self.intro_note)
        form.addRow("บทนำ", intro)
        return box

    def _build_conclusion(self, parent) -> QGroupBox:
        box, form = self._group("บทสรุป ข้อเสนอแนะ แนวทางแก้ไขปรับปรุง", parent)
        c = self._commit_conclusion
        self.conclusion_edits = {
            "supporting_factors": self._text(box, "conclusion", c, 4, "ปัจจัยสนับสนุน"),
            "problems": self._text(box, "conclusion", c, 4, "ปัญหา/อุปสรรคในการดำเนินงาน"),
            "suggestions": self._text(box, "conclusion", c, 4, "ข้อเสนอแนะ"),
        }
        for label, edit in zip(
            ("ปัจจัยสนับสนุน", "ปัญหา/อุปสรรค\nในการดำเนินงาน", "ข้อเสนอแนะ"),
            self.conclusion_edits.values(),
            strict=False,
        ):
            form.addRow(label, edit)
        return box

    def _build_reporter(self, parent) -> QGroupBox:
        box, form = self._group("ผู้รายงาน", parent)
        c = self._commit_reporter
        self.reporter_name = self._line(box, "reporter", c, "ชื่อ-สกุล ผู้รายงาน", "ชื่อผู้รายงาน")
        self.reporter_position = self._line(box, "reporter", c, "ตำแหน่งผู้รายงาน", "ตำแหน่งผู้รายงาน")
        self.reporter_phone = self._line(box, "reporter", c, "เช่น ๐-๗๕๕๖-๖๓๔๘", "โทรศัพท์/โทรสาร")
        self.reporter_email = self._line(box, "reporter", c, "เช่น saraban@example.go.th", "E-mail")
        self.reporter_date = self._date(box, "reporter", c, "วันที่รายงาน")
        form.addRow("ผู้รายงาน", self.reporter_name)
        form.addRow("ตำแหน่ง", self.reporter_position)
        form.addRow("โทรศัพท์/โทรสาร", self.reporter_phone)
        form.addRow("E-mail", self.reporter_email)
        form.addRow("วันที่รายงาน", self.reporter_date)
        return box

    def _build_announcement(self, parent) -> QGroupBox:
        box, form = self._group("ประกาศ", parent)
        c = self._commit_announcement
        self.announcement_body = self._text(box, "announcement", c, 9, "ข้อความประกาศ")
        self.announcement_date = self._date(box, "announcement", c, "วันที่ประกาศ")
        self.signatory_name = self._line(
            box, "announcement", c, "ชื่อ-สกุล ผู้ลงนาม (พิมพ์ในวงเล็บใต้ลายมือชื่อ)", "ชื่อผู้ลงนามประกาศ"
        )
        self.signatory_position = self._line(
            box, "announcement", c, "เช่น นายกองค์การบริหารส่วนตำบลพิปูน", "ตำแหน่งผู้ลงนามประกาศ"
        )
        form.addRow("ข้อความประกาศ", self.announcement_body)
        form.addRow("ประกาศ ณ วันที่", self.announcement_date)
        form.addRow("ผู้ลงนาม", self.signatory_name)
        form.addRow("ตำแหน่งผู้ลงนาม", self.signatory_position)

        self.emblem = EmblemField(box)
        self.emblem.chosen.connect(self._store_emblem)
        self.emblem.remove_requested.connect(self.remove_emblem)
        form.addRow("ตราสัญลักษณ์", self.emblem)
        return box

    def _build_papers(self, parent) -> QGroupBox:
        """What the memo and the web-publication form need beyond the report (File > เอกสารประกอบ…)."""
        box, form = self._group("เอกสารประกอบ: บันทึกข้อความเสนอผู้บริหาร และแบบฟอร์มขอเผยแพร่ทางเว็บไซต์", parent)
        c = self._commit_papers
        self.division = self._line(
            box, "papers", c, "เช่น สำนักปลัด องค์การบริหารส่วนตำบลพิปูน โทร. ๐ ๗๕๗๙ ๐๐๐๐", "ส่วนราชการ"
        )
        self.document_number = self._line(box, "papers", c, "เช่น นศ ๗๓๘๐๑/๑๒๓", "ที่ (เลขที่หนังสือ)")
        self.memo_date = self._date(box, "papers", c, "วันที่ของบันทึกข้อความ")
        self.executive_position = self._line(
            box, "papers", c, "เช่น นายกองค์การบริหารส่วนตำบลพิปูน (ว่างไว้: ใช้ตำแหน่งผู้ลงนามประกาศ)", "เรียน"
        )
        self.memo_default = QCheckBox("ใช้ข้อความที่ร่างจากรายงาน (ผลการดำเนินงาน จำนวนโครงการ งบประมาณ)", box)
        self.memo_default.clicked.connect(
            lambda checked: self._draft_clicked(
                "memo_body", checked, self.memo_edit, paper_words.memo_template
            )
        )
        self.memo_edit = self._text(box, "papers", c, 6, "ข้อความบันทึก")
        memo = QVBoxLayout()
        memo.addWidget(self.memo_default)
        memo.addWidget(self.memo_edit)
        self.web_default = QCheckBox("ใช้รายละเอียดที่ร่างจากรายงาน", box)
        self.web_default.clicked.connect(
            lambda checked: self._draft_clicked(
                "web_description", checked, self.web_edit, paper_words.web_description_template
            )
        )
        self.web_edit = self._text(box, "papers", c, 3, "รายละเอียดข้อมูลที่ขอเผยแพร่")
        web = QVBoxLayout()
        web.addWidget(self.web_default)
        web.addWidget(self.web_edit)
        self.web_link = self._line(box, "papers", c, "ที่อยู่เว็บของไฟล์ที่เผยแพร่ (ถ้ามี)", "Link ภายนอก")
        self.web_remarks = self._line(box, "papers", c, "", "หมายเหตุในแบบฟอร์มขอเผยแพร่")
        self.web_publisher_name = self._line(
            box, "papers", c, "ชื่อ-สกุล ผู้นำข้อมูลขึ้นเว็บไซต์ (ว่างไว้: เว้นให้เขียน)", "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่"
        )
        self.web_publisher_position = self._line(box, "papers", c, "", "ตำแหน่งผู้นำข้อมูลขึ้นเผยแพร่")
        form.addRow("ส่วนราชการ", self.division)
        form.addRow("ที่", self.document_number)
        form.addRow("วันที่บันทึก", self.memo_date)
        form.addRow("เรียน", self.executive_position)
        form.addRow("ข้อความบันทึก", memo)
        form.addRow("รายละเอียดที่\nขอเผยแพร่", web)
        form.addRow("Link ภายนอก", self.web_link)
        form.addRow("หมายเหตุ", self.web_remarks)
        form.addRow("ผู้นำข้อมูล\nขึ้นเผยแพร่", self.web_publisher_name)
        form.addRow("ตำแหน่ง", self.web_publisher_position)
        self.papers_lines = (
            self.division,
            self.document_number,
            self.executive_position,
            self.web_link,
            self.web_remarks,
            self.web_publisher_name,
            self.web_publisher_position,
        )
        return box

    def sizeHint(self) -> QSize:
        return QSize(760, 700)

    # == document ================================================================================
    def set_document(self, document) -> None:
        if self.document is not None:
            self.flush()
            for sig, slot in (
                (self.document.report_changed, self._document_changed),
                (self.document.report_switched, self._report_switched),
            ):
                try:
                    sig.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        self.document = document
        self._discard_typing()
        if document is not None:
            document.report_changed.connect(self._document_changed)
            document.report_switched.connect(self._report_switched)
        self.load(force=True)

    @property
    def report(self):
        return getattr(self.document, "report", None)

    def _document_changed(self) -> None:
        self.load()

    def _report_switched(self) -> None:
        # typing not yet committed belonged to the previous report: never write it into this one
        self._discard_typing()
        self._year_timer.stop()
        self._show_year_error("")
        self.emblem.show_error("")
        self.load(force=True)

    def _state(self):
        report = self.report
        if report is None:
            return None
        return (
            report.id,
            report.fiscal_year,
            report.round,
            report.plan_title,
            report.intro,
            report.conclusion,
            report.reporter,
            report.announcement,
            report.papers,
            self.document.organization,
            self._read_only(),
            self._digits(),
        )

    def load(self, force: bool = False) -> None:
        """Show the document's values; parts with uncommitted typing keep what is being typed. Skipped when
        nothing the form shows has changed (an edit of a tree node, say)."""
        state = self._state()
        if not force and state is not None and state == self._loaded_state:
            return
        self._loaded_state = state
        report = self.report
        enabled = report is not None
        self.scroll_area.widget().setEnabled(enabled)
        if not enabled:
            return
        org = self.document.organization
        self._loading = True
        try:
            if not self._parts["organization"].pending:
                self._set_line(self.org_name, org.name)
                self._set_line(self.org_district, org.district)
                self._set_line(self.org_province, org.province)
            if not self._year_timer.isActive():
                self.year_spin.blockSignals(True)
                self.year_spin.setValue(report.fiscal_year)
                self.year_spin.blockSignals(False)
                self.round_combo.setCurrentIndex(self.round_combo.findData(report.round))
            self._show_period()
            if not self._parts["plan_title"].pending:
                self._set_line(self.plan_title, report.plan_title)
            if not self._parts["intro"].pending:
                self._load_intro()
            if not self._parts["conclusion"].pending:
                for key, edit in self.conclusion_edits.items():
                    self._set_text(edit, getattr(report.conclusion, key))
            if not self._parts["reporter"].pending:
                p = report.reporter
                for edit, value in (
                    (self.reporter_name, p.name),
                    (self.reporter_position, p.position),
                    (self.reporter_phone, p.phone),
                    (self.reporter_email, p.email),
                ):
                    self._set_line(edit, value)
                if self.reporter_date.date() != p.date:
                    self.reporter_date.set_date(p.date)
            a = report.announcement
            if not self._parts["announcement"].pending:
                self._set_text(self.announcement_body, a.body)
                if self.announcement_date.date() != a.date:
                    self.announcement_date.set_date(a.date)
                self._set_line(self.signatory_name, a.signatory_name)
                self._set_line(self.signatory_position, a.signatory_position)
            self.emblem.show_png(a.emblem_png)
            if not self._parts["papers"].pending:
                self._load_papers()
        finally:
            self._loading = False
        self._apply_read_only()

    def _load_papers(self) -> None:
        report, org, d = self.report, self.document.organization, self._digits()
        p = report.papers
        for edit, key in zip(self.papers_lines, Papers.TEXT_FIELDS, strict=True):
            self._set_line(edit, getattr(p, key))
        if self.memo_date.date() != p.memo_date:
            self.memo_date.set_date(p.memo_date)
        for box, edit, value, draft in (
            (self.memo_default, self.memo_edit, p.memo_body, paper_words.memo_template),
            (self.web_default, self.web_edit, p.web_description, paper_words.web_description_template),
        ):
            box.setChecked(value is None)
            self._set_text(edit, draft(org, report, d) if value is None else value)
            edit.setReadOnly(value is None or self._read_only())
            pal = edit.palette()
            role = QPalette.ColorRole.Window if value is None else QPalette.ColorRole.Base
            pal.setColor(QPalette.ColorRole.Base, self.palette().color(role))
            edit.setPalette(pal)

    def _load_intro(self) -> None:
        report = self.report
        standard = report.intro is None
        self.intro_default.setChecked(standard)
        text = (
            intro_template(self.document.organization, report, self._digits()) if standard else report.intro
        )
        self._set_text(self.intro_edit, text)
        self.intro_edit.setReadOnly(standard or self._read_only())
        self._check_intro()
        pal = self.intro_edit.palette()
        role = QPalette.ColorRole.Window if standard else QPalette.ColorRole.Base
        pal.setColor(QPalette.ColorRole.Base, self.palette().color(role))
        self.intro_edit.setPalette(pal)

    def _check_intro(self) -> None:
        """A typed introduction that names another year or round than the report's (core.texts.contradictions,
        the rule `check` reports as an error) is said here, under the text."""
        report, d = self.report, self._digits()
        wrong = contradictions(report.intro, report, report.plan_title) if report.intro is not None else []
        self.intro_note.setText(
            render_digits(
                f"บทนำที่แก้เองกล่าวถึง{' และ'.join(wrong)} แต่รายงานนี้เป็นปี พ.ศ. {report.fiscal_year} "
                f"รอบ {report.round} เดือน แก้ข้อความ หรือติ๊ก “ใช้ข้อความมาตรฐาน”",
                d,
            )
            if wrong
            else ""
        )
        self.intro_note.setVisible(bool(wrong))

    def _digits(self) -> str:
        return getattr(self.document, "digits", "thai")

    def _read_only(self) -> bool:
        return bool(getattr(self.document, "read_only", False))

    def _apply_read_only(self) -> None:
        ro = self._read_only()
        for edit in (
            self.org_name,
            self.org_district,
            self.org_province,
            self.plan_title,
            self.reporter_name,
            self.reporter_position,
            self.reporter_phone,
            self.reporter_email,
            self.signatory_name,
            self.signatory_position,
            *self.conclusion_edits.values(),
            self.announcement_body,
        ):
            edit.setReadOnly(ro)
        self.intro_edit.setReadOnly(ro or self.intro_default.isChecked())
        for w in (self.year_spin, self.round_combo, self.intro_default):
            w.setEnabled(not ro)
        self.emblem.set_read_only(ro)
        for edit in self.papers_lines:
            edit.setReadOnly(ro)
        self.memo_edit.setReadOnly(ro or self.memo_default.isChecked())
        self.web_edit.setReadOnly(ro or self.web_default.isChecked())
        for w in (self.memo_default, self.web_default):
            w.setEnabled(not ro)
        self.memo_date.set_read_only(ro)
        self.reporter_date.set_read_only(ro)
        self.announcement_date.set_read_only(ro)

    @staticmethod
    def _set_line(edit: QLineEdit, value: str) -> None:
        set_editor_text(edit, value)  # no signal: showing a value is no edit

    @staticmethod
    def _set_text(edit: QPlainTextEdit, value: str) -> None:
        set_editor_text(edit, value)

    # == committing ==============================================================================
    def _discard_typing(self) -> None:
        for committer in self._parts.values():
            committer.discard()

    def flush(self) -> None:
        """Commit everything typed so far (call before closing, switching reports or exporting)."""
        for committer in self._parts.values():
            committer.flush()
        if self._year_timer.isActive():
            self._commit_year_round()

    # commits keep the text exactly as typed: stripping here would remove a space the officer is about to
    # follow with the next word when a pause in typing commits mid-sentence
    def _commit_organization(self) -> bool:
        org = Organization(self.org_name.text(), self.org_district.text(), self.org_province.text())
        return self.document.set_organization(org)

    def _commit_plan_title(self) -> bool:
        return self.document.set_report_field("plan_title", self.plan_title.text(), text="แก้ชื่อแผน")

    def _commit_intro(self) -> bool:
        if self.intro_default.isChecked():
            return True  # the editor only shows the template
        return self.document.set_report_field("intro", self.intro_edit.toPlainText(), text="แก้บทนำ")

    def _intro_default_clicked(self, checked: bool) -> None:
        self._parts["intro"].discard()
        report = self.report
        if checked:
            self._own_entry("ใช้บทนำมาตรฐาน", lambda: self.document.set_report_field("intro", None))
        else:
            # start from the template, so the officer edits rather than retypes
            text = intro_template(self.document.organization, report, self._digits())
            self._own_entry("แก้บทนำเอง", lambda: self.document.set_report_field("intro", text))
            self.intro_edit.setFocus()
        self._load_intro()

    def _commit_conclusion(self) -> bool:
        values = {key: edit.toPlainText() for key, edit in self.conclusion_edits.items()}
        return self.document.set_report_field("conclusion", Conclusion(**values), text="แก้บทสรุป")

    def _commit_reporter(self) -> bool:
        new = Reporter(
            self.reporter_name.text(),
            self.reporter_position.text(),
            self.reporter_phone.text(),
            self.reporter_email.text(),
            self.reporter_date.date(),
        )
        return self.document.set_report_field("reporter", new, text="แก้ข้อมูลผู้รายงาน")

    def _commit_announcement(self) -> bool:
        new = dataclasses.replace(
            self.report.announcement,
            body=self.announcement_body.toPlainText(),
            date=self.announcement_date.date(),
            signatory_name=self.signatory_name.text(),
            signatory_position=self.signatory_position.text(),
        )
        return self.document.set_report_field("announcement", new, text="แก้ประกาศ")

    def _papers_value(self) -> Papers:
        p = self.report.papers
        return (
            Papers(
                **{key: edit.text() for edit, key in zip(self.papers_lines, Papers.TEXT_FIELDS, strict=True)},
                memo_date=self.memo_date.date(),
                memo_body=None if self.memo_default.isChecked() else self.memo_edit.toPlainText(),
                web_description=None if self.web_default.isChecked() else self.web_edit.toPlainText(),
            )
            if p is not None
            else Papers()
        )

    def _commit_papers(self) -> bool:
        return self.document.set_report_field("papers", self._papers_value(), text="แก้เอกสารประกอบ")

    def _draft_clicked(self, key: str, checked: bool, edit: QPlainTextEdit, draft) -> None:
        """The draft tick of the memo's body or the web description: ticked, the text follows the report;
        unticked, the officer edits a copy of the draft (one undo step each)."""
        self.flush()
        report = self.report
        if report is None:
            return
        value = None if checked else draft(self.document.organization, report, self._digits())
        new = dataclasses.replace(report.papers, **{key: value})
        label = "ใช้ข้อความที่ร่างจากรายงาน" if checked else "แก้ข้อความเอกสารประกอบเอง"
        self._own_entry(label, lambda: self.document.set_report_field("papers", new))
        self._load_papers()
        if not checked:
            edit.setFocus()

    def _own_entry(self, text: str, fn: Callable[[], bool]) -> bool:
        """Run one discrete change (a tick, an image, a year) as its own undo entry: the document merges
        consecutive changes of one report field, which suits typing but not these."""
        self.flush()
        stack = self.document.undo_stack
        stack.beginMacro(text)
        try:
            return fn()
        finally:
            stack.endMacro()

    # == year and round ==========================================================================
    def _year_round_edited(self, *_args) -> None:
        if not self._loading:
            self._show_period()
            self._year_timer.start()

    def _show_period(self) -> None:
        year, round_ = self.year_spin.value(), self.round_combo.currentData()
        if round_ is not None:
            self.period_label.setText(period_text(year, round_, self._digits(), era=True))

    def _commit_year_round(self) -> None:
        """Apply the year and round shown, unless another report of the file already has them."""
        self._year_timer.stop()
        report = self.report
        if report is None or self._loading:
            return
        year, round_ = self.year_spin.value(), self.round_combo.currentData()
        if (year, round_) == (report.fiscal_year, report.round):
            self._show_year_error("")
            return
        existing = [(r.fiscal_year, r.round, r.id) for r in self.document.reports()]
        if clash := year_round_clash(existing, year, round_, except_id=report.id):
            self._show_year_error(
                render_digits(
                    f"{clash} จึงเปลี่ยนเป็นปีและรอบนี้ไม่ได้ เลือกปีหรือรอบอื่น หรือเปิดรายงานนั้นจากตัวเลือกรายงาน",
                    self._digits(),
                )
            )
            self._revert_year_round()
            return

        def apply() -> bool:
            ok = True
            if year != report.fiscal_year:
                ok = self.document.set_report_field("fiscal_year", year)
            if ok and round_ != report.round:
                ok = self.document.set_report_field("round", round_)
            return ok

        label = render_digits(f"เปลี่ยนเป็นรายงานปี {year} รอบ {round_} เดือน", self._digits())
        if self._own_entry(label, apply):
            self._show_year_error("")
        else:
            failure = getattr(self.document, "last_failure", None)
            self._show_year_error(getattr(failure, "message", "") or "เปลี่ยนปีหรือรอบไม่ได้")
            self._revert_year_round()

    def _revert_year_round(self) -> None:
        report = self.report
        self._loading = True
        try:
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(report.fiscal_year)
            self.year_spin.blockSignals(False)
            self.round_combo.setCurrentIndex(self.round_combo.findData(report.round))
            self._show_period()
        finally:
            self._loading = False

    def _show_year_error(self, message: str) -> None:
        self.year_error.setText(message)
        self.year_error.setVisible(bool(message))

    # == emblem ==================================================================================
    def load_emblem(self, path) -> bool:
        """Store the image at `path` as the announcement's emblem (PNG bytes); False with a Thai message if not."""
        return self.emblem.load(path) and self.report.announcement.emblem_png is not None

    def _store_emblem(self, png: bytes) -> None:
        self._own_entry(
            "ใส่ตราสัญลักษณ์",
            lambda: self.document.set_report_field(
                "announcement", dataclasses.replace(self.report.announcement, emblem_png=png)
            ),
        )

    def remove_emblem(self) -> None:
        if self.report is None or self.report.announcement.emblem_png is None:
            return
        self.emblem.show_error("")
        self._own_entry(
            "นำตราสัญลักษณ์ออก",
            lambda: self.document.set_report_field(
                "announcement", dataclasses.replace(self.report.announcement, emblem_png=None)
            ),
        )
