"""The package version, in one place (read by hatchling for the wheel, too)."""

__version__ = "0.1.0"
