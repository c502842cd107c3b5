using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>A call that used up its import attempts, and why (the last answer or error).</summary>
[GenerateSerializer, Alias("knovvu.GenesysParkedCall")]
public sealed record GenesysParkedCall(string ConversationId, string Reason, int Attempts, DateTimeOffset ParkedAt);

/// <summary>The tenant's parked calls: how many, and the latest few with their reasons (newest first).</summary>
[GenerateSerializer, Alias("knovvu.GenesysParkedCalls")]
public sealed record GenesysParkedCalls(int Count, IReadOnlyList<GenesysParkedCall> Latest);
