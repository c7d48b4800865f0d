// Event Grid system topic on the storage account. Flex Consumption has no polling blob trigger: a blob
// trigger there is written with Source = BlobTriggerSource.EventGrid, and blob events reach it through
// an event subscription on this topic. The subscription's webhook needs the host's blobs_extension
// key, which exists only once the code is deployed, so infra/hooks/postdeploy.sh creates one
// subscription per such function after `azd deploy`.

@description('Name of the system topic.')
param name string

@description('Azure region (the storage account\'s).')
param location string

@description('Tags for the resource.')
param tags object = {}

@description('Name of the storage account whose blob events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
