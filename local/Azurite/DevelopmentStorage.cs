namespace Etransactions.Local.Azurite;

/// <summary>Azurite's well-known development account: public, the same for everyone, never valid in Azure.</summary>
public static class DevelopmentStorage
{
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string ConnectionString(AzuritePorts ports) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/{AccountName};"
        + $"QueueEndpoint=http://127.0.0.1:{ports.Queue}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{ports.Table}/{AccountName};";
}
