using System.Globalization;
using Etransactions.Functions.ApiKeys;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Notifications;

/// <summary>
/// <c>GET /api/notifications?platformId=&amp;type=&amp;limit=</c>: the notifications sent, newest first. The
/// regulator sees all, filtered by platform and type when asked; a platform's key sees only its own.
/// </summary>
public sealed class ListNotificationsFunction(ApiKeyAuthenticator authenticator, NotificationStore store)
{
    public const string Name = "listNotifications";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/notifications")] HttpRequest request)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var caller = await authenticator.AuthenticateAsync(request, cancellation);
        var limit = LimitOf(request.Query["limit"].FirstOrDefault());
        var platformId = NonEmpty(request.Query["platformId"].FirstOrDefault()) ?? (caller as Caller.Platform)?.PlatformId;
        if (platformId is null)
        {
            caller.RequireRegulator();
        }
        else
        {
            caller.RequirePlatformOrRegulator(platformId);
        }

        var found = await store.ListAsync(new NotificationFilter(platformId, NonEmpty(request.Query["type"].FirstOrDefault()), limit), cancellation);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new { count = found.Count, notifications = found.Select(stored => stored.ToJsonObject()) }, AppJson.Options);
    }

    private static int LimitOf(string? text)
    {
        if (text is null)
        {
            return DefaultLimit;
        }
        // Digits only: no sign, no spaces, no "1e3".
        if (text.Length is > 0 and <= 4 && text.All(char.IsAsciiDigit)
            && int.Parse(text, CultureInfo.InvariantCulture) is var limit and >= 1 and <= MaxLimit)
        {
            return limit;
        }
        throw new ValidationFailedException([new FieldError("limit", $"Một số nguyên từ 1 đến {MaxLimit} / A whole number from 1 to {MaxLimit}.")]);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
