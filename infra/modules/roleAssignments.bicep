// Role assignments: what the app's managed identity may do, and, when a principal id is given, what the
// person who deploys may do (put secrets and the signing certificate into Key Vault, upload blobs).
// Names are guid(scope, principal, role), so a redeployment finds the same assignment.

@description('Principal (object) id of the app\'s user-assigned managed identity.')
param appPrincipalId string

@description('Object id of the user or service principal running the deployment; empty for none.')
param deployerPrincipalId string = ''

@description('Storage account the app uses.')
param storageAccountName string

@description('Service Bus namespace the app uses.')
param serviceBusNamespaceName string

@description('Topic of that namespace the app sends notifications to.')
param notificationsTopicName string

@description('Key Vault the app uses.')
param keyVaultName string

@description('Document Intelligence account the app uses.')
param documentIntelligenceName string

@description('Application Insights component the app reports to.')
param applicationInsightsName string

// Built-in role definition ids (the same in every tenant).
var role = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424'
  keyVaultCertificateUser: 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  keyVaultCertificatesOfficer: 'a4417e6f-fecd-4de8-b567-7b0420556985'
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// The host with an identity needs Blob Data Owner (its leases and keys); Durable Functions needs
// queues and tables for its task hub; the blob trigger keeps receipts in blobs and a poison queue; the
// app itself reads and writes blobs, queues and tables in the same account.
var appStorageRoles = [
  role.storageBlobDataOwner
  role.storageQueueDataContributor
  role.storageTableDataContributor
]
// Key Vault references in app settings (secrets), signing with the vault's key (crypto), reading the
// public certificate (certificates).
var appKeyVaultRoles = [
  role.keyVaultSecretsUser
  role.keyVaultCryptoUser
  role.keyVaultCertificateUser
]
var deployerKeyVaultRoles = [
  role.keyVaultSecretsOfficer
  role.keyVaultCertificatesOfficer
]

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName

  resource notifications 'topics' existing = {
    name: notificationsTopicName
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource documentIntelligence 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: documentIntelligenceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appStorageRoles: {
    name: guid(storage.id, appPrincipalId, roleId)
    scope: storage
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

// Sending only, and only to the notifications topic; the ports that receive add their roles.
resource appNotifications 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus::notifications.id, appPrincipalId, role.serviceBusDataSender)
  scope: serviceBus::notifications
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.serviceBusDataSender)
  }
}

resource appKeyVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appKeyVaultRoles: {
    name: guid(keyVault.id, appPrincipalId, roleId)
    scope: keyVault
    properties: {
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource appDocumentIntelligence 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(documentIntelligence.id, appPrincipalId, role.cognitiveServicesUser)
  scope: documentIntelligence
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.cognitiveServicesUser)
  }
}

// Application Insights with local auth disabled accepts telemetry only from this role.
resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, role.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.monitoringMetricsPublisher)
  }
}

resource deployerKeyVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in deployerKeyVaultRoles: if (!empty(deployerPrincipalId)) {
    name: guid(keyVault.id, deployerPrincipalId, roleId)
    scope: keyVault
    properties: {
      principalId: deployerPrincipalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

// Lets the deployer upload blobs (scans, activity files) and read what the app wrote.
resource deployerBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(storage.id, deployerPrincipalId, role.storageBlobDataContributor)
  scope: storage
  properties: {
    principalId: deployerPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.storageBlobDataContributor)
  }
}
