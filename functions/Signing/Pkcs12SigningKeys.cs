namespace Etransactions.Functions.Signing;

/// <summary>The key of a PKCS#12 file (SIGNING_PKCS12_PATH), read at the first signature and kept.</summary>
public sealed class Pkcs12SigningKeys(string path, string? password) : ISigningKeySource
{
    private readonly Lock _lock = new();
    private SigningKey? _key;

    public Task<SigningKey> GetAsync(CancellationToken cancellation)
    {
        lock (_lock)
        {
            // Not Lazy<T>: a failure (the file replaced meanwhile, say) is not kept for the app's lifetime.
            _key ??= Pkcs12File.Load(File.ReadAllBytes(path), password);
            return Task.FromResult(_key);
        }
    }
}
