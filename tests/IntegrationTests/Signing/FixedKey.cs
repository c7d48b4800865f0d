using Etransactions.Functions.Signing;

namespace Etransactions.IntegrationTests.Signing;

/// <summary>A key source that gives one key, made by the test.</summary>
internal sealed class FixedKey(SigningKey key) : ISigningKeySource
{
    public Task<SigningKey> GetAsync(CancellationToken cancellation) => Task.FromResult(key);
}
