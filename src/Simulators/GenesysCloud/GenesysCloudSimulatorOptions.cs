using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>The settings of a Genesys Cloud simulator. Genesys' own limits (page sizes, topics, channels) are fixed in <see cref="GenesysCloudApi"/>.</summary>
public sealed class GenesysCloudSimulatorOptions
{
    /// <summary>The loopback port <see cref="GenesysCloudSimulator.StartAsync"/> listens on; 0: a free one. Unused when mapped into another app.</summary>
    public int Port { get; set; }

    /// <summary>The OAuth clients that may get tokens, each acting in one org (orgs are created for them).</summary>
    public List<GenesysClientRegistration> Clients { get; set; } = [];

    /// <summary>The lifetime of issued tokens (<c>expires_in</c>), whole seconds, at least one; Genesys' default is a day.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often a connected channel gets a heartbeat (Genesys: about 30 s); also how often a socket notices its channel expired.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after <c>v2.system.socket_closing</c> the simulator closes the socket (Genesys: about a minute).</summary>
    public TimeSpan SocketClosingNotice { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The seed of the random that decides probabilistic faults.</summary>
    public int FaultSeed { get; set; } = 1;

    /// <summary>
    /// The clock of token and channel expiry, call times, transcoding and the request log; heartbeats and injected
    /// delays run on its timers.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
