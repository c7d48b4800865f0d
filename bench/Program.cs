using Etransactions.Bench.Conversion;

// The benchmarks, one a command; the worker commands are the child processes the benchmarks measure.
return args switch
{
    [ConversionBenchmark.Command] => await ConversionBenchmark.RunAsync(),
    [ConversionWorker.Command, var warmUpScan, var scan, var output] => await ConversionWorker.RunAsync(warmUpScan, scan, output),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine($"Usage: dotnet run -c Release --project bench -- {ConversionBenchmark.Command}");
    return 2;
}
