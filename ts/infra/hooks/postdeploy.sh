#!/bin/sh
# azd postdeploy hook. Two steps that Bicep cannot do at provision time:
#  1. subscribe the convertScan blob trigger (source: EventGrid) to BlobCreated events of the
#     `scans` container; the webhook needs the host's blobs_extension key, which exists only once
#     the code is deployed and the host has started;
#  2. put a random regulator API key into Key Vault if there is none yet (the app setting
#     REGULATOR_API_KEY is a Key Vault reference to it). The key is never printed.
# Both are idempotent. Without the Azure CLI signed in, it says what to run and exits 0.
set -eu

: "${AZURE_RESOURCE_GROUP:?run this through azd (azd up or azd deploy)}"
: "${AZURE_FUNCTION_APP_NAME:?missing azd output AZURE_FUNCTION_APP_NAME}"
: "${AZURE_FUNCTION_APP_URL:?missing azd output AZURE_FUNCTION_APP_URL}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?missing azd output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME}"
: "${AZURE_KEY_VAULT_NAME:?missing azd output AZURE_KEY_VAULT_NAME}"
SCANS_CONTAINER="${AZURE_SCANS_CONTAINER:-scans}"
SECRET_NAME="${AZURE_REGULATOR_KEY_SECRET_NAME:-regulator-api-key}"
FUNCTION_NAME="convertScan"
SUBSCRIPTION_NAME="scans-to-convertscan"

say() { printf 'postdeploy: %s\n' "$*"; }

if ! command -v az >/dev/null 2>&1; then
  say "the Azure CLI (az) is not installed; do the two steps of infra/README.md (After deploying) by hand."
  exit 0
fi
if ! az account show >/dev/null 2>&1; then
  say "the Azure CLI is not signed in (az login); do the two steps of infra/README.md (After deploying) by hand."
  exit 0
fi
if [ -n "${AZURE_SUBSCRIPTION_ID:-}" ]; then
  az account set --subscription "$AZURE_SUBSCRIPTION_ID"
fi

# 1. Blob events -> convertScan. The host creates the key when it first loads the blob extension.
blobs_key=""
attempt=1
while [ "$attempt" -le 12 ]; do
  blobs_key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  [ -n "$blobs_key" ] && break
  # A request wakes the host (Flex Consumption scales to zero).
  curl --silent --output /dev/null --max-time 30 "$AZURE_FUNCTION_APP_URL/api/health" || true
  sleep 10
  attempt=$((attempt + 1))
done
if [ -z "$blobs_key" ]; then
  say "no blobs_extension key yet (is $FUNCTION_NAME deployed?); run 'azd hooks run postdeploy' later."
else
  endpoint="$AZURE_FUNCTION_APP_URL/runtime/webhooks/blobs?functionName=Host.Functions.$FUNCTION_NAME&code=$blobs_key"
  az eventgrid system-topic event-subscription create \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
    --name "$SUBSCRIPTION_NAME" \
    --endpoint-type webhook \
    --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/$SCANS_CONTAINER/blobs/" \
    --max-delivery-attempts 30 \
    --event-ttl 1440 \
    --output none
  say "blob events of '$SCANS_CONTAINER' now reach $FUNCTION_NAME."
fi

# 2. The regulator key, generated here so that it never passes through a template or a log.
if show_error=$(az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$SECRET_NAME" \
  --query id --output tsv 2>&1 >/dev/null); then
  say "Key Vault secret '$SECRET_NAME' exists; left unchanged."
elif printf '%s' "$show_error" | grep -q 'SecretNotFound'; then
  key_file=$(mktemp)
  trap 'rm -f "$key_file"' EXIT
  chmod 600 "$key_file"
  od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$key_file"
  az keyvault secret set --vault-name "$AZURE_KEY_VAULT_NAME" --name "$SECRET_NAME" \
    --file "$key_file" --encoding utf-8 --content-type text/plain --output none
  rm -f "$key_file"
  # Key Vault references are resolved at start: restart so the app picks the new secret up.
  az functionapp restart --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" --output none
  say "created Key Vault secret '$SECRET_NAME'. Read it with:"
  say "  az keyvault secret show --vault-name $AZURE_KEY_VAULT_NAME --name $SECRET_NAME --query value -o tsv"
else
  say "cannot read Key Vault secret '$SECRET_NAME' (role assignments can take minutes to apply):"
  say "$show_error"
  say "run 'azd hooks run postdeploy' again later."
fi
