using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.VirtualAgent;

/// <summary>
/// A VA project with its channels. <see cref="KnovvuAnalyticsEnabled"/> is the effective project toggle: false
/// whenever the tenant's Knovvu Analytics integration is off, whatever the project's own setting.
/// </summary>
[GenerateSerializer, Alias("knovvu.VaProject")]
public sealed record VaProject(string Id, string Name, bool KnovvuAnalyticsEnabled, IReadOnlyList<VaChannel> Channels);

/// <summary>A channel of a VA project; sessions of an <see cref="VaChannelType.Ivr"/> channel go to CA as calls.</summary>
[GenerateSerializer, Alias("knovvu.VaChannel")]
public sealed record VaChannel(string Id, string Name, string Type)
{
    public bool IsIvr => Type == VaChannelType.Ivr;
}

/// <summary>Channel types the VA knows; only IVR changes how sessions are sent.</summary>
public static class VaChannelType
{
    public const string Ivr = "ivr";

    public static IReadOnlyList<string> All { get; } = ["web", "mobile", Ivr, "whatsapp", "facebook", "telegram", "sms", "teams", "api"];
}
