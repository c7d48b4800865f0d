#!/usr/bin/env bash
# azd postdeploy hook: what Bicep cannot do at provision time.
#
# 1. Key Vault: the data-message signing certificate and the regulator's API key.
#    - When the vault has no certificate AZURE_SIGNING_CERTIFICATE_NAME, it creates a self-issued one
#      (RSA 2048, subject "CN=etransactions data messages", key not exportable) with
#      `az keyvault certificate create`. The app reads it and has the vault sign with its key. A
#      production deployment imports an organisation certificate from a trusted CA under the same name
#      instead (infra/README.md); an existing certificate is never replaced.
#    - When the vault has no secret AZURE_REGULATOR_KEY_SECRET_NAME, it puts a random one there (32 bytes
#      from /dev/urandom, hex), passed to the CLI in a file readable only by the caller and removed at
#      once, and restarts the app so that the Key Vault reference REGULATOR_API_KEY resolves to it. An
#      existing secret is left as it is.
#    Neither the key nor the secret is ever printed. A read refused (the deployer's roles can take
#    minutes to apply) is tried again, then reported, and the hook fails after the other steps.
#
# 2. Blob events to blob-triggered functions. Flex Consumption has no polling blob trigger: a blob
#    trigger there is written with Source = BlobTriggerSource.EventGrid, and Event Grid must push the
#    storage account's BlobCreated events to the host's webhook. That webhook needs the host's
#    blobs_extension system key, which exists only once the code is deployed.
#    It knows no function by name: it reads the functions the deployed app reports
#    (`az functionapp function list`), takes every one whose blobTrigger binding has "source": "EventGrid",
#    and gives each an event subscription `blobtrigger-<function>` on the system topic, filtered to the
#    trigger's container (a literal, "scans/{name}", or an app setting, "%SCANS_CONTAINER%/{name}") and
#    the fixed start of its path. Subscriptions named blobtrigger-* whose function is gone are deleted.
#    With no such function it changes nothing. The blobs_extension key is never printed.
#    The system topic is on the app's storage account (AzureWebJobsStorage); a trigger on another account
#    would need a topic of its own.
#
# Idempotent: run it again with `azd hooks run postdeploy`. Without the Azure CLI signed in it says
# what to do and exits 0.
set -euo pipefail

: "${AZURE_RESOURCE_GROUP:?run this through azd (azd up, azd deploy or azd hooks run postdeploy)}"
: "${AZURE_FUNCTION_APP_NAME:?missing azd output AZURE_FUNCTION_APP_NAME}"
: "${AZURE_FUNCTION_APP_URL:?missing azd output AZURE_FUNCTION_APP_URL}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?missing azd output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME}"
: "${AZURE_KEY_VAULT_NAME:?missing azd output AZURE_KEY_VAULT_NAME}"
# How often, and how many seconds apart, to ask a host that is still starting (Flex scales to zero),
# or a vault that does not yet let the deployer in.
attempts="${POSTDEPLOY_ATTEMPTS:-6}"
wait_seconds="${POSTDEPLOY_WAIT_SECONDS:-10}"
subscription_prefix="blobtrigger-"

rg="$AZURE_RESOURCE_GROUP"
app="$AZURE_FUNCTION_APP_NAME"
app_url="${AZURE_FUNCTION_APP_URL%/}"
topic="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"
vault="$AZURE_KEY_VAULT_NAME"
secret_name="${AZURE_REGULATOR_KEY_SECRET_NAME:-regulator-api-key}"
certificate_name="${AZURE_SIGNING_CERTIFICATE_NAME:-data-message-signing}"
certificate_subject="CN=etransactions data messages"
failed=false

say() { printf 'postdeploy: %s\n' "$*"; }

if ! command -v az >/dev/null 2>&1; then
  say "the Azure CLI (az) is not installed: the signing certificate and the regulator key are not created"
  say "in Key Vault, and blob events are not connected to blob-triggered functions."
  say "install it, sign in (az login) and run 'azd hooks run postdeploy'."
  exit 0
fi
if ! az account show --output none >/dev/null 2>&1; then
  say "the Azure CLI is not signed in: the signing certificate and the regulator key are not created"
  say "in Key Vault, and blob events are not connected to blob-triggered functions."
  say "sign in (az login) and run 'azd hooks run postdeploy'."
  exit 0
fi
if [[ -n "${AZURE_SUBSCRIPTION_ID:-}" ]]; then
  az account set --subscription "$AZURE_SUBSCRIPTION_ID"
