#!/usr/bin/env bash
# Proves deploy/keycloak/perfcenter-realm.json with a real Keycloak and the real PerfCenter suite.
#
#   deploy/keycloak/check.sh                  all checks (Keycloak, then the suite started by the launcher)
#   deploy/keycloak/check.sh --keycloak-only  only the Keycloak checks
#
# Downloads Keycloak (org.keycloak:keycloak-quarkus-dist, KC_VERSION, default 26.4.7) into .perfcenter/keycloak/
# once, imports the realm with freshly generated random secrets and demo password, checks the tokens, starts the
# suite against it (java -jar deploy/launcher/target/perfcenter-launcher.jar --oidc-url ...) and checks the
# gateway. Prints PASS/FAIL per check; exit code 0 only when every check passed. Everything it starts is stopped
# on exit (also on Ctrl-C). Needs Java 17+, curl, unzip and python3. Work files and logs: .perfcenter/keycloak-check/
set -uo pipefail

KC_VERSION=${KC_VERSION:-26.4.7}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REALM=perfcenter
REALM_FILE=${PERFCENTER_REALM_FILE:-$ROOT/deploy/keycloak/$REALM-realm.json} # another file: to check a variant
KC_ZIP_DIR=$ROOT/.perfcenter/keycloak
KC_ZIP=$KC_ZIP_DIR/keycloak-quarkus-dist-$KC_VERSION.zip
WORK=${CHECK_DIR:-$ROOT/.perfcenter/keycloak-check}
KC_HOME=$WORK/keycloak-$KC_VERSION # the check's own Keycloak copy; its data/ is wiped before and after each run
SUITE=$WORK/suite                  # snapshot of the built jars the suite runs from
LOGS=$WORK/logs
BODY=$WORK/response.json
KC_START_TIMEOUT=${KC_START_TIMEOUT:-420}
SUITE_START_TIMEOUT=${SUITE_START_TIMEOUT:-600}
HR_PORTAL_REDIRECT=${HR_PORTAL_URL:-http://localhost:3000}/callback
SERVICES=(metrics-service scoring-service incentive-service gateway)

WITH_SUITE=1
for arg in "$@"; do
    case $arg in
        --keycloak-only) WITH_SUITE=0 ;;
        -h | --help) sed -n '2,11p' "$0" | cut -c3-; exit 0 ;;
        *) echo "Unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

# ---------------------------------------------------------------- results
PASSED=0
FAILED=0
RESULTS=()
pass() { PASSED=$((PASSED + 1)); RESULTS+=("PASS  $1"); echo "PASS  $1"; }
fail() {
    FAILED=$((FAILED + 1)); RESULTS+=("FAIL  $1"); echo "FAIL  $1"
    if [ -n "${2-}" ]; then echo "      $2" | cut -c1-600; fi
}
# expect NAME ACTUAL WANTED [DETAIL]: PASS when equal
expect() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got ${2:-nothing}, wanted $3${4:+; $4}"; fi; }
die() { echo "ABORT $*" >&2; exit 1; }

# ---------------------------------------------------------------- helpers
# json_get PATH < JSON: the value at a dotted path (strings raw, others as compact JSON); nothing when absent
json_get() {
    python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except Exception:
    sys.exit(0)
for k in sys.argv[1].split("."):
    d = d[int(k)] if isinstance(d, list) and k.isdigit() and int(k) < len(d) else (d.get(k) if isinstance(d, dict) else None)
if d is not None:
    print(d if isinstance(d, str) else json.dumps(d, separators=(",", ":")))' "$1"
}
# claims JWT: the token's payload as JSON ({} when it is not a JWT)
claims() {
    python3 -c '
import base64, json, sys
try:
    p = sys.argv[1].split(".")[1]
    print(json.dumps(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))))
