import pytest

from helpers import date_spans, dates, extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on January 4, 2020.", ("January 4, 2020", "2020-01-04", "day")),
        ("photo taken Dec. 14, 2023 in Washington", ("Dec. 14, 2023", "2023-12-14", "day")),
        ("On 4 January 2018 in a briefing", ("4 January 2018", "2018-01-04", "day")),
        ("Published Jan 06, 2020", ("Jan 06, 2020", "2020-01-06", "day")),
        ("Sanctions came in May 2018.", ("May 2018", "2018-05", "month")),
        ("It was signed in 2005.", ("2005", "2005", "year")),
        ("Relations soured in the 1990s.", ("the 1990s", "1990", "decade")),
        ("on 2019-12-03 officials", ("2019-12-03", "2019-12-03", "day")),
    ],
)
def test_absolute_dates_keep_the_precision_of_the_text(text, expected):
    assert dates(text) == [expected]


def test_modal_may_is_not_a_month():
    assert dates("Exceptions may be made. We may see.", "2020-01-06") == []


def test_numbers_that_are_not_years():
    assert dates("It cost $2020 and 2,000 troops; 1500 officers.") == []


def test_ranges_and_fiscal_years():
    found = dates("Aid from 2002 to 2018 and in FY2019, and FY16 funds; FY2002-13 totals.")
    assert ("from 2002 to 2018", "2002", "range") in found
    assert ("FY2019", "2018-10-01", "fiscal_year") in found
    assert ("FY16", "2015-10-01", "fiscal_year") in found
    assert ("FY2002-13", "2001-10-01", "fiscal_year") in found
    assert date_spans("$1.5 billion a year from fiscal 2010 through 2014; in FY2013-02.") == [
        ("fiscal 2010 through 2014", "2009-10-01", "fiscal_year", "2014-09-30"),
        ("FY2013-02", "2012-10-01", "fiscal_year", "2013-09-30"),  # a reversed range: first year
    ]
    # the US federal fiscal year 1991 ran from 1 October 1990 to 30 September 1991
    assert dates("$564 million planned for the 1991 fiscal year.") == [
        ("1991 fiscal year", "1990-10-01", "fiscal_year")
    ]
    opening = dates(
        "Between 2004 and 2018, the CIA conducted drone strikes. From 1990 to 2001 no aid."
    )
    assert opening[:2] == [
        ("Between 2004 and 2018", "2004", "range"), ("From 1990 to 2001", "1990", "range")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("expr", "published", "date", "precision"),
    [
        ("last year", "2020-01-06", "2019", "year"),
        ("earlier this year", "2024", "2024", "year"),
        ("this month", "2023-08", "2023-08", "month"),
        ("last month", "2023-01-15", "2022-12", "month"),
        ("next year", "2023-08", "2024", "year"),
        ("yesterday", "2020-03-01", "2020-02-29", "day"),
        ("today", "2020-01-06", "2020-01-06", "day"),
        ("two years ago", "2021-01-20", "2019", "year"),
    ],
)
def test_relative_expressions_resolve_against_the_published_date(expr, published, date, precision):
    found = dates(f"It happened {expr}.", published)
    assert found == [(expr, date, precision)]


def test_weekdays_are_the_last_such_day_before_publication():
    # 2021-01-20 was a Wednesday: "on Tuesday" is the day before; "on Saturday" four days before
    assert dates("He spoke on Tuesday.", "2021-01-20") == [("on Tuesday", "2021-01-19", "day")]
    assert dates("Wells said on Saturday.", "2020-01-06") == [("on Saturday", "2020-01-04", "day")]
    assert dates("They will meet on Friday.", "2020-01-06") == [("on Friday", "2020-01-10", "day")]


def test_relative_dates_need_a_precise_enough_anchor():
    found = dates("Wells said on Saturday that last year was hard.", "2021-01")
    assert found[0] == ("on Saturday", None, None)
    assert found[1] == ("last year", "2020", "year")
    unresolved = dates("It happened last year.")
    assert unresolved == [("last year", None, None)]


