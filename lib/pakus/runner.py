"""Running extraction over many documents: in this process, in a pool of processes, or with
Dask (threads, processes, or a cluster given by its scheduler's address); each document
within a time budget.

Extraction is a pure function of a document, and results come back in the order the
documents went in, so the tables do not depend on how they were computed.

- **Time budget.** A document whose extraction takes longer than ``budget`` seconds (default
  ``DEFAULT_BUDGET_S``) is stopped, reported and skipped, instead of holding up the build. The
  budget is a ``SIGALRM`` timer, so it applies where extraction runs on a process's main thread:
  one process, ``--jobs N``, ``--scheduler processes``. Threads (``--scheduler threads``) and
  Dask cluster workers run without it.
- **No orphans.** Pool workers end with their parent: each asks the kernel for a signal when
  its parent dies (Linux ``prctl(PR_SET_PDEATHSIG)``) and also watches its parent's process id,
  so killing ``pakus build --jobs 2`` leaves no worker behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass

from pakus.corpus import Document
from pakus.errors import ParameterError
from pakus.extract import extract_document
from pakus.extract.mentions import Extraction

DEFAULT_BUDGET_S = 120.0
"""Seconds one document may take to extract before it is reported and skipped (``--budget``).
Ordinary news documents take well under a second; the pathological shapes of issue 17 took
minutes before extraction was bounded."""

SCHEDULERS = ("processes", "threads", "synchronous")
"""Dask's local schedulers; anything else given to ``--scheduler`` is a scheduler address."""


def is_address(value: str) -> bool:
    """Whether ``value`` is written as a Dask scheduler's address: ``protocol://host[:port]``
    or ``host:port`` (distributed's ``Client`` takes both; a bare word such as a misspelt
    ``proceses`` is neither, and would otherwise be looked up as a host until a timeout)."""
    if "://" in value:
        return bool(value.split("://", 1)[1])
    host, _, port = value.rpartition(":")
    return bool(host) and port.isdigit()


@dataclass(frozen=True)
class Failed:
    """A document extraction could not finish: over its time budget, or an error."""

    doc: str
    file: str
    message: str


class _OverBudget(Exception):
    pass


def _on_alarm(signum, frame):  # pragma: no cover - runs in a signal handler
    raise _OverBudget


def extract_within(document: Document, budget: float = DEFAULT_BUDGET_S) -> Extraction | Failed:
    """Extract ``document``; a Failed (never an exception) when it takes over ``budget``
    seconds (0: no limit; enforced only on a main thread) or extraction raises."""
    timed = budget > 0 and threading.current_thread() is threading.main_thread()
    previous = None
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        return extract_document(document)
    except _OverBudget:
        return Failed(
            document.id, document.file,
            f"extraction took over {budget:g} s (the per-document time budget, --budget); skipped",
        )  # fmt: skip
    except Exception as err:  # one bad document must not stop the build
        return Failed(document.id, document.file, f"extraction failed: {type(err).__name__}: {err}")
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _die_with_parent(parent: int) -> None:
    """Pool initializer: end this worker when ``parent`` ends (see the module docstring)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="pakus-parent-watch", daemon=True).start()


def worker_count(jobs: int) -> int:
    """The number of processes for ``jobs``: itself when positive, every core for 0."""
    if jobs < 0:
        raise ParameterError(f"jobs: {jobs} is not a number of processes (0 means every core)")
    return jobs or os.cpu_count() or 1


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that end with this one."""
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )


