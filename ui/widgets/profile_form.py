"""Hồ sơ đơn vị as a form, used by the setup wizard and by «Cài đặt đơn vị»."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from cchc_desktop.kernel.divisions import Division
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.units import PROVINCES, RECEIVER_LEVELS, UNIT_TYPES, default_receiver
from cchc_desktop.profile.model import UnitProfile, former_units_text, parse_former_units
from ui.widgets.unit_picker import UnitPicker

#: Fields on each page of the setup wizard (the settings screen shows them all).
GROUPS = {
    "unit": ("province_code", "unit_type", "name", "commune_code", "place_name", "former_units"),
    "receiver": ("receiver_name", "receiver_level", "receiver_salutation"),
    "people": ("chairman_name", "deputies", "focal_name", "focal_title"),
}
#: A receiving unit's settings: its own name, province and level, and its people; no commune fields.
RECEIVER_FIELDS = (
    "province_code",
    "name",
    "receiver_level",
    "district_code",
    "superior_name",
    "place_name",
    *GROUPS["people"],
)
#: Shown only for a district (level "huyen"), which reports its consolidation up to the province.
DISTRICT_FIELDS = ("district_code", "superior_name")


def field_label(name: str, receiver: bool = False) -> str:
    """ "Chủ tịch UBND" at a commune, "Giám đốc (người ký)" at a receiving unit."""
    if receiver:
        own = tr(f"unit.field.receiver.{name}")
        if own != f"unit.field.receiver.{name}":
            return own
    return tr(f"unit.field.{name}")


def _combo(items: dict[str, str], with_code: bool = False) -> QComboBox:
    combo = QComboBox()
    for key, label in items.items():
        combo.addItem(f"{key} — {label}" if with_code else label, key)
    return combo


class _LinesField(QPlainTextEdit):
    """A few lines (the deputies, the former units), finished when the user leaves the field."""

    left = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.left.emit()


class ProfileForm(QWidget):
    edited = Signal()

    def __init__(self, groups: tuple[str, ...] = tuple(GROUPS), parent=None, *, receiver: bool = False) -> None:
        super().__init__(parent)
        self.receiver = receiver
        self.inputs: dict[str, QWidget] = {
            "unit_type": _combo(UNIT_TYPES),
            "name": QLineEdit(),
            "province_code": _combo(PROVINCES, with_code=True),
            "commune_code": QLineEdit(),
            "place_name": QLineEdit(),
            "receiver_name": QLineEdit(),
            "receiver_level": _combo(RECEIVER_LEVELS),
            "receiver_salutation": QLineEdit(),
            "chairman_name": QLineEdit(),
            "deputies": _LinesField(),
            "focal_name": QLineEdit(),
            "focal_title": QLineEdit(),
            "former_units": _LinesField(),
            "district_code": QLineEdit(),
            "superior_name": QLineEdit(),
        }
        self.inputs["deputies"].setMaximumHeight(70)
        self.inputs["former_units"].setMaximumHeight(70)
        self.inputs["former_units"].setTabChangesFocus(True)
        self.inputs["deputies"].setTabChangesFocus(True)
        self.inputs["former_units"].setPlaceholderText(tr("ui.setup.unit.former.placeholder"))
        self.inputs["province_code"].setCurrentIndex(-1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a4262c;")
        self.error.setWordWrap(True)
        self.picker = UnitPicker() if "unit" in groups and not receiver else None
        form = QFormLayout(self)
        self.form_layout = form
        shown = RECEIVER_FIELDS if receiver else [name for group in groups for name in GROUPS[group]]
        self.shown = shown
        for name in shown:
            form.addRow(field_label(name, receiver), self.inputs[name])
            if name == "province_code" and self.picker is not None:
                form.addRow(tr("ui.setup.unit.search"), self.picker)
        form.addRow(self.error)
        if not receiver:  # a receiving unit reports to no one here (a district: to its province)
            self.inputs["province_code"].currentIndexChanged.connect(self._suggest_receiver)
        self.inputs["receiver_level"].currentIndexChanged.connect(self._district_rows)
        self._district_rows()
        if self.picker is not None:
            self.inputs["province_code"].currentIndexChanged.connect(
                lambda: self.picker.set_province(self.inputs["province_code"].currentData() or "")
            )
            self.picker.picked.connect(self.pick_unit)
        self._connect_edits()

    def pick_unit(self, division: Division) -> None:
        """Fill the unit's fields from the official list; the place name only when it was not typed."""
        unit_type = self.inputs["unit_type"]
        unit_type.setCurrentIndex(max(unit_type.findData(division.kind), 0))
        self.inputs["name"].setText(division.name)
        self.inputs["commune_code"].setText(division.code)
        place = self.inputs["place_name"]
        if not place.text().strip() or place.property("suggested"):
            place.setText(division.name)
            place.setProperty("suggested", True)
        self.edited.emit()

    def _connect_edits(self) -> None:
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.editingFinished.connect(self.edited)
            elif isinstance(widget, QComboBox):
                widget.activated.connect(self.edited)
            elif isinstance(widget, _LinesField):
                widget.left.connect(self.edited)

    def _district_rows(self) -> None:
        district = self.receiver and self.inputs["receiver_level"].currentData() == "huyen"
        for name in DISTRICT_FIELDS:
            if name in self.shown:
                self.form_layout.setRowVisible(self.inputs[name], district)

    def _suggest_receiver(self) -> None:
        name, salutation = default_receiver(self.inputs["province_code"].currentData() or "")
        for field, value in (("receiver_name", name), ("receiver_salutation", salutation)):
            widget = self.inputs[field]
            if not widget.text().strip() or widget.property("suggested"):
                widget.setText(value)
                widget.setProperty("suggested", True)

    def set_profile(self, profile: UnitProfile) -> None:
        for name, widget in self.inputs.items():
            value = getattr(profile, name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value))
            elif name == "former_units":
                widget.setPlainText(former_units_text(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText("\n".join(value))
            else:
                widget.setText(value)
                widget.setProperty("suggested", False)

    def profile(self, base: UnitProfile | None = None) -> UnitProfile:
        data = dict((base or UnitProfile()).__dict__)
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                data[name] = widget.currentData() or ""
            elif name == "former_units":
                data[name] = parse_former_units(widget.toPlainText())
            elif isinstance(widget, QPlainTextEdit):
                data[name] = [line for line in widget.toPlainText().splitlines() if line.strip()]
            else:
                data[name] = widget.text()
        return UnitProfile(**data)

    def show_error(self, exc: ValidationError | None) -> None:
        for widget in self.inputs.values():
            widget.setStyleSheet("")
        self.error.setText(str(exc) if exc else "")
        if exc is not None and exc.field in self.inputs:
            self.inputs[exc.field].setStyleSheet("border: 1px solid #d13438;")
            self.inputs[exc.field].setFocus()
