#!/usr/bin/env bash
# The vendor's path end to end on a running registry: the operator's admin creates a vendor
# organization and its admin; the vendor adds a product and its version, self-declares JC-STAR ★1 and
# submits; the operator accepts, which issues the signed label. Prints the label's public page.
#
#   ./iotseal serve                                           # in another terminal; note the password
#   examples/vendor-path.sh http://127.0.0.1:8080 '<admin password>'
#
# Needs curl and jq. Writes only under build/vendor-path/ (cookies). Every verdict here is "pass" with a
# placeholder justification: a demonstration, not a real declaration.
set -euo pipefail
server="${1:?usage: $0 SERVER_URL ADMIN_PASSWORD}"
admin_password="${2:?usage: $0 SERVER_URL ADMIN_PASSWORD}"
work="$(dirname "$0")/../build/vendor-path"
mkdir -p "$work"
suffix=$(date +%s)

# Signs in with the login form and returns an API token (the way programs talk to the API).
token_for() {
  local user="$1" password="$2" jar="$work/$1.cookies"
  rm -f "$jar"
  curl -sf -c "$jar" -b "$jar" "$server/login" >/dev/null
  local xsrf; xsrf=$(awk '/XSRF-TOKEN/{print $7}' "$jar")
  curl -sf -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $xsrf" -d "username=$user" --data-urlencode "password=$password" \
       "$server/login" -o /dev/null
  xsrf=$(awk '/XSRF-TOKEN/{print $7}' "$jar")
  curl -sf -b "$jar" -H "X-XSRF-TOKEN: $xsrf" -H 'Content-Type: application/json' \
       -d '{"name":"vendor-path","expiresInDays":1}' "$server/api/v1/tokens" | jq -r .token
}

# api TOKEN METHOD PATH [JSON] [ETAG]: prints the response body, then its ETag on the last line.
api() {
  local token="$1" method="$2" path="$3" body="${4:-}" etag="${5:-}" headers="$work/headers"
  local args=(-sS --fail-with-body -X "$method" -H "Authorization: Bearer $token" -D "$headers")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
  [ -n "$etag" ] && args+=(-H "If-Match: $etag")
  if ! curl "${args[@]}" "$server$path" >"$work/response"; then
    echo "$method $path failed:" >&2; cat "$work/response" >&2; echo >&2
    exit 1
  fi
  cat "$work/response"; echo
  sed -n 's/^[Ee][Tt]ag: *//p' "$headers" | tr -d '\r'
}

admin=$(token_for admin "$admin_password")
echo "1. organization: the operator's admin creates the vendor and its first user"
org=$(api "$admin" POST /api/v1/organizations \
  "{\"kind\":\"VENDOR\",\"name\":\"Example Devices $suffix\",\"country\":\"GB\"}" | sed -n 1p | jq -r .id)
vendor_password="vendor-path-$suffix-pw"
api "$admin" POST /api/v1/users "{\"username\":\"vendor$suffix\",\"displayName\":\"Vendor admin\",
  \"password\":\"$vendor_password\",\"memberships\":[{\"organizationId\":\"$org\",\"role\":\"VENDOR_ADMIN\"}]}" >/dev/null
vendor=$(token_for "vendor$suffix" "$vendor_password")

echo "2. product and version: the vendor registers its camera and firmware 1.0.0"
product=$(api "$vendor" POST /api/v1/products "{\"vendorId\":\"$org\",\"nameEn\":\"Example Camera $suffix\",
  \"modelNumbers\":[\"EC-1\"],\"category\":\"CAMERA\",\"ipCapable\":true,\"published\":true,\"supportEndDate\":\"2031-12-31\",
  \"vulnerabilityDisclosureUrl\":\"https://example.com/security\"}" | sed -n 1p | jq -r .id)
api "$vendor" POST "/api/v1/products/$product/versions" '{"version":"1.0.0"}' >/dev/null

echo "3. assessment: a JC-STAR ★1 self-declaration, every requirement answered, then submitted"
out=$(api "$vendor" POST /api/v1/assessments \
  "{\"productId\":\"$product\",\"productVersion\":\"1.0.0\",\"target\":\"jc-star:star-1\"}")
assessment=$(echo "$out" | sed -n 1p | jq -r .id); etag=$(echo "$out" | sed -n '$p')
answers=$(echo "$out" | sed -n 1p | jq -c '{answers: [.requirements[] | select(.applicable != false)
  | {requirement: .requirement, verdict: "pass", justification: "Example only: not a real declaration"}]}')
etag=$(api "$vendor" PUT "/api/v1/assessments/$assessment/answers" "$answers" "$etag" | sed -n '$p')
etag=$(api "$vendor" POST "/api/v1/assessments/$assessment/transitions" '{"action":"submit"}' "$etag" | sed -n '$p')

echo "4. label: the operator accepts, which issues the signed label"
api "$admin" POST "/api/v1/assessments/$assessment/transitions" '{"action":"accept"}' "$etag" >/dev/null
label=$(api "$vendor" GET "/api/v1/assessments/$assessment/label" | sed -n 1p | jq -r .labelId)
echo "   label $label: $server/l/$label"
