"""A throwaway PostgreSQL server for the tests: a cluster in a temporary folder, reached only
through a Unix socket there, stopped and deleted when the test session ends. ``start(folder)``
keeps the cluster in a folder of your choosing instead (a benchmark run that goes on across
processes: ``bench/scale.py --postgres-dir``): started again where it was, kept when stopped.

The server comes from Debian's ``postgresql`` package (``./dev`` installs it); its programs
live in ``/usr/lib/postgresql/<version>/bin``, which is not on the PATH. PostgreSQL refuses to
run as root, so under root the cluster belongs to the package's ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# The port only names the socket file (no TCP listener is opened), so any fixed number works.
PORT = 5439
# Seconds pg_ctl waits for the server to accept connections.
START_TIMEOUT = 60


@dataclass(frozen=True)
class Server:
    folder: Path
    bin: Path
    user: str | None  # the system user the server runs as when we are root
    kept: bool = False  # a cluster in a folder the caller named: stopped, never deleted

    @property
    def url(self) -> str:
        """The server's maintenance database, as an SQLAlchemy URL."""
        return f"postgresql+psycopg://postgres@/postgres?host={self.folder}&port={PORT}"

    def stop(self) -> None:
        if self.kept:  # a clean shutdown: the next start finds the data as it was left
            _run(self, "pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "stop", check=False)
            return
        _run(self, "pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def find_bin() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: the newest installed version, else the PATH."""
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if folders:
        return Path(folders[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def start(folder: Path | None = None) -> Server:
    """Start a fresh cluster in a temporary folder, or the one kept in ``folder`` (created there
    the first time; one that is already running is used as it is); raises RuntimeError (with
    PostgreSQL's own message) when it cannot."""
    bin_folder = find_bin()
    if bin_folder is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    user = None
    kept = folder is not None
    if kept:
        folder = folder.resolve()
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = Path(tempfile.mkdtemp(prefix="newstrace-pg-"))
    if os.geteuid() == 0:
        user = "postgres"
        try:
            account = pwd.getpwnam(user)
        except KeyError:
            raise RuntimeError("running as root and there is no 'postgres' user to run the server") from None
        os.chown(folder, account.pw_uid, account.pw_gid)
    server = Server(folder, bin_folder, user, kept)
    if not (folder / "data" / "PG_VERSION").exists():
        _run(server, "initdb", "-D", str(folder / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
    elif _running(server):
        return server
    # fsync off, as for a throwaway cluster: a kept one survives its processes being killed (what
    # they wrote is in the system's page cache), not the machine crashing.
    options = f"-k {folder} -c listen_addresses='' -p {PORT} -c fsync=off -c full_page_writes=off"
    _run(server, "pg_ctl", "-D", str(folder / "data"), "-l", str(folder / "log"), "-o", options, "-t", str(START_TIMEOUT), "-w", "start")
    return server


def _running(server: Server) -> bool:
    return _run(server, "pg_ctl", "-D", str(server.folder / "data"), "status", check=False) == 0


def _run(server: Server, program: str, *args: str, check: bool = True) -> int:
    command = [str(server.bin / program), *args]
    if server.user:
        command = ["runuser", "-u", server.user, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, cwd=server.folder)
    if check and done.returncode != 0:
        log = server.folder / "log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"{program} failed: {done.stderr.strip() or done.stdout.strip()}\n{detail}")
    return done.returncode
