"""The setup wizard's first choice, and the page of a receiving unit (Sở Nội vụ, or a district for data
before July 2025): a commune fills three pages about itself; a receiving unit names itself and its
province, and its roster is filled from the official list of the province's communes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWizardPage

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.units import PROVINCES, RECEIVER_LEVELS, default_receiver
from cchc_desktop.profile.model import UnitProfile, receiver_profile, validate_profile

FIRST_COMMUNE_PAGE = 1
RECEIVER_PAGE = 10


class KindPage(QWizardPage):
    """Xã/phường hay nơi nhận báo cáo: asked first, as the two files differ in everything after."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("ui.setup.kind.title"))
        intro = QLabel(tr("ui.setup.kind.intro"))
        intro.setWordWrap(True)
        self.commune = QRadioButton(tr("ui.setup.kind.commune"))
        self.receiver = QRadioButton(tr("ui.setup.kind.receiver"))
        self.commune.setChecked(True)
        layout = QVBoxLayout(self)
        for widget in (intro, self.commune, self.receiver):
            layout.addWidget(widget)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802
        return RECEIVER_PAGE if self.receiver.isChecked() else FIRST_COMMUNE_PAGE


class ReceiverPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("ui.setup.receiver_unit.title"))
        intro = QLabel(tr("ui.setup.receiver_unit.intro"))
        intro.setWordWrap(True)
        self.province = QComboBox()
        for code, name in PROVINCES.items():
            self.province.addItem(f"{code} — {name}", code)
        self.province.setCurrentIndex(-1)
        self.name = QLineEdit()
        self.level = QComboBox()
        for code, label in RECEIVER_LEVELS.items():
            self.level.addItem(label, code)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self._suggested = ""
        self.province.currentIndexChanged.connect(self._suggest_name)
        form = QFormLayout()
        form.addRow(tr("ui.setup.receiver_unit.province"), self.province)
        form.addRow(tr("ui.setup.receiver_unit.name"), self.name)
        form.addRow(tr("ui.setup.receiver_unit.level"), self.level)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _suggest_name(self) -> None:
        """ "Sở Nội vụ tỉnh Hà Tĩnh" for the province chosen, unless the user typed a name of their own."""
        if self.name.text().strip() in ("", self._suggested):
            self._suggested = default_receiver(self.province.currentData() or "")[0]
            self.name.setText(self._suggested)

    def nextId(self) -> int:  # noqa: N802
        return -1

    def profile(self) -> UnitProfile:
        return receiver_profile(self.name.text(), self.province.currentData() or "", self.level.currentData())

    def validatePage(self) -> bool:  # noqa: N802
        try:
            validate_profile(self.profile())
        except ValidationError as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        return True
