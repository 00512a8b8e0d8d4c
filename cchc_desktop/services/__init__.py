"""Use-cases called by the UI and the command line; each is one transaction."""
