using System.Net.Http.Headers;
using Etransactions.Local.Identity;

namespace Etransactions.Local.Samples;

/// <summary>
/// What a walk-through needs and nobody should have to type: at the host's first start on a data folder, the 2026
/// working-time calendar and one sample procedure are put through the app's own API, as the regulator, and a
/// marker file in the host's state keeps it from happening again (a changed sample is put by hand).
/// </summary>
public static partial class SampleData
{
    public const string ProcedureCode = "2.000488";
    public const string MarkerFile = "samples-loaded";

    private static readonly (string Route, string File)[] Puts =
    [
        ("api/calendar/2026", "calendar-2026.json"),
        ($"api/procedures/{ProcedureCode}", "procedure-judicial-record.json"),
    ];

    public static async Task LoadOnceAsync(string repositoryRoot, string stateDirectory, Uri baseUri, DevelopmentIssuer issuer, ILogger logger, CancellationToken cancellation)
    {
        var marker = Path.Combine(stateDirectory, MarkerFile);
        if (File.Exists(marker))
        {
            return;
        }
        var (token, _) = issuer.Mint(new TokenRequest("local-host", "Máy chủ cục bộ", ["regulator"], null, TimeSpan.FromMinutes(10)));
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var (route, file) in Puts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, route)
            {
                Content = new StringContent(await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "local", "Samples", file), cancellation), System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Loading the sample {file} into {route} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellation)}");
            }
            LogLoaded(logger, file, route);
        }
        await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), cancellation);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample {File} put at {Route}")]
    private static partial void LogLoaded(ILogger logger, string file, string route);
}
