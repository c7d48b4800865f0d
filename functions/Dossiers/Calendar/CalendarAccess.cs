using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Identity;

namespace Etransactions.Functions.Dossiers.Calendar;

/// <summary>Who may publish a working-time calendar: the regulator, whose calendar every agency's deadlines follow.</summary>
public static class CalendarAccess
{
    public static void RequireRegulator(this Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Roles.Regulator))
        {
            throw new ForbiddenException("Chỉ cơ quan quản lý được công bố lịch làm việc / Only the regulator may publish the working calendar.");
        }
    }
}
