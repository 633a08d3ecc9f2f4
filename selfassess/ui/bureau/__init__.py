"""The secretary's workspace: an open bureau file (Qt)."""
