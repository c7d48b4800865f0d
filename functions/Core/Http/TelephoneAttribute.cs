using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Etransactions.Functions.Core.Http;

/// <summary>A telephone number as people write it: digits, spaces, and + ( ) . -.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed partial class TelephoneAttribute : ValidationAttribute
{
    public TelephoneAttribute()
        : base("A telephone number: digits, spaces, + ( ) . - allowed.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && Pattern().IsMatch(text.Trim()));

    [GeneratedRegex(@"^\+?[0-9][0-9 ().-]{5,24}$")]
    private static partial Regex Pattern();
}
