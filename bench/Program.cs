using System.Globalization;
using Etransactions.Bench.ActiveUsers;
using Etransactions.Bench.Conversion;

// The benchmarks, one a command; the worker commands are the child processes the benchmarks measure.
return args switch
{
    [ConversionBenchmark.Command] => await ConversionBenchmark.RunAsync(),
    [ConversionWorker.Command, var warmUpScan, var scan, var output] => await ConversionWorker.RunAsync(warmUpScan, scan, output),
    [ActiveUsersBenchmark.Command] => await ActiveUsersBenchmark.RunAsync(),
    [ActiveUsersWorker.Command, var phase, var users, var events, var folder] =>
        await ActiveUsersWorker.RunAsync(phase, int.Parse(users, CultureInfo.InvariantCulture), long.Parse(events, CultureInfo.InvariantCulture), folder),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine($"Usage: dotnet run -c Release --project bench -- {ConversionBenchmark.Command}|{ActiveUsersBenchmark.Command}");
    return 2;
}
