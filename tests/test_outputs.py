"""The output folder: swapped in whole, and a swap cut short by a crash finished next time."""

from __future__ import annotations

from pakus.outputs import carry_over, previous_path, recover, staging_folder, swap_in


def test_swap_replaces_the_folder_whole_and_keeps_nothing_of_the_old(tmp_path):
    out = tmp_path / "processed"
    out.mkdir()
    (out / "events.csv").write_text("old", encoding="utf-8")
    (out / "gone.csv").write_text("old", encoding="utf-8")
    staging = staging_folder(out)
    (staging / "events.csv").write_text("new", encoding="utf-8")
    swap_in(staging, out)
    assert sorted(p.name for p in out.iterdir()) == ["events.csv"]
    assert (out / "events.csv").read_text(encoding="utf-8") == "new"
    assert not staging.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_files_the_build_does_not_write_are_carried_over(tmp_path):
    out = tmp_path / "processed"
    (out / ".cache").mkdir(parents=True)
    (out / ".cache" / "cache.db").write_text("db", encoding="utf-8")
    (out / "events_polecat.csv").write_text("mine", encoding="utf-8")
    (out / "events.csv").write_text("old", encoding="utf-8")
    staging = staging_folder(out)
    (staging / "events.csv").write_text("new", encoding="utf-8")
    carry_over(out, staging)
    swap_in(staging, out)
    assert (out / "events_polecat.csv").read_text(encoding="utf-8") == "mine"
    assert (out / ".cache" / "cache.db").read_text(encoding="utf-8") == "db"
    assert (out / "events.csv").read_text(encoding="utf-8") == "new"


def test_a_crash_between_the_two_renames_is_undone_by_the_next_build(tmp_path):
    out = tmp_path / "processed"
    prev = previous_path(out)
    prev.mkdir()  # the old output moved aside, the new one never moved in
    (prev / "events.csv").write_text("old", encoding="utf-8")
    stale = staging_folder(out)
    recover(out)
    assert (out / "events.csv").read_text(encoding="utf-8") == "old"
    assert not prev.exists() and not stale.exists()
