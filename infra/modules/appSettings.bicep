// Applies the app settings to the function app. The list itself is in infra/main.bicep (appSettings),
// built there from the other modules' outputs; this module only writes it, after the app exists, so a
// setting may also use the app's own outputs (its host name, say). The settings replace whatever the app
// had: a setting set by hand in the portal is gone after the next `azd provision`.

@description('Name of the function app.')
param functionAppName string

@description('Every app setting, name to value. Values are addresses and names, never secrets: a secret is a Key Vault reference.')
param settings { *: string }

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
}
