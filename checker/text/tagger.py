"""Part-of-speech hints from an optional UDPipe model, and the analyzer that puts text, tokens,
sentences and hints together (:class:`checker.text.tokenize.Analysis`).

A UDPipe model (through spacy-udpipe) adds part-of-speech tags and lemmas, aligned back onto our
tokens by character offsets; they are used as *hints* (e.g. PROPN for names), never as the only
evidence. Without a model the tool runs degraded: names come from lexicons, title patterns and
recurrence across articles only.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker.errors import ModelError
from checker.text.chars import match_key
from checker.text.tokenize import Analysis, Token, split_sentences, tokenize

ENV_MODEL = "CHECKER_UDPIPE_MODEL"
FALLBACK = "fallback (no UDPipe model: rule-based tokens, no POS tags)"


class Analyzer:
    """Turns text into an :class:`Analysis`. Subclasses add a model's tags."""

    name = FALLBACK

    def tags(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, UPOS, lemma) spans from the model; none without a model."""
        return []

    def analyze(self, text: str) -> Analysis:
        spans = tokenize(text)
        tags = self.tags(text)
        tokens = []
        k = 0
        for i, (a, b) in enumerate(spans):
            pos, lemma, best = "", "", 0
            while k < len(tags) and tags[k][1] <= a:
                k += 1
            j = k
            while j < len(tags) and tags[j][0] < b:
                ta, tb, tp, tl = tags[j]
                overlap = min(b, tb) - max(a, ta)
                if overlap > best:
                    pos, lemma, best = tp, tl, overlap
                j += 1
            tokens.append(Token(i, a, b, text[a:b], match_key(text[a:b]), pos, lemma))
        return Analysis(text, tuple(tokens), tuple(split_sentences(text, spans)), self.name)


class UDPipeAnalyzer(Analyzer):
    """POS hints from a UDPipe 1 model, loaded with the UDPipe binding that spacy-udpipe installs
    (``ufal.udpipe``). spacy-udpipe's spaCy pipeline is not built: only the model's tokenizer and
    tagger are run, and importing spaCy to build it cost 1.2 s of every start with a model.
    :meth:`nlp` builds that pipeline on demand (for comparisons)."""

    def __init__(self, path: str) -> None:
        p = _checked(path)
        try:
            from ufal.udpipe import Model

            model = Model.load(str(p))
        except Exception as exc:  # the binding raises plain Exception for a bad file
            raise ModelError(f"cannot load the UDPipe model: {exc}", path=path) from None
        if model is None:
            raise ModelError("cannot load the UDPipe model", path=path)
        self.model, self.path = model, str(p)
        self.name = f"udpipe:{p.name}"

    def nlp(self) -> Any:
        """spacy-udpipe's full spaCy pipeline for the same model (tokenizer, tagger and parser)."""
        import spacy_udpipe

        return spacy_udpipe.load_from_path(lang="ar", path=self.path)

    def tags(self, text: str) -> list[tuple[int, int, str, str]]:
        """Tokenize and tag with the model's own tokenizer in ``ranges`` mode, which gives true
        character offsets into *text* (spacy-udpipe's ``doc.text`` may differ in whitespace).
        The parser is not run: only POS tags and lemmas are used."""
        from ufal.udpipe import Sentence

        model = self.model
        out: list[tuple[int, int, str, str]] = []
        for chunk_start, chunk in _chunks(text):
            tokenizer = model.newTokenizer("ranges")
            if tokenizer is None:
                raise ModelError("the UDPipe model has no tokenizer", path=self.name)
            tokenizer.setText(chunk)
            sent = Sentence()
            while tokenizer.nextSentence(sent):
                model.tag(sent, model.DEFAULT)
                spans = _word_ranges(sent)
                for w in list(sent.words)[1:]:
                    r = spans.get(w.id)
                    if r is not None:
                        out.append((chunk_start + r[0], chunk_start + r[1], w.upostag, w.lemma))
                sent = Sentence()
        return out


