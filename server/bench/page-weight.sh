#!/usr/bin/env bash
# Issue 14: no page over 150 KB without images. Starts the server jar on the embedded default (H2, demo
# data), fetches each public page as a browser would (Accept: text/html, Japanese) and adds up the HTML and
# the style sheets and scripts it links (uncompressed bytes; images are not counted). 127.0.0.1 only.
# Usage: server/bench/page-weight.sh [limit-kb=150]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
limit=$(( ${1:-150} * 1024 ))
bench_start "$(bench_port 18096)" IOTSEAL_DEMO_DATA=true
id=$(curl -s "$url/api/v1/labels?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["labelId"])')
product=$(curl -s "$url/api/v1/labels?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["productId"])')
over=0
for path in / /registry "/registry?status=valid" "/products/$product" /check "/l/$id" /l/NOSUCHLABEL1 /login; do
  status=$(curl -s -w '%{http_code}' -H 'Accept: text/html' -H 'Accept-Language: ja' -o "$data/page.html" "$url$path")
  html=$(wc -c <"$data/page.html")
  linked=0
  for asset in $(grep -oE '(href|src)="/(assets|webjars)/[^"]+\.(css|js)"' "$data/page.html" | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
    linked=$(( linked + $(curl -s "$url$asset" | wc -c) ))
  done
  total=$(( html + linked ))
  flag=""; [ "$total" -gt "$limit" ] && { flag="  OVER"; over=1; }
  printf '%-40s %s  html %7d B  css+js %7d B  total %7.1f KB%s\n' "$path" "$status" "$html" "$linked" "$(echo "$total / 1024" | bc -l)" "$flag"
done
exit $over