class Runner:
    """Maps ``extract_within`` over batches of documents, in order, the way it was asked to:
    ``jobs`` local processes (1: this process), or a Dask ``scheduler`` (``processes``,
    ``threads``, ``synchronous`` or a scheduler address such as ``tcp://host:8786``). Use as a
    context manager; the pool or cluster client lives until it closes."""

    def __init__(
        self, jobs: int | None = None, scheduler: str | None = None,
        budget: float = DEFAULT_BUDGET_S,
    ) -> None:  # fmt: skip
        if jobs is None:  # one process; a local Dask scheduler: every core
            jobs = 1 if scheduler is None else 0
        self.workers = worker_count(jobs)
        self.scheduler = scheduler
        self.budget = budget
        self._pool: ProcessPoolExecutor | None = None
        self._client = None
        self._waiter: ThreadPoolExecutor | None = None

    def __enter__(self) -> Runner:
        if (self.scheduler is None and self.workers > 1) or self.scheduler == "processes":
            self._pool = process_pool(self.workers)
        elif self.scheduler is not None and self.scheduler not in SCHEDULERS:
            if not is_address(self.scheduler):
                raise ParameterError(
                    f"scheduler: {self.scheduler!r} is neither a scheduler address "
                    f"(tcp://host:8786, host:8786) nor one of {', '.join(SCHEDULERS)}"
                )
            try:
                from distributed import Client

                self._client = Client(self.scheduler, timeout="10s", set_as_default=False)
            except (OSError, ValueError, TypeError) as err:
                raise ParameterError(
                    f"scheduler: cannot reach a Dask scheduler at {self.scheduler!r} ({err}); "
                    f"give its address (tcp://host:8786) or one of {', '.join(SCHEDULERS)}"
                ) from None
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if self._waiter is not None:  # its Dask computes end with the pool's futures
            self._waiter.shutdown(wait=True, cancel_futures=True)
        if self._client is not None:
            self._client.close()

    @property
    def forks(self) -> bool:
        """True when documents are extracted in local worker processes *forked* from this one
        (``--jobs N``, ``--scheduler processes``, where the platform forks): they start with
        what this process has loaded, so loading the parser and the compiled tables here,
        before the first batch is sent, loads them once instead of once per worker."""
        import multiprocessing

        return self._pool is not None and "fork" in multiprocessing.get_all_start_methods()

    @property
    def in_process(self) -> bool:
        """True when documents are extracted in this process (one process; Dask threads or
        its synchronous scheduler)."""
        return self._pool is None and self._client is None and self.scheduler != "processes"

    def map(self, documents: Sequence[Document]) -> list[Extraction | Failed]:
        """The extraction (or Failed) of each document, in the documents' order."""
        return self.submit(documents)()

    def submit(self, documents: Sequence[Document]) -> Callable[[], list[Extraction | Failed]]:
        """Start extracting ``documents`` and return at once a function that waits for and
        returns their extractions (or Failed), in order, as ``map`` does. Where workers
        extract (a process pool, a Dask local pool or cluster, Dask threads), they start now,
        so this process can write one batch's tables while the workers extract the next;
        in this process (one process, Dask's synchronous scheduler: under the time budget's
        main-thread timer) extraction runs when the function is called."""
        if not documents:
            return list
        fn: Callable = _Budgeted(self.budget)
        documents = list(documents)
        if self._client is not None:
            futures = self._client.map(fn, documents, pure=False)
            return lambda: self._client.gather(futures)
        if self.scheduler is not None:
            import dask.bag as db

            parts = min(len(documents), max(1, self.workers * 4))
            bag = db.from_sequence(documents, npartitions=parts).map(fn)
            if self.scheduler == "synchronous":
                return lambda: bag.compute(scheduler="synchronous")
            options = {"pool": self._pool} if self.scheduler == "processes" else {}
            future = self._background().submit(bag.compute, scheduler=self.scheduler, **options)
            return future.result
        if self._pool is None:
            return lambda: [fn(d) for d in documents]
        chunk = max(1, min(32, len(documents) // (self.workers * 8)))
        results = self._pool.map(fn, documents, chunksize=chunk)  # submitted now
        return lambda: list(results)

    def _background(self) -> ThreadPoolExecutor:
        """One thread that waits on Dask's local schedulers (their ``compute`` blocks)."""
        if self._waiter is None:
            self._waiter = ThreadPoolExecutor(1, thread_name_prefix="pakus-dask")
        return self._waiter


@dataclass(frozen=True)
class _Budgeted:
    """``extract_within`` with its budget bound (a picklable callable for pools and Dask)."""

    budget: float

    def __call__(self, document: Document) -> Extraction | Failed:
        return extract_within(document, self.budget)


def batches(items: Sequence, size: int) -> Iterator[Sequence]:
    """``items`` in consecutive slices of ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]
