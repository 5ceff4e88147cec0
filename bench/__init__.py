"""Benchmarks for Nope (not tests): run them by hand, e.g. `python bench/ack_latency.py`."""
