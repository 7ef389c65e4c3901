"""Recognisers built on :mod:`checker.text`: numbers (:mod:`.numerals`) and dates (:mod:`.dates`).

Each is split into its lexicon (word tables from ``rules/lexicons/``), its token patterns and its
composition. Nothing here imports from ``checker.extract`` or ``checker.engine``.
"""
