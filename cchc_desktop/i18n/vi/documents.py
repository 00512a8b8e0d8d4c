"""Messages for the documents area of the app."""

MESSAGES: dict[str, str] = {}
