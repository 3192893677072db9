"""The analyses behind the notebooks, on small constructed event tables."""

import numpy as np
import pandas as pd
import pytest

from pakus.analysis import aid, ct, cycles
from pakus.analysis.facts import check_period, dated_events, resolve_corpus
from pakus.dates import PartialDate
from pakus.errors import ParameterError
from pakus.extract.amounts import usd_text

COLUMNS = ["doc", "start", "end", "quote", "type", "trigger", "date", "precision", "actors",
           "programs", "countries", "source_actor", "target_actor", "source_country",
           "target_country", "intensity", "negated", "modality"]  # fmt: skip


def event(doc, date, type_, intensity, countries="USA;PAK", programs="", quote="q", start=0,
          actors="", source_country="", target_actor="", negated=False, modality="asserted"):  # fmt: skip
    precision = {4: "year", 7: "month", 10: "day"}[len(date)] if date else ""
    return dict(doc=doc, start=start, end=start + len(quote), quote=quote, type=type_, trigger=type_.lower(),
                date=date, precision=precision, actors=actors, programs=programs, countries=countries,
                source_actor="", target_actor=target_actor, source_country=source_country,
                target_country="", intensity=intensity, negated=negated, modality=modality)  # fmt: skip


def frame(*rows):
    return pd.DataFrame(list(rows), columns=COLUMNS)


def test_dated_events_keep_asserted_dated_ones_only():
    ev = frame(event("a", "2018-01", "SANCTION", -6), event("a", "", "AID", 10),
               event("a", "2019", "AID", 10, negated=True), event("a", "2019", "AID", 10, modality="future"))  # fmt: skip
    out = dated_events(ev)
    assert list(out["date"]) == ["2018-01"]
    assert out["first_day"].iloc[0] == pd.Timestamp("2018-01-01")
    assert out["last_day"].iloc[0] == pd.Timestamp("2018-01-31")


def test_dyad_needs_both_sides():
    ev = frame(
        event("a", "2018", "SANCTION", -6), event("a", "2018", "ASSAULT", -9, countries="USA;AFG")
    )
    assert list(cycles.dyad_events(ev)["type"]) == ["SANCTION"]


def test_period_index_leaves_out_coarse_dates_and_thin_periods():
    ev = cycles.dyad_events(frame(
        event("a", "2018-01", "SANCTION", -6), event("b", "2018-02", "SANCTION", -6),
        event("a", "2019-12", "COOPERATE", 9.5), event("a", "2019", "CONSULT", 2.5),
    ))  # fmt: skip
    table, used = cycles.period_index(
        ev, "quarter", PartialDate(2018), PartialDate(2019), min_sources=2
    )
    assert len(table) == 8  # 2018Q1 … 2019Q4
    q1 = table.iloc[0]
    assert (q1["events"], q1["documents"], q1["index"]) == (2, 2, -6.0)
    q8 = table.iloc[7]
    assert (q8["events"], q8["documents"]) == (1, 1) and pd.isna(q8["index"])  # one source only
    assert len(cycles.coarse_events(ev, "quarter")) == 1  # the year-precise CONSULT
    assert len(used) == 3


def test_period_index_counts_a_reprint_with_its_original_once():
    ev = cycles.dyad_events(
        frame(event("a", "2018-01", "SANCTION", -6), event("b", "2018-02", "SANCTION", -6))
    )
    table, _ = cycles.period_index(ev, "quarter", min_sources=2, sources={"b": "a"})
    q1 = table.iloc[0]
    assert (q1["events"], q1["documents"]) == (2, 1) and pd.isna(q1["index"])  # one source, twice


def test_phases_are_runs_of_the_smoothed_sign():
    ev = cycles.dyad_events(frame(
        event("a", "2016", "SANCTION", -6), event("a", "2017", "SANCTION", -6),
        event("a", "2018", "AID", 10), event("a", "2019", "AID", 10),
    ))  # fmt: skip
    table, used = cycles.period_index(ev, "year")
    raw = cycles.phases(table, used, window=1)
    assert list(zip(raw["phase"], raw["start"], raw["end"], strict=True)) == [
        ("estrangement", "2016", "2017"),
        ("convergence", "2018", "2019"),
    ]
    smooth = cycles.phases(table, used, window=3)  # 2018: smoothed mean(-6, -6, 10) < 0, own +10
    assert list(zip(smooth["phase"], smooth["start"], smooth["end"], strict=True)) == [
        ("estrangement", "2016", "2017"),
        ("turning", "2018", "2018"),  # the contrary year is shown, not hidden in estrangement
        ("convergence", "2019", "2019"),
    ]