except Exception:
    print("{}")' "$1"
}
# roles JWT: the PerfCenter roles in realm_access.roles, sorted, comma-separated
roles() {
    claims "$1" | python3 -c '
import json, sys
known = {"agent", "supervisor", "manager", "qa", "appeals", "hr", "admin", "records-writer", "org-sync", "payroll-export",
         "service", "corrections-writer", "events-relay"}
print(",".join(sorted(known & set(json.load(sys.stdin).get("realm_access", {}).get("roles", [])))))'
}
# shown RESPONSE: a token response for a failure message, with the tokens replaced by their claims
shown() {
    python3 -c '
import base64, json, sys
def claims(t):
    try:
        p = t.split(".")[1]; return json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
    except Exception:
        return "(not a JWT)"
try:
    d = json.loads(sys.argv[1])
except Exception:
    print(sys.argv[1][:300]); sys.exit(0)
for k in ("access_token", "refresh_token", "id_token"):
    if k in d:
        d[k] = claims(d[k]) if k == "access_token" else "…"
print(json.dumps(d))' "$1"
}
random_secret() { python3 -c 'import secrets; print(secrets.token_urlsafe(32))'; }
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
# alive PID: running (a zombie child counts as ended)
alive() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null) || return 1; [[ $s != Z* ]]; }
# free_block N: the first of N consecutive free local ports
free_block() {
    python3 - "$1" <<'EOF'
import random, socket, sys
n = int(sys.argv[1])
def free(port):
    s = socket.socket()
    try:
        s.bind(("0.0.0.0", port)); return True
    except OSError:
        return False
    finally:
        s.close()
for _ in range(500):
    base = random.randint(20000, 45000)
    if all(free(base + i) for i in range(n)):
        print(base); break
EOF
}
# token FORM: POSTs the form to the token endpoint, the form via stdin so secrets never show in `ps`
token() {
    printf '%s' "$1" | curl -s --max-time 60 -H 'Content-Type: application/x-www-form-urlencoded' \
        --data-binary @- "$TOKEN_URL"
}
# call METHOD URL [TOKEN] [JSON]: prints the HTTP status; the body is in $BODY. The token goes via stdin too.
call() {
    local method=$1 url=$2 bearer=${3-} data=${4-}
    local args=(-s -o "$BODY" -w '%{http_code}' --max-time 60 -X "$method" -H 'Accept: application/json')
    if [ -n "$data" ]; then args+=(-H 'Content-Type: application/json' --data-binary "$data"); fi
    : >"$BODY"
    if [ -n "$bearer" ]; then
        printf 'Authorization: Bearer %s\n' "$bearer" | curl "${args[@]}" -H @- "$url"
    else
        curl "${args[@]}" "$url"
    fi
}
body() { head -c 400 "$BODY"; }
error_of() { local r; r=$(cat); echo "$(echo "$r" | json_get error): $(echo "$r" | json_get error_description)"; }

# ---------------------------------------------------------------- cleanup: stop what this script started
KC_PID=
LAUNCHER_PID=
stop_group() { # stop_group PID NAME SECONDS: SIGTERM the process, wait, then SIGKILL its process group
    local pid=$1 name=$2 seconds=$3 i
    [ -n "$pid" ] || return 0
    if alive "$pid"; then
        echo "Stopping $name (pid $pid)…"
        kill -TERM "$pid" 2>/dev/null
        for ((i = 0; i < seconds; i++)); do alive "$pid" || break; sleep 1; done
    fi
    # anything left in its process group (setsid made pid the group id) is ours too
    if pgrep -g "$pid" >/dev/null 2>&1; then
        sleep 2
        pgrep -g "$pid" >/dev/null 2>&1 && kill -KILL -- "-$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
}
cleanup() {
    local status=$?
    set +e
    trap - EXIT INT TERM
    stop_group "$LAUNCHER_PID" "the PerfCenter suite" 90
    stop_group "$KC_PID" "Keycloak" 40
    rm -rf "$KC_HOME/data" "$WORK/cookies" "$WORK/console-cookies" "$WORK/auth-page.html" "$BODY" # Keycloak's H2 database holds the generated client secrets
    echo
    echo "================ Keycloak $KC_VERSION + perfcenter-realm.json: $PASSED passed, $FAILED failed"
    printf '%s\n' "${RESULTS[@]}"
    echo "Logs: $LOGS"
    if [ "$FAILED" -gt 0 ] || [ "$status" -ne 0 ]; then exit 1; fi
    exit 0
}
trap cleanup EXIT
trap 'echo "Interrupted."; exit 130' INT TERM

# ---------------------------------------------------------------- preparation
for tool in java curl unzip python3; do command -v "$tool" >/dev/null || die "$tool is needed"; done
mkdir -p "$WORK" "$LOGS" "$KC_ZIP_DIR"
echo "PerfCenter identity check: Keycloak $KC_VERSION, realm file $REALM_FILE"

if [ ! -f "$KC_ZIP" ]; then
    echo "Downloading Keycloak $KC_VERSION (about 160 MB) from Maven Central…"
    (cd "$ROOT" && ./mvnw -q -B dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
        "-DoutputDirectory=$KC_ZIP_DIR") || die "could not download Keycloak $KC_VERSION"
fi
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    echo "Unpacking Keycloak into $KC_HOME…"
    rm -rf "$WORK/unpack" && mkdir -p "$WORK/unpack" && unzip -q "$KC_ZIP" -d "$WORK/unpack" \
        && mv "$WORK/unpack/keycloak-$KC_VERSION" "$KC_HOME" && rmdir "$WORK/unpack" || die "could not unpack $KC_ZIP"
fi

