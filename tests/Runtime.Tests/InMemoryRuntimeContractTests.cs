using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Storage.InMemory;

namespace KnovvuOrleans.Runtime.Tests;

/// <summary>The runtime contract on the in-memory provider; one store per test, shared by the silos it starts.</summary>
public sealed class InMemoryRuntimeContractTests : RuntimeContractTests
{
    private readonly InMemoryRuntimeStore _store = new();

    protected override void UseStorage(GrainRuntimeBuilder builder) => builder.UseInMemory(_store);

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync() => Task.CompletedTask;
}
