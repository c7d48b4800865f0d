using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Workflow;
using Etransactions.Functions.Identity;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary>Who may read a dossier (Decree 137 Art. 7.1.c): its applicant, the officers of its agency or of the agency asked for an opinion, the regulator.</summary>
public static class DossierReaders
{
    public static void RequireReader(this Actor actor, Dossier dossier)
    {
        if (actor.Has(Roles.Regulator)
            || (actor.Has(Roles.Applicant) && actor.Subject == dossier.ApplicantSubject)
            || (IsOfficer(actor) && (actor.WorksFor(dossier.Agency) || (dossier.OpinionFrom is { } other && actor.WorksFor(other)))))
        {
            return;
        }
        throw new ForbiddenException("Chỉ người nộp và cơ quan giải quyết được xem hồ sơ này / Only the applicant and the agency handling it may read this dossier.");
    }

    private static bool IsOfficer(Actor actor) => actor.Has(Roles.AgencyAdmin) || Roles.Officers.Any(actor.Has);
}
