using System.Net;
using System.Net.Sockets;

namespace Etransactions.Local.Processes;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on now (the system's choice for port 0).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