if [ "$WITH_SUITE" = 1 ]; then
    missing=0
    [ -f "$ROOT/deploy/launcher/target/perfcenter-launcher.jar" ] || missing=1
    for s in "${SERVICES[@]}"; do [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || missing=1; done
    if [ "$missing" = 1 ]; then
        echo "Building the suite (./mvnw -q -B -DskipTests package)…"
        (cd "$ROOT" && ./mvnw -q -B -DskipTests package) || die "build failed"
    fi
    # Run from a copy, so a rebuild in the working tree cannot swap jars under the running suite.
    echo "Copying the built launcher and services to $SUITE…"
    rm -rf "$SUITE" && mkdir -p "$SUITE/deploy/launcher/target" || die "cannot write $SUITE"
    cp -r "$ROOT/deploy/launcher/target/perfcenter-launcher.jar" "$ROOT/deploy/launcher/target/lib" \
        "$SUITE/deploy/launcher/target/" || die "cannot copy the launcher"
    for s in "${SERVICES[@]}"; do
        mkdir -p "$SUITE/$s/target" && cp -r "$ROOT/$s/target/quarkus-app" "$SUITE/$s/target/" || die "cannot copy $s"
    done
    touch "$SUITE/mvnw" # the launcher takes the nearest directory holding mvnw as the repository root
fi

# Random values for every required ${VAR} of the realm file (client secrets, demo password): never written to disk
# (the ones the checks use are generated even if a variant of the file lacks them)
REQUIRED_VARS=$( (grep -o '\${[A-Za-z_][A-Za-z0-9_]*}' "$REALM_FILE" | tr -d '${}'; printf '%s\n' CRM_INTEGRATION_SECRET \
    HR_SYNC_SECRET PAYROLL_EXPORT_SECRET SCORING_SERVICE_SECRET INCENTIVE_SERVICE_SECRET PERFCENTER_CLI_SECRET \
    DEMO_USER_PASSWORD) | sort -u)
for name in $REQUIRED_VARS; do printf -v "$name" '%s' "$(random_secret)"; done
KC_ADMIN_PASSWORD=$(random_secret)

BASE=$(free_block 7) # Keycloak http, Keycloak management, database, gateway + three services
[ -n "$BASE" ] || die "no free ports"
KC_PORT=$BASE
KC_MGMT_PORT=$((BASE + 1))
DB_PORT=$((BASE + 2))
GW_PORT=$((BASE + 3))
KC_URL=http://localhost:$KC_PORT
ISSUER=$KC_URL/realms/$REALM
TOKEN_URL=$ISSUER/protocol/openid-connect/token
AUTH_URL=$ISSUER/protocol/openid-connect/auth
GW=http://localhost:$GW_PORT

# ---------------------------------------------------------------- the preflight guard
echo
echo "== Preflight"
(unset CRM_INTEGRATION_SECRET; export $REQUIRED_VARS; "$ROOT/deploy/keycloak/preflight.sh" "$REALM_FILE") \
    >"$LOGS/preflight-negative.log" 2>&1
expect "preflight.sh refuses an import with CRM_INTEGRATION_SECRET unset" "$?" 1 "$(cat "$LOGS/preflight-negative.log")"
(export $REQUIRED_VARS; "$ROOT/deploy/keycloak/preflight.sh" "$REALM_FILE") >"$LOGS/preflight.log" 2>&1
expect "preflight.sh accepts the generated values" "$?" 0 "$(cat "$LOGS/preflight.log")"

# ---------------------------------------------------------------- Keycloak
echo
echo "== Keycloak $KC_VERSION on $KC_URL (log: $LOGS/keycloak.log)"
rm -rf "$KC_HOME/data" && mkdir -p "$KC_HOME/data/import" || die "cannot write $KC_HOME"
cp "$REALM_FILE" "$KC_HOME/data/import/$REALM-realm.json" # Keycloak wants the file named <realm>-realm.json
(
    export $REQUIRED_VARS
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD
    export PERFCENTER_CONSOLE_URL=$GW # perfcenter-console redirects only to this gateway
    exec setsid "$KC_HOME/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$KC_PORT" \
        --http-management-port "$KC_MGMT_PORT" --import-realm
) >"$LOGS/keycloak.log" 2>&1 </dev/null &
KC_PID=$!
started=$SECONDS
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$ISSUER/.well-known/openid-configuration")" = 200 ]; do
    alive "$KC_PID" || { tail -20 "$LOGS/keycloak.log"; die "Keycloak exited; see $LOGS/keycloak.log"; }
    [ $((SECONDS - started)) -lt "$KC_START_TIMEOUT" ] || die "Keycloak not ready after ${KC_START_TIMEOUT}s"
    sleep 2
done
echo "Keycloak ready after $((SECONDS - started)) s"

imported=$(grep -c "Realm '$REALM' imported" "$LOGS/keycloak.log")
warnings=$(grep -E ' (WARN|ERROR) ' "$LOGS/keycloak.log" | sed 's/^.*\(WARN\|ERROR\)/\1/' | sort -u | head -5 | tr '\n' ' ')
expect "Keycloak imported the realm, no WARN/ERROR in its log" "$imported:${warnings:-none}" "1:none"
issuer=$(curl -s "$ISSUER/.well-known/openid-configuration" | json_get issuer)
expect "discovery document names issuer $ISSUER" "$issuer" "$ISSUER"

