using System.ComponentModel.DataAnnotations;

namespace Etransactions.Functions.Platforms.Domain;

/// <summary>
/// Active users in Vietnam in one month. <see cref="ActiveUsers"/> is read as any number, so that a negative
/// or fractional count is named by <see cref="Classifier.MonthsIssues"/> together with the months' order.
/// </summary>
/// <param name="Month"><c>YYYY-MM</c>.</param>
public sealed record MonthlyUsers(
    [RegularExpression(@"^\d{4}-(0[1-9]|1[0-2])$", ErrorMessage = "A month as YYYY-MM.")] string Month,
    decimal ActiveUsers);
