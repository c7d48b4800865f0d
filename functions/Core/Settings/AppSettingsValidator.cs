using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Etransactions.Functions.Core.Settings;

/// <summary>
/// Validates an options class by its DataAnnotations and then its <see cref="IValidatableObject"/> rules,
/// reporting each failure by the app setting's name. <see cref="RequiredAttribute"/> without a message reads
/// "is missing"; other attributes should carry an <c>ErrorMessage</c> that reads after the name
/// ("must be a whole number from {1} to {2}"). A rule names its settings through the member names of its
/// <see cref="ValidationResult"/>.
/// </summary>
internal sealed class AppSettingsValidator<T>(IConfiguration configuration) : IValidateOptions<T>
    where T : class
{
    private static readonly IReadOnlyList<AppSetting> Settings = AppSettings.Of(typeof(T));

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        foreach (var setting in Settings)
        {
            var problem = FirstProblem(setting, options);
            if (problem is not null)
            {
                failures.Add(AppSettingMessages.Format(setting, problem, Raw(setting)));
            }
        }

        if (failures.Count == 0 && options is IValidatableObject rules)
        {
            foreach (var result in rules.Validate(new ValidationContext(options)))
            {
                failures.AddRange(Describe(result));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? FirstProblem(AppSetting setting, T options)
    {
        var value = setting.Property.GetValue(options);
        var context = new ValidationContext(options) { MemberName = setting.Property.Name, DisplayName = setting.Name };
        foreach (var attribute in setting.Property.GetCustomAttributes<ValidationAttribute>())
        {
            if (attribute.GetValidationResult(value, context) is { } failed)
            {
                return attribute is RequiredAttribute { ErrorMessage: null } ? "is missing" : failed.ErrorMessage;
            }
        }

        return null;
    }

    private IEnumerable<string> Describe(ValidationResult result)
    {
        var named = Settings.Where(setting => result.MemberNames.Contains(setting.Property.Name)).ToList();
        if (named.Count == 0)
        {
            return [$"App settings of {typeof(T).Name}: {result.ErrorMessage}"];
        }

        return named.Select(setting => AppSettingMessages.Format(setting, result.ErrorMessage ?? "is not valid", Raw(setting)));
    }

    private string? Raw(AppSetting setting) =>
        configuration[setting.ConfigurationKey] is { } raw && !string.IsNullOrWhiteSpace(raw) ? raw.Trim() : null;
}
