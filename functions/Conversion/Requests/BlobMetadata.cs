using System.Text;

namespace Etransactions.Functions.Conversion.Requests;

/// <summary>
/// An upload's blob metadata, read as the contract writes it: keys in any case (some clients lower-case
/// them), values percent-encoded UTF-8.
/// </summary>
public sealed class BlobMetadata(IDictionary<string, string> metadata)
{
    /// <summary>The decoded value (NFC) of <paramref name="key"/>, or null when it is not there.</summary>
    /// <exception cref="ScanRejectedException">bad-metadata-encoding.</exception>
    public string? Decoded(string key)
    {
        var raw = metadata.FirstOrDefault(pair => pair.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;
        return raw is null ? null : Decode(key, raw);
    }

    /// <summary>A <c>true</c>/<c>false</c> value, or <paramref name="fallback"/> when missing or blank.</summary>
    /// <exception cref="ScanRejectedException">bad-flag, or bad-metadata-encoding.</exception>
    public bool Flag(string key, bool fallback)
    {
        var value = Decoded(key)?.Trim().ToLowerInvariant();
        return value switch
        {
            null or "" => fallback,
            "true" => true,
            "false" => false,
            _ => throw new ScanRejectedException(
                "bad-flag",
                $"Metadata \"{key}\" phải là \"true\" hoặc \"false\", nhận được \"{value}\".",
                $"The metadata \"{key}\" must be \"true\" or \"false\"; got \"{value}\"."),
        };
    }

    /// <summary>Percent-encodes a value as the contract asks (the upload command does it).</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value.Normalize(NormalizationForm.FormC));

    private static string Decode(string key, string raw)
    {
        // Uri.UnescapeDataString leaves bad escapes as they are; the contract wants them refused.
        try
        {
            var bytes = new List<byte>(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] == '%')
                {
                    bytes.Add(Convert.FromHexString(raw.AsSpan(i + 1, 2))[0]);
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(raw[i].ToString()));
                }
            }
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]).Normalize(NormalizationForm.FormC);
        }
        catch (Exception error) when (error is FormatException or ArgumentOutOfRangeException or DecoderFallbackException)
        {
            throw new ScanRejectedException(
                "bad-metadata-encoding",
                $"Giá trị metadata \"{key}\" không phải chuỗi UTF-8 mã hoá phần trăm hợp lệ (\"{raw}\").",
                $"The metadata value \"{key}\" is not valid percent-encoded UTF-8 (\"{raw}\").");
        }
    }
}
