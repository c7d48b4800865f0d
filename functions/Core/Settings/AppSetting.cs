using System.Reflection;

namespace Etransactions.Functions.Core.Settings;

/// <summary>One app setting bound to one property of an options class.</summary>
/// <param name="Name">The setting as written in app settings and environment variables: <c>AzureWebJobsStorage__accountName</c>.</param>
/// <param name="ConfigurationKey">The same as a configuration key: <c>AzureWebJobsStorage:accountName</c>.</param>
public sealed record AppSetting(string Name, string ConfigurationKey, Type OptionsType, PropertyInfo Property);
