namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// One event as the connector sends it. <paramref name="Key"/> is the conversation's externalId (the Kafka key, so one
/// conversation's events stay in one partition, in order); <paramref name="EventId"/> is stable across redeliveries;
/// <paramref name="Body"/> is the exact message, from <c>DataFeederMessageSerializer</c>; <paramref name="TraceParent"/> is the
/// W3C trace context the event was raised in, which the message carries on (null: not traced); <paramref name="ReplayId"/>
/// is set on events sent again by a replay (the job's id), null on live ones.
/// </summary>
public sealed record DataFeederRecord(
    string Key, Guid EventId, string EventType, string TenantId, byte[] Body, string? TraceParent = null, string? ReplayId = null);