fi

# --- 1. Key Vault ------------------------------------------------------------------------------------

# Prints "present" or "missing" for a secret or certificate of the vault. Any other failure (the
# deployer's roles not applied yet, say) is tried again, then reported, and returns 1. Only the item's id
# is asked for, and thrown away: no value is read.
vault_item() {
  local kind="$1" name="$2" not_found error attempt=1
  if [[ "$kind" == secret ]]; then not_found="SecretNotFound"; else not_found="CertificateNotFound"; fi
  while :; do
    if error=$(az keyvault "$kind" show --vault-name "$vault" --name "$name" --query id --output tsv 2>&1 >/dev/null); then
      printf 'present'
      return 0
    fi
    if [[ "$error" == *"$not_found"* ]]; then
      printf 'missing'
      return 0
    fi
    if [[ "$attempt" -ge "$attempts" ]]; then
      say "cannot read Key Vault $kind '$name' in $vault (role assignments can take minutes to apply):" >&2
      say "$error" >&2
      return 1
    fi
    sleep "$wait_seconds"
    attempt=$((attempt + 1))
  done
}

# The signing certificate: self-issued, for a deployment that has not imported its own.
if state=$(vault_item certificate "$certificate_name"); then
  if [[ "$state" == present ]]; then
    say "Key Vault certificate '$certificate_name' exists; left unchanged."
  else
    policy=$(cat <<POLICY
{
  "issuerParameters": { "name": "Self" },
  "keyProperties": { "keyType": "RSA", "keySize": 2048, "exportable": false, "reuseKey": false },
  "secretProperties": { "contentType": "application/x-pkcs12" },
  "x509CertificateProperties": {
    "subject": "$certificate_subject",
    "keyUsage": ["digitalSignature", "nonRepudiation"],
    "validityInMonths": 12
  },
  "lifetimeActions": [{ "trigger": { "lifetimePercentage": 80 }, "action": { "actionType": "AutoRenew" } }]
}
POLICY
)
    if error=$(az keyvault certificate create --vault-name "$vault" --name "$certificate_name" \
      --policy "$policy" --output none 2>&1); then
      say "created Key Vault certificate '$certificate_name' ($certificate_subject, self-issued, RSA 2048)."
      say "production: import the organisation's certificate from a trusted CA under the same name (infra/README.md)."
    else
      say "could not create Key Vault certificate '$certificate_name' in $vault:" >&2
      say "$error" >&2
      say "a deleted certificate of that name is recovered with 'az keyvault certificate recover'." >&2
      failed=true
    fi
  fi
else
  failed=true
fi

# The regulator's API key, generated here so that it never passes through a template, an argument or a log.
if state=$(vault_item secret "$secret_name"); then
  if [[ "$state" == present ]]; then
    say "Key Vault secret '$secret_name' exists; left unchanged."
  else
    key_file=$(umask 077 && mktemp)
    trap 'rm -f "$key_file"' EXIT
    od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$key_file"
    if error=$(az keyvault secret set --vault-name "$vault" --name "$secret_name" \
      --file "$key_file" --encoding utf-8 --content-type text/plain --output none 2>&1); then
      rm -f "$key_file"
      # Key Vault references are resolved when the app starts: restart it to pick the new secret up.
      az functionapp restart --resource-group "$rg" --name "$app" --output none
      say "created Key Vault secret '$secret_name' and restarted $app. Read it with:"
      say "  az keyvault secret show --vault-name $vault --name $secret_name --query value -o tsv"
    else
      rm -f "$key_file"
      say "could not create Key Vault secret '$secret_name' in $vault:" >&2
      say "$error" >&2
      say "a deleted secret of that name is recovered with 'az keyvault secret recover'." >&2
      failed=true
    fi
  fi
else
  failed=true
fi

# --- 2. Blob events ----------------------------------------------------------------------------------

# Any request starts a host that has scaled to zero; failures do not matter here.
wake_host() {
  if command -v curl >/dev/null 2>&1; then
    curl --silent --output /dev/null --max-time 30 "$app_url/" || true
  fi
}

# One line per deployed function: its name ("<app>/<function>"), a tab, and the path of its blob
# trigger when that trigger's source is EventGrid (empty otherwise).
function_query="[].[name, (config.bindings[?type=='blobTrigger' && source=='EventGrid'].path | [0]) || '']"
listing=""
attempt=1
while :; do
  listing=$(az functionapp function list --resource-group "$rg" --name "$app" \
    --query "$function_query" --output tsv)
  if [[ -n "$listing" || "$attempt" -ge "$attempts" ]]; then
    break
  fi
  wake_host
  sleep "$wait_seconds"
  attempt=$((attempt + 1))
