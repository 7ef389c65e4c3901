"""checker: a cross-article consistency checker for Arabic news copy."""

__version__ = "1.0.0"
