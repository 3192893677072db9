"""An output folder written whole or not at all, by one build at a time.

``pakus build`` writes its tables into a staging folder beside ``--out`` (``.NAME.building-*``,
on the same file system) and swaps it in at the end: on Linux with one atomic
``renameat2(RENAME_EXCHANGE)``, elsewhere (or on a file system without it) with two renames,
the previous folder kept as ``.NAME.previous`` until the new one is in place and restored by
the next build if a crash fell between the two. A build killed at any moment leaves the
previous output whole. Files in the previous folder that the build does not write (``pakus
export``'s CSV, a README, the extraction cache) are hard-linked into the new one.

A lock (``.NAME.lock`` beside ``--out``, taken with the ``filelock`` library) keeps a second
build out of the same folder: it waits ``wait`` seconds (default: none) and then refuses with a
clear message, writing nothing.

For tests, ``PAKUS_BUILD_PAUSE=SECONDS`` makes a build sleep between writing its tables into
the staging folder and swapping it in, and ``PAKUS_BUILD_PAUSE_FILE=PATH`` makes it create PATH
when the pause begins (deleting it ends the pause): a controlled window in which to kill the
build or start a second one.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from pakus.errors import OutputError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def check_writable(out: Path) -> None:
    """Raise OutputError (one line) when ``out`` cannot become the output folder: it is a
    file, it is not writable, or its parent cannot hold a staging folder."""
    if out.exists() and not out.is_dir():
        raise OutputError(out, "is a file, not a folder; give a folder for the tables")
    parent = out.parent
    for folder in (parent, *parent.parents):
        if folder.exists():
            if not folder.is_dir():
                raise OutputError(out, f"{folder} is a file, so no folder can be made there")
            break
    if out.exists() and not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(out, "is not writable (read-only folder); the previous output is kept")
    if parent.exists() and not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(out, f"its folder {parent} is not writable; nothing was written")


@contextlib.contextmanager
def output_lock(out: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the lock of output folder ``out`` (``.NAME.lock`` beside it) for the block.
    OutputError when another build holds it for longer than ``wait`` seconds."""
    from filelock import FileLock, Timeout

    out.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out.parent / f".{out.name}.lock", timeout=wait)
    try:
        lock.acquire()
    except Timeout:
        raise OutputError(
            out,
            "another pakus build is writing this folder (lock "
            f"{out.parent / f'.{out.name}.lock'} held); wait for it to end and run again",
        ) from None
    try:
        yield
    finally:
        lock.release()


def previous_path(out: Path) -> Path:
    return out.parent / f".{out.name}.previous"


def recover(out: Path) -> None:
    """Finish a swap cut short by a crash (call with the lock held): restore ``.NAME.previous``
    when ``out`` is missing, drop it when ``out`` is there, and remove stale staging folders."""
    prev = previous_path(out)
    if prev.exists():
        if out.exists():
            shutil.rmtree(prev, ignore_errors=True)
        else:
            os.rename(prev, out)
    for stale in out.parent.glob(f".{out.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)


def staging_folder(out: Path) -> Path:
    """A new empty folder beside ``out`` to write the next output into."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))


def pause_for_tests() -> None:
    """Sleep ``PAKUS_BUILD_PAUSE`` seconds, if set; with ``PAKUS_BUILD_PAUSE_FILE``, create that
    file first and end the pause early when it is deleted (a test's way to release the build)."""
    seconds = float(os.environ.get("PAKUS_BUILD_PAUSE", "0") or 0)
    if seconds <= 0:
        return
    marker = os.environ.get("PAKUS_BUILD_PAUSE_FILE")
    if marker:
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    end = time.monotonic() + seconds
    while time.monotonic() < end and (marker is None or Path(marker).exists()):
        time.sleep(0.05)


def carry_over(old: Path, new: Path) -> None:
    """Hard-link (or copy, across devices) into ``new`` every entry of ``old`` that ``new``
    lacks, so files the build does not write survive the swap."""
    if not old.is_dir():
        return
    for entry in sorted(old.iterdir()):
        target = new / entry.name
        if target.exists() or target.is_symlink():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(src: str | Path, dst: str | Path) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(staging: Path, out: Path) -> None:
    """Make ``staging`` the folder ``out``; the previous ``out`` (if any) is removed."""
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous output
        return
    prev = previous_path(out)
    os.rename(out, prev)
    os.rename(staging, out)
    shutil.rmtree(prev, ignore_errors=True)
