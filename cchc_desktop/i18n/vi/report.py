"""Messages for the report area of the app."""

MESSAGES: dict[str, str] = {}
