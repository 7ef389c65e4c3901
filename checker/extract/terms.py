"""Rare words as terms, so that one name the lexicons do not know, spelled two ways across the
articles (فينجر / فينغر, إمباير / امباير), is still reported as a variant.

The key folds what transliteration varies: hamza and alef forms, alef maqsura, teh marbuta, the
G sound (ج / غ / ق / ك), and the long vowels ا و ي; two words with one key are variants when
the variant rule also finds their spellings close.
"""

from __future__ import annotations

from checker.extract.base import Context, extractor
from checker.text import recache
from checker.text.chars import ALPHABET
from checker.text.words import strip_proclitic, translit_key, zipf

#: words at least this frequent are ordinary vocabulary, not names
TERM_MAX_ZIPF = 3.0
MIN_LENGTH = 4
_ARABIC = recache.compile(f"^[{ALPHABET}]+$")


@extractor("terms")
def extract_terms(ctx: Context) -> None:
    for tok in ctx.analysis.tokens:
        if len(tok.norm) < MIN_LENGTH or not _ARABIC.match(tok.norm) or ctx.overlaps_taken(tok.start, tok.end):
            continue
        if zipf(tok.text) >= TERM_MAX_ZIPF or strip_proclitic(tok.text)[0]:
            continue  # a common word, or a word with a glued proclitic (وتأثيرا): not a name
        key = translit_key(tok.norm)
        ctx.add("term", key, tok.norm, tok.text, tok.start, tok.end, "words.rare", claim=False)
