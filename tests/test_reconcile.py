"""Reconciliation: one fact per happening, conflicts and plausibility flags — from texts."""

import json
import subprocess
import sys
from pathlib import Path

import frictionless
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pakus.build import fact_tables
from pakus.corpus import Corpus, Document
from pakus.dates import PartialDate
from pakus.extract import extract_document
from pakus.reconcile import (
    AID_FAMILY,
    WINDOW_DAYS,
    Group,
    ProgrammeIndex,
    dated_events,
    group_events,
    independent_sources,
    programme_told_before,
    same_happening,
    split,
)

ROOT = Path(__file__).resolve().parents[1]


def tables(
    *docs: tuple[str, str, str], reprints: dict[str, str] | None = None
) -> dict[str, pd.DataFrame]:
    documents = [
        Document(i, text, file=f"{i}.txt", published=PartialDate.parse(pub),
                 reprint_of=(reprints or {}).get(i, ""))
        for i, text, pub in docs
    ]  # fmt: skip
    corpus = Corpus(documents=documents)
    return fact_tables(corpus, [extract_document(d) for d in documents])


def test_paraphrases_with_different_precisions_and_spellings_are_one_fact():
    t = tables(
        ("a", "In September 2022, the State Department approved a $450 million sale for Pakistan's F-16 fleet.", "2022-10"),
        ("b", "The US approved a $450m F-16 sustainment package for Pakistan on Sept 7, 2022.", "2022-09-20"),
        ("c", "Washington cleared a $450 million F-16 package for Islamabad in 2022.", "2023"),
    )  # fmt: skip
    facts = t["facts"]
    f16 = facts[facts["programmes"].str.contains("PROG.F16")]
    assert len(f16) == 1
    fact = f16.iloc[0]
    assert (fact["type"], fact["documents"], fact["usd"], bool(fact["corroborated"])) == (
        "AGREE",  # an approved sale or package is a commitment (PETRARCH2 APPROVE + SALE [0311])
        3,
        450e6,
        True,
    )
    assert fact["date"] == "2022-09"  # agreed by all three at the month; the day by one only
    sources = t["fact_sources"][t["fact_sources"]["fact_id"] == fact["fact_id"]]
    assert set(sources["doc"]) == {"a", "b", "c"}
    assert t["conflicts"].empty


def test_a_year_in_one_story_and_a_day_in_it_in_another_are_one_fact():
    # rule 2 (compatible dates): "1998" contains 1998-05-28, so the two agree at the coarser
    # precision and the mentions are one happening; the day is attested by one document only
    t = tables(
        ("a", "The United States imposed sanctions on Pakistan in 1998.", "2004-03-01"),
        ("b", "Washington imposed sanctions on Islamabad on May 28, 1998.", "2005-06-01"),
    )
    facts = t["facts"][t["facts"]["type"] == "SANCTION"]
    assert len(facts) == 1
    assert (facts.iloc[0]["date"], facts.iloc[0]["documents"]) == ("1998", 2)
    assert t["conflicts"].empty


def test_dates_a_little_apart_with_a_shared_programme_are_a_conflict():
    t = tables(
        ("a", "The United States suspended IMET for Pakistan in January 2018.", "2019"),
        ("b", "Washington suspended IMET for Pakistan in February 2018.", "2019"),
    )
    conflicts = t["conflicts"]
    assert set(conflicts["field"]) == {"date"}
    assert sorted(conflicts["version"]) == ["2018-01", "2018-02"]
    assert conflicts["fact_id"].nunique() == 1
    assert set(conflicts["doc"]) == {"a", "b"}  # each version names its document


def test_dates_months_apart_are_two_happenings_not_a_conflict():
    # rule 2: beyond DATE_SLACK_DAYS a shared programme no longer makes one happening
    t = tables(
        ("a", "The United States suspended IMET for Pakistan in January 2018.", "2019"),
        ("b", "Washington suspended IMET for Pakistan in August 2018.", "2019"),
    )
    assert t["conflicts"].empty
    assert len(t["facts"]) == 2


