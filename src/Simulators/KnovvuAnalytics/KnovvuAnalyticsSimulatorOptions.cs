namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>The settings of a Knovvu Analytics simulator.</summary>
public sealed class KnovvuAnalyticsSimulatorOptions
{
    /// <summary>The loopback port <see cref="KnovvuAnalyticsSimulator.StartAsync"/> listens on; 0: a free one. Unused when mapped into another app.</summary>
    public int Port { get; set; }

    /// <summary>The clients that may get tokens, each acting for one CA tenant.</summary>
    public List<CaClientRegistration> Clients { get; set; } = [];

    /// <summary>The lifetime of issued tokens (<c>expires_in</c>), whole seconds, at least one; the real service gives about a day.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The seed of the random that decides probabilistic faults.</summary>
    public int FaultSeed { get; set; } = 1;

    /// <summary>The clock of token expiry and of the request log; injected delays run on its timers.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
