// Azure AI Document Intelligence for OCR of uploaded scans (prebuilt-read). Key authentication is
// disabled; the app calls it with Microsoft Entra tokens, which need the custom subdomain.

@description('Name of the account, also its custom subdomain.')
param name string

@description('Azure region (prebuilt-read is not offered everywhere).')
param location string

@description('Tags for the resource.')
param tags object = {}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'FormRecognizer'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = account.name
output id string = account.id
output endpoint string = account.properties.endpoint
