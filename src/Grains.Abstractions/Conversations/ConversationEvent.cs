using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Conversations;

/// <summary>
/// A conversation's lifecycle event on the Data Feeder stream of its tenant. The stream keeps the events of one
/// conversation in order; the Data Feeder publisher grain turns them into the messages of seed 002. Exactly one of
/// <see cref="Conversation"/>, <see cref="Analysis"/> and <see cref="Category"/> is set, the one of <see cref="EventType"/>.
/// </summary>
[GenerateSerializer, Alias("knovvu.ConversationEvent")]
public sealed record ConversationEvent(
    string EventType,
    string TenantId,
    string ExternalId,
    DateTimeOffset RaisedAt,
    ConversationSummary? Conversation,
    ConversationAnalysis? Analysis = null,
    CategoryResult? Category = null);

/// <summary>What ConversationCreatedForDataFeeder carries about a new conversation.</summary>
[GenerateSerializer, Alias("knovvu.ConversationSummary")]
public sealed record ConversationSummary(
    long ConversationNumber,
    string AgentExternalId,
    string DepartmentExternalId,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    int DurationSeconds,
    string? LanguageCode,
    int? RatingForCsat,
    int? RatingForNps,
    string Direction,
    int? ReleasingPartyId,
    IReadOnlyList<KeyValuePair<string, string>> AttachedData,
    bool IsCall = false);
