#!/usr/bin/env bash
# Build benchmark (issue: build speed). Measures, on this machine, wall time of `./hms-kg build`
# including JVM start for: the seed alone, 10 and 100 documents of mixed conventions (variants of the
# seed and of the convention and family fixtures whose first line carries a variant number, so each is
# a distinct document). Prints a table for
# bench/RESULTS.md. Loopback only; no network. Usage: bench/build-bench.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seed="$root/seeds/kenko-iryo-senryaku-2022-an.txt"

# The documents of a corpus of N > 1 cycle through the seed, the convention fixtures and the document family of
# src/test/resources (prose paragraphs, every heading and tag form, pdftotext page layout, strategy and R&D plan
# headers), each made distinct by a variant number in its first line and its metadata file.
sources=("$seed" "$root"/src/test/resources/conventions/*.txt "$root"/src/test/resources/family/*.txt)

make_corpus() { # make_corpus DIR N
  local dir="$1" n="$2"
  mkdir -p "$dir"
  if [ "$n" -eq 1 ]; then
    cp "$seed" "$root/seeds/kenko-iryo-senryaku-2022-an.meta.json" "$dir/"
    return
  fi
  for i in $(seq 1 "$n"); do
    local key src
    key=$(printf 'variant-%03d' "$i")
    src="${sources[$(( (i - 1) % ${#sources[@]} ))]}"
    sed "1s/\$/ 変種${i}/" "$src" > "$dir/$key.txt"
    printf '{"title": "variant %d", "edition": 2022, "status": "draft", "form": "variant of %s"}\n' \
      "$i" "$(basename "$src")" > "$dir/$key.meta.json"
  done
}

"$root/hms-kg" --version >/dev/null   # builds the program first if needed

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A result
for n in 1 10 100; do
  make_corpus "$work/c$n" "$n"
  times=()
  for r in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    "$root/hms-kg" build --seeds "$work/c$n" --out "$work/out$n.nq" --gold /nonexistent >/dev/null 2>"$work/err"
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  result[$n]=$(printf '%s\n' "${times[@]}" | median)
done

t1=${result[1]}; t10=${result[10]}; t100=${result[100]}
printf '| documents | wall time (median of %d, s) | per document (s) |\n|---|---|---|\n' "$runs"
for n in 1 10 100; do
  printf '| %d | %.2f | %.3f |\n' "$n" "${result[$n]}" "$(echo "${result[$n]} / $n" | bc -l)"
done
printf '\nper-document cost, 100 vs 10 documents: %.2f× (target ≤ 1.2×)\n' "$(echo "($t100/100) / ($t10/10)" | bc -l)"
printf 'marginal cost per extra document, 100 vs 10: %.2f× ((T100−T1)/99 ÷ (T10−T1)/9)\n' \
  "$(echo "(($t100-$t1)/99) / (($t10-$t1)/9)" | bc -l)"
printf 'seed alone incl. JVM start: %.2f s (target ≤ 3 s)\n' "$t1"
