"""Cài đặt đơn vị: the unit profile (editable any time) and who is using the app."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from ui.session import Session
from ui.widgets.profile_form import ProfileForm


class ProfileScreen(QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        profile = session.ws.profile.get()
        self.form = ProfileForm(receiver=profile is not None and profile.mode == "receiver")
        self.form.edited.connect(self.commit)
        self.actor = QComboBox()
        self.actor.setEditable(True)
        self.actor.activated.connect(self._set_actor)
        self.actor.lineEdit().editingFinished.connect(self._set_actor)
        actor_box = QGroupBox(tr("ui.profile.actor.box"))
        actor_form = QFormLayout(actor_box)
        note = QLabel(tr("ui.profile.actor.note"))
        note.setWordWrap(True)
        actor_form.addRow(note)
        actor_form.addRow(tr("ui.profile.actor"), self.actor)
        profile_box = QGroupBox(tr("ui.profile.box"))
        QVBoxLayout(profile_box).addWidget(self.form)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(actor_box)
        layout.addWidget(profile_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)

    def load(self) -> None:
        profile = self.session.ws.profile.get()
        self.form.set_profile(profile)
        people = [profile.focal_name, profile.chairman_name, *profile.deputies]
        self.actor.clear()
        self.actor.addItems([p for p in dict.fromkeys(people) if p])
        self.actor.setCurrentText(self.session.ws.actor)

    def commit(self) -> None:
        """Save the whole profile when it is valid; otherwise say which field is wrong."""
        ws = self.session.ws
        profile = self.form.profile(ws.profile.get())
        try:
            from cchc_desktop.profile.model import validate_profile

            validate_profile(profile)
        except ValidationError as exc:
            self.form.show_error(exc)
            return
        self.form.show_error(None)
        if profile != ws.profile.get():
            self.session.call(self, lambda: ws.profile.save(profile), structural=True)

    def _set_actor(self) -> None:
        name = self.actor.currentText().strip()
        if name and name != self.session.ws.actor:
            self.session.call(self, lambda: self.session.ws.set_actor(name), structural=True)
