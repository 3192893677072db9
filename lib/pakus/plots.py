"""Figures in one house style: titled, labelled with units, readable in greyscale."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

GREYS = ("#000000", "#555555", "#999999", "#cccccc")
FIVE_GREYS = ("#000000", "#444444", "#888888", "#bbbbbb", "#ffffff")
HATCHES = ("", "//", "..", "xx", "\\\\")
STYLE = {
    "figure.figsize": (9, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "font.size": 10,
    "legend.fontsize": 9,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": matplotlib.cycler(color=GREYS),
    "savefig.bbox": "tight",
}


def show(
    fig: plt.Figure, alt: str, name: str | None = None, folder: Path | str | None = None
) -> list[Path]:
    """Display a figure in a notebook as a PNG with alt text, then close it. With ``name``,
    also save it as ``<folder>/<name>.svg`` and ``.pdf`` (vector, for papers; ``folder``
    defaults to ``figures/`` beside the notebook that runs) and return those paths. The files
    carry no creation date, so the same figure gives the same bytes."""
    from IPython.display import Image, display

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None}, bbox_inches="tight", dpi=100)
    saved = []
    if name is not None:
        out = Path(folder) if folder is not None else Path("figures")
        out.mkdir(parents=True, exist_ok=True)
        for fmt, meta in (("svg", {"Date": None, "Creator": None}),
                          ("pdf", {"CreationDate": None, "Creator": None, "Producer": None})):  # fmt: skip
            path = out / f"{name}.{fmt}"
            with plt.rc_context({"svg.hashsalt": "pakus"}):
                fig.savefig(path, format=fmt, metadata=meta, bbox_inches="tight")
            saved.append(path)
    plt.close(fig)
    display(Image(data=buffer.getvalue(), format="png", alt=alt))
    return saved


def _wrap(text: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(text, width))


def intensity_timeline(table: pd.DataFrame, phase_table: pd.DataFrame, used: pd.DataFrame,
                       title: str, annotate: int = 4, smoothed: pd.Series | None = None) -> plt.Figure:  # fmt: skip
    """Two panels sharing the time axis. Top: the index per period with its 95 % bootstrap
    interval (error bars), the smoothed index (dashed), phases shaded; no line crosses a
    period without a value; the strongest events are labelled in a numbered key below the
    axes so that labels never overlap. Bottom: events per period (bars; hatched where the
    period has too few events to enter the index)."""
    with plt.rc_context(STYLE):
        fig, (ax, bx) = plt.subplots(2, 1, sharex=True, figsize=(9, 6),
                                     gridspec_kw={"height_ratios": [3, 1]})  # fmt: skip
        x = table["period"].map(lambda p: p.start_time + (p.end_time - p.start_time) / 2)
        ax.axhline(0, color="black", linewidth=0.8)
        for row in phase_table.itertuples():
            start = pd.Period(row.start).start_time
            end = pd.Period(row.end).end_time
            face = {"convergence": "#e0e0e0", "estrangement": "#a0a0a0"}.get(row.phase, "white")
            ax.axvspan(start, end, facecolor=face, alpha=0.6, linewidth=0,
                       hatch="//" if row.phase == "estrangement" else ".." if row.phase == "turning" else "")  # fmt: skip
        # NaN where a period has no value: matplotlib breaks the line there (no line across gaps)
        ax.plot(x, table["index"], marker="o", color="black", label="mean PLOVER intensity")
        has = table["index"].notna()
        if has.any():
            ax.errorbar(x[has], table.loc[has, "index"],
                        yerr=[table.loc[has, "index"] - table.loc[has, "low"],
                              table.loc[has, "high"] - table.loc[has, "index"]],
                        fmt="none", ecolor="#555555", capsize=3, linewidth=0.8,
                        label="95 % bootstrap interval")  # fmt: skip
        if smoothed is not None:
            ax.plot(x, smoothed, linestyle="--", color="#555555", label="smoothed (trailing mean)")
        strongest = (
            used.reindex(used["intensity"].abs().sort_values(ascending=False, kind="stable").index)
            .drop_duplicates("date")
            .head(annotate)
        )
        key = []
        for k, r in enumerate(strongest.itertuples(), start=1):
            ax.annotate(str(k), (r.first_day, r.intensity), textcoords="offset points",
                        xytext=(0, 7 if r.intensity >= 0 else -13), fontsize=8, ha="center",
                        fontweight="bold")  # fmt: skip
            ax.plot([r.first_day], [r.intensity], marker="x", color="#333333", linestyle="none")
            key.append(f"{k}: {r.date} {r.type} ({r.trigger})")
        ax.set_ylim(-10.5, 10.5)
        ax.set_ylabel("PLOVER intensity\n(−10 conflict … +10 cooperation)")
        ax.set_title(title)
        handles = [*ax.get_legend_handles_labels()[0],
                   matplotlib.patches.Patch(facecolor="#e0e0e0", label="convergence phase"),
                   matplotlib.patches.Patch(facecolor="#a0a0a0", hatch="//", label="estrangement phase")]  # fmt: skip
        ax.legend(handles=handles, loc="upper left", ncol=2, fontsize=8, framealpha=0.9)
        width = (
            table["period"].map(lambda p: (p.end_time - p.start_time).days).median() or 1
        ) * 0.8
        bx.bar(x, table["events"], width=pd.Timedelta(days=float(width)), color="#888888",
               edgecolor="black", linewidth=0.5)  # fmt: skip
        thin = table["events"].gt(0) & table["index"].isna()
        bx.bar(x[thin], table.loc[thin, "events"], width=pd.Timedelta(days=float(width)),
               color="white", edgecolor="black", hatch="//", linewidth=0.5,
               label="too few events or sources for the index")  # fmt: skip
        bx.set_ylabel("events")
        bx.set_xlabel("period")
        if thin.any():
            bx.legend(loc="upper left", fontsize=8)
        if key:
            fig.text(0.01, -0.02, "Labelled events — " + "; ".join(key), fontsize=8, wrap=True,
                     va="top")  # fmt: skip
        fig.tight_layout()
        return fig


def status_timeline(aid: pd.DataFrame, names: dict[str, str], title: str) -> plt.Figure:
    """One row per programme: suspensions (open markers) and resumptions/approvals (filled)."""
    with plt.rc_context(STYLE):
        programmes = sorted(aid["programme"].unique())
        fig, ax = plt.subplots(figsize=(9, 1.2 + 0.6 * max(1, len(programmes))))
        for y, programme in enumerate(programmes):
            part = aid[aid["programme"] == programme]
            for status, marker, face in (("suspended", "v", "white"), ("active", "^", "black")):
                rows = part[part["status"] == status]
                ax.scatter(rows["first_day"], [y] * len(rows), marker=marker, s=70,
                           facecolors=face, edgecolors="black", label=status if y == 0 else None)  # fmt: skip
        ax.set_yticks(range(len(programmes)), [names.get(p, p) for p in programmes])
        ax.set_xlabel("date (first day of the date's precision)")
        ax.set_title(title)
        ax.set_ylim(-0.6, len(programmes) - 0.4)
        ax.legend(["suspended / withheld", "resumed / approved / delivered"], loc="upper center",
                  bbox_to_anchor=(0.5, -0.25), ncol=2, fontsize=8)  # fmt: skip
        return fig


def amounts_chart(
    amounts: pd.DataFrame, title: str, names: dict[str, str] | None = None
) -> plt.Figure:
    """Amounts in US$ million by year, one bar per amount mention, hatched by category; a
    flagged amount (``flag`` column) drawn as an outlined bar labelled with its rule. Bars are
    labelled by year and document (outlet and date from ``names``)."""
    names = names or {}
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(max(7, 0.9 * len(amounts) + 2), 4.8))
        categories = sorted(amounts["category"].unique())
        labels = []
        flagged_seen = False
        for i, r in enumerate(amounts.itertuples()):
            k = categories.index(r.category)
            flag = getattr(r, "flag", "")
            if flag:
                ax.bar(i, r.usd / 1e6, color="white", edgecolor="black", linestyle="--",
                       label=None if flagged_seen else "flagged as implausible (left out of Findings)")  # fmt: skip
                ax.text(i, r.usd / 1e6, f"flagged:\n{flag}", ha="center", va="bottom", fontsize=7)
                flagged_seen = True
                continue
            ax.bar(i, r.usd / 1e6, color=GREYS[k % len(GREYS)], hatch=HATCHES[k % len(HATCHES)],
                   edgecolor="black", label=r.category if r.category not in labels else None)  # fmt: skip
            labels.append(r.category)
        ax.set_xticks(
            range(len(amounts)),
            [_wrap(f"{r.year} · {names.get(r.doc, r.doc)}", 16) for r in amounts.itertuples()],
            fontsize=7, rotation=0,
        )  # fmt: skip
        ax.set_yscale("log")
        if len(amounts):
            ax.set_ylim(top=float(amounts["usd"].max()) / 1e6 * 8)  # room for the flag labels
        ax.set_ylabel("US$ million (log scale)")
        ax.set_xlabel("year · document (outlet, date)")
        ax.set_title(title)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=3, fontsize=8)
        return fig


def stance_network(stances: pd.DataFrame, names: dict[str, str], title: str) -> plt.Figure:
    """The two states on the left, armed groups on the right; a line per side–group pair,
    solid for hostile actions, dashed for shielding, its width the number of events."""
    with plt.rc_context({**STYLE, "axes.grid": False}):
        groups = sorted(stances["group"].unique())
        fig, ax = plt.subplots(figsize=(8, 1.5 + 0.5 * max(2, len(groups))))
        sides = {"USA": 0.66, "PAK": 0.33}
        gy = {g: 1 - (i + 1) / (len(groups) + 1) for i, g in enumerate(groups)}
        pairs = stances.groupby(["side", "group", "stance"]).size()
        for (side, group, stance), n in pairs.items():
            y0, y1 = sides[side], gy[group]
            ax.plot([0.1, 0.9], [y0, y1], color="black", linewidth=1 + n,
                    linestyle="-" if stance == "hostile" else "--")  # fmt: skip
            # the count sits near the group's end of its line, where lines no longer cross
            t = 0.85
            ax.text(0.1 + 0.8 * t, y0 + (y1 - y0) * t, f"{n}", fontsize=8, ha="center",
                    va="center", bbox={"facecolor": "white", "edgecolor": "black", "pad": 1,
                                       "linewidth": 0.4})  # fmt: skip
        for side, y in sides.items():
            ax.text(0.08, y, {"USA": "United States", "PAK": "Pakistan"}[side], ha="right", va="center",
                    fontweight="bold")  # fmt: skip
        for g, y in gy.items():
            ax.text(0.92, y, names.get(g, g), ha="left", va="center")
        ax.plot(
            [],
            [],
            color="black",
            linestyle="-",
            label="hostile (sanction, strike, accusation, demand)",
        )
        ax.plot([], [], color="black", linestyle="--", label="shielding (support, aid)")
        ax.legend(loc="lower center", fontsize=8, ncol=2, frameon=False)
        ax.set_xlim(-0.3, 1.4)
        ax.set_ylim(-0.15, 1)
        ax.axis("off")
        ax.set_title(title)
        return fig


def long_run_panel(ms_table: pd.DataFrame, ms_rows: pd.DataFrame, ms_phases: pd.DataFrame,
                   corpus_table: pd.DataFrame | None, title: str) -> plt.Figure:  # fmt: skip
    """Milestones 1947–2024 on the PLOVER scale (open circles), their phases shaded, and the
    corpus index (black line) where the corpus has events."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(10, 4.5))
        for row in ms_phases.itertuples():
            ax.axvspan(pd.Period(row.start).start_time, pd.Period(row.end).end_time,
                       color="#e8e8e8" if row.phase == "convergence" else "#b0b0b0",
                       hatch="" if row.phase == "convergence" else "//", linewidth=0, alpha=0.7)  # fmt: skip
        ax.axhline(0, color="black", linewidth=0.8)
        ax.scatter(ms_rows["first_day"], ms_rows["intensity"], facecolors="white", edgecolors="black",
                   s=36, zorder=3, label="reference milestone (PLOVER intensity of its type)")  # fmt: skip
        # no text labels on the points (they would overlap): the milestones are listed, with
        # their sources, in the table printed under the figure
        if corpus_table is not None:
            data = corpus_table  # periods without a value are NaN: no line across them
            ax.plot(data["period"].map(lambda p: p.start_time), data["index"], color="black",
                    linewidth=2.2, marker="s", markersize=5, zorder=4, label="corpus index (mean intensity)")  # fmt: skip
        ax.set_ylim(-10.5, 10.5)
        ax.set_ylabel("PLOVER intensity (−10 … +10)")
        ax.set_xlabel("year")
        ax.set_title(title)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=8)
        return fig


