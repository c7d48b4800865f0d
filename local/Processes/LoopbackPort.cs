using System.Net;
using System.Net.Sockets;

namespace Etransactions.Local.Processes;

/// <summary>Ports on 127.0.0.1: a free one to listen on, and waiting until something listens on one.</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on now (the system's choice for port 0).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Completes when something listens on the port.</summary>
    public static async Task WaitUntilListeningAsync(int port, CancellationToken cancellation)
    {
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellation);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellation);
            }
        }
    }
}
