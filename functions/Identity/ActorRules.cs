using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.Identity;

/// <summary>Who may act, by bearer token: each rule throws 403 with the reason when the actor may not.</summary>
public static class ActorRules
{
    public static void RequireRegulator(this Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Roles.Regulator))
        {
            throw new ForbiddenException("Chỉ cơ quan quản lý được làm việc này / Only the regulator may do this.");
        }
    }

    /// <summary>The regulator, or the administrator (<c>agencyAdmin</c>) of the agency itself.</summary>
    public static void RequireAdministratorOf(this Actor actor, string agency)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Has(Roles.Regulator) || (actor.Has(Roles.AgencyAdmin) && actor.WorksFor(agency)))
        {
            return;
        }
        throw new ForbiddenException($"Chỉ cơ quan quản lý hoặc quản trị của cơ quan {agency} được làm việc này / Only the regulator or the administrator of agency {agency} may do this.");
    }
}
