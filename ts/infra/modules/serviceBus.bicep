// Service Bus namespace (Standard, for topics) with local (SAS key) authentication disabled.
// `activity-events` feeds the monthly-active-users count (Decree 137 Art. 17); `notifications`
// carries the messages to platforms and to the Ministry's operators (Art. 18-19).

@description('Name of the namespace.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object = {}

@description('Queue of activity events.')
param activityEventsQueueName string = 'activity-events'

@description('Topic of notifications.')
param notificationsTopicName string = 'notifications'

@description('Subscription on the notifications topic that the operators read.')
param operatorsSubscriptionName string = 'operators'

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

resource activityEvents 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = {
  parent: namespace
  name: activityEventsQueueName
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
    // The host delivers at least once and senders retry: drop resent messages with the same id.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    defaultMessageTimeToLive: 'P14D'
  }
}

resource notifications 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: notificationsTopicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    defaultMessageTimeToLive: 'P14D'
  }
}

resource operators 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = {
  parent: notifications
  name: operatorsSubscriptionName
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
  }
}

output name string = namespace.name
output id string = namespace.id
// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ (another suffix in sovereign clouds).
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
