using System.Text.Json;
using Etransactions.Functions.Core;
using Etransactions.Functions.Dossiers.Calendar;

namespace Etransactions.UnitTests.Dossiers.Calendar;

/// <summary>local/Samples/calendar-2026.json, read and checked as a PUT of it is.</summary>
internal static class CalendarSample
{
    public static string Json { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "calendar-2026.json"));

    public static CalendarYear Year2026 { get; } = Read(Json);

    public static WorkingTime Time2026 { get; } = new([Year2026], WorkingHours.Default);

    /// <summary>A moment of 2026 in Vietnam time.</summary>
    public static DateTimeOffset Vietnam(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, VietnamTime.Offset);

    private static CalendarYear Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CalendarValidation.Validate("2026", document.RootElement);
    }
}
