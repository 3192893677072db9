"""Who did what to whom, read from the parse (pakus.extract.events.grammar): one test per rule."""

from helpers import extract
from pakus.evaluation import actor_codes_table
from pakus.extract.events.grammar import slot_tokens
from pakus.extract.parse import parse_spans

GROUPS = {a for a, (_, kind) in actor_codes_table().items() if kind == "group"}


def _side(actor: str, country: str) -> str:
    """The side an actor takes: its country, except that an armed group acting as itself is
    the group (its ``source_country`` is its home country, as Phoenix codes it)."""
    return actor if actor in GROUPS or actor.startswith("group:") else country


def roles(text: str, kind: str) -> set[tuple[str, str]]:
    """(source side, target side) of the events of ``kind`` in ``text`` (``_side``)."""
    return {
        (_side(e.source_actor, e.source_country), _side(e.target_actor, e.target_country))
        for e in extract(text).events
        if e.type == kind
    }


def test_a_compound_actor_acts_for_its_country():
    # "Palestinians" is a compound actor (a nationality as a noun), not a demonym adjective
    assert ("PSE", "ISR") in roles("The Palestinians rejected the Israeli proposal.", "REJECT")


def test_coordinated_modifiers_of_a_compound_actor_each_act():
    found = extract("US and Afghan forces attacked Taliban hideouts.").events
    # the group stays the target actor; its side is its home country, sector REB (Phoenix)
    assert {(e.source_country, e.target_actor, e.target_country, e.target_sector)
            for e in found if e.type == "ASSAULT"} == {
        ("USA", "TALIBAN", "AFG", "REB"),
        ("AFG", "TALIBAN", "AFG", "REB"),
    }  # fmt: skip


def test_a_possessor_state_names_a_generic_body():
    assert roles("Pakistan's Senate condemned the strike.", "ACCUSE") == {("PAK", "")}


def test_an_apposition_beats_a_possessor():
    assert roles("Pakistan's ally, the United States, condemned the strike.", "ACCUSE") == {
        ("USA", "")
    }


def test_unnamed_victims_are_of_the_country_where_they_were_hit():
    text = "A US drone strike killed at least 12 militants in Balochistan on Monday."
    assert roles(text, "ASSAULT") == {("USA", "PAK")}


def test_an_actor_told_by_a_common_noun_is_of_the_country_where_it_acted():
    text = "Gunmen opened fire on a convoy of NATO fuel tankers in southern Sindh province."
    assert roles(text, "ASSAULT") == {("PAK", "IGO")}


def test_a_passive_without_agent_takes_no_source_from_the_place():
    text = "The US envoy was attacked in Peshawar on Monday."
    assert {s for s, _ in roles(text, "ASSAULT")} <= {""}


def test_a_joint_act_of_coordinated_sources_has_no_place_target():
    text = "American and Pakistani officials held talks in Islamabad."
    assert roles(text, "CONSULT") == {("USA", ""), ("PAK", "")}


def test_an_adverbial_event_noun_takes_no_target_from_the_main_clause():
    text = "Since the 2001 attacks, Musharraf's government has detained 500 militants."
    assert ("", "PAK") not in roles(text, "ASSAULT")
    text = "The terrorist attacks of September 2001 changed U.S.-Pakistan relations."
    assert all(t == "" for _, t in roles(text, "ASSAULT"))


def test_an_event_noun_subject_of_a_verb_of_its_kind_takes_the_verbs_object():
    assert roles("A US drone strike killed 24 Pakistani soldiers.", "ASSAULT") == {("USA", "PAK")}


def test_a_partitive_object_finds_the_verb_and_its_subject():
    text = "Afghan rebels exploded a series of bombs in the capital Kabul."
    assert roles(text, "ASSAULT") == {("AFG", "AFG")}


def test_a_person_takes_the_country_of_the_words_around_the_name():
    text = "Robert Oakley, the American ambassador, met Pakistan's foreign minister on Sunday."
    assert ("USA", "PAK") in roles(text, "CONSULT")


def test_coordinated_verbs_share_the_object_told_after_the_last():
    text = "The United States suspended or cancelled $800 million in military aid to Pakistan."
    assert ("USA", "PAK") in roles(text, "SANCTION")


def test_a_passive_it_standing_for_a_thing_takes_the_things_parties():
    text = (
        "The US military aid to Pakistan had run at $600 million a year, but it was halted in "
        "October 1990 over the nuclear weapons programme."
    )
    assert roles(text, "SANCTION") == {("USA", "PAK")}


def test_the_place_is_found_through_a_participle_of_the_event_noun():
    text = "A US drone strike killed at least 12 militants in Balochistan on Monday."
    assert ("USA", "PAK") in roles(text, "ASSAULT")


