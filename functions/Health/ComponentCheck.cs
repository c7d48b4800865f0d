using System.Text.Json.Serialization;

namespace Etransactions.Functions.Health;

/// <summary>One service's answer: <c>up</c> or <c>down</c>, how long it took, and for a down one why.</summary>
public sealed record ComponentCheck(
    string Status,
    long DurationMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null)
{
    public const string Up = "up";
    public const string Down = "down";

    [JsonIgnore]
    public bool IsUp => Status == Up;
}
