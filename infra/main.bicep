// Azure resources of the etransactions function app (Decree 137/2024/ND-CP, Decree 42/2022/ND-CP),
// deployed by `azd up`. Every connection is identity-based: no key, password or connection string with a
// secret is created or stored here.
//
// What a port of a capability touches is in this file: the storage lists (blobContainers,
// storageQueues, storageTables) and the app settings (appSettings). The modules under modules/ create
// the resources and take those lists as they are.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region for all resources; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the user or service principal running `azd up` (AZURE_PRINCIPAL_ID); it may then put secrets and the signing certificate into Key Vault and upload blobs. Empty for none.')
param principalId string = ''

@description('Region of the Document Intelligence account, when prebuilt-read is not offered in `location`. Empty means `location`.')
param documentIntelligenceLocation string = ''

@description('Name of this information system, printed on every paper copy and shown on the public pages (INFORMATION_SYSTEM_NAME; Decree 137 Art. 5.1.a).')
@minLength(1)
@maxLength(200)
param informationSystemName string

@description('Name of the agency that administers this information system (INFORMATION_SYSTEM_ADMINISTRATOR; Decree 137 Art. 5.1.a).')
@minLength(1)
@maxLength(200)
param informationSystemAdministrator string

@description('OpenID Connect issuer of the bearer tokens of applicants and officers (AUTH_ISSUER), exactly as its tokens write `iss`, e.g. https://login.microsoftonline.com/{tenant}/v2.0; its keys are read from {issuer}/.well-known/openid-configuration.')
@minLength(9)
param authIssuer string

@description('Audience the bearer tokens must carry (AUTH_AUDIENCE): the app registration\'s client id or application id URI.')
@minLength(1)
param authAudience string

@description('Durable Functions task hub name (DURABLE_TASK_HUB, read by host.json): 3-45 letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param durableTaskHub string = 'etransactions'

@description('Days after which the history of a finished orchestration is purged.')
@minValue(1)
@maxValue(3650)
param orchestrationHistoryRetentionDays int = 90

@description('Largest scan accepted for conversion, in bytes (SCAN_MAX_BYTES); checked from the blob\'s properties before any download.')
@minValue(1)
@maxValue(524288000)
param scanMaxBytes int = 104857600

@description('Most pages a scan may have (SCAN_MAX_PAGES).')
@minValue(1)
@maxValue(100000)
param scanMaxPages int = 500

@description('Most pixels one scanned page may have (SCAN_MAX_PIXELS_PER_PAGE), read from the image headers before decoding.')
@minValue(1)
@maxValue(400000000)
param scanMaxPixelsPerPage int = 50000000

@description('Largest JSON body the platforms API reads, in bytes (PLATFORMS_MAX_BODY_BYTES).')
@minValue(1024)
@maxValue(1048576)
param platformsMaxBodyBytes int = 65536

@description('Days after a month ends in Vietnam that late activity events are still counted, before the month is finalized (ACTIVE_USERS_GRACE_DAYS).')
@minValue(0)
@maxValue(27)
param activeUsersGraceDays int = 3

@description('Largest activity request body, in bytes (ACTIVITY_MAX_BODY_BYTES).')
@minValue(65536)
@maxValue(16777216)
param activityMaxBodyBytes int = 4194304

@description('The working hours of a day, Vietnam time, that dossiers\' deadlines count (WORKING_DAY_HOURS): HH:mm-HH:mm.')
param workingDayHours string = '08:00-17:00'

@description('The lunch break inside the working hours, Vietnam time (WORKING_DAY_LUNCH_BREAK): HH:mm-HH:mm.')
param workingDayLunchBreak string = '12:00-13:00'

@description('How far, in percent, a platform\'s own monthly figures may differ from the measured ones before its self-determination flags them (ACTIVE_USERS_DIFFERENCE_PERCENT).')
param activeUsersDifferencePercent string = '5'

@description('Name of the Key Vault certificate whose key signs data messages (SIGNING_CERTIFICATE_NAME). infra/hooks/postdeploy.sh creates a self-issued one under this name when there is none; production imports an organisation certificate under it.')
@minLength(1)
@maxLength(127)
param signingCertificateName string = 'data-message-signing'

@description('Memory of each function app instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the function app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Replication of the storage account.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS', 'Standard_GZRS', 'Standard_RAGZRS'])
param storageSkuName string = 'Standard_LRS'

@description('Key Vault SKU: premium allows an HSM-protected signing key.')
@allowed(['standard', 'premium'])
param keyVaultSkuName string = 'standard'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'etransactions'
}
// The service in azure.yaml that `azd deploy` sends to the function app.
var serviceName = 'api'
var deploymentContainerName = 'app-package'

