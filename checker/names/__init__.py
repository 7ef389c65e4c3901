"""A trained recogniser of people, places and organisations (issue 9).

>>> model = load()
>>> text = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس"
>>> [(text[a:b], label) for a, b, label in model.spans(text)] if model else []  # doctest: +SKIP
[('إيمانويل ماكرون', 'PERS'), ('باريس', 'LOC')]

``spans(text)`` gives ``(start, end, label)`` with exact character offsets into *text*, label one
of ``PERS`` ``LOC`` ``ORG`` ``MISC``. Words are the project's tokens (:func:`checker.text.tokenize.tokenize`),
so a span always starts and ends on a token boundary, except that a glued proclitic (و ف ب ل ك
and their pairs) on the first word is left out, as the rule-based extractors do: ``وبباريس`` gives
``باريس``, ``للأمم المتحدة`` gives ``لأمم المتحدة`` (the ل that stands for the article stays, as in
:func:`checker.extract.entities.find_entities`). ``spans(text, clitics=True)`` keeps whole words.

The shipped model (``model/``) is a linear-chain CRF trained on ANERcorp (see README.md in this
folder for the licence and the figures); ``load()`` returns ``None`` when it is missing or
python-crfsuite is not installed, and nothing is ever downloaded.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import ModelError
from checker.names.document import WINDOW, with_document_flags, with_label_flags
from checker.names.features import Lexicon, Word, analyse, lexicon_from_rules
from checker.names.mend import mend_persons

MODEL_DIR = Path(__file__).resolve().parent / "model"
LABELS = ("PERS", "LOC", "ORG", "MISC")
#: the project's fact type for each label (MISC has none: events, products, nationalities...)
FACT_TYPES = {"PERS": "person", "LOC": "place", "ORG": "org"}
#: proclitics left out of a span's first word, longest first
PROCLITICS = tuple("ولل فلل وب ول وك فب فل لل و ف ب ل ك".split())

Span = tuple[int, int, str]
#: a word's flag of its first-pass label (a two-pass model's words carry one)
STACK_FLAGS = frozenset("S" + label for label in ("O", *LABELS))
#: a proclitic is cut on the frequency list's word only when at least this many letters remain
#: (ليون, بكين, ويلي stay whole; وفرنسا, بباريس are cut)
MIN_REST = 4
#: the rest must open at least this many names in the training data, twice as many as the whole
#: word, to cut a proclitic on that evidence (وإسرائيل, ومصر; not فريد for ريد)
MIN_TABLE_COUNT = 3
#: a name is marked again where it recurs only when the model gave each of its words this probability
PROPAGATE_MIN_CONFIDENCE = 0.9
#: a name's word this frequent is not marked again elsewhere on its own (propagation)
PROPAGATE_MAX_ZIPF = 4.5
#: the last word of a person's name is marked on its own elsewhere only below this frequency
SURNAME_MAX_ZIPF = 4.0


#: mend where the model's person names end (:mod:`checker.names.mend`)
MEND = True


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Function words of the stopword lexicon as written (فإن، إن; not فان, a name particle)."""
    from checker import lexicons

    return frozenset(lexicons.load("stopwords")["stopwords"])


