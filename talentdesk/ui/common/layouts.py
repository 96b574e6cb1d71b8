"""Builders for what pages and dialogs otherwise write line by line: a column or a row of widgets and layouts, a panel
(a widget holding a column), a form of labelled fields, a splitter of panes, a push button wired to its action, a
dialog's OK/Cancel button box, a group of radio buttons.

An item of a column or row is a widget, a layout, (widget or layout, stretch), STRETCH (an empty stretch), or a number
of pixels of spacing."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout, QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLayout, QPushButton, QRadioButton,
    QSplitter, QVBoxLayout, QWidget,
)

STRETCH = object()  # an empty stretch between items: what follows goes to the far end


def fill(layout: QBoxLayout, *items) -> QBoxLayout:
    """Add items to layout in order (see the module's note for what an item can be); returns layout."""
    for item in items:
        if item is STRETCH:
            layout.addStretch(1)
        elif isinstance(item, int):
            layout.addSpacing(item)
        else:
            thing, stretch = item if isinstance(item, tuple) else (item, 0)
            if isinstance(thing, QLayout):
                layout.addLayout(thing, stretch)
            else:
                layout.addWidget(thing, stretch)
    return layout


def _margins(layout: QBoxLayout, margins: int | Sequence[int] | None) -> QBoxLayout:
    if margins is not None:
        m = (margins,) * 4 if isinstance(margins, int) else tuple(margins)
        layout.setContentsMargins(*m)
    return layout


def column(*items, parent: QWidget | None = None, margins: int | Sequence[int] | None = None) -> QVBoxLayout:
    """A vertical layout of items (parent's own layout when parent is given)."""
    return fill(_margins(QVBoxLayout(parent) if parent is not None else QVBoxLayout(), margins), *items)


def row(*items, margins: int | Sequence[int] | None = None) -> QHBoxLayout:
    """A horizontal layout of items (a bar of fields and buttons)."""
    return fill(_margins(QHBoxLayout(), margins), *items)


def panel(parent: QWidget | None, *items, margins: int | Sequence[int] = 0) -> QWidget:
    """A widget holding a column of items, without margins unless asked: a pane of a splitter or a tab page."""
    box = QWidget(parent)
    column(*items, parent=box, margins=margins)
    return box


def form(*rows: tuple[str, QWidget | QLayout]) -> QFormLayout:
    """A form of (label, field) rows, in order; a field is a widget or a layout."""
    layout = QFormLayout()
    for text, field in rows:
        layout.addRow(text, field)
    return layout


def splitter(orientation: Qt.Orientation, parent: QWidget | None, *panes: QWidget,
             stretch: Sequence[int] = (), sizes: Sequence[int] = ()) -> QSplitter:
    """A splitter of panes, each pane's share of the room given by stretch factors and/or starting sizes."""
    split = QSplitter(orientation, parent)
    for pane in panes:
        split.addWidget(pane)
    for i, factor in enumerate(stretch):
        split.setStretchFactor(i, factor)
    if sizes:
        split.setSizes(list(sizes))
    return split


def button(text: str, parent: QWidget | None, clicked: Callable[[], object]) -> QPushButton:
    """A push button that runs clicked when pressed."""
    b = QPushButton(text, parent)
    b.clicked.connect(lambda _checked=False: clicked())
    return b


def dialog_buttons(dialog: QDialog, accepted: Callable[[], object], *, ok_text: str | None = None,
                   cancel_text: str | None = None,
                   ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok) -> QDialogButtonBox:
    """The OK (or `ok`, e.g. Save) / Cancel buttons of dialog: OK runs accepted, Cancel rejects the dialog; the
    texts replace the standard ones when given."""
    box = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text is not None:
        box.button(ok).setText(ok_text)
    if cancel_text is not None:
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    box.accepted.connect(accepted)
    box.rejected.connect(dialog.reject)
    return box


def radio_group(parent: QWidget, *texts: str, chosen: int = 0) -> tuple[QButtonGroup, list[QRadioButton]]:
    """Radio buttons of which one is chosen at a time, the one at index `chosen` to begin with."""
    group = QButtonGroup(parent)
    buttons = [QRadioButton(text, parent) for text in texts]
    for b in buttons:
        group.addButton(b)
    buttons[chosen].setChecked(True)
    return group, buttons
