using Etransactions.Functions.Core.Problems;

namespace Etransactions.Functions.ApiKeys;

/// <summary>Who may act on what: each rule throws 403 with the reason when the caller may not.</summary>
public static class CallerRules
{
    public static void RequireRegulator(this Caller caller)
    {
        if (caller is not Caller.Regulator)
        {
            throw new ForbiddenException("Chỉ cơ quan quản lý được làm việc này / Only the regulator may do this.");
        }
    }

    /// <summary>The agency itself, or the regulator.</summary>
    public static void RequireAgencyOrRegulator(this Caller caller, string agencyCode)
    {
        if (caller is Caller.Regulator || (caller is Caller.Agency agency && agency.AgencyCode.Equals(agencyCode, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        throw new ForbiddenException("Cơ quan chỉ được làm việc với dữ liệu của mình / An agency may act only on its own data.");
    }

    /// <summary>The platform itself, or the regulator.</summary>
    public static void RequirePlatformOrRegulator(this Caller caller, string platformId)
    {
        if (caller is Caller.Regulator || (caller is Caller.Platform platform && platform.PlatformId == platformId))
        {
            return;
        }
        throw OnlyItsOwnData();
    }

    /// <summary>The platform itself only: it declares its own statistics.</summary>
    public static void RequirePlatform(this Caller caller, string platformId)
    {
        if (caller is not Caller.Platform platform)
        {
            throw new ForbiddenException("Chỉ chính nền tảng được gửi số liệu của mình / Only the platform itself may send its statistics.");
        }
        if (platform.PlatformId != platformId)
        {
            throw OnlyItsOwnData();
        }
    }

    private static ForbiddenException OnlyItsOwnData() =>
        new("Nền tảng chỉ được làm việc với dữ liệu của mình / A platform may act only on its own data.");
}
