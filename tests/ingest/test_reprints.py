"""pakus.ingest.reprints: reprints and near-duplicates grouped with MinHash/LSH."""

from pakus.dates import PartialDate
from pakus.ingest.reprints import Text, group_reprints, jaccard, shingles

from .conftest import story


def _wire() -> list[str]:
    return story(21, 16)


def test_reprint_with_a_changed_first_line_is_grouped_with_its_original():
    wire = _wire()
    reprint = ["LAHORE: A local paper carried this report on its inside pages.", *wire[1:]]
    texts = [
        Text("wire", "\n\n".join(wire), PartialDate(2019, 3, 5)),
        Text("paper", "\n\n".join(reprint), PartialDate(2019, 3, 6)),
        Text("other", "\n\n".join(story(22, 16)), PartialDate(2019, 3, 5)),
    ]
    assert group_reprints(texts) == {"paper": "wire"}


def test_the_earliest_published_is_the_original_whatever_the_id_order():
    wire = "\n\n".join(_wire())
    texts = [
        Text("a-late", wire + " Extra.", PartialDate(2019, 4)),
        Text("z-early", wire, PartialDate(2019, 3, 1)),
    ]
    assert group_reprints(texts) == {"a-late": "z-early"}


def test_undated_copies_follow_the_dated_one_and_groups_are_transitive():
    wire = _wire()
    texts = [
        Text("b", "\n\n".join(wire[:14])),
        Text("c", "\n\n".join(wire[2:])),
        Text("a", "\n\n".join(wire), PartialDate(2020)),
    ]
    assert group_reprints(texts) == {"b": "a", "c": "a"}


def test_different_stories_on_the_same_words_are_not_grouped():
    texts = [Text(str(n), "\n\n".join(story(30 + n, 16))) for n in range(6)]
    assert group_reprints(texts) == {}


def test_jaccard_of_shingles():
    a, b = shingles("one two three four five six"), shingles("one two three four five seven")
    assert a == {"one two three four five", "two three four five six"}
    assert jaccard(a, b) == 1 / 3
