using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>
/// <c>GET /api/calendar/{year}</c> (anyone): the newest version of the year's working-time calendar, or
/// <c>?version=N</c>; 404 for a year or version never published.
/// </summary>
public sealed class GetCalendarFunction(CalendarStore calendars)
{
    public const string Name = "getCalendar";

    [Function(Name)]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/calendar/{year}")] HttpRequest request, string year)
    {
        var calendarYear = CalendarValidation.ParseYear(year);
        var version = VersionQuery.Parse(request);
        var published = await calendars.GetAsync(calendarYear, version, request.HttpContext.RequestAborted)
            ?? throw new NotFoundException(version is null
                ? $"Chưa công bố lịch làm việc năm {calendarYear} / No working calendar is published for {calendarYear}."
                : $"Lịch làm việc năm {calendarYear} không có phiên bản {version} / The working calendar of {calendarYear} has no version {version}.");
        return TypedResults.Json(CalendarView.Of(published), AppJson.Options);
    }
}
