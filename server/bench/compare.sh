#!/usr/bin/env bash
# Two server builds side by side (ADR 0090): each benchmark runs for BEFORE then AFTER, back to back, so
# both meet the same machine load; each run prints its load average before and after.
# Usage: server/bench/compare.sh BEFORE.jar AFTER.jar [label registry search webhooks bulk weight]
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
before="$1"; after="$2"; shift 2
which=("$@"); [ ${#which[@]} -eq 0 ] && which=(label registry search webhooks bulk weight)
for what in "${which[@]}"; do
  for build in before after; do
    jar=$before; [ $build = after ] && jar=$after
    echo "=== $what, $build ($jar), $(date -u +%FT%TZ)"
    case $what in
      label)    JAR=$jar "$here/public-pages.sh" label 0 30 ;;
      registry) JAR=$jar "$here/public-pages.sh" registry 130000 30 ;;
      search)   JAR=$jar EXPLAIN=1 "$here/search.sh" 130000 4 30 ;;
      webhooks) JAR=$jar "$here/webhooks.sh" 50000 256 ;;
      bulk)     JAR=$jar "$here/bulk-check.sh" 100000 50 ;;
      weight)   JAR=$jar "$here/page-weight.sh" ;;
    esac 2>&1 | grep -vE '^(NOTICE|Running|  [0-9]+ threads|  Thread Stats|    (Latency|Req/Sec)|Transfer/sec|listening)'
  done
done
