"""Schema steps, one module per step, named like the step."""
