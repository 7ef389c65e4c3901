"""The trained name model's part in extraction, and the switch that sets it (``names-model``).

* ``crf`` (the default): the model judges the names the rules propose: where a name ends
  (:mod:`checker.extract.name_ends`) and whether the words after a title are a name at all
  (:mod:`checker.extract.person_checks`).
* ``crf-untitled``: besides, people the model finds that no title, given name or nationality
  introduced (عبدالعزيز أحمد جباري) become facts: only people of two or more words that no earlier
  extractor claimed, so titles, lexicons and the cross-article evidence still decide roles, aliases
  and canonical forms. Off by default: on the gold stories it added no finding the editor wanted
  and one he did not, with each model so far (benchmarks/README.md).
* ``none``: the rule-based names alone; the model is never loaded.
"""

from __future__ import annotations

from checker.extract.base import Context, extractor
from checker.text.chars import match_key

#: the settings of ``names-model``
SETTINGS = ("crf", "crf-untitled", "none")
#: whether the model adds untitled people (``crf-untitled``)
ENABLED = False
#: whether the model judges the names the rules propose (``crf`` and ``crf-untitled``)
JUDGE = True


def configure(setting: str | None) -> None:
    """Apply a ``names-model`` setting to this process (None: the default, ``crf``)."""
    global ENABLED, JUDGE
    setting = setting or "crf"
    if setting not in SETTINGS:
        raise ValueError(f"names-model must be one of {', '.join(SETTINGS)}, not {setting!r}")
    ENABLED = setting == "crf-untitled"
    JUDGE = setting != "none"


MIN_WORDS = 2


@extractor("model_names")
def extract_model_names(ctx: Context) -> None:
    if not (ENABLED and JUDGE):
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
