using System.Text.Json.Nodes;

namespace Etransactions.Functions.Platforms.Domain;

/// <summary>One event of a determination. Its id is given by whoever writes it, so a repeated write adds nothing.</summary>
/// <param name="Status">The status after the event.</param>
public sealed record TimelineEntry(string Id, DateTimeOffset At, TimelineType Type, DeterminationStatus Status, JsonObject? Details = null);
