#!/usr/bin/env bash
# Refuses to go on unless every ${VAR} placeholder of a realm file is set in the environment.
#
# Why: when Keycloak imports a realm file it replaces ${VAR} with the environment variable, but an UNSET variable
# is left as the literal text. An import with CRM_INTEGRATION_SECRET unset therefore creates crm-integration with
# the secret "${CRM_INTEGRATION_SECRET}" - published in this repository - and logs no warning (seen with
# Keycloak 26.4.7). Run this right before `kc.sh ... --import-realm` (check.sh does).
#
# Usage: deploy/keycloak/preflight.sh [realm-file]     (default: perfcenter-realm.json next to this script)
# Placeholders with a default (${VAR:default}) are optional. Required ones must be at least 12 characters long and
# free of " and \ (the values end up inside JSON strings).
set -euo pipefail

realm=${1:-"$(dirname "$0")/perfcenter-realm.json"}
[ -r "$realm" ] || { echo "preflight: cannot read $realm" >&2; exit 2; }

missing=0
for name in $(grep -o '\${[A-Za-z_][A-Za-z0-9_]*}' "$realm" | tr -d '${}' | sort -u); do
    value=$(printenv "$name" || true) # exported only: Keycloak sees nothing else
    if [ -z "$value" ]; then
        echo "preflight: $name is not exported (it would be imported as the literal text \${$name})" >&2
        missing=1
    elif [ "${#value}" -lt 12 ]; then
        echo "preflight: $name is shorter than 12 characters" >&2
        missing=1
    elif [[ $value == *[\"\\]* ]]; then
        echo "preflight: $name contains \" or \\, which cannot stand inside the realm's JSON strings" >&2
        missing=1
    fi
done
if [ "$missing" -ne 0 ]; then
    echo "preflight: refusing; set the variables above (e.g. export NAME=\"\$(openssl rand -hex 24)\")" >&2
    exit 1
fi
echo "preflight: every required placeholder of $(basename "$realm") is set"