def test_rule_phase_mean_has_the_phase_sign():
    ev = cycles.dyad_events(frame(
        event("a", "2016", "SANCTION", -6), event("a", "2017", "AID", 3.6),
        event("a", "2018", "SANCTION", -6), event("a", "2019", "SANCTION", -6),
    ))  # fmt: skip
    table, used = cycles.period_index(ev, "year")
    ph = cycles.phases(table, used, window=3)
    for p in ph.itertuples():
        if p.phase == "estrangement":
            assert p.mean_intensity < 0
        if p.phase == "convergence":
            assert p.mean_intensity > 0
    assert "2017" not in set(ph.loc[ph["phase"] == "estrangement", "start"])


def test_rule_a_gap_ends_a_phase_and_breaks_the_line():
    ev = cycles.dyad_events(
        frame(event("a", "2016", "SANCTION", -6), event("a", "2018", "SANCTION", -6))
    )
    table, used = cycles.period_index(ev, "year")
    assert pd.isna(table.set_index(table["period"].astype(str)).loc["2017", "index"])
    ph = cycles.phases(table, used, window=2)
    assert list(zip(ph["start"], ph["end"], strict=True)) == [("2016", "2016"), ("2018", "2018")]


def test_rule_minimum_events_per_period():
    ev = cycles.dyad_events(frame(
        event("a", "2016", "SANCTION", -6), event("b", "2016", "SANCTION", -4),
        event("a", "2017", "AID", 10),
    ))  # fmt: skip
    table, _ = cycles.period_index(ev, "year", min_events=2)
    by = table.set_index(table["period"].astype(str))
    assert by.loc["2016", "index"] == -5.0 and pd.isna(by.loc["2017", "index"])
    assert by.loc["2017", "events"] == 1  # still counted beside the index


def test_bootstrap_interval_is_seeded_and_brackets_the_mean():
    values = np.array([-6.0, 2.5, 10.0, 9.5])
    low, high = cycles.bootstrap_interval(values)
    assert (low, high) == cycles.bootstrap_interval(values)
    assert low < values.mean() < high
    assert cycles.bootstrap_interval(np.array([4.0])) == (4.0, 4.0)


def test_rule_coalition_members_count_for_their_side():
    nato = event("a", "2011-11-26", "ASSAULT", -9, countries="PAK", actors="NATO;PAK")
    nato["source_actor"] = "NATO"
    ev = frame(nato)
    assert cycles.dyad_events(ev).empty
    both = cycles.dyad_events(ev, ("USA", "PAK"), {"USA": frozenset({"NATO"})})
    assert list(both["source_country"]) == ["USA"]


def test_cycle_parameters_are_checked():
    with pytest.raises(ParameterError, match="window: 0 must be a whole number"):
        cycles.check_parameters("data/raw", "2018", "2020", "year", 0, "USA,PAK", 1)
    with pytest.raises(ParameterError, match="dyad: 'USA' must name two different states"):
        cycles.check_parameters("data/raw", "2018", "2020", "year", 1, "USA", 1)
    with pytest.raises(ParameterError, match="dyad: unknown value"):
        cycles.check_parameters("data/raw", "2018", "2020", "year", 1, "USA,XXX", 1)
    with pytest.raises(ParameterError, match="start: '2018-13'"):
        check_period("2018-13", None)


def test_suspension_intervals_per_source():
    ev = frame(
        event("a", "2018-01", "SANCTION", -6, programs="PROG.IMET"),
        event("a", "2019-12", "COOPERATE", 9.5, programs="PROG.IMET"),
        event("b", "2018-08", "SANCTION", -6, programs="PROG.IMET"),
        event("b", "2020-01-04", "COOPERATE", 9.5, programs="PROG.IMET"),
        event("c", "2018", "SANCTION", -6, quote="suspend military aid"),
    )
    a = aid.aid_events(ev, ["PROG.IMET", aid.UNSPECIFIED])
    assert set(a["programme"]) == {"PROG.IMET", aid.UNSPECIFIED}
    iv = aid.suspension_intervals(a).set_index("doc")
    assert iv.loc["a", "days"] == (pd.Timestamp("2019-12-01") - pd.Timestamp("2018-01-01")).days
    assert iv.loc["a", "precision"] == "month"
    assert iv.loc["b", "resumed"] == "2020-01-04" and iv.loc["b", "precision"] == "month"
    assert "c" not in iv.index  # never resumed in that source


