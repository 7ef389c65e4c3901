"""Training the name model: read BIO token files, build examples on the project's tokens, fit.

Two learners share the data path: spaCy's ``ner`` (CNN tok2vec, the shipped model) and a linear-chain
CRF (``python-crfsuite``, optional, kept to compare). Both see the same words
(:mod:`checker.names.features`) and the same labels, so their figures are comparable.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.names.features import Lexicon, Word, lexicon_from_rules, words_of
from checker.text.tokenize import tokenize

LABELS = ("PERS", "LOC", "ORG", "MISC")
#: tag spellings of other corpora folded onto ours
LABEL_ALIASES = {"PER": "PERS", "PERSON": "PERS", "GPE": "LOC", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
SENTENCE_END = {".", "؟", "!", "?"}
CONFIG = Path(__file__).with_name("config.cfg")


@dataclass(frozen=True)
class Example:
    text: str
    words: list[Word]
    tags: list[str]  # BIO per word: O, B-PERS, I-PERS...
    gold: list[tuple[int, int, str]]  # character spans as the corpus tokens give them


def read_bio(path: Path | str) -> list[list[tuple[str, str]]]:
    """Sentences of ``(token, tag)`` from a ``token [...] TAG`` file.

    A sentence ends at a blank line or after a ``.`` ``؟`` ``!`` ``?`` token (ANERcorp has no blank
    lines). Lines without a token are skipped; unknown tags become ``O``.
    """
    out: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with Path(path).open(encoding="utf-8-sig") as fh:
        for line in fh:
            fields = line.split()
            if not fields:
                if cur:
                    out.append(cur)
                cur = []
                continue
            if len(fields) < 2:
                continue  # a tag with no token (a stray space was the token)
            cur.append((fields[0], normalize_tag(fields[-1])))
            if fields[0] in SENTENCE_END:
                out.append(cur)
                cur = []
    if cur:
        out.append(cur)
    return out


def normalize_tag(tag: str) -> str:
    bio, _, label = tag.partition("-")
    label = LABEL_ALIASES.get(label.lstrip("-"), label.lstrip("-"))
    if bio not in ("B", "I") or label not in LABELS:
        return "O"
    return f"{bio}-{label}"


def sentence_text(sentence: Sequence[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The tokens joined by single spaces, and the gold spans decoded from their BIO tags."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    open_: list[Any] | None = None
    for token, tag in sentence:
        if parts:
            parts.append(" ")
            pos += 1
        start, end = pos, pos + len(token)
        parts.append(token)
        pos = end
        bio, _, label = tag.partition("-")
        if open_ is not None and (bio != "I" or label != open_[2]):
            spans.append(tuple(open_))  # type: ignore[arg-type]
            open_ = None
        if bio in ("B", "I"):
            if open_ is None:
                open_ = [start, end, label]
            else:
                open_[1] = end
    if open_ is not None:
        spans.append(tuple(open_))  # type: ignore[arg-type]
    return "".join(parts), spans


def tags_for(words: Sequence[Word], gold: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags of the project's tokens under character spans (a token inside a span takes its label)."""
    tags = ["O"] * len(words)
    for a, b, label in gold:
        first = True
        for i, w in enumerate(words):
            if w.start >= a and w.end <= b:
                tags[i] = ("B-" if first else "I-") + label
                first = False
    return tags


def make_example(text: str, gold: list[tuple[int, int, str]], lex: Lexicon | None = None) -> Example:
    words = words_of(text, tokenize(text), lex)
    return Example(text, words, tags_for(words, gold), gold)


def examples_from(sentences: Iterable[Sequence[tuple[str, str]]], lex: Lexicon | None = None) -> list[Example]:
    """Examples on the project's tokens, with the lexicon flags of *lex* (default: ``rules/``)."""
    out = []
    for s in sentences:
        text, gold = sentence_text(s)
        ex = make_example(text, gold, lex)
        if ex.words:
            out.append(ex)
    return out


def split_blocks(items: Sequence[Any], dev: float, test: float) -> tuple[list[Any], list[Any], list[Any]]:
    """Contiguous split: the first part to train, the next *dev* share, the last *test* share."""
    n = len(items)
    n_test = round(n * test)
    n_dev = round(n * dev)
    a = n - n_test - n_dev
    return list(items[:a]), list(items[a : n - n_test]), list(items[n - n_test :])


