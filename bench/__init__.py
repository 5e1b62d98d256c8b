"""Benchmarks: extraction quality and speed (`make bench-extraction`), search (`make bench-search`).

Scripts, not part of the installed package; see bench/README.md.
"""