def test_programme_told_just_before():
    ents = pd.DataFrame([{"doc": "a", "start": 0, "end": 4, "id": "PROG.IMET", "type": "program"}])
    ev = frame(
        event("a", "2018-01", "SANCTION", -6, quote="The programme was suspended", start=100)
    )
    a = aid.aid_events(ev, ["PROG.IMET"], entities=ents)
    assert list(a["programme"]) == ["PROG.IMET"]


def test_aid_parameters_and_money_text():
    assert aid.check_parameters("data/raw", ["IMET", "F-16"], None, None).programmes == [
        "PROG.IMET",
        "PROG.F16",
    ]
    with pytest.raises(ParameterError, match="programmes: unknown value"):
        aid.check_parameters("data/raw", ["IMTE"], None, None)
    assert usd_text(450e6) == "$450 million"
    assert usd_text(1.5e9) == "$1.5 billion"


def test_convergence_scores():
    ev = frame(
        event("a", "2019", "SANCTION", -6, actors="USA;TTP", source_country="USA", countries="USA;TTP"),
        event("b", "2019", "ASSAULT", -9, actors="PAK;TTP", source_country="PAK", countries="PAK;TTP"),
        event("a", "2020", "SANCTION", -6, actors="USA;LET", source_country="USA", countries="USA;LET"),
        event("b", "2020", "SUPPORT", 5, actors="PAK;LET", source_country="PAK", countries="PAK;LET",
              target_actor="LET"),
        event("c", "2021", "ASSAULT", -9, actors="TTP;PAK", source_country="TTP", countries="TTP;PAK"),
    )  # fmt: skip
    st = ct.stances(ev, pd.DataFrame(), ["TTP", "LET"])
    assert len(st) == 4  # the TTP's own attack is not a stance of either side
    conv = ct.convergence(st).set_index(["group", "period"])["score"]
    assert conv[("TTP", "2019")] == 1.0
    assert conv[("LET", "2020")] == -1.0


def test_corpus_parameter_must_be_a_folder():
    assert resolve_corpus("data/raw").name == "raw"
    with pytest.raises(ParameterError, match="corpus: 'nowhere' is not a folder"):
        resolve_corpus("nowhere")


def test_undated_stances_are_listed_but_not_scored_and_verbal_ones_need_the_group_as_target():
    ev = frame(
        event("a", "", "COERCE", -7, actors="PAK;LET", source_country="PAK", countries="PAK;LET"),
        event("b", "2023", "REJECT", -2, actors="USA;PAK;TTP", source_country="USA", countries="USA;PAK;TTP",
              target_actor="PAK"),
        event("c", "2023", "REJECT", -2, actors="PAK;TALIBAN", source_country="PAK", countries="PAK;TALIBAN",
              target_actor="TALIBAN"),
    )  # fmt: skip
    st = ct.stances(ev, pd.DataFrame(), ["LET", "TTP", "TALIBAN"])
    assert list(zip(st["group"], st["dated"], strict=True)) == [("LET", False), ("TALIBAN", True)]
    assert list(ct.convergence(st)["group"]) == ["TALIBAN"]


def test_aid_findings_leave_flagged_amounts_out_of_the_headline():
    ev = frame(event("a", "2022-09", "AID", 10, programs="PROG.F16"))
    a = aid.aid_events(ev, ["PROG.F16"])
    amounts = pd.DataFrame({
        "doc": ["a", "b"], "start": [0, 5], "end": [3, 20], "usd": [450e6, 200e9],
        "category": ["military", "humanitarian"], "quote": ["$450 million", "more than $200 billion"],
    })  # fmt: skip
    flags = pd.DataFrame(
        {"doc": ["b"], "start": [5], "end": [20], "rule": ["aid-amount-exceeds-all-aid"]}
    )
    marked = aid.mark_flags(amounts, flags)
    text = aid.findings(a, aid.suspension_intervals(a), marked)
    assert "not flagged as implausible is **$450 million**" in text
    assert "`aid-amount-exceeds-all-aid`" in text and "**$200 billion**" not in text