def test_one_document_telling_two_dates_is_two_happenings():
    # rule 2: a document giving two dates tells two things, never a conflict between sources
    t = tables(
        ("a", "In December 2019, the Trump administration approved resumption of IMET for "
              "Pakistan. On January 4, 2020, the US president signed off on the IMET decision "
              "for Pakistan.", "2020-01-10"),
    )  # fmt: skip
    assert t["conflicts"].empty
    assert len(t["facts"]) == 2


def test_different_happenings_stay_apart():
    t = tables(
        ("a", "A US drone strike killed Baitullah Mehsud of the TTP in 2009.", "2010"),
        ("b", "The TTP claimed a bomb attack in Lahore in 2010.", "2011"),
    )
    assert len(t["facts"]) == 2 and t["conflicts"].empty


def test_amounts_that_disagree_are_a_conflict():
    t = tables(
        ("a", "In July 2011 the United States withheld $800 million in military aid to Pakistan, including IMET.", "2011-08"),
        ("b", "In July 2011 the US withheld $500 million in aid from Pakistan's IMET and FMF.", "2011-08"),
    )  # fmt: skip
    amount = t["conflicts"][t["conflicts"]["field"] == "amount"]
    assert sorted(amount["version"]) == ["500000000", "800000000"]


def test_plausibility_flags_name_their_rule():
    t = tables(
        (
            "a",
            "The United States has provided more than $200 billion in flood aid to Pakistan.",
            "2024",
        ),
        ("b", "In March 2025 the United States suspended aid to Pakistan.", "2024-06-01"),
    )
    rules = dict(zip(t["flags"]["rule"], t["flags"]["doc"], strict=True))
    assert rules["aid-amount-exceeds-all-aid"] == "a"
    assert rules["date-after-publication"] == "b"
    reason = t["flags"].set_index("rule").loc["aid-amount-exceeds-all-aid", "reason"]
    assert "34.2 billion" in reason  # the CRS total for FY2002–FY2018


