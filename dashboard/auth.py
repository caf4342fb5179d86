"""Who may change events. Viewing needs no login; changing needs one.

Two ways to sign in, both configured in ``.streamlit/secrets.toml`` (never in the repo):

- an OpenID Connect provider through Streamlit's own ``st.login`` (an ``[auth]`` section with
  ``redirect_uri``, ``cookie_secret``, ``client_id``, ``client_secret``, ``server_metadata_url``);
- or, for a team without one, a ``[users]`` table of names and argon2 password hashes
  (``python -m dashboard.auth NAME`` prints a line to paste). ``MAX_FAILURES`` wrong passwords for a
  name within ``WINDOW_S`` lock that name out for ``LOCKOUT_S`` seconds.

``signed_in_user()`` is the only source of the user name a change records; every write path asks it
again at the moment of writing, so a session without a login cannot write whatever it sends.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Mapping

import streamlit as st

MAX_FAILURES = 5
WINDOW_S = 15 * 60
LOCKOUT_S = 5 * 60
SESSION_KEY = "_auth_user"


class _Failures:
    """Failed password attempts per user name, shared by every session of this server process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self.locked_until: dict[str, float] = {}

    def locked(self, name: str, now: float) -> float:
        """Seconds left of a lock-out (0 = not locked)."""
        with self.lock:
            return max(0.0, self.locked_until.get(name, 0.0) - now)

    def fail(self, name: str, now: float) -> None:
        with self.lock:
            recent = [t for t in self.times.get(name, []) if now - t < WINDOW_S] + [now]
            self.times[name] = recent
            if len(recent) >= MAX_FAILURES:
                self.locked_until[name] = now + LOCKOUT_S
                self.times[name] = []

    def clear(self, name: str) -> None:
        with self.lock:
            self.times.pop(name, None)


@st.cache_resource
def failures() -> _Failures:
    return _Failures()


def _secrets() -> Mapping:
    try:
        return st.secrets
    except Exception:  # noqa: BLE001 -- no secrets file at all: no login configured
        return {}


def _section(name: str) -> Mapping:
    try:
        value = _secrets().get(name)
    except Exception:  # noqa: BLE001 -- an unreadable secrets.toml is the same as none
        return {}
    return value if isinstance(value, Mapping) else {}


def oidc_configured() -> bool:
    auth = _section("auth")
    return bool(auth.get("client_id") or any(isinstance(v, Mapping) for v in auth.values()))


def password_users() -> dict[str, str]:
    return {str(k): str(v) for k, v in _section("users").items() if isinstance(v, str)}


def login_configured() -> bool:
    return oidc_configured() or bool(password_users())


def signed_in_user() -> str | None:
    """The signed-in user's name (OIDC e-mail or name, or the password user's name), else None."""
    try:
        if oidc_configured() and st.user.is_logged_in:
            return str(st.user.get("email") or st.user.get("name") or st.user.get("sub"))
    except Exception:  # noqa: BLE001 -- st.user unavailable (no auth set up)
        pass
    name = st.session_state.get(SESSION_KEY)
    return name if name and name in password_users() else None


def check_password(name: str, password: str, now: float | None = None) -> tuple[bool, str]:
    """(signed in?, message). Verifies an argon2 hash; counts failures and locks the name out."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    now = time.time() if now is None else now
    left = failures().locked(name, now)
    if left:
        return False, f"Too many wrong passwords: try again in {int(left // 60) + 1} min."
    stored = password_users().get(name)
    ok = False
    if stored:
        try:
            ok = PasswordHasher().verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
    else:
        PasswordHasher().hash(password or "x")  # same time for an unknown name as for a wrong password
    if not ok:
        failures().fail(name, now)
        return False, "Wrong name or password."
    failures().clear(name)
    return True, ""


def _password_login() -> None:
    name = st.session_state.get("_login_name", "").strip()
    ok, message = check_password(name, st.session_state.get("_login_password", ""))
    st.session_state["_login_password"] = ""
    if ok:
        st.session_state[SESSION_KEY] = name
        st.session_state.pop("_login_message", None)
    else:
        st.session_state["_login_message"] = message


def _logout() -> None:
    st.session_state.pop(SESSION_KEY, None)


def login_panel() -> str | None:
    """Sign-in / sign-out controls (sidebar); returns the signed-in user or None."""
    user = signed_in_user()
    if user:
        st.caption(f"Signed in as **{user}**: you can add and change events.")
        if oidc_configured() and st.session_state.get(SESSION_KEY) is None:
            st.button("Log out", key="_logout_oidc", on_click=st.logout)
        else:
            st.button("Log out", key="_logout", on_click=_logout)
        return user
    if not login_configured():
        st.caption("Viewing only: no editors are set up (see README, 'Adding users').")
        return None
    with st.expander("Sign in to add or change events"):
        if oidc_configured():
            st.button("Log in", key="_login_oidc", on_click=st.login)
        if password_users():
            with st.form("_login_form", clear_on_submit=False, border=False):
                st.text_input("Name", key="_login_name")
                st.text_input("Password", type="password", key="_login_password")
                st.form_submit_button("Sign in", on_click=_password_login)
            if st.session_state.get("_login_message"):
                st.error(st.session_state["_login_message"])
    return None


def main(argv: list[str] | None = None) -> int:
    """``python -m dashboard.auth NAME``: ask for a password twice, print the secrets.toml line."""
    import getpass
    import sys

    from argon2 import PasswordHasher

    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m dashboard.auth",
        description="Make an editor's sign-in line for .streamlit/secrets.toml: asks for a password twice "
                    "(at least 10 characters) and prints NAME with its argon2 hash, never the password.")
    parser.add_argument("name", metavar="NAME", help="the editor's user name (letters, digits, . _ - @)")
    try:
        args = [parser.parse_args(sys.argv[1:] if argv is None else argv).name]
    except SystemExit as stop:        # --help (0) or a usage error (2): argparse has printed why
        return int(stop.code or 0)
    if not args[0].replace("_", "").replace("-", "").replace(".", "").replace("@", "").isalnum():
        print("usage: python -m dashboard.auth NAME   (letters, digits, . _ - @)", file=sys.stderr)
        return 2
    first = getpass.getpass(f"password for {args[0]}: ")
    if len(first) < 10:
        print("error: use at least 10 characters", file=sys.stderr)
        return 1
    if getpass.getpass("again: ") != first:
        print("error: the two passwords differ", file=sys.stderr)
        return 1
    print("# add under [users] in .streamlit/secrets.toml")
    print(f'"{args[0]}" = "{PasswordHasher().hash(first)}"')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
