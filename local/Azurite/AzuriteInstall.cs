namespace Etransactions.Local.Azurite;

/// <summary>`npm ci` of the Azurite version pinned in local/Azurite/package-lock.json, once per checkout.</summary>
public static class AzuriteInstall
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Installs when missing and returns the path of Azurite's entry script.</summary>
    public static async Task<string> EnsureAsync(string repositoryRoot, ILogger logger, CancellationToken cancellation)
    {
        var folder = Path.Combine(repositoryRoot, "local", "Azurite");
        var script = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "azurite.js");
        await InProcess.WaitAsync(cancellation);
        try
        {
            // Another process (a test run beside a local host) may install at the same moment.
            await using var crossProcess = await LockAsync(Path.Combine(folder, ".install.lock"), cancellation);
            if (File.Exists(script))
            {
                return script;
            }
            logger.LogInformation("Installing Azurite from the npm registry (first run only)");
            var install = ChildProcess.Start(new ProcessStartInfo("npm", "ci --no-fund --no-audit --loglevel=error") { WorkingDirectory = folder }, logger);
            await install.WaitForExitAsync(cancellation);
            if (install.ExitCode != 0 || !File.Exists(script))
            {
                throw new InvalidOperationException($"npm ci in {folder} failed (exit code {install.ExitCode}); is Node.js with npm installed?");
            }
            return script;
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellation);
            }
        }
    }
}
