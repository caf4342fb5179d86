"""Bring-your-own gazetteers: readers that turn real gazetteer files into Places in the store."""
from .report import ImportReport

__all__ = ["ImportReport"]
