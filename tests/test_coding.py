"""Event coding from the grammar: the shown cases of issue 12, each named for its rule."""

from helpers import extract


def told(text: str, published: str) -> list:
    """The events of ``text`` told as done (asserted, not negated)."""
    return [
        e for e in extract(text, published).events if e.modality == "asserted" and not e.negated
    ]


def kinds(text: str, published: str) -> set[tuple[str, str, str]]:
    return {(e.type, e.source_country, e.target_country) for e in told(text, published)}


def test_a_ban_governs_the_sale_it_bans():
    text = "A ban on American weapons sales to Pakistan, imposed in 1990, is still in force."
    found = kinds(text, "2003-05-10")
    assert ("SANCTION", "USA", "PAK") in found
    assert not any(t == "AID" for t, _, _ in found)


def test_calling_off_talks_is_sanction_not_consult():
    text = (
        "On Monday the Clinton administration called off the annual security talks with Pakistan."
    )
    evs = told(text, "1998-06-03")
    assert [(e.type, e.source_country, e.target_country, e.date) for e in evs] == [
        ("SANCTION", "USA", "PAK", "1998-06-01")
    ]


def test_what_a_bill_lets_someone_do_is_not_done():
    text = (
        "On Tuesday Congress passed a bill that lets the president relax economic sanctions "
        "on Pakistan."
    )
    assert not any(t == "SANCTION" for t, _, _ in kinds(text, "1998-10-22"))


def test_lifting_sanctions_is_retreat_toward_their_target():
    text = "On September 22, the sanctions placed on Pakistan over its nuclear tests were lifted."
    evs = told(text, "2001-10-01")
    assert [(e.type, e.target_country, e.date) for e in evs] == [("RETREAT", "PAK", "2001-09-22")]


def test_no_before_adjective_and_noun_negates():
    text = "Today the United States imposes no economic sanctions on Pakistan."
    assert not any(t == "SANCTION" for t, _, _ in kinds(text, "2002-02-11"))


def test_a_possible_sale_is_not_told_as_done():
    text = (
        "The State Department has approved a possible Foreign Military Sale to Pakistan worth "
        "$125 million."
    )
    assert not any(t == "AID" for t, _, _ in kinds(text, "2019-07-26"))


def test_would_in_reported_speech_is_not_told_as_done():
    text = "The State Department said talks with Pakistan would resume on Friday."
    evs = extract(text, "2016-06-13").events
    talks = [e for e in evs if e.type == "CONSULT"]
    assert talks and all(e.modality == "future" for e in talks)


def test_a_passive_without_agent_makes_the_subject_the_target():
    text = "The US envoy was attacked in Peshawar on Monday."
    evs = [e for e in told(text, "2008-08-27") if e.type == "ASSAULT"]
    assert evs and all(e.target_country == "USA" and e.source_country != "USA" for e in evs)


def test_a_nationality_phrase_after_the_verb_is_the_target():
    text = "US forces killed 24 Pakistani soldiers in a border strike."
    assert ("ASSAULT", "USA", "PAK") in kinds(text, "2011-11-27")


def test_coordinated_actors_each_act():
    text = "US and Afghan forces attacked Taliban hideouts near the border."
    evs = [e for e in told(text, "2008-09-05") if e.type == "ASSAULT"]
    assert {e.source_country for e in evs} == {"USA", "AFG"}
    assert {e.target_actor for e in evs} == {"TALIBAN"}


def test_the_recipient_beats_the_object_as_target():
    text = "Pakistan handed over three al-Qaeda suspects to the United States."
    evs = told(text, "2002-04-01")
    assert evs and all((e.source_country, e.target_country) == ("PAK", "USA") for e in evs)


def test_condemning_is_an_accusation_by_the_speaker():
    text = "The United States condemned the attack on its consulate in Peshawar."
    assert any(e.type == "ACCUSE" and e.source_country == "USA" for e in told(text, "2010-04-05"))


def test_urging_is_a_request_to_the_one_urged():
    text = "The White House urged Pakistan to sign the test ban treaty."
    assert ("REQUEST", "USA", "PAK") in kinds(text, "1998-12-03")


def test_the_content_of_an_accusation_is_not_told_as_done():
    text = (
        "Earlier this week a US intelligence report accused Pakistan of sheltering militant groups."
    )
    found = kinds(text, "2019-01-31")
    assert ("ACCUSE", "USA", "PAK") in found
    assert not any(t == "ASSAULT" for t, _, _ in found)


def test_a_promise_of_aid_is_agree():
    text = "The United States will provide $300 million to Pakistan next year, officials said."
    found = kinds(text, "2015-06-01")
    assert ("AGREE", "USA", "PAK") in found
    assert not any(t == "AID" for t, _, _ in found)


def test_a_run_on_sentence_is_not_coded_and_the_cut_is_reported():
    from pakus.extract.parse import MAX_SENTENCE_CHARS

    filler = "(" + "word " * (MAX_SENTENCE_CHARS // 5) + ")"
    text = f"The United States suspended aid to Pakistan {filler} in 2018."
    x = extract(text, "2018-02-01")
    assert x.events == []
    assert any("not coded for events" in n for n in x.notes)


def test_a_weekday_in_a_future_clause_is_the_coming_one():
    """Rule (dating): a weekday in a clause told in the future ("would resume on Friday",
    published on a Monday) is the coming such day, not the last one."""
    text = "The State Department said talks with Pakistan would resume on Friday."
    talks = [e for e in extract(text, "2016-06-13").events if e.type == "CONSULT"]
    assert talks and all(e.date == "2016-06-17" for e in talks)


def test_an_official_statements_we_is_its_issuer():
    """Rule (issue 12 item 2): the first-person "we" of an official statement is its issuer,
    the known actor its author (else outlet) metadata names; a news outlet or a description
    naming more than an actor is no issuer, and "we" then names nobody."""
    from pakus.corpus import Document
    from pakus.dates import PartialDate
    from pakus.extract import extract_document, issuer_of

    text = "We condemn the attack on the US consulate in Peshawar."
    published = PartialDate.parse("2010-04-05")
    release = Document("release", text, author="U.S. Department of State", published=published)
    assert issuer_of(release).id == "USA.STATE"
    accuse = [e for e in extract_document(release).events if e.type == "ACCUSE"]
    assert accuse and all(
        (e.source_actor, e.source_country, e.source_sector) == ("USA.STATE", "USA", "GOV")
        for e in accuse
    )
    report = Document(
        "report", text, outlet="paraphrase of a State Department briefing", published=published
    )
    assert issuer_of(report) is None
    assert all(e.source_actor != "USA.STATE" for e in extract_document(report).events)
    assert issuer_of(Document("news", text, outlet="Pakistan Today")) is None
