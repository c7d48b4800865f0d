namespace Etransactions.Local.Admin;

/// <summary>
/// The host's admin API: the functions it serves, `POST /admin/functions/{name}` to run any non-HTTP
/// function by hand as the Functions host allows, `/admin/clock` to move the app's clock, and the development
/// OpenID Connect provider with `POST /admin/tokens` (<see cref="TokenEndpoints"/>).
/// </summary>
public sealed record AdminEndpoints(FunctionCatalog Functions, MovableClock Clock, TimerTriggers Timers, BlobTriggers Blobs, QueueTriggers Queues, DevelopmentIssuer Issuer, string Version)
{
    public void Map(WebApplication app)
    {
        app.MapGet("/admin/host/status", () => Results.Ok(new { state = "Running", version = Version, now = Clock.GetUtcNow() }));
        app.MapGet("/admin/functions", () => Results.Ok(Functions.All.Select(function => new
        {
            name = function.Name,
            trigger = function.TriggerType,
            route = function.Property("route"),
            schedule = function.Property("schedule"),
            path = function.Property("path"),
            queueName = function.Property("queueName"),
        })));
        app.MapPost("/admin/functions/{name}", RunAsync);
        app.MapGet("/admin/clock", () => Results.Ok(ClockView()));
        app.MapPost("/admin/clock", MoveClockAsync);
        TokenEndpoints.Map(app, Issuer);
    }

    /// <summary>Runs the function and answers when it has run: 202 when it succeeded, 500 with the error when not.</summary>
    private async Task<IResult> RunAsync(string name, HttpRequest request, CancellationToken cancellation)
    {
        if (Functions.Find(name) is not { } function)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: $"The app has no function named '{name}'.");
        }
        var input = (await ReadJsonAsync(request))?["input"]?.ToString() ?? "";
        Task<InvocationOutcome>? run = function.TriggerType.ToLowerInvariant() switch
        {
            "timertrigger" => Timers.RunNowAsync(function, cancellation),
            "blobtrigger" => Blobs.RunNowAsync(function, input, cancellation),
            "queuetrigger" => Queues.RunNowAsync(function, input, cancellation),
            _ => null,
        };
        if (run is null)
        {
            return Results.Problem(statusCode: 400, title: "Not runnable by hand",
                detail: $"'{name}' is a {function.TriggerType} function: call its route, or start its orchestration.");
        }
        var outcome = await run;
        return outcome.Succeeded
            ? Results.Accepted(value: new { invocationId = outcome.InvocationId, outcome = "succeeded" })
            : Results.Problem(statusCode: 500, title: "The function failed", detail: outcome.ErrorMessage, extensions: new Dictionary<string, object?> { ["invocationId"] = outcome.InvocationId });
    }

    private async Task<IResult> MoveClockAsync(HttpRequest request)
    {
        var body = await ReadJsonAsync(request);
        if (body?["now"]?.ToString() is not { } text || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var now))
        {
            return Results.Problem(statusCode: 400, title: "Invalid clock", detail: "Send { \"now\": \"<ISO-8601 time with offset>\" }.");
        }
        Clock.MoveTo(now);
        return Results.Ok(ClockView());
    }

    private object ClockView() => new { now = Clock.GetUtcNow(), offsetSeconds = (long)Clock.Offset.TotalSeconds };

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
