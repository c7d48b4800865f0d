namespace Etransactions.IntegrationTests.Support;

/// <summary>Waits for something the host does in the background (a trigger, an orchestration) to show.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, Func<string>? context = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.{Environment.NewLine}{context?.Invoke()}");
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
