"""Runs the benchmark commands and prints the table (used by Benchmarks/run).

BENCH_LIMIT (seconds, default 600) stops a command that runs longer; it is shown as "inf", never
left out.

For each store size: the median wall time and peak memory of validate, every report in JSON and
in HTML (and `report all` into a folder), and one `action update`; beside each, the time Python's
json.load and orjson.loads (when installed) take merely to parse the same file, the ratios, and
memory over the file size. Then, for every report and format, the growth from the smallest size to
the largest; each report's HTML against its JSON; `report all` and `report repeats` against
`report overdue`; and each target met or missed. It asserts nothing: a missed target is printed,
never hidden. BENCH_RUNS sets the runs per figure (default 5).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

binary, work = sys.argv[1], sys.argv[2]
sizes = [int(s) for arg in sys.argv[3:] for s in arg.split()]
runs = int(os.environ.get("BENCH_RUNS", "5"))
# A command still running after BENCH_LIMIT seconds is stopped and shown as over the limit.
limit = float(os.environ.get("BENCH_LIMIT", "600"))
as_of = "2026-11-20"
env = dict(os.environ, LEARNING_TRACKER_TODAY=as_of, LEARNING_TRACKER_USER="benchmark")

# The targets: every report at most 1.0 times json.load, peak memory at most 2.5 times the file,
# at most 11 times slower for 10 times the reviews (1.1 times the growth of the store, whatever the
# sizes), an action update at most 1.5 times json.load, a report's HTML at most twice its JSON plus
# a second, and `report all` at most 8 times `report overdue`.
REPORT_RATIO, UPDATE_RATIO, MEMORY_RATIO, GROWTH = 1.0, 1.5, 2.5, 1.1
HTML_TIMES, HTML_PLUS = 2.0, 1.0
ALL_RATIO, REPEATS_RATIO = 8.0, 3.0
# Every report of the registry, in its order; digest and annual for a year, briefing and plan for a review.
REPORTS = ("progress", "overdue", "digest", "timeliness", "pipeline", "dissemination", "section11", "themes",
           "briefing", "plan", "repeats", "impact", "assurance", "annual")


def run_once(args):
    """Wall seconds and peak resident memory (MiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > limit:
            process.kill()
            os.wait4(process.pid, 0)
            return float("inf"), float("nan")
        time.sleep(0.01)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}")
    return wall, usage.ru_maxrss / 1024


def median_of(args, prepare=None):
    walls, peaks = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        wall, peak = run_once(args)
        if wall == float("inf"):
            return wall, peak
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), statistics.median(peaks)


def parse_seconds(path, parser):
    """Median time for Python to parse the file: `json` (json.load) or `orjson` (orjson.loads)."""
    if parser == "json":
        code = f"import json,time;t=time.perf_counter();json.load(open({path!r},encoding='utf-8'));print(time.perf_counter()-t)"
    else:
        code = f"import orjson,time;t=time.perf_counter();orjson.loads(open({path!r},'rb').read());print(time.perf_counter()-t)"
    times = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if result.returncode != 0:
            return None
        times.append(float(result.stdout))
    return statistics.median(times)


