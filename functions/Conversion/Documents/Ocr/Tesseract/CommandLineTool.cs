using Etransactions.Functions.Core;
using System.ComponentModel;
using System.Diagnostics;

namespace Etransactions.Functions.Conversion.Documents.Ocr.Tesseract;

/// <summary>A command-line tool the local OCR runs (tesseract, pdftoppm), and how to install it when it is missing.</summary>
/// <param name="Path">The command, found on PATH, or a path to it.</param>
/// <param name="Install">What to install, for the message when it cannot be started.</param>
public sealed record CommandLineTool(string Path, string Install)
{
    // SIGKILL (the kernel's out-of-memory killer, a timeout) and SIGTERM (the host shutting down), as
    // .NET reports a child ended by a signal: 128 + the signal.
    private static readonly int[] KilledExitCodes = [128 + 9, 128 + 15];

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// Runs the tool to its end and returns what it wrote, whatever its exit code; the caller judges that.
    /// A tool that cannot be started is a configuration error (<see cref="InvalidOperationException"/>), one
    /// that runs past <paramref name="timeout"/> or is killed a <see cref="TransientException"/>.
    /// </summary>
    public async Task<Result> RunAsync(
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellation,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellation.ThrowIfCancellationRequested();
            throw new TransientException($"{Name} took longer than {timeout.TotalSeconds:0} s and was stopped");
        }

        var result = new Result(process.ExitCode, await stdout, await stderr);
        return KilledExitCodes.Contains(result.ExitCode)
            ? throw new TransientException($"{Name} was killed (exit code {result.ExitCode})")
            : result;
    }

    private string Name => System.IO.Path.GetFileName(Path);

    private Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{Path} cannot be started ({exception.Message}): install {Install}", exception);
        }
    }
}