def test_the_seed_corpus_builds_conflicts_only_between_documents(tmp_path):
    out = tmp_path / "processed"
    run = subprocess.run([sys.executable, "-m", "pakus.cli", "build", "--quiet", "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert run.returncode == 0, run.stderr
    conflicts = pd.read_csv(out / "conflicts.csv", dtype=str, keep_default_na=False)
    quotes = " ".join(conflicts["quote"])
    # one document's January suspension and August cancellation, and its December approval and
    # January sign-off, are two happenings each, not conflicts between sources
    assert "cancellation of 66 slots" not in quotes
    assert "signed off" not in quotes
    for _, part in conflicts.groupby(["fact_id", "field"]):
        assert part["doc"].nunique() >= 2  # a conflict is between documents
    flags = pd.read_csv(out / "flags.csv", dtype=str, keep_default_na=False)
    assert "more than $200 billion" in set(flags["quote"])
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    package = json.loads((out / "datapackage.json").read_text())
    names = {r["name"] for r in package["resources"]}
    assert {"facts", "fact-sources", "conflicts", "flags", "events"} <= names


def test_polecat_export(tmp_path):
    out = tmp_path / "polecat.csv"
    run = subprocess.run([sys.executable, "-m", "pakus.cli", "export", "polecat", "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert run.returncode == 0, run.stderr
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(frame.columns[:13]) == [
        "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
        "Actor Name", "Actor Country", "Recipient Name", "Recipient Country", "Source", "Publication Date",
    ]  # fmt: skip
    assert frame["Event ID"].is_unique
    assert set(frame["Quad Code"]) <= {
        "Verbal Cooperation",
        "Material Cooperation",
        "Verbal Conflict",
        "Material Conflict",
    }
    row = frame[
        frame["pakus Quote"].str.startswith("In September 2022, the Biden administration approved")
    ].iloc[0]
    assert (row["Event Type"], row["Event Date"], row["Recipient Country"]) == (
        "AGREE",
        "2022-09",
        "PAK",
    )


# --- grouping: the indexed O(n log n) grouping against the plain rule, mention by mention ---


def plain_grouping(ev: pd.DataFrame, entities: pd.DataFrame) -> list[list[tuple[str, int]]]:
    """The grouping rules written as they read (every open fact in turn, the window, then
    :func:`same_happening`): the oracle."""
    state_ids = set(entities.loc[entities["type"] == "state", "id"])
    groups: list[Group] = []
    for row in ev.itertuples(index=False):
        named = [p for p in split(row.programs) if p.startswith(("PROG.", "AGR."))]
        if not named and row.type in AID_FAMILY:
            named = programme_told_before(entities, row.doc, row.start)
        progs, actors = frozenset(named), set(split(row.actors))
        for g in groups:
            if any(abs((row.first_day - m.first_day).days) > WINDOW_DAYS for m in g.members):
                continue
            if same_happening(row, g, progs, actors, state_ids):
                g.add(row, progs, actors)
                break
        else:
            g = Group(row.type)
            g.add(row, progs, actors)
            groups.append(g)
    return [[(m.doc, m.start) for m in g.members] for g in groups]


ACTORS = ["USA", "PAK", "AFG", "IND", "IGO.UN", "PER.X", "ORG.Y", "GRP.TTP"]
STATES = {"USA", "PAK", "AFG", "IND"}
PROGRAMMES = ["PROG.IMET", "PROG.FMF", "AGR.CIS"]


@st.composite
def mentions(draw):
    """A small corpus of event mentions and programme/state entities, dates close together so
    that windows, chains of precisions and shared actors all come into play."""
    n = draw(st.integers(1, 40))
    rows, entities = [], []
    for i in range(n):
        doc = draw(st.sampled_from("abcde"))
        start = i * 100 + draw(st.integers(0, 50))
        year = draw(st.integers(2010, 2013))
        month = draw(st.one_of(st.none(), st.integers(1, 3)))
        day = draw(st.one_of(st.none(), st.integers(1, 3))) if month else None
        date = PartialDate(year, month, day).iso()
        actors = draw(st.lists(st.sampled_from(ACTORS), max_size=3, unique=True))
        programs = draw(st.lists(st.sampled_from(PROGRAMMES), max_size=1))
        rows.append({
            "doc": doc, "start": start, "end": start + 40, "quote": "q", "trigger_start": start,
            "type": draw(st.sampled_from(["AID", "SANCTION", "CONSULT"])), "date": date,
            "actors": ";".join(actors), "programs": ";".join(programs), "modality": "asserted",
            "negated": False, "mode": draw(st.sampled_from(["", "", "visit"])),
            "source_country": draw(st.sampled_from(["", "USA", "PAK"])),
            "target_country": draw(st.sampled_from(["", "PAK", "USA"])),
        })  # fmt: skip
        if draw(st.booleans()):
            p = start - draw(st.integers(0, 700))
            entities.append({"doc": doc, "start": p, "end": p + 4, "id": draw(st.sampled_from(PROGRAMMES)),
                             "type": "program"})  # fmt: skip
    entities += [{"doc": "a", "start": 0, "end": 3, "id": s, "type": "state"} for s in STATES]
    ents = pd.DataFrame(entities).sort_values(["doc", "start", "end", "id"], kind="stable")
    ev = dated_events(pd.DataFrame(rows))
    ev = ev.sort_values(["first_day", "doc", "start"]).reset_index(drop=True)
    return ev, ents.reset_index(drop=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mentions())
def test_indexed_grouping_groups_as_the_plain_rule_does(case):
    ev, entities = case
    indexed = [[(m.doc, m.start) for m in g.members] for g in group_events(ev, entities)]
    assert indexed == plain_grouping(ev, entities)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3000), st.integers(1, 30), st.sampled_from(PROGRAMMES)),
        max_size=20,
    ),
    st.integers(0, 3500),
)
def test_programme_index_finds_the_programme_told_last_before(spans, at):
    entities = pd.DataFrame(
        [{"doc": "d", "start": s, "end": s + n, "id": p, "type": "program"} for s, n, p in spans],
        columns=["doc", "start", "end", "id", "type"],
    )  # in the order drawn, not sorted: the index answers in the table's own order
    assert ProgrammeIndex(entities).before("d", at) == programme_told_before(entities, "d", at)


