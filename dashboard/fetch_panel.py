"""Pull events from ACLED or UCDP in the sidebar, through the same API clients as
``python -m events fetch`` (``events.sources``), and load them the way an upload is loaded.

Who may pull: the server's ACLED account or UCDP token is used, not the visitor's. ACLED's
terms bind the account holder, its API has a quota, and a pull is minutes of the server's
time; so when the app has a login configured (``dashboard.auth``), only a signed-in user may
pull. Without any login configured (one analyst running ``make run`` with their own
credentials), whoever opens the page may: an operator who serves the page to others with
credentials set should configure a login (README, "Adding users").

Credentials: the environment or ``.streamlit/secrets.toml`` (``events.sources.credentials``),
else Streamlit's own secrets (``st.secrets``, which also reads ``~/.streamlit/secrets.toml``).
They are only handed to the API client: never shown, logged, put in a widget or an error.

What a user sees: a progress indicator while pages arrive; one line when the network or the
credentials fail (a pull cut by the network continues from the pages already received when
pressed again); then the events validated like an upload: layout, rows read/kept/rejected and
the rejected rows with their reasons, the kept ones on the map with the uploaded ones.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from events.sources import FetchError, acled, credentials, ucdp

from . import auth
from .safe_text import plain
from .upload import MAX_UPLOAD_ROWS, Upload, read_upload

PULLED = "_fetched"        # (pull id, Upload) of this session's last pull
WORKDIR = "_fetch_dir"     # this session's folder for pages in flight (a cut pull continues from them)
SOURCES = {"acled": "ACLED", "ucdp": "UCDP"}
DEFAULT_SINCE_DAYS = 90


class TooMany(Exception):
    """More events than an upload may have: stop asking for pages."""


def allowed() -> tuple[bool, str]:
    """(may this session pull?, why not). See the module docstring for the rule and its reason."""
    if auth.login_configured() and auth.signed_in_user() is None:
        return False, "Sign in to pull events from ACLED or UCDP (the server's account is used)."
    return True, ""


def _credential(section: str, key: str) -> str | None:
    value = credentials.get(section, key)
    if value:
        return value
    table = auth._section(section)  # st.secrets, read safely (a missing or broken file is "none")
    value = table.get(key) if table else None
    return str(value).strip() or None if value else None


def _workdir() -> Path:
    folder = st.session_state.get(WORKDIR)
    if not folder or not Path(folder).is_dir():
        folder = tempfile.mkdtemp(prefix="conflictmap-pull-")
        st.session_state[WORKDIR] = folder
    return Path(folder)


def _countries(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"[,;|\n]", text) if c.strip()]


def _gw_numbers(text: str) -> list[str] | None:
    """Gleditsch-Ward numbers from "645, 652"; None when any part is not a number."""
    parts = [c.strip() for c in re.split(r"[,;\s]+", text) if c.strip()]
    return parts if all(p.isdigit() for p in parts) else None


def _form() -> tuple[str, dict] | None:
    """The source and its query once the button is pressed, else None (problems shown as errors)."""
    source = st.radio("Source", list(SOURCES), format_func=SOURCES.get, horizontal=True, key="_fetch_source")
    with st.form("_fetch_form", border=False):
        if source == "acled":
            countries = st.text_input("Countries (ACLED's names, comma-separated)", "Iraq, Syria",
                                      key="_fetch_countries")
            since = st.date_input("Events since", dt.date.today() - dt.timedelta(days=DEFAULT_SINCE_DAYS),
                                  key="_fetch_since", max_value=dt.date.today())
        else:
            dataset = st.text_input("Dataset", "gedevents", key="_fetch_dataset")
            version = st.text_input("Version (GED 25.1, Candidate 25.0.9)", "25.1", key="_fetch_version")
            gw = st.text_input("Countries (Gleditsch-Ward numbers, e.g. 645 Iraq; empty = all)", "645",
                               key="_fetch_gw")
        pressed = st.form_submit_button("Pull events", key="_fetch_go")
    if not pressed:
        return None
    if source == "acled":
        names = _countries(countries)
        if not names:
            st.error("Name at least one country, as ACLED writes it (Iraq, Syria).")
            return None
        return source, {"countries": names, "since": since.isoformat()}
    numbers = _gw_numbers(gw)
    if numbers is None:
        st.error("Countries for UCDP are Gleditsch-Ward numbers (645 Iraq, 652 Syria), comma-separated.")
        return None
    if not re.fullmatch(r"[A-Za-z]+", dataset.strip()) or not re.fullmatch(r"\d+(\.\d+){1,2}", version.strip()):
        st.error("UCDP's dataset is a word (gedevents) and its version numbers with dots (25.1, 25.0.9).")
        return None
    return source, {"dataset": dataset.strip(), "version": version.strip(), "countries": numbers}


def _file_name(source: str, query: dict) -> str:
    if source == "acled":
        where = "-".join(re.sub(r"[^A-Za-z0-9]+", "_", c) for c in query["countries"])[:60]
        return f"acled-{where}-since-{query['since']}.csv"
    where = "-".join(query["countries"])[:60] or "all"
    return f"ucdp-{query['dataset']}-{query['version']}-{where}.csv"


def _pull(source: str, query: dict) -> Upload | None:
    """Fetch, then load like an upload; None (and one error line) when the pull fails."""
    name = SOURCES[source]
    if source == "acled":
        username, password = _credential("acled", "username"), _credential("acled", "password")
        if not username or not password:
            st.error("No ACLED credentials on this server: " + credentials.where("acled", "username") + " and "
                     + credentials.where("acled", "password") + ".")
            return None
    else:
        token = _credential("ucdp", "token")
        if not token:
            st.error("No UCDP API token on this server: " + credentials.where("ucdp", "token") + ".")
            return None
    out = _workdir() / f"{source}.csv"
    status = st.status(f"Pulling events from {name}…", expanded=True)
    with status:
        line = st.empty()
        line.caption("Asking for the first page…")

    def progress(done: int, total: int | None, pages: int) -> None:
        if done > MAX_UPLOAD_ROWS:
            raise TooMany
        if total:
            line.progress(min(1.0, done / total), text=f"{done:,} of {total:,} events ({pages} page(s))")
        else:
            line.caption(f"{done:,} events so far ({pages} page(s))")

    try:
        if source == "acled":
            acled.fetch(out, query["countries"], query["since"], api_url=acled.API_URL,
                        username=username, password=password, progress=progress)
        else:
            ucdp.fetch(out, query["dataset"], query["version"], query["countries"], api_url=ucdp.API_URL,
                       token=token, progress=progress)
        data = out.read_bytes()
    except FetchError as exc:
        status.update(label=f"{name}: the pull failed", state="error", expanded=False)
        message = str(exc).replace("run the same command again", "press Pull events again")
        st.error(plain(f"Could not pull from {name}: {message}", 400))
        return None
    except TooMany:
        status.update(label=f"{name}: too many events", state="error", expanded=False)
        shutil.rmtree(_workdir(), ignore_errors=True)
        st.error(f"More than {MAX_UPLOAD_ROWS:,} events match: narrow the countries or the dates.")
        return None
    except OSError as exc:
        status.update(label=f"{name}: the pull failed", state="error", expanded=False)
        st.error(f"Could not pull from {name}: the server cannot write its temporary folder ({exc.strerror}).")
        return None
    finally:
        line.empty()
    shutil.rmtree(out.parent, ignore_errors=True)  # the pages went with write_csv; the folder goes too
    st.session_state.pop(WORKDIR, None)
    status.update(label=f"Pulled {name}: checking the events…", state="running")
    upload = read_upload(data, _file_name(source, query))
    status.update(label=f"Pulled from {name}", state="error" if upload.error else "complete", expanded=False)
    return upload


def pulled_name() -> str | None:
    """The file name the last pull was loaded as (for provenance), or None."""
    pulled = st.session_state.get(PULLED)
    return pulled[1].name if pulled else None


def fetch_panel() -> pd.DataFrame | None:
    """The "Pull from ACLED or UCDP" form (an expander) and, under it, the progress and the result
    of the last pull; returns this session's pulled events (the valid rows) or None."""
    pulled = st.session_state.get(PULLED)
    with st.expander("Pull from ACLED or UCDP", expanded=pulled is not None):
        ok, why = allowed()
        if not ok:
            st.caption(why)
            st.session_state.pop(PULLED, None)
            return None
        request = _form()
    if request is not None:  # drawn outside the expander: a progress box may not sit inside one
        upload = _pull(*request)
        if upload is not None:
            pulled = (f"{upload.name}@{dt.datetime.now(dt.timezone.utc).isoformat()}", upload)
            st.session_state[PULLED] = pulled
    if pulled is None:
        return None
    upload = pulled[1]
    show_result(upload)
    if st.button("Remove the pulled events", key="_fetch_clear"):
        st.session_state.pop(PULLED, None)
        st.rerun()
    return None if upload.frame is None or upload.frame.empty else upload.frame


