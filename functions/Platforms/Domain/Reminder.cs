namespace Etransactions.Functions.Platforms.Domain;

/// <summary>A reminder <see cref="DaysBefore"/> days before a cycle's deadline, due at <see cref="At"/>.</summary>
public sealed record Reminder(int DaysBefore, DateTimeOffset At);
