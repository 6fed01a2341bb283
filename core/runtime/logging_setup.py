"""Logging to a rotating file in the logs folder, with secrets redacted.

The redacting filter runs on every record before any handler formats it, so
a secret registered with :func:`register_secret`, a password inside a
database URL or a token-shaped string never reaches a log file, whatever code
logged it. The redaction itself lives in :mod:`core.credentials.redaction`.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from core.credentials.redaction import redact, register_secret

LOG_FILE = "kohogate.log"

__all__ = ["RedactingFilter", "log_file", "redact", "register_secret", "setup_logging"]


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg = redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.exc_info = None if record.exc_text else record.exc_info
        return True


def log_file() -> Path | None:
    """The file KohoGate logs to in this process (for messages that point people to it)."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_kohogate", False) and isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def setup_logging(logs_dir: Path, *, level: int = logging.INFO) -> Path:
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kohogate", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    handler._kohogate = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
