"""Page-wide look: a compact header so the map sits above the fold. Constant CSS only (no data)."""
from __future__ import annotations

import streamlit as st

# Less top padding, smaller headline figures: at 1366x768 the map starts about 150 px down.
PAGE_CSS = """
<style>
.stMainBlockContainer, .block-container {padding-top: 3.2rem; padding-bottom: 2rem;}
.st-key-headline h1 {font-size: 1.5rem; padding: 0 0 0.2rem 0; white-space: nowrap;}
.st-key-timeline_narrow {display: none !important;}
@media (max-width: 640px) {
  .st-key-timeline_wide {display: none !important;}
  .st-key-timeline_narrow {display: flex !important;}
  /* A phone: one header row (title, events, fatalities) so the map starts about 115 px down;
     countries and span wait for a wider screen (the timeline under the map shows the span). */
  .st-key-headline {flex-wrap: nowrap !important;}
  .st-key-headline > div:nth-child(n+4) {display: none;}
  .st-key-headline h1 {font-size: 1.15rem;}
  .st-key-headline [data-testid="stMetricValue"] {font-size: 1rem; line-height: 1.2rem;}
  .st-key-headline {gap: 0.2rem 0.8rem !important;}
}
/* A link's notice: one compact row (small text, thin padding), its Dismiss beside it. */
.st-key-link_notice [data-testid="stAlert"] > div {padding: 0.3rem 0.7rem;}
.st-key-link_notice [data-testid="stAlert"] p {font-size: 0.85rem; line-height: 1.25rem;}
.st-key-link_notice {flex-wrap: nowrap !important;}
.st-key-link_notice > div:first-child {flex: 1 1 auto; min-width: 0;}
[data-testid="stMetric"] {padding: 0;}
[data-testid="stMetricValue"] {font-size: 1.3rem; line-height: 1.5rem;}
[data-testid="stMetricLabel"] p {font-size: 0.8rem;}
</style>
"""


def page_style() -> None:
    """Inject the page CSS (a fixed string)."""
    st.html(PAGE_CSS)