def test_month_without_year_is_the_latest_one_up_to_publication():
    assert dates("In September, talks resumed.", "2023-08") == [
        ("In September", "2022-09", "month")
    ]
    assert dates("Talks on Sep 7 went well.", "2022-09-20") == [("Sep 7", "2022-09-07", "day")]


def test_later_counts_from_the_date_that_opened_the_narrative():
    text = (
        "In September 2022, the package was approved, the largest since the aid cut in 2018. "
        "Almost a year later, both renewed the pact."
    )
    found = dates(text)
    assert found[-1] == ("Almost a year later", "2023", "year")


def test_day_and_month_ranges_within_a_year():
    found = date_spans("On the night of May 1-2, 2011, and from March to June 2019.", "2022")
    assert found == [
        ("May 1-2, 2011", "2011-05-01", "day", "2011-05-02"),
        ("from March to June 2019", "2019-03", "month", "2019-06-30"),
    ]


def test_a_month_range_over_the_new_year():
    text = "Talks stalled from November to February 2019 and between May and May 2020."
    assert date_spans(text, "2022") == [
        ("from November to February 2019", "2018-11", "month", "2019-02-28"),
        ("between May and May 2020", "2020-05", "month", "2020-05-31"),
    ]


def test_a_month_in_a_future_phrase_is_the_next_one():
    found = dates("Bajwa is due to retire in November. He visited Kabul in October.", "2022-09-27")
    assert found == [("in November", "2022-11", "month"), ("in October", "2021-10", "month")]


def test_that_month_follows_the_month_just_told():
    found = dates("In September 2018 aid was cut. Pompeo came that month and left the next month.")
    assert found[1:] == [("that month", "2018-09", "month"), ("the next month", "2018-10", "month")]
    assert dates("He came that month.", "2019")[0][1] is None  # no month told before


def test_event_relative_and_vague_expressions_are_reported_unresolved():
    found = dates("It came days after the visit. Over a decade ago he spoke.", "2024")
    assert [(q, d) for q, d, _ in found] == [("days after", None), ("Over a decade ago", None)]


def _date(text: str, published: str, quote: str):
    return next(d for d in extract(text, published).dates if d.quote == quote)


# --- datelines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "quote", "date"),
    [
        (
            "WASHINGTON, October 21: The Senate voted yesterday to ease sanctions on Pakistan.",
            "1998-10-22", "yesterday", "1998-10-20",
        ),
        (
            "ISLAMABAD, Oct 21 (Reuters) – Pakistan said yesterday it had arrested three men.",
            "1998-10-22", "yesterday", "1998-10-20",
        ),
        (  # a headline above the dateline; the weekday counts from Tuesday 3 March
            "Police arrest two\n\nKARACHI, March 3: Police arrested two men on Sunday.",
            "2020-03-04", "on Sunday", "2020-03-01",
        ),
        (  # the dateline's year is the one before a New Year's Day paper
            "LAHORE, Dec. 31 — The cabinet met today.", "2021-01-01", "today", "2020-12-31",
        ),
    ],
)  # fmt: skip
def test_relative_dates_count_from_the_dateline(text, published, quote, date):
    found = _date(text, published, quote)
    assert (found.date, found.anchor) == (date, "dateline")


@pytest.mark.parametrize("dash", ["-", "–", "—", ":"])
def test_a_dateline_ends_at_any_dash_and_an_event_takes_the_weekday_counted_from_it(dash):
    text = (
        f"KARACHI, Jan 6 {dash} The United States suspended security aid to Pakistan on Thursday."
    )
    found = extract(text, "2018-01-06")
    assert (_date(text, "2018-01-06", "on Thursday").anchor, found.events[0].date) == (
        "dateline",
        "2018-01-04",
    )


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_datelines_date_and_outlet_are_not_the_first_sentences(dash):
    text = f"KARACHI, Jan 6 (Reuters) {dash} The United States suspended aid to Pakistan."
    event = extract(text, "2018-01-06").events[0]
    assert "ORG.REUTERS" not in event.actors
    # the undated lead tells the dateline day's news (dating.dateline_lead), taken from
    # the dateline, not read as a date of the sentence's own
    assert (event.date, event.date_quote) == ("2018-01-06", "Jan 6")


