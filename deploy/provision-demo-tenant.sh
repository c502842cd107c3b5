#!/bin/sh
# docker-compose's one-shot "provision" service (a curl image): creates the demo tenant "acme" through the gateway's
# public API, with its Data Feeder topic, a client with tenant_admin and ingest, the CA simulator as its Knovvu
# Analytics (plain http to "simulators" is allowed by KnovvuAnalytics__Urls__PlainHttpHosts__0) and a VA project with a
# web channel. Run again on an existing deployment, it stops at the tenant (409) and changes nothing.
# Needs GATEWAY_URL, CA_URL and KNOVVU_HOST_CLIENT_SECRET; prints the tenant client's id and secret once.
set -eu

json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

token() {
  curl -fsS -X POST "$GATEWAY_URL/connect/token" -d grant_type=client_credentials \
    --data-urlencode "client_id=$1" --data-urlencode "client_secret=$2" | json_field access_token
}

# call METHOD PATH TOKEN BODY: prints the response body, fails on any status but 2xx.
call() {
  curl -fsS -X "$1" "$GATEWAY_URL$2" -H "Authorization: Bearer $3" -H "Content-Type: application/json" -d "$4"
}

host_token=$(token host-operator "$KNOVVU_HOST_CLIENT_SECRET")
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$GATEWAY_URL/api/host/tenants" \
  -H "Authorization: Bearer $host_token" -H "Content-Type: application/json" -d '{"id":"acme","name":"Acme"}')
case "$status" in
  201) echo "tenant acme created" ;;
  409) echo "tenant acme exists: nothing to do"; exit 0 ;;
  *) echo "creating tenant acme answered $status" >&2; exit 1 ;;
esac

call PUT /api/host/tenants/acme/features "$host_token" '{"dailyReports":{"enabled":true,"retentionMonths":1},"dataFeeder":{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder","ConversationAnalyzedForDataFeeder","CategoryMatchForDataFeeder"],"topic":"acme.conversations"},"vaToCa":{"sessionsPerHourCap":1000}}' >/dev/null
client=$(call POST /api/host/tenants/acme/clients "$host_token" '{"name":"demo-va","scopes":["tenant_admin","ingest"]}')
client_id=$(echo "$client" | json_field clientId)
client_secret=$(echo "$client" | json_field clientSecret)
admin_token=$(token "$client_id" "$client_secret")

# The CA simulator's account of acme (src/Demo/DemoTenant.cs).
call PUT /api/tenants/acme/integrations/knovvu-analytics "$admin_token" "{\"serviceBaseUrl\":\"$CA_URL/\",\"tokenEndpoint\":\"$CA_URL/identity/connect/token\",\"clientId\":\"va-acme\",\"clientSecret\":\"demo-ca-secret-acme\",\"enabled\":true}" >/dev/null
call POST /api/tenants/acme/va/projects "$admin_token" '{"id":"support","name":"Support"}' >/dev/null
call POST /api/tenants/acme/va/projects/support/channels "$admin_token" '{"id":"web","name":"web channel","type":"web"}' >/dev/null
call PUT /api/tenants/acme/va/projects/support/knovvu-analytics "$admin_token" '{"enabled":true}' >/dev/null
echo "acme provisioned; its client (tenant_admin, ingest): $client_id / $client_secret"
