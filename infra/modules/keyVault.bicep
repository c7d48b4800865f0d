// Key Vault for the regulator API key (a secret) and the data-message signing certificate, whose
// private key never leaves the vault: the app asks the vault to sign (Decree 137 Art. 4.2.dd).
// Access is by Azure RBAC only; soft delete and purge protection keep keys from being lost.

@description('Name of the vault: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object = {}

@description('standard keeps keys in software; premium allows HSM-protected signing keys.')
@allowed(['standard', 'premium'])
param skuName string = 'standard'

@description('Days a deleted vault, key or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: skuName
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