def test_the_dateline_date_is_resolved_and_marked():
    d = extract("WASHINGTON, October 21: The Senate voted.", "1998-10-22").dates[0]
    assert (d.quote, d.date, d.note) == ("October 21", "1998-10-21", "dateline")


def test_without_a_dateline_relative_dates_count_from_publication():
    d = _date("The Senate voted yesterday, Washington said.", "1998-10-22", "yesterday")
    assert (d.date, d.anchor) == ("1998-10-21", "published")


# --- case and position --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "quote", "date"),
    [
        ("Last Tuesday, Pakistan arrested three suspects.", "2019-03-12", "Last Tuesday", "2019-03-05"),
        ("Next Tuesday, Pakistan will host talks.", "2019-03-12", "Next Tuesday", "2019-03-19"),
        ("Last Friday, Washington froze the funds.", "2019-03-13", "Last Friday", "2019-03-08"),
        ("On Monday, the US said more.", "2019-03-13", "On Monday", "2019-03-11"),
        ("This Thursday talks begin.", "2019-03-13", "This Thursday", "2019-03-14"),
    ],
)  # fmt: skip
def test_a_capitalised_cue_at_sentence_start_is_a_cue(text, published, quote, date):
    assert _date(text, published, quote).date == date


# --- tense of the clause ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "quote", "date"),
    [
        (  # 2016-06-13 was a Monday
            "The State Department said talks with Pakistan would resume on Friday.",
            "2016-06-13", "on Friday", "2016-06-17",
        ),
        ("Officials said on Tuesday that talks would resume on Thursday.", "2016-06-15", "on Tuesday", "2016-06-14"),
        ("Officials said on Tuesday that talks would resume on Thursday.", "2016-06-15", "on Thursday", "2016-06-16"),
        ("Pakistan arrested him on Monday and will try him on Friday.", "2016-06-15", "on Monday", "2016-06-13"),
        ("Pakistan arrested him on Monday and will try him on Friday.", "2016-06-15", "on Friday", "2016-06-17"),
        ("Talks will resume on Friday, officials who met on Monday said.", "2016-06-15", "on Monday", "2016-06-13"),
        ("On Friday, talks will resume.", "2016-06-15", "On Friday", "2016-06-17"),
        ("Pakistan said on Friday it would retaliate.", "2016-06-15", "on Friday", "2016-06-10"),
    ],
)  # fmt: skip
def test_each_date_takes_the_tense_of_its_own_clause(text, published, quote, date):
    assert _date(text, published, quote).date == date


# --- spans and times of day ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "quote", "date", "first", "last"),
    [
        (  # Thursday 31 January 2019: Monday 28 to Wednesday 30 January, not the whole year
            "Earlier this week, a US intelligence report accused Pakistan.",
            "2019-01-31", "Earlier this week", "2019-01", "2019-01-28", "2019-01-30",
        ),
        ("Later this week, the envoy will visit.", "2019-01-16", "Later this week", "2019-01", "2019-01-17", "2019-01-20"),
        ("Earlier this month, a drone strike hit.", "2019-01-16", "Earlier this month", "2019-01", "2019-01-01", "2019-01-15"),
        ("The ambassador met the army chief last night in Rawalpindi.", "2025-06-18", "last night", "2025-06-17", "2025-06-17", "2025-06-17"),
        ("The army said this morning that five died.", "2025-06-18", "this morning", "2025-06-18", "2025-06-18", "2025-06-18"),
        ("Drone strikes overnight killed five.", "2025-06-18", "overnight", "2025-06-17", "2025-06-17", "2025-06-18"),
        ("In the past 14 days, 20 people died.", "2025-06-18", "In the past 14 days", "2025-06", "2025-06-04", "2025-06-18"),
        ("Over the past three months, aid fell.", "2019-01-16", "Over the past three months", "2018-10-16", "2018-10-16", "2019-01-16"),
        ("Growth is expected in the coming year.", "2025-06-18", "coming year", "2025-06-19", "2025-06-19", "2026-06-18"),
    ],
)  # fmt: skip
def test_spans_and_times_of_day_cover_their_own_days(text, published, quote, date, first, last):
    d = _date(text, published, quote)
    assert (d.date, d.date_start, d.date_end) == (date, first, last)


