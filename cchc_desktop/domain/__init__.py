"""Domain values and rules: no SQL, no I/O."""
