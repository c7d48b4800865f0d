using System.Text;
using Etransactions.Functions.Core.Http;
using Etransactions.Functions.Core.Problems;
using Etransactions.UnitTests.Support;

namespace Etransactions.UnitTests.Core.Http;

/// <summary>What reaches the parser: the media type, the size, and whether the text is JSON at all.</summary>
public class JsonBodyReadTests
{
    [Fact]
    public async Task ReadAsync_ValidBody_ReturnsTheValue()
    {
        var review = await JsonBody.ReadAsync<Review>(JsonRequests.Post("""{"decision":"return","reason":"Số liệu tháng 3 thiếu."}"""));

        Assert.Equal(new Review(Decision.Return, "Số liệu tháng 3 thiếu."), review);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/merge-patch+json")]
    public async Task ReadAsync_JsonMediaTypes_AreRead(string contentType)
    {
        var review = await JsonBody.ReadAsync<Review>(JsonRequests.Post("""{"decision":"accept"}""", contentType));

        Assert.Equal(Decision.Accept, review.Decision);
    }

    [Theory]
    [InlineData("text/plain", "Send the body as application/json (got \"text/plain\").")]
    [InlineData(null, "Send the body as application/json (got \"nothing\").")]
    [InlineData("application/jsonp", "Send the body as application/json (got \"application/jsonp\").")]
    [InlineData("multipart/form-data; boundary=x", "Send the body as application/json (got \"multipart/form-data; boundary=x\").")]
    [InlineData("application/json; charset=iso-8859-1", "Send the body in UTF-8 (got charset \"iso-8859-1\").")]
    public async Task ReadAsync_NotJson_Is415(string? contentType, string detail)
    {
        var exception = await Assert.ThrowsAsync<UnsupportedMediaTypeException>(
            () => JsonBody.ReadAsync<Review>(JsonRequests.Post("""{"decision":"accept"}""", contentType)));

        Assert.Equal(detail, exception.Message);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverTheLimit_Is413WithoutReading()
    {
        var request = JsonRequests.Post(new UnreadableStream(), contentLength: 65);

        var exception = await Assert.ThrowsAsync<PayloadTooLargeException>(() => JsonBody.ReadAsync<Review>(request, maxBytes: 64));

        Assert.Equal("The body is over the limit of 64 bytes.", exception.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(10L)]
    public async Task ReadAsync_StreamOverTheLimit_Is413WhateverTheContentLengthSays(long? contentLength)
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"decision":"accept","reason":"{{new string('x', 100)}}"}"""));

        await Assert.ThrowsAsync<PayloadTooLargeException>(
            () => JsonBody.ReadAsync<Review>(JsonRequests.Post(body, contentLength: contentLength), maxBytes: 64));
    }

    [Fact]
    public async Task ReadAsync_BodyExactlyAtTheLimit_IsRead()
    {
        var json = """{"decision":"return","reason":"r"}""";

        var review = await JsonBody.ReadAsync<Review>(JsonRequests.Post(json), maxBytes: Encoding.UTF8.GetByteCount(json));

        Assert.Equal("r", review.Reason);
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_IsOneErrorNamingThePosition()
    {
        var errors = await JsonRequests.ErrorsOf(() => JsonBody.ReadAsync<Review>(JsonRequests.Post("{\n  \"decision\": }")));

        var error = Assert.Single(errors);
        Assert.StartsWith("(body): Not valid JSON at line 2, byte 15: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"decision":"accept"} trailing""")]
    [InlineData("""{"decision":"accept",}""")]
    [InlineData("""{"decision":"accept" /* note */}""")]
    [InlineData("{'decision':'accept'}")]
    public async Task ReadAsync_NotStrictJson_IsMalformed(string json)
    {
        var errors = await JsonRequests.ErrorsOf(() => JsonBody.ReadAsync<Review>(JsonRequests.Post(json)));

        Assert.StartsWith("(body): Not valid JSON at line 1, byte ", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public async Task ReadAsync_EmptyBody_SaysSo(string json)
    {
        Assert.Equal(["(body): The body is empty: send a JSON value."], await JsonRequests.ErrorsOf(() => JsonBody.ReadAsync<Review>(JsonRequests.Post(json))));
    }

    [Fact]
    public void Deserialize_ByteOrderMark_IsSkipped()
    {
        var review = JsonBody.Deserialize<Review>(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"decision":"accept"}""")).ToArray());

        Assert.Equal(Decision.Accept, review.Decision);
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The body was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The body was read.");
    }
}
