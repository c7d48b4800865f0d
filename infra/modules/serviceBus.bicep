// Service Bus namespace (Standard, for topics) with local (SAS key) authentication disabled: senders
// and receivers sign in with Microsoft Entra ID. The topic `notifications` carries the messages to
// platforms and to the Ministry's operators (Decree 137 Art. 18-19). The capabilities that read it add
// their subscriptions here (such as the Ministry operators' one), and the `activity-events` queue of
// Art. 17 comes with active users.

@description('Name of the namespace.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object = {}

@description('Topic of notifications.')
param notificationsTopicName string = 'notifications'

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource notifications 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: notificationsTopicName
  properties: {
    // The host delivers at least once and senders retry: drop resent messages with the same id.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    defaultMessageTimeToLive: 'P14D'
  }
}

output name string = namespace.name
output id string = namespace.id
output notificationsTopicName string = notifications.name
// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ (another suffix in sovereign clouds).
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
