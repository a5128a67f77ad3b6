"""Benchmarks from one district to the whole country; run with `make bench`, never part of `make test`."""
