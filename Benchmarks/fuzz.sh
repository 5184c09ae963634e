#!/usr/bin/env bash
# Fuzzes the one store reader (and the JSON syntax layer under it) and the CSV reader with libFuzzer (the Swift toolchain's -sanitize=fuzzer).
#   Benchmarks/fuzz.sh [SECONDS]      (default 600)
# Seeds the corpus from the bad-input files and the demo store; any crash is written to
# Benchmarks/fuzz/crashes/ and should become a case in Tests/LearningTrackerTests/BadInput/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
build=.build-fuzz
mkdir -p "$build" Benchmarks/fuzz/crashes "$build/corpus"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
swiftc "${flags[@]}" -emit-library -static -module-name LearningJSON -emit-module -emit-module-path "$build/LearningJSON.swiftmodule" \
  Sources/LearningJSON/*.swift -o "$build/libLearningJSON.a"
swiftc "${flags[@]}" -emit-library -static -module-name LearningModel -emit-module -emit-module-path "$build/LearningModel.swiftmodule" \
  Sources/LearningModel/*.swift -o "$build/libLearningModel.a"
swiftc "${flags[@]}" -emit-library -static -module-name LearningStore -emit-module -emit-module-path "$build/LearningStore.swiftmodule" \
  -I "$build" Sources/LearningStore/*.swift -o "$build/libLearningStore.a"
swiftc "${flags[@]}" -I "$build" -L "$build" -lLearningStore -lLearningModel -lLearningJSON Benchmarks/fuzz/FuzzTarget.swift -o "$build/fuzz-readers"
# Seeds: store files with an even first byte, CSV files with an odd one.
for file in Tests/LearningTrackerTests/BadInput/*.json Seeds/tracker.json Tests/LearningReportsTests/Fixtures/store.json; do
  [ "$(wc -c < "$file")" -lt 300000 ] || continue
  { printf '\x00'; cat "$file"; } > "$build/corpus/store-$(basename "$file")"
done
for file in Tests/LearningTrackerTests/BadInput/*.csv Reports/overdue.csv; do
  { printf '\x01'; cat "$file"; } > "$build/corpus/csv-$(basename "$file")"
done
echo "fuzzing for ${seconds}s with corpus $build/corpus"
"$build/fuzz-readers" "$build/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=Benchmarks/fuzz/crashes/ -print_final_stats=1
