using System.Net;
using System.Net.Sockets;

namespace Etransactions.Local.Processes;

/// <summary>Ports on 127.0.0.1: a free one to listen on, and whether something listens on one.</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on now (the system's choice for port 0).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellation)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellation);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
