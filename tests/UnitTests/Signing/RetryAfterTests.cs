using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Etransactions.Functions.Signing.KeyVault;

namespace Etransactions.UnitTests.Signing;

public class RetryAfterTests
{
    [Theory]
    [InlineData("Retry-After", "7", 7000)]
    [InlineData("retry-after-ms", "250", 250)]
    [InlineData("x-ms-retry-after-ms", "1500", 1500)]
    public void Of_AHeaderAzureSends_IsTheWait(string header, string value, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RetryAfter.Of(new Answer((header, value))));
    }

    [Fact]
    public void Of_AnHttpDateInThePast_IsNoWait()
    {
        Assert.Equal(TimeSpan.Zero, RetryAfter.Of(new Answer(("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"))));
    }

    [Fact]
    public void Of_NoHeader_IsUnknown()
    {
        Assert.Null(RetryAfter.Of(new Answer()));
    }

    // Just enough of a Response for its headers.
    private sealed class Answer(params (string Name, string Value)[] headers) : Response
    {
        public override int Status => 429;

        public override string ReasonPhrase => "Too Many Requests";

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = "";

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => headers.Any(header => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(header => new HttpHeader(header.Name, header.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = headers.FirstOrDefault(header => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
            return value is not null;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = TryGetHeader(name, out var value) ? [value!] : null;
            return values is not null;
        }
    }
}