def _range(misc: str) -> tuple[int, int] | None:
    for item in misc.split("|"):
        if item.startswith("TokenRange="):
            a, b = item[len("TokenRange=") :].split(":")
            return int(a), int(b)
    return None


def _word_ranges(sent: Any) -> dict[int, tuple[int, int]]:
    """Character range of each word; words of a multiword token (و+فرنسا) share its range, or get
    their own slice when their forms spell the token exactly."""
    out: dict[int, tuple[int, int]] = {}
    words = list(sent.words)
    for w in words[1:]:
        r = _range(w.misc)
        if r:
            out[w.id] = r
    for mwt in sent.multiwordTokens:
        r = _range(mwt.misc)
        if not r:
            continue
        parts = [words[i] for i in range(mwt.idFirst, mwt.idLast + 1)]
        pos = r[0]
        exact = "".join(p.form for p in parts) == mwt.form
        for p in parts:
            if exact:
                out[p.id] = (pos, pos + len(p.form))
                pos += len(p.form)
            else:
                out[p.id] = r
    return out


def _looks_like_udpipe(path: Path) -> bool:
    """A UDPipe 1 model starts with the length-prefixed name of its trainer (morphodita_parsito)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    if len(head) < 2:
        return False
    n = head[0]
    name = head[1 : 1 + n]
    return 3 <= n <= 60 and len(name) == n and all(chr(b).isalnum() or chr(b) == "_" for b in name)


def _chunks(text: str, size: int = 20000) -> list[tuple[int, str]]:
    """Cut long texts at paragraph breaks so the model never sees one huge string."""
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            nl = text.rfind("\n", start, end)
            if nl > start:
                end = nl + 1
        out.append((start, text[start:end]))
        start = end
    return out


#: the UDPipe model shipped inside the package (UD_Arabic-PUD, CC BY-SA 4.0; see checker/models/README.md)
PACKAGED_MODEL = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models", "ar_pud.udpipe")


def resolve_model_path(model: str | None) -> str | None:
    """``--model`` first, then ``$CHECKER_UDPIPE_MODEL``, then the model shipped in the package,
    then spacy-udpipe's downloaded Arabic model, else ``None`` (fallback). ``--model none`` forces
    the fallback."""
    if model:
        return None if model.lower() == "none" else model
    env = os.environ.get(ENV_MODEL)
    if env:
        return None if env.lower() == "none" else env
    if os.path.isfile(PACKAGED_MODEL):
        return PACKAGED_MODEL
    try:
        import spacy_udpipe.utils as su

        path = os.path.join(su.MODELS_DIR, su.LANGUAGES["ar"])
        if os.path.isfile(path):
            return path
    except Exception:  # pragma: no cover - spacy_udpipe layout changed
        return None
    return None


def _checked(path: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise ModelError("UDPipe model file not found", path=path)
    if not _looks_like_udpipe(p):
        # the C++ loader aborts the process on a foreign file: check before handing it over
        raise ModelError("not a UDPipe 1 model file", path=path)
    return p


def analyzer_name(model: str | None = None) -> str:
    """The name :func:`load_analyzer` would give the analyzer, without loading the model (whose file
    is checked the same way): for a run that may need no tagging at all (every analysis stored)."""
    path = resolve_model_path(model)
    return Analyzer.name if path is None else f"udpipe:{_checked(path).name}"


@lru_cache(maxsize=4)
def load_analyzer(model: str | None = None) -> Analyzer:
    """The analyzer for a model path (see :func:`resolve_model_path`)."""
    path = resolve_model_path(model)
    if path is None:
        return Analyzer()
    return UDPipeAnalyzer(path)


def download_model() -> str:
    """Download spacy-udpipe's Arabic model (needs internet)."""
    import socket

    import spacy_udpipe
    import spacy_udpipe.utils as su

    old = socket.getdefaulttimeout()
    socket.setdefaulttimeout(15)
    try:
        spacy_udpipe.download("ar")
    except Exception as exc:
        raise ModelError(f"download failed: {exc}", path=su.BASE_URL) from None
    finally:
        socket.setdefaulttimeout(old)
    return os.path.join(su.MODELS_DIR, su.LANGUAGES["ar"])
