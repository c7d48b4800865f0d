namespace Etransactions.Functions.Notifications;

/// <summary>Who a notification is for: the values of <see cref="Notification.Recipients"/>.</summary>
public static class NotificationRecipients
{
    /// <summary>The platform the notification concerns (<see cref="Notification.PlatformId"/>).</summary>
    public const string Platform = "platform";

    /// <summary>The applicant of a dossier (its contact is in the notification's data).</summary>
    public const string Applicant = "applicant";

    /// <summary>The officers of the agency a dossier is with.</summary>
    public const string Agency = "agency";

    /// <summary>The Ministry's operators.</summary>
    public const string Regulator = "regulator";
}
