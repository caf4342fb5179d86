"""A Streamlit visitor without a browser: Streamlit's own websocket protocol (BackMsg/ForwardMsg
protobufs on ``/_stcore/stream``), as the page's JavaScript speaks it. Used by the concurrent-session
tests and ``benchmarks/concurrent_users.py`` to put many sessions on one server cheaply.

It sends what the page sends on a rerun -- the URL's query string and widget values -- and reads
what comes back: elements (to find widget ids, download URLs, metrics) and the end of the run.
Only the server's work is measured; drawing the page in a browser is not.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

EPOCH = dt.datetime(1970, 1, 1)


def micros(day: dt.date) -> float:
    """A date as the slider's wire value: microseconds since 1970 (streamlit/elements/widgets/slider.py)."""
    return (dt.datetime.combine(day, dt.time()) - EPOCH) / dt.timedelta(microseconds=1)


@dataclass
class Run:
    """One script run as the visitor saw it: seconds from request to the end of the run, and how it ended."""

    seconds: float
    status: str
    elements: dict = field(default_factory=dict)  # widget key (the part after the id's last '-') -> element proto


class HeadlessSession:
    """One visitor. ``async with HeadlessSession(url) as s: await s.rerun(...)``."""

    def __init__(self, base_url: str, query: str = "", headers: dict | None = None, timeout: float = 120.0):
        self.base_url = base_url.rstrip("/")
        self.query = query
        self.headers = dict(headers or {})
        self.timeout = timeout
        self.ws = None
        self.widgets: dict[str, object] = {}  # key -> latest element proto (slider, button, download_button ...)
        self.ids: dict[str, str] = {}  # key -> widget id
        self.values: dict[str, WidgetState] = {}  # widget states sent on every rerun, as the page does
        self.session_id = ""  # the server's id for this session (from its new_session message)

    async def __aenter__(self) -> "HeadlessSession":
        url = self.base_url.replace("http://", "ws://").replace("https://", "wss://") + "/_stcore/stream"
        self.ws = await websockets.connect(url, subprotocols=["streamlit"], origin=self.base_url,
                                           additional_headers=self.headers, max_size=2**28,
                                           open_timeout=self.timeout, ping_interval=None)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def rerun(self, trigger: str | None = None) -> Run:
        """Ask for a run with the current widget values (plus ``trigger``, a button key, pressed once);
        wait for its end."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        for key, value in self.values.items():
            state.widget_states.widgets.append(value)
        if trigger is not None:
            pressed = state.widget_states.widgets.add()
            pressed.id = self.ids[trigger]
            pressed.trigger_value = True
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        return await self._until_finished(started)

    async def deferred_download(self, key: str) -> str:
        """Press a download button whose data is a callable (Streamlit's deferred download) as the page
        does: ask the server to run it (a backend operation) and return the URL it answers ("" on error)."""
        import uuid

        msg = BackMsg()
        request = msg.backend_operation_request
        request.request_id = uuid.uuid4().hex
        request.session_id = self.session_id
        request.deferred_file.file_id = self.widgets[key].deferred_file_id
        await self.ws.send(msg.SerializeToString())
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(await asyncio.wait_for(self.ws.recv(), self.timeout))
            if fwd.WhichOneof("type") == "backend_operation_response" and \
                    fwd.backend_operation_response.request_id == request.request_id:
                return fwd.backend_operation_response.deferred_file.url

    async def set_dates(self, start: dt.date, end: dt.date) -> Run:
        """Move the date slider (key ``dates``), as dragging it does."""
        value = WidgetState(id=self.ids["dates"])
        value.double_array_value.data.extend([micros(start), micros(end)])
        self.values["dates"] = value
        return await self.rerun()

    async def _until_finished(self, started: float) -> Run:
        seen: dict = {}
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), self.timeout)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                which = element.WhichOneof("type")
                inner = getattr(element, which) if which else None
                widget_id = getattr(inner, "id", "") if inner is not None else ""
                if widget_id:
                    key = widget_id.rsplit("-", 1)[-1]
                    self.ids[key] = widget_id
                    self.widgets[key] = inner
                    seen[key] = inner
                elif which:
                    seen.setdefault(which, []).append(inner)
            elif kind == "new_session":
                self.session_id = fwd.new_session.initialize.session_id
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
                if status != "FINISHED_EARLY_FOR_RERUN":
                    return Run(time.perf_counter() - started, status, seen)
            elif kind == "session_event" and fwd.session_event.WhichOneof("type") == "script_compilation_exception":
                return Run(time.perf_counter() - started, "COMPILE_ERROR", seen)


# --- a real server for these sessions ------------------------------------------------------------

REPO = __import__("pathlib").Path(__file__).resolve().parents[1]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(data: str | None = None, port: int | None = None, log_path=None, extra_env: dict | None = None,
              timeout: float = 90.0, script=None):
    """``streamlit run dashboard/app.py`` (or ``script``) on 127.0.0.1:``port`` (a free one by default), headless;
    returns (process, base URL) once /_stcore/health answers. Stop it with ``stop_app``."""
    import os
    import subprocess
    import sys
    import urllib.request

    port = port or free_port()
    env = {**os.environ, **(extra_env or {})}
    if data:
        env["CONFLICTMAP_DATA"] = str(data)
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script or REPO / "dashboard" / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.3)
    stop_app(process)
    raise RuntimeError(f"streamlit did not answer on {base} within {timeout:.0f} s")


def stop_app(process) -> None:
    """Stop a server ``start_app`` started (its own process group only)."""
    import os
    import signal

    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except Exception:  # noqa: BLE001
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)