def test_a_span_over_two_years_is_a_range_not_a_date():
    d = _date("Growth is expected in the coming year.", "2025-06-18", "coming year")
    assert d.precision == "range"


# --- compound durations -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        ("Pakistan signed the deal one month and two days ago.", "2019-03-31", "2019-02", "month"),
        ("They met two years and three months ago.", "2019-03-31", "2016-12", "month"),
        ("They met three weeks and two days ago.", "2019-03-31", "2019-03-08", "day"),
        ("They met a year and a half ago.", "2019-03-31", "2017-09", "month"),
    ],
)
def test_compound_durations_add_every_part(text, published, date, precision):
    d = next(d for d in extract(text, published).dates if d.quote.endswith("ago"))
    assert (d.date, d.precision) == (date, precision)


def test_compound_durations_count_later_from_the_narrative():
    text = "In March 2010, talks began. One year and two months later, they ended."
    assert dates(text)[-1] == ("One year and two months later", "2011-05", "month")


# --- fiscal years of other states ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "calendar", "fy", "first", "last"),
    [
        ("Pakistan's fiscal year 2015-16 budget raised defence spending.", "fiscal year 2015-16", "PAK", 2016, "2015-07-01", "2016-06-30"),
        ("FY2015-16 allocations in Islamabad rose.", "FY2015-16", "PAK", 2016, "2015-07-01", "2016-06-30"),
        ("Pakistan's FY2020 allocation rose.", "FY2020", "PAK", 2020, "2019-07-01", "2020-06-30"),
        ("India's financial year 2019-20 budget rose.", "financial year 2019-20", "IND", 2020, "2019-04-01", "2020-03-31"),
        ("US aid in FY2016 rose.", "FY2016", "USA", 2016, "2015-10-01", "2016-09-30"),
        ("Pakistan received US aid in fiscal year 2016.", "fiscal year 2016", "USA", 2016, "2015-10-01", "2016-09-30"),
    ],
)  # fmt: skip
def test_a_fiscal_year_is_read_in_its_states_calendar(text, quote, calendar, fy, first, last):
    d = _date(text, "2020-01-01", quote)
    assert (d.fiscal_calendar, d.fiscal_year, d.date, d.date_end) == (calendar, fy, first, last)
    assert d.precision == "fiscal_year" and d.note == ""


def test_a_split_us_fiscal_year_without_a_cue_is_a_range():
    d = _date("Aid for FY2015-16 was cut.", "2020-01-01", "FY2015-16")
    assert (d.fiscal_calendar, d.fiscal_year, d.date_end) == ("USA", 2015, "2016-09-30")


def test_a_financial_year_of_no_named_state_is_unresolved():
    d = _date("The financial year 2015-16 was hard.", "2020-01-01", "financial year 2015-16")
    assert d.date is None and d.fiscal_calendar == ""


# --- named days ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "date", "label"),
    [
        ("Post-September 11 cooperation grew.", "September 11", "2001-09-11", "September 11 attacks"),
        ("Aid grew after 9/11.", "9/11", "2001-09-11", "September 11 attacks"),
        ("In the post-9/11 era, aid grew.", "9/11", "2001-09-11", "September 11 attacks"),
        ("The 26/11 attacks strained ties.", "26/11", "2008-11-26", "2008 Mumbai attacks"),
        ("The September 11 attacks changed everything.", "September 11", "2001-09-11", "September 11 attacks"),
        ("Pre-26/11 ties were warmer.", "26/11", "2008-11-26", "2008 Mumbai attacks"),
    ],
)  # fmt: skip
def test_a_named_day_is_resolved_from_the_table_as_a_label(text, quote, date, label):
    d = _date(text, "2010-01-01", quote)
    assert (d.date, d.precision, d.label) == (date, "named_day", label)


