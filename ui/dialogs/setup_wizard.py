"""Khai báo đơn vị lần đầu: commune or receiving unit first (a new file), then the unit profile."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.profile.model import UnitProfile, validate_profile
from ui.dialogs.setup_kind import FIRST_COMMUNE_PAGE, RECEIVER_PAGE, KindPage, ReceiverPage
from ui.widgets.profile_form import GROUPS, ProfileForm


class _Page(QWizardPage):
    def __init__(self, wizard: SetupWizard, group: str) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.group = group
        self.setTitle(tr(f"ui.setup.{group}.title"))
        intro = QLabel(tr(f"ui.setup.{group}.intro"))
        intro.setWordWrap(True)
        self.form = ProfileForm((group,))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)

    def nextId(self) -> int:  # noqa: N802
        """The commune's last page ends the wizard (the receiving unit's page is numbered after it)."""
        return -1 if self.group == list(GROUPS)[-1] else super().nextId()

    def validatePage(self) -> bool:  # noqa: N802
        """Check this page's fields (and earlier ones) with the core rules."""
        profile = self.wizard_.collect()
        try:
            validate_profile(profile)
        except ValidationError as exc:
            if exc.field in self.wizard_.fields_up_to(self.group):
                self.form.show_error(exc)
                return False
        self.form.show_error(None)
        return True


class SetupWizard(QWizard):
    """A new file asks first whether it is a commune's or a receiving unit's; an existing profile is
    edited on the commune's pages alone."""

    def __init__(self, profile: UnitProfile | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.setup.title"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.kind_page = KindPage() if profile is None else None
        self.receiver_page = ReceiverPage() if profile is None else None
        if self.kind_page is not None:
            self.setPage(0, self.kind_page)
        self.pages_ = [_Page(self, group) for group in GROUPS]
        for number, page in enumerate(self.pages_):
            if profile is not None:
                page.form.set_profile(profile)
            self.setPage(FIRST_COMMUNE_PAGE + number, page)
        if self.receiver_page is not None:
            self.setPage(RECEIVER_PAGE, self.receiver_page)
        self.pages_[1].form.inputs["receiver_level"].setCurrentIndex(0)
        self.pages_[0].form.inputs["province_code"].currentIndexChanged.connect(self._pass_province)
        self.resize(680, 640)

    def _pass_province(self) -> None:
        province = self.pages_[0].form.inputs["province_code"]
        receiver = self.pages_[1].form.inputs["province_code"]
        receiver.setCurrentIndex(province.currentIndex())

    def fields_up_to(self, group: str) -> set[str]:
        names: set[str] = set()
        for name, fields in GROUPS.items():
            names.update(fields)
            if name == group:
                break
        return names

    def collect(self) -> UnitProfile:
        profile = UnitProfile()
        for page in self.pages_:
            values = page.form.profile(profile).__dict__
            for name in GROUPS[page.group]:
                setattr(profile, name, values[name])
        return profile

    @property
    def is_receiver(self) -> bool:
        return self.kind_page is not None and self.kind_page.receiver.isChecked()

    def result_profile(self) -> UnitProfile:
        if self.is_receiver and self.receiver_page is not None:
            return validate_profile(self.receiver_page.profile())
        return validate_profile(self.collect())
