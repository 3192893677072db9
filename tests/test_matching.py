"""Reconciliation's matching rules (``pakus.reconcile.same_happening``) on constructed pairs of
mentions that must and must not be one happening."""

from types import SimpleNamespace

import pytest

from pakus.dates import PartialDate
from pakus.reconcile import Group, days_apart, frames_agree, same_happening

STATES = {"USA", "PAK", "IRN", "RUS", "AFG"}


def mention(doc, type_, date, *, mode="", source="", target="", start=0):
    return SimpleNamespace(doc=doc, type=type_, date=date, mode=mode, source_country=source,
                           target_country=target, start=start)  # fmt: skip


def group_of(row, progs=frozenset(), actors=()):
    g = Group(row.type)
    g.add(row, frozenset(progs), set(actors))
    return g


def joins(first, second, progs1=(), actors1=(), progs2=(), actors2=()):
    g = group_of(first, progs1, actors1)
    return same_happening(second, g, frozenset(progs2), set(actors2), STATES)


def test_rule_same_frame_paraphrases_of_one_strike_merge():
    a = mention("a", "ASSAULT", "2011-11-26", source="USA", target="PAK")
    b = mention("b", "ASSAULT", "2011-11", source="USA", target="PAK")
    assert joins(a, b, actors1={"PLACE.SALALA", "USA", "PAK"}, actors2={"PLACE.SALALA", "PAK"})


def test_rule_type_resumption_and_phone_call_do_not_merge():
    # IMET resumption (COOPERATE) and a Pompeo–Bajwa call (CONSULT): dates agree, actors overlap
    a = mention("a", "COOPERATE", "2020", source="USA", target="PAK")
    b = mention("b", "CONSULT", "2020-01-06", mode="phone", source="USA", target="PAK")
    assert not joins(
        a, b, {"PROG.IMET"}, {"PER.TRUMP", "USA", "PAK"}, (), {"PER.TRUMP", "USA", "PAK"}
    )


def test_rule_frame_meetings_and_a_call_about_iran_do_not_merge():
    a = mention("a", "CONSULT", "2020", source="PAK", target="USA")
    b = mention("b", "CONSULT", "2020-01-06", mode="phone", source="IRN", target="USA")
    assert not joins(a, b, (), {"PER.TRUMP", "USA", "PAK"}, (), {"PER.TRUMP", "PER.BAJWA"})


def test_rule_frame_a_visit_is_not_a_phone_call():
    a = mention("a", "CONSULT", "2023-12-14", mode="visit", source="PAK", target="USA")
    b = mention("b", "CONSULT", "2023-12-14", mode="phone", source="PAK", target="USA")
    assert not joins(a, b, (), {"PER.MUNIR", "PER.BLINKEN"}, (), {"PER.MUNIR", "PER.BLINKEN"})


def test_rule_frame_meetings_are_told_from_either_side():
    a = mention("a", "CONSULT", "2023-12-14", mode="visit", source="PAK", target="USA")
    b = mention("b", "CONSULT", "2023-12-14", source="USA", target="PAK")
    assert joins(a, b, (), {"PER.MUNIR", "PER.BLINKEN"}, (), {"PER.MUNIR", "PER.BLINKEN"})


def test_rule_frame_different_source_countries_do_not_merge():
    a = mention("a", "SUPPORT", "2018", source="USA", target="PAK")
    b = mention("b", "SUPPORT", "2018", source="RUS", target="PAK")
    assert not joins(a, b, (), {"USA", "PAK", "PROG.X"}, (), {"RUS", "PAK", "PROG.X"})


def test_rule_frame_missing_countries_do_not_block():
    assert frames_agree("AID", ("", "USA", ""), ("", "", "PAK"))
    assert not frames_agree("AID", ("", "USA", "PAK"), ("", "USA", "AFG"))


def test_rule_dates_suspension_in_january_and_cancellation_in_august_do_not_merge():
    a = mention("a", "SANCTION", "2018-01", source="USA", target="PAK")
    b = mention("b", "SANCTION", "2018-08", target="PAK")
    assert not joins(a, b, {"PROG.IMET"}, {"PER.TRUMP"}, {"PROG.IMET"}, {"PAK.ARMY"})


def test_rule_dates_one_document_two_dates_never_merge():
    # December 2019 approval and 4 January 2020 sign-off in one document: not a conflict
    a = mention("a", "COOPERATE", "2019-12", source="USA")
    b = mention("a", "COOPERATE", "2020-01-04", source="USA", target="PAK", start=100)
    assert not joins(a, b, {"PROG.IMET"}, {"PER.TRUMP"}, {"PROG.IMET"}, {"USA", "PAK"})


def test_rule_dates_two_documents_a_month_apart_with_a_programme_merge_as_a_conflict():
    a = mention("a", "COOPERATE", "2019-12", source="USA")
    b = mention("b", "COOPERATE", "2020-01-04", source="USA", target="PAK")
    assert joins(a, b, {"PROG.IMET"}, {"PER.TRUMP"}, {"PROG.IMET"}, {"USA", "PAK"})


def test_rule_participants_a_shared_state_alone_is_not_enough():
    a = mention("a", "ASSAULT", "2013-11-01", source="USA", target="PAK")
    b = mention("b", "ASSAULT", "2013-11-01", source="USA", target="PAK")
    assert not joins(a, b, (), {"USA", "PER.HAKIMULLAH"}, (), {"USA", "PLACE.SALALA"})
    assert joins(a, b, (), {"USA", "PAK"}, (), {"USA", "PAK"})  # two shared actors


def test_rule_participants_disagreeing_dates_need_a_programme():
    a = mention("a", "SANCTION", "2018-01", source="USA", target="PAK")
    b = mention("b", "SANCTION", "2018-02", source="USA", target="PAK")
    assert not joins(a, b, (), {"PER.TRUMP", "USA", "PAK"}, (), {"PER.TRUMP", "USA", "PAK"})


@pytest.mark.parametrize(
    ("a", "b", "days"),
    [("2018-01", "2018-02", 0), ("2018-01", "2018-08", 181), ("2019", "2020-01-04", 3),
     ("2020-01-04", "2020-01-06", 1)],
)  # fmt: skip
def test_days_apart_counts_the_gap_between_spans(a, b, days):
    assert days_apart(PartialDate.parse(a), PartialDate.parse(b)) == days
    assert days_apart(PartialDate.parse(b), PartialDate.parse(a)) == days
