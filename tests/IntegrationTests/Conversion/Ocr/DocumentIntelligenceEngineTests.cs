using Azure.Core;
using Azure.Core.Pipeline;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents;
using Etransactions.Functions.Conversion.Documents.Ocr;
using Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;
using Etransactions.Functions.Conversion.Documents.Pdf;
using Etransactions.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp;

namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>The Document Intelligence engine against a fake of the REST API on 127.0.0.1 over https.</summary>
public sealed class DocumentIntelligenceEngineTests : IAsyncDisposable
{
    /// <summary>A credential that hands out a fixed token, as the managed identity would a real one.</summary>
    private static readonly TokenCredential Credential =
        DelegatedTokenCredential.Create((_, _) => new AccessToken("test-token", DateTimeOffset.UtcNow.AddHours(1)));

    private FakeDocumentIntelligence? _fake;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }

    [Fact]
    public async Task RecognizeAsync_ThrottledThenRunning_WaitsPollsAndReadsEveryPageInPoints()
    {
        var (pdf, inspected) = await VietnameseScans.PdfAsync(3);
        var engine = await EngineAsync(new FakeBehaviour(ThrottleFirst: true, RunningPolls: 2));

        var pages = await ReadAsync(engine, pdf, inspected, [0, 1, 2]);

        Assert.Equal([0, 1, 2], pages.Select(page => page.Index));
        Assert.Equal(string.Join('\n', FakeDocumentIntelligence.Lines(2)), pages[1].Text);
        Assert.Equal(0.99, pages[0].Confidence, 3);
        // One inch from the left and the top is 72 points, from the top left of the page as displayed.
        var first = pages[0].Words[0];
        Assert.Equal("Trang", first.Text);
        Assert.Equal(72, first.X, 0);
        Assert.Equal(72, first.Y, 0);
        Assert.Equal(0.2 * 72, first.Height, 0);
        var posts = Requests("POST");
        Assert.Equal(2, posts.Count); // the throttled one and its retry, a second later as asked
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.9));
        Assert.Equal(("application/json", "Bearer test-token"), (posts[1].ContentType, posts[1].Authorization));
        Assert.Equal(pdf, posts[1].Document);
        Assert.Equal("2024-11-30", posts[1].Query["api-version"]);
        Assert.Equal("1-3", posts[1].Query["pages"]);
        Assert.Equal(3, Requests("GET").Count); // running, running, succeeded
    }

    [Fact]
    public async Task RecognizeAsync_PollAnsweredWithRetryAfter_WaitsAsLongAsTheServiceAsks()
    {
        var (png, inspected) = await VietnameseScans.PngAsync();
        var engine = await EngineAsync(new FakeBehaviour(RunningPolls: 1, PollRetryAfterSeconds: 1));

        await ReadAsync(engine, png, inspected, [0]);

        var polls = Requests("GET");
        Assert.Equal(2, polls.Count);
        Assert.True(polls[1].At - polls[0].At >= TimeSpan.FromSeconds(0.9), "polled again before the Retry-After had passed");
    }

    [Fact]
    public async Task RecognizeAsync_PagesLeftOut_AnalysesOnlyThePagesAskedForRangeByRange()
    {
        var (pdf, inspected) = await VietnameseScans.PdfAsync(5);
        var engine = await EngineAsync(options: new DocumentIntelligenceOptions { PagesPerRequest = 2 });

        var pages = await ReadAsync(engine, pdf, inspected, [0, 2, 3]);

        Assert.Equal([0, 2, 3], pages.Select(page => page.Index));
        Assert.Equal(["Trang 1", "Trang 3", "Trang 4"], pages.Select(page => page.Text.Split(':')[0]));
        Assert.Equal(["1,3", "4"], Requests("POST").Select(post => post.Query["pages"]));
    }

    [Fact]
    public async Task RecognizeAsync_MultiPageTiff_SendsItWholeNamingThePagesToRead()
    {
        var (tiff, inspected) = await VietnameseScans.TiffAsync(3);
        var engine = await EngineAsync();

        var page = Assert.Single(await ReadAsync(engine, tiff, inspected, [1]));

        Assert.Equal((1, "Trang 2"), (page.Index, page.Text.Split(':')[0]));
        var post = Assert.Single(Requests("POST"));
        Assert.Equal("2", post.Query["pages"]);
        Assert.Equal(tiff, post.Document);
    }

    [Fact]
    public async Task RecognizeAsync_Image_SendsItWholeAndTurnsPixelsIntoPoints()
    {
        var (png, inspected) = await VietnameseScans.PngAsync();
        var page = inspected.Pages[0];
        var engine = await EngineAsync(new FakeBehaviour(PixelPage: (page.WidthPx, page.HeightPx)));

        var read = Assert.Single(await ReadAsync(engine, png, inspected, [0]));

        // 200 pixels at 200 dpi: one inch, 72 points.
        Assert.Equal((72, 72), (Math.Round(read.Words[0].X), Math.Round(read.Words[0].Y)));
        Assert.Contains("Nguyễn Văn Đức", read.Text, StringComparison.Ordinal);
        var post = Assert.Single(Requests("POST"));
        Assert.Equal(png, post.Document);
        Assert.False(post.Query.ContainsKey("pages"), "an image is one page: no pages to name");
    }

    [Fact]
    public async Task RecognizeAsync_JpegMarkedAsRotated_SendsTheImageUpright()
    {
        var (jpeg, inspected) = await VietnameseScans.SidewaysJpegAsync();
        var engine = await EngineAsync();

        await ReadAsync(engine, jpeg, inspected, [0]);

        var sent = Image.Identify(Assert.Single(Requests("POST")).Document);
        Assert.Equal((inspected.Pages[0].WidthPx, inspected.Pages[0].HeightPx), (sent.Width, sent.Height));
        Assert.True(Image.Identify(jpeg).Width > Image.Identify(jpeg).Height, "the photo as uploaded lies on its side");
    }

    [Fact]
    public async Task BuildAsync_PagesReadByTheService_GiveATextLayerPdftotextSearches()
    {
        var (pdf, inspected) = await VietnameseScans.PdfAsync(3);
        var engine = await EngineAsync();

        var built = await new DataMessageBuilder(NullLogger<DataMessageBuilder>.Instance)
            .BuildAsync(pdf, inspected, "vie+eng", Pdf.Building.Symbol, engine, Cancellation);

        Assert.Equal("azure-document-intelligence", built.Ocr.Engine);
        Assert.All(built.Pages, page => Assert.Equal(PageTextSource.Ocr, page.Source));
        var third = await Pdf.PdfTools.SearchableTextAsync(built.Pdf, 3);
        Assert.Contains(string.Join(' ', FakeDocumentIntelligence.Lines(3)), third, StringComparison.Ordinal);
        Assert.DoesNotContain("Trang 1:", third, StringComparison.Ordinal);
    }

    private async Task<DocumentIntelligenceEngine> EngineAsync(FakeBehaviour? behaviour = null, DocumentIntelligenceOptions? options = null)
    {
        _fake = await FakeDocumentIntelligence.StartAsync(behaviour);
        return Engine(_fake.Endpoint, options ?? new DocumentIntelligenceOptions(), _fake);
    }

    internal static DocumentIntelligenceEngine Engine(Uri endpoint, DocumentIntelligenceOptions options, FakeDocumentIntelligence? fake)
    {
        options.PollInterval = TimeSpan.FromMilliseconds(10);
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = 2;
        if (fake is not null)
        {
            options.Transport = new HttpClientTransport(SelfSignedTls.TrustingOnly(fake.Certificate));
        }

        return new DocumentIntelligenceEngine(endpoint, Credential, options, NullLogger<DocumentIntelligenceEngine>.Instance);
    }

    internal static async Task<List<OcrPage>> ReadAsync(DocumentIntelligenceEngine engine, byte[] scan, InspectedScan inspected, int[] indexes)
    {
        var pages = new List<OcrPage>();
        await foreach (var page in engine.RecognizeAsync(new OcrRequest(scan, inspected, "vie+eng", indexes), Cancellation))
        {
            pages.Add(page);
        }

        return pages;
    }

    private List<FakeRequest> Requests(string method) => [.. _fake!.Requests.Where(request => request.Method == method)];
}
