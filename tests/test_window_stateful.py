"""The window used as a person uses it, by a hypothesis state machine: click nodes in the tree, type valid and
invalid titles and amounts (Thai and Arabic digits), leave a field with Tab, Enter or a click elsewhere, undo,
redo, add, move and delete with the keys, switch reports and digits.

After every step: the form shows the selected node's stored values (or, for an amount typed wrongly on this
node, the text being corrected), and the file reopened from disk equals a plain reference model of what the
user did, kept here without the program's help (its own undo stack with the document's merge rule).

CI runs a few examples; a long run:
    PIPUN_STATEFUL_EXAMPLES=500 PIPUN_STATEFUL_STEPS=60 QT_QPA_PLATFORM=offscreen \
        .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_window_stateful.py
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from hypothesis import HealthCheck, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule  # noqa: E402
from PySide6.QtCore import QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pipun_desktop.core.model import Budget, Heading, Item, Organization, Report, walk  # noqa: E402
from pipun_desktop.storage.store import ReportStore  # noqa: E402
from pipun_desktop.thai.amounts import format_amount  # noqa: E402
from pipun_desktop.thai.digits import to_thai_digits  # noqa: E402
from pipun_desktop.ui.main_window import MainWindow  # noqa: E402
from pipun_desktop.ui.settings import Settings  # noqa: E402

EXAMPLES = int(os.environ.get("PIPUN_STATEFUL_EXAMPLES", "10"))
STEPS = int(os.environ.get("PIPUN_STATEFUL_STEPS", "25"))
FIELDS = ("integrated", "agency", "disbursed")
INVALID_AMOUNTS = ("5,0x", "abc", "1.234", "๑๒,๓๔", "-500", "12abc", "๕.๕.๕")
TITLE_TEXT = st.text(alphabet="กขคงจฉ เอบ๑๒1a", min_size=1, max_size=8).filter(lambda t: t.strip() == t)
ENDINGS = ("tab", "enter", "click_same", "click_other")


def initial_reports() -> list[Report]:
    def tree(tag: str) -> list[Heading]:
        return [
            Heading(
                f"มิติ {tag}1",
                [
                    Heading(
                        f"หัวข้อ {tag}1.1",
                        [
                            Item(title=f"{tag}ก", budget=Budget(100_00, None, 50_00)),
                            Item(title=f"{tag}ข", indicator="ตัวชี้วัด", budget=Budget(None, 2_000_000_00, None)),
                        ],
                    ),
                    Item(title=f"{tag}ค", status="done", result="ผล"),
                ],
            ),
            Heading(f"มิติ {tag}2", [Item(title=f"{tag}ง", budget=Budget(1, 2, 3))]),
        ]

    return [Report(2564, 6, tree=tree("ก")), Report(2564, 12, tree=tree("ข"))]


# -- the reference model: plain dicts, no program code -------------------------------------------------
_rids = itertools.count(1)


def plain_fields(node) -> dict:
    data = dataclasses.asdict(node)
    data.pop("id", None)
    data.pop("children", None)
    data["kind"] = "heading" if isinstance(node, Heading) else "item"
    return data


def ref_node(node) -> dict:
    return {
        "rid": next(_rids),
        "data": plain_fields(node),
        "children": [ref_node(c) for c in node.children] if isinstance(node, Heading) else [],
    }


def ref_walk(nodes):
    for n in nodes:
        yield n
        yield from ref_walk(n["children"])


def ref_plain(nodes) -> list:
    return [(n["data"], ref_plain(n["children"])) for n in nodes]


def model_plain(nodes) -> list:
    return [(plain_fields(n), model_plain(n.children) if isinstance(n, Heading) else []) for n in nodes]


def ref_parent_list(nodes, target):
    """(the list holding `target`, its position)."""
    for i, n in enumerate(nodes):
        if n is target:
            return nodes, i
        found = ref_parent_list(n["children"], target)
        if found is not None:
            return found
    return None


def type_text(widget, text: str) -> None:
    """Keys with their text (QTest.keyClicks knows ASCII only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def amount_text(value: int | None, digits: str, commas: bool) -> str:
    if value is None:
        return "-"
    baht, satang = divmod(value, 100)
    text = f"{baht:,}" if commas else str(baht)
    if satang:
        text += f".{satang:02d}"
    return to_thai_digits(text) if digits == "thai" else text


VALID_AMOUNT = st.one_of(
    st.none(), st.integers(0, 99_999_999), st.integers(0, 99_999_999).map(lambda b: b * 100)
)


class WindowMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="pipun-stateful-"))
        self.path = self.folder / "f.pipun"
        reports = initial_reports()
        with ReportStore.create(self.path, Organization("อบต. ทดสอบ")) as store:
            for r in reports:
                store.add_report(r)
            self.report_ids = [i.id for i in store.reports()]
        self.ref = {
            rid: [ref_node(n) for n in r.tree] for rid, r in zip(self.report_ids, reports, strict=True)
        }
        settings_ = Settings(QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat))
        w = MainWindow(settings_)
        w.confirm = lambda title, text: True
        w.inform = lambda title, text, warning=False: None
        w.choose = lambda title, text, choices: len(choices) - 1
        self.window = w
        assert w.files.open_path(self.path)
        w.resize(1200, 800)
        w.show()
        w.activateWindow()
        QTest.qWaitForWindowExposed(w)
        self.undo: list[tuple[object, dict]] = []  # (merge key or None, the reference before)
        self.redo: list[tuple[object, dict]] = []
        self.pending: dict[str, str] = {}  # amounts typed wrongly on the selected item: field -> text
        # an exception in a slot (Qt's event loop) fails the step it happened in, so hypothesis can shrink it
        self.errors: list[BaseException] = []
        self._hook = sys.excepthook
        sys.excepthook = lambda kind, value, tb: self.errors.append(value)

    def teardown(self):
        sys.excepthook = self._hook
        w = self.window
        w.close()
        if w.document is not None:
            w.document.close()
        w.deleteLater()
        QApplication.processEvents()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers -----------------------------------------------------------------------------------
    @property
    def doc(self):
        return self.window.document

    @property
    def report_id(self) -> int:
        return self.doc.report.id

    @property
    def tree_ref(self) -> list:
        return self.ref[self.report_id]

    def nodes(self) -> list:
        return list(walk(self.doc.report.tree))

    def selected(self):
        """(the window's current node, its reference node) or (None, None)."""
        node = self.window.tree.current_node()
        if node is None:
            return None, None
        index = next(i for i, n in enumerate(self.nodes()) if n is node)
        return node, list(ref_walk(self.tree_ref))[index]

    def click(self, node_id: int) -> None:
        tree = self.window.tree
        index = tree.proxy.mapFromSource(tree.model.index_for_id(node_id))
        tree.view.scrollTo(index)
        QTest.mouseClick(
            tree.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            tree.view.visualRect(index).center(),
        )

    def key(self, key, modifiers=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
        target = widget or QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifiers)

    def snapshot(self) -> dict:
        return copy.deepcopy(self.ref)

    def edited(self, key, before: dict) -> None:
        """Record an edit the way the document's undo stack does: consecutive edits with the same merge key
        merge into one entry, which disappears when typed back to where it started."""
        self.redo.clear()
        if key is not None and self.undo and self.undo[-1][0] == key:
            if self.undo[-1][1] == self.ref:
                self.undo.pop()
            return
        self.undo.append((key, before))

    def step_watching_selection(self, action, update=lambda: None) -> None:
        """Run `action` in the window and `update` on the reference; moving to another node drops what was
        typed wrongly (the form says so)."""
        _, before = self.selected()
        action()
        update()
        _, after = self.selected()
        if before is None or after is None or before["rid"] != after["rid"]:
            self.pending.clear()

    def finish(self, widget, ending: str, other: int) -> None:
        if ending == "tab":
            self.key(Qt.Key.Key_Tab, widget=widget)
        elif ending == "enter":
            self.key(Qt.Key.Key_Return, widget=widget)
            self.key(Qt.Key.Key_Tab, widget=widget)
        elif ending == "click_same":
            self.click(self.window.tree.current_id())
        else:
            nodes = self.nodes()
            self.click(nodes[other % len(nodes)].id)

    # -- rules ---------------------------------------------------------------------------------------
    @precondition(lambda self: self.nodes())
    @rule(i=st.integers(0, 50))
    def click_node(self, i):
        nodes = self.nodes()
        self.step_watching_selection(lambda: self.click(nodes[i % len(nodes)].id))

    @precondition(lambda self: self.window.tree.current_node() is not None)
    @rule(text=TITLE_TEXT, ending=st.sampled_from(ENDINGS), other=st.integers(0, 50))
    def type_title(self, text, ending, other):
        node, ref = self.selected()
        form = self.window.item_form if isinstance(node, Item) else self.window.heading_form
        field = form.title
        QTest.mouseClick(field.viewport() if hasattr(field, "viewport") else field, Qt.MouseButton.LeftButton)
        self.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, field)
        type_text(field, text)
        before = self.snapshot()

        def update():
            if ref["data"]["title"] != text:
                ref["data"]["title"] = text
                self.edited((ref["rid"], "title"), before)

        self.step_watching_selection(lambda: self.finish(field, ending, other), update)

    @precondition(lambda self: isinstance(self.window.tree.current_node(), Item))
    @rule(
        field=st.sampled_from(FIELDS),
        value=VALID_AMOUNT,
        digits=st.sampled_from(["thai", "arabic"]),
        commas=st.booleans(),
        invalid=st.one_of(st.none(), st.sampled_from(INVALID_AMOUNTS)),
        ending=st.sampled_from(ENDINGS),
        other=st.integers(0, 50),
    )
    def type_amount(self, field, value, digits, commas, invalid, ending, other):
        node, ref = self.selected()
        line = self.window.item_form.amounts[field].line
        QTest.mouseClick(line, Qt.MouseButton.LeftButton)
        self.key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, line)
        text = invalid if invalid is not None else amount_text(value, digits, commas)
        type_text(line, text)
        before = self.snapshot()

        def update():
            if invalid is not None:
                self.pending[field] = text
            else:
                self.pending.pop(field, None)
                if ref["data"]["budget"][field] != value:
                    ref["data"]["budget"][field] = value
                    self.edited((ref["rid"], "budget", field), before)

        self.step_watching_selection(lambda: self.finish(line, ending, other), update)

    @rule()
    def undo_key(self):
        def act():
            self.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

        def update():
            if self.undo:
                key, before = self.undo.pop()
                self.redo.append((key, self.snapshot()))
                self.ref = before

        self.step_watching_selection(act, update)

    @rule()
    def redo_key(self):
        def act():
            self.key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)

        def update():
            if self.redo:
                key, after = self.redo.pop()
                self.undo.append((key, self.snapshot()))
                self.ref = after

        self.step_watching_selection(act, update)

    @precondition(lambda self: self.doc.report.tree)
    @rule()
    def insert_item(self):
        node, ref = self.selected()
        before = self.snapshot()

        def update():
            new = ref_node(Item())
            if ref is None:
                self.tree_ref[-1]["children"].append(new)
            elif ref["data"]["kind"] == "heading":
                ref["children"].append(new)
            else:
                siblings, row = ref_parent_list(self.tree_ref, ref)
                siblings.insert(row + 1, new)
            self.edited(None, before)

        self.step_watching_selection(lambda: self.key(Qt.Key.Key_Insert), update)

    @precondition(lambda self: self.window.tree.current_node() is not None)
    @rule()
    def delete_key(self):
        node, ref = self.selected()
        before = self.snapshot()

        def update():
            siblings, row = ref_parent_list(self.tree_ref, ref)
            del siblings[row]
            self.edited(None, before)

        def act():
            self.click(node.id)  # the tree has the focus: Delete there deletes the node
            self.key(Qt.Key.Key_Delete, widget=self.window.tree.view)

        self.step_watching_selection(act, update)

    @precondition(lambda self: self.window.tree.current_node() is not None)
    @rule(up=st.booleans())
    def move_key(self, up):
        node, ref = self.selected()

        def update():
            siblings, row = ref_parent_list(self.tree_ref, ref)
            target = row - 1 if up else row + 1
            if 0 <= target < len(siblings):
                before = self.snapshot()
                siblings[row], siblings[target] = siblings[target], siblings[row]
                self.edited(None, before)

        def act():
            self.click(node.id)
            self.key(
                Qt.Key.Key_Up if up else Qt.Key.Key_Down,
                Qt.KeyboardModifier.ControlModifier,
                self.window.tree.view,
            )

        self.step_watching_selection(act, update)

    @rule()
    def switch_report(self):
        combo = self.window.report_selector
        current, shown = combo.currentIndex(), self.report_id
        QTest.mouseClick(combo, Qt.MouseButton.LeftButton)  # opens the list; a key picks the other report
        popup = QApplication.activePopupWidget()
        if popup is not None:
            self.key(Qt.Key.Key_Escape, widget=popup)
        self.key(Qt.Key.Key_Up if current > 0 else Qt.Key.Key_Down, widget=combo)
        assert combo.currentIndex() != current and self.report_id != shown
        self.undo.clear()
        self.redo.clear()
        self.pending.clear()

    @rule()
    def switch_digits(self):
        self.window.act_arabic.trigger()

    # -- what must hold after every step -------------------------------------------------------------------
    @invariant()
    def no_exception_in_any_slot(self):
        assert self.errors == []

    @invariant()
    def the_model_and_the_file_equal_the_reference(self):
        assert model_plain(self.doc.report.tree) == ref_plain(self.tree_ref)
        with ReportStore.open(self.path, read_only=True, backups=False) as store:
            for report_id, tree in self.ref.items():
                assert model_plain(store.load_report(report_id).tree) == ref_plain(tree)

    @invariant()
    def the_form_shows_the_selected_node(self):
        w = self.window
        node, ref = self.selected()
        digits = w.digits
        if node is None:
            return
        if isinstance(node, Item):
            form = w.item_form
            assert w.node_stack.currentIndex() == 1 and form.ref.id == node.id
            assert form.title.text() == ref["data"]["title"]
            for field in FIELDS:
                edit = form.amounts[field]
                if field in self.pending:
                    assert edit.line.text() == self.pending[field] and not edit.is_valid()
                else:
                    value = ref["data"]["budget"][field]
                    shown = "" if value is None else format_amount(value, digits)
                    assert edit.is_valid() and edit.line.text() == shown, (field, edit.line.text(), shown)
        else:
            assert w.node_stack.currentIndex() == 2 and w.heading_form.ref.id == node.id
            assert w.heading_form.title.toPlainText() == ref["data"]["title"]

    @invariant()
    def every_panel_follows_the_digits(self):
        w = self.window
        for panel in (w.summary_panel, w.checks_panel, self.doc):
            assert panel.digits == w.digits
        assert all(edit.digits == w.digits for edit in w.item_form.amounts.values())


WindowMachine.TestCase.settings = settings(
    max_examples=EXAMPLES,
    derandomize="PIPUN_STATEFUL_EXAMPLES" not in os.environ,  # CI: the same examples every run
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def test_the_window_as_people_use_it(qapp):
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(WindowMachine, settings=WindowMachine.TestCase.settings)
