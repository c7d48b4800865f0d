namespace Etransactions.Local;

/// <summary>What one run of the local host serves, and where it keeps its state.</summary>
public sealed record LocalHostOptions
{
    /// <summary>The repository root: host.json and local.settings(.sample).json are there.</summary>
    public required string RepositoryRoot { get; init; }

    public required string AppProject { get; init; }

    /// <summary>False: run the project's existing build output (tests build it beforehand).</summary>
    public bool Build { get; init; } = true;

    /// <summary>Port of the public HTTP endpoint (functions, admin, Durable webhooks); 0 picks a free one.</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Azurite's data and the host's own state (process ids, the clock).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Storage to use instead of starting Azurite (tests share one Azurite); null starts Azurite.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Blob, Queue and Table ports of the Azurite this host starts; 0 picks free ones.</summary>
    public AzuritePorts AzuritePorts { get; init; } = AzuritePorts.Standard;

    /// <summary>How often blob containers and queues are polled for new items.</summary>
    public TimeSpan PollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Settings set over those of local.settings.json (tests use this).</summary>
    public IReadOnlyDictionary<string, string> SettingOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Puts the sample calendar and procedure (local/Samples) through the app's API at the first start on this data folder.</summary>
    public bool LoadSamples { get; init; }

    /// <summary>Names the host's records in storage (timer schedules, blob receipts); apps sharing an account need their own. Null: from the app's name.</summary>
    public string? HostId { get; init; }
    public string StateDirectory => Path.Combine(DataDirectory, "local-host");
}

public sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    public static AzuritePorts Standard { get; } = new(10000, 10001, 10002);
    public static AzuritePorts Free { get; } = new(0, 0, 0);
}
