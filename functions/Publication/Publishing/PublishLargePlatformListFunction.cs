using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Etransactions.Functions.Publication.Publishing;

/// <summary>
/// Daily at 01:00 in Vietnam (runnable by hand, <c>POST /admin/functions/publishLargePlatformList</c>):
/// publishes a new version of the list of large and particularly large intermediary platforms when the
/// determinations changed it.
/// </summary>
public sealed partial class PublishLargePlatformListFunction(LargePlatformPublisher publisher, ILogger<PublishLargePlatformListFunction> logger)
{
    public const string Name = "publishLargePlatformList";

    // NCRONTAB, six fields, UTC: 18:00 is 01:00 in Vietnam.
    public const string Schedule = "0 0 18 * * *";

    [Function(Name)]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellation)
    {
        var outcome = await publisher.PublishAsync(cancellation);
        if (outcome.Published.Count == 0)
        {
            LogUnchanged(outcome.Latest);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The large platforms list is unchanged: version {Version} stays the latest")]
    private partial void LogUnchanged(int version);
}
