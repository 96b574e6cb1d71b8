"""Texts of Qt's own file dialog that Qt's Chinese catalogue (qtbase_zh_CN) lacks, so the Linux file dialog showed
"Look in:", "Files of type:" and "Folder" in English beside Chinese (issue 22, item 5). Listed here for extraction
into the core catalogue; our translators are installed before Qt's, and Qt asks the next one when its own has no
entry, so these fill exactly the gaps."""
from __future__ import annotations

from talentdesk.i18n import QT_TRANSLATE_NOOP

QT_GAPS = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive")),
)
