"""Files under the data directory that heal: every writer of ``settings.data_dir()`` goes through here.

Two kinds of file live there:

- **disposable** ones the product made and can make again (the geocode cache, a materialised
  gazetteer): one that cannot be read (not a database, malformed, truncated, zero bytes, a foreign
  schema or another version) is moved aside as ``<name>.corrupt-<UTC timestamp>``, rebuilt, and
  reported once; the answer is still given.
- **user-made** ones (imported gazetteers; the event store): never moved or rewritten when
  unreadable; reported once with what to do, and the product carries on without them.

Every problem is reported once per process through :func:`report`: one line on stderr
(``warning: ...``) for the CLIs, and :func:`notices` for the app to show. Nothing here raises
for a broken, read-only or full data directory: callers get ``default`` answers instead.

Writes are atomic (:func:`atomic_write`: temporary file in the same folder, fsync, rename);
:func:`clean_leftovers` removes ``*.tmp*`` files of killed writers. SQLite files run in WAL mode
with a busy timeout (:data:`BUSY_TIMEOUT_S`) so concurrent processes wait for each other instead
of failing with "database is locked".

Facts used: the SQLite file header layout (https://www.sqlite.org/fileformat2.html#the_database_header:
16-byte magic, page size at offset 16, change counter at 24, page count at 28, valid-for at 92);
WAL and read-only files (https://www.sqlite.org/wal.html#readonly).
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import secrets
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

BUSY_TIMEOUT_S = 30.0            # seconds a connection waits for another process's lock
SQLITE_MAGIC = b"SQLite format 3\x00"
CORRUPT_MARK = ".corrupt-"
TMP_MARK = ".tmp"
SIDECARS = ("-wal", "-shm", "-journal")
KEEP_CORRUPT = 2                 # moved-aside copies kept per file (newest); older ones are deleted
PROCESS_STARTED = time.time()    # leftovers older than this (and whose writer is gone) are removed
_CORRUPT_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_CANNOT_WRITE_CODES = ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM")

_lock = threading.RLock()
_reported: dict[str, str] = {}          # key -> message, in order
_reporter: Callable[[str], None] | None = None
_writable: dict[Path, bool] = {}
_cleaned: set[Path] = set()


# -- reporting -------------------------------------------------------------------------------
def _stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr, flush=True)


def report(message: str, key: str | None = None) -> bool:
    """Tell the user ``message`` once per process (per ``key``, default the message itself).

    The line goes to the reporter (default: ``warning: <message>`` on stderr) and is kept for
    :func:`notices`. Returns True when it was new."""
    key = key or message
    with _lock:
        if key in _reported:
            return False
        _reported[key] = message
        reporter = _reporter
    (reporter or _stderr)(message)
    return True


_ABSOLUTE_PATH = re.compile(r"(?<![\w.])/(?:[^\s/()'\"]+/)*([^\s/()'\";,]+)")


def notices(hide_paths: bool = False) -> list[str]:
    """Every message reported so far in this process, oldest first (for the app to show).
    ``hide_paths`` shortens every absolute path to its last part (a hosted app must not show
    its server's folders: "/srv/cache/geocode-cache.sqlite" -> "geocode-cache.sqlite")."""
    with _lock:
        found = list(_reported.values())
    return [_ABSOLUTE_PATH.sub(r"\1", m) for m in found] if hide_paths else found


def set_reporter(reporter: Callable[[str], None] | None) -> None:
    """Send reports to ``reporter`` instead of stderr (None: back to stderr)."""
    global _reporter
    with _lock:
        _reporter = reporter


def forget_reports() -> None:
    """Forget what was reported and which directories were found writable (tests, data-dir change)."""
    with _lock:
        _reported.clear()
        _writable.clear()
        _cleaned.clear()


# -- the directory -----------------------------------------------------------------------------
def writable(directory: Path) -> bool:
    """Whether files can be created in ``directory`` (made if missing). False, reported once, when it
    is read-only, full of inodes, or cannot exist (e.g. a path under a regular file)."""
    directory = Path(directory)
    with _lock:
        known = _writable.get(directory)
    if known is not None:
        return known
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / f".probe{TMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"
        with open(probe, "wb") as fh:
            fh.write(b"x")
            fh.flush()
            os.fsync(fh.fileno())
        probe.unlink()
        ok = True
    except OSError as exc:
        ok = False
        report(f"data directory {directory} cannot be written ({_reason(exc)}): working without caches "
               f"(answers are the same, only slower). Set CONFLICTMAP_DATA_DIR to a writable folder.",
               key=f"readonly:{directory}")
    with _lock:
        _writable[directory] = ok
    if ok:
        clean_leftovers(directory)
    return ok


def cannot_write(path: Path, exc: BaseException) -> None:
    """Report once that ``path`` could not be written (disk full, read-only ...); the caller carries on."""
    report(f"cannot write {path} ({_reason(exc)}): working without it (answers are the same, only slower). "
           f"Free some disk space or set CONFLICTMAP_DATA_DIR to a writable folder.",
           key=f"cannot-write:{Path(path).parent}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno is not None:
        return os.strerror(exc.errno)
    return str(exc) or type(exc).__name__


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True                   # exists, owned by someone else
    return True


def _writer_pid(name: str) -> int | None:
    tail = name.rsplit(TMP_MARK, 1)[-1]
    digits = ""
    for ch in tail:
        if not ch.isdigit():
            break
        digits += ch
    return int(digits) if digits else None


def clean_leftovers(directory: Path, started: float = PROCESS_STARTED) -> list[Path]:
    """Remove ``*.tmp*`` files (and their SQLite sidecars) that killed writers left in ``directory``
    and its immediate subfolders (downloads/, snapshots/ ...).

    A file goes when it was last modified before this process started (``started``, seconds since
    the epoch) and the writer whose pid it names (``<name>.tmp<pid>-...``) is no longer running.
    Returns what was removed; runs once per directory per process (``writable`` calls it)."""
    directory = Path(directory)
    with _lock:
        if directory in _cleaned:
            return []
        _cleaned.add(directory)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                removed += [p for sub in os.scandir(entry.path) if (p := _leftover(sub, started))]
            elif leftover := _leftover(entry, started):
                removed.append(leftover)
        except OSError:
            continue
    return removed


def _leftover(entry: os.DirEntry, started: float) -> Path | None:
    """Remove ``entry`` when it is a dead writer's temporary file; its path, else None."""
    if TMP_MARK not in entry.name or CORRUPT_MARK in entry.name:
        return None
    try:
        if not entry.is_file(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_mtime >= started:
            return None
        pid = _writer_pid(entry.name)
        if pid is not None and pid != os.getpid() and _pid_alive(pid):
            return None
        os.unlink(entry.path)
    except OSError:
        return None
    return Path(entry.path)


# -- atomic files ---------------------------------------------------------------------------
def temp_path(path: Path) -> Path:
    """A fresh temporary name beside ``path``: ``<name>.tmp<pid>-<random>`` (same folder, same disk)."""
    path = Path(path)
    return path.with_name(f"{path.name}{TMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


@contextlib.contextmanager
def atomic_write(path: Path, replace: bool = True) -> Iterator[Path]:
    """Write ``path`` all at once: yields a temporary path in the same folder to fill; on leaving
    without an exception it is fsynced and renamed onto ``path`` (so readers see the old file or the
    new one, never half of either), and the folder is fsynced. On an exception it is removed.

    ``replace=False`` keeps an existing ``path`` (another process got there first) and drops the
    new file. Raises what writing raises (OSError such as ENOSPC)."""
    path = Path(path)
    tmp = temp_path(path)
    try:
        yield tmp
        _fsync_file(tmp)
        for sidecar in SIDECARS:                 # a finished SQLite file needs none of them
            Path(f"{tmp}{sidecar}").unlink(missing_ok=True)
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass
            tmp.unlink(missing_ok=True)
        _fsync_dir(path.parent)
    except BaseException:
        for leftover in (tmp, *(Path(f"{tmp}{s}") for s in SIDECARS)):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise


def write_bytes(path: Path, data: bytes) -> None:
    """``path`` gets ``data`` atomically (see :func:`atomic_write`). Raises OSError."""
    with atomic_write(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)


def move_aside(path: Path, reason: str = "") -> Path | None:
    """Rename ``path`` (and its SQLite sidecars) to ``<name>.corrupt-<UTC timestamp>``; None if it is gone.
    Only the newest KEEP_CORRUPT such copies of one file are kept (a cache broken again and again must
    not fill the disk). Raises OSError when the folder cannot be written."""
    path = Path(path)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = path.with_name(f"{path.name}{CORRUPT_MARK}{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}{CORRUPT_MARK}{stamp}-{n}")
    try:
        os.rename(path, target)
    except FileNotFoundError:
        return None
    for sidecar in SIDECARS:
        with contextlib.suppress(OSError):
            os.rename(f"{path}{sidecar}", f"{target}{sidecar}")
    _fsync_dir(path.parent)
    copies = sorted((p for p in path.parent.glob(f"{path.name}{CORRUPT_MARK}*")
                     if not p.name.endswith(SIDECARS)), key=_copy_order)
    for old in copies[:-KEEP_CORRUPT]:
        for suffix in ("", *SIDECARS):
            with contextlib.suppress(OSError):
                os.unlink(f"{old}{suffix}")
    return target


def _copy_order(path: Path) -> tuple[str, int]:
    stamp = path.name.rsplit(CORRUPT_MARK, 1)[-1]
    base, _, n = stamp.partition("-")
    return base, int(n) if n.isdigit() else 1


@contextlib.contextmanager
def _dir_lock(directory: Path) -> Iterator[None]:
    """Exclusive lock between processes for healing files in ``directory`` (flock on .datadir.lock)."""
    fd = os.open(Path(directory) / ".datadir.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


# -- SQLite ---------------------------------------------------------------------------------
def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection that waits up to BUSY_TIMEOUT_S for other processes' locks. ``readonly`` opens
    with ``mode=ro`` (never creates the file). Raises sqlite3.Error."""
    if readonly:
        return sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                               check_same_thread=False)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)


def is_corrupt(exc: BaseException) -> bool:
    """Whether an sqlite3 error says the file itself is bad (not a database, malformed)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(_CORRUPT_CODES):
        return True
    text = str(exc)
    return "file is not a database" in text or "malformed" in text


def is_write_failure(exc: BaseException) -> bool:
    """Whether an error says the disk or folder refuses writes (full, read-only, I/O)."""
    if isinstance(exc, OSError):
        return True
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(_CANNOT_WRITE_CODES):
        return True
    text = str(exc)
    return any(s in text for s in ("disk is full", "readonly", "disk I/O", "unable to open"))


def _busy(exc: BaseException) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc)


def _no_shared_memory(exc: BaseException) -> bool:
    """A read refused because SQLite cannot create a WAL file's -shm/-wal (folder not writable)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_IOERR")) or any(
        s in str(exc) for s in ("unable to open", "readonly", "disk I/O"))


def _layout(con: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: tuple(r[1] for r in con.execute(f"PRAGMA table_info(\"{t}\")")) for t in tables}


def schema_layout(schema: str) -> dict[str, tuple[str, ...]]:
    """{table: column names} that ``schema`` (SQL script) creates."""
    con = sqlite3.connect(":memory:")
    try:
        con.executescript(schema)
        return _layout(con)
    finally:
        con.close()


def header_problem(path: Path) -> str | None:
    """What is wrong with an SQLite file at first sight (without SQLite): "zero bytes", "not an SQLite
    database", "truncated"; None when the header looks sound. Raises OSError if it cannot be read."""
    size = os.stat(path).st_size
    if size == 0:
        return "zero bytes"
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(SQLITE_MAGIC[:len(head)]) or len(head) < len(SQLITE_MAGIC):
        return "not an SQLite database"
    if len(head) < 100:
        return "truncated"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "not an SQLite database"
    pages = int.from_bytes(head[28:32], "big")
    header_count_valid = head[24:28] == head[92:96]
    if size % page_size or (header_count_valid and pages and size < pages * page_size):
        return "truncated"
    return None


def sqlite_problem(path: Path, layout: dict[str, tuple[str, ...]], version: int, deep: bool = False) -> str | None:
    """Why the SQLite file at ``path`` cannot be used as a file of ``layout`` (tables and columns) and
    ``version`` (PRAGMA user_version; 0, an unstamped file of the right layout, is accepted), or None.
    ``deep`` adds ``PRAGMA quick_check`` (reads every page). Raises OSError if the file cannot be read."""
    problem = header_problem(path)
    if problem and not (deep and problem == "truncated"):   # deep: SQLite itself judges, under its locks
        return problem
    try:
        con = connect(path, readonly=True)
        try:
            con.execute("BEGIN")                     # one read snapshot for every check
            found = _layout(con)
        except sqlite3.OperationalError as exc:
            if not _no_shared_memory(exc):
                raise
            con.close()                              # a WAL file in a folder we cannot write: no -shm
            con = sqlite3.connect(f"file:{Path(path)}?mode=ro&immutable=1", uri=True)
            con.execute("BEGIN")
            found = _layout(con)
    except sqlite3.DatabaseError as exc:
        if is_corrupt(exc):
            return str(exc)
        raise OSError(errno.EACCES, str(exc)) from None
    try:
        for table, columns in layout.items():
            if found.get(table) != columns:
                return f"foreign schema (no table {table}({', '.join(columns)}))"
        stamped = con.execute("PRAGMA user_version").fetchone()[0]
        if stamped not in (0, version):
            return f"version {stamped}, this program uses version {version}"
        if deep:
            result = con.execute("PRAGMA quick_check(1)").fetchone()[0]
            if result != "ok":
                return f"malformed ({result})"
    except sqlite3.DatabaseError as exc:
        if is_corrupt(exc):
            return str(exc)
        if "unable to open" in str(exc) or "readonly" in str(exc):
            raise OSError(errno.EACCES, str(exc)) from None
        return str(exc)
    finally:
        con.close()
    return None


class DataDirError(Exception):
    """A user-made file cannot be written or read for a command that needs it: one line for the user,
    saying what to do (raised by :meth:`SQLiteFile.write` for user-made files only)."""


class SQLiteFile:
    """One SQLite file under the data directory, opened defensively.

    ``schema`` (SQL script of CREATE ... IF NOT EXISTS) defines the layout checked on open;
    ``version`` is stamped as PRAGMA user_version. ``what`` names the file for the user ("the
    geocode cache"). ``user_made`` files are never moved, rebuilt or created by a read;
    ``advice`` says what the user can do when one is unreadable ("re-import ...").
    ``build(tmp_path)``, for disposable files, fills a new file (else a new file is just the schema).

    Use :meth:`read` and :meth:`write`: they run ``fn(connection)`` and return ``default`` (after
    one report) when the file cannot be used, healing disposable files and retrying once. A write
    to a user-made file that cannot be done raises :class:`DataDirError` instead (an import must
    not look done when it was not)."""

    def __init__(self, path: Path, *, schema: str, version: int, what: str, user_made: bool = False,
                 advice: str = "", build: Callable[[Path], None] | None = None, wal: bool = True):
        self.path = Path(path)
        self.schema = schema
        self.version = version
        self.what = what
        self.user_made = user_made
        self.advice = advice
        self.build = build
        self.wal = wal
        self.layout = schema_layout(schema)
        self._checked: tuple[int, int] | None = None   # (inode, device) of the file found sound
        self._broken: tuple[int, int] | None = None    # a user-made file found unreadable
        self._why = ""                                  # why the last attempt could not use the file
        self._broken_why = ""
        self._lock = threading.RLock()

    # -- public ------------------------------------------------------------------------------
    def read(self, fn: Callable[[sqlite3.Connection], T], default: T) -> T:
        """``fn`` on a read-only connection; ``default`` when there is no usable file. A missing
        disposable file with a ``build`` is built first."""
        return self._run(fn, default, write=False)

    def write(self, fn: Callable[[sqlite3.Connection], T], default: T = None) -> T:
        """``fn`` on a read-write connection (``with con:`` for a transaction); ``default`` when the
        file cannot be written (reported once). Creates the file (atomically) when missing."""
        return self._run(fn, default, write=True)

    def usable(self) -> bool:
        """Whether the file exists and is sound (healing it first if disposable)."""
        return self.read(lambda con: True, False)

    # -- internals ---------------------------------------------------------------------------
    def _identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_ino, st.st_dev

    def _run(self, fn, default, write: bool):
        if write and not writable(self.path.parent):     # reported once by writable()
            self._why = f"cannot write {self.path}: its folder cannot be written"
            return self._fail(default, write)
        for attempt in (1, 2):
            try:
                with self._lock:
                    self._why = ""
                    if not self._ensure(write):
                        return self._fail(default, write)
                con = connect(self.path, readonly=not write)
                try:
                    if write and self.wal:
                        self._wal(con)
                    return fn(con)
                finally:
                    con.close()
            except sqlite3.DatabaseError as exc:
                if is_corrupt(exc) and attempt == 1:
                    with self._lock:
                        self._checked = None
                        if self._found_bad(str(exc)):
                            continue
                    return self._fail(default, write)
                if write and is_write_failure(exc):
                    self._cannot_write(exc)
                    return self._fail(default, write)
                if not write and _no_shared_memory(exc):
                    return self._read_immutable(fn, default)
                if _busy(exc):
                    self._why = (f"{self.what} {self.path} is busy: another process held it for over "
                                 f"{BUSY_TIMEOUT_S:.0f} s")
                    report(f"{self._why}; carrying on without it this time.", key=f"busy:{self.path}")
                    return self._fail(default, write)
                self._why = f"{self.what} {self.path} could not be used ({exc})"
                report(f"{self._why}; working without it.", key=f"unreadable:{self.path}")
                return self._fail(default, write)
            except OSError as exc:
                if write:
                    self._cannot_write(exc)
                return self._fail(default, write)
        return self._fail(default, write)

    def _cannot_write(self, exc: BaseException) -> None:
        self._why = f"cannot write {self.path} ({_reason(exc)})"
        if not self.user_made:
            cannot_write(self.path, exc)

    def _fail(self, default, write: bool):
        if write and self.user_made:
            raise DataDirError(self._why or f"cannot write {self.path}")
        return default

    def _read_immutable(self, fn, default):
        """Read a sound file in a folder where SQLite cannot create its -shm (read-only folder)."""
        try:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            try:
                return fn(con)
            finally:
                con.close()
        except sqlite3.Error:
            return default

    def _wal(self, con: sqlite3.Connection) -> None:
        if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            con.execute("PRAGMA journal_mode=WAL")

    def _ensure(self, write: bool) -> bool:
        """True when the file at self.path can be opened now (sound, or healed/created)."""
        identity = self._identity()
        if identity is not None and identity == self._checked:
            return True
        if identity is not None and identity == self._broken:
            self._why = self._broken_why
            return False
        if identity is None:
            if self.user_made and not write:
                return False
            if not write and self.build is None:
                return False
            return self._create()
        try:
            problem = sqlite_problem(self.path, self.layout, self.version)
        except OSError as exc:
            self._why = f"{self.what} {self.path} cannot be read ({_reason(exc)})"
            report(f"{self._why}; working without it.", key=f"unreadable:{self.path}")
            return False
        if problem is None:
            self._checked = identity
            return True
        return self._found_bad(problem)

    def _found_bad(self, problem: str) -> bool:
        """Deal with an unreadable file: user-made -> reported, kept, skipped; disposable -> moved
        aside (under the folder lock, after a deep re-check) and rebuilt."""
        identity = self._identity()
        if self.user_made:
            self._broken = identity
            self._why = (f"{self.what} {self.path} cannot be read ({problem}); it was left untouched and is "
                         f"not used. {self.advice}").strip()
            self._broken_why = self._why
            report(self._why, key=f"user-file:{self.path}")
            return False
        if not writable(self.path.parent):
            self._why = f"{self.what} {self.path} is unreadable ({problem}) and its folder cannot be written"
            return False
        try:
            with _dir_lock(self.path.parent):
                if self._identity() is not None:      # else another process moved it aside meanwhile
                    again = sqlite_problem(self.path, self.layout, self.version, deep=True)
                    if again is None:                   # another process healed it meanwhile
                        self._checked = self._identity()
                        return True
                    self._move_aside(problem, again)
                return self._create_locked()
        except OSError as exc:
            self._cannot_write(exc)
            return False

    def _move_aside(self, problem: str, reason: str | None = None) -> None:
        """Move the unreadable file aside (see move_aside) and report it once; raises OSError."""
        moved = move_aside(self.path, problem if reason is None else reason)
        if moved is not None:
            report(f"{self.what} {self.path} was unreadable ({problem}); moved it aside to {moved.name} "
                   f"and rebuilt it.", key=f"healed:{self.path}")

    def _create(self) -> bool:
        if not writable(self.path.parent):
            self._why = f"cannot write {self.path}: its folder cannot be written"
            return False
        try:
            with _dir_lock(self.path.parent):
                return self._create_locked()
        except OSError as exc:
            self._cannot_write(exc)
            return False

    def _create_locked(self) -> bool:
        """Make the file (schema + build) under a temporary name and link it into place."""
        if self._identity() is not None:
            problem = sqlite_problem(self.path, self.layout, self.version)
            if problem is None:
                self._checked = self._identity()
                return True
            self._move_aside(problem)
        try:
            with atomic_write(self.path, replace=False) as tmp:
                con = sqlite3.connect(tmp)
                try:
                    con.executescript(self.schema)
                    con.execute(f"PRAGMA user_version = {int(self.version)}")
                    con.commit()
                finally:
                    con.close()
                if self.build is not None:
                    self.build(tmp)
                if self.wal:
                    con = sqlite3.connect(tmp)
                    try:
                        con.execute("PRAGMA journal_mode=WAL")
                    finally:
                        con.close()
        except (OSError, sqlite3.Error) as exc:
            if is_write_failure(exc):
                self._cannot_write(exc)
                return False
            raise
        self._checked = self._identity()
        return self._checked is not None
