"""Accuracy benchmarks for ``checker`` on public Arabic data (read in place, never copied here).

Run ``python -m benchmarks.accuracy --help``.
"""
