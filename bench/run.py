"""The benchmark suite: generate a scale, load it through the pipeline, then time every page's data.

`python -m bench` (or `make bench`) runs district and province; `--scales national` adds the
national scale (generated once into bench/cache/national and reused). Each scale's numbers go
to bench/cache/results/<scale>.json and `bench/results.md` is rewritten from all of them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from bench import pages
from bench.measure import machine, rss, say, summary, timed

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("BENCH_CACHE", ROOT / "bench" / "cache"))
RESULTS = ROOT / "bench" / "results.md"

SCALES = {
    # the demo itself: mixed Excel, Indonesian CSV and Parquet files
    "district": {
        "employees": 3_000,
        "periods": 24,
        "skm": None,
        "demo_files": True,
        "load_runs": 3,
        "query_runs": 15,
        "fresh_runs": 3,
        "render": True,
        "pandas": True,
    },
    "province": {
        "employees": 100_000,
        "periods": 24,
        "skm": 465_000,
        "capaian_csv": True,
        "load_runs": 3,
        "query_runs": 15,
        "fresh_runs": 3,
        "render": True,
        "pandas": True,
    },
    "national": {
        "employees": 4_300_000,
        "periods": 12,
        "skm": 20_000_000,
        "capaian_csv": False,
        "load_runs": 1,
        "query_runs": 7,
        "fresh_runs": 2,
        "render": False,
        "pandas": False,
    },
}
SESSIONS = [1, 4, 8]


def inputs(scale: str, cfg: dict) -> list[Path]:
    """The scale's input files, generated once into the cache and reused."""
    out = CACHE / scale / "input"
    if cfg.get("demo_files"):
        from pipelines.demo.files import write_demo_files
        from pipelines.demo.generate import generate

        stamp = out / "generated.json"
        if stamp.exists():
            return [out / n for n in json.loads(stamp.read_text())["files"]]
        paths = write_demo_files(generate(cfg["employees"], cfg["periods"]), out)
        stamp.write_text(json.dumps({"files": [p.name for p in paths]}))
        return paths
    from pipelines.demo.scale import write_scaled

    return write_scaled(
        out,
        cfg["employees"],
        cfg["periods"],
        skm_responses=cfg["skm"],
        capaian_csv=cfg.get("capaian_csv", False),
        progress=lambda m: say(f"  gen {m}"),
    )


