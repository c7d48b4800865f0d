using System.Collections.Immutable;
using Etransactions.Functions.Core.Problems;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging.Abstractions;

namespace Etransactions.UnitTests.Core.Problems;

public class ProblemMiddlewareTests
{
    [Fact]
    public void IsHttpTriggered_HttpTrigger_IsTrue()
    {
        Assert.True(ProblemMiddleware.IsHttpTriggered(new Definition("httpTrigger")));
        Assert.True(ProblemMiddleware.IsHttpTriggered(new Definition("HttpTrigger")));
    }

    [Theory]
    [InlineData("timerTrigger")]
    [InlineData("blobTrigger")]
    [InlineData("activityTrigger")]
    public void IsHttpTriggered_OtherTriggers_IsFalse(string trigger)
    {
        Assert.False(ProblemMiddleware.IsHttpTriggered(new Definition(trigger)));
    }

    [Fact]
    public async Task Invoke_NonHttpFunctionThrows_TheExceptionGoesOnToTheHost()
    {
        var middleware = new ProblemMiddleware(NullLogger<ProblemMiddleware>.Instance);
        var context = new Context(new Definition("timerTrigger"));
        FunctionExecutionDelegate next = _ => throw new NotFoundException("gone");

        await Assert.ThrowsAsync<NotFoundException>(() => middleware.Invoke(context, next));
    }

    [Fact]
    public async Task Invoke_NothingThrown_RunsTheFunction()
    {
        var middleware = new ProblemMiddleware(NullLogger<ProblemMiddleware>.Instance);
        var ran = false;

        await middleware.Invoke(new Context(new Definition("httpTrigger")), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
    }

    private sealed class Definition(string trigger) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => "app.dll";
        public override string EntryPoint => "App.Function.Run";
        public override string Id => "id-1";
        public override string Name => "function";
        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty.Add("trigger", new Binding(trigger));
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class Binding(string type) : BindingMetadata
    {
        public override string Name => "trigger";
        public override string Type => type;
        public override BindingDirection Direction => BindingDirection.In;
    }

    private sealed class Context(FunctionDefinition definition) : FunctionContext
    {
        public override string InvocationId => "inv-1";
        public override string FunctionId => definition.Id;
        public override TraceContext TraceContext => throw new NotSupportedException();
        public override BindingContext BindingContext => throw new NotSupportedException();
        public override RetryContext RetryContext => throw new NotSupportedException();
        public override IServiceProvider InstanceServices { get; set; } = null!;
        public override FunctionDefinition FunctionDefinition => definition;
        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
        public override IInvocationFeatures Features => throw new NotSupportedException();
    }
}