F16_STORIES = (
    ("a", "In September 2022, the State Department approved a $450 million sale for Pakistan's F-16 fleet.", "2022-10"),
    ("b", "The US approved a $450m F-16 sustainment package for Pakistan on Sept 7, 2022.", "2022-09-20"),
    ("c", "Washington cleared a $450 million F-16 package for Islamabad in 2022.", "2023"),
)  # fmt: skip


def test_a_reprint_counts_with_its_original_as_one_independent_document():
    plain = tables(*F16_STORIES)
    reprinted = tables(*F16_STORIES, reprints={"c": "a"})
    assert plain["facts"]["documents"].tolist() == [3]
    assert reprinted["facts"]["documents"].tolist() == [2]  # a and its reprint c: one source
    assert set(reprinted["fact_sources"]["doc"]) == {"a", "b", "c"}  # every mention still listed
    assert reprinted["documents"].set_index("doc")["reprint_of"].to_dict() == {
        "a": "",
        "b": "",
        "c": "a",
    }


def test_a_story_told_only_by_its_reprints_is_not_corroborated():
    t = tables(F16_STORIES[0], ("a2", F16_STORIES[0][1], "2022-10"), reprints={"a2": "a"})
    fact = t["facts"].iloc[0]
    assert (fact["documents"], bool(fact["corroborated"]), fact["mentions"]) == (1, False, 2)


def test_independent_sources_follow_chains_and_stop_at_cycles():
    docs = pd.DataFrame({"doc": ["a", "b", "c", "d", "x", "y"],
                         "reprint_of": ["", "a", "b", "gone", "y", "x"]})  # fmt: skip
    assert independent_sources(docs) == {
        "a": "a",
        "b": "a",
        "c": "a",
        "d": "gone",
        "x": "y",
        "y": "x",
    }
    assert independent_sources(pd.DataFrame({"doc": ["a"]})) == {"a": "a"}


def test_a_published_date_after_today_and_events_dated_after_today_are_flagged():
    from datetime import date

    from pakus.reconcile import reconcile

    t = tables(
        ("future", "Last year the United States suspended military aid to Pakistan.", "2099-01-01"),
        ("past", "In 2018 the United States suspended military aid to Pakistan.", "2019-01-01"),
    )
    flags = reconcile(
        t["events"], t["amounts"], t["entities"], t["documents"], date(2030, 6, 1)
    ).flags
    published = [f for f in flags if f.rule == "published-after-today"]
    assert [(f.doc, f.start, f.end, f.quote) for f in published] == [("future", 0, 0, "")]
    assert published[0].reason == "published 2099-01-01, after today (2030-06-01)"
    dated = [f for f in flags if f.rule == "date-after-today"]
    assert [f.doc for f in dated] == ["future"]
    assert "dated 2098" in dated[0].reason
    # the same corpus, built on a day after 2099, raises neither flag
    later = reconcile(t["events"], t["amounts"], t["entities"], t["documents"], date(2100, 1, 1))
    assert not {f.rule for f in later.flags} & {"published-after-today", "date-after-today"}


def test_two_events_of_one_sentence_after_publication_are_two_flags_with_a_unique_key():
    # rule date-after-publication: the flag's span is the sentence, so its reason names the
    # event (trigger, type); the flags table's primary key (doc, start, rule, reason) holds
    t = tables(
        (
            "a",
            "In March 2025 the United States suspended aid to Pakistan, and Pakistan condemned "
            "the decision.",
            "2024-06-01",
        ),
    )
    flags = t["flags"][t["flags"]["rule"] == "date-after-publication"]
    assert len(flags) == 2
    assert flags["reason"].str.contains("'suspended' (SANCTION)", regex=False).any()
    assert not t["flags"].duplicated(["doc", "start", "rule", "reason"]).any()


def test_one_event_coded_for_two_coordinated_targets_is_one_flag():
    # rule date-after-publication: "sanctions on Pakistan and Iran" is one statement, two
    # events (one per target); the flag, which names the statement, is written once
    t = tables(
        (
            "a",
            "In March 2025 the United States imposed sanctions on Pakistan and Iran.",
            "2024-06-01",
        )
    )
    assert len(t["events"]) == 2
    flags = t["flags"][t["flags"]["rule"] == "date-after-publication"]
    assert len(flags) == 1
