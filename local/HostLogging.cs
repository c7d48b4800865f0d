namespace Etransactions.Local;

/// <summary>One line per event on the console, the app's own logs and the host's, with the noise of the engines kept down.</summary>
public static class HostLogging
{
    public static void Console(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        Filters(logging);
    }

    public static void Filters(ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        logging.AddFilter("DurableTask", LogLevel.Warning);
        logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        logging.AddFilter("Yarp", LogLevel.Warning);
        // The Azure SDK logs every request at Information, in the app too.
        logging.AddFilter("Azure", LogLevel.Warning);
        // The worker's own categories: its start-up chatter, not the app's logs.
        logging.AddFilter("Microsoft.Azure.Functions.Worker", LogLevel.Warning);
        logging.AddFilter("Host.Startup", LogLevel.Warning);
    }
}
