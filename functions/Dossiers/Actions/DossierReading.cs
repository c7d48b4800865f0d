using Etransactions.Functions.Core.Problems;
using Etransactions.Functions.Dossiers.Calendar;
using Etransactions.Functions.Dossiers.Procedures;
using Etransactions.Functions.Dossiers.Storage;
using Etransactions.Functions.Dossiers.Workflow;

namespace Etransactions.Functions.Dossiers.Actions;

/// <summary>A dossier with what its rules need: the procedure version it keeps and the calendar in force.</summary>
public sealed record DossierContext(StoredDossier Stored, Procedure Procedure, DossierMachine Machine)
{
    public Dossier Dossier => Stored.Dossier;
}

/// <summary>Reads a dossier by code, or 404, with its procedure version and the calendar in force.</summary>
public sealed class DossierReading(DossierStore dossiers, ProcedureStore procedures, CalendarStore calendars)
{
    public async Task<DossierContext> ReadAsync(string code, CancellationToken cancellation)
    {
        var stored = await dossiers.GetAsync(code, cancellation)
            ?? throw new NotFoundException($"Không có hồ sơ mã {code} / No dossier has the code {code}.");
        var procedure = await procedures.VersionAsync(stored.Dossier.ProcedureCode, stored.Dossier.ProcedureVersion, cancellation)
            ?? throw new InvalidOperationException($"Procedure {stored.Dossier.ProcedureCode} version {stored.Dossier.ProcedureVersion} is not stored.");
        return new DossierContext(stored, procedure, new DossierMachine(procedure, await calendars.CurrentAsync(cancellation)));
    }
}
