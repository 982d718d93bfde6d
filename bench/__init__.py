"""Build benchmark: synthetic partnerships of increasing size, built by our hooks and
by plain MkDocs + Material, with times, memory and page sizes side by side.

Run it with ``make bench`` or ``python -m bench --help``. Results are described in
``docs/benchmark.md``.
"""
