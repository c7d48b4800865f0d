using Etransactions.Functions.Core;
using Azure.Core.Pipeline;
using Etransactions.Functions.Conversion;
using Etransactions.Functions.Conversion.Documents.Ocr.DocumentIntelligence;
using Etransactions.TestSupport;

namespace Etransactions.IntegrationTests.Conversion.Ocr;

/// <summary>What the Document Intelligence engine makes of a service that throttles, fails, refuses or cannot be reached.</summary>
public sealed class DocumentIntelligenceFailureTests : IAsyncDisposable
{
    private FakeDocumentIntelligence? _fake;

    public async ValueTask DisposeAsync()
    {
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }

    [Fact]
    public async Task RecognizeAsync_ThrottledEveryTime_IsTransientWithTheServicesRetryAfter()
    {
        var failure = await Assert.ThrowsAsync<TransientException>(() => ReadAsync(new FakeBehaviour(ThrottleAlways: true)));

        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        // Azure.Core's retries ran first: the first try and two more.
        Assert.Equal(3, _fake!.Requests.Count);
    }

    [Fact]
    public async Task RecognizeAsync_ServiceUnavailable_IsTransient()
    {
        var failure = await Assert.ThrowsAsync<TransientException>(() => ReadAsync(new FakeBehaviour(FailWith: (503, "ServiceUnavailable", null))));

        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_DocumentTheServiceCannotRead_IsACorruptScanRejection()
    {
        var rejection = await Assert.ThrowsAsync<ScanRejectedException>(() => ReadAsync(new FakeBehaviour(FailWith: (400, "InvalidRequest", "InvalidContent"))));

        Assert.Equal("corrupt", rejection.Code);
        Assert.Single(_fake!.Requests); // never retried
    }

    [Fact]
    public async Task RecognizeAsync_AnalysisEndsFailedOverTheContent_IsACorruptScanRejection()
    {
        var rejection = await Assert.ThrowsAsync<ScanRejectedException>(() => ReadAsync(new FakeBehaviour(AnalysisFailsWith: "InvalidContent")));

        Assert.Equal("corrupt", rejection.Code);
    }

    [Fact]
    public async Task RecognizeAsync_AnalysisEndsFailedForTheServicesSake_IsTransient() =>
        await Assert.ThrowsAsync<TransientException>(() => ReadAsync(new FakeBehaviour(AnalysisFailsWith: "InternalServerError")));

    [Fact]
    public async Task RecognizeAsync_RequestRefused_IsAClearErrorNeitherRetriedNorARejection()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(new FakeBehaviour(FailWith: (403, "AuthenticationFailed", null))));

        Assert.Contains("403 AuthenticationFailed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_OperationLocationOnAnotherHost_IsNotPolledWithTheToken()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(new FakeBehaviour(OperationHost: "attacker.example")));

        Assert.DoesNotContain(_fake!.Requests, request => request.Method == "GET");
    }

    [Fact]
    public async Task RecognizeAsync_ServiceTooSlowToAnswer_IsTransient()
    {
        _fake = await FakeDocumentIntelligence.StartAsync(new FakeBehaviour(AnswerAfter: TimeSpan.FromSeconds(5)));
        var options = new DocumentIntelligenceOptions { Retry = { NetworkTimeout = TimeSpan.FromMilliseconds(300) } };
        var engine = DocumentIntelligenceEngineTests.Engine(_fake.Endpoint, options, _fake);
        var (png, inspected) = await VietnameseScans.PngAsync();

        var failure = await Assert.ThrowsAsync<TransientException>(() => DocumentIntelligenceEngineTests.ReadAsync(engine, png, inspected, [0]));

        Assert.Contains("cannot be reached", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecognizeAsync_EndpointUnreachable_IsTransient()
    {
        // Start the fake only to learn a free port, then stop it so nothing answers there.
        var fake = await FakeDocumentIntelligence.StartAsync();
        var endpoint = fake.Endpoint;
        var options = new DocumentIntelligenceOptions { Transport = new HttpClientTransport(SelfSignedTls.TrustingOnly(fake.Certificate)) };
        await fake.DisposeAsync();
        var engine = DocumentIntelligenceEngineTests.Engine(endpoint, options, fake: null);
        var (png, inspected) = await VietnameseScans.PngAsync();

        var failure = await Assert.ThrowsAsync<TransientException>(() => DocumentIntelligenceEngineTests.ReadAsync(engine, png, inspected, [0]));

        Assert.Contains("cannot be reached", failure.Message, StringComparison.Ordinal);
    }

    private async Task ReadAsync(FakeBehaviour behaviour)
    {
        _fake = await FakeDocumentIntelligence.StartAsync(behaviour);
        var engine = DocumentIntelligenceEngineTests.Engine(_fake.Endpoint, new DocumentIntelligenceOptions(), _fake);
        var (png, inspected) = await VietnameseScans.PngAsync();
        await DocumentIntelligenceEngineTests.ReadAsync(engine, png, inspected, [0]);
    }
}
