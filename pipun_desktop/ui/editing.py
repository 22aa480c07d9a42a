"""Committing what is typed: on leaving the field, on Enter, or after a short pause, never per keystroke.

A `Committer` watches one text editor (QLineEdit or QPlainTextEdit). Each keystroke restarts an idle timer;
the text is handed to `commit(text)` when the timer fires, when the field loses focus or on editingFinished.
Undo and redo keys are taken from the editor (its private undo would fight the document's undo stack):
pending text is committed first, then the application's Undo/Redo action runs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

IDLE_COMMIT_MS = 400


def editor_text(editor) -> str:
    return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()


def set_editor_text(editor, text: str) -> None:
    """Show `text` without firing our change handling, keeping the cursor when the text is the same."""
    if editor_text(editor) == text:
        return
    editor.blockSignals(True)
    try:
        if isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.setCursorPosition(0)
        else:
            editor.setPlainText(text)
    finally:
        editor.blockSignals(False)


class Committer(QObject):
    """Calls `commit(text)` for `editor` after a pause in typing, on focus-out and on Enter."""

    def __init__(
        self, editor, commit: Callable[[str], None], idle_ms: int | None = IDLE_COMMIT_MS, parent=None
    ):
        super().__init__(parent or editor)
        self.editor = editor
        self._commit = commit
        self.pending = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.flush)
        self.idle_ms = idle_ms
        editor.textChanged.connect(self._changed)
        if isinstance(editor, QLineEdit):
            editor.editingFinished.connect(self.flush)
        editor.installEventFilter(self)
        if isinstance(editor, QPlainTextEdit):
            editor.setUndoRedoEnabled(False)

    def also_watch(self, editor) -> None:
        """Another editor whose typing is part of the same edit (the fields of one part of the report page:
        the reporter's name, position, phone…): it marks the edit pending, and leaving it commits it."""
        editor.textChanged.connect(self._changed)
        if isinstance(editor, QLineEdit):
            editor.editingFinished.connect(self.flush)
        editor.installEventFilter(self)
        if isinstance(editor, QPlainTextEdit):
            editor.setUndoRedoEnabled(False)

    def watch_signals(self, changed, finished, focus_widget) -> None:
        """A field that is not a text editor (a date): `changed` marks the edit pending, `finished` commits it,
        and the Undo/Redo keys in `focus_widget` commit it first."""
        changed.connect(self._changed)
        finished.connect(lambda *_: (self._changed(), self.flush()))
        focus_widget.installEventFilter(self)

    def _changed(self, *_):
        self.pending = True
        if self.idle_ms is not None:
            self.timer.start(self.idle_ms)

    def flush(self) -> None:
        """Commit now if anything is waiting. A commit that returns False (the write failed) leaves the text
        pending: the field keeps it, a refresh won't overwrite it, and the next flush tries again."""
        self.timer.stop()
        if self.pending:
            self.pending = False
            if self._commit(editor_text(self.editor)) is False:
                self.pending = True

    def discard(self) -> None:
        self.timer.stop()
        self.pending = False

    def eventFilter(self, obj, event):
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self.flush()
        elif kind == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            self.flush()
            event.ignore()  # let the window's Undo/Redo shortcut have it
            return True
        elif kind == QEvent.Type.KeyPress and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            # the window had nothing to undo (its action is disabled, so the key came here): the editor's own
            # undo must not quietly bring back an older text either
            return True
        return False