def show_result(upload: Upload) -> None:
    """What came of a loaded file: its error, notes, rejected rows and the kept rows' warnings (shared
    with the upload box)."""
    if upload.error:
        st.error(plain(upload.error, 300))
    for note in upload.notes:
        st.caption(plain(note, 300))
    load_report(upload.result)


REPORT_ROWS = 1_000  # problems listed on the page per kind (a big file's full list: the CLI's --json)


def load_report(result, expanded: bool = True, name: str = "") -> None:
    """A loaded file's rejected rows and kept rows with a warning, each as a table in an expander
    (line, column, value, reason; the text shown as text, never as markup), the first
    ``REPORT_ROWS`` of each; ``name``: the file's name, said in the titles."""
    from .upload import errors_frame

    if result is None:
        return
    for warnings, title, count in ((False, "Rejected rows", result.rejected),
                                   (True, "Kept with a warning", result.warned)):
        table = errors_frame(result, warnings=warnings, limit=REPORT_ROWS)
        if len(table):
            with st.expander(f"{plain(name, 80) + ': ' if name else ''}{title}: {count:,}", expanded=expanded):
                st.dataframe(table, hide_index=True, width="stretch")
                total = len(result.warnings if warnings else result.errors)
                if total > len(table):
                    st.caption(f"The first {len(table):,} of {total:,} problems; "
                               "`python -m events validate FILE --json` lists them all.")
