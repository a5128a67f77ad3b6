"""Page data at one scale without the hour-long full run: `python -m bench.pages_check [scale]` generates (or
reuses) the scale's inputs, loads them once through the probe, then measures every page's data exactly as
`make bench` does (bench.run.bench_queries: warm median of the scale's query runs; one fresh-process run instead
of the scale's). Prints each page's warm median per filter and the slowest; the figures also go to
bench/cache/<scale>_pages_check.json. Not part of `make test`: speed is measured here, never asserted."""

import json
import sys
import time

from bench.run import CACHE, SCALES, _probe, bench_queries, inputs, say


def main(scale: str) -> None:
    cfg = dict(SCALES[scale], fresh_runs=1)
    t0 = time.perf_counter()
    files = inputs(scale, cfg)
    say(f"inputs {time.perf_counter() - t0:.0f} s")
    wh, st = CACHE / scale / "warehouse.duckdb", CACHE / scale / "staging"
    r = _probe("load", str(wh), str(st), *map(str, files))
    say(f"load {r['total_s']:.0f} s, build {r['build_s']:.0f} s, peak {r['peak_bytes'] / 2**30:.2f} GiB")
    q = bench_queries(wh, cfg)
    out = {"load_total_s": r["total_s"], "build_s": r["build_s"], "queries": q}
    (CACHE / f"{scale}_pages_check.json").write_text(json.dumps(out, indent=1, default=str))
    for which in ("typical", "widest"):
        pages = q[which]["pages"]
        slow = max(pages, key=lambda p: pages[p]["warm"]["median"])
        print(
            which,
            "slowest",
            slow,
            round(pages[slow]["warm"]["median"], 1),
            "ms;",
            {p: round(v["warm"]["median"], 1) for p, v in pages.items()},
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "province")
