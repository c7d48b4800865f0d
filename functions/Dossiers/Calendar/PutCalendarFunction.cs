using System.Text.Json;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary><c>PUT /api/calendar/{year}</c> (the regulator): publishes the year's calendar as its next version; 201 with the version as GET shows it.</summary>
public sealed partial class PutCalendarFunction(
    IActorAuthenticator authenticator, CalendarStore calendars, TimeProvider clock, ILogger<PutCalendarFunction> logger)
{
    public const string Name = "putCalendar";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/calendar/{year}")] HttpRequest request, string year)
    {
        var cancellation = request.HttpContext.RequestAborted;
        var actor = await authenticator.AuthenticateAsync(request, cancellation);
        actor.RequireRegulator();
        var body = await JsonBody.ReadAsync<JsonElement>(request);
        var calendar = CalendarValidation.Validate(year, body);
        var published = await calendars.PublishAsync(calendar, actor.Subject, clock.GetUtcNow(), cancellation);
        LogPublished(calendar.Year, published.Version, actor.Subject, calendar.Days.Holidays.Count, calendar.Days.CompensatoryDays.Count, calendar.Days.Swaps.Count);
        return TypedResults.Json(CalendarView.Of(published), AppJson.Options, statusCode: StatusCodes.Status201Created);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Working calendar {Year} version {Version} published by {Subject}: {Holidays} holidays, {CompensatoryDays} compensatory days, {Swaps} swaps")]
    private partial void LogPublished(int year, int version, string subject, int holidays, int compensatoryDays, int swaps);
}
