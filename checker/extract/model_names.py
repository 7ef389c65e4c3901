"""People the trained name model (:mod:`checker.names`) finds that no title, given name or
nationality introduced: untitled full names (عبدالعزيز أحمد جباري). The model proposes spans; only
people of two or more words that no earlier extractor claimed become facts, so titles, lexicons
and the cross-article evidence still decide roles, aliases and canonical forms. Places and
organisations stay with the lexicon, which measured better on them.

Off by default: on the gold stories it added no finding the editor wanted and one gap he did not,
with the first model and again with the two-pass one (benchmarks/README.md). ``--names-model crf``
(or ``names-model = "crf"`` in the configuration) turns it on; ``none`` is the rule-based names
alone."""

from __future__ import annotations

from checker.extract.base import Context, extractor
from checker.text.chars import match_key

#: whether the model runs (``--names-model crf``); the rule-based names alone otherwise
ENABLED = False
MIN_WORDS = 2


@extractor("model_names")
def extract_model_names(ctx: Context) -> None:
    if not ENABLED:
        return
    from checker.names import load

    model = load()
    if model is None:
        return
    for start, end, label in model.spans(ctx.text, propagate=False):
        name = ctx.text[start:end]
        if label != "PERS" or len(name.split()) < MIN_WORDS or ctx.overlaps_taken(start, end):
            continue
        key = match_key(name.split()[-1])
        ctx.add("person", key, match_key(name), name, start, end, "model.names")
