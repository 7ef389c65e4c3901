"""The name model (checker.names): training code path on a tiny corpus, and the shipped model.

The sentences here are written for these tests (not taken from any corpus).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.names import LABELS, MODEL_DIR, load
from checker.names import train as T

# (words, tags) written for this test: short news-like sentences with people, places and bodies
TINY = [
    ("زار سامر حداد مدينة حمص أمس .", "O B-PERS I-PERS O B-LOC O O"),
    ("وقال سامر حداد إن الزيارة ناجحة .", "O B-PERS I-PERS O O O O"),
    ("التقى كريم نصار وفد الصليب الأحمر في حمص .", "O B-PERS I-PERS O B-ORG I-ORG O B-LOC O"),
    ("وصل كريم نصار إلى طرابلس صباحا .", "O B-PERS I-PERS O B-LOC O O"),
    ("أعلنت شركة النور للإسمنت أرباحها في طرابلس .", "O B-ORG I-ORG I-ORG O O B-LOC O"),
    ("قال مدير شركة النور للإسمنت إن الإنتاج ارتفع .", "O O B-ORG I-ORG I-ORG O O O O"),
    ("غادرت ليلى منصور حمص إلى طرابلس .", "O B-PERS I-PERS B-LOC O B-LOC O"),
    ("وأكدت ليلى منصور أن الصليب الأحمر سيساعد .", "O B-PERS I-PERS O B-ORG I-ORG O O"),
    ("افتتح سامر حداد مكتبا في طرابلس .", "O B-PERS I-PERS O O B-LOC O"),
    ("زار كريم نصار مقر شركة النور للإسمنت .", "O B-PERS I-PERS O B-ORG I-ORG I-ORG O"),
    ("التقت ليلى منصور سامر حداد في حمص .", "O B-PERS I-PERS B-PERS I-PERS O B-LOC O"),
    ("يعمل الصليب الأحمر في حمص وطرابلس .", "O B-ORG I-ORG O B-LOC B-LOC O"),
    ("قال سامر حداد إن حمص تحتاج المساعدة .", "O B-PERS I-PERS O B-LOC O O O"),
    ("زارت ليلى منصور مكاتب الصليب الأحمر .", "O B-PERS I-PERS O B-ORG I-ORG O"),
    ("سافر كريم نصار من حمص إلى طرابلس .", "O B-PERS I-PERS O B-LOC O B-LOC O"),
    ("وصلت ليلى منصور إلى طرابلس مساء .", "O B-PERS I-PERS O B-LOC O O"),
    ("أعلن كريم نصار أن شركة النور للإسمنت توسعت .", "O B-PERS I-PERS O B-ORG I-ORG I-ORG O O"),
    ("قالت ليلى منصور إن طرابلس هادئة .", "O B-PERS I-PERS O B-LOC O O"),
]


def _write_corpus(root: Path) -> None:
    lines = []
    for words, tags in TINY:
        for w, t in zip(words.split(), tags.split(), strict=True):
            lines.append(f"{w} {t}")
    (root / "anercorp").mkdir(parents=True)
    (root / "anercorp" / "train.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_read_bio_splits_sentences_at_full_stops(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    sentences = T.read_bio(tmp_path / "anercorp" / "train.txt")
    assert len(sentences) == len(TINY)
    text, gold = T.sentence_text(sentences[2])
    assert [(text[a:b], label) for a, b, label in gold] == [
        ("كريم نصار", "PERS"),
        ("الصليب الأحمر", "ORG"),
        ("حمص", "LOC"),
    ]


def test_tiny_crf_trains_through_the_training_command(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    from benchmarks import train_names

    _write_corpus(tmp_path)
    out = tmp_path / "model"
    assert train_names.main(["--data", str(tmp_path), "--out", str(out), "--iterations", "60"]) == 0
    model = load(out)
    assert model is not None and model.backend == "crf"
    text = "قال سامر حداد إن حمص تحتاج المساعدة ."
    assert [(text[a:b], label) for a, b, label in model.spans(text)] == [("سامر حداد", "PERS"), ("حمص", "LOC")]
    # a glued proclitic stays out of the span (as in the rule-based extractors), unless asked for
    text = "يعمل الصليب الأحمر في حمص وطرابلس ."
    assert [(text[a:b], label) for a, b, label in model.spans(text)] == [
        ("الصليب الأحمر", "ORG"),
        ("حمص", "LOC"),
        ("طرابلس", "LOC"),
    ]
    assert ("وطرابلس", "LOC") in [(text[a:b], label) for a, b, label in model.spans(text, clitics=True)]
    # the default model has document flags and a second pass over the first pass's labels
    assert model.window > 0 and model.second is not None and (out / "second.crfsuite").is_file()
    texts = ["وصلت ليلى منصور إلى طرابلس مساء .", "وقالت منصور إن حمص هادئة ."]
    parts = model.spans_in_document(texts)
    assert [(texts[0][a:b], label) for a, b, label in parts[0]] == [("ليلى منصور", "PERS"), ("طرابلس", "LOC")]
    assert ("حمص", "LOC") in [(texts[1][a:b], label) for a, b, label in parts[1]]
    one = tmp_path / "one-pass"
    assert train_names.main(["--data", str(tmp_path), "--out", str(one), "--stacked", "0", "--window", "0"]) == 0
    plain = load(one)
    assert plain is not None and plain.second is None and plain.window == 0
    assert not (one / "second.crfsuite").exists()


def test_tiny_spacy_trains(tmp_path: Path) -> None:
    """The spaCy learner (kept for the comparison) trains and tags through the same data path."""
    pytest.importorskip("spacy")
    examples = T.examples_from(T.read_bio(_tiny_file(tmp_path)))
    out = T.train_spacy(
        examples[:14],
        examples[14:],
        tmp_path / "spacy-model",
        overrides={"training.max_epochs": 3, "training.eval_frequency": 20},
        workdir=tmp_path,
    )
    model = load(out)
    assert model is not None and model.backend == "spacy"
    text = "زار سامر حداد مدينة حمص ."
    for a, b, label in model.spans(text):
        assert label in LABELS and 0 <= a < b <= len(text)


def _tiny_file(tmp_path: Path) -> Path:
    _write_corpus(tmp_path)
    return tmp_path / "anercorp" / "train.txt"


def test_missing_model_gives_none(tmp_path: Path) -> None:
    assert load(tmp_path / "nowhere") is None


def test_damaged_model_is_an_error(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    from checker.errors import ModelError

    (tmp_path / "meta.json").write_text('{"backend": "crf"}')
    (tmp_path / "model.crfsuite").write_bytes(b"not a model")
    with pytest.raises(ModelError):
        load(tmp_path)


# ---------------------------------------------------------------------------------------------
# the shipped model

SHIPPED = pytest.mark.skipif(not (MODEL_DIR / "meta.json").is_file(), reason="no shipped name model")


@pytest.fixture(scope="module")
def shipped():
    model = load()
    if model is None:
        pytest.skip("the shipped name model cannot be loaded (python-crfsuite missing?)")
    return model


@SHIPPED
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن المحادثات كانت مفيدة .",
            [("إيمانويل ماكرون", "PERS"), ("باريس", "LOC")],
        ),
        (
            "واستقبل وزير الخارجية المصري سامح شكري نظيره الأردني في القاهرة أمس .",
            [("سامح شكري", "PERS"), ("القاهرة", "LOC")],
        ),
        (
            "وصل الوفد إلى بيروت قادما من دمشق وعمان .",
            [("بيروت", "LOC"), ("دمشق", "LOC"), ("عمان", "LOC")],
        ),
    ],
)
def test_shipped_model_finds_people_and_places(shipped, text: str, expected: list[tuple[str, str]]) -> None:
    got = [(text[a:b], label) for a, b, label in shipped.spans(text) if label in ("PERS", "LOC")]
    assert got == expected


@SHIPPED
def test_shipped_model_offsets_are_exact(shipped) -> None:
    # diacritics, tatweel, a bidi mark and Eastern digits in the text: offsets still index the original
    text = (
        "أعلن الرئيسُ الأمـيركي جو بايدن\u200f في واشنطن يوم ٢٠ مارس أن الأمم المتحدة ستجتمع."
        "\nوقال بايدن إن واشنطن مستعدة."
    )
    spans = shipped.spans(text)
    assert spans, "nothing found"
    for a, b, label in spans:
        assert label in LABELS
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip() and text[a:b][0] not in "\u200f "
    found = {(text[a:b], label) for a, b, label in spans}
    assert ("جو بايدن", "PERS") in found
    assert ("واشنطن", "LOC") in found
    assert ("بايدن", "PERS") in found  # the later mention, alone


@SHIPPED
def test_shipped_model_leaves_the_proclitic_out(shipped) -> None:
    text = "واتفقت مصر والسعودية على التعاون مع بريطانيا وفرنسا ."
    found = [(text[a:b], label) for a, b, label in shipped.spans(text)]
    assert ("فرنسا", "LOC") in found
    assert all(not s.startswith("و") for s, _ in found if s in ("فرنسا", "السعودية"))
    whole = [(text[a:b], label) for a, b, label in shipped.spans(text, clitics=True)]
    assert ("وفرنسا", "LOC") in whole


# ---------------------------------------------------------------------------------------------
# document flags, foreign names and word clusters


def test_document_flags_carry_the_evidence_of_other_mentions() -> None:
    from checker.names.document import with_document_flags
    from checker.names.features import analyse

    text = "قال المدرب سامر حداد إن الفريق جاهز. وأضاف حداد أن اللاعبين بخير. ثم غادر الوفد."
    sentences = with_document_flags(analyse(text))
    flags = {w.text: w.flags for ws in sentences for w in ws}
    # the bare later mention learns that the first one had a given name before it, and vice versa
    assert "DP" in flags["حداد"] and "DK1" in flags["حداد"]
    assert not any(f.startswith("D") for f in flags["الوفد"])  # mentioned once
    far = with_document_flags(analyse(text), window=0)  # other sentences out of reach
    assert not any(f.startswith("D") for ws in far for w in ws for f in w.flags)


def test_foreign_names_and_clusters_become_flags() -> None:
    from checker.names.features import lexicon_from_rules, words_of
    from checker.text.tokenize import tokenize

    base = lexicon_from_rules()
    lex = type(base)(base.given, base.particles, base.prefixes, base.phrases, base.heads, ["فينغر"])
    lex = lex.with_clusters({"فينغر": "3 17", "فريق": "5 40"})
    text = "قال فينغر إن الفريق جاهز"
    words = {w.text: w.flags for w in words_of(text, tokenize(text), lex)}
    assert "FRN" in words["فينغر"] and {"K0_3", "K1_17"} <= set(words["فينغر"])
    assert {"K0_5", "K1_40"} <= set(words["الفريق"])  # looked up by the stem, article removed
    assert "FRN" not in words["الفريق"] and not any(f.startswith("K") for f in words["جاهز"])
    assert type(base).from_json(lex.to_json()).foreign == lex.foreign


def test_known_organisations_become_phrase_flags_apart_from_places() -> None:
    from checker.names.document import with_document_flags
    from checker.names.features import Lexicon, analyse, lexicon_from_rules

    lex = lexicon_from_rules()
    text = "وقال مدرب بايرن ميونيخ إن فريقه سيواجه لمانشستر يونايتد في ميونيخ. وأكد بايرن ذلك لرويترز."
    sentences = with_document_flags(analyse(text, lex))
    words = [(w.text, w.flags) for ws in sentences for w in ws]
    flags = dict(words)
    assert "BCLB" in words[2][1] and "ICLB" in words[3][1]  # بايرن ميونيخ, a club
    assert "BCLB" in flags["لمانشستر"] and "ICLB" in flags["يونايتد"]  # the proclitic ل allowed
    assert "BMED" in flags["لرويترز"]
    city = [f for t, f in words if t == "ميونيخ"][-1]  # the city alone: a place, no club flag
    assert "BLOC" in city and "BCLB" not in city and "ICLB" not in city
    assert "DCLB" in words[-4][1]  # the later bare بايرن: another mention was inside a known club
    assert Lexicon.from_json(lex.to_json()).known == lex.known
    common = [t for t, f in words if any(x[1:] in ("CMP", "CLB", "MED") for x in f)]
    assert "فريقه" not in common and "إن" not in common


def test_clusters_are_seeded_and_group_words_of_like_contexts() -> None:
    pytest.importorskip("numpy")
    from benchmarks import name_clusters as C

    days = ["السبت", "الأحد", "الاثنين", "الثلاثاء"]
    towns = ["حمص", "حماة", "طرطوس", "درعا"]
    sentences = []
    for d in days:
        for t in towns:
            sentences.append(f"وصل الوفد يوم {d} صباحا".split())
            sentences.append(f"غادر الوفد مدينة {t} مساء".split())
    vocab, vec = C.vectors([[w.removeprefix("ال") for w in s] for s in sentences], dimensions=4, min_count=2)
    ids = C.kmeans(vec, 5)
    assert ids == C.kmeans(vec, 5)  # seeded
    group = dict(zip(vocab, ids, strict=True))
    assert len({group[d.removeprefix("ال")] for d in days}) == 1
    assert len({group[t] for t in towns}) == 1
    assert group["سبت"] != group["حمص"]


def test_sorted_words_answer_as_a_set_does() -> None:
    from checker.names.features import SortedWords

    words = ["ماكرون", "بايدن", "شولتس", "بايدن", "ميركل"]
    kept = SortedWords(words)
    assert list(kept) == sorted(set(words)) and len(kept) == 4
    for w in [*words, "ترامب", "", "ي", "بايد", "بايدنن"]:
        assert (w in kept) == (w in set(words)), w
    assert "x" not in SortedWords([]) and not SortedWords([])
    assert kept == SortedWords(sorted(set(words))) == frozenset(words) and kept != SortedWords(words[:2])


def test_transliteration_bands_tell_foreign_looking_words_from_common_ones() -> None:
    from checker.names.features import lexicon_from_rules, words_of
    from checker.names.translit import Translit
    from checker.text.tokenize import tokenize

    # made-up lists: foreign-name spellings with گ-like clusters and long vowels, common Arabic words
    foreign = ["فينغر", "غروزر", "هالينغر", "ريغر", "كروغر", "بيرغر", "شنايدر", "فاغنر", "ميلر", "تايلر"]
    native = ["المدرسة", "مدرسة", "كتاب", "الكتاب", "قال", "يقول", "مكتب", "جاهز", "استعداد", "الفريق", "فريق"]
    tl = Translit.fit(foreign, native)
    assert tl.score("برغر") > 0 > tl.score("مكتبة")  # neither word was in a list
    bands = [tl.band(w) for w in ("برغر", "مكتبة")]
    assert all(bands) and int(bands[0][2:]) > int(bands[1][2:])  # type: ignore[index]
    assert tl.band("ال") is None  # too short to judge
    again = Translit.from_json(tl.to_json())
    assert again.score("برغر") == tl.score("برغر") and again.band("كتابة") == tl.band("كتابة")
    lex = lexicon_from_rules().with_translit(tl)
    text = "قال برغر إن الفريق جاهز"
    flags = {w.text: [f for f in w.flags if f.startswith("TL")] for w in words_of(text, tokenize(text), lex)}
    assert flags["برغر"] == [tl.band("برغر")] and flags["الفريق"] == [tl.band("فريق")]  # the article is off
    assert flags["إن"] == []
    assert not any(f.startswith("TL") for w in words_of(text, tokenize(text)) for f in w.flags)  # none without


def test_shipped_model_carries_its_transliteration_models() -> None:
    if not (MODEL_DIR / "translit.json").is_file():
        pytest.skip("the shipped model has no transliteration bands")
    model = load()
    assert model is not None and model.lexicon.translit is not None
    tl = model.lexicon.translit
    # an unseen-looking foreign surname against a common word (spellings written for this test)
    assert tl.score("كوبلنسكي") > tl.score("المستشفيات")
