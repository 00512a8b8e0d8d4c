"""Khai báo đơn vị lần đầu: a three-page wizard for the unit profile."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.profile.model import UnitProfile, validate_profile
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
    def __init__(self, profile: UnitProfile | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("ui.setup.title"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.pages_ = [_Page(self, group) for group in GROUPS]
        for page in self.pages_:
            if profile is not None:
                page.form.set_profile(profile)
            self.addPage(page)
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

    def result_profile(self) -> UnitProfile:
        return validate_profile(self.collect())