done
if [[ -z "$listing" ]]; then
  say "$app reports no functions; nothing to connect to blob events."
fi

triggers=()
while IFS=$'\t' read -r qualified_name path; do
  if [[ -n "$qualified_name" && -n "${path:-}" ]]; then
    triggers+=("${qualified_name##*/}"$'\t'"$path")
  fi
done <<<"$listing"

# A container written as %SETTING% in the binding is the value of that app setting.
resolve_setting() {
  local value
  value=$(az functionapp config appsettings list --resource-group "$rg" --name "$app" \
    --query "[?name=='$1'].value | [0]" --output tsv)
  if [[ -z "$value" ]]; then
    say "a blob trigger's path names app setting '$1', which $app does not have." >&2
    exit 1
  fi
  printf '%s' "$value"
}

# Event subscription names: 3-64 letters, digits and hyphens.
subscription_name() {
  local name
  name=$(printf '%s' "$subscription_prefix${1//[^A-Za-z0-9]/-}" | tr '[:upper:]' '[:lower:]')
  printf '%s' "${name:0:64}"
}

wanted=()
if ((${#triggers[@]} > 0)); then
  # The host creates the key when it first loads the blob extension with an EventGrid trigger.
  blobs_key=""
  attempt=1
  while :; do
    blobs_key=$(az functionapp keys list --resource-group "$rg" --name "$app" \
      --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
    if [[ -n "$blobs_key" || "$attempt" -ge "$attempts" ]]; then
      break
    fi
    wake_host
    sleep "$wait_seconds"
    attempt=$((attempt + 1))
  done
  if [[ -z "$blobs_key" ]]; then
    say "$app has no blobs_extension key yet (has the host started?); blob events are not connected."
    say "run 'azd hooks run postdeploy' again in a few minutes."
    exit 1
  fi

  for trigger in "${triggers[@]}"; do
    function_name="${trigger%%$'\t'*}"
    path="${trigger#*$'\t'}"
    path="${path#/}"
    container="${path%%/*}"
    if [[ "$container" =~ ^%([^%]+)%$ ]]; then
      container=$(resolve_setting "${BASH_REMATCH[1]}")
    fi
    # The fixed start of the blob name narrows the filter ("scans/incoming/{name}" -> "incoming/").
    blob_prefix=""
    if [[ "$path" == */* ]]; then
      blob_prefix="${path#*/}"
      blob_prefix="${blob_prefix%%[\{%]*}"
    fi
    name=$(subscription_name "$function_name")
    wanted+=("$name")
    az eventgrid system-topic event-subscription create \
      --resource-group "$rg" \
      --system-topic-name "$topic" \
      --name "$name" \
      --endpoint-type webhook \
      --endpoint "$app_url/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$blobs_key" \
      --included-event-types Microsoft.Storage.BlobCreated \
      --subject-begins-with "/blobServices/default/containers/$container/blobs/$blob_prefix" \
      --max-delivery-attempts 30 \
      --event-ttl 1440 \
      --output none
    say "blob events of '$container/$blob_prefix' now reach $function_name ($name)."
  done
fi

# Subscriptions this hook made for functions that are no longer deployed.
existing=$(az eventgrid system-topic event-subscription list --resource-group "$rg" --system-topic-name "$topic" \
  --query "[?starts_with(name, '$subscription_prefix')].name" --output tsv)
while IFS= read -r name; do
  [[ -n "$name" ]] || continue
  keep=false
  for wanted_name in ${wanted[@]+"${wanted[@]}"}; do
    if [[ "$wanted_name" == "$name" ]]; then
      keep=true
    fi
  done
  if [[ "$keep" == false ]]; then
    az eventgrid system-topic event-subscription delete --resource-group "$rg" --system-topic-name "$topic" \
      --name "$name" --yes --output none
    say "deleted event subscription $name: its function is no longer deployed."
  fi
done <<<"$existing"

if ((${#triggers[@]} == 0)); then
  say "no blob trigger with source EventGrid is deployed; no event subscription needed."
fi

if [[ "$failed" == true ]]; then
  say "Key Vault is not complete (see above); run 'azd hooks run postdeploy' again." >&2
  exit 1
fi
