"""The proclitic and suffix tables: the one place that says which letters glue onto an Arabic word.

Every proclitic set the code uses is built here from three facts: the conjunctions و and ف, the
prepositions ب ل ك, and the article ال (with the future marker س for verbs). The views differ on
purpose (a regex for spans, an ordered list for frequency-validated stripping, the leads a hamza
check looks behind); each says why.

>>> PROCLITICS
('وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك')
>>> PROCLITIC_RE
'(?:[وف]?[بلك]?)'
"""

from __future__ import annotations

# --- the facts --------------------------------------------------------------------------------
#: conjunctions glued before a word ("and", "so")
CONJUNCTIONS = ("و", "ف")
#: prepositions glued before a word ("with/in", "for/to", "like")
PREPOSITIONS = ("ب", "ل", "ك")
#: the definite article
ARTICLE = "ال"
#: the future marker glued before a verb
FUTURE = "س"

# --- proclitic views --------------------------------------------------------------------------
#: every glued proclitic, longest first: a conjunction then a preposition, a conjunction, a preposition
PROCLITICS = (*(c + p for c in CONJUNCTIONS for p in PREPOSITIONS), *CONJUNCTIONS, *PREPOSITIONS)
#: the article forms frequency-validated stripping also removes (ل + ال is written لل: the
#: stripper restores the alef, so لل itself is not listed)
ARTICLE_PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل")
#: what :func:`checker.text.words.strip_proclitic` tries, in this order: the article forms, then
#: PROCLITICS without وك and فك (a frequent وكـ/فكـ word is not a clitic plus a word: وكانت)
STRIPPABLE = (*ARTICLE_PROCLITICS, *(p for p in PROCLITICS if p not in ("وك", "فك")))
#: what may stand before a word-initial hamza that the orthography lint checks (إتحاد, بإتحاد)
HAMZA_LEADS = ("", *CONJUNCTIONS, "ب", "ل", ARTICLE, "و" + ARTICLE, "ب" + ARTICLE)
#: prefixes that make a known word an inflected form rather than two glued words (وستتركز)
INFLECTION_PREFIXES = (*(c + FUTURE for c in CONJUNCTIONS), FUTURE, *CONJUNCTIONS, *PREPOSITIONS, "لل", ARTICLE)

# --- the same as regular expressions ----------------------------------------------------------
#: one conjunction, as a regex character class
CONJUNCTION_RE = "[" + "".join(CONJUNCTIONS) + "]"
#: one preposition, as a regex character class
PREPOSITION_RE = "[" + "".join(PREPOSITIONS) + "]"
#: an optional conjunction then an optional preposition (matches the empty string too)
PROCLITIC_RE = f"(?:{CONJUNCTION_RE}?{PREPOSITION_RE}?)"
#: at most one single-letter proclitic
SINGLE_PROCLITIC_RE = "(?:" + "|".join((*CONJUNCTIONS, *PREPOSITIONS)) + ")?"
#: at most one proclitic of PROCLITICS (pairs first)
ANY_PROCLITIC_RE = "(?:" + "|".join(PROCLITICS) + ")?"

# --- suffixes ---------------------------------------------------------------------------------
#: inflectional endings: a word that is a known word plus one of these is not two glued words
SUFFIXES = ("ان", "ين", "ون", "ات", "ة", "ه", "ها", "هم", "هما", "كم", "نا", "تان", "تين", "ي", "ا")
#: the endings a light stem drops, the first that fits (folded text: ة is already ه)
STEM_SUFFIXES = ("تين", "ات", "ون", "ين", "ان", "ه", "ي")
#: the endings a nisba (demonym) takes: feminine, plurals, duals
DEMONYM_SUFFIXES = ("", "ه", "ون", "ين", "ات", "ان", "تان", "تين")
#: the endings of a definite dual or plural noun (الطرفين, الجانبان)
DUAL_PLURAL_SUFFIXES = ("ين", "ان")
