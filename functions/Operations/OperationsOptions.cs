using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.Operations;

public sealed class OperationsOptions
{
    /// <summary>Days after which the history of a finished orchestration is purged.</summary>
    [ConfigurationKeyName("ORCHESTRATION_HISTORY_RETENTION_DAYS")]
    [Range(1, 3650, ErrorMessage = "must be a whole number from {1} to {2}")]
    public int HistoryRetentionDays { get; set; } = 90;
}
