using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Etransactions.Functions.ActiveUsers.Files;
using Etransactions.Functions.ActiveUsers.Intake;

namespace Etransactions.UnitTests.ActiveUsers;

public sealed class ActivityFileReaderTests
{
    private static readonly ActivityWindow Window = new(new DateTimeOffset(2026, 1, 20, 3, 0, 0, TimeSpan.Zero), GraceDays: 3);

    [Fact]
    public async Task Lines_are_read_in_parts_of_bounded_size_and_every_good_one_is_counted_once()
    {
        var lines = Enumerable.Range(0, 10).Select(i => Line($"user {i}", "2026-01-19T10:00:00+07:00")).ToList();
        var reader = new ActivityFileReader(Window, partKeys: 3);
        var parts = new List<long>();

        await reader.ReadAsync(Gzip(string.Join("\r\n", lines)), part =>
        {
            parts.Add(part.Months().Sum(month => month.Events));
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        Assert.Equal([3L, 3, 3, 1], parts);
        Assert.Equal((10L, 10L, 0L), (reader.Lines, reader.Accepted, reader.Rejected));
    }

    [Fact]
    public async Task Bad_lines_are_reported_by_number_and_the_good_ones_around_them_counted()
    {
        string[] lines =
        [
            Line("an", "2026-01-19T10:00:00+07:00"),
            "",
            "{\"user\":\"an\"}",
            Line("binh", "2025-12-19T10:00:00+07:00"),
            new string('x', ActivityFileReader.MaxLineBytes + 10),
            Line("chi", "2026-01-19T10:00:00Z"),
        ];
        var reader = new ActivityFileReader(Window);
        long counted = 0;

        await reader.ReadAsync(Gzip(string.Join("\n", lines)), part =>
        {
            counted += part.Months().Sum(month => month.Events);
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        Assert.Equal((6L, 2L, 3L, 2L), (reader.Lines, reader.Accepted, reader.Rejected, counted));
        Assert.Equal([(3L, "user"), (4L, "at"), (5L, "(event)")], reader.Errors.Select(error => (error.Line, error.Field)));
    }

    [Fact]
    public async Task A_file_that_is_not_gzip_is_refused()
    {
        var reader = new ActivityFileReader(Window);

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Line("an", "2026-01-19T10:00:00Z"))), _ => Task.CompletedTask, TestContext.Current.CancellationToken));
    }

    private static string Line(string user, string at) =>
        $$"""{"user":"{{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user)))}}","at":"{{at}}","kind":"login","inVietnam":true}""";

    private static MemoryStream Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        output.Position = 0;
        return output;
    }
}
