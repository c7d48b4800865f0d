namespace Etransactions.Functions.Platforms.Domain;

/// <summary>Scale by number of users (Decree 137, Art. 17.2–17.3): in JSON <c>none</c>, <c>large</c>, <c>particularlyLarge</c>.</summary>
public enum Scale
{
    /// <summary>Below 3 % of the population.</summary>
    None,

    /// <summary>From 3 % up to and including 10 %.</summary>
    Large,

    /// <summary>Over 10 %.</summary>
    ParticularlyLarge,
}
