import pytest

from helpers import date_spans, dates


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