// ---------------------------------------------------------------------------------------------------
// What the storage account holds: one list per kind. A port adds the names its stores use here.
//
// Not listed, because their owners create them on first use with the identity's data roles:
// - the Durable Functions task hub (DurableTask.AzureStorage, named after DURABLE_TASK_HUB): queues
//   <hub>-control-NN and <hub>-workitems, tables <hub>History and <hub>Instances, containers
//   <hub>-leases and <hub>-largemessages;
// - the blob trigger's receipts (in azure-webjobs-hosts) and its poison queue webjobs-blobtrigger-poison;
// - the poison queue of a queue trigger, <queue>-poison (conversion-retries-poison).
// ---------------------------------------------------------------------------------------------------

// Blob containers.
var blobContainers = [
  deploymentContainerName // the Flex Consumption deployment package (functionAppConfig.deployment)
  'azure-webjobs-hosts' // the Functions host: locks, timer schedule status, blob trigger receipts
  'azure-webjobs-secrets' // the Functions host: function and system keys (blobs_extension among them)
  'scans' // uploaded scans, scans/{agency}/{name}; convertScan's blob trigger (source EventGrid) reads them
  'data-messages' // the signed data messages made from them, {agency}/{messageId}.pdf and .json
  'documents' // electronic documents uploaded as they are, documents/{agency}/{path}.pdf; storeDocument's blob trigger (source EventGrid)
  'paper-copies' // paper copies of data messages, {agency}/{code}/{copyId}.pdf, written once
  'dossiers' // dossiers' files: components/{sha256} and documents/{code}/{name}.pdf (drafts, signed results)
  'dossier-reports' // monthly dossier reports for the Ministry, {yyyy-MM}/{agency}.json and .json.p7s, written once
  'activity' // activity files of platforms, {platformId}/{yyyy-MM-dd}/{name}.ndjson.gz; importActivityFile's blob trigger (source EventGrid)
  'activitysets' // active users: sorted sets of user keys per platform, day and region, until the month is finalized
  'public-lists' // published lists, large-platforms/v{n}.json, .csv, .json.p7s (written once) and index.json (the pointer); served by the functions, never public
]

// Storage queues.
var storageQueues = [
  'conversion-retries' // conversions to try again after a transient failure (a queue trigger)
]

// Tables.
var storageTables = [
  'conversions' // one row per upload: its status and the data message it became
  'datamessages' // data messages by lookup code
  'register' // the register of conversions in both directions, numbered per agency and year
  'papercopies' // paper copies of each data message, and the latest per converter and purpose
  'procedures' // administrative procedures, one row per version
  'dossiers' // dossiers by agency: the day's counters, each dossier, its history, its actions and rating
  'apikeys' // agencies' and platforms' API keys, as SHA-256
  'platforms' // the platform registry (Decree 137 Art. 18–19)
  'platformindex' // one row per platform name and website in use: their uniqueness
  'platformhistory' // every earlier revision of a platform
  'platformkeyrotations' // key rotations asked with an Idempotency-Key, for their one replay within 24 hours
  'population' // official population figures, versioned
  'calendars' // the working-time calendar of each year, one row per published version
  'platformstatistics' // platforms' annual statistics, one row per version
  'determinations' // one self-determination per platform and cycle
  'determinationtimeline' // what happened to each
  'determinationreviews' // the regulator's reviews, one per submission version
  'notifications' // every notification to a platform or the regulator, recorded before it is published
  'activitybatches' // active users: each batch of activity events once, with its events, until the month is finalized
  'activeusers' // active users: the finalized figures, one row per platform and month
  'activityfiles' // active users: the receipt of each activity file
]

// The Key Vault secret holding the regulator's (Ministry operators') API key; infra/hooks/postdeploy.sh
// creates it with a random value when missing, and REGULATOR_API_KEY refers to it.
var regulatorKeySecretName = 'regulator-api-key'