def test_an_event_noun_of_a_circumstance_phrase_is_done_by_the_verbs_subject():
    text = "Iraqi President Saddam Hussein arrived in Amman on an unannounced visit."
    assert roles(text, "CONSULT") == {("IRQ", "JOR")}


def test_a_noun_named_by_a_place_is_an_actor_of_its_country():
    text = "Pakistan accused Balochistan separatists of the attack."
    assert ("PAK", "PAK") in roles(text, "ACCUSE")


def test_the_subject_of_a_verb_of_undergoing_is_the_target_and_from_names_the_source():
    assert roles("In 1987 Pakistan suffered raids from Afghanistan.", "ASSAULT") == {("AFG", "PAK")}


def test_the_subject_of_a_stative_participle_holds_the_attitude():
    # "is opposed to": an adjective of attitude, not a passive — India rejects, it is not rejected
    text = "India is opposed to American mediation in its dispute with Pakistan."
    assert roles(text, "REJECT") == {("IND", "USA")}


def test_a_participle_modifying_a_noun_is_done_by_that_noun():
    text = "The minister complained to American senators visiting Islamabad on Monday."
    assert ("USA", "PAK") in roles(text, "CONSULT")


def test_an_adjective_predicate_passes_the_copulas_subject_to_its_complement():
    assert ("PAK", "IND") in roles("Pakistan is ready to resume talks with India.", "CONSULT")


def test_a_demands_target_is_the_subject_of_its_content_clause():
    text = (
        "The senator issued a statement demanding that the Pakistani government release the doctor."
    )
    assert {t for _, t in roles(text, "REQUEST")} == {"PAK"}
    text = "Washington is pushing for Islamabad to close the border crossing."
    assert roles(text, "REQUEST") == {("USA", "PAK")}


def test_a_promises_target_is_the_recipient_of_its_content():
    text = "Pakistan offered to hand over to the United States three suspects held in Peshawar."
    assert roles(text, "AGREE") == {("PAK", "USA")}
    text = "Pakistan has offered to hand over two Afghan suspects to the United States."
    assert roles(text, "AGREE") == {("PAK", "USA")}


def test_a_title_in_apposition_tells_for_whom_a_person_acts():
    # Khalilzad is American in actors.csv; named as NATO's envoy he acts for NATO
    text = "Zalmay Khalilzad, the NATO envoy, urged Pakistan to close the camps."
    assert roles(text, "REQUEST") == {("IGO", "PAK")}


def test_a_text_that_demands_is_its_issuers():
    text = (
        "The State Department issued a statement demanding that the Pakistani government "
        "release the doctor."
    )
    assert roles(text, "REQUEST") == {("USA", "PAK")}


def test_a_demand_nouns_that_clause_hung_on_the_verb_names_the_target():
    text = "Washington repeated its demand on Monday that Pakistan close the militant camps."
    assert roles(text, "REQUEST") == {("USA", "PAK")}


def test_a_place_in_a_frame_slot_is_coded_by_its_country():
    text = "The TTP said it would blockade Peshawar from Monday."
    assert roles(text, "THREATEN") == {("TTP", "PAK")}


def test_an_object_that_is_a_deed_names_its_doer_as_target():
    text = "India rejected the latest proposal by Pakistan."
    assert roles(text, "REJECT") == {("IND", "PAK")}


def test_a_state_and_its_nationals_are_two_parties():
    text = "Pakistan arrested 12 Pakistani militants in Karachi on Monday."
    assert roles(text, "COERCE") == {("PAK", "PAK")}


def test_a_relative_clause_with_the_noun_as_object_gives_its_coordinated_targets():
    text = "Bush lifted the sanctions that Congress had imposed on Pakistan and India."
    assert roles(text, "RETREAT") == {("USA", "PAK"), ("USA", "IND")}


def test_a_passive_told_by_an_event_noun_of_its_kind_takes_the_nouns_agent():
    text = "Three Pakistani soldiers were killed in a US drone strike on Monday."
    assert roles(text, "ASSAULT") == {("USA", "PAK")}
    # the strike's modifier is its doer, not the place of the killing
    text = "The militant commander was killed in a US drone strike in Balochistan."
    assert roles(text, "ASSAULT") == {("USA", "PAK")}


def test_an_event_noun_under_a_passive_verb_takes_the_verbs_frame_target():
    assert roles("Sanctions were imposed on Pakistan in 1998.", "SANCTION") == {("", "PAK")}


def test_a_promises_content_subject_is_its_actor_not_its_target():
    # only a demand's content subject is its target (the one asked to act); in a promise or a
    # threat the content's subject acts, and the target is the content's own
    text = "India threatened that the Indian army would strike the camps."
    assert roles(text, "THREATEN") == {("IND", "")}
    text = "Pakistan promised that the Pakistani army would hand over the suspects to the US."
    assert roles(text, "AGREE") == {("PAK", "USA")}


