using KnovvuOrleans.Runtime;
using KnovvuOrleans.Runtime.Hosting;

namespace KnovvuOrleans.Runtime.Tests.Grains;

/// <summary>Says which silo and which activation answered; fails or sleeps on request.</summary>
public interface IIdentityGrain : IGrainWithStringKey
{
    Task<string> WhoAmI();

    /// <summary>Answers null ("none"), as lookups of things that do not exist do.</summary>
    Task<string?> Nothing();

    Task Fail(string message);

    Task Sleep(TimeSpan duration);
}

public sealed class IdentityGrain(Silo silo) : Grain, IIdentityGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    public Task<string> WhoAmI() => Task.FromResult($"{silo.SiloId}/{_activation}");

    public Task<string?> Nothing() => Task.FromResult<string?>(null);

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public Task Sleep(TimeSpan duration) => Task.Delay(duration);
}
