using System.Globalization;
using Etransactions.Functions.ActiveUsers.Counting;
using Etransactions.Functions.ActiveUsers.Storage;
using Etransactions.Functions.Core;

namespace Etransactions.Functions.ActiveUsers.Intake;

/// <summary>
/// Accepted events gathered by day (in Vietnam) and region, as user keys, with each month's events: what
/// one batch, or one part of a file, writes. Days are kept as numbers, so adding an event allocates nothing.
/// </summary>
public sealed class ActivityBuckets
{
    private static readonly long VietnamOffsetTicks = VietnamTime.Offset.Ticks;

    private readonly Dictionary<(int Day, bool InVietnam), KeyBuffer> _days = [];
    private readonly Dictionary<int, (long Events, long InVietnam)> _months = [];

    /// <summary>How many keys are held, repeats included: what a file's part is flushed by.</summary>
    public long Keys { get; private set; }

    public void Add(ActivityEvent activity)
    {
        var day = (int)((activity.At.UtcTicks + VietnamOffsetTicks) / TimeSpan.TicksPerDay);
        if (!_days.TryGetValue((day, activity.InVietnam), out var buffer))
        {
            buffer = new KeyBuffer();
            _days[(day, activity.InVietnam)] = buffer;
        }
        buffer.Add(activity.User);
        Keys++;
        var month = MonthNumber(day);
        _months.TryGetValue(month, out var events);
        _months[month] = (events.Events + 1, events.InVietnam + (activity.InVietnam ? 1 : 0));
    }

    /// <summary>Each day and region with its keys sorted and distinct.</summary>
    public IEnumerable<(string Day, Region Region, ReadOnlyMemory<ulong> Keys)> Days()
    {
        foreach (var ((day, inVietnam), buffer) in _days)
        {
            yield return (DayName(day), inVietnam ? Region.InVietnam : Region.Abroad, buffer.SortDistinct());
        }
    }

    /// <summary>Each month (<c>yyyy-MM</c>) with its events and those of users in Vietnam.</summary>
    public IEnumerable<(string Month, long Events, long InVietnam)> Months() =>
        _months.Select(month => (MonthName(month.Key), month.Value.Events, month.Value.InVietnam));

    public void Clear()
    {
        _days.Clear();
        _months.Clear();
        Keys = 0;
    }

    private static DateOnly Date(int day) => DateOnly.FromDayNumber(day);

    private static string DayName(int day) => Date(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int MonthNumber(int day) => (Date(day).Year * 12) + Date(day).Month - 1;

    private static string MonthName(int month) => string.Create(CultureInfo.InvariantCulture, $"{month / 12:D4}-{(month % 12) + 1:D2}");

    /// <summary>A growing array of keys, sorted and made distinct in place when written.</summary>
    private sealed class KeyBuffer
    {
        private ulong[] _keys = new ulong[1024];
        private int _count;

        public void Add(ulong key)
        {
            if (_count == _keys.Length)
            {
                Array.Resize(ref _keys, _keys.Length * 2);
            }
            _keys[_count++] = key;
        }

        public ReadOnlyMemory<ulong> SortDistinct()
        {
            _count = KeySet.SortDistinct(_keys.AsSpan(0, _count));
            return _keys.AsMemory(0, _count);
        }
    }
}
