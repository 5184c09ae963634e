"""Runs the benchmark commands and prints the table (used by Benchmarks/run)."""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

binary, work = sys.argv[1], sys.argv[2]
sizes = [int(s) for arg in sys.argv[3:] for s in arg.split()]
runs = 5
as_of = "2026-11-20"
env = dict(os.environ, LEARNING_TRACKER_TODAY=as_of, LEARNING_TRACKER_USER="benchmark")


def run_once(args):
    """Wall seconds and peak resident memory (MiB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
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
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls), statistics.median(peaks)


def json_load_seconds(path):
    code = f"import json,time;t=time.perf_counter();json.load(open({path!r},encoding='utf-8'));print(time.perf_counter()-t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


rows = []
medians = {}
for size in sizes:
    store = os.path.join(work, f"store-{size}.json")
    subprocess.run([binary, "generate", "--reviews", str(size), "--as-of", as_of, "--output", store], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    megabytes = os.path.getsize(store) / (1 << 20)
    floor = json_load_seconds(store)
    commands = [("validate", ["validate"])]
    for report in ("progress", "overdue", "digest"):
        for fmt in ("json", "html"):
            extra = ["--year", "2025"] if report == "digest" else []
            commands.append((f"{report} {fmt}", ["report", report, "--format", fmt, "--as-of", as_of] + extra))
    for name, args in commands:
        wall, peak = median_of([binary, "--data", store] + args)
        medians[(size, name)] = wall
        rows.append((size, megabytes, name, wall, peak, floor))
    if size == sizes[0]:
        copy = os.path.join(work, "update.json")
        reference = None
        with open(store, encoding="utf-8") as handle:
            for review in json.load(handle)["reviews"]:
                for recommendation in review["recommendations"]:
                    if recommendation["actions"]:
                        reference = f"{review['id']}/{recommendation['actions'][0]['id']}"
                        break
                if reference:
                    break
        def fresh():
            shutil.copyfile(store, copy)
            for leftover in (copy + ".history.jsonl", copy + ".lock"):
                if os.path.exists(leftover):
                    os.remove(leftover)
        wall, peak = median_of([binary, "--data", copy, "action", "update", reference, "--note", "benchmark update", "--date", as_of], fresh)
        rows.append((size, megabytes, "action update", wall, peak, floor))

print(f"{'reviews':>7}  {'file MiB':>8}  {'command':<14} {'median s':>8}  {'peak MiB':>8}  {'json.load s':>11}  {'ratio':>6}  {'mem/file':>8}")
for size, megabytes, name, wall, peak, floor in rows:
    print(f"{size:>7}  {megabytes:>8.1f}  {name:<14} {wall:>8.3f}  {peak:>8.1f}  {floor:>11.3f}  {wall / floor:>6.2f}  {peak / megabytes:>8.2f}")
if 500 in sizes and 5000 in sizes:
    print()
    print("growth from 500 to 5,000 reviews (time ratio):")
    for name in sorted({name for (size, name) in medians if size == 5000}):
        print(f"  {name:<14} {medians[(5000, name)] / medians[(500, name)]:.1f}x")
