namespace Etransactions.Functions.Notifications;

/// <summary>Which notifications to list: of one platform and/or of one type (null: any), at most <paramref name="Limit"/>.</summary>
public sealed record NotificationFilter(string? PlatformId, string? Type, int Limit);
