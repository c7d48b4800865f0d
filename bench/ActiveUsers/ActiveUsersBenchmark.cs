using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Etransactions.Bench.Conversion;
using Etransactions.Bench.Measuring;

namespace Etransactions.Bench.ActiveUsers;

/// <summary>
/// `dotnet run -c Release --project bench -- active-users`: 20 million seeded events of 4 million users over 30
/// days for one platform (<see cref="SyntheticActivity"/>), counted by the app's path (the activity-file reader,
/// key-set chunks, compaction, the finalizing merge) and, in the same run, by a naive baseline: the same parser
/// and a HashSet of the hex ids. Each phase is a child process of its own, its peak memory (RSS of the process)
/// sampled from /proc; rates are taken from each phase's own time less the time to make and split the lines,
/// which both sides spend alike. Then the finalizing merge of a month of 20 million users, and the baseline's
/// memory at that size. BENCH_USERS and BENCH_EVENTS make a smaller run. The last line is one JSON object.
/// </summary>
internal static class ActiveUsersBenchmark
{
    public const string Command = "active-users";

    private const double MB = 1024 * 1024;

    public static async Task<int> RunAsync()
    {
        var users = Setting("BENCH_USERS", 4_000_000);
        var events = Setting("BENCH_EVENTS", 20_000_000L);
        var bigUsers = Setting("BENCH_USERS_20M", 20_000_000);
        var folder = Directory.CreateTempSubdirectory("bench-active-users-").FullName;
        try
        {
            Console.WriteLine($"Active users: {SyntheticActivity.Describe(users, events)}, {Environment.ProcessorCount} cores, load {LoadAverage()}");
            var generate = await PhaseAsync("generate", users, events, folder);
            var intake = await PhaseAsync("intake", users, events, Path.Combine(folder, "sets"));
            var baseline = await PhaseAsync("baseline", users, events, folder);
            var compact = await PhaseAsync("compact", users, events, Path.Combine(folder, "sets"));
            var finalize = await PhaseAsync("finalize", users, events, Path.Combine(folder, "sets"));
            Console.WriteLine($"Day-sets of a month of {bigUsers:N0} users…");
            await PhaseAsync("daysets", bigUsers, (long)bigUsers * events / users, Path.Combine(folder, "big"));
            var finalizeBig = await PhaseAsync("finalize", bigUsers, 0, Path.Combine(folder, "big"));
            var baselineBig = await PhaseAsync("baseline", bigUsers, bigUsers, folder);

            var count = finalize.Report["count"]!.GetValue<long>();
            var baselineCount = baseline.Report["count"]!.GetValue<long>();
            var intakeRate = events / Math.Max(0.001, intake.Seconds - generate.Seconds);
            var baselineRate = events / Math.Max(0.001, baseline.Seconds - generate.Seconds);
            var userDays = compact.Report["userDays"]!.GetValue<long>();
            var figures = new JsonObject
            {
                ["users"] = users,
                ["events"] = events,
                ["count"] = count,
                ["baselineCount"] = baselineCount,
                ["generateSeconds"] = Round(generate.Seconds),
                ["intakeEventsPerSecond"] = Math.Round(intakeRate),
                ["baselineEventsPerSecond"] = Math.Round(baselineRate),
                ["intakeRatio"] = Round(intakeRate / baselineRate),
                ["peakMemoryMB"] = Round(intake.PeakMB),
                ["baselinePeakMemoryMB"] = Round(baseline.PeakMB),
                ["memoryRatio"] = Round(intake.PeakMB / baseline.PeakMB),
                ["floorMemoryMB"] = Round(generate.PeakMB),
                ["compactSeconds"] = Round(compact.Seconds),
                ["finalizeSeconds"] = Round(finalize.Seconds),
                ["finalizePeakMemoryMB"] = Round(finalize.PeakMB),
                ["bytesPerUserDay"] = Round((double)compact.Report["bytes"]!.GetValue<long>() / userDays),
                ["users20M"] = bigUsers,
                ["count20M"] = finalizeBig.Report["count"]!.GetValue<long>(),
                ["finalizeSeconds20M"] = Round(finalizeBig.Seconds),
                ["finalizePeakMemoryMB20M"] = Round(finalizeBig.PeakMB),
                ["baselinePeakMemoryMB20M"] = Round(baselineBig.PeakMB),
                ["baselineCount20M"] = baselineBig.Report["count"]!.GetValue<long>(),
            };

            Console.WriteLine();
            Console.WriteLine($"count                 {count:N0}, baseline {baselineCount:N0}: {(count == baselineCount && count == users ? "equal, exact" : "DIFFERENT")}");
            Console.WriteLine($"intake                {intakeRate:N0} events/s, baseline {baselineRate:N0}: ratio {intakeRate / baselineRate:0.00} (goal ≥ 2)");
            Console.WriteLine($"intake peak memory    {intake.PeakMB:N0} MB, baseline {baseline.PeakMB:N0} MB: ratio {intake.PeakMB / baseline.PeakMB:0.000} (goal ≤ 0.1); a process that only makes the lines: {generate.PeakMB:N0} MB");
            Console.WriteLine($"compaction            {compact.Seconds:0.00} s for {userDays:N0} user-days: {(double)compact.Report["bytes"]!.GetValue<long>() / userDays:0.00} bytes a user a day (goal ≤ 8)");
            Console.WriteLine($"finalize, {users / 1e6:0.#}M users    {finalize.Seconds:0.00} s, {finalize.PeakMB:N0} MB (goals < 5 s, < 256 MB)");
            Console.WriteLine($"finalize, {bigUsers / 1e6:0.#}M users   {finalizeBig.Seconds:0.00} s, {finalizeBig.PeakMB:N0} MB, count {finalizeBig.Report["count"]!.GetValue<long>():N0} (goals < 30 s, < 512 MB); the baseline's memory at {bigUsers / 1e6:0.#}M users: {baselineBig.PeakMB:N0} MB");
            Console.WriteLine(figures.ToJsonString(BenchJson.Options));
            return count == baselineCount ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Phase> PhaseAsync(string phase, int users, long events, string folder)
    {
        Console.WriteLine($"  {phase}…");
        Directory.CreateDirectory(folder);
        var (command, prefix) = BenchRun.Self();
        var process = await MeasuredProcess.RunAsync(command, [.. prefix, ActiveUsersWorker.Command, phase,
            users.ToString(CultureInfo.InvariantCulture), events.ToString(CultureInfo.InvariantCulture), folder]);
        var line = JsonNode.Parse(process.Stdout.Trim().Split('\n')[^1])!;
        var result = new Phase(line["seconds"]!.GetValue<double>(), process.PeakRssBytes / MB, line["report"]!);
        Console.WriteLine($"  {phase}: {result.Seconds:0.00} s, peak {result.PeakMB:N0} MB, {result.Report.ToJsonString()}");
        return result;
    }

    private sealed record Phase(double Seconds, double PeakMB, JsonNode Report);

    private static T Setting<T>(string name, T fallback) where T : IParsable<T> =>
        T.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static double Round(double value) => Math.Round(value, 3);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
