"""Arabic number grammar: find cardinals, ordinals and fractions written in digits, words or both.

The word lists live in ``rules/lexicons/numbers.yaml``; :mod:`.lexicon` compiles them once
(lazily), :mod:`.tokens` and :mod:`.atoms` read the folded text (see
:func:`checker.text.chars.fold_with_map`) into number words and digit runs, :mod:`.compose` joins
them into numbers, :mod:`.phrases` adds qualifiers and ranges, and :mod:`.find` maps every span
back to exact offsets in the original text. Spelling variants (أ/إ/ا, ى/ي, ة/ه, diacritics,
tatweel, bidi marks, Arabic-Indic digits) all match.

>>> [(m.text, m.value) for m in find_numbers("قتل ستة وعشرون شخصا وجرح 1,300 آخرون")]
[('ستة وعشرون', 26), ('1,300', 1300)]
>>> m = find_numbers("بلغت الكلفة نحو 2.5 مليار دولار")[0]
>>> m.text, m.value, m.qualifier, m.written
('نحو 2.5 مليار', 2500000000, 'approx', 'mixed')
"""

from __future__ import annotations

from checker.grammar.numerals.digits import parse_digits
from checker.grammar.numerals.find import NumberMatch, find_numbers
from checker.grammar.numerals.lexicon import word_entry

__all__ = ["NumberMatch", "find_numbers", "parse_digits", "word_entry"]
