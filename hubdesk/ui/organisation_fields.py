"""The rows of the organisation page: a caption, the language, the field with its message under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hubdesk.documents.data import LANGUAGES
from hubdesk.ui.intake_editors import make_error_label

#: how hints and language names look: quieter than the captions
HINT_STYLE = "color: palette(placeholder-text);"


class FieldGrid(QGridLayout):
    """Rows of "label, language, field with its message under it"; Arabic fields read right to left."""

    def __init__(self, languages: dict[str, str]) -> None:
        super().__init__()
        self.setColumnStretch(2, 1)
        self.setVerticalSpacing(6)
        self._languages = languages
        #: error key -> the label under the field that shows its message
        self.errors: dict[str, QLabel] = {}
        #: error key -> the field
        self.fields: dict[str, QLineEdit] = {}
        self._columns: tuple[list[QLabel], list[QLabel]] = ([], [])  # the captions, the language tags

    @staticmethod
    def line_up(*grids: FieldGrid) -> None:
        """Give ``grids`` the same caption and language columns, so their fields start at one line."""
        for column in (0, 1):
            width = max((label.sizeHint().width() for grid in grids for label in grid._columns[column]), default=0)
            for grid in grids:
                grid.setColumnMinimumWidth(column, width)
                if not grid._columns[column]:
                    grid.addWidget(QWidget(), 0, column)  # an empty column gets no spacing: fill it

    def add(self, key: str, label: str, lang: str = "", width: int = 0) -> QLineEdit:
        row = self.rowCount()
        field = QLineEdit()
        if width:
            field.setMaximumWidth(width)
        # the direction of what is typed, whatever the direction of the interface around it
        rtl = lang == "ar"
        field.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        error = make_error_label(box)
        column.addWidget(error)
        if label:
            caption = self._label(label, field)
            caption.setBuddy(field)
            self.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            self._columns[0].append(caption)
        if lang:
            tag = self._label(self._languages[lang], field)
            tag.setStyleSheet(HINT_STYLE)
            self.addWidget(tag, row, 1, Qt.AlignmentFlag.AlignTop)
            self._columns[1].append(tag)
        self.addWidget(box, row, 2)
        self.errors[key] = error
        self.fields[key] = field
        return field

    @staticmethod
    def _label(text: str, field: QLineEdit) -> QLabel:
        """A label as high as its field, its text on the line of the field's text."""
        label = QLabel(text)
        label.setMinimumHeight(field.sizeHint().height())
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return label

    def add_per_language(self, attribute: str, label: str, optional_hint: str) -> None:
        for number, lang in enumerate(LANGUAGES):
            field = self.add(f"{attribute}.{lang}", label if number == 0 else "", lang)
            if lang != "fr":
                field.setPlaceholderText(optional_hint)

    def add_hint(self, text: str) -> None:
        hint = QLabel(text)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.addWidget(hint, self.rowCount(), 2)
