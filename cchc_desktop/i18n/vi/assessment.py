"""Messages for the assessment area of the app."""

MESSAGES: dict[str, str] = {}