def test_notebooks_read_the_built_tables_and_rebuild_only_when_stale(
    corpus_copy, tmp_path, monkeypatch
):
    from pakus.analysis import facts as facts_module
    from pakus.build import corpus_tables

    out = tmp_path / "built"
    builds = []
    real = facts_module.build
    monkeypatch.setattr(facts_module, "build", lambda *a, **k: builds.append(a) or real(*a, **k))
    loaded = facts_module.load_facts(corpus_copy, out=out)
    assert len(builds) == 1 and (out / "events.parquet").exists()
    _, in_memory = corpus_tables(corpus_copy)
    for name in facts_module.TABLES:  # what a notebook reads is what extraction gives
        pd.testing.assert_frame_equal(getattr(loaded, name), in_memory[name])
    facts_module._load.cache_clear()
    facts_module.load_facts(corpus_copy, out=out)
    assert len(builds) == 1  # fresh: read, not rebuilt
    doc = corpus_copy / "003_050d6b8304c1845d.txt"
    doc.write_text(
        doc.read_text(encoding="utf-8") + "\nThe US and Pakistan met.\n", encoding="utf-8"
    )
    facts_module.load_facts(corpus_copy, out=out)
    assert len(builds) == 2  # stale: rebuilt


def _plain_aid_events(events, programmes, entities):
    """aid_events' rule written as a scan of the whole entities table for every event (the
    quadratic form the index replaced), to check the index changes no result."""
    from pakus.reconcile import programme_told_before

    ev = dated_events(events)
    ev = ev[ev["type"].isin(aid.AID_TYPES)]
    rows = []
    for r in ev.itertuples(index=False):
        named = [p for p in aid.split(r.programs) if p.startswith("PROG.")]
        if not named and aid._SECURITY_AID.search(r.quote):
            named = [aid.UNSPECIFIED]
        if not named and aid._PROGRAMME_WORD.search(r.quote):
            named = programme_told_before(entities, r.doc, r.start)
        rows += [(r.doc, r.start, p) for p in named if p in programmes]
    return sorted(rows)


def _plain_amount_dates(amounts, events):
    """The date of the first dated event (in table order) whose clause holds each amount,
    found by scanning every event: the rule aid_amounts indexes by document."""
    dated = dated_events(events)
    out = []
    for r in amounts.itertuples():
        holder = dated[
            (dated["doc"] == r.doc) & (dated["start"] <= r.start) & (dated["end"] >= r.end)
        ]
        out.append(holder.iloc[0]["date"] if not holder.empty else "")
    return out


def test_aid_lookups_by_index_give_what_a_scan_of_every_row_gives():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    progs = ["PROG.IMET", "PROG.FMF", "PROG.CSF"]
    quotes = ["the programme was suspended", "training resumed", "military aid was cut", "talks"]

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(st.tuples(st.sampled_from("ab"), st.integers(0, 2000), st.integers(2, 40),
                           st.sampled_from(progs)), max_size=15),
        st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 2500),
                           st.sampled_from(["AID", "SANCTION", "COOPERATE", "CONSULT"]),
                           st.sampled_from(quotes), st.sampled_from(["", "PROG.FMF"]),
                           st.sampled_from(["2018", "2019-03", "2020-01-02"])), max_size=15),
        st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 2500), st.integers(1, 12)),
                 max_size=10),
    )  # fmt: skip
    def check(spans, evs, amts):
        entities = pd.DataFrame(
            [{"doc": d, "start": s, "end": s + n, "id": p, "type": "program"} for d, s, n, p in spans],
            columns=["doc", "start", "end", "id", "type"],
        )  # fmt: skip
        events = frame(*[event(d, date, t, 1, programs=p, quote=q, start=s)
                         for d, s, t, q, p, date in evs])  # fmt: skip
        got = aid.aid_events(events, [*progs, aid.UNSPECIFIED], entities=entities)
        assert sorted(zip(got["doc"], got["start"], got["programme"], strict=True)) == (
            _plain_aid_events(events, [*progs, aid.UNSPECIFIED], entities)
        )
        amounts = pd.DataFrame(
            [{"doc": d, "start": s, "end": s + n, "usd": 1e6, "category": "military",
              "program": "", "fiscal_year": None, "quote": "x" * n} for d, s, n in amts],
            columns=["doc", "start", "end", "usd", "category", "program", "fiscal_year", "quote"],
        )  # fmt: skip
        documents = pd.DataFrame({"doc": ["a", "b", "c"], "published": ["2021"] * 3})
        got = aid.aid_amounts(amounts, events, documents, [aid.UNSPECIFIED])
        want = amounts.assign(date=_plain_amount_dates(amounts, events))
        assert sorted(
            zip(got["doc"], got["start"], got["end"], got["date"], strict=True)
        ) == sorted(zip(want["doc"], want["start"], want["end"], want["date"], strict=True))

    check()