// ---------------------------------------------------------------------------------------------------
// The app settings: every setting the app and its host read in Azure, name to value, in this one place
// (tests/InfraTests check it against local.settings.sample.json). Values are names and addresses, never
// secrets. A secret is a Key Vault reference the platform resolves as the app's identity (the site's
// keyVaultReferenceIdentity), as REGULATOR_API_KEY is below.
// Flex Consumption takes the runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION must not be set.
// ---------------------------------------------------------------------------------------------------
var appSettings = {
  // Host storage, Durable Functions and blob triggers, as the identity (no account key).
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.outputs.clientId
  // DefaultAzureCredential in the app's own SDK clients picks the user-assigned identity from this.
  AZURE_CLIENT_ID: identity.outputs.clientId
  // Telemetry authenticated with Microsoft Entra ID; the connection string only addresses the resource.
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.outputs.clientId}'
  // Who this information system is (Decree 137 Art. 5.1.a): on every paper copy and the public pages.
  INFORMATION_SYSTEM_NAME: informationSystemName
  INFORMATION_SYSTEM_ADMINISTRATOR: informationSystemAdministrator
  // Who acts on dossiers: the OpenID Connect issuer of applicants' and officers' bearer tokens, and their audience.
  AUTH_ISSUER: authIssuer
  AUTH_AUDIENCE: authAudience
  // Durable Functions: the task hub (host.json reads it) and how long finished histories are kept.
  DURABLE_TASK_HUB: durableTaskHub
  ORCHESTRATION_HISTORY_RETENTION_DAYS: string(orchestrationHistoryRetentionDays)
  // Conversion (Decree 137 Art. 4): where the QR code of a data message points, and the limits on a scan.
  CONVERSION_VERIFY_URL_BASE: 'https://${functionApp.outputs.defaultHostName}/verify'
  SCAN_MAX_BYTES: string(scanMaxBytes)
  SCAN_MAX_PAGES: string(scanMaxPages)
  SCAN_MAX_PIXELS_PER_PAGE: string(scanMaxPixelsPerPage)
  // Platforms (Decree 137 Art. 17–19): the largest body of their API.
  PLATFORMS_MAX_BODY_BYTES: string(platformsMaxBodyBytes)
  // Active users (Decree 137 Art. 17): the grace period of a month, and the largest activity request.
  ACTIVE_USERS_GRACE_DAYS: string(activeUsersGraceDays)
  ACTIVITY_MAX_BODY_BYTES: string(activityMaxBodyBytes)
  ACTIVE_USERS_DIFFERENCE_PERCENT: activeUsersDifferencePercent
  // Dossiers (Decree 137 Art. 7–9, Decree 42): the working hours their deadlines are counted in.
  WORKING_DAY_HOURS: workingDayHours
  WORKING_DAY_LUNCH_BREAK: workingDayLunchBreak
  // OCR of scans, with Microsoft Entra tokens (locally tesseract, when this is empty).
  DOCUMENT_INTELLIGENCE_ENDPOINT: documentIntelligence.outputs.endpoint
  // The signing certificate: the app reads it and has its digests signed by the vault, as the identity;
  // the private key stays in the vault.
  SIGNING_KEY_VAULT_URI: keyVault.outputs.uri
  SIGNING_CERTIFICATE_NAME: signingCertificateName
  // Notifications to platforms and the regulator go to the Service Bus topic, sent as the identity
  // (Azure Service Bus Data Sender on the topic); locally, with this empty, to an Azurite queue.
  ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  // The regulator's API key, a secret: resolved from Key Vault by the platform.
  REGULATOR_API_KEY: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${regulatorKeySecretName})'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}etx-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}etx-${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}etx-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}etx${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    containers: blobContainers
    queues: storageQueues
    tables: storageTables
  }
}

module eventGrid 'modules/eventGrid.bicep' = {
  name: 'eventGrid'
  scope: rg
  params: {
    name: '${abbrs.eventGridEventSystemTopics}etx-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

module serviceBus 'modules/serviceBus.bicep' = {
  name: 'serviceBus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}etx-${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}etx-${resourceToken}'
    location: location
    tags: tags
    skuName: keyVaultSkuName
  }
}

module documentIntelligence 'modules/documentIntelligence.bicep' = {
  name: 'documentIntelligence'
  scope: rg
  params: {
    name: '${abbrs.cognitiveServicesFormRecognizer}etx-${resourceToken}'
    location: empty(documentIntelligenceLocation) ? location : documentIntelligenceLocation
    tags: tags
  }
}

module roles 'modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    notificationsTopicName: serviceBus.outputs.notificationsTopicName
    keyVaultName: keyVault.outputs.name
    documentIntelligenceName: documentIntelligence.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: rg
  // The host reaches storage as the identity from its first start: grant the roles first.
  dependsOn: [roles]
  params: {
    name: '${abbrs.webSitesFunctions}etx-${resourceToken}'
    planName: '${abbrs.webServerFarms}etx-${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

module settings 'modules/appSettings.bicep' = {
  name: 'appSettings'
  scope: rg
  params: {
    functionAppName: functionApp.outputs.name
    settings: appSettings
  }
}

// Outputs become azd environment values, and environment variables of the hooks
// (infra/hooks/postdeploy.sh reads AZURE_RESOURCE_GROUP, AZURE_FUNCTION_APP_NAME, AZURE_FUNCTION_APP_URL,
// AZURE_EVENTGRID_SYSTEM_TOPIC_NAME, AZURE_KEY_VAULT_NAME, AZURE_REGULATOR_KEY_SECRET_NAME and
// AZURE_SIGNING_CERTIFICATE_NAME).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.uri
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_DURABLE_TASK_HUB string = durableTaskHub
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.name
output AZURE_SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_SERVICE_BUS_NOTIFICATIONS_TOPIC string = serviceBus.outputs.notificationsTopicName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_REGULATOR_KEY_SECRET_NAME string = regulatorKeySecretName
output AZURE_SIGNING_CERTIFICATE_NAME string = signingCertificateName
output AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT string = documentIntelligence.outputs.endpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
