// The function app on the Flex Consumption plan (Linux, Node.js 22), with its plan and app settings.
// Every connection is identity-based: the app reaches storage, Service Bus, Key Vault and Document
// Intelligence as the user-assigned managed identity; no key or connection string with a secret is set.

@description('Name of the function app (also the first label of its default host name).')
param name string

@description('Name of the Flex Consumption (FC1) plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags for every resource; the app also gets azd-service-name so that `azd deploy` finds it.')
param tags object = {}

@description('azd service name in azure.yaml that deploys to this app.')
param serviceName string = 'api'

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity (used by the host and by DefaultAzureCredential).')
param identityClientId string

@description('Storage account for the host, Durable Functions, the app data and the deployment package.')
param storageAccountName string

@description('Blob container that holds the deployment package (Flex Consumption reads it with the identity).')
param deploymentContainerName string

@description('Application Insights connection string (an address, not a credential: local auth is disabled).')
param applicationInsightsConnectionString string

@description('Service Bus namespace host name, e.g. sb-etx-abc.servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Key Vault name (for Key Vault references in app settings).')
param keyVaultName string

@description('Key Vault URI, e.g. https://kv-etx-abc.vault.azure.net/.')
param keyVaultUri string

@description('Document Intelligence endpoint, e.g. https://di-etx-abc.cognitiveservices.azure.com/.')
param documentIntelligenceEndpoint string

@description('Name of the Key Vault secret that holds the regulator (Ministry operators) API key.')
param regulatorKeySecretName string

@description('Durable Functions task hub name: 3-45 letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param durableTaskHub string

@description('Days after which the history of a finished orchestration is purged.')
@minValue(1)
@maxValue(3650)
param orchestrationHistoryRetentionDays int

@description('Largest JSON body the platforms API accepts, in bytes.')
param platformsMaxBodyBytes int

@description('Largest scan accepted for conversion, in bytes.')
param scanMaxBytes int

@description('Most pages a scan may have.')
param scanMaxPages int

@description('Most pixels one scanned page may have (checked before decoding).')
param scanMaxPixelsPerPage int

@description('Name of the Key Vault certificate whose key signs data messages.')
param signingCertificateName string

@description('Public URL of GET /api/data-messages that QR codes point to; empty means the app\'s default host name.')
param conversionVerifyUrlBase string = ''

@description('Memory of each instance in MB; OCR and PDF work want at least 2048.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings resolve as this identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

var conversionVerifyUrl = empty(conversionVerifyUrlBase) ? 'https://${site.properties.defaultHostName}/api/data-messages' : conversionVerifyUrlBase

// The app settings, one per line. Every setting in SETTINGS (functions/core/config.ts) that is not
// local-only must appear here, and nothing the app does not know about: tests/unit/settings.test.ts
// parses this block. Flex Consumption takes the runtime from functionAppConfig, so
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION must not be set.
var appSettings = {
  // Host storage, Durable Functions and the blob trigger, through the identity (no account key).
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // DefaultAzureCredential in the app's own SDK clients picks the user-assigned identity from this.
  AZURE_CLIENT_ID: identityClientId
  // Telemetry authenticated with Microsoft Entra ID; the connection string only addresses the resource.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Service Bus triggers (connection "ServiceBusConnection") and the notifications publisher.
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
  ServiceBusConnection__credential: 'managedidentity'
  ServiceBusConnection__clientId: identityClientId
  // Durable Functions.
  DURABLE_TASK_HUB: durableTaskHub
  ORCHESTRATION_HISTORY_RETENTION_DAYS: string(orchestrationHistoryRetentionDays)
  // Platforms API (Decree 137 Art. 17-19). The regulator key lives only in Key Vault.
  REGULATOR_API_KEY: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${regulatorKeySecretName})'
  PLATFORMS_MAX_BODY_BYTES: string(platformsMaxBodyBytes)
  // Paper to data message (Decree 137 Art. 4): limits, OCR by Document Intelligence, signing with a
  // Key Vault key, and the QR code's verification link.
  SCAN_MAX_BYTES: string(scanMaxBytes)
  SCAN_MAX_PAGES: string(scanMaxPages)
  SCAN_MAX_PIXELS_PER_PAGE: string(scanMaxPixelsPerPage)
  DOCUMENT_INTELLIGENCE_ENDPOINT: documentIntelligenceEndpoint
  SIGNING_KEY_VAULT_URI: keyVaultUri
  SIGNING_CERTIFICATE_NAME: signingCertificateName
  CONVERSION_VERIFY_URL_BASE: conversionVerifyUrl
}

resource siteAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

// Deployments go through Microsoft Entra ID (azd deploy); no publishing passwords.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output id string = site.id
output defaultHostName string = site.properties.defaultHostName
output uri string = 'https://${site.properties.defaultHostName}'
