"""Messages for the exchange area of the app."""

MESSAGES: dict[str, str] = {}
