namespace Etransactions.Local.Processes;

/// <summary>
/// The processes a local host started (and the host itself), kept in a file of its state folder, so that
/// the next start can clear a worker or an Azurite that a crashed host left running.
/// </summary>
public sealed class ProcessRegistry(string stateDirectory, ILogger logger)
{
    private readonly string _file = Path.Combine(stateDirectory, "processes.json");
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];

    public sealed record Entry(string Role, int ProcessId, DateTime StartTimeUtc);

    /// <summary>Stops what an earlier host left; refuses to start beside a host that still runs.</summary>
    public async Task ClearStaleAsync()
    {
        // The latest first: the worker before the Azurite it writes to.
        foreach (var entry in Enumerable.Reverse(Read()))
        {
            if (!IsAlive(entry))
            {
                continue;
            }
            if (entry.Role == "host")
            {
                throw new InvalidOperationException(
                    $"Another local host (process {entry.ProcessId}) runs on this data folder; stop it first.");
            }
            logger.LogWarning("Stopping the {Role} (process {ProcessId}) left by an earlier run", entry.Role, entry.ProcessId);
            ChildProcess.Terminate(entry.ProcessId);
            await WaitForExitAsync(entry, TimeSpan.FromSeconds(10));
        }
        Record("host", Environment.ProcessId, Process.GetCurrentProcess().StartTime);
    }

    public void Record(string role, int processId, DateTime startTime)
    {
        lock (_lock)
        {
            _entries.RemoveAll(entry => entry.Role == role);
            _entries.Add(new Entry(role, processId, startTime.ToUniversalTime()));
            Write();
        }
    }

    public void Forget(string role)
    {
        lock (_lock)
        {
            _entries.RemoveAll(entry => entry.Role == role);
            Write();
        }
    }

    /// <summary>The entries as written now, for a test or an operator to see what runs.</summary>
    public static IReadOnlyList<Entry> ReadFrom(string stateDirectory) => new ProcessRegistry(stateDirectory, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).Read();

    private List<Entry> Read()
    {
        try
        {
            return JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(_file)) ?? [];
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return [];
        }
    }

    private void Write()
    {
        var temporary = _file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_entries));
        File.Move(temporary, _file, overwrite: true);
    }

    /// <summary>Alive and the same process: a process id can be reused after a reboot.</summary>
    public static bool IsAlive(Entry entry)
    {
        try
        {
            using var process = Process.GetProcessById(entry.ProcessId);
            return !process.HasExited
                && Math.Abs((process.StartTime.ToUniversalTime() - entry.StartTimeUtc).TotalSeconds) < 1;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task WaitForExitAsync(Entry entry, TimeSpan grace)
    {
        var deadline = DateTime.UtcNow + grace;
        while (IsAlive(entry))
        {
            if (DateTime.UtcNow > deadline)
            {
                using var process = Process.GetProcessById(entry.ProcessId);
                process.Kill(entireProcessTree: true);
                return;
            }
            await Task.Delay(100);
        }
    }
}
