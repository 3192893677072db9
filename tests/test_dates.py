import datetime as dt

import pytest

from pakus.dates import PartialDate, coarser_precision, fiscal_year_bounds, fiscal_year_of


@pytest.mark.parametrize(
    ("text", "precision", "iso"),
    [
        ("2020", "year", "2020"),
        ("2020-01", "month", "2020-01"),
        ("2020-01-04", "day", "2020-01-04"),
    ],
)
def test_parse_keeps_precision(text, precision, iso):
    d = PartialDate.parse(text)
    assert d.precision == precision
    assert d.iso() == iso


@pytest.mark.parametrize("bad", ["2020-13", "2020-02-30", "20", "Jan 2020", "2020/01/04", ""])
def test_parse_rejects_impossible_or_malformed(bad):
    with pytest.raises(ValueError):
        PartialDate.parse(bad)


def test_bounds_of_a_month_and_a_leap_february():
    assert PartialDate(2024, 2).last_day() == dt.date(2024, 2, 29)
    assert PartialDate(2023, 2).last_day() == dt.date(2023, 2, 28)
    assert PartialDate(2019).first_day() == dt.date(2019, 1, 1)


def test_compatible_at_the_coarser_precision():
    assert PartialDate(2019, 12).compatible(PartialDate(2019, 12, 3))
    assert PartialDate(2019).compatible(PartialDate(2019, 5, 1))
    assert not PartialDate(2019, 12).compatible(PartialDate(2020, 1, 4))
    assert coarser_precision("day", "month") == "month"


@pytest.mark.parametrize(
    ("day", "fy"),
    [(dt.date(2017, 9, 30), 2017), (dt.date(2017, 10, 1), 2018), (dt.date(2018, 1, 4), 2018)],
)
def test_us_fiscal_year_starts_in_october(day, fy):
    assert fiscal_year_of(day) == fy


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2016) == (dt.date(2015, 10, 1), dt.date(2016, 9, 30))
