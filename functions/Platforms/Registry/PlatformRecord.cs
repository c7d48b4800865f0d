namespace Etransactions.Functions.Platforms.Registry;

/// <summary>A registered platform.</summary>
/// <param name="Revision">Increases with every change; earlier revisions are kept in the history.</param>
public sealed record PlatformRecord(
    string Id,
    string Name,
    Administrator Administrator,
    string Website,
    bool Intermediary,
    DateOnly OperatingSince,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    int Revision);