def _probe(*args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "bench.probe", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"bench.probe {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_load(scale: str, cfg: dict, files: list[Path]) -> tuple[dict, Path]:
    """Full-pipeline loads into a fresh warehouse, each in its own process (for its peak memory)."""
    warehouse, staging = CACHE / scale / "warehouse.duckdb", CACHE / scale / "staging"
    runs = []
    for i in range(cfg["load_runs"]):
        say(f"  load run {i + 1}/{cfg['load_runs']}")
        runs.append(_probe("load", str(warehouse), str(staging), *map(str, files)))
        say(f"    {runs[-1]['total_s']:.1f} s, peak {runs[-1]['peak_bytes'] / 2**30:.2f} GiB")
    kinds: dict[str, dict] = {}
    for kind in ("pegawai", "capaian", "perilaku", "evaluasi", "skm"):
        rows = [sum(f["dimuat"] + f["ditolak"] for f in r["files"] if f["jenis"] == kind) for r in runs]
        secs = [r["kind_seconds"].get(kind, 0) for r in runs]  # wall time: a kind's files overlap
        vsecs = [sum(f["detik_validasi"] for f in r["files"] if f["jenis"] == kind) for r in runs]
        if not rows[0]:
            continue
        kinds[kind] = {
            "rows": rows[0],
            "files": sum(1 for f in runs[0]["files"] if f["jenis"] == kind),
            "rows_per_s": summary([r / s for r, s in zip(rows, secs, strict=True) if s]),
            "validate_rows_per_s": summary([r / s for r, s in zip(rows, vsecs, strict=True) if s]),
            "peak_gib": max(r["kind_peak_bytes"].get(kind, 0) for r in runs) / 2**30,
        }
    total_rows = sum(k["rows"] for k in kinds.values())
    ind_rows = kinds.get("capaian", {}).get("rows", 0)
    result = {
        "kinds": kinds,
        "total_rows": total_rows,
        "total_s": summary([r["total_s"] for r in runs]),
        "build_s": summary([r["build_s"] for r in runs]),
        "rows_per_s": summary([total_rows / r["total_s"] for r in runs]),
        "indicator_rows_per_s_end_to_end": summary([ind_rows / r["total_s"] for r in runs]),
        "peak_gib": max(r["peak_bytes"] for r in runs) / 2**30,
        "build_peak_gib": max(r["build_peak_bytes"] for r in runs) / 2**30,
        "warehouse_gib": runs[-1]["warehouse_bytes"] / 2**30,
        "rejected": sum(f["ditolak"] for f in runs[-1]["files"]),
    }
    return result, warehouse


def bench_upload(scale: str, cfg: dict) -> dict:
    """One month of one place's capaian uploaded until visible: incremental and full rebuild, alternately, each
    run in a new process on a fresh copy of the scale's warehouse (the load average is recorded beside each)."""
    from bench.upload import upload_file

    base = CACHE / scale
    file = base / "upload" / "capaian_upload.csv"
    file.parent.mkdir(parents=True, exist_ok=True)
    what = upload_file(base / "warehouse.duckdb", file)
    say(f"  upload: {what['rows']:,} indicator rows of {what['lokasi']} for {what['periode']}")
    runs: dict[str, list[dict]] = {"incremental": [], "full": []}
    for i in range(cfg.get("upload_runs", 3)):
        for mode in runs:
            extra = ["--full"] if mode == "full" else []
            r = _probe("upload", str(base), str(base / "upload" / "scratch"), str(file), what["periode"], what["lokasi"], *extra)
            runs[mode].append(r)
            say(f"    {mode:11s} run {i + 1}: visible in {r['visible_s']:.2f} s (build {r['build_s']:.2f} s)")
            say(f"      load average {r['loadavg']:.1f}")
    out = {"file": what}
    for mode, rs in runs.items():
        stages = sorted({k for r in rs for k in r["stages"]})
        out[mode] = {
            "visible_s": summary([r["visible_s"] for r in rs]),
            "build_s": summary([r["build_s"] for r in rs]),
            "read_stage_s": summary([r["read_stage_s"] for r in rs]),
            "stages": {k: summary([r["stages"].get(k, 0.0) for r in rs]) for k in stages},
            "dirty": rs[-1]["dirty"],
            "loadavg": [r["loadavg"] for r in rs],
        }
    return out


def bench_queries(warehouse: Path, cfg: dict) -> dict:
    """Every page's data, warm (same process, uncached) and after a fresh process start, per filter."""
    from warehouse.db import connect

    con = connect(str(warehouse))
    out: dict = {}
    for which, f in pages.filters(con).items():
        ctx = pages.context(con, f)
        out[which] = {"context": {"nip": ctx.nip, "unit": ctx.unit}, "pages": {}}
        for page in pages.PAGES:
            warm = timed(lambda p=page, f=f, c=ctx: pages.page_data(con, p, f, c), cfg["query_runs"])
            fresh = []
            for _ in range(cfg["fresh_runs"]):
                args = ["fresh", str(warehouse), page, which, ctx.nip] + (["--unit", ctx.unit] if ctx.unit else [])
                fresh.append(_probe(*args)["ms"])
            out[which]["pages"][page] = {"warm": warm, "fresh": summary(fresh)}
            say(f"  {which:8s} {page:12s} warm {warm['median']:8.1f} ms  fresh {summary(fresh)['median']:8.1f} ms")
    out["process_rss_gib"] = rss() / 2**30
    con.close()
    return out


def _sessions(con, f, ctx, n: int, rounds: int) -> tuple[list[float], float]:
    """n threads, each a session visiting every page `rounds` times, starting at different pages."""
    samples: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(n)
    order = list(pages.PAGES)

    def session(i: int) -> None:
        start.wait()
        for _ in range(rounds):
            for page in order[i % len(order) :] + order[: i % len(order)]:
                t0 = time.perf_counter()
                pages.page_data(con, page, f, ctx)
                with lock:
                    samples.append((time.perf_counter() - t0) * 1000)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        list(pool.map(session, range(n)))
    return samples, time.perf_counter() - t0


def bench_sessions(warehouse: Path, rounds: int = 3) -> dict:
    """The same page data asked by 1, 4 and 8 sessions at once over one shared connection (as the dashboard)."""
    from warehouse.db import connect

    con = connect(str(warehouse))
    f = pages.filters(con)["typical"]
    ctx = pages.context(con, f)
    out = {}
    for n in SESSIONS:
        samples, wall = _sessions(con, f, ctx, n, rounds)
        out[str(n)] = {**summary(samples), "page_views_per_s": len(samples) / wall}
        say(f"  {n} sessions: median {out[str(n)]['median']:.1f} ms, {out[str(n)]['page_views_per_s']:.1f} pages/s")
    con.close()
    return out


def bench_pandas(scale: str, cfg: dict, warehouse: Path, queries: dict) -> dict:
    """The pandas way side by side: start-up cost, memory, page times and the ratio to the warehouse's."""
    from bench.pandas_way import PAGES, PandasApp
    from settings import load_settings
    from warehouse.db import connect

    before = rss()
    t0 = time.perf_counter()
    app = PandasApp(CACHE / scale / "staging", load_settings())
    startup = time.perf_counter() - t0
    mem = (rss() - before) / 2**30
    con = connect(str(warehouse))
    f = pages.filters(con)["typical"]
    ctx = pages.context(con, f)
    con.close()
    out = {"startup_s": startup, "memory_gib": mem, "pages": {}}
    for page in PAGES:
        pd_ms = timed(lambda p=page: app.page(p, f, ctx), max(3, cfg["query_runs"] // 3))
        ours = queries["typical"]["pages"][page]["warm"]["median"]
        out["pages"][page] = {"pandas": pd_ms, "ratio": pd_ms["median"] / ours if ours else None}
        say(f"  pandas {page:12s} {pd_ms['median']:8.1f} ms  ratio {out['pages'][page]['ratio']:.1f}x")
    return out


def versions() -> dict:
    import duckdb
    import pandas
    import pandera
    import plotly
    import polars
    import streamlit

    return {
        "python": sys.version.split()[0],
        "duckdb": duckdb.__version__,
        "polars": polars.__version__,
        "pandera": pandera.__version__,
        "streamlit": streamlit.__version__,
        "plotly": plotly.__version__,
        "pandas": pandas.__version__,
    }


def run_scale(scale: str, skip_render: bool = False) -> dict:
    cfg = SCALES[scale]
    say(f"{scale}: inputs")
    t0 = time.perf_counter()
    files = inputs(scale, cfg)
    gen_s = time.perf_counter() - t0
    say(f"{scale}: loading {len(files)} files")
    load, warehouse = bench_load(scale, cfg, files)
    say(f"{scale}: one month of one place uploaded, incremental beside a full rebuild")
    upload = bench_upload(scale, cfg)
    say(f"{scale}: page data")
    queries = bench_queries(warehouse, cfg)
    say(f"{scale}: concurrent sessions")
    sessions = bench_sessions(warehouse)
    result = {
        "scale": scale,
        "config": cfg,
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": versions(),
        "inputs_s": gen_s,
        "load": load,
        "upload": upload,
        "queries": queries,
        "sessions": sessions,
    }
    if cfg["pandas"]:
        say(f"{scale}: the pandas way")
        result["pandas"] = bench_pandas(scale, cfg, warehouse, queries)
    if cfg["render"] and not skip_render:
        result["render"] = bench_render(warehouse, queries["typical"]["context"]["nip"])
    (CACHE / "results").mkdir(parents=True, exist_ok=True)
    (CACHE / "results" / f"{scale}.json").write_text(json.dumps(result, indent=1, default=str))
    return result


def loads_only(scale: str, upload_only: bool = False) -> None:
    """The whole load and the upload alone (no page data or rendering), to results/<scale>.loads.json; with
    `upload_only`, the upload on the warehouse the last run loaded."""
    cfg = SCALES[scale]
    path = CACHE / "results" / f"{scale}.loads.json"
    result = json.loads(path.read_text()) if upload_only and path.exists() else {}
    if not upload_only:
        files = inputs(scale, cfg)
        say(f"{scale}: loading {len(files)} files")
        result["load"] = bench_load(scale, cfg, files)[0]
    say(f"{scale}: one month of one place uploaded, incremental beside a full rebuild")
    result |= {"scale": scale, "when": datetime.now().isoformat(timespec="seconds"), "machine": machine()}
    result["upload"] = bench_upload(scale, cfg)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1, default=str))


def bench_render(warehouse: Path, nip: str) -> dict:
    """Chromium render times, with each page script's own time on the server beside them."""
    from bench.render import render, script_times

    say("  rendering in Chromium")
    out = render(warehouse, runs=5, nip=nip)
    scripts = script_times(warehouse, runs=5, nip=nip)
    for page, r in out["pages"].items():
        r["script"] = scripts[page]
        say(
            f"  render {page:12s} median {r['median']:8.0f} ms (first {r['first_ms']:.0f} ms), "
            f"switch {r['switch'].get('median') or 0:6.0f} ms, script on the server {scripts[page]['median']:6.0f} ms"
        )
    return out


def rerender(scale: str) -> None:
    """Measure rendering again on the warehouse the last full run of a scale left, updating its results."""
    path = CACHE / "results" / f"{scale}.json"
    result = json.loads(path.read_text())
    say(f"{scale}: rendering again")
    result["render"] = bench_render(CACHE / scale / "warehouse.duckdb", result["queries"]["typical"]["context"]["nip"])
    path.write_text(json.dumps(result, indent=1, default=str))


def render_on(warehouse: Path) -> int:
    """Render times beside the render floor for any warehouse (e.g. the demo), printed as the report's table."""
    import duckdb

    from bench.report import _render

    with duckdb.connect(str(warehouse), read_only=True) as con:
        nip = con.sql("SELECT nip FROM mart_pembinaan ORDER BY urgensi DESC LIMIT 1").fetchall()[0][0]
    result = {"render": bench_render(warehouse, nip)}
    print("\n".join(_render(result)))
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--scales", default="district,province", help="comma list of district, province, national")
    p.add_argument("--skip-render", action="store_true")
    p.add_argument("--upload-only", action="store_true", help="only the upload, on the warehouse the last run loaded")
    p.add_argument(
        "--loads-only",
        action="store_true",
        help="only the loads and the upload (incremental beside full); saved to results/<scale>.loads.json",
    )
    p.add_argument("--report-only", action="store_true", help="rewrite results.md from the saved results")
    p.add_argument(
        "--render-only",
        action="store_true",
        help="measure rendering again on the warehouses of the last runs, keep the other results",
    )
    p.add_argument(
        "--render-on",
        type=Path,
        metavar="WAREHOUSE",
        help="only measure page render against the render floor on this warehouse and print the table",
    )
    a = p.parse_args(argv)
    scales = [s.strip() for s in a.scales.split(",") if s.strip()]
    if a.render_on:
        return render_on(a.render_on)
    if a.render_only:
        for scale in scales:
            rerender(scale)
    elif a.loads_only or a.upload_only:
        for scale in scales:
            loads_only(scale, upload_only=a.upload_only)
        return 0
    elif not a.report_only:
        for scale in scales:
            run_scale(scale, a.skip_render)
    from bench.report import write_report

    write_report(CACHE / "results", RESULTS, ROOT / "bench" / "notes.md")
    say(f"wrote {RESULTS}")
    return 0
