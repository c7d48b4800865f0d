namespace Etransactions.Functions.ActiveUsers.Intake;

/// <summary>What a user did, as the platform reports it (Art. 17.1): logged in, accessed information, used a service.</summary>
public enum ActivityKind
{
    Login,
    Access,
    Service,
}

/// <summary>One activity event as counted: the user's key, when, what, and whether the user was in Vietnam.</summary>
public readonly record struct ActivityEvent(ulong User, DateTimeOffset At, ActivityKind Kind, bool InVietnam);
