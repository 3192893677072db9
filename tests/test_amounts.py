import pytest

from helpers import extract


def amounts(text: str):
    return [(a.quote, a.usd, a.usd_max, a.qualifier) for a in extract(text).amounts]


@pytest.mark.parametrize(
    ("text", "quote", "usd"),
    [
        ("a $450 million package", "$450 million", 450e6),
        ("worth $2 billion in aid", "$2 billion", 2e9),
        ("trade of $12 billion", "$12 billion", 12e9),
        ("a $1.5bn loan", "$1.5bn", 1.5e9),
        ("US$ 300 million in grants", "US$ 300 million", 300e6),
        ("USD 66 million", "USD 66 million", 66e6),
        ("$800m in military aid", "$800m", 800e6),
        ("$33,000 for training", "$33,000", 33000.0),
        ("1.5 billion dollars a year", "1.5 billion dollars", 1.5e9),
    ],
)
def test_money_in_us_dollars(text, quote, usd):
    assert [(q, u) for q, u, _, _ in amounts(text)] == [(quote, usd)]


def test_qualifiers_and_ranges():
    assert amounts("more than $200 million in relief") == [
        ("more than $200 million", 200e6, None, "more than")
    ]
    assert amounts("between $300 million and $400 million") == [
        ("between $300 million and $400 million", 300e6, 400e6, "")
    ]
    assert amounts("some $300-400 million") == [("some $300-400 million", 300e6, 400e6, "some")]


def test_no_amount_without_a_currency():
    assert amounts("In 2018, 66 slots and 24 soldiers; 1,500 officers.") == []


def test_purpose_category_programme_and_fiscal_year():
    text = (
        "In September 2022, the State Department approved a $450 million package for the "
        "sustainment of Pakistan's F-16 fleet in a bid to help. "
        "The US withheld $255 million in Foreign Military Financing for FY2016."
    )
    first, second = extract(text).amounts
    assert first.purpose == "package for the sustainment of Pakistan's F-16 fleet"
    assert first.category == "arms sale"
    assert first.program == "PROG.F16"
    assert second.purpose == "Foreign Military Financing"
    assert second.category == "military aid"
    assert second.program == "PROG.FMF"
    assert second.fiscal_year == 2016


def test_purpose_before_the_amount():
    a = extract("with their bilateral trade volume standing at $12 billion, both").amounts[0]
    assert a.purpose == "bilateral trade volume"
    assert a.category == "trade"


def test_counts_are_their_own_kind():
    x = extract(
        "It cancelled 66 slots for two Pakistani military officers; 24 soldiers died in 2011."
    )
    assert [(c.quote, c.count, c.unit) for c in x.counts] == [
        ("66 slots", 66, "slot"),
        ("two Pakistani military officers", 2, "officer"),
        ("24 soldiers", 24, "soldier"),
    ]


def test_purpose_after_a_rate():
    text = "Washington gave $1.5 billion a year in economic aid, and $300 million annually for training."
    assert [(a.quote, a.purpose) for a in extract(text).amounts] == [
        ("$1.5 billion", "economic aid"),
        ("$300 million", "training"),
    ]


def test_a_count_names_the_head_of_a_compound_unit():
    counts = [(c.quote, c.count, c.unit) for c in extract("more than 400 drone strikes").counts]
    assert counts == [("400 drone strikes", 400, "strike")]
    assert [c.unit for c in extract("66 slots for officers").counts] == ["slot"]


def test_purposes_stop_at_dates_pronouns_and_keep_qualifiers_in_brackets():
    found = extract(
        "The IMF approved a $6 billion bailout for Pakistan in July 2019. The budget rose to "
        "Rs1.8 trillion (about $6.5 billion). Between $3 billion and $4 billion of it was lost."
    ).amounts
    assert [(a.quote, a.qualifier, a.purpose) for a in found] == [
        ("$6 billion", "", "bailout for Pakistan"),
        ("Rs1.8 trillion", "", ""),  # rupees are kept, with their value (not US dollars)
        ("about $6.5 billion", "about", ""),
        ("Between $3 billion and $4 billion", "", ""),
    ]
    assert (found[1].usd, found[1].value, found[2].role) == (None, 1.8e12, "equivalent")


def test_a_fiscal_year_is_not_a_purpose():
    (a,) = extract("The Administration requested $80 million in FMF for FY2018.").amounts
    assert (a.purpose, a.program, a.fiscal_year) == ("FMF", "PROG.FMF", 2018)
    (b,) = extract("Congress set aside $900 million for FY2016.").amounts
    assert b.purpose != "FY2016" and b.fiscal_year == 2016
