"""Everything SQL lives here and only here."""
