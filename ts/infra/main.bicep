// Azure resources of the etransactions function app (Decree 137/2024/ND-CP, Decree 42/2022/ND-CP),
// deployed by `azd up`. Every connection is identity-based: no key, password or connection string
// with a secret is created or stored here.
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

@description('Object id of the user or service principal running `azd up` (AZURE_PRINCIPAL_ID); it may then put the regulator key and the signing certificate into Key Vault. Empty for none.')
param principalId string = ''

@description('Region of the Document Intelligence account, when prebuilt-read is not offered in `location`. Empty means `location`.')
param documentIntelligenceLocation string = ''

@description('Durable Functions task hub name: 3-45 letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param durableTaskHub string = 'etransactions'

@description('Days after which the history of a finished orchestration is purged.')
@minValue(1)
@maxValue(3650)
param orchestrationHistoryRetentionDays int = 90

@description('Largest JSON body the platforms API accepts, in bytes.')
@minValue(1024)
@maxValue(4194304)
param platformsMaxBodyBytes int = 65536

@description('Name of the Key Vault secret holding the regulator (Ministry operators) API key.')
param regulatorKeySecretName string = 'regulator-api-key'

@description('Name of the Key Vault certificate whose key signs data messages (created after provisioning, see README.md, Deploying to Azure).')
param signingCertificateName string = 'data-message-signing'

@description('Public URL of GET /api/data-messages that QR codes on data messages point to; empty means the function app\'s default host name.')
param conversionVerifyUrlBase string = ''

@description('Largest scan accepted for conversion, in bytes.')
@minValue(1)
@maxValue(524288000)
param scanMaxBytes int = 104857600

@description('Most pages a scan may have.')
@minValue(1)
@maxValue(100000)
param scanMaxPages int = 500

@description('Most pixels one scanned page may have, checked before decoding.')
@minValue(1)
@maxValue(400000000)
param scanMaxPixelsPerPage int = 50000000

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

@description('Blob containers the app uses: uploaded scans and the data messages made from them.')
param blobContainers string[] = [
  'scans'
  'data-messages'
]

@description('Tables the app uses (Durable Functions creates its own task hub tables).')
param tables string[] = [
  'conversions'
  'datamessages'
  'notifications'
  'platforms'
  'platformindex'
  'platformhistory'
  'platformkeys'
  'population'
  'platformstatistics'
  'determinations'
  'determinationtimeline'
  'determinationreviews'
]

@description('Storage queues the app uses (Durable Functions creates its own; activity events and notifications are on Service Bus).')
param storageQueues string[] = []

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'etransactions'
}
var functionAppName = 'func-etx-${resourceToken}'
var deploymentContainerName = 'app-package'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-etx-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-etx-${resourceToken}'
    applicationInsightsName: 'appi-etx-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stetx${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    containers: blobContainers
    queues: storageQueues
    tables: tables
  }
}

module serviceBus 'modules/serviceBus.bicep' = {
  name: 'serviceBus'
  scope: rg
  params: {
    name: 'sb-etx-${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: 'kv-etx-${resourceToken}'
    location: location
    tags: tags
    skuName: keyVaultSkuName
  }
}

module documentIntelligence 'modules/documentIntelligence.bicep' = {
  name: 'documentIntelligence'
  scope: rg
  params: {
    name: 'di-etx-${resourceToken}'
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
    name: functionAppName
    planName: 'plan-etx-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    keyVaultName: keyVault.outputs.name
    keyVaultUri: keyVault.outputs.uri
    documentIntelligenceEndpoint: documentIntelligence.outputs.endpoint
    regulatorKeySecretName: regulatorKeySecretName
    durableTaskHub: durableTaskHub
    orchestrationHistoryRetentionDays: orchestrationHistoryRetentionDays
    platformsMaxBodyBytes: platformsMaxBodyBytes
    scanMaxBytes: scanMaxBytes
    scanMaxPages: scanMaxPages
    scanMaxPixelsPerPage: scanMaxPixelsPerPage
    signingCertificateName: signingCertificateName
    conversionVerifyUrlBase: conversionVerifyUrlBase
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

module eventGrid 'modules/eventGrid.bicep' = {
  name: 'eventGrid'
  scope: rg
  params: {
    name: 'evgt-etx-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

// Outputs become azd environment values (and environment variables of the hooks).
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
output AZURE_SCANS_CONTAINER string = 'scans'
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.name
output AZURE_SERVICE_BUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_REGULATOR_KEY_SECRET_NAME string = regulatorKeySecretName
output AZURE_SIGNING_CERTIFICATE_NAME string = signingCertificateName
output AZURE_DOCUMENT_INTELLIGENCE_ENDPOINT string = documentIntelligence.outputs.endpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