def bio_spans(words: Sequence[Word], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Character spans from word tags; an ``I-X`` that does not continue an ``X`` opens one."""
    out: list[tuple[int, int, str]] = []
    cur: list[Any] | None = None
    for w, t in zip(words, tags, strict=True):
        bio, _, label = t.partition("-")
        if cur is not None and (bio != "I" or label != cur[2]):
            out.append((cur[0], cur[1], cur[2]))
            cur = None
        if bio in ("B", "I"):
            if cur is None:
                cur = [w.start, w.end, label]
            else:
                cur[1] = w.end
    if cur is not None:
        out.append((cur[0], cur[1], cur[2]))
    return out


# ---------------------------------------------------------------------------------------------
# CRF (python-crfsuite), kept for the comparison


def crf_word_features(w: Word) -> tuple[str, ...]:
    """A word's own CRF features (binary, as strings)."""
    return _word_features(w.norm, w.stem, w.prefix, w.flags)


@lru_cache(maxsize=200_000)
def _word_features(n: str, st: str, prefix: str, flags: tuple[str, ...]) -> tuple[str, ...]:
    # cached on what the features are made of, not on the Word (whose offsets differ at each mention)
    f = ["n=" + n, "s=" + st, "cut=" + prefix]
    for k in (1, 2, 3, 4):
        if len(n) > k:
            f.append(f"p{k}=" + n[:k])
            f.append(f"x{k}=" + n[-k:])
    for k in (2, 3, 4):
        if len(st) > k:
            f.append(f"sp{k}=" + st[:k])
            f.append(f"sx{k}=" + st[-k:])
    f.append("len=" + str(min(len(n), 10)))
    padded = f"<{st}>"
    f.extend("c3=" + padded[k : k + 3] for k in range(len(padded) - 2))
    f.extend("f=" + flag for flag in flags)
    return tuple(f)


def _context_features(w: Word) -> dict[int, list[str]]:
    """A word's features as seen from a neighbour *d* words away, for each d."""
    return _neighbour_features(w.norm, w.stem, w.flags)


@lru_cache(maxsize=200_000)
def _neighbour_features(norm: str, stem: str, flags: tuple[str, ...]) -> dict[int, list[str]]:
    # shared between calls: callers only read it
    near = [f"s={stem}", *(f"f={flag}" for flag in flags)]
    next_to = [f"n={norm}", *near]
    if len(norm) > 2:
        next_to += [f"x2={norm[-2:]}", f"p2={norm[:2]}"]
    out = {}
    for d in (-3, -2, -1, 1, 2, 3):
        feats = next_to if abs(d) == 1 else [f"n={norm}", *near] if abs(d) == 2 else [f"n={norm}"]
        out[d] = [f"{d}{x}" for x in feats]
    return out


def crf_features(words: Sequence[Word]) -> list[list[str]]:
    """Features of each word: its own, its neighbours' (three each side, fewer further out) and
    word bigrams."""
    out = []
    n = len(words)
    ctx = [_context_features(w) for w in words]
    for i, w in enumerate(words):
        f = ["bias", *crf_word_features(w)]
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            if 0 <= j < n:
                f.extend(ctx[j][d])
            elif abs(d) <= 2:
                f.append(f"{d}edge")
        if i > 0:
            f.append("bg-=" + words[i - 1].norm + "|" + w.norm)
            f.append("bgs-=" + words[i - 1].stem + "|" + w.stem)
        if i + 1 < n:
            f.append("bg+=" + w.norm + "|" + words[i + 1].norm)
        out.append(f)
    return out


def with_added_flags(features: list[list[str]], before: Sequence[Word], after: Sequence[Word]) -> list[list[str]]:
    """The :func:`crf_features` of *after*, made from those of *before* (the same words, to whose flags
    *after* only appends some: the second pass's label flags) without recomputing them: a flag is
    read by the word itself (``f=``) and by its neighbours up to two words away (``{d}f=``); a CRF
    item is a bag of attributes, so the order does not matter."""
    extra = []
    for b, a in zip(before, after, strict=True):
        n = len(b.flags)
        if a.flags[:n] != b.flags:
            raise ValueError("with_added_flags: the second words' flags must extend the first's")
        extra.append(a.flags[n:])
    out = []
    count = len(features)
    for i, f in enumerate(features):
        g = [*f, *("f=" + x for x in extra[i])]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < count and extra[j]:
                g.extend(f"{d}f={x}" for x in extra[j])
        out.append(g)
    return out


def train_crf(
    train: Sequence[Example],
    out: Path,
    *,
    c1: float = 0.05,
    c2: float = 0.05,
    iterations: int = 150,
    lex: Lexicon | None = None,
    window: int = 0,
) -> Path:
    """Fit a CRF (L-BFGS, elastic net) and write it to *out* (``model.crfsuite`` + ``meta.json``)."""
    import pycrfsuite

    out.mkdir(parents=True, exist_ok=True)
    trainer = pycrfsuite.Trainer(verbose=False)
    for ex in train:
        trainer.append(crf_features(ex.words), ex.tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    trainer.train(str(out / "model.crfsuite"))
    meta: dict[str, Any] = {"backend": "crf", "c1": c1, "c2": c2, "iterations": iterations}
    if window:
        meta["document_window"] = window
    write_meta(out, meta, train, lex)
    return out


def train_stacked(
    fit: Sequence[Example],
    out: Path,
    *,
    folds: int = 4,
    window: int = 0,
    lex: Lexicon | None = None,
    **params: Any,
) -> Path:
    """Two passes: a first CRF (``model.crfsuite``) fitted on *fit*, and a second one
    (``second.crfsuite``) fitted on *fit* with the labels of the first pass as flags
    (:func:`checker.names.document.with_label_flags`). The first pass's labels on *fit* come from
    *folds* CRFs each fitted without that contiguous part (jackknife), so the second pass learns how
    far to trust labels on text the first pass has not seen."""
    import pycrfsuite

    from checker.names.document import WINDOW, with_label_flags

    train_crf(fit, out, lex=lex, window=window, **params)
    tags: list[list[str]] = []
    n = len(fit)
    with tempfile.TemporaryDirectory(prefix="names-fold-") as tmp:
        for k in range(folds):
            a, b = n * k // folds, n * (k + 1) // folds
            part = Path(tmp) / str(k)
            train_crf([*fit[:a], *fit[b:]], part, lex=lex, **params)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(part / "model.crfsuite"))
            tags.extend(list(tagger.tag(crf_features(ex.words))) for ex in fit[a:b])
            tagger.close()
    flagged = with_label_flags([ex.words for ex in fit], tags, window or WINDOW)
    second = [Example(ex.text, ws, ex.tags, ex.gold) for ex, ws in zip(fit, flagged, strict=True)]
    with tempfile.TemporaryDirectory(prefix="names-second-") as tmp:
        train_crf(second, Path(tmp), lex=lex, **params)
        shutil.copyfile(Path(tmp) / "model.crfsuite", out / "second.crfsuite")
    meta = json.loads((out / "meta.json").read_text())
    meta["stacked_folds"] = folds
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return out


def with_document(examples: Sequence[Example], window: int) -> list[Example]:
    """*examples* (consecutive sentences of one corpus block) with the document flags of
    :mod:`checker.names.document` (*window* sentences either side)."""
    from checker.names.document import with_document_flags

    flagged = with_document_flags([ex.words for ex in examples], window)
    return [Example(ex.text, ws, ex.tags, ex.gold) for ex, ws in zip(examples, flagged, strict=True)]


def first_words(examples: Iterable[Example]) -> dict[str, int]:
    """Folded first words of the gold names, with counts (to tell a glued proclitic from a name's
    own first letter: وإسرائيل vs إسرائيل, وليد vs ليد)."""
    counts: Counter[str] = Counter()
    for ex in examples:
        for w, t in zip(ex.words, ex.tags, strict=True):
            if t.startswith("B-"):
                counts[w.norm] += 1
    return dict(sorted(counts.items()))


def write_meta(out: Path, meta: dict[str, Any], train: Sequence[Example], lex: Lexicon | None = None) -> None:
    """``meta.json``, ``first_words.json``, ``lexicon.json`` and (when *lex* has them)
    ``translit.json`` and ``clusters.json``."""
    lex = lex or lexicon_from_rules()
    meta = {**meta, "labels": list(LABELS), "train_sentences": len(train)}
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    (out / "first_words.json").write_text(json.dumps(first_words(train), ensure_ascii=False, separators=(",", ":")))
    (out / "lexicon.json").write_text(json.dumps(lex.to_json(), ensure_ascii=False, separators=(",", ":")))
    translit = out / "translit.json"
    if lex.translit is not None:
        translit.write_text(json.dumps(lex.translit.to_json(), ensure_ascii=False, separators=(",", ":")))
    elif translit.exists():
        translit.unlink()
    clusters = out / "clusters.json"
    if lex.clusters:
        clusters.write_text(json.dumps(lex.clusters, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    elif clusters.exists():
        clusters.unlink()


# ---------------------------------------------------------------------------------------------
# spaCy


def make_doc(vocab: Any, words: Sequence[Word], tags: Sequence[str] | None = None) -> Any:
    """A spaCy ``Doc`` on the project's tokens: ``NORM`` = folded form, ``LEMMA`` = clitic-free
    stem, ``TAG`` = the lexicon/frequency flags; with *tags*, gold entities (BIO)."""
    from spacy.tokens import Doc

    spaces = [i + 1 < len(words) and w.end < words[i + 1].start for i, w in enumerate(words)]
    doc = Doc(
        vocab,
        words=[w.text for w in words],
        spaces=spaces,
        lemmas=[w.stem for w in words],
        tags=[word_class(w) for w in words],
        ents=list(tags) if tags is not None else None,
    )
    for tok, w in zip(doc, words, strict=True):
        tok.norm_ = w.norm
    return doc


def word_class(w: Word) -> str:
    """The flags as one string (spaCy hashes it as the token's TAG)."""
    return "|".join(w.flags)


READER = "checker_names.docbin.v1"


def _register_reader() -> None:
    """A corpus reader that keeps our features: spaCy's own readers rebuild the predicted Doc from
    the words alone (dropping NORM, LEMMA and TAG), which would train on other inputs than ours."""
    from spacy import registry
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    if READER in registry.readers:
        return

    def reader(path: Path) -> Any:
        def read(nlp: Any) -> Any:
            for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
                pred = Doc(
                    nlp.vocab,
                    words=[t.text for t in ref],
                    spaces=[bool(t.whitespace_) for t in ref],
                    lemmas=[t.lemma_ for t in ref],
                    tags=[t.tag_ for t in ref],
                )
                for a, b in zip(pred, ref, strict=True):
                    a.norm_ = b.norm_
                yield Example(pred, ref)

        return read

    registry.readers.register(READER, func=reader)


def to_docbin(vocab: Any, examples: Sequence[Example], path: Path) -> None:
    from spacy.tokens import DocBin

    db = DocBin(attrs=["ORTH", "NORM", "LEMMA", "TAG", "ENT_IOB", "ENT_TYPE"])
    for ex in examples:
        db.add(make_doc(vocab, ex.words, ex.tags))
    db.to_disk(path)


def train_spacy(
    train: Sequence[Example],
    dev: Sequence[Example],
    out: Path,
    *,
    config: Path = CONFIG,
    seed: int = 0,
    overrides: dict[str, Any] | None = None,
    workdir: Path | None = None,
) -> Path:
    """Train spaCy's ``ner`` with *config* and copy the best pipeline (by dev F1) to *out*.

    Only the parts needed to run are kept: the ``tok2vec`` and ``ner`` components, the vocab's
    strings and the config. The tokenizer is never used (Docs are built from the project's tokens).
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    random.seed(seed)
    _register_reader()
    tmp = Path(tempfile.mkdtemp(prefix="names-train-", dir=workdir))
    try:
        vocab = spacy.blank("ar").vocab
        to_docbin(vocab, train, tmp / "train.spacy")
        to_docbin(vocab, dev, tmp / "dev.spacy")
        ov = {
            "paths.train": str(tmp / "train.spacy"),
            "paths.dev": str(tmp / "dev.spacy"),
            "system.seed": seed,
            **(overrides or {}),
        }
        spacy_train(config, tmp / "output", overrides=ov, use_gpu=-1)
        best = tmp / "output" / "model-best"
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        shutil.copytree(best, out / "pipeline", ignore=shutil.ignore_patterns("tokenizer"))
        write_meta(out, {"backend": "spacy", "seed": seed, "config": config.name, "overrides": overrides or {}}, train)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out
