"""Dialogs: a new self-assessment, settings."""
