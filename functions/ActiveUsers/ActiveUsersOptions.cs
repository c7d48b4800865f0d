using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Etransactions.Functions.ActiveUsers;

public sealed class ActiveUsersOptions
{
    /// <summary>Days after a month ends (in Vietnam) that its late events are still taken; then it is finalized.</summary>
    [ConfigurationKeyName("ACTIVE_USERS_GRACE_DAYS")]
    [Range(0, 27, ErrorMessage = "must be a whole number from {1} to {2}")]
    public int GraceDays { get; set; } = 3;

    /// <summary>How far, in percent, a platform's own monthly figures may differ from the measured ones before the self-determination flags them.</summary>
    [ConfigurationKeyName("ACTIVE_USERS_DIFFERENCE_PERCENT")]
    [Range(0.0, 100.0, ErrorMessage = "must be a number from {1} to {2}")]
    public double DifferencePercent { get; set; } = 5;

    /// <summary>Largest activity request body, in bytes: 10,000 events at about 150 bytes each, with room.</summary>
    [ConfigurationKeyName("ACTIVITY_MAX_BODY_BYTES")]
    [Range(64 * 1024, 16 * 1024 * 1024, ErrorMessage = "must be a whole number from {1} to {2}")]
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
