"""A private CUPS daemon with one cups-pdf queue, for printing tests through a real print system.

The daemon runs from its own temporary folder (configuration, spool, logs) and listens only on a Unix socket
there, so it never meets the machine's own CUPS nor another test run; clients reach it with CUPS_SERVER set to
that socket. cups-pdf reads its settings from /etc/cups/cups-pdf-INSTANCE.conf for the device URI
cups-pdf:/INSTANCE (a path compiled into it): the queue gets a unique instance name and that one file, removed
afterwards. CUPS runs cups-pdf as root only when the daemon is root, so the queue needs root (as in CI);
`unavailable()` says why it cannot run here (missing Debian packages cups, cups-pdf, or not root).
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CUPSD = "/usr/sbin/cupsd"
LPADMIN = "lpadmin"
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CONFIG_DIR = Path("/etc/cups")


def unavailable() -> str | None:
    """Why a private queue cannot run here, or None."""
    missing = [str(p) for p in (Path(CUPSD), BACKEND, PPD) if not p.exists()]
    if shutil.which(LPADMIN) is None:
        missing.append(LPADMIN)
    if shutil.which("gs") is None:
        missing.append("gs (ghostscript)")
    if missing:
        return "CUPS or cups-pdf missing (bash .ci/setup --dev installs them): " + ", ".join(missing)
    if os.geteuid() != 0:
        return "a cups-pdf queue needs a CUPS daemon running as root"
    if not CONFIG_DIR.is_dir():
        return f"{CONFIG_DIR} missing"
    return None


class CupsQueue:
    """Start with `start()`, stop with `stop()`; `socket` for CUPS_SERVER, `name` of the queue, `out` where
    cups-pdf writes each job's PDF, `spool` where CUPS keeps the jobs as the program sent them."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="pipun-cups-", dir="/tmp"))
        self.name = f"pipun-test-{os.getpid()}-{secrets.token_hex(3)}"
        self.socket = self.root / "cups.sock"
        self.out = self.root / "out"
        self.spool = self.root / "spool"
        self.config = CONFIG_DIR / f"cups-pdf-{self.name}.conf"
        self.process: subprocess.Popen[bytes] | None = None

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["CUPS_SERVER"] = str(self.socket)
        return env

    def start(self) -> None:
        root = self.root
        os.chmod(root, 0o755)  # filters run as the lp user
        for sub in ("spool", "tmp", "cache", "state", "log", "out"):
            (root / sub).mkdir()
            os.chmod(root / sub, 0o1777 if sub in ("tmp", "out") else 0o755)
        (root / "ppd").mkdir()
        (root / "cupsd.conf").write_text(
            f"Listen {self.socket}\n"
            "Browsing No\nDefaultAuthType None\nWebInterface No\nLogLevel warn\n"
            "PreserveJobFiles Yes\nMaxJobs 0\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
            encoding="utf-8",
        )
        (root / "cups-files.conf").write_text(
            f"ServerRoot {root}\nRequestRoot {root}/spool\nTempDir {root}/tmp\nCacheDir {root}/cache\n"
            f"StateDir {root}/state\nErrorLog {root}/log/error_log\nAccessLog {root}/log/access_log\n"
            f"PageLog {root}/log/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
            "User lp\nGroup lp\nSystemGroup root\n",
            encoding="utf-8",
        )
        self.config.write_text(
            f"Out {self.out}\nAnonDirName {self.out}\nLog {root}/log\nGrp lp\n", encoding="utf-8"
        )
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
            stdout=subprocess.DEVNULL,
            stderr=open(root / "log" / "cupsd.out", "wb"),  # noqa: SIM115 - kept open for the daemon's life
        )
        deadline = time.monotonic() + 20
        while not self.socket.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"cupsd did not start: {self.log()}")
            time.sleep(0.1)
        subprocess.run(
            [
                LPADMIN,
                "-h",
                str(self.socket),
                "-p",
                self.name,
                "-E",
                "-v",
                f"cups-pdf:/{self.name}",
                "-P",
                str(PPD),
            ],
            check=True,
            capture_output=True,
            timeout=30,
        )

    def log(self) -> str:
        texts = []
        for path in sorted((self.root / "log").glob("*")):
            try:
                texts.append(f"== {path.name}\n{path.read_text(errors='replace')[-3000:]}")
            except OSError:
                pass
        return "\n".join(texts)

    def pending_jobs(self) -> str:
        """lpstat's list of the queue's jobs not yet completed (empty when every job is done)."""
        run = subprocess.run(
            ["lpstat", "-h", str(self.socket), "-o", self.name],
            capture_output=True,
            text=True,
            timeout=30,
        )
        return run.stdout.strip()

    def wait_for_pdf(self, timeout: float = 180) -> Path:
        """The PDF cups-pdf wrote for the one job sent, once CUPS says the job is done (cups-pdf returns only
        after Ghostscript has written the whole file)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            files = sorted(self.out.glob("*.pdf"))
            if files and not self.pending_jobs():
                return files[0]
            time.sleep(0.5)
        raise TimeoutError(f"no PDF from the queue in {timeout:.0f} s\n{self.log()}")

    def job_files(self) -> list[Path]:
        """The documents of the jobs as the program sent them (d00001-001, …)."""
        return sorted(self.spool.glob("d*"))

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.config.unlink(missing_ok=True)
        for stale in (Path("/var/log/cups") / f"cups-pdf-{self.name}_log",):
            stale.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)