def appropriations_chart(approps: pd.DataFrame, corpus_fy: pd.DataFrame, title: str,
                         corpus_amounts: pd.DataFrame | None = None) -> plt.Figure:  # fmt: skip
    """Stacked appropriations by programme and fiscal year (reference, hatched greys), with the
    fiscal years of the corpus's aid events marked above the bars (triangles) and the corpus's
    aid amounts at their value and fiscal year (diamonds)."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(10, 4.8))
        years = sorted(approps["fiscal_year_number"].unique())
        bottom = pd.Series(0.0, index=years)
        for k, programme in enumerate(sorted(approps["programme"].unique())):
            part = approps[approps["programme"] == programme].set_index("fiscal_year_number")
            values = part["amount_musd"].reindex(years).fillna(0)
            ax.bar(years, values, bottom=bottom, color=FIVE_GREYS[k % 5], hatch=HATCHES[k % 5], edgecolor="black",
                   label=f"{programme} (CRS)")  # fmt: skip
            for fy, status in part["status"].items():
                if status == "withheld":
                    ax.text(fy, bottom[fy] + 40, f"{programme}\nwithheld", ha="center", fontsize=6)
            bottom += values
        top = float(bottom.max()) * 1.1 if len(bottom) else 1.0
        for status, marker, face in (("suspended", "v", "white"), ("active", "^", "black")):
            rows = corpus_fy[corpus_fy["status"] == status]
            ax.scatter(rows["fiscal_year"], [top] * len(rows), marker=marker, s=60, facecolors=face,
                       edgecolors="black", zorder=3, label=f"corpus: {status} (fiscal year of the event)")  # fmt: skip
        if corpus_amounts is not None and not corpus_amounts.empty:
            ax.scatter(corpus_amounts["fiscal_year"], corpus_amounts["usd"] / 1e6, marker="D", s=40,
                       facecolors="white", edgecolors="black", zorder=4,
                       label="corpus: amount named (US$ million, fiscal year of its event)")  # fmt: skip
        extra = set() if corpus_amounts is None else {int(y) for y in corpus_amounts["fiscal_year"]}
        ticks = sorted(set(years) | {int(y) for y in corpus_fy["fiscal_year"]} | extra)
        ax.set_xticks(ticks, [f"FY{y % 100:02d}" for y in ticks])
        ax.set_ylabel("US$ million (appropriations)")
        ax.set_xlabel("US fiscal year (October–September)")
        ax.set_title(title)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, fontsize=7)
        return fig


def corroboration_figure(matrix: pd.DataFrame, title: str,
                         names: dict[str, str] | None = None) -> plt.Figure:  # fmt: skip
    """Documents (rows, named by outlet and date) × facts (columns): black where a document
    tells the fact, with gridlines between cells."""
    names = names or {}
    with plt.rc_context({**STYLE, "axes.grid": False}):
        fig, ax = plt.subplots(
            figsize=(max(6, 0.45 * matrix.shape[1] + 4), 1.4 + 0.5 * matrix.shape[0])
        )
        ax.imshow(matrix.to_numpy(), cmap="Greys", vmin=0, vmax=1, aspect="auto")
        ax.set_yticks(range(matrix.shape[0]), [names.get(d, d) for d in matrix.index])
        ax.set_xticks(
            range(matrix.shape[1]),
            [c.split(" (")[0] for c in matrix.columns],
            rotation=60,
            ha="right",
            fontsize=8,
        )
        ax.set_xticks([x - 0.5 for x in range(1, matrix.shape[1])], minor=True)
        ax.set_yticks([y - 0.5 for y in range(1, matrix.shape[0])], minor=True)
        ax.grid(which="minor", color="#888888", linewidth=0.6)
        ax.tick_params(which="minor", length=0)
        ax.set_xlabel("fact (date and PLOVER type)")
        ax.set_ylabel("document (outlet, date)")
        ax.set_title(title)
        return fig
