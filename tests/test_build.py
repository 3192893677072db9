"""``pakus build`` as bad luck finds it: killed mid-write, run twice at once, an output folder it
cannot write, a slow document, its workers orphaned; and incremental and Dask builds writing
the same bytes as a full build in one process. The kill and concurrency cases use a controlled
pause (``PAKUS_BUILD_PAUSE``, between staging the tables and swapping them in), not a race."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pakus import build as build_module
from pakus import runner
from pakus.build import build

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
OTHER = ROOT / "tests" / "documents"


def tables(out: Path) -> dict[str, bytes]:
    """Every file the build writes, by name (the cache folder aside)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def start_build(*args: str, pause: float = 0, marker: Path | None = None, **kw) -> subprocess.Popen:
    env = dict(os.environ)
    if pause:
        env["PAKUS_BUILD_PAUSE"] = str(pause)
        env["PAKUS_BUILD_PAUSE_FILE"] = str(marker)
    return subprocess.Popen(
        [sys.executable, "-m", "pakus.cli", "build", "--quiet", *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, **kw,
    )  # fmt: skip


def wait_for(path: Path, proc: subprocess.Popen, seconds: float = 240) -> None:
    end = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < end, "the build never reached its pause"
        time.sleep(0.1)


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "processed"
    build(RAW, out, progress=False, cache=False)
    return out


def test_a_build_killed_before_its_swap_leaves_the_previous_output_whole(seed_build, tmp_path):
    out = tmp_path / "processed"
    shutil.copytree(seed_build, out)
    before = tables(out)
    marker = tmp_path / "paused"
    proc = start_build(
        "--corpus", str(OTHER), "--out", str(out), "--no-cache", pause=60, marker=marker
    )
    wait_for(marker, proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert tables(out) == before
    # the next build cleans the staging folder the killed one left, and writes the new tables
    assert list(tmp_path.glob(".processed.building-*"))
    build(OTHER, out, progress=False, cache=False)
    assert not list(tmp_path.glob(".processed.building-*"))
    docs = pd.read_csv(out / "documents.csv")["doc"]
    assert set(docs) == {p.stem for p in OTHER.glob("*.txt")}


def test_a_second_build_into_the_same_folder_refuses_and_the_first_completes(tmp_path):
    out = tmp_path / "processed"
    marker = tmp_path / "paused"
    first = start_build(
        "--corpus", str(RAW), "--out", str(out), "--no-cache", pause=120, marker=marker
    )
    wait_for(marker, first)
    second = start_build("--corpus", str(OTHER), "--out", str(out), "--no-cache")
    _, err = second.communicate(timeout=240)
    assert second.returncode == 1
    assert err.count("\n") == 1 and "another pakus build is writing this folder" in err
    marker.unlink()  # release the first build
    _, first_err = first.communicate(timeout=240)
    assert first.returncode == 0, first_err
    docs = pd.read_csv(out / "documents.csv")["doc"]
    assert set(docs) == {p.stem for p in RAW.glob("*.txt")}
    for name in ("events", "facts", "entities"):  # every table whole and from the one corpus
        assert set(pd.read_parquet(out / f"{name}.parquet").get("doc", docs)) <= set(docs)


def test_an_output_that_is_a_file_is_a_one_line_error_and_stays_as_it_was(tmp_path):
    out = tmp_path / "processed"
    out.write_text("mine", encoding="utf-8")
    run = start_build("--out", str(out))
    _, err = run.communicate(timeout=240)
    assert run.returncode == 1
    assert err.strip().count("\n") == 0 and "is a file, not a folder" in err and str(out) in err
    assert out.read_text(encoding="utf-8") == "mine"


def test_a_read_only_output_is_a_one_line_error_and_stays_whole(seed_build, tmp_path):
    if os.geteuid() == 0:  # root writes anywhere: run the build as an unprivileged user
        user = 65534
        base = Path(os.environ.get("TMPDIR", "/tmp")) / f"pakus-ro-{os.getpid()}"
        base.mkdir(mode=0o777, exist_ok=True)
        base.chmod(0o777)
    else:
        user, base = None, tmp_path
    out = base / "processed"
    try:
        shutil.copytree(seed_build, out, dirs_exist_ok=True)
        before = tables(out)
        out.chmod(0o555)
        run = start_build("--out", str(out), "--no-cache", user=user)
        _, err = run.communicate(timeout=240)
        if user is not None and "Permission denied" in err and "not writable" not in err:
            pytest.skip(f"the unprivileged user cannot run pakus here: {err.strip()}")
        assert run.returncode == 1
        assert err.strip().count("\n") == 0 and "not writable" in err, err
        assert tables(out) == before
    finally:
        out.chmod(0o755)
        if user is not None:
            shutil.rmtree(base, ignore_errors=True)


def test_a_table_file_that_cannot_be_written_is_replaced_with_the_whole_folder(
    seed_build, tmp_path
):
    out = tmp_path / "processed"
    shutil.copytree(seed_build, out)
    (out / "facts.csv").unlink()
    (out / "facts.csv").mkdir()  # not writable as a file, even by root
    (out / "events.csv").chmod(0o444)
    (out / "events_polecat.csv").write_text("kept", encoding="utf-8")  # not the build's
    result = build(RAW, out, progress=False, cache=False)
    assert (out / "facts.csv").is_file()
    assert tables(out) == {**tables(seed_build), "events_polecat.csv": b"kept"}
    assert result.rows["documents"] == 5


def test_killing_a_build_with_two_workers_leaves_no_worker_running(tmp_path):
    marker = tmp_path / "paused"
    proc = start_build(
        "--jobs", "2", "--no-cache", "--out", str(tmp_path / "p"), pause=60, marker=marker
    )
    wait_for(marker, proc)
    workers = children(proc.pid)
    assert len(workers) >= 1  # the pool is still up during the pause
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    end = time.monotonic() + 20
    while any(alive(w) for w in workers) and time.monotonic() < end:
        time.sleep(0.2)
    assert not [w for w in workers if alive(w)]


def test_a_document_over_its_time_budget_is_reported_and_skipped(tmp_path, monkeypatch):
    slow = "002_c9f9e16b6cf80bfd"
    real = runner.extract_document

    def extract(document):
        if document.id == slow:
            time.sleep(30)
        return real(document)

    monkeypatch.setattr(runner, "extract_document", extract)
    started = time.monotonic()
    result = build(RAW, tmp_path / "p", progress=False, cache=False, budget=1)
    assert time.monotonic() - started < 25
    assert [f.doc for f in result.failed] == [slow]
    problems = pd.read_csv(tmp_path / "p" / "problems.csv")
    row = problems[problems["path"].str.endswith(f"{slow}.txt")].iloc[0]
    assert "over 1 s (the per-document time budget" in row["message"] and row["skipped"]
    assert slow not in set(pd.read_csv(tmp_path / "p" / "documents.csv")["doc"])
    assert result.rows["documents"] == 4


def test_a_document_whose_extraction_raises_is_reported_and_the_rest_build(tmp_path, monkeypatch):
    real = runner.extract_document

    def extract(document):
        if document.id == "000_77a1b7f1c87fe9cc":
            raise RecursionError("too deep")
        return real(document)

    monkeypatch.setattr(runner, "extract_document", extract)
    result = build(RAW, tmp_path / "p", progress=False, cache=False)
    assert [f.message for f in result.failed] == ["extraction failed: RecursionError: too deep"]
    assert result.rows["documents"] == 4


def test_an_incremental_build_extracts_only_changed_documents_and_writes_the_same_bytes(
    seed_build, tmp_path, monkeypatch
):
    corpus = tmp_path / "raw"
    shutil.copytree(RAW, corpus)
    out = tmp_path / "p"
    first = build(corpus, out, progress=False)
    assert (first.cache_hits, first.cache_misses) == (0, 5)
    assert tables(out) == tables(seed_build)
    again = build(corpus, out, progress=False)
    assert (again.cache_hits, again.cache_misses) == (5, 0)
    assert tables(out) == tables(seed_build)
    doc = corpus / "003_050d6b8304c1845d.txt"
    doc.write_text(
        doc.read_text(encoding="utf-8") + "\nPakistan and the US met again.\n", encoding="utf-8"
    )
    changed = build(corpus, out, progress=False)
    assert (changed.cache_hits, changed.cache_misses) == (4, 1)
    full = build(corpus, tmp_path / "full", progress=False, cache=False)
    assert (full.cache_hits, full.cache_misses) == (0, 0)
    assert tables(out) == tables(tmp_path / "full")


def test_dask_processes_write_the_same_bytes_as_one_process(seed_build, tmp_path, monkeypatch):
    # rule (build._preload): forked workers start with the parser and the compiled tables
    # loaded once, in the build's own process, before the first batch is sent to them
    import pakus.build as building

    preloads = []
    real = building._preload
    monkeypatch.setattr(building, "_preload", lambda cache: preloads.append(1) or real(cache))
    out = tmp_path / "dask"
    build(RAW, out, progress=False, cache=False, scheduler="processes", jobs=2)
    assert tables(out) == tables(seed_build)
    assert preloads == [1]  # one batch (5 documents) to extract: loaded once, here
    build(RAW, tmp_path / "threads", progress=False, cache=False, scheduler="threads", jobs=2)
    assert preloads == [1]  # threads share this process: loaded as they extract


def test_workers_extracting_ahead_and_sharing_parses_write_one_process_bytes(tmp_path, monkeypatch):
    # rules (build.LOOKAHEAD_BATCHES, parse.share_parses): with several batches, this process
    # writes each batch while the workers extract the next ones, and a sentence told in
    # documents that went to different workers is parsed once; the bytes are one process's
    monkeypatch.setattr(build_module, "BATCH_DOCUMENTS", 1)  # a batch a document or so
    corpus = tmp_path / "corpus"
    shutil.copytree(RAW, corpus)
    index = pd.read_csv(corpus / "corpus.csv", dtype=str, keep_default_na=False)
    first = index.iloc[0].copy()
    copy = f"{first['id']}_copy"  # a second document telling the first's sentences
    shutil.copy(corpus / first["file"], corpus / f"{copy}.txt")
    first["id"], first["file"] = copy, f"{copy}.txt"
    index = pd.concat([index, first.to_frame().T], ignore_index=True)
    index.to_csv(corpus / "corpus.csv", index=False, lineterminator="\n")
    one = build(corpus, tmp_path / "one", progress=False, cache=False)
    assert one.rows["documents"] == 6
    build(corpus, tmp_path / "pool", progress=False, cache=False, jobs=2)
    build(corpus, tmp_path / "dask", progress=False, cache=False, scheduler="processes", jobs=2)
    assert tables(tmp_path / "pool") == tables(tmp_path / "one")
    assert tables(tmp_path / "dask") == tables(tmp_path / "one")


def test_a_dask_cluster_by_its_address_writes_the_same_bytes(seed_build, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        out = tmp_path / "cluster"
        build(RAW, out, progress=False, cache=False, scheduler=cluster.scheduler_address)
    assert tables(out) == tables(seed_build)


def test_a_scheduler_that_cannot_be_reached_is_a_one_line_error(tmp_path):
    run = start_build("--scheduler", "tcp://127.0.0.1:9", "--out", str(tmp_path / "p"))
    _, err = run.communicate(timeout=240)
    assert run.returncode == 1
    assert err.strip().count("\n") == 0 and "cannot reach a Dask scheduler" in err
    assert not (tmp_path / "p" / "events.csv").exists()


def test_a_scheduler_that_is_no_name_and_no_address_is_refused_at_once(tmp_path):
    from pakus.errors import ParameterError
    from pakus.runner import Runner, is_address

    assert is_address("tcp://10.0.0.5:8786") and is_address("host:8786")
    assert not is_address("proceses") and not is_address("tcp://") and not is_address("host:")
    with (
        pytest.raises(ParameterError, match="'proceses' is neither a scheduler address"),
        Runner(scheduler="proceses"),
    ):
        pass


def test_batches_are_written_in_document_order(monkeypatch, seed_build, tmp_path):
    monkeypatch.setattr(build_module, "BATCH_DOCUMENTS", 2)  # several batches for five documents
    out = tmp_path / "small_batches"
    build(RAW, out, progress=False, cache=False)
    for name in ("entities", "events", "facts"):
        assert (out / f"{name}.csv").read_bytes() == (seed_build / f"{name}.csv").read_bytes()
        pd.testing.assert_frame_equal(
            pd.read_parquet(out / f"{name}.parquet"),
            pd.read_parquet(seed_build / f"{name}.parquet"),
        )


def test_mention_rows_are_the_extractions_records():
    from pakus.build import MENTION_TABLES, mention_rows
    from pakus.corpus import load_corpus
    from pakus.extract import extract_document

    x = [extract_document(d) for d in load_corpus(RAW).documents[:2]]
    for kind in MENTION_TABLES.values():
        expected = []
        for e in x:
            for row in e.records(kind):
                row.pop("kind")
                expected.append(
                    {k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()}
                )
        assert mention_rows(x, kind) == expected


def test_the_build_records_the_parser_without_loading_spacy_when_every_document_is_cached(
    tmp_path,
):
    import json

    from pakus.extract.parse import parser_info

    out = tmp_path / "p"
    build(RAW, out, progress=False)  # fills the extraction cache
    code = (
        "import sys\n"
        "from pakus.build import build\n"
        f"r = build({str(RAW)!r}, {str(out)!r}, progress=False)\n"
        "print(r.cache_misses, 'spacy' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["0", "False"]  # nothing to parse: spaCy never imported
    recorded = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["pakus"]
    assert recorded["parser"] == parser_info()
    assert recorded["parser"]["name"].startswith("en_core_web_sm")


def test_batch_boundaries_depend_on_ids_so_a_new_document_changes_only_its_own_batch(
    monkeypatch,
):
    from pakus.build import document_batches
    from pakus.corpus import Document

    monkeypatch.setattr(build_module, "BATCH_DOCUMENTS", 8)
    docs = [Document(f"d{i:04d}", "") for i in range(0, 400, 2)]
    before = [tuple(d.id for d in b) for b in document_batches(docs)]
    assert len(before) > 5 and max(len(b) for b in before) <= 32
    new = Document("d0201", "")  # falls between d0200 and d0202
    after = [
        tuple(d.id for d in b) for b in document_batches(sorted([*docs, new], key=lambda d: d.id))
    ]
    changed = [b for b in after if b not in before]
    assert len(changed) == 1 and "d0201" in changed[0]
    assert len([b for b in before if b not in after]) == 1


def test_an_unchanged_batch_is_reused_whole_and_the_changed_one_reread(tmp_path, monkeypatch):
    from pakus.build import document_batches
    from pakus.cache import ExtractionCache
    from pakus.corpus import load_corpus

    monkeypatch.setattr(build_module, "BATCH_DOCUMENTS", 2)
    corpus = tmp_path / "raw"
    shutil.copytree(RAW, corpus)
    out = tmp_path / "p"
    build(corpus, out, progress=False)
    batches = list(document_batches(load_corpus(corpus).documents))
    assert len(batches) >= 2
    last = batches[-1]
    doc = corpus / last[0].file
    doc.write_text(doc.read_text(encoding="utf-8") + "\nPakistan and the US met.\n", "utf-8")
    looked_up = []
    get = ExtractionCache.get
    monkeypatch.setattr(
        ExtractionCache, "get", lambda self, d: looked_up.append(d.id) or get(self, d)
    )
    again = build(corpus, out, progress=False)
    assert sorted(looked_up) == sorted(d.id for d in last)  # the other batches: whole
    assert (again.cache_hits, again.cache_misses) == (4, 1)
    build(corpus, tmp_path / "full", progress=False, cache=False)
    assert tables(out) == tables(tmp_path / "full")


def test_reconciliation_reads_programme_mentions_and_each_state_once_with_the_same_result(
    seed_build,
):
    # rule (build.reconciled_entities): of the states' mentions reconcile reads only which ids
    # are states, so one row per state id gives the same facts as every mention
    from pakus.build import reconciled_entities
    from pakus.reconcile import reconcile

    path = seed_build / "entities.parquet"
    every = pd.read_parquet(path, columns=["doc", "start", "end", "id", "type"],
                            filters=[("type", "in", ["program", "state"])])  # fmt: skip
    read = reconciled_entities(path)
    programmes = every[every["type"] == "program"].reset_index(drop=True)
    assert read[read["type"] == "program"].reset_index(drop=True).equals(programmes)
    states = read[read["type"] == "state"]
    assert list(states["id"]) == sorted(set(every.loc[every["type"] == "state", "id"]))
    assert len(read) < len(every)
    events = pd.read_parquet(seed_build / "events.parquet")
    amounts = pd.read_parquet(seed_build / "amounts.parquet")
    documents = pd.read_parquet(seed_build / "documents.parquet")
    assert reconcile(events, amounts, read, documents) == reconcile(
        events, amounts, every, documents
    )