def test_the_subject_the_parser_gives_an_infinitive_complement_is_the_verbs_object():
    text = "Pakistan allowed the United States to use its air bases."
    assert roles(text, "CONCEDE") == {("PAK", "USA")}


def test_the_place_of_a_when_clause_is_where_the_event_happened():
    text = (
        "Taliban gunmen killed six soldiers on Monday when they ambushed a convoy in Balochistan."
    )
    assert roles(text, "ASSAULT") == {("TALIBAN", "PAK")}


def test_an_ultimatums_target_is_the_subject_of_its_condition():
    text = (
        "The US Congress threatened that NATO would hold back more aid if Pakistan does not "
        "reopen the supply routes."
    )
    assert roles(text, "THREATEN") == {("USA", "PAK")}


def test_a_complaints_target_is_the_subject_of_its_content():
    text = "Pakistan complained to visiting senators that Congress does not value its efforts."
    assert roles(text, "ACCUSE") == {("PAK", "USA")}


def test_a_body_based_somewhere_acts_for_that_country_and_conjuncts_all_count():
    text = "Washington sanctioned a Belarus-based tractor plant and three Chinese firms."
    assert roles(text, "SANCTION") == {("USA", "BLR"), ("USA", "CHN")}


def test_the_agent_of_a_participle_on_an_event_noun_is_its_source():
    text = "On Friday a car bombing carried out by the Haqqani network killed nine Afghan police."
    assert ("HQN", "AFG") in roles(text, "ASSAULT")


def test_a_between_phrase_of_the_verb_names_all_targets():
    text = "On Monday China offered to mediate between Armenia and Azerbaijan."
    assert roles(text, "AGREE") == {("CHN", "ARM"), ("CHN", "AZE")}


def test_coordinated_sources_take_no_target_from_the_trigger_lexicon():
    text = (
        "Egypt and Jordan have each pledged publicly at the United Nations General Assembly to "
        "move toward adherence to the treaty by 2030."
    )
    assert all(t == "" for _, t in roles(text, "AGREE"))


def test_an_unnamed_recipient_of_a_sanction_is_the_one_its_source_last_acted_on():
    text = (
        "On 3 May 2015 the United States imposed sanctions on Egypt. A week later Washington "
        "also withheld the delivery of twelve fighter jets."
    )
    assert roles(text, "SANCTION") == {("USA", "EGY")}


def test_an_implicit_recipient_is_taken_only_in_the_same_sense():
    # a sanction's target is not the recipient of earlier aid, nor from another source
    text = (
        "On 3 May 2015 the United States gave $20 million in aid to Egypt. A week later "
        "Washington withheld the delivery of twelve fighter jets."
    )
    assert roles(text, "SANCTION") == {("USA", "")}


def test_an_unnamed_party_of_an_easing_is_the_one_its_source_last_acted_on():
    text = (
        "On 3 May 2015 the United States imposed sanctions on Egypt. On 9 June 2016 "
        "Washington lifted the sanctions."
    )
    assert roles(text, "RETREAT") == {("USA", "EGY")}


def test_an_agentless_lifting_is_by_the_state_that_imposed_the_sanctions():
    text = (
        "On 3 May 2015 the United States imposed sanctions on Egypt. On 9 June 2016 the "
        "sanctions on Egypt were lifted."
    )
    assert roles(text, "RETREAT") == {("USA", "EGY")}


def test_an_agentless_cut_of_aid_is_by_the_giver_of_the_aid():
    text = "On 3 May 2015 the United States gave aid to Egypt. In 2016 aid to Egypt was cut."
    assert roles(text, "SANCTION") == {("USA", "EGY")}


def test_the_agent_of_a_passive_with_an_event_noun_subject_is_its_source():
    text = "The embargo was imposed by the European Union in March 2011."
    assert ("IGO", "") in roles(text, "SANCTION")


def test_a_relative_clause_of_its_kind_names_the_target_of_an_event_noun():
    text = "Relations soured after the Russian airstrike that killed 30 Turkish soldiers in 2016."
    strike = [e for e in extract(text).events if e.trigger == "airstrike"]
    assert [(e.source_country, e.target_country) for e in strike] == [("RUS", "TUR")]


def test_who_died_in_an_event_suffered_it():
    text = "On Thursday six Taliban commanders died in a drone strike in Kunar province."
    assert {s for s, _ in roles(text, "ASSAULT")} == {""}
    assert {t for _, t in roles(text, "ASSAULT")} == {"TALIBAN"}


def test_the_subject_of_a_bare_infinitive_complement_is_the_verbs_object():
    text = "On Friday Japan offered to help Vietnam become a regional trade hub."
    assert roles(text, "AGREE") == {("JPN", "VNM")}
    (doc,) = parse_spans(text, [(0, len(text))])
    help_ = next(t for t in doc if t.lower_ == "help")
    assert [t.text for t in slot_tokens(help_, "dobj")] == ["Vietnam"]


