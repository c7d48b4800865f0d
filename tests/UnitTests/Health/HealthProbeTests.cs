using Etransactions.Functions.Health;
using Microsoft.Extensions.Time.Testing;

namespace Etransactions.UnitTests.Health;

public class HealthProbeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RunAsync_CheckAnswers_IsUpWithItsDuration()
    {
        var check = await HealthProbe.RunAsync(
            _ =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(42));
                return Task.CompletedTask;
            },
            Limit,
            _time,
            CancellationToken.None);

        Assert.Equal(new ComponentCheck("up", 42), check);
    }

    [Fact]
    public async Task RunAsync_CheckFails_IsDownWithTheFirstLineOfTheError()
    {
        var check = await HealthProbe.RunAsync(
            _ => throw new InvalidOperationException("Service request failed.\nStatus: 403 (Forbidden)\nErrorCode: AuthorizationFailure"),
            Limit,
            _time,
            CancellationToken.None);

        Assert.Equal(new ComponentCheck("down", 0, "Service request failed."), check);
    }

    [Fact]
    public async Task RunAsync_CheckHonoursCancellationButNeverAnswers_IsDownAtTheLimit()
    {
        var running = HealthProbe.RunAsync(token => Task.Delay(Timeout.InfiniteTimeSpan, token), Limit, _time, CancellationToken.None);

        _time.Advance(Limit);

        Assert.Equal(new ComponentCheck("down", 3000, "No answer within 3000 ms."), await running);
    }

    [Fact]
    public async Task RunAsync_CheckIgnoresCancellation_IsStillDownAtTheLimit()
    {
        var never = new TaskCompletionSource();
        var running = HealthProbe.RunAsync(_ => never.Task, Limit, _time, CancellationToken.None);

        _time.Advance(Limit);

        Assert.Equal(new ComponentCheck("down", 3000, "No answer within 3000 ms."), await running);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_CancellationGoesOn()
    {
        using var caller = new CancellationTokenSource();
        var running = HealthProbe.RunAsync(token => Task.Delay(Timeout.InfiniteTimeSpan, token), Limit, _time, caller.Token);

        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }
}
