"""What the panels share: following one ReportDocument's change signals."""

from __future__ import annotations


class FollowsDocument:
    """Mixin for a widget that re-reads the document when it changes.

    The widget sets `self.document = None` and `self._dirty` before calling `set_document`, and defines
    `schedule_refresh()` (when to re-read) and `refresh()` (re-read now)."""

    # every node or structure change is followed by report_changed, so these two cover all
    SIGNALS = ("report_changed", "report_switched")

    def _signals(self, document):
        return [getattr(document, name) for name in self.SIGNALS if hasattr(document, name)]

    def follow_display(self, display) -> None:
        """Show numbers in `display`'s digit style, now and whenever it switches (ui.display)."""
        self.digits = display.digits
        display.digits_changed.connect(self._digits_switched)

    def _digits_switched(self, digits: str) -> None:
        self.digits = digits
        self.schedule_refresh()

    def set_document(self, document) -> None:
        """Follow `document` (a ReportDocument, or None for an empty panel)."""
        if self.document is not None:
            for sig in self._signals(self.document):
                try:
                    sig.disconnect(self.schedule_refresh)
                except (RuntimeError, TypeError):
                    pass
        self.document = document
        if document is not None:
            for sig in self._signals(document):
                sig.connect(self.schedule_refresh)
        self._dirty = True
        self.refresh()
