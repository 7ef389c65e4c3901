"""Arabic date and time expressions: find them, keep exact offsets, resolve them to intervals.

A small rule grammar (Duckling-like, but regular expressions over folded text) for news copy:
absolute dates ("20 يناير 2016", "الأربعاء 20 يناير/كانون الثاني", "20/1/2016", "2016-01-20"),
months and years ("يناير 2016", "العام 2014", "1437هـ"), Hijri dates ("15 رمضان 1437 هـ"),
seasons ("صيف العام 2014"), boundary modifiers ("نهاية سبتمبر/أيلول الماضي", "مطلع العام
المقبل"), relative expressions ("اليوم", "أمس", "الأسبوع الماضي", "بعد ثلاثة أسابيع"),
weekdays ("الأربعاء", "اليوم الأربعاء") and decades ("الثمانينيات").

Vocabulary: Gregorian month names and weekday names come from CLDR via babel at run time; the
rest (press spellings, Hijri months, relative words...) from ``rules/lexicons/dates.yaml``
(:mod:`.lexicon`). :mod:`.patterns` holds the grammar, :mod:`.resolve` turns a match into an
interval (with :mod:`.intervals` and :mod:`.hijri`; the documented conventions are there), and
:mod:`.find` picks the longest non-overlapping matches. All matching runs on
:func:`checker.text.chars.fold_with_map` output and is mapped back, so
``text[m.start:m.end] == m.text`` always holds.

>>> ref = datetime.date(2016, 1, 20)
>>> text = "وصل الأربعاء 20 يناير/كانون الثاني 2016 إلى بيروت"
>>> [(m.text, m.first.isoformat(), m.granularity) for m in find_dates(text, ref)]
[('الأربعاء 20 يناير/كانون الثاني 2016', '2016-01-20', 'day')]
>>> m = find_dates("نهاية سبتمبر/أيلول الماضي", ref)[0]
>>> m.first, m.last, m.relative
(datetime.date(2015, 9, 21), datetime.date(2015, 9, 30), True)
>>> [m.text for m in find_dates("يمارس الضغط منذ 2014 في 26 دولة")]
['2014']
>>> m = find_dates("الخميس ٢٠ يناير ٢٠١٦")[0]
>>> m.weekday, weekday_mismatch(m)
(3, True)
>>> candidate_years(20, 1, 2, 2010, 2020)
[2010, 2016]
"""

from __future__ import annotations

import datetime  # noqa: F401 (the doctests above use it)

from checker.grammar.dates.find import DateMatch, candidate_years, find_dates, weekday_mismatch

__all__ = ["DateMatch", "candidate_years", "find_dates", "weekday_mismatch"]
