using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;

/// <summary>A replay job as its tenant admin and the host operator see it: what it sends and how far it is.</summary>
[GenerateSerializer, Alias("knovvu.ReplayJob")]
public sealed record ReplayJob
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string TenantId { get; init; }

    [Id(2)] public required ReplayRequest Request { get; init; }

    /// <summary><see cref="ReplayStates"/>: running, completed or cancelled.</summary>
    [Id(3)] public required string State { get; init; }

    [Id(4)] public long ConversationsDone { get; init; }

    [Id(5)] public long ConversationsTotal { get; init; }

    [Id(6)] public long EventsDone { get; init; }

    [Id(7)] public long EventsTotal { get; init; }

    /// <summary>Events sent per second since the start (until the finish, once finished).</summary>
    [Id(8)] public double EventsPerSecond { get; init; }

    [Id(9)] public DateTimeOffset StartedAt { get; init; }

    [Id(10)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Failed steps (each retried from the last checkpoint), and the last failure's reason.</summary>
    [Id(11)] public int Errors { get; init; }

    [Id(12)] public string? LastError { get; init; }
}
