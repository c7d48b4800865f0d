namespace Etransactions.Functions.Platforms.Domain;

/// <summary>The months (<c>YYYY-MM</c>, both included) a cycle's last month may be.</summary>
public sealed record MonthRange(string Earliest, string Latest);
