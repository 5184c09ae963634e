"""Plain Python doing the work of `report overdue --format json`: the yardstick for its speed.

    python3 Benchmarks/overdue_reference.py STORE AS_OF > out.json

json.load, then for every action the same derivation (updates on or before the day in date
order, status, revised due day, slips, last update, days overdue, due soon, stale), the same
lines sorted the same way, and json.dump with two-space indents and sorted keys. It prints the
seconds it took to standard error.
"""
import datetime
import json
import sys
import time

start = time.perf_counter()
path, as_of_text = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as handle:
    store = json.load(handle)
as_of = datetime.date.fromisoformat(as_of_text)
settings = store["partnership"].get("settings", {})
due_soon_days = settings.get("dueSoonDays", 30)
stale_after = settings.get("staleAfterDays", 90)
agencies = {agency["id"]: agency["name"] for agency in store["agencies"]}
closed = {"completed", "assured", "withdrawn"}
day = datetime.date.fromisoformat

overdue, due_soon, stale = [], [], []
for review in store["reviews"]:
    for recommendation in review.get("recommendations", []):
        for action in recommendation.get("actions", []):
            agreed = action.get("agreed")
            if agreed and day(agreed) > as_of:
                continue
            log = sorted(
                (u for u in action.get("updates", []) if day(u["date"]) <= as_of), key=lambda u: u["date"])
            status, original = "notStarted", day(action["due"])
            due, slips, slip_days, completed_on = original, 0, 0, None
            for update in log:
                if "status" in update:
                    status = update["status"]
                    if status in ("completed", "assured"):
                        completed_on = completed_on or day(update["date"])
                    else:
                        completed_on = None
                if "due" in update:
                    revised = day(update["due"])
                    if revised > due:
                        slips += 1
                        slip_days += (revised - due).days
                    due = revised
            last = log[-1] if log else None
            heard = day(last["date"]) if last else (day(agreed) if agreed else None)
            is_open = status not in closed
            is_overdue = is_open and due < as_of
            is_soon = is_open and not is_overdue and (due - as_of).days <= due_soon_days
            is_stale = is_open and heard is not None and (as_of - heard).days > stale_after
            if is_overdue:
                brag = "red"
            elif status == "assured":
                brag = "blue"
            elif status == "completed":
                brag = "green"
            elif is_soon or status == "blocked" or slips:
                brag = "amber"
            else:
                brag = "green"
            if not (is_overdue or is_soon or is_stale):
                continue
            line = {
                "reference": f"{review['id']}/{action['id']}", "review": review["id"],
                "reviewTitle": review["title"], "recommendation": f"{review['id']}/{recommendation['id']}",
                "recommendationText": recommendation["text"], "description": action["description"],
                "owner": action["owner"], "ownerName": agencies.get(action["owner"], action["owner"]),
                "lead": action.get("lead"), "status": status, "agreed": agreed, "originalDue": str(original),
                "due": str(due), "slips": slips, "slipDays": slip_days,
                "daysOverdue": (as_of - due).days if is_overdue else 0, "brag": brag,
                "completedOn": str(completed_on) if completed_on else None,
                "lastUpdate": last["date"] if last else None, "lastUpdateNote": last.get("note") if last else None,
                "daysSinceLastHeard": (as_of - heard).days if heard else None,
            }
            line = {key: value for key, value in line.items() if value is not None}
            if is_overdue:
                overdue.append(line)
            if is_soon:
                due_soon.append(line)
            if is_stale:
                stale.append(line)

overdue.sort(key=lambda line: (-line["daysOverdue"], line["reference"]))
due_soon.sort(key=lambda line: (line["due"], line["reference"]))
stale.sort(key=lambda line: (-line.get("daysSinceLastHeard", 0), line["reference"]))
report = {
    "partnership": store["partnership"]["name"], "asOf": as_of_text, "settings": settings,
    "overdue": overdue, "dueSoon": due_soon, "stale": stale,
}
json.dump(report, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
sys.stdout.write("\n")
print(f"{time.perf_counter() - start:.3f}", file=sys.stderr)
