"""The dependency parser: which pipeline, its provenance, batching and the cache."""

import pytest

from pakus.extract import parse


def test_parser_is_en_core_web_sm_3_8_without_ner():
    info = parse.parser_info()
    assert info["package"] in parse.MODELS
    assert info["name"].startswith("en_core_web_sm")
    assert info["version"].startswith("3.8.")
    components = info["components"].split("|")
    assert "parser" in components and "ner" not in components


def test_spans_parse_to_one_doc_each_with_offsets_relative_to_the_span():
    text = "Pakistan denied the charge. The United States urged Pakistan to act."
    docs = parse.parse_spans(text, [(0, 27), (28, len(text))])
    assert [d.text for d in docs] == [text[:27], text[28:]]
    urged = next(t for t in docs[1] if t.lower_ == "urged")
    assert text[28 + urged.idx : 28 + urged.idx + len(urged)] == "urged"
    assert urged.dep_ == "ROOT" and urged.lemma_ == "urge"


def test_the_same_sentence_is_parsed_once():
    sentence = "Washington suspended military aid to Islamabad in January."
    first = parse.parse_texts([sentence])[0]
    assert parse.parse_texts([sentence, sentence]) == [first, first]


def test_a_parse_shared_between_processes_is_read_back_not_parsed_again(tmp_path, monkeypatch):
    # rule (parse.share_parses): a sentence another process of the build parsed is read
    # from the shared folder, with the tokens, tags, lemmas, morphology and tree parsed
    # (words the pipeline's strings lack: their lemmas are new strings, which go with them)
    sentence = "The Qarvistani envoys blorfed the Zentrian treaty after the raid."
    fresh = parse.parser()(sentence)
    parse.share_parses(str(tmp_path))
    try:
        parse._CACHE.pop(sentence, None)
        parse.parse_texts([sentence])  # parsed here, put in the shared folder
        parse._CACHE.pop(sentence, None)  # as in another process: not in its own cache
        other = parse._load.__wrapped__()[0]  # another process's pipeline: its own strings
        assert "blorfe" not in other.vocab.strings
        monkeypatch.setattr(parse, "_load", lambda: pytest.fail("parsed again") or None)
        monkeypatch.setattr(parse, "parser", lambda: type("Nlp", (), {"vocab": other.vocab})())
        shared = parse.parse_texts([sentence])[0]
    finally:
        parse.share_parses(None)
        parse._CACHE.pop(sentence, None)

    def tree(doc):
        return [(t.text, t.idx, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i,
                 t.is_sent_start) for t in doc]  # fmt: skip

    assert tree(shared) == tree(fresh)


def test_a_sentence_over_the_length_cap_is_refused():
    with pytest.raises(ValueError, match="longer than"):
        parse.parse_spans("x" * (parse.MAX_SENTENCE_CHARS + 1), [(0, parse.MAX_SENTENCE_CHARS + 1)])


def test_parser_meta_read_without_spacy_is_parser_info():
    import subprocess
    import sys

    code = (
        "import sys, json\n"
        "from pakus.extract.parse import parser_meta\n"
        "print(json.dumps(parser_meta()))\n"
        "print('spacy' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    meta, loaded = run.stdout.splitlines()
    assert loaded == "False"  # read from the package's meta.json, no spaCy import
    import json

    assert json.loads(meta) == parse.parser_info()


def test_spacy_is_imported_without_its_command_line_interface_which_stays_importable():
    # parse.import_spacy: spacy.cli (typer, requests, weasel …) is not imported to parse
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pakus.extract.parse import parse_texts\n"
        "doc = parse_texts(['Pakistan closed the border.'])[0]\n"
        "print([t.dep_ for t in doc])\n"
        "print(any(m == 'spacy.cli' or m.startswith('spacy.cli.') for m in sys.modules))\n"
        "import spacy, spacy.cli\n"
        "from spacy.cli.info import info_cli\n"
        "print(spacy.cli.__file__.endswith('__init__.py'), callable(spacy.info))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    deps, cli_loaded, real_cli = run.stdout.splitlines()
    assert deps == str([t.dep_ for t in parse.parse_texts(["Pakistan closed the border."])[0]])
    assert cli_loaded == "False"
    assert real_cli == "True True"  # the real package once asked for
