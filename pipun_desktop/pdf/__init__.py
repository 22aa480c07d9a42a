"""The printed report as PDF, on ReportLab, with a Thai typesetting engine whose text copies back exactly.

* ``export.py``: ``export_report_pdf`` (the API the window and the command line call), ``ExportInfo``.
* ``thaifont.py``: ``ThaiTTFont``, a ReportLab TTFont with a glyph alias registry and its ToUnicode map.
* ``typeset.py``: HarfBuzz shaping, line breaking at Thai word boundaries, drawing glyph runs with
  /ActualText spans. ``flowables.py``: ``TextFlow`` (paragraphs) and ``GridTable`` (ruled tables).
  These two are usable on their own, in any ReportLab document.
* ``report_pdf.py``, ``layout_text.py``, ``layout_form.py``, ``styles.py``: the report's pages.
* ``textcheck.py``: how much of a report's text pdftotext gives back (tests, benchmarks).

Nothing here imports Qt, and user text never reaches ReportLab's Paragraph markup parser.
"""
