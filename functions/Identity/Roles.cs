namespace Etransactions.Functions.Identity;

/// <summary>The roles a bearer token can carry (its <c>roles</c> claim).</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string Receiver = "receiver";
    public const string Processor = "processor";
    public const string Approver = "approver";
    public const string Signer = "signer";
    public const string AgencyAdmin = "agencyAdmin";
    public const string Regulator = "regulator";

    public static readonly IReadOnlyList<string> All = [Applicant, Receiver, Processor, Approver, Signer, AgencyAdmin, Regulator];

    /// <summary>The roles of an agency's officers, who act on dossiers.</summary>
    public static readonly IReadOnlyList<string> Officers = [Receiver, Processor, Approver, Signer];
}