def test_a_named_day_never_dates_another_event_in_its_clause():
    x = extract("After 9/11, the US resumed aid to Pakistan.", "2010-01-01")
    assert x.events and all(e.date != "2001-09-11" for e in x.events)
    x = extract("Post-September 11 cooperation, the US resumed aid to Pakistan.", "2010-01-01")
    assert all(e.date != "2001-09-11" for e in x.events)


def test_a_month_and_day_not_in_the_table_stay_an_unresolved_label():
    d = _date("The May 2 raid angered Islamabad.", "2012-01-01", "May 2")
    assert d.date is None and d.relative


def test_a_plain_day_is_still_a_date():
    assert _date("Talks resume on September 11.", "2010-09-01", "September 11").precision == "day"


def test_resolvers_hand_on_a_frozen_dataclass():
    import dataclasses

    from pakus.extract.temporal import Resolved

    r = Resolved.at(None)
    assert r is None
    r = Resolved.unresolved("why")
    assert (r.date, r.relative, r.note, r.fiscal_year) == (None, True, "why", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.date = "2020"  # type: ignore[misc]


def test_the_fiscal_year_is_a_typed_field_not_a_note():
    d = _date("The US withheld $255 million for FY2016.", "2020-01-01", "FY2016")
    assert isinstance(d.fiscal_year, int) and d.note == ""
    (a,) = extract("The US withheld $255 million for FY2016.").amounts
    assert a.fiscal_year == 2016
    # another state's fiscal year is not a US fiscal year of an amount
    (b,) = extract("Pakistan's FY2016 budget set aside $255 million.").amounts
    assert b.fiscal_year is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("He was killed in May last year.", "2012-10-22", ("in May last year", "2011-05", "month")),
        (
            "Talks are set for March next year.",
            "2012-10-22",
            ("March next year", "2013-03", "month"),
        ),
        (
            "It was signed in June this year.",
            "2012-10-22",
            ("in June this year", "2012-06", "month"),
        ),
    ],
)
def test_a_month_of_a_year_told_relative_is_in_that_year(text, published, expected):
    """Rule: "<month> last/this/next year" is that month of the shifted year (not the
    nearest such month before publication)."""
    assert dates(text, published) == [expected]


def test_at_that_time_is_the_last_date_told():
    """Rule: "at that time" refers back to the date told just before, at its precision, even
    when that date does not open its sentence."""
    text = "This month the Senate meets. When I proposed it in 1985, few agreed. At that time, war raged."
    assert dates(text, "1991-05-20")[-1] == ("At that time", "1985", "year")


def test_came_a_day_after_counts_back_from_the_last_date_told():
    """Rule: "(the incident) comes N after <clause>": the clause's happening is N before the
    last date told ("before": N after it)."""
    text = (
        "A raid on Saturday killed 24 soldiers. The incident comes a day after Kayani met "
        "Allen. It came two weeks before the talks."
    )
    found = dates(text, "2011-11-26")
    assert found[1] == ("a day after", "2011-11-25", "day")
    assert found[2] == ("two weeks before", "2011-12-09", "day")  # 11-25 (last told) + 14


def test_a_possessive_before_this_week_makes_it_a_name():
    """Rule: "ABC's This Week" (a possessive right before) names a programme, not a week."""
    assert dates("Daley told ABC's This Week that aid was cut.", "2011-07-10") == []


@pytest.mark.parametrize(
    "text",
    [
        "In the post-September 11, 2001 era, the US gave Pakistan aid.",
        "The September 11, 2001 generation of officers rose.",
    ],
)
def test_a_full_date_labelling_an_era_is_a_named_day(text):
    """Rule: a day after "post-"/"pre-" or before "era", "generation", "world" or "period"
    labels an era: a named day, which dates no event."""
    found = [d for d in extract(text, "2012-10-04").dates if d.date == "2001-09-11"]
    assert found and all(d.precision == "named_day" for d in found)
    assert all(e.date is None for e in extract(text, "2012-10-04").events)


