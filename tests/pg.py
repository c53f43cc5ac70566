"""A throwaway PostgreSQL cluster on 127.0.0.1 for tests that need the real server.

Uses Debian's server binaries; as root the cluster runs as the ``postgres`` user. Tests that
use it are skipped (with the reason) when no server is installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def available() -> str | None:
    """None when a cluster can be started here, else why not."""
    if not (_bin("initdb") and _bin("pg_ctl")):
        return "PostgreSQL server binaries (initdb, pg_ctl) are not installed; `make test` installs them"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed"
    return None


@contextmanager
def cluster() -> Iterator[str]:
    """Start a cluster, yield its SQLAlchemy URL, stop and delete it afterwards."""
    root = Path(tempfile.mkdtemp(prefix="accords-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C"}
    subprocess.run([*prefix, _bin("initdb"), "-D", str(data), "-A", "trust", "-U", "accords", "--no-sync",
                    "-E", "UTF8"], check=True, capture_output=True, env=env)
    opts = f"-h 127.0.0.1 -p {port} -k {sock} -F"
    subprocess.run([*prefix, _bin("pg_ctl"), "-D", str(data), "-o", opts, "-l", str(root / "log"), "-w",
                    "start"], check=True, capture_output=True, env=env)
    try:
        url = f"postgresql+psycopg://accords@127.0.0.1:{port}/postgres"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield url
    finally:
        subprocess.run([*prefix, _bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env)
        shutil.rmtree(root, ignore_errors=True)
