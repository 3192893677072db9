"""Source criticism on constructed documents."""

import pytest

from pakus.analysis import sources
from pakus.errors import ParameterError
from pakus.tables import ReconciledTables
from test_reconcile import tables


def test_scores_pairs_and_matrix():
    t = tables(
        ("a", "The United States suspended IMET for Pakistan in January 2018.", "2019"),
        ("b", "Washington suspended IMET for Pakistan in February 2018, cancelling 66 slots.", "2019"),
        ("c", "In September 2022 the US approved a $450 million F-16 package for Pakistan.", "2023"),
        ("d", "The State Department approved a $450 million F-16 sale to Pakistan in September 2022.", "2023"),
    )  # fmt: skip
    t = ReconciledTables(t["facts"], t["fact_sources"], t["conflicts"], t["flags"])
    scores = sources.document_scores(t, ["a", "b", "c", "d"], 2).set_index("doc")
    assert scores.loc["a", "contradicted"] == 1 and scores.loc["c", "contradicted"] == 0
    assert scores.loc["c", "corroborated"] == 1 and scores.loc["d", "corroborated"] == 1
    pairs = sources.conflict_pairs(t.conflicts)
    assert len(pairs) == 1
    assert {pairs.iloc[0]["version_a"], pairs.iloc[0]["version_b"]} == {"2018-01", "2018-02"}
    matrix = sources.corroboration_matrix(t, ["a", "b", "c", "d"], 2)
    assert matrix.loc["c"].sum() == 1 and matrix.loc["d"].sum() == 1


def test_parameters_checked():
    with pytest.raises(ParameterError, match="min_corroboration: 0 must be a whole number"):
        sources.check_parameters("data/raw", 0, "all", ["a"])
    with pytest.raises(ParameterError, match="documents: unknown document id"):
        sources.check_parameters("data/raw", 2, ["z"], ["a"])
    assert sources.check_parameters("data/raw", 2, "all", ["b", "a"]).documents == ["a", "b"]
