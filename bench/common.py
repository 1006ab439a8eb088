"""Helpers shared by the benchmarks: timing pages with the test client and printing tables."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def time_page(client, url, *, repeat=15, warmup=2, params=None):
    """{median_ms, p90_ms, p95_ms, queries, bytes} of GET `url` (status 200 asserted)."""
    for _ in range(warmup):
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    # Read now: the next request resets the connection's query log.
    sqls = [q["sql"] for q in queries.captured_queries]
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url, params)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    counts = sum("COUNT(" in sql.upper() for sql in sqls)
    return {
        "median_ms": statistics.median(timings),
        "p90_ms": timings[int(len(timings) * 0.9) - 1],
        "p95_ms": timings[max(0, -(-len(timings) * 95 // 100) - 1)],
        "queries": len(sqls),
        "counts": counts,
        "bytes": len(response.content),
    }


def print_table(title, rows, baseline_ms=None):
    """rows: [(label, figures)] from time_page; a column "× bare" when a baseline is given."""
    print(f"\n{title}")
    header = f"{'case':<52} {'median ms':>10} {'p90 ms':>8} {'queries':>8} {'COUNTs':>7} {'KiB':>6}"
    if baseline_ms:
        header += f" {'× bare':>8}"
    print(header)
    print("-" * len(header))
    for label, f in rows:
        line = f"{label:<52} {f['median_ms']:>10.2f} {f['p90_ms']:>8.2f} {f['queries']:>8} {f['counts']:>7}"
        line += f" {f['bytes'] / 1024:>6.1f}"
        if baseline_ms:
            line += f" {f['median_ms'] / baseline_ms:>8.1f}"
        print(line)
