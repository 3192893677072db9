"""Source criticism: per document, how many of its facts are corroborated, contradicted or
flagged, and the conflicts with both quotes side by side.

Facts, conflicts and flags come from ``pakus.reconcile`` run on the chosen documents only, so
corroboration counts only documents in the subset. A document's fact is *corroborated* when at
least ``min_corroboration`` documents tell it, *contradicted* when the document is one side of a
conflict on it, and a document is *flagged* for each plausibility flag on its words.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pakus.analysis.checks import as_list, whole_number
from pakus.analysis.facts import Facts
from pakus.corrections import load_corrections
from pakus.dates import PartialDate
from pakus.errors import ParameterError
from pakus.reconcile import reconcile
from pakus.reference import extraction_tables
from pakus.tables import ReconciledTables, reconciled_tables


@dataclass(frozen=True)
class Parameters:
    corpus: str
    min_corroboration: int
    documents: list[str]


def check_parameters(corpus, min_corroboration, documents, known: list[str]) -> Parameters:
    """Validate the notebook's parameters; ``documents`` may be ``"all"`` or one id as a
    string. ``known``: the corpus's document ids (from ``corpus.csv`` and its folder, before
    any extraction)."""
    whole_number("min_corroboration", min_corroboration)
    if not known:
        raise ParameterError(f"corpus: {str(corpus)!r} holds no documents; nothing to analyse")
    chosen = list(known) if documents == "all" else as_list("documents", documents)
    unknown = [d for d in chosen if d not in known]
    if unknown or not chosen:
        raise ParameterError(
            f"documents: unknown document id(s) {', '.join(map(repr, unknown)) or '(none given)'}; "
            f"choose from {', '.join(known)} or 'all'"
        )
    return Parameters(str(corpus), min_corroboration, sorted(chosen))


def reconcile_subset(facts: Facts, documents: list[str]) -> ReconciledTables:
    """Facts, sources, conflicts and flags of the chosen documents only."""

    def keep(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["doc"].isin(documents)]

    types = set(extraction_tables().plover_types["type"])
    corrections, _ = load_corrections(facts.folder, types)  # bad rows: in facts.problems
    return reconciled_tables(
        reconcile(
            keep(facts.events),
            keep(facts.amounts),
            keep(facts.entities),
            keep(facts.documents),
            corrections=corrections,
        )
    )


def document_scores(
    r: ReconciledTables, documents: list[str], min_corroboration: int
) -> pd.DataFrame:
    """Per document: facts, corroborated, contradicted and flagged counts."""
    sources = r.fact_sources[r.fact_sources["kind"] == "event"]
    per_fact_docs = r.facts.set_index("fact_id")["documents"]
    rows = []
    for doc in documents:
        ids = set(sources.loc[sources["doc"] == doc, "fact_id"])
        contradicted = set(r.conflicts.loc[r.conflicts["doc"] == doc, "fact_id"])
        rows.append({
            "doc": doc, "facts": len(ids),
            "corroborated": sum(int(per_fact_docs[i] >= min_corroboration) for i in ids),
            "contradicted": len(contradicted), "flagged": int((r.flags["doc"] == doc).sum()),
        })  # fmt: skip
    return pd.DataFrame(rows)


def conflict_pairs(conflicts: pd.DataFrame) -> pd.DataFrame:
    """Each pair of disagreeing versions of one fact from two documents (dates that do not
    agree at the coarser precision, or different amounts), both quotes side by side."""
    rows = []
    for (fid, field), part in conflicts.groupby(["fact_id", "field"], sort=True):
        items = list(part.itertuples())
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a.doc == b.doc or a.version == b.version:
                    continue  # one document never conflicts with itself
                if field == "date" and PartialDate.parse(a.version).compatible(
                    PartialDate.parse(b.version)
                ):
                    continue  # 2018 and 2018-01 agree at the year
                rows.append({"fact_id": fid, "field": field, "version_a": a.version, "doc_a": a.doc,
                             "quote_a": a.quote, "version_b": b.version, "doc_b": b.doc,
                             "quote_b": b.quote})  # fmt: skip
    return pd.DataFrame(rows, columns=["fact_id", "field", "version_a", "doc_a", "quote_a", "version_b",
                                       "doc_b", "quote_b"])  # fmt: skip


def corroboration_matrix(
    r: ReconciledTables, documents: list[str], min_corroboration: int
) -> pd.DataFrame:
    """Documents × facts told by at least ``min_corroboration`` documents: 1 where a document tells it."""
    facts = r.facts[r.facts["documents"] >= min_corroboration]
    sources = r.fact_sources[
        (r.fact_sources["kind"] == "event") & r.fact_sources["fact_id"].isin(facts["fact_id"])
    ]
    labels = {f.fact_id: f"{f.date} {f.type}" for f in facts.itertuples()}
    matrix = pd.crosstab(sources["doc"], sources["fact_id"]).clip(upper=1)
    matrix = matrix.reindex(index=documents, columns=list(facts["fact_id"]), fill_value=0)
    matrix.columns = [f"{labels[c]} ({c})" for c in matrix.columns]
    return matrix


def findings(
    scores: pd.DataFrame,
    r: ReconciledTables,
    pairs: pd.DataFrame,
    min_corroboration: int,
    names: dict[str, str] | None = None,
) -> str:
    """The findings paragraph, written from the computed numbers."""
    names = names or {}
    facts = r.facts
    if facts.empty:
        return f"Nothing to analyse: the chosen {len(scores)} document(s) tell no dated happening."
    told = int((facts["documents"] >= min_corroboration).sum())
    parts = [
        f"The chosen **{len(scores)}** document(s) tell **{len(facts)}** dated happening(s); "
        f"**{told}** of them are told by at least {min_corroboration} document(s).",
        f"Sources disagree on **{r.conflicts['fact_id'].nunique()}** happening(s) "
        f"({len(pairs)} pair(s) of versions) and **{len(r.flags)}** mention(s) are flagged as implausible.",
    ]
    ranked = scores[scores["corroborated"] > 0]
    if min_corroboration > 1 and not ranked.empty:
        top = ranked.sort_values(["corroborated", "doc"], ascending=[False, True]).iloc[0]
        parts.append(
            f"The best-corroborated document is {names.get(top['doc'], top['doc'])} "
            f"({top['corroborated']} of its {top['facts']} facts told by at least "
            f"{min_corroboration} documents)."
        )
    elif min_corroboration > 1:
        parts.append(f"No document tells a fact that {min_corroboration} documents tell.")
    return " ".join(parts)