def test_a_participle_modifying_a_noun_takes_the_agent_of_an_event_noun_of_its_kind():
    # a reduced passive relative: "the soldiers killed in …" were killed, by the strike's doer
    text = "Relatives mourned the nine soldiers killed in a Russian air strike near Idlib."
    found = roles(text, "ASSAULT")
    assert found and all(s == "RUS" for s, _ in found)


def test_coordinated_passives_share_the_event_noun_told_after_the_last():
    text = "Four guards were killed and two others wounded in an Iranian rocket attack."
    killed = [e for e in extract(text).events if e.trigger == "killed"]
    assert killed and all(e.source_country == "IRN" for e in killed)


def test_a_judgement_of_a_deed_is_against_the_deeds_doer():
    # PLOVER ACCUSE: condemning an action is against its actor, not its victim nor its place
    text = "Kenya strongly denounced the killing of four civilians in Mandera, a Kenyan town."
    assert roles(text, "ACCUSE") == {("KEN", "")}
    # a "by" phrase the parser hangs on the active verb belongs to the deed
    text = (
        "Kenya strongly denounced an unprovoked act of killing of four villagers so far by "
        "Somali troops at a village near the border."
    )
    assert roles(text, "ACCUSE") == {("KEN", "SOM")}
    # but an object that names a party is the one accused, not a deed
    assert roles("Kenya accused Somali troops of the attack.", "ACCUSE") == {("KEN", "SOM")}


def test_a_judged_deed_told_before_is_against_its_earlier_doer():
    text = (
        "On Monday Russian jets struck a Syrian village. On Tuesday the Turkish government "
        "condemned the strike that killed 30 Turkish soldiers."
    )
    assert roles(text, "ACCUSE") == {("TUR", "RUS")}
    text = (
        "On Monday a US drone strike killed five militants in North Waziristan. On Tuesday "
        "Pakistan condemned the strike."
    )
    assert roles(text, "ACCUSE") == {("PAK", "USA")}


def test_the_speaker_of_reported_speech_is_no_party_of_the_happening_reported():
    text = "The U.S. will not resume military aid, Egypt's Foreign Ministry said."
    assert all(t != "EGY" for _, t in roles(text, "AID"))
    # named in the reported clause too, it is a party
    text = "On Monday the U.S. gave $5 million in aid to Egypt, Egypt's Foreign Ministry said."
    assert roles(text, "AID") == {("USA", "EGY")}


def test_an_agentless_act_of_any_type_is_by_the_one_that_last_did_it_to_its_target():
    text = (
        "On Monday Egypt summoned the Turkish ambassador over the raid. On Tuesday the "
        "Turkish ambassador was summoned again."
    )
    assert roles(text, "CONSULT") == {("EGY", "TUR")}


def test_a_relational_nouns_possessor_is_the_other_party_not_the_referent():
    text = "On Monday Moscow began supplying arms to its Afghan ally."
    assert ("RUS", "AFG") in roles(text, "AID")
    text = "On Monday Russia pledged to support its Afghan ally."
    assert ("RUS", "AFG") in roles(text, "AGREE") | roles(text, "SUPPORT")


def test_a_definite_event_noun_naming_no_party_refers_back_to_the_last_of_its_type():
    text = (
        "On 3 May 2015 the United States cut off military aid to Egypt. The cutoff, "
        "required by law, halted $300 million in assistance."
    )
    cutoff = [e for e in extract(text).events if e.trigger == "cutoff"]
    assert [(e.source_country, e.target_country) for e in cutoff] == [("USA", "EGY")]
    # not a new or an indefinite one
    text = "On 3 May 2015 the United States cut off military aid to Egypt. A cutoff followed."
    cutoff = [e for e in extract(text).events if e.trigger == "cutoff"]
    assert all(not e.source_country for e in cutoff)


def test_coordinated_verbs_of_one_subject_share_the_place_told_with_the_first():
    text = "On Monday Turkish troops entered a village in Idlib province and killed four people."
    killed = [e for e in extract(text).events if e.trigger == "killed"]
    assert [(e.source_country, e.target_country) for e in killed] == [("TUR", "SYR")]


def test_a_place_close_to_a_named_place_is_in_its_country():
    text = "On Monday Turkish jets struck a house in a village close to Aleppo."
    assert ("TUR", "SYR") in roles(text, "ASSAULT")


def test_an_agentless_restoring_of_aid_is_by_the_state_that_cut_it():
    text = (
        "On 3 May 2015 the United States cut off aid to Egypt. In 2017 aid to Egypt was restored."
    )
    assert ("USA", "EGY") in roles(text, "AID")