def test_the_following_day_counts_from_the_last_day_told():
    text = (
        "The dialogue was held on September 7 and the maritime talks on the following day. "
        "The next day the envoy left. He had arrived the day before."
    )
    found = dates(text, "2022-09-11")
    assert found == [
        ("September 7", "2022-09-07", "day"),
        ("the following day", "2022-09-08", "day"),
        ("The next day", "2022-09-09", "day"),
        ("the day before", "2022-09-08", "day"),
    ]


def test_the_following_day_without_a_day_told_is_unresolved():
    assert dates("In May the talks began; the next day they ended.", "2022-09-11")[1][1] is None


def test_the_day_before_a_named_happening_is_no_date():
    assert [q for q, *_ in dates("He left on May 3. The day before the vote, he spoke.")] == [
        "May 3"
    ]


def test_earlier_in_the_week_is_earlier_this_week():
    # Friday 25 May 2012: Monday 21 to Thursday 24 May
    d = _date("Earlier in the week a subcommittee cut aid.", "2012-05-25", "Earlier in the week")
    assert (d.date, d.precision, d.date_start, d.date_end) == (
        "2012-05", "month", "2012-05-21", "2012-05-24",
    )  # fmt: skip


def test_later_in_the_day_is_the_day_last_told():
    """Rule (``_next_day``, same-day anaphora): "later in the day", "earlier that day", "the
    same day", "that day" are the last day told; "that day's" and "the day that …" are no
    date of their own."""
    text = (
        "Drones fired four missiles on Thursday. Later in the day, drones struck again. "
        "Earlier that day, the envoy had left. The same day, Pakistan protested. It was the "
        "day that changed the talks, and that day's rally was large."
    )
    found = dates(text, "2013-01-06")
    assert found == [
        ("on Thursday", "2013-01-03", "day"),
        ("Later in the day", "2013-01-03", "day"),
        ("Earlier that day", "2013-01-03", "day"),
        ("The same day", "2013-01-03", "day"),
    ]


def test_a_month_after_a_bare_past_participle_is_past_whatever_the_modal_before_it():
    # temporal._BARE_PARTICIPLE: "aid frozen in March" is the freezing's own (past) month,
    # though "would" opens the clause; "would be frozen in March" stays future
    past = "A deal would permit the return of aid to Pakistan frozen in March."
    assert _date(past, "1993-09-01", "in March").date == "1993-03"
    future = "Aid to Pakistan would be frozen in March."
    assert _date(future, "1993-09-01", "in March").date == "1994-03"


@pytest.mark.parametrize(
    "line",
    [
        "Lahore/Washington, May 9: ",  # places with capitals, a slash, a colon
        "LAHORE, May 9 (APP) ",  # the bracketed outlet ends it without a dash
        "Lahore, May 9 APP: ",  # the outlet's bare initials before the colon
    ],
)
def test_datelines_of_regional_papers_set_the_reference_day(line):
    # text.DATELINE: "yesterday" counts from the dateline's day, not the published day
    text = f"{line}The United States yesterday released military aid to Pakistan."
    found = _date(text, "2005-05-10", "yesterday")
    assert (found.date, found.anchor) == ("2005-05-08", "dateline")


def test_a_month_and_day_in_a_future_clause_is_the_next_such_day():
    # temporal._month_day_no_year: "will stop over in Islamabad on March 25" (published
    # March 8) is this year's March 25, not last year's
    text = "The president will stop over in Islamabad on March 25."
    assert _date(text, "2000-03-08", "March 25").date == "2000-03-25"
    assert (
        _date("The president stopped over in Islamabad on March 25.", "2000-03-08", "March 25").date
        == "1999-03-25"
    )


def test_a_date_after_a_sequence_adverb_opens_the_narrative():
    # text._CONNECTIVE: "Earlier, in May, ..." opens its sentence like "In May, ...", so
    # "the following month" counts from it, not from a date told before
    text = (
        "In March 2021 the United States sanctioned two firms. Earlier, in May, Washington had "
        "sanctioned a Pakistani supplier. Two more firms were sanctioned the following month."
    )
    assert _date(text, "2024-12-19", "the following month").date == "2024-06"
