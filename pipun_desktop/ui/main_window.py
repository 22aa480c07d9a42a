"""The main window: report tree on the left; the selected node's form, report settings, summary and checks on
the right; menus, toolbar and shortcuts for every tree edit. File actions live in ui.file_actions."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Heading, Item
from ..core.totals import report_totals
from ..resources_path import resource_path
from ..thai.amounts import format_amount
from ..thai.digits import render_digits
from .checks_panel import ChecksPanel
from .display import DisplaySettings
from .file_actions import FileActions
from .heading_form import HeadingForm
from .item_form import ItemForm
from .message_boxes import choice_box, confirm_box, inform_box
from .office_export import OfficeExport
from .report_form import ReportForm
from .settings import Settings
from .start_page import (
    EMPTY_REPORT,
    NO_FILE,
    NO_REPORT,
    NOTHING_SELECTED,
    READ_ONLY,
    EmptyPage,
    SampleBanner,
)
from .summary_panel import SummaryPanel
from .tree_panel import TreePanel, descendant_items

# the program's name: the application's display name, which the window system appends to the window title
# (ui/app.py), so the window's own title is only the file's name
WINDOW_TITLE = "รายงานผลการดำเนินการป้องกันการทุจริต"
TAB_NODE, TAB_REPORT, TAB_SUMMARY, TAB_CHECKS = range(4)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.document = None
        self.display = DisplaySettings(self.settings.get("digits"), self)
        self.setWindowTitle(WINDOW_TITLE)
        icon = resource_path("resources", "icon.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        # confirmation and messages go through these, so tests can answer them
        self.confirm = lambda title, text: confirm_box(self, title, text)
        self.inform = lambda title, text, warning=False: inform_box(self, title, text, warning)
        self.choose = lambda title, text, choices: choice_box(self, title, text, choices)

        self.tree = TreePanel()
        self.item_form = ItemForm(self.display)
        self.heading_form = HeadingForm()
        self.empty_page = EmptyPage()
        self.node_stack = QStackedWidget()
        self.node_stack.addWidget(self.empty_page)
        self.node_stack.addWidget(_scrolled(self.item_form))
        self.node_stack.addWidget(_scrolled(self.heading_form))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.node_stack, "รายการที่เลือก")
        self._shown_year_round = None
        self._add_panels()
        for panel in (self.summary_panel, self.checks_panel):
            panel.follow_display(self.display)
        self.display.digits_changed.connect(self._digits_switched)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([600, 766])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.sample_banner = SampleBanner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.sample_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.totals_label = QLabel()
        self.statusBar().addPermanentWidget(self.totals_label)
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.timeout.connect(self._show_totals)

        self.files = FileActions(self)
        self.office = OfficeExport(self)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_start_buttons()
        self.tree.current_changed.connect(self._show_node)
        self.item_form.dropped.connect(self._dropped)
        self.heading_form.dropped.connect(self._dropped)
        self.tabs.currentChanged.connect(lambda _: self.flush_edits())
        self._update_actions()
        self._show_empty_state()

    def _add_panels(self) -> None:
        self.report_form = ReportForm(None)
        self.tabs.addTab(self.report_form, "ข้อมูลรายงาน")
        self.summary_panel = SummaryPanel(None)
        self.tabs.addTab(self.summary_panel, "สรุปงบประมาณ")
        self.checks_panel = ChecksPanel(None)
        self.checks_panel.node_activated.connect(self._finding_activated)
        self.checks_panel.report_activated.connect(lambda: self.tabs.setCurrentIndex(TAB_REPORT))
        self.tabs.addTab(self.checks_panel, "ตรวจสอบ")

    def _finding_activated(self, node_id: int) -> None:
        if self.tree.select_node(node_id):
            self.tabs.setCurrentIndex(TAB_NODE)

    # -- actions -------------------------------------------------------------------------------
    def _action(self, text, slot, shortcut=None, tip=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        f = self.files
        K = QKeySequence.StandardKey
        self.act_new = self._action("สร้างไฟล์รายงานใหม่…", f.new_file, K.New)
        self.act_open = self._action("เปิดไฟล์…", f.open_dialog, K.Open)
        self.act_save_copy = self._action("บันทึกสำเนาเป็น…", f.save_copy, K.SaveAs)
        self.act_import = self._action("นำเข้า JSON…", f.import_json)
        self.act_import_office = self._action(
            "นำเข้าจาก Word/Excel…",
            f.import_office,
            None,
            "สร้างไฟล์รายงานใหม่จากรายงานหรือแผนที่พิมพ์ไว้ใน Word หรือ Excel",
        )
        self.act_export_json = self._action("ส่งออก JSON…", f.export_json)
        self.act_export_pdf = self._action(
            "ส่งออก PDF…", f.export_pdf, "Ctrl+E", "สร้างไฟล์ PDF ของรายงานเพื่อพิมพ์และเผยแพร่"
        )
        self.act_export_docx = self._action(
            "ส่งออก Word…", self.office.export_docx, None, "รายงานทั้งฉบับเป็นเอกสาร Word (.docx) ที่แก้ไขต่อได้"
        )
        self.act_export_xlsx = self._action(
            "ส่งออก Excel…", self.office.export_xlsx, None, "แบบรายงานพร้อมสูตรผลรวม และสรุป เป็นแฟ้ม Excel (.xlsx)"
        )
        self.act_preview = self._action("ตัวอย่างก่อนพิมพ์…", f.preview_pdf, None, "ดูหน้ารายงานทุกหน้าตามที่จะพิมพ์ออกมา")
        self.act_print = self._action("พิมพ์…", f.print_report, K.Print, "พิมพ์รายงานทั้งฉบับหรือบางหน้า")
        self.act_papers = self._action(
            "เอกสารประกอบ…", f.papers, None, "บันทึกข้อความเสนอผู้บริหาร และแบบฟอร์มขอเผยแพร่ข้อมูลทางเว็บไซต์"
        )
        self.act_new_round = self._action("สร้างรายงานรอบใหม่จากรายงานนี้…", f.new_round)
        self.act_new_report = self._action("เพิ่มรายงานใหม่ (ว่าง หรือกรอบมาตรฐาน) ในไฟล์นี้…", f.new_report)
        self.act_restore = self._action("กู้คืนจากสำเนาสำรอง…", f.restore_backup)
        self.act_report_history = self._action("ประวัติการแก้ไขรายงานนี้…", lambda: f.show_history(None))
        self.act_node_history = self._action(
            "ประวัติการแก้ไขรายการนี้…", lambda: f.show_history(self.tree.current_id())
        )
        self.act_quit = self._action("ออก", self.close, K.Quit)
        self.act_start_own = self._action(
            "เริ่มรายงานของหน่วยงานท่าน…",
            self.start_own_report,
            None,
            "สร้างไฟล์รายงานใหม่ของหน่วยงานท่านจากกรอบมาตรฐาน",
        )
        self.act_import_new = self._action("นำเข้าจาก JSON…", self.import_new_file)
        self.act_undo = self._action("เลิกทำ", self.undo, K.Undo)
        redo_keys = QKeySequence.keyBindings(K.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.act_redo = self._action("ทำซ้ำ", self.redo, redo_keys)
        self.act_add_item = self._action(
            "เพิ่มโครงการ/กิจกรรม",
            lambda: self.add_item(),
            "Insert",
            "เพิ่มโครงการ/กิจกรรมใต้หัวข้อที่เลือก หรือต่อจากโครงการที่เลือก",
        )
        self.act_add_item_sibling = self._action(
            "เพิ่มโครงการระดับเดียวกับหัวข้อนี้", lambda: self.add_item(beside_heading=True)
        )
        self.act_add_heading = self._action(
            "เพิ่มหัวข้อระดับเดียวกัน", lambda: self.add_heading(child=False), "Ctrl+Insert"
        )
        self.act_add_subheading = self._action(
            "เพิ่มหัวข้อย่อย", lambda: self.add_heading(child=True), "Ctrl+Shift+Insert"
        )
        self.act_duplicate = self._action("ทำสำเนา", self.duplicate, "Ctrl+D")
        self.act_delete = self._action("ลบ…", self.delete, "Delete")
        self.act_rename = self._action("แก้ไขชื่อ", self.rename, "F2")
        self.act_up = self._action("เลื่อนขึ้น", lambda: self.move_by(-1), "Ctrl+Up")
        self.act_down = self._action("เลื่อนลง", lambda: self.move_by(+1), "Ctrl+Down")
        self.act_indent = self._action("ย่อหน้าเข้า (เป็นหัวข้อย่อยของรายการก่อนหน้า)", self.indent, "Ctrl+Right")
        self.act_outdent = self._action("ย่อหน้าออก (ขึ้นไปหนึ่งระดับ)", self.outdent, "Ctrl+Left")
        self.act_find = self._action("ค้นหา", self.tree.focus_filter, K.Find)
        self.act_expand = self._action("ขยายทั้งหมด", self.tree.view.expandAll)
        self.act_collapse = self._action("ย่อทั้งหมด", self.tree.view.collapseAll)
        self.act_arabic = self._action(
            "ใช้เลขอารบิก (1, 2, 3) แทนเลขไทย",
            lambda: self.set_digits("arabic" if self.act_arabic.isChecked() else "thai"),
        )
        self.act_arabic.setCheckable(True)
        self.act_arabic.setChecked(self.digits == "arabic")
        # Tree edits whose keys mean something else in a text field (Delete, Ctrl+arrows: word and paragraph
        # moves, Ctrl+D) work when the tree has focus; Insert, F2, undo and the File keys work everywhere.
        for act in (
            self.act_delete,
            self.act_up,
            self.act_down,
            self.act_indent,
            self.act_outdent,
            self.act_duplicate,
        ):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.removeAction(act)
            self.tree.view.addAction(act)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu("ไฟล์")
        for a in (self.act_new, self.act_open):
            m.addAction(a)
        self.recent_menu = m.addMenu("เปิดไฟล์ล่าสุด")
        self.recent_menu.aboutToShow.connect(self.files.fill_recent_menu)
        m.addAction(self.act_save_copy)
        m.addAction(self.act_restore)
        m.addSeparator()
        m.addAction(self.act_new_round)
        m.addAction(self.act_new_report)
        m.addSeparator()
        for a in (self.act_import, self.act_import_office, self.act_export_json, self.act_export_pdf):
            m.addAction(a)
        m.addAction(self.act_export_docx)
        m.addAction(self.act_export_xlsx)
        m.addSeparator()
        m.addAction(self.act_preview)
        m.addAction(self.act_print)
        m.addAction(self.act_papers)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu("แก้ไข")
        m.addAction(self.act_undo)
        m.addAction(self.act_redo)
        m.addSeparator()
        for a in (
            self.act_add_item,
            self.act_add_item_sibling,
            self.act_add_heading,
            self.act_add_subheading,
            self.act_duplicate,
            self.act_rename,
            self.act_delete,
        ):
            m.addAction(a)
        m.addSeparator()
        for a in (self.act_up, self.act_down, self.act_indent, self.act_outdent):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_node_history)
        m.addAction(self.act_report_history)
        m.addSeparator()
        m.addAction(self.act_find)
        m = bar.addMenu("มุมมอง")
        m.addAction(self.act_expand)
        m.addAction(self.act_collapse)
        m.addSeparator()
        m.addAction(self.act_arabic)
        m = bar.addMenu("ช่วยเหลือ")
        self.act_about = m.addAction("เกี่ยวกับโปรแกรม")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about.triggered.connect(self.show_about)
        self.tree.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for a in (
            self.act_add_item,
            self.act_add_heading,
            self.act_add_subheading,
            self.act_duplicate,
            self.act_rename,
            self.act_delete,
            self.act_up,
            self.act_down,
            self.act_indent,
            self.act_outdent,
            self.act_node_history,
        ):
            if a not in self.tree.view.actions():
                self.tree.view.addAction(a)

    def _build_toolbar(self) -> None:
        tb = QToolBar("เครื่องมือ")
        tb.setObjectName("main_toolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(16, 16))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.report_label = QLabel(" รายงาน: ")
        self.report_selector = QComboBox()
        self.report_selector.setMinimumContentsLength(16)
        self.report_selector.setToolTip("เลือกรายงาน (ปีงบประมาณและรอบ) ในไฟล์นี้")
        self.report_selector.activated.connect(self._report_chosen)
        self.report_label_action = tb.addWidget(self.report_label)
        self.report_selector_action = tb.addWidget(self.report_selector)
        tb.addSeparator()
        for a in (self.act_add_item, self.act_add_heading, self.act_add_subheading, self.act_delete):
            tb.addAction(a)
        tb.addSeparator()
        for a in (self.act_up, self.act_down, self.act_indent, self.act_outdent):
            tb.addAction(a)
        tb.addSeparator()
        tb.addAction(self.act_undo)
        tb.addAction(self.act_redo)
        tb.addSeparator()
        tb.addAction(self.act_export_pdf)
        tb.addAction(self.act_preview)
        tb.addAction(self.act_print)
        self.addToolBar(tb)
        self.act_preview.setIconText("ตัวอย่างก่อนพิมพ์")
        self.act_print.setIconText("พิมพ์")
        self.act_up.setIconText("ขึ้น")
        self.act_down.setIconText("ลง")
        self.act_indent.setIconText("เข้า")
        self.act_outdent.setIconText("ออก")
        self.act_add_item.setIconText("+ โครงการ")
        self.act_add_heading.setIconText("+ หัวข้อ")
        self.act_add_subheading.setIconText("+ หัวข้อย่อย")
        self.act_delete.setIconText("ลบ")

    def _build_start_buttons(self) -> None:
        """Buttons of the empty page and of the sample's bar (the Word/Excel import when the window has one)."""
        page = self.empty_page
        page.add_button("open", self.act_open, {NO_FILE}, "เปิดไฟล์รายงาน…")
        page.add_button("new", self.act_new, {NO_FILE}, "สร้างไฟล์รายงานใหม่…")
        office = self.office_import_action()
        if office is not None:
            page.add_button("office", office, {NO_FILE}, office.text())
        page.add_button("json", self.act_import_new, {NO_FILE}, "นำเข้าจาก JSON…")
        page.add_button("report", self.act_new_report, {NO_REPORT}, "เพิ่มรายงาน…")
        page.add_button("heading", self.act_add_heading, {EMPTY_REPORT}, "เพิ่มมิติแรก")
        page.finish_buttons()
        self.sample_banner.add_button(self.act_start_own, "เริ่มรายงานของหน่วยงานท่าน…", primary=True)
        if office is not None:
            self.sample_banner.add_button(office, office.text())

    def office_import_action(self) -> QAction | None:
        """File > นำเข้าจาก Word/Excel… when this window has it."""
        for action in self.actions():
            if action.text().startswith("นำเข้าจาก Word"):
                return action
        return None

    def start_own_report(self) -> None:
        """From the sample: a new data file of one's own, from the standard framework, for this fiscal year."""
        self.files.new_file(own=True)

    def import_new_file(self) -> None:
        """With no file open: a new data file from a JSON document (as File > เปิดไฟล์… does with a .json)."""
        self.files.open_dialog()

    def _show_empty_state(self) -> None:
        doc = self.document
        if doc is None:
            state = NO_FILE
        elif doc.read_only:
            state = READ_ONLY
        elif doc.report is None:
            state = NO_REPORT
        elif not doc.report.tree:
            state = EMPTY_REPORT
        else:
            state = NOTHING_SELECTED
        self.empty_page.show_state(state)

    def is_sample(self) -> bool:
        from .data_files import is_sample_file

        return self.document is not None and is_sample_file(self.document.path)

    # -- the document --------------------------------------------------------------------------
    def set_document(self, document) -> None:
        """Show `document` (a ReportDocument, or None); the previous one is closed by the caller."""
        self.flush_edits()
        old = self.document
        if old is not None:
            old.report_changed.disconnect(self._report_changed)
            old.report_switched.disconnect(self._report_switched)
            old.write_failed.disconnect(self._write_failed)
            old.undo_stack.canUndoChanged.disconnect(self._update_actions)
            old.undo_stack.canRedoChanged.disconnect(self._update_actions)
            old.undo_stack.undoTextChanged.disconnect(self._update_actions)
            old.undo_stack.redoTextChanged.disconnect(self._update_actions)
        self.document = document
        if document is not None:
            document.set_digits(self.digits)
            document.report_changed.connect(self._report_changed)
            document.report_switched.connect(self._report_switched)
            document.write_failed.connect(self._write_failed)
            document.undo_stack.canUndoChanged.connect(self._update_actions)
            document.undo_stack.canRedoChanged.connect(self._update_actions)
            document.undo_stack.undoTextChanged.connect(self._update_actions)
            document.undo_stack.redoTextChanged.connect(self._update_actions)
        for panel in (self.report_form, self.summary_panel, self.checks_panel):
            panel.set_document(document)
        self.tree.set_document(document)
        self._report_switched()

    @property
    def digits(self) -> str:
        """The digit style; `self.display` owns it."""
        return self.display.digits

    def set_digits(self, digits: str) -> None:
        """Digits of numbers in the window and in exported PDFs (remembered); every panel follows."""
        self.flush_edits()
        self.display.set_digits(digits)

    def _digits_switched(self, digits: str) -> None:
        self.settings.set("digits", digits)
        self.act_arabic.setChecked(digits == "arabic")
        if self.document is not None:
            self.document.set_digits(digits)
        self._fill_report_selector()
        self._show_totals()

    def _report_switched(self) -> None:
        self._fill_report_selector()
        self._report_changed()
        self._update_actions()
        self._show_empty_state()
        doc = self.document
        if doc is None:
            self.setWindowTitle(WINDOW_TITLE)  # the window system adds no second copy of the program's name
            self.sample_banner.hide()
            return
        sample = self.is_sample()
        self.setWindowTitle(doc.path.name + (" (อ่านอย่างเดียว)" if doc.read_only else ""))
        self.statusBar().setToolTip(str(doc.path))
        if sample and doc.report is not None:
            self.sample_banner.show_for(
                doc.organization.name,
                render_digits(str(doc.report.fiscal_year), self.digits),
                render_digits(str(doc.report.round), self.digits),
            )
        else:
            self.sample_banner.hide()

    def _report_changed(self) -> None:
        self._totals_timer.start(150)
        if self.node_stack.currentIndex() == 0:
            self._show_empty_state()  # e.g. the first dimension was just added
        doc = self.document
        if (
            doc is not None
            and doc.report is not None
            and self._shown_year_round != (doc.report.fiscal_year, doc.report.round)
        ):
            self._fill_report_selector()  # the report settings page changed the year or round

    def _fill_report_selector(self) -> None:
        self.report_selector.clear()
        doc = self.document
        self._shown_year_round = (doc.report.fiscal_year, doc.report.round) if doc and doc.report else None
        infos = doc.reports() if doc is not None else []
        for info in infos:
            self.report_selector.addItem(
                render_digits(f"ปี {info.fiscal_year} รอบ {info.round} เดือน", self.digits), info.id
            )
        if doc is not None and doc.report is not None:
            self.report_selector.setCurrentIndex(self.report_selector.findData(doc.report.id))
        several = len(infos) > 1
        self.report_label_action.setVisible(several)
        self.report_selector_action.setVisible(several)

    def _report_chosen(self, index: int) -> None:
        report_id = self.report_selector.itemData(index)
        if self.document is None or report_id is None or self.document.report.id == report_id:
            return
        self.flush_edits()
        if not self.document.switch_report(report_id):
            self.report_selector.blockSignals(True)  # back to the report still shown
            self.report_selector.setCurrentIndex(self.report_selector.findData(self.document.report.id))
            self.report_selector.blockSignals(False)
            return
        self.files.remember_report()
        self.tree.select_first_item()

    def _show_totals(self) -> None:
        doc = self.document
        if doc is None or doc.report is None:
            self.totals_label.setText("")
            return
        t = report_totals(doc.report).total
        d = self.digits
        info = f"ปี {doc.report.fiscal_year} รอบ {doc.report.round} เดือน · {t.items} รายการ · "
        self.totals_label.setText(
            render_digits(info, d) + f"งบบูรณาการ {format_amount(t.integrated, d)} · "
            f"งบหน่วยงาน {format_amount(t.agency, d)} · เบิกจ่าย {format_amount(t.disbursed, d)} บาท "
        )

    def _write_failed(self, message: str) -> None:
        self.inform("บันทึกไม่ได้", message, warning=True)

    # -- the selected node's form --------------------------------------------------------------
    def _show_node(self, node_id) -> None:
        # typed text never follows the selection to another node: each form commits it or drops it (and says so)
        self.item_form.leave()
        self.heading_form.leave()
        node = self.document.node_by_id(node_id) if (self.document and node_id is not None) else None
        if isinstance(node, Item):
            self.item_form.show_item(self.document, node_id)
            self.node_stack.setCurrentIndex(1)
        elif isinstance(node, Heading):
            self.heading_form.show_heading(self.document, node_id)
            self.node_stack.setCurrentIndex(2)
        else:
            self._show_empty_state()
            self.node_stack.setCurrentIndex(0)
        self._update_actions()

    def _dropped(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def flush_edits(self) -> None:
        """Commit what is being typed anywhere (before undo, switching, exporting, closing)."""
        self.item_form.flush()
        self.heading_form.flush()
        if self.report_form.document is not None:
            self.report_form.flush()

    def _update_actions(self, *_) -> None:
        doc = self.document
        editable = doc is not None and doc.report is not None and not doc.read_only
        node = self.tree.current_node() if doc is not None else None
        for a in (self.act_add_item, self.act_add_heading):
            a.setEnabled(editable)
        for a in (
            self.act_duplicate,
            self.act_delete,
            self.act_rename,
            self.act_up,
            self.act_down,
            self.act_indent,
            self.act_outdent,
        ):
            a.setEnabled(editable and node is not None)
        self.act_add_subheading.setEnabled(editable and isinstance(node, Heading))
        self.act_add_item_sibling.setEnabled(
            editable and isinstance(node, Heading) and doc.parent_id(node.id) is not None
        )
        self.act_new_report.setEnabled(doc is not None and not doc.read_only)
        self.act_restore.setEnabled(doc is not None and not doc.read_only)
        self.act_report_history.setEnabled(doc is not None and doc.report is not None)
        self.act_node_history.setEnabled(node is not None)
        for a in (
            self.act_save_copy,
            self.act_export_json,
            self.act_export_pdf,
            self.act_export_docx,
            self.act_export_xlsx,
            self.act_preview,
            self.act_print,
            self.act_papers,
            self.act_new_round,
        ):
            a.setEnabled(doc is not None and doc.report is not None)
        self.act_import.setEnabled(doc is not None and not doc.read_only)
        stack = doc.undo_stack if doc is not None else None
        self.act_undo.setEnabled(bool(stack and stack.canUndo()))
        self.act_redo.setEnabled(bool(stack and stack.canRedo()))
        self.act_undo.setText(f"เลิกทำ {stack.undoText()}".strip() if stack else "เลิกทำ")
        self.act_redo.setText(f"ทำซ้ำ {stack.redoText()}".strip() if stack else "ทำซ้ำ")
        self.act_undo.setIconText("เลิกทำ")
        self.act_redo.setIconText("ทำซ้ำ")

    # -- undo ----------------------------------------------------------------------------------
    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, undo: bool) -> None:
        """Undo or redo one command, then show the node it changed (the user sees what was undone)."""
        if self.document is None:
            return
        self.flush_edits()  # what was just typed is the first thing to undo
        stack = self.document.undo_stack
        index = stack.index() - 1 if undo else stack.index()
        if not 0 <= index < stack.count():
            return
        ref = getattr(stack.command(index), "ref", None)
        current = self.tree.current_id()
        stack.undo() if undo else stack.redo()
        target = ref.id if self.document.node_of(ref) is not None else current
        if target is not None and self.document.node_by_id(target) is not None:
            if self.tree.current_id() != target:
                self.tree.select_node(target)
        elif self.tree.current_id() is None:
            self.tree.select_first_item()

    # -- tree edits ----------------------------------------------------------------------------
    def _after_insert(self, node_id) -> None:
        if node_id is None:
            return
        self.tree.select_node(node_id)
        self.tabs.setCurrentIndex(TAB_NODE)
        self.rename()

    def add_item(self, beside_heading: bool = False) -> int | None:
        doc = self.document
        if doc is None or doc.report is None:
            return None
        self.flush_edits()
        new_id = doc.add_item(self.tree.current_id(), beside_heading)
        self._after_insert(new_id)
        return new_id

    def add_heading(self, child: bool = False) -> int | None:
        doc = self.document
        if doc is None or doc.report is None:
            return None
        self.flush_edits()
        new_id = doc.add_heading(self.tree.current_id(), child)
        self._after_insert(new_id)
        return new_id

    def duplicate(self) -> None:
        node = self.tree.current_node()
        if node is None:
            return
        self.flush_edits()
        new_id = self.document.duplicate_node(node.id)
        if new_id is not None:
            self.tree.select_node(new_id)

    def delete(self) -> bool:
        node = self.tree.current_node()
        if node is None:
            return False
        self.flush_edits()
        doc = self.document
        label = f"{doc.number_of(node.id)} {node.title}".strip()
        if isinstance(node, Heading):
            n = descendant_items(node)
            extra = render_digits(f"\nพร้อมทุกอย่างที่อยู่ใต้หัวข้อนี้ ({n} โครงการ/กิจกรรม)", self.digits) if n else ""
        else:
            extra = ""
        if not self.confirm("ลบ", f"ลบ “{label}”{extra} ใช่หรือไม่?\n(เลิกทำได้ด้วย Ctrl+Z)"):
            return False
        parent_id, row = doc.parent_id(node.id), doc.row_of(node.id)
        if not doc.delete_node(node.id):
            return False
        siblings = doc.children_of(parent_id)
        if siblings:
            self.tree.select_node(siblings[min(row, len(siblings) - 1)].id)
        elif parent_id is not None:
            self.tree.select_node(parent_id)
        return True

    def rename(self) -> None:
        node = self.tree.current_node()
        if node is None:
            return
        self.tabs.setCurrentIndex(TAB_NODE)
        (self.item_form if isinstance(node, Item) else self.heading_form).focus_title()

    def move_by(self, delta: int) -> None:
        node = self.tree.current_node()
        if node is None:
            return
        self.flush_edits()
        if self.document.move_by(node.id, delta):
            self.tree.select_node(node.id)

    def indent(self) -> None:
        """Make the node the last child of the heading above it."""
        node = self.tree.current_node()
        if node is None:
            return
        self.flush_edits()
        if self.document.indent(node.id):
            self.tree.select_node(node.id)

    def outdent(self) -> None:
        """Move the node out of its heading, just after it."""
        node = self.tree.current_node()
        if node is None:
            return
        self.flush_edits()
        if self.document.outdent(node.id):
            self.tree.select_node(node.id)

    # -- closing -------------------------------------------------------------------------------
    def show_about(self) -> None:
        """Help > เกี่ยวกับโปรแกรม (window-modal, so the window behind stays painted)."""
        from .about_dialog import AboutDialog

        path = str(self.document.path) if self.document is not None else None
        self.about_dialog = AboutDialog(self, path)
        self.about_dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_edits()
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("splitter", self.splitter.saveState())
        self.settings.sync()
        if self.files.pdf_running():
            self.files.cancel_pdf()
        self.office.wait()
        self.files.remove_temporary_files()
        if self.document is not None:
            self.document.close()  # backup, release the file's lock
        super().closeEvent(event)
