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
    private readonly Stack<KeyBuffer> _free = [];
    private (int Day, bool InVietnam) _lastKey = (-1, false);
    private KeyBuffer? _last;

    /// <summary>How many keys are held, repeats included: what a file's part is flushed by.</summary>
    public long Keys { get; private set; }

    public void Add(ActivityEvent activity)
    {
        var key = ((int)((activity.At.UtcTicks + VietnamOffsetTicks) / TimeSpan.TicksPerDay), activity.InVietnam);
        // Events come mostly in runs of one day: the last bucket is kept at hand.
        if (key != _lastKey || _last is null)
        {
            if (!_days.TryGetValue(key, out _last))
            {
                _last = _free.TryPop(out var reused) ? reused : new KeyBuffer();
                _days[key] = _last;
            }
            _lastKey = key;
        }
        _last.Add(activity.User);
        Keys++;
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
        _days.GroupBy(day => MonthNumber(day.Key.Day)).Select(month => (
            MonthName(month.Key),
            month.Sum(day => (long)day.Value.Events),
            month.Where(day => day.Key.InVietnam).Sum(day => (long)day.Value.Events)));

    /// <summary>Empties the buckets for the next part, keeping their arrays: a file's parts reuse the same memory.</summary>
    public void Clear()
    {
        foreach (var buffer in _days.Values)
        {
            buffer.Reset();
            _free.Push(buffer);
        }
        _days.Clear();
        (_last, _lastKey) = (null, (-1, false));
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

        /// <summary>The events added, repeats of a user included (the keys become distinct only when written).</summary>
        public int Events { get; private set; }

        public void Add(ulong key)
        {
            Events++;
            if (_count == _keys.Length)
            {
                Array.Resize(ref _keys, _keys.Length * 2);
            }
            _keys[_count++] = key;
        }

        public void Reset() => (_count, Events) = (0, 0);

        public ReadOnlyMemory<ulong> SortDistinct()
        {
            _count = KeySet.SortDistinct(_keys.AsSpan(0, _count));
            return _keys.AsMemory(0, _count);
        }
    }
}
