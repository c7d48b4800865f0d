using System.ComponentModel.DataAnnotations;

namespace Etransactions.Functions.Platforms.Registry;

/// <summary>A platform's address: an absolute http(s) URL of at most 500 characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WebsiteAttribute : ValidationAttribute
{
    public WebsiteAttribute()
        : base("An http(s) address such as https://example.vn.")
    {
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => text.Trim().Length <= 500
            && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)
            && url.Scheme is "http" or "https"
            && url.Host.Length > 0,
        _ => false,
    };
}