rows = []
medians = {}
python_same_work = {}
for size in sizes:
    store = os.path.join(work, f"store-{size}.json")
    subprocess.run([binary, "generate", "--reviews", str(size), "--as-of", as_of, "--output", store], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    megabytes = os.path.getsize(store) / (1 << 20)
    floor = parse_seconds(store, "json")
    fastest = parse_seconds(store, "orjson")
    # Found in a separate process: a child's peak memory counts the memory of the process it was
    # forked from, so this process must never hold a parsed store.
    finder = (
        "import json,sys;d=json.load(open(sys.argv[1],encoding='utf-8'));r=d['reviews'];"
        "a=next(f\"{v['id']}/{m['actions'][0]['id']}\" for v in r for m in v['recommendations'] if m['actions']);"
        "print(r[0]['id']);print(a)"
    )
    review_id, reference = subprocess.run([sys.executable, "-c", finder, store], capture_output=True, text=True,
                                          check=True).stdout.split()
    common = ["--format", "json", "--as-of", as_of]
    commands = [("validate", ["validate"], "validate")]
    for report in REPORTS:
        extra = (["--year", "2025"] if report in ("digest", "annual") else
                 ["--review", review_id] if report in ("briefing", "plan") else [])
        for format in ("json", "html"):
            name = f"report {report}" + (" (html)" if format == "html" else "")
            commands.append((name, ["report", report] + extra + ["--format", format, "--as-of", as_of], "report"))
    folder = tempfile.mkdtemp(dir=work)
    commands.append(("report all", ["report", "all", "--as-of", as_of, "--year", "2025", "--output-dir", folder], "report"))
    for name, args, kind in commands:
        wall, peak = median_of([binary, "--data", store] + args)
        medians[(size, name)] = wall
        rows.append((size, megabytes, name, kind, wall, peak, floor, fastest))
    copy = os.path.join(work, "update.json")

    def fresh():
        shutil.copyfile(store, copy)
        for leftover in (copy + ".history.jsonl", copy + ".lock"):
            if os.path.exists(leftover):
                os.remove(leftover)

    wall, peak = median_of([binary, "--data", copy, "action", "update", reference, "--note", "benchmark update", "--date", as_of], fresh)
    medians[(size, "action update")] = wall
    rows.append((size, megabytes, "action update", "update", wall, peak, floor, fastest))
    # Plain Python doing the work of `report overdue --format json` (json.load, the same
    # derivation, json.dump): the yardstick of "no slower than a script".
    reference_script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "overdue_reference.py")
    wall, peak = median_of([sys.executable, reference_script, store, as_of])
    python_same_work[size] = (wall, peak)
    os.remove(store)
    # The same size with recommendation texts that vary as prose does, for `repeats` and `report all`.
    prose = os.path.join(work, f"prose-{size}.json")
    subprocess.run([binary, "generate", "--reviews", str(size), "--as-of", as_of, "--texts", "prose", "--output", prose],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    prose_megabytes = os.path.getsize(prose) / (1 << 20)
    prose_floor = parse_seconds(prose, "json")
    prose_fastest = parse_seconds(prose, "orjson")
    for name, args in (
        ("overdue (prose)", ["report", "overdue"] + common),
        ("repeats (prose)", ["report", "repeats"] + common),
        ("all (prose)", ["report", "all", "--as-of", as_of, "--year", "2025", "--output-dir", tempfile.mkdtemp(dir=work)]),
    ):
        wall, peak = median_of([binary, "--data", prose] + args)
        medians[(size, "report " + name)] = wall
        rows.append((size, prose_megabytes, "report " + name, "report", wall, peak, prose_floor, prose_fastest))
    os.remove(prose)

misses = []
largest, smallest = max(sizes), min(sizes)
print(f"runs per figure: {runs}")
print(f"{'reviews':>7}  {'file MiB':>8}  {'command':<24} {'median s':>8}  {'peak MiB':>8}  {'json.load s':>11}  {'ratio':>6}  {'orjson s':>8}  {'ratio':>6}  {'mem/file':>8}")
for size, megabytes, name, kind, wall, peak, floor, fastest in rows:
    ratio = wall / floor
    memory = peak / megabytes
    fast = f"{fastest:>8.3f}  {wall / fastest:>6.2f}" if fastest else f"{'-':>8}  {'-':>6}"
    notes = []
    limit = UPDATE_RATIO if kind == "update" else REPORT_RATIO
    # The reading target is set for JSON; HTML is held to its JSON, and report all to report overdue.
    if kind != "validate" and "(html)" not in name and not name.startswith("report all") and ratio > limit:
        notes.append(f"time > {limit}x json.load")
    if memory > MEMORY_RATIO:
        notes.append(f"memory > {MEMORY_RATIO}x file")
    if notes and size == largest:
        misses.append(f"{size} {name}: " + ", ".join(notes))
    print(f"{size:>7}  {megabytes:>8.1f}  {name:<24} {wall:>8.3f}  {peak:>8.1f}  {floor:>11.3f}  {ratio:>6.2f}  {fast}  {memory:>8.2f}  {'; '.join(notes)}")
print()
print("against the work itself and against report overdue:")
for size in sizes:
    if size in python_same_work:
        wall, peak = python_same_work[size]
        ratio = medians[(size, "report overdue")] / wall
        print(f"  {size:>6} reviews: plain Python doing the overdue report's work {wall:.3f} s, {peak:.0f} MiB;"
              f" report overdue {ratio:.2f}x its time")
        if ratio > 1.0:
            misses.append(f"{size} report overdue: slower than plain Python doing the same work ({ratio:.2f}x)")
    for kind in ("", " (prose)"):
        overdue = medians.get((size, "report overdue" + kind))
        for name, limit in (("report repeats", REPEATS_RATIO), ("report all", ALL_RATIO)):
            value = medians.get((size, name + kind))
            if overdue and value:
                ratio = value / overdue
                flag = f"  (> {limit}x)" if ratio > limit else ""
                if flag and size == largest:
                    misses.append(f"{size} {name}{kind}: {ratio:.1f}x report overdue")
                print(f"  {size:>6} reviews: {name + kind:<24} {ratio:.1f}x report overdue{flag}")
print()
print(f"HTML against JSON (target: at most {HTML_TIMES:g}x the JSON + {HTML_PLUS:g} s):")
print(f"  {'report':<16} " + "  ".join(f"{size:>6} reviews: html/json" for size in sizes))
for report in REPORTS:
    cells = []
    for size in sizes:
        json_s = medians.get((size, f"report {report}"))
        html_s = medians.get((size, f"report {report} (html)"))
        if json_s is None or html_s is None:
            cells.append(f"{'-':>26}")
            continue
        flag = "*" if html_s > HTML_TIMES * json_s + HTML_PLUS else " "
        cells.append(f"{html_s:>8.3f} / {json_s:>8.3f} {html_s / json_s:>5.2f}{flag}")
        if flag == "*" and size == largest:
            misses.append(f"{size} report {report}: HTML {html_s:.2f} s > {HTML_TIMES:g}x JSON {json_s:.2f} s + {HTML_PLUS:g} s")
    print(f"  {report:<16} " + "  ".join(cells))
if len(sizes) > 1:
    allowed = GROWTH * largest / smallest
    print()
    print(f"growth from {smallest:,} to {largest:,} reviews (time ratio; target at most {allowed:g}x):")
    for name in sorted({name for (size, name) in medians if size == largest and (smallest, name) in medians}):
        growth = medians[(largest, name)] / medians[(smallest, name)]
        flag = f"  (> {allowed:g}x)" if growth > allowed else ""
        if flag:
            misses.append(f"growth {name}: {growth:.1f}x")
        print(f"  {name:<24} {growth:.1f}x{flag}")
print()
print(f"targets missed at {largest:,} reviews:" if misses else f"every target met at {largest:,} reviews")
for miss in misses:
    print("  " + miss)
