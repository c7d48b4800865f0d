using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Core;

/// <summary>
/// The Durable task hub. The host reads it (host.json: <c>%DURABLE_TASK_HUB%</c>); the app checks it at start
/// because a bad name fails only later, inside the host's extension, without naming the setting.
/// </summary>
public sealed class DurableOptions
{
    // Task hub names become table and queue names: 3-45 letters and digits, starting with a letter.
    [ConfigurationKeyName("DURABLE_TASK_HUB")]
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "must be 3-45 letters and digits, starting with a letter")]
    public string? TaskHub { get; set; }
}
