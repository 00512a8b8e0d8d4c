"""Ký số văn bản: the issued plan, a submitted report or the self-assessment signed by the signer and
the agency (PAdES, ``cchc_desktop.signatures``), kept in the workspace and sent in the package."""