class NameModel:
    """A loaded name model; use :func:`load`."""

    def __init__(
        self, path: Path, backend: str, tagger: Any, first_words: dict[str, int], lex: Lexicon, window: int = 0
    ) -> None:
        self.path = path
        self.window = window  # sentences either side seen by the document flags (0: none)
        self.backend = backend
        self.lexicon = lex  # the lexicon flags the model was trained with
        self._tagger = tagger
        self.second: Any = None  # the second pass's CRF tagger (a stacked model), or None
        self._first = first_words  # folded first words of training entities -> count

    def tag(self, words: list[Word]) -> list[str]:
        """BIO tags of one sentence's words."""
        return self.tag_with_confidence(words)[0]

    def tag_with_confidence(
        self, words: list[Word], features: list[list[str]] | None = None
    ) -> tuple[list[str], list[float]]:
        """BIO tags of one sentence's words and the model's probability of each word's tag (the
        CRF's marginal; 1.0 from the spaCy backend, which gives none). A two-pass model tags words
        without first-pass flags with its first pass first (the sentence alone: no document).
        *features*: the CRF features of *words* when the caller has them already."""
        if not words:
            return [], []
        if self.backend == "crf":
            from checker.names.train import crf_features

            if features is None and self.second is not None and not STACK_FLAGS.intersection(words[0].flags):
                # a sentence of its own: the first pass's labels first
                first_pass = list(self._tagger.tag(crf_features(words)))
                words = with_label_flags([words], [first_pass], self.window or WINDOW)[0]
            tagger = self.second or self._tagger
            tags = list(tagger.tag(features if features is not None else crf_features(words)))
            # marginals are only needed inside names (they decide what is propagated)
            return tags, [tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
        from checker.names.train import make_doc

        doc = self._tagger(make_doc(self._tagger.vocab, words))
        tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
        return tags, [1.0] * len(tags)

    def spans(self, text: str, *, clitics: bool = False, propagate: bool = True) -> list[Span]:
        """``(start, end, label)`` of the names in *text*, in text order; see the module docstring.

        With *propagate* (the default), a name found once is also marked where it recurs in the same
        text untagged (same folded words, a proclitic allowed on the first), and so is the last word
        of a person's name of two or more words (الرازي after أبو بكر الرازي), unless it is a common
        word or the text also gives it another label.
        """
        words, features = self._analyse([text])[0]
        return self._spans(text, words, features, clitics, propagate)

    def spans_in_document(
        self, texts: Sequence[str], *, clitics: bool = False, propagate: bool = True
    ) -> list[list[Span]]:
        """:meth:`spans` of each of *texts*, read as consecutive parts of one document (a title and
        its body, or the sentences of a corpus in order): a model with document flags
        (:mod:`checker.names.document`) sees the mentions in all of them; propagation stays within
        each text."""
        parts = self._analyse(texts)
        return [self._spans(t, ws, fs, clitics, propagate) for t, (ws, fs) in zip(texts, parts, strict=True)]

    def _analyse(self, texts: Sequence[str]) -> list[tuple[list[list[Word]], list[list[list[str]]] | None]]:
        """Per text: its sentences' words with every flag the model reads, and (a two-pass CRF)
        their second-pass features, made from the first pass's features (not computed twice)."""
        parts = [analyse(t, self.lexicon) for t in texts]
        if not self.window and not self.second:
            return [(p, None) for p in parts]
        flat = [ws for p in parts for ws in p]
        if self.window:
            flat = with_document_flags(flat, self.window)
        features: list[list[list[str]]] | None = None
        if self.second:  # the first pass's labels, as flags for the second
            from checker.names.train import crf_features, with_added_flags

            first = [crf_features(ws) for ws in flat]
            tags = [list(self._tagger.tag(f)) if f else [] for f in first]
            flagged = with_label_flags(flat, tags, self.window or WINDOW)
            features = [with_added_flags(f, a, b) for f, a, b in zip(first, flat, flagged, strict=True)]
            flat = flagged
        words, feats = iter(flat), iter(features or ())
        return [([next(words) for _ in p], [next(feats) for _ in p] if features else None) for p in parts]

    def _spans(
        self,
        text: str,
        sentences: list[list[Word]],
        features: list[list[list[str]]] | None,
        clitics: bool,
        propagate: bool,
    ) -> list[Span]:
        from checker.names.train import bio_spans

        out: list[Span] = []
        sure: set[Span] = set()  # spans the model is confident of (the only ones propagated)
        for k, words in enumerate(sentences):
            first = {w.start: w.text for w in words}
            tags, conf = self.tag_with_confidence(words, features[k] if features is not None else None)
            if MEND:
                tags = mend_persons(words, tags, _function_words())
            index = {w.start: i for i, w in enumerate(words)}
            for a, b, label in bio_spans(words, tags):
                span = (a + self.proclitic_length(first[a]), b, label)
                out.append(span)
                i = index[a]
                j = i
                while j < len(words) and words[j].end <= b:
                    j += 1
                if min(conf[i:j]) >= PROPAGATE_MIN_CONFIDENCE:
                    sure.add(span)
        if propagate and sure:
            out = self._propagate(text, [w for ws in sentences for w in ws], out, sure)
        if clitics:  # whole words: give the proclitics back
            starts = [w.start for ws in sentences for w in ws]
            out = [(starts[bisect.bisect_right(starts, a) - 1], b, label) for a, b, label in out]
        return out

    def _propagate(self, text: str, words: list[Word], found: list[Span], sure: set[Span]) -> list[Span]:
        from checker.text.chars import match_key
        from checker.text.words import zipf

        labels: dict[tuple[str, ...], Counter[str]] = {}
        common: set[tuple[str, ...]] = set()
        for a, b, label in found:
            key = tuple(match_key(text[a:b]).split())
            if key:
                labels.setdefault(key, Counter())[label] += 1
                if len(key) == 1 and zipf(text[a:b]) >= PROPAGATE_MAX_ZIPF:
                    common.add(key)
        allowed = {tuple(match_key(text[a:b]).split()) for a, b, _ in sure}
        for a, b, label in sure:
            parts = text[a:b].split()
            if label == "PERS" and len(parts) >= 2:
                last = match_key(parts[-1])
                ok = len(last) >= 3 and zipf(parts[-1]) < SURNAME_MAX_ZIPF and last not in self.lexicon.particles
                if ok and (last,) not in labels:
                    labels[(last,)] = Counter({"PERS": 1})
                    allowed.add((last,))
        keys: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, votes in labels.items():
            if key not in allowed:
                continue
            label, n = votes.most_common(1)[0]
            if len(votes) > 1 and sorted(votes.values())[-2] == n:
                continue  # the text gives this name two labels equally often: leave it
            if len(key) == 1 and (len(key[0]) < 3 or key in common):
                continue
            keys.setdefault(key[0], []).append((key, label))
        taken = sorted((a, b) for a, b, _ in found)
        added: list[Span] = []
        i = 0
        norms = [w.norm for w in words]
        while i < len(words):
            hit = None
            for cut in self._cuts(norms[i]):
                for key, label in sorted(keys.get(norms[i][cut:], ()), key=lambda kv: -len(kv[0])):
                    n = len(key)
                    if tuple(norms[i + 1 : i + n]) == key[1:]:
                        hit = (i, n, cut, label)
                        break
                if hit:
                    break
            if hit:
                j, n, cut, label = hit
                a = words[j].start + _orig_length(words[j].text, cut)
                b = words[j + n - 1].end
                if not any(x < b and a < y for x, y in taken):
                    added.append((a, b, label))
                i = j + n
            else:
                i += 1
        return sorted(found + added)

    @staticmethod
    def _cuts(norm: str) -> list[int]:
        """Where a name may start in a folded word: at 0, or after a glued proclitic."""
        cuts = [0]
        for p in PROCLITICS:
            if norm.startswith(p) and len(norm) - len(p) >= 3 and not p.endswith("لل"):
                cuts.append(len(p))
        return cuts

    def proclitic_length(self, word: str) -> int:
        """How many leading characters of an entity's first *word* are a glued proclitic (0 if none).

        Only the proclitic goes, never the article (بالعراق -> العراق; للأمم -> لأمم, the ل that
        stands for the article's alef stays, as in :func:`checker.extract.entities.find_entities`).
        In order: a word that is itself a given name of the lexicon stays whole (وليد); a proclitic
        goes when the rest opens at least :data:`MIN_TABLE_COUNT` names in the training data and
        more than twice as many as the whole word (وإسرائيل, ومصر, وبلير); a word that opens names
        in the training data otherwise stays whole (لبنان, بشار, بكين); a proclitic goes before a
        given name of the lexicon (وأحمد; a three-letter one only after و: وعلي, but ليون stays);
        last, و/ب/ل (and pairs) go when the frequency list finds the rest the likelier word
        (:func:`checker.text.words.strip_proclitic`) and at least :data:`MIN_REST` letters
        remain (وفرنسا, بباريس; كوفي, ويلي stay whole).
        """
        from checker.text.chars import match_key
        from checker.text.words import strip_proclitic

        if len(word) < 4 or word[0] not in "وفبلك":
            return 0
        norm = match_key(word)
        if norm in self.lexicon.given:
            return 0
        whole = self._first.get(norm, 0)
        table: tuple[int, int] | None = None  # (count of the rest, cut)
        given = 0
        for p in PROCLITICS:
            if not norm.startswith(p) or len(norm) - len(p) < 2:
                continue
            if p.endswith("لل"):
                rest, cut = "ا" + norm[len(p) - 1 :], len(p) - 1  # ل + ال with the alef dropped
            else:
                rest, cut = norm[len(p) :], len(p)
            n = self._first.get(rest, 0)
            if n >= MIN_TABLE_COUNT and n > 2 * whole and (table is None or n > table[0]):
                table = (n, cut)
            if rest in self.lexicon.given and (len(rest) >= MIN_REST or p == "و"):
                given = cut  # PROCLITICS runs longest first: the shortest cut wins
        if table:
            return _orig_length(word, table[1])
        if whole:
            return 0
        if given:
            # وأحمد, وكريم, وعلي: a given name after the proclitic (a short one only after و:
            # ليون, فريد stay whole)
            return _orig_length(word, given)
        clitic, rest = strip_proclitic(word)
        clitic = clitic.removesuffix("ال")  # وال / بال: the article stays with the name
        if clitic and clitic[-1] in "وبل" and not clitic.startswith("ك") and len(match_key(rest)) >= MIN_REST:
            return len(clitic)
        return 0


def _orig_length(word: str, n_folded: int) -> int:
    """Characters of *word* covering its first *n_folded* folded letters (marks/tatweel skipped)."""
    from checker.text.chars import is_dropped

    seen = 0
    for i, ch in enumerate(word):
        if seen == n_folded:
            return i
        if not is_dropped(ch):
            seen += 1
    return len(word)


@lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> NameModel | None:
    """The name model in *path* (default: the shipped ``model/``), or ``None`` when it is missing or
    its backend library is not installed; :class:`checker.errors.ModelError` for a damaged model.
    Cached per path."""
    p = Path(path) if path is not None else MODEL_DIR
    meta_file = p / "meta.json"
    if not meta_file.is_file():
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    first_file = p / "first_words.json"
    first = json.loads(first_file.read_text(encoding="utf-8")) if first_file.is_file() else {}
    lex_file = p / "lexicon.json"
    lex = (
        Lexicon.from_json(json.loads(lex_file.read_text(encoding="utf-8")))
        if lex_file.is_file()
        else lexicon_from_rules()
    )
    translit_file = p / "translit.json"
    if translit_file.is_file():
        from checker.names.translit import Translit

        try:
            lex = lex.with_translit(Translit.from_json(json.loads(translit_file.read_text(encoding="utf-8"))))
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot load the name model: {translit_file.name}: {exc}", path=str(p)) from None
    clusters_file = p / "clusters.json"
    if clusters_file.is_file():
        lex = lex.with_clusters(json.loads(clusters_file.read_text(encoding="utf-8")))
    backend = meta.get("backend")
    try:
        if backend == "crf":
            import pycrfsuite

            tagger: Any = pycrfsuite.Tagger()
        elif backend == "spacy":
            import spacy
        else:
            return None
    except ImportError:
        return None  # the learner's library is not installed
    try:
        if backend == "crf":
            tagger.open(str(p / "model.crfsuite"))
        else:
            tagger = spacy.load(p / "pipeline", exclude=["tokenizer"])
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load the name model: {exc}", path=str(p)) from None
    model = NameModel(p, backend, tagger, first, lex, int(meta.get("document_window", 0)))
    if meta.get("stacked_folds"):
        try:
            model.second = pycrfsuite.Tagger()
            model.second.open(str(p / "second.crfsuite"))
        except OSError as exc:
            raise ModelError(f"cannot load the name model: {exc}", path=str(p)) from None
    return model


__all__ = ["FACT_TYPES", "LABELS", "MODEL_DIR", "NameModel", "load"]