echo
echo "-- (a) client credentials: each machine client carries the roles of its one purpose"
for pair in crm-integration:records-writer hr-sync:org-sync payroll-export:payroll-export \
    scoring-service:corrections-writer,events-relay,service incentive-service:events-relay,service; do
    IFS=: read -r client wanted <<<"$pair"
    var=$(echo "$client" | tr 'a-z-' 'A-Z_')_SECRET
    response=$(token "grant_type=client_credentials&client_id=$client&client_secret=${!var}")
    at=$(echo "$response" | json_get access_token)
    c=$(claims "$at")
    expect "(a) $client: client-credentials token, realm roles = $wanted, issuer = realm" \
        "$(roles "$at")|$(echo "$c" | json_get iss)" "$wanted|$ISSUER" "$(shown "$response")"
    [ "$client" = crm-integration ] && RECORDS_TOKEN=$at
    [ "$client" = hr-sync ] && ORG_SYNC_TOKEN=$at
    [ "$client" = payroll-export ] && PAYROLL_TOKEN=$at
done
BAD_CLIENT="unauthorized_client: Invalid client or Invalid client credentials" # Keycloak's answer (HTTP 401)
error=$(token "grant_type=client_credentials&client_id=crm-integration&client_secret=$(urlencode '${CRM_INTEGRATION_SECRET}')" | error_of)
expect "(a) crm-integration refuses the literal placeholder as secret (the env value was imported)" "$error" "$BAD_CLIENT"
error=$(token "grant_type=client_credentials&client_id=crm-integration&client_secret=wrong" | error_of)
expect "(a) crm-integration refuses a wrong secret" "$error" "$BAD_CLIENT"

echo
echo "-- (b) password grant (client perfcenter-cli): every demo user carries employee_id and their realm role"
declare -A TOKENS
for user in agent.e3001:E3001:agent supervisor.e2001:E2001:supervisor manager.e1001:E1001:manager qa.e4001:E4001:qa \
    hr.e9001:E9001:hr admin.e9002:E9002:admin; do
    IFS=: read -r username employee role <<<"$user"
    response=$(token "grant_type=password&client_id=perfcenter-cli&client_secret=$PERFCENTER_CLI_SECRET&username=$username&password=$DEMO_USER_PASSWORD")
    at=$(echo "$response" | json_get access_token)
    expect "(b) $username: password-grant token with employee_id=$employee, realm roles = $role" \
        "$(claims "$at" | json_get employee_id)|$(roles "$at")" "$employee|$role" "$(shown "$response")"
    TOKENS[$role]=$at
done
error=$(token "grant_type=password&client_id=perfcenter-cli&client_secret=wrong&username=hr.e9001&password=$DEMO_USER_PASSWORD" | error_of)
expect "(b) perfcenter-cli refuses a wrong client secret" "$error" "$BAD_CLIENT"
error=$(token "grant_type=password&client_id=perfcenter-cli&client_secret=$PERFCENTER_CLI_SECRET&username=hr.e9001&password=wrong" | error_of)
expect "(b) a wrong user password is refused" "$error" "invalid_grant: Invalid user credentials"
error=$(token "grant_type=password&client_id=hr-portal&username=hr.e9001&password=$DEMO_USER_PASSWORD" | error_of)
expect "(b) hr-portal refuses the password grant" "$error" "unauthorized_client: Client not allowed for direct access grants"

