"""Traumefokus: trauma-focused sessions (Seeking Safety, Creating Change) inside a MOVE course."""

__version__ = "0.1.0"
