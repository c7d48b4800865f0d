using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Etransactions.Functions.Publication.Downloads;
using Etransactions.IntegrationTests.Platforms.Api;

namespace Etransactions.IntegrationTests.Publication;

/// <summary>The downloads through the local host: the published bytes, ETags and 304s, caching, the history, and bad versions.</summary>
[Collection(PublishedListGroup.Name)]
public sealed class ListDownloadTests(PublishedListApp published)
{
    private static readonly string[] Routes =
        ["api/lists/large-platforms", "api/lists/large-platforms.json", "api/lists/large-platforms.csv", "api/lists/large-platforms.json.p7s", "api/lists/large-platforms/versions"];

    private static readonly string[] FileQueries = ["", "?version=1"];
    private static readonly string[] PageQueries = ["", "?version=1", "?lang=en"];

    [Theory]
    [InlineData("json", "application/json; charset=utf-8", "inline")]
    [InlineData("csv", "text/csv; charset=utf-8; header=present", "attachment")]
    [InlineData("json.p7s", "application/pkcs7-signature", "attachment")]
    public async Task A_file_is_the_published_bytes_of_the_latest_or_the_version_asked_for(string extension, string contentType, string disposition)
    {
        foreach (var (query, version, caching) in new[] { ("", 2, HttpCaching.Latest), ("?version=1", 1, HttpCaching.Pinned), ("?version=2", 2, HttpCaching.Pinned) })
        {
            var (status, headers, body) = await GetAsync($"api/lists/large-platforms.{extension}{query}");

            Assert.Equal(200, status);
            var stored = await new BlobContainerClient(published.App.StorageConnectionString, "public-lists").GetBlobClient($"large-platforms/v{version}.{extension}").DownloadContentAsync(TestContext.Current.CancellationToken);
            Assert.Equal(stored.Value.Content.ToArray(), body);
            Assert.Equal(contentType, headers["Content-Type"]);
            Assert.Equal($"\"{Sha256(body)}\"", headers["ETag"]);
            Assert.Equal(caching, headers["Cache-Control"]);
            Assert.Equal($"{disposition}; filename=\"large-platforms-v{version}.{extension}\"", headers["Content-Disposition"]);
            Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        }
    }

