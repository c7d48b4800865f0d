using System.ComponentModel.DataAnnotations;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Platforms.Domain;

namespace Etransactions.Functions.Platforms.Statistics;

/// <summary>
/// The body of <c>PUT /api/platforms/{id}/statistics/{cycle}</c>. Shape only: the rules that need the clock,
/// the cycle or the population figure are checked by <see cref="StatisticsValidation"/>, together with these.
/// </summary>
/// <param name="Months">Monthly active users in Vietnam, oldest first.</param>
/// <param name="Intermediary">An intermediary platform whose administrator is independent of the transacting parties (Art. 18.1).</param>
/// <param name="Reason">Needed to change statistics after the regulator has accepted the cycle.</param>
public sealed record StatisticsBody(
    [MaxLength(60, ErrorMessage = "At most 60 months.")] IReadOnlyList<MonthlyUsers> Months,
    bool Intermediary,
    Measurement Measurement,
    Declarant Declarant,
    [Text(2000)] string? Reason = null);

/// <summary>How the active users were counted.</summary>
public sealed record Measurement([Text(1000)] string Method, [Text(300)] string Tool);

/// <summary>Who declares the statistics for the platform.</summary>
public sealed record Declarant([Text(200)] string Name, [Text(200)] string Position);
