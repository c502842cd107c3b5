using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// One Genesys notification channel of a tenant (key <c>{tenantId}/{shard}</c>, at most 1,000 member topics each): it
/// keeps the channel, its subscriptions and its websocket alive on exactly one silo, the grain's owner, and puts
/// every call-ended event on the tenant's durable Genesys calls stream.
/// </summary>
[Alias("knovvu.IGenesysChannelGrain")]
public interface IGenesysChannelGrain : IGrainWithStringKey
{
    /// <summary>Sets the org to listen to and the members whose calls matter, and starts listening (again).</summary>
    [Alias("Assign")]
    Task Assign(GenesysChannelAssignment assignment);

    /// <summary>
    /// The shard is no longer needed: deletes the channel's subscriptions, stops listening and the keep-alive, and
    /// clears the state. A later <see cref="Assign"/> starts it again.
    /// </summary>
    [Alias("Retire")]
    Task Retire();

    /// <summary>Called by the grain's own listener, outside its turns, for each ended call.</summary>
    [Alias("RecordCallEnded")]
    Task RecordCallEnded(string conversationId, string agentUserId, DateTimeOffset endTime);

    /// <summary>
    /// Called by the grain's own listener when it opened a new channel: both are kept, since Genesys gives the connect
    /// URI only at creation, and a reassignment must reuse the channel rather than leave it subscribed and unlistened.
    /// </summary>
    [Alias("RememberChannel")]
    Task RememberChannel(string channelId, string connectUri);

    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<GenesysChannelStatus> GetStatus();
}

/// <summary>What a channel listens to: the org's endpoints and client (secret as given, stored encrypted) and the member user ids.</summary>
[GenerateSerializer, Alias("knovvu.GenesysChannelAssignment")]
public sealed record GenesysChannelAssignment(Uri ApiBaseUrl, Uri LoginBaseUrl, string ClientId, string ClientSecret, IReadOnlyList<string> MemberUserIds)
{
    public override string ToString() => $"Genesys channel assignment {{ {ApiBaseUrl}, client {ClientId}, {MemberUserIds.Count} members }}";
}

[GenerateSerializer, Alias("knovvu.GenesysChannelStatus")]
public sealed record GenesysChannelStatus(
    string? ChannelId, bool Listening, int Members, long CallsEnded, DateTimeOffset? LastEventAt, int Reconnects, string? LastError);

/// <summary>Call-ended events of a tenant, in arrival order, for the importer.</summary>
[GenerateSerializer, Alias("knovvu.GenesysCallEnded")]
public sealed record GenesysCallEnded(string TenantId, string ConversationId, string AgentUserId, DateTimeOffset EndTime);

public static class GenesysCallsStream
{
    public const string Namespace = "genesys-calls";
}

/// <summary>Channel grain keys: <c>{tenantId}/{shard}</c>, shards numbered from 0.</summary>
public static class GenesysChannelKey
{
    public static string For(string tenantId, int shard) => TenantKey.For(tenantId, shard.ToString(CultureInfo.InvariantCulture));
}
