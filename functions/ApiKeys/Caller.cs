namespace Etransactions.Functions.ApiKeys;

/// <summary>Who sent a request, from its API key.</summary>
public abstract record Caller
{
    /// <summary>The Ministry that oversees e-transactions: may act on every agency's and platform's data.</summary>
    public sealed record Regulator : Caller;

    /// <summary>A state agency, by its code (<c>000.00.00.H26</c>): may act on its own data.</summary>
    public sealed record Agency(string AgencyCode) : Caller;

    /// <summary>A digital platform, by its id: may act on its own data.</summary>
    public sealed record Platform(string PlatformId) : Caller;
}
