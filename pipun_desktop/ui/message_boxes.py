"""The program's three kinds of question and message box, with Thai buttons whatever Qt's translation says."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def confirm_box(parent, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton("ใช่", QMessageBox.ButtonRole.YesRole)
    box.addButton("ไม่ใช่", QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes


def choice_box(parent, title: str, text: str, choices) -> int:
    """A question with one button per choice; the index of the one clicked (the last one: Esc, close)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = [
        box.addButton(
            c,
            QMessageBox.ButtonRole.RejectRole if i == len(choices) - 1 else QMessageBox.ButtonRole.ActionRole,
        )
        for i, c in enumerate(choices)
    ]
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(buttons[-1])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else len(choices) - 1


def inform_box(parent, title: str, text: str, warning: bool = False) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information, title, text, parent=parent
    )
    box.addButton("ตกลง", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
