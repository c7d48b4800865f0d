using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Etransactions.Functions.Identity;

/// <summary>The token of an <c>Authorization: Bearer &lt;token&gt;</c> header (RFC 6750 §2.1).</summary>
public static class BearerToken
{
    public static string From(HttpRequest request)
    {
        var headers = request.Headers[HeaderNames.Authorization];
        if (headers.Count == 0 || string.IsNullOrWhiteSpace(headers[0]))
        {
            throw BearerChallenge.Missing("Gửi mã truy cập trong tiêu đề Authorization: Bearer … / Send your access token in the header Authorization: Bearer ….");
        }
        var value = headers.Count == 1 ? headers[0]!.Trim() : "";
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        // The scheme is case-insensitive (RFC 9110 §11.1); anything but one scheme and one token is refused.
        if (space <= 0 || !value[..space].Equals(BearerChallenge.Scheme, StringComparison.OrdinalIgnoreCase) || value[(space + 1)..].Trim().Length == 0)
        {
            throw BearerChallenge.Missing("Tiêu đề Authorization phải là Bearer và mã truy cập / The Authorization header must be Bearer and the access token.");
        }
        return value[(space + 1)..].Trim();
    }
}