    [Fact]
    public async Task The_csv_opens_in_excel_with_its_vietnamese_names_and_quotes_what_needs_it()
    {
        var (_, _, csv) = await GetAsync("api/lists/large-platforms.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.Equal(5, lines.Length);
        Assert.StartsWith(PublishedListApp.Growing + ",", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"Sàn <Sen> & \"\"Vàng\"\"\",", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_still_current_is_answered_304_without_a_body_and_a_stale_one_gets_the_file()
    {
        foreach (var route in Routes)
        {
            foreach (var query in route == Routes[0] ? PageQueries : FileQueries)
            {
                var url = route + query;
                var (_, headers, body) = await GetAsync(url);
                var etag = headers["ETag"];

                foreach (var ifNoneMatch in new[] { etag, $"W/{etag}", $"\"stale\", {etag}", "*" })
                {
                    var (status, again, rest) = await GetAsync(url, ifNoneMatch);
                    Assert.True(status == 304, $"{url} with If-None-Match {ifNoneMatch}: {status}");
                    Assert.Empty(rest);
                    Assert.Equal(etag, again["ETag"]);
                }
                var (fresh, _, full) = await GetAsync(url, "\"stale\"");
                Assert.Equal(200, fresh);
                Assert.Equal(body, full);
            }
        }
    }

    [Fact]
    public async Task The_history_lists_every_version_newest_first_with_what_changed_and_links_that_give_the_hashed_files()
    {
        var reply = await published.Api.SendAsync(HttpMethod.Get, "api/lists/large-platforms/versions");

        Assert.Equal(200, reply.Status);
        Assert.Equal(2, reply.Json["latest"]!.GetValue<int>());
        var versions = reply.Json["versions"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(version => version!["version"]!.GetValue<int>()));
        var latest = versions[0]!;
        Assert.Equal([PublishedListApp.Joining], latest["changes"]!["added"]!.AsArray().Select(change => change!["name"]!.GetValue<string>()));
        Assert.Equal("particularlyLarge", latest["changes"]!["scaleChanged"]![0]!["to"]!.GetValue<string>());
        Assert.Equal(3, latest["platforms"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(latest["signer"]!.GetValue<string>()));
        foreach (var version in versions)
        {
            foreach (var kind in new[] { "json", "csv", "signature" })
            {
                var file = version!["files"]![kind]!;
                var url = new Uri(file["url"]!.GetValue<string>());
                Assert.Equal(published.App.App.Http.BaseAddress!.Authority, url.Authority);
                var (status, _, body) = await GetAsync(url.PathAndQuery.TrimStart('/'));
                Assert.Equal(200, status);
                Assert.Equal(file["sha256"]!.GetValue<string>(), Sha256(body));
                Assert.Equal(file["bytes"]!.GetValue<long>(), body.Length);
            }
        }

        var one = await published.Api.SendAsync(HttpMethod.Get, "api/lists/large-platforms/versions?version=1");
        Assert.Equal((200, 1), (one.Status, one.Json["version"]!.GetValue<int>()));
        Assert.Equal(HttpCaching.Pinned, one.Header("Cache-Control"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("01")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("")]
    public async Task A_malformed_version_is_400_naming_the_parameter(string version)
    {
        foreach (var route in Routes)
        {
            var reply = await published.Api.SendAsync(HttpMethod.Get, $"{route}?version={Uri.EscapeDataString(version)}");

            Assert.True(reply.Status == 400, $"{route}?version={version}: {reply.Status} {reply.Text}");
            Assert.StartsWith("application/problem+json", reply.Header("Content-Type"), StringComparison.Ordinal);
            Assert.Equal(["version"], reply.Fields);
        }
    }

    [Fact]
    public async Task A_version_never_published_is_404_with_a_problem_body_and_a_language_unknown_is_400()
    {
        foreach (var route in Routes)
        {
            var reply = await published.Api.SendAsync(HttpMethod.Get, $"{route}?version=3");

            Assert.Equal(404, reply.Status);
            Assert.Equal("/problems/not-found", reply.Json["type"]!.GetValue<string>());
            Assert.Contains("the latest is 2", reply.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        var language = await published.Api.SendAsync(HttpMethod.Get, "api/lists/large-platforms?lang=fr");
        Assert.Equal(400, language.Status);
        Assert.Equal(["lang"], language.Fields);
    }

    [Fact]
    public async Task The_page_is_vietnamese_unless_asked_in_english_and_may_load_nothing_from_elsewhere()
    {
        var (status, headers, body) = await GetAsync("api/lists/large-platforms");
        var page = Encoding.UTF8.GetString(body);

        Assert.Equal(200, status);
        Assert.Equal("text/html; charset=utf-8", headers["Content-Type"]);
        Assert.Contains("<html lang=\"vi\">", page, StringComparison.Ordinal);
        Assert.Equal("vi", headers["Content-Language"]);
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Contains("Sàn &lt;Sen&gt; &amp; &quot;Vàng&quot;", page, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishedListApp.Steady, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        // Nothing is loaded (no src at all); the only links off this host are the platforms' own websites.
        Assert.DoesNotContain(" src=", page, StringComparison.OrdinalIgnoreCase);
        var offHost = Regex.Matches(page, "href=\"([^\"/#][^\"]*)\"").Select(link => new Uri(link.Groups[1].Value).Host).ToList();
        Assert.Equal(3, offHost.Count);
        Assert.All(offHost, host => Assert.EndsWith(".example.vn", host, StringComparison.Ordinal));

        var (_, english, englishBody) = await GetAsync("api/lists/large-platforms?lang=en");
        Assert.Contains("<html lang=\"en\">", Encoding.UTF8.GetString(englishBody), StringComparison.Ordinal);
        Assert.Equal("en", english["Content-Language"]);
    }

    private async Task<(int Status, Dictionary<string, string> Headers, byte[] Body)> GetAsync(string path, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        using var response = await published.App.App.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase);
        return ((int)response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
