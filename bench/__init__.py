"""Benchmarks (DESIGN.md §11): every figure is printed next to a baseline measured in the same run.

Run all: `make bench` (= `python -m bench`); one: `python -m bench list_pages`. A benchmark is a
module `bench/<name>.py` with a `run()` function; it builds its data set in the benchmark database
(its own database: PostgreSQL `test_<name>` when DATABASE_URL is set, else an SQLite file under
bench/results/), which is kept between runs so the data is built once.
"""