echo
echo "-- hr-portal: authorization code + PKCE (S256), as the HR portal logs in"
# pkce_login USER PASSWORD [CHALLENGE_METHOD] [VERIFIER]: browser login on hr-portal (or PKCE_CLIENT, redirecting to
# PKCE_REDIRECT); prints the token response
pkce_login() {
    local verifier challenge query page action location code jar=$WORK/cookies
    verifier=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
    challenge=$(printf '%s' "$verifier" | python3 -c 'import base64, hashlib, sys
print(base64.urlsafe_b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).rstrip(b"=").decode())')
    local client=${PKCE_CLIENT:-hr-portal} redirect=${PKCE_REDIRECT:-$HR_PORTAL_REDIRECT}
    query="client_id=$client&response_type=code&scope=openid&state=check&redirect_uri=$(urlencode "$redirect")"
    [ "${3-S256}" = none ] || query="$query&code_challenge=$challenge&code_challenge_method=${3-S256}"
    rm -f "$jar"
    page=$(curl -s -c "$jar" -b "$jar" --max-time 60 "$AUTH_URL?$query")
    action=$(printf '%s' "$page" | python3 -c 'import html, re, sys
m = re.search(r"<form[^>]*kc-form-login[^>]*>", sys.stdin.read())
a = re.search(r"action=\"([^\"]+)\"", m.group(0)) if m else None
print(html.unescape(a.group(1)) if a else "")')
    if [ -z "$action" ]; then # refused: Keycloak redirects back with error=... (or shows an error page)
        location=$(curl -s -o "$WORK/auth-page.html" -w '%{http_code} %{redirect_url}' --max-time 60 "$AUTH_URL?$query")
        python3 -c 'import json, sys, urllib.parse as u
status, _, url = sys.argv[1].partition(" ")
q = u.parse_qs(u.urlparse(url).query)
page = open(sys.argv[2], errors="replace").read()
err = q.get("error", [""])[0] or "HTTP " + status
desc = q.get("error_description", [""])[0] or (page[page.find("Invalid parameter"):].split("<")[0] if "Invalid parameter" in page else "")
print(json.dumps({"error": err, "error_description": desc}))' "$location" "$WORK/auth-page.html"
        return
    fi
    location=$(printf 'username=%s&password=%s&credentialId=' "$1" "$2" | curl -s -c "$jar" -b "$jar" --max-time 60 \
        -o /dev/null -w '%{redirect_url}' -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @- "$action")
    code=$(python3 -c 'import sys, urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query).get("code", [""])[0])' "$location")
    [ -n "$code" ] || { echo "{\"error\":\"no code\",\"location\":\"$location\"}"; return; }
    token "grant_type=authorization_code&client_id=$client&code=$code&redirect_uri=$(urlencode "$redirect")&code_verifier=${4:-$verifier}"
}
response=$(pkce_login hr.e9001 "$DEMO_USER_PASSWORD")
HR_PORTAL_TOKEN=$(echo "$response" | json_get access_token)
expect "hr-portal: code + PKCE login of hr.e9001 gives employee_id=E9001, realm roles = hr, azp = hr-portal" \
    "$(claims "$HR_PORTAL_TOKEN" | json_get employee_id)|$(roles "$HR_PORTAL_TOKEN")|$(claims "$HR_PORTAL_TOKEN" | json_get azp)" \
    "E9001|hr|hr-portal" "$(shown "$response")"
error=$(pkce_login hr.e9001 "$DEMO_USER_PASSWORD" S256 "$(random_secret)$(random_secret)" | error_of)
expect "hr-portal: a wrong code_verifier is refused" "$error" "invalid_grant: PKCE verification failed: Code mismatch"
error=$(pkce_login hr.e9001 "$DEMO_USER_PASSWORD" none | error_of)
expect "hr-portal: a login without code_challenge is refused" "$error" \
    "invalid_request: Missing parameter: code_challenge_method"
error=$(pkce_login hr.e9001 "$DEMO_USER_PASSWORD" plain | error_of)
expect "hr-portal: code_challenge_method=plain is refused" "$error" \
    "invalid_request: Invalid parameter: code challenge method is not matching the configured one"
error=$(HR_PORTAL_REDIRECT=https://attacker.example/callback pkce_login hr.e9001 "$DEMO_USER_PASSWORD" | error_of)
expect "hr-portal: a redirect_uri outside HR_PORTAL_URL is refused" "$error" "HTTP 400: Invalid parameter: redirect_uri"

echo
echo "-- perfcenter-console: the console's public client, authorization code + PKCE (S256) back to the gateway"
CONSOLE_REDIRECT=$GW/console/sign-in/provider
response=$(PKCE_CLIENT=perfcenter-console PKCE_REDIRECT=$CONSOLE_REDIRECT pkce_login agent.e3001 "$DEMO_USER_PASSWORD")
at=$(echo "$response" | json_get access_token)
expect "perfcenter-console: code + PKCE login of agent.e3001 gives employee_id=E3001, role agent, aud perfcenter, azp perfcenter-console" \
    "$(claims "$at" | json_get employee_id)|$(roles "$at")|$(claims "$at" | json_get aud)|$(claims "$at" | json_get azp)" \
    "E3001|agent|perfcenter|perfcenter-console" "$(shown "$response")"
error=$(PKCE_CLIENT=perfcenter-console PKCE_REDIRECT=$CONSOLE_REDIRECT pkce_login agent.e3001 "$DEMO_USER_PASSWORD" plain | error_of)
expect "perfcenter-console: code_challenge_method=plain is refused" "$error" \
    "invalid_request: Invalid parameter: code challenge method is not matching the configured one"
error=$(PKCE_CLIENT=perfcenter-console PKCE_REDIRECT=https://attacker.example/console/sign-in/provider pkce_login agent.e3001 "$DEMO_USER_PASSWORD" | error_of)
expect "perfcenter-console: a redirect_uri outside PERFCENTER_CONSOLE_URL is refused" "$error" "HTTP 400: Invalid parameter: redirect_uri"

echo
echo "-- employee_id is a managed user-profile attribute (admin sets it, the user cannot)"
# the bootstrap admin logs in to the master realm
ADMIN_TOKEN=$(printf 'grant_type=password&client_id=admin-cli&username=admin&password=%s' "$KC_ADMIN_PASSWORD" \
    | curl -s --max-time 60 --data-binary @- "$KC_URL/realms/master/protocol/openid-connect/token" | json_get access_token)
ADMIN_API=$KC_URL/admin/realms/$REALM
status=$(call POST "$ADMIN_API/users" "$ADMIN_TOKEN" \
    '{"username":"agent.e3999","enabled":true,"firstName":"Check","lastName":"Agent","email":"agent.e3999@perfcenter.local","emailVerified":true,"attributes":{"employee_id":["E3999"]}}')
call GET "$ADMIN_API/users?username=agent.e3999&exact=true" "$ADMIN_TOKEN" >/dev/null
NEW_USER_ID=$(json_get 0.id <"$BODY")
expect "admin creates a user with employee_id=E3999 (admin REST API): stored" \
    "$status|$(json_get 0.attributes.employee_id.0 <"$BODY")" "201|E3999"
status=$(call PUT "$ADMIN_API/users/$NEW_USER_ID" "$ADMIN_TOKEN" \
    '{"username":"agent.e3999","firstName":"Check","lastName":"Agent","email":"agent.e3999@perfcenter.local","attributes":{"employee_id":["E 39/99"]}}')
expect "admin cannot set an employee_id PerfCenter would reject ('E 39/99')" "$status" 400 "$(body)"
status=$(call PUT "$ADMIN_API/users/$NEW_USER_ID/reset-password" "$ADMIN_TOKEN" \
    "{\"type\":\"password\",\"value\":\"$DEMO_USER_PASSWORD\",\"temporary\":false}")
response=$(token "grant_type=password&client_id=perfcenter-cli&client_secret=$PERFCENTER_CLI_SECRET&username=agent.e3999&password=$DEMO_USER_PASSWORD")
at=$(echo "$response" | json_get access_token)
expect "a user created by the admin gets employee_id=E3999 in the token" "$(claims "$at" | json_get employee_id)" E3999 "$(shown "$response")"
# the user edits their own profile through the account REST API, as the account console does
ACCOUNT_API=$KC_URL/realms/$REALM/account/
own_profile() { # own_profile FIELD VALUE: the user's profile as the account API returns it, one field changed
    python3 -c 'import json, sys
d = json.load(open(sys.argv[1])); d.pop("userProfileMetadata", None)
if sys.argv[2] == "employee_id":
    d.setdefault("attributes", {})["employee_id"] = [sys.argv[3]]
else:
    d[sys.argv[2]] = sys.argv[3]
print(json.dumps(d))' "$BODY" "$1" "$2" 2>/dev/null
}
call GET "$ACCOUNT_API" "$at" >/dev/null
status=$(call POST "$ACCOUNT_API" "$at" "$(own_profile firstName Renamed)")
call GET "$ADMIN_API/users/$NEW_USER_ID" "$ADMIN_TOKEN" >/dev/null
expect "the user can edit their own profile (account API, firstName): 204" "$status|$(json_get firstName <"$BODY")" \
    "204|Renamed"
call GET "$ACCOUNT_API" "$at" >/dev/null
status=$(call POST "$ACCOUNT_API" "$at" "$(own_profile employee_id E1001)")
answer=$(json_get errorMessage <"$BODY")
call GET "$ADMIN_API/users/$NEW_USER_ID" "$ADMIN_TOKEN" >/dev/null
expect "the user cannot change their own employee_id (account API): 400 read-only, still E3999" \
    "$status|$answer|$(json_get attributes.employee_id.0 <"$BODY")" "400|error-user-attribute-read-only|E3999"

if [ "$WITH_SUITE" = 0 ]; then exit 0; fi

# ---------------------------------------------------------------- the suite against this Keycloak
echo
echo "== PerfCenter suite via the launcher: --oidc-url $ISSUER, gateway $GW (logs: $LOGS/launcher.log, $SUITE/data/logs)"
(
    unset PERFCENTER_DB_URL PERFCENTER_DB_USER PERFCENTER_DB_PASSWORD # always the embedded database, fresh each run
    # scoring- and incentive-service call the others as themselves: client credentials of their Keycloak clients
    export SCORING_SERVICE_SECRET INCENTIVE_SERVICE_SECRET
    cd "$SUITE" && exec setsid java -jar deploy/launcher/target/perfcenter-launcher.jar --oidc-url "$ISSUER" \
        --data-dir data --db-port "$DB_PORT" --port "$GW_PORT"
) >"$LOGS/launcher.log" 2>&1 </dev/null &
LAUNCHER_PID=$!
started=$SECONDS
until grep -q "PerfCenter is running" "$LOGS/launcher.log"; do
    alive "$LAUNCHER_PID" || { tail -30 "$LOGS/launcher.log"; die "the launcher exited; see $LOGS/launcher.log and $SUITE/data/logs"; }
    [ $((SECONDS - started)) -lt "$SUITE_START_TIMEOUT" ] || die "suite not ready after ${SUITE_START_TIMEOUT}s"
    sleep 3
done
echo "Suite ready after $((SECONDS - started)) s"

echo
echo "-- (c) the gateway and the services verify Keycloak's tokens"
expect "(c) GET /api/v1/metrics/catalog without a token: 401" "$(call GET "$GW/api/v1/metrics/catalog")" 401
expect "(c) GET /api/v1/metrics/catalog with hr.e9001's token (perfcenter-cli): 200" \
    "$(call GET "$GW/api/v1/metrics/catalog" "${TOKENS[hr]}")" 200 "$(body)"
expect "(c) GET /api/v1/metrics/catalog with hr.e9001's hr-portal (PKCE) token: 200" \
    "$(call GET "$GW/api/v1/metrics/catalog" "$HR_PORTAL_TOKEN")" 200 "$(body)"
tampered=$(python3 -c 'import sys; h, p, s = sys.argv[1].split("."); print(h + "." + p + "." + ("A" if s[0] != "A" else "B") + s[1:])' "${TOKENS[hr]}")
expect "(c) the same token with a broken signature: 401" "$(call GET "$GW/api/v1/metrics/catalog" "$tampered")" 401
expect "(c) POST /api/v1/metrics/org/units with agent.e3001's token: 403" \
    "$(call POST "$GW/api/v1/metrics/org/units" "${TOKENS[agent]}" '{"code":"C-KC-AGENT","name":"Not allowed","kind":"CENTER"}')" \
    403 "$(body)"
expect "(c) GET /api/v1/scoring/templates with hr.e9001's token (scoring-service): 200" \
    "$(call GET "$GW/api/v1/scoring/templates" "${TOKENS[hr]}")" 200 "$(body)"
expect "(c) GET /api/v1/incentives/plans with hr.e9001's token (incentive-service): 200" \
    "$(call GET "$GW/api/v1/incentives/plans" "${TOKENS[hr]}")" 200 "$(body)"

echo
echo "-- (c) hr-sync writes the org, crm-integration the figures, through the gateway; neither more"
statuses=$(call POST "$GW/api/v1/metrics/org/units" "$ORG_SYNC_TOKEN" '{"code":"C-KC","name":"Keycloak check center","kind":"CENTER"}')
statuses=$statuses,$(call POST "$GW/api/v1/metrics/org/units" "$ORG_SYNC_TOKEN" '{"code":"T-KC","name":"Keycloak check team","kind":"TEAM","parentCode":"C-KC","leaderEmployeeId":"E1001"}')
statuses=$statuses,$(call POST "$GW/api/v1/metrics/org/units" "$ORG_SYNC_TOKEN" '{"code":"G-KC","name":"Keycloak check group","kind":"GROUP","parentCode":"T-KC","leaderEmployeeId":"E2001"}')
statuses=$statuses,$(call POST "$GW/api/v1/metrics/org/agents" "$ORG_SYNC_TOKEN" '{"employeeId":"E3001","name":"Li Na","position":"seat","hireDate":"2024-01-01","unitCode":"G-KC","memberFrom":"2024-01-01"}')
expect "(c) hr-sync creates a center, team, group and agent E3001: 201 each" "$statuses" "201,201,201,201" "$(body)"
yesterday=$(python3 -c 'import datetime; print(datetime.date.today() - datetime.timedelta(days=1))')
status=$(call POST "$GW/api/v1/metrics/values" "$RECORDS_TOKEN" \
    "[{\"sourceSystem\":\"kc-check\",\"externalId\":\"kc-check-1\",\"employeeId\":\"E3001\",\"metricCode\":\"calls_handled\",\"date\":\"$yesterday\",\"value\":42}]")
expect "(c) crm-integration POST /api/v1/metrics/values: 200, 1 accepted" "$status|$(json_get accepted <"$BODY")" "200|1" "$(body)"
expect "(c) crm-integration may not create a unit: 403" \
    "$(call POST "$GW/api/v1/metrics/org/units" "$RECORDS_TOKEN" '{"code":"C-KC-CRM","name":"Not allowed","kind":"CENTER"}')" \
    403 "$(body)"
expect "(c) crm-integration may not set a salary: 403" \
    "$(call PUT "$GW/api/v1/incentives/salaries" "$RECORDS_TOKEN" '[{"employeeId":"E3001","monthlySalary":99999,"currency":"CNY","effectiveFrom":"2026-01-01"}]')" \
    403 "$(body)"
expect "(c) crm-integration may not read scorecards: 403" \
    "$(call GET "$GW/api/v1/scoring/scorecards" "$RECORDS_TOKEN")" 403 "$(body)"
expect "(c) payroll-export lists payout runs: 200" "$(call GET "$GW/api/v1/incentives/runs" "$PAYROLL_TOKEN")" 200 "$(body)"
expect "(c) payroll-export may not upload values: 403" \
    "$(call POST "$GW/api/v1/metrics/values" "$PAYROLL_TOKEN" '[]')" 403 "$(body)"

echo
echo "-- (c) the console signs agent.e3001 in through Keycloak's login page and out of Keycloak again"
JAR=$WORK/console-cookies
rm -f "$JAR"
to_provider=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' --max-time 60 "$GW/console/sign-in/provider")
expect "(c) /console/sign-in/provider sends the browser to Keycloak: client perfcenter-console, PKCE S256, state, nonce" \
    "$(python3 -c 'import sys, urllib.parse as u
url = sys.argv[1]; q = u.parse_qs(u.urlparse(url).query)
print("|".join([url.split("?")[0], q.get("client_id", [""])[0], q.get("code_challenge_method", [""])[0],
                str(bool(q.get("code_challenge"))), str(bool(q.get("state"))), str(bool(q.get("nonce")))]))' "$to_provider")" \
    "$AUTH_URL|perfcenter-console|S256|True|True|True"
login_form() { # login_form URL: the action of Keycloak's login form at URL (nothing when there is none)
    curl -s -c "$JAR" -b "$JAR" --max-time 60 "$1" | python3 -c 'import html, re, sys
m = re.search(r"<form[^>]*kc-form-login[^>]*>", sys.stdin.read())
a = re.search(r"action=\"([^\"]+)\"", m.group(0)) if m else None
print(html.unescape(a.group(1)) if a else "")'
}
action=$(login_form "$to_provider")
back=$(printf 'username=agent.e3001&password=%s&credentialId=' "$DEMO_USER_PASSWORD" | curl -s -c "$JAR" -b "$JAR" \
    --max-time 60 -o /dev/null -w '%{redirect_url}' -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @- "$action")
expect "(c) Keycloak's login page sends agent.e3001 back to the gateway with a code" \
    "$(case "$back" in "$GW/console/sign-in/provider?"*code=*) echo yes ;; *) echo "$back" ;; esac)" yes
status=$(curl -s -c "$JAR" -b "$JAR" -L -o "$BODY" -w '%{http_code}' --max-time 60 "$back")
expect "(c) the gateway exchanges the code and makes the token the session cookie (HttpOnly)" \
    "$status|$(grep -c $'#HttpOnly_localhost\t.*\tperfcenter_session\t' "$JAR")" "200|1" "$(body)"
status=$(curl -s -c "$JAR" -b "$JAR" -o "$BODY" -w '%{http_code}' --max-time 60 "$GW/")
expect "(c) the console's start page shows agent.e3001 signed in (E3001, agent)" \
    "$status|$(grep -o 'id="signed-in-as">[^<]*' "$BODY" | grep -c 'E3001.*agent')" "200|1" "$(body)"
csrf=$(awk -F'\t' '$6 == "perfcenter_csrf" {print $7}' "$JAR")
# One curl per hop, never -L: curl 7.88.1 does not write to the jar the cookie deletions (Max-Age=0) that arrive on
# redirects it follows itself (it stops sending the cookie on the next hop, then saves the jar with it), so the
# gateway's, quarkus-oidc's (q_session_console_chunk_*) and Keycloak's deletions on the way out were lost and the next
# request sent the dead sessions again. Even hop by hop it keeps one of several deletions of one answer (measured:
# q_session_console_chunk_1 of two chunks, KEYCLOAK_IDENTITY of two Keycloak cookies), so only the gateway's own cookie
# is looked for in the jar; that the others ended shows in signing in again. Chromium applies every deletion
# (deploy/e2e KeycloakSignInIT).
ended=$(curl -s -c "$JAR" -b "$JAR" -o "$BODY" -w '%{redirect_url}' --max-time 60 --data-urlencode "csrf=$csrf" \
    -H "Origin: $GW" "$GW/console/sign-out")
hops=0
last=$GW/console/sign-out
via=
while [ -n "$ended" ] && [ "$hops" -lt 10 ]; do
    last=$ended
    case "$ended" in "$KC_URL/realms/$REALM/protocol/openid-connect/logout?"*id_token_hint=*) via=end-session ;; esac
    ended=$(curl -s -c "$JAR" -b "$JAR" -o "$BODY" -w '%{redirect_url}' --max-time 60 "$ended")
    hops=$((hops + 1))
done
# quarkus-oidc comes back from the provider's end-session endpoint with its post-logout state: /console/sign-in?state=…
expect "(c) signing out passes Keycloak's end-session endpoint and comes back to the sign-in page, session cookie gone" \
    "$via|${last%%\?*}|$(grep -c $'\tperfcenter_session\t' "$JAR")" "end-session|$GW/console/sign-in|0" "$(body)"
action=$(login_form "$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{redirect_url}' --max-time 60 "$GW/console/sign-in/provider")")
expect "(c) signing in again asks for the password (Keycloak's session ended)" "$([ -n "$action" ] && echo login-page)" login-page

echo
echo "-- data scope comes from Keycloak's employee_id"
expect "supervisor.e2001 (employee_id E2001) leads [G-KC]" \
    "$(call GET "$GW/api/v1/metrics/org/my-units" "${TOKENS[supervisor]}")|$(cat "$BODY")" '200|["G-KC"]'
expect "manager.e1001 (employee_id E1001) leads T-KC and G-KC" \
    "$(call GET "$GW/api/v1/metrics/org/my-units" "${TOKENS[manager]}")|$(python3 -c 'import json,sys; print(",".join(sorted(json.load(open(sys.argv[1])))))' "$BODY" 2>/dev/null)" \
    '200|G-KC,T-KC' "$(body)"
expect "agent.e3001 (employee_id E3001) leads nothing" \
    "$(call GET "$GW/api/v1/metrics/org/my-units" "${TOKENS[agent]}")|$(cat "$BODY")" '200|[]'
