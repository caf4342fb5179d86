"""News report -> draft events, offline: ``draft_report(text, published)``.

See ``draft.py`` for the pipeline; ``python -m events draft FILE --published YYYY-MM-DD`` on the
command line; the dashboard's "Draft from a report" panel in the app.
"""
from .draft import DraftResult, describe_alternative, draft_report

__all__ = ["draft_report", "DraftResult", "describe_alternative"]
