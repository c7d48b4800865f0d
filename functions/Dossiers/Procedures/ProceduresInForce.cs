using Etransactions.Functions.Core;
using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Dossiers.Procedures;

/// <summary>Which version of a procedure is in force on a day (Vietnam time): the newest whose effective date has come.</summary>
public static class ProceduresInForce
{
    public static Procedure? On(IReadOnlyList<Procedure> versions, DateTimeOffset at)
    {
        var day = VietnamTime.DateOf(at);
        return versions
            .Where(version => version.Definition.EffectiveFrom <= day)
            .OrderBy(version => version.Definition.EffectiveFrom)
            .ThenBy(version => version.Version)
            .LastOrDefault();
    }

    /// <summary>The version a dossier received now is kept under, or the 400 that says why there is none.</summary>
    public static Procedure Require(string code, IReadOnlyList<Procedure> versions, DateTimeOffset at)
    {
        if (versions.Count == 0)
        {
            throw new ValidationFailedException([new FieldError("procedure", $"No procedure has the code '{code}'.")]);
        }
        if (On(versions, at) is not { } inForce)
        {
            throw new ValidationFailedException([new FieldError("procedure", $"Procedure '{code}' is not in force yet: its first version applies from {versions.Min(v => v.Definition.EffectiveFrom):yyyy-MM-dd}.")]);
        }
        if (!inForce.Definition.Active)
        {
            throw new ValidationFailedException([new FieldError("procedure", $"Procedure '{code}' is no longer applied (version {inForce.Version} is inactive).")]);
        }
        return inForce;
    }
}
