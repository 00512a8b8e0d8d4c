"""Messages for the ui area of the app."""

MESSAGES: dict[str, str] = {}
