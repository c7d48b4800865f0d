using Etransactions.TestSupport.Scans;

namespace Etransactions.IntegrationTests.Conversion.Pipeline;

/// <summary>Bad uploads are rejected with their reason in both languages, and left where they are, unchanged.</summary>
[Collection(ConversionTests.Name)]
public sealed class RejectionTests(SharedConversionApp shared)
{
    private const string Converter = "Nguyễn Văn Đức";
    private readonly ConversionApp _conversion = shared.App;
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Uploads => new()
    {
        { "bom.png", "bomb", "too-many-pixels" },
        { "gia.pdf", "fake-pdf", "type-mismatch" },
        { "cut.pdf", "truncated", "corrupt" },
        { "cut.png", "truncated-png", "corrupt" },
        { "khoa.pdf", "encrypted", "encrypted" },
        { "thieu-ten.png", "no-converter", "missing-converter" },
        { "ten-trong.png", "blank-converter", "missing-converter" },
        { "ma-hoa.png", "bad-encoding", "bad-metadata-encoding" },
        { "muc-dich.pdf", "bad-purpose", "bad-purpose" },
        { "ngon-ngu.pdf", "bad-language", "bad-language" },
        { "co.pdf", "bad-flag", "bad-flag" },
        { "tai-lieu.docx", "text", "unsupported-type" },
        { "ngoai-co-quan.pdf", "outside-any-agency", "bad-path" },
        { "chu-han.pdf", "foreign-script", "symbol-block" },
    };

    [Theory]
    [MemberData(nameof(Uploads))]
    public async Task BadUpload_IsRejectedWithItsReasonAndLeftInPlace(string name, string kind, string code)
    {
        var png = await TestScans.PngAsync();
        var bytes = kind switch
        {
            "bomb" => TestScans.BombPng(),
            "fake-pdf" => await TestScans.FakePdfAsync(),
            "truncated" => await TestScans.TruncatedPdfAsync(),
            "truncated-png" => png[..^20],
            "encrypted" => await TestScans.EncryptedPdfAsync(),
            "no-converter" or "blank-converter" or "bad-encoding" => png,
            _ => TestScans.TextPdf(),
        };
        // As stored: percent-encoded where the contract says, the faults as a careless client makes them.
        var metadata = new Dictionary<string, string> { ["converter"] = Uri.EscapeDataString(Converter) };
        switch (kind)
        {
            case "no-converter": metadata.Clear(); break;
            case "blank-converter": metadata["converter"] = "%20%20"; break;
            case "bad-encoding": metadata["converter"] = "S%E1%BB"; break;
            case "bad-purpose": metadata["purpose"] = "marketing"; break;
            case "bad-language": metadata["language"] = "klingon"; break;
            case "bad-flag": metadata["sign"] = "maybe"; break;
            case "foreign-script": metadata["converter"] = Uri.EscapeDataString("東京都庁"); break;
        }
        var agency = ConversionApp.NewAgency();
        var nameInContainer = kind == "outside-any-agency" ? $"{agency}-{name}" : $"{agency}/{name}";
        var blob = await _conversion.UploadRawAsync(nameInContainer, bytes, metadata);

        var status = await _conversion.SettledAsync(blob);

        Assert.Equal("rejected", status["status"]!.GetValue<string>());
        Assert.Equal(code, status["reason"]!["code"]!.GetValue<string>());
        Assert.True(status["reason"]!["vi"]!.GetValue<string>().Length > 10);
        Assert.True(status["reason"]!["en"]!.GetValue<string>().Length > 10);
        Assert.Null(status["lookupCode"]);
        var left = _conversion.Scans.GetBlobClient(nameInContainer);
        Assert.Equal(bytes, (await left.DownloadContentAsync(Cancellation)).Value.Content.ToArray());
        Assert.Equal(metadata, (await left.GetPropertiesAsync(cancellationToken: Cancellation)).Value.Metadata);
        Assert.Empty(await _conversion.StoredFilesAsync(agency));
    }

    [Fact]
    public async Task UploadOverTheSizeLimit_IsRejectedFromItsPropertiesBeforeItsContentIsLookedAt()
    {
        // Zeros are no PDF: had the content been read first, this would be a type mismatch.
        var blob = await _conversion.UploadAsync(ConversionApp.NewAgency(), "lon.pdf", new byte[SharedConversionApp.MaxBytes + 1], new Dictionary<string, string> { ["converter"] = Converter });

        var status = await _conversion.SettledAsync(blob);

        Assert.Equal("too-large", status["reason"]!["code"]!.GetValue<string>());
        Assert.Contains($"limit {SharedConversionApp.MaxBytes}", status["reason"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
