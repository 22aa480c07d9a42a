"""Qt's own texts in Thai: the program's Qt translation and the Thai default locale.

Qt ships no Thai translation of its own texts (no ``qtbase_th.qm``), so without this the right-click menu
of every text field ("&Copy", "Select All"), the standard buttons of message boxes ("&Yes", "Cancel"), Qt's
own file, print, page setup and print preview dialogs and key names in menus ("Ctrl+Up") would be English.
``resources/translations/qtbase_th.ts`` holds our Thai for those texts (Qt's contexts and source texts);
the compiled ``qtbase_th.qm`` beside it is what is loaded, found through ``resource_path`` so it works from
source and in the built program alike.

The default locale becomes Thai (Thailand) too: Qt's calendars and date fields name months and days in
Thai. Numbers are unaffected (Qt's Thai locale writes Arabic digits, "," and "."; our amounts and Thai
digits are our own code anyway).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..resources_path import resource_path

QT_TRANSLATION = resource_path("resources", "translations", "qtbase_th.qm")
THAI_LOCALE = QLocale(QLocale.Language.Thai, QLocale.Country.Thailand)

_translator: QTranslator | None = None  # kept alive (and installed once) for the application's lifetime


def install_qt_thai(app: QCoreApplication | None = None) -> bool:
    """Make Thai the default locale and install the Thai translation of Qt's own texts into `app` (the
    running application by default). Call once the application exists and before widgets are made (a widget
    takes the default locale when it is created). Calling it again does nothing more.

    Returns False when the translation could not be loaded (Qt's texts then stay English; nothing else
    changes).
    """
    global _translator
    app = app or QCoreApplication.instance()
    QLocale.setDefault(THAI_LOCALE)
    if app is None:
        return False
    if _translator is not None:
        return True
    translator = QTranslator(app)
    if not translator.load(str(QT_TRANSLATION)) or not app.installTranslator(translator):
        translator.deleteLater()
        return False
    _translator = translator
    return True
