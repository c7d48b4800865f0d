namespace Etransactions.Functions.Identity;

/// <summary>
/// A token's lifetime checked against the app's clock. IdentityModel 8 reads the system clock (its
/// TokenValidationParameters.TimeProvider is internal), so the check is given to it as its LifetimeValidator:
/// inside the local host the app's clock may be days ahead, and tokens are minted on that clock.
/// </summary>
public static class TokenLifetime
{
    public static bool IsCurrent(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan skew)
    {
        if (expires is not { } end || (notBefore is { } start && start > end))
        {
            return false;
        }
        var utc = now.UtcDateTime;
        return (notBefore is not { } from || from <= utc + skew) && utc - skew < end;
    }
}
