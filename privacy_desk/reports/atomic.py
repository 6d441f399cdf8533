"""Writing several files so that either all of them appear, complete, or none does.

Each file is written to a hidden temporary file in the target folder, flushed and fsynced,
and only when every one is safely on disk are they renamed into place with
:func:`os.replace` (atomic within one file system). Any failure — a full disk, a folder
that is not writable or does not exist — removes what was written and raises
:class:`ExportWriteFailed` with a message that says what to do. The files hold a person's
data: on POSIX they are the officer's alone (0600), whatever the umask.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from privacy_desk.errors import UserError
from privacy_desk.messages import msg

#: Owner read/write only: the mode of every extract, letter and audit export on POSIX.
PRIVATE_FILE_MODE = 0o600


def make_private(fd: int) -> None:
    """Restrict an open file to its owner (POSIX; Windows files inherit the folder's ACL)."""
    if os.name == "posix":
        os.fchmod(fd, PRIVATE_FILE_MODE)


class ExportWriteFailed(UserError):
    """The extract could not be written; nothing was left behind."""


@dataclass(frozen=True)
class WrittenFile:
    name: str
    path: Path
    size_bytes: int
    sha256: str


def explain_os_error(folder: Path, exc: OSError) -> ExportWriteFailed:
    """A message for the officer, naming the folder (never the person's data)."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return ExportWriteFailed(msg("The folder {folder} is full; the extract was not written.",
                                     folder=folder),
                                 msg("Free some space or choose another folder, then try again."))
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportWriteFailed(msg("The folder {folder} cannot be written to.", folder=folder),
                                 msg("Choose a folder you may write to, then try again."))
    if code in (errno.ENOENT, errno.ENOTDIR):
        return ExportWriteFailed(msg("The folder {folder} does not exist.", folder=folder),
                                 msg("Create it or choose another folder, then try again."))
    name = errno.errorcode.get(code or 0, "error")
    return ExportWriteFailed(msg("Writing to {folder} failed ({name}).", folder=folder, name=name),
                             msg("Check the folder and try again."))


@contextmanager
def staged_files(folder: Path, files: Sequence[tuple[str, bytes]]
                 ) -> Iterator[Callable[[], list[WrittenFile]]]:
    """Stage ``files`` in ``folder``; the context yields ``publish`` to rename them into place.

    Leaving the context without publishing (or on any error) removes every temporary file;
    an error after publishing started also removes the files already renamed. Existing
    files are never overwritten.
    """
    temps: list[tuple[str, Path, bytes]] = []
    published: list[Path] = []
    try:
        try:
            if not folder.is_dir():
                raise FileNotFoundError(errno.ENOENT, "not a folder", str(folder))
            for name, data in files:
                if (folder / name).exists():
                    raise ExportWriteFailed(msg("{value} exists already; it was left as it was.",
                                                value=folder / name),
                                            msg("Move it away or choose another folder."))
                fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
                temps.append((name, Path(tmp), data))
                make_private(fd)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
        except OSError as exc:
            raise explain_os_error(folder, exc) from exc

        def publish() -> list[WrittenFile]:
            out: list[WrittenFile] = []
            try:
                for name, tmp, data in temps:
                    target = folder / name
                    os.replace(tmp, target)
                    published.append(target)
                    out.append(WrittenFile(name, target, len(data),
                                           hashlib.sha256(data).hexdigest()))
                _fsync_dir(folder)
            except OSError as exc:
                raise explain_os_error(folder, exc) from exc
            return out

        yield publish
    except BaseException:
        for path in published:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    finally:
        for entry in temps:
            with contextlib.suppress(OSError):
                entry[1].unlink()


def _fsync_dir(folder: Path) -> None:
    """Make the renames durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
