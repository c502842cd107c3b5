using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Conversations;

/// <summary>
/// A call imported from a contact-centre platform (Genesys Cloud), as its Conversation grain records it: who took it,
/// when, which way, the attached data its Created event carries, and <see cref="Document"/>, the JSON the conversation
/// log keeps (the platform's details and where the audio was stored).
/// </summary>
/// <param name="Source">The conversation log's source, e.g. "genesys".</param>
/// <param name="AgentExternalId">The agent as CA knows it (the Genesys user id).</param>
/// <param name="DepartmentExternalId">The department as CA knows it (the Genesys group of the integration).</param>
/// <param name="Direction">"inbound" or "outbound".</param>
[GenerateSerializer, Alias("knovvu.ImportedCall")]
public sealed record ImportedCall(
    string Source,
    string AgentExternalId,
    string DepartmentExternalId,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string Direction,
    IReadOnlyList<KeyValuePair<string, string>> AttachedData,
    string Document);
