using System.Text.RegularExpressions;
using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.VirtualAgent;

/// <summary>
/// A VA session as the VA posts it (and as the conversation log and the daily reports keep it). Only published
/// sessions go to Knovvu Analytics; draft and test-chat sessions are stored but never sent.
/// </summary>
[GenerateSerializer, Alias("knovvu.VaSession")]
public sealed partial record VaSession
{
    public const int MaxMessages = 2000;

    public const int MaxMessageLength = 8000;

    [Id(0)]
    public required string ExternalId { get; init; }

    /// <summary><see cref="VaSessionStatus"/>: published, draft or test.</summary>
    [Id(1)]
    public required string Status { get; init; }

    [Id(2)]
    public required string ProjectId { get; init; }

    [Id(3)]
    public required string ChannelId { get; init; }

    [Id(4)]
    public required DateTimeOffset StartTime { get; init; }

    [Id(5)]
    public required DateTimeOffset EndTime { get; init; }

    [Id(6)]
    public required IReadOnlyList<VaMessage> Messages { get; init; }

    /// <summary>BCP 47 language of the session, e.g. tr-TR.</summary>
    [Id(7)]
    public string? Language { get; init; }

    [Id(8)]
    public IReadOnlyList<string> AdditionalLanguages { get; init; } = [];

    /// <summary>inbound or outbound.</summary>
    [Id(9)]
    public string Direction { get; init; } = "inbound";

    [Id(10)]
    public int? Csat { get; init; }

    [Id(11)]
    public int? Nps { get; init; }

    [Id(12)]
    public string? CustomerKey { get; init; }

    [Id(13)]
    public string? ParticipantName { get; init; }

    /// <summary>Whether the session was transferred to a live agent.</summary>
    [Id(14)]
    public bool LiveChatTransfer { get; init; }

    [Id(15)]
    public int? ReleasingParty { get; init; }

    /// <summary>
    /// A method, not a property: as a property it was written into the JSON contract, so the request schema offered an
    /// isPublished that the reader then ignored (even [JsonIgnore] lets the reader skip it silently).
    /// </summary>
    public bool IsPublished() => Status == VaSessionStatus.Published;

    public void Validate(ValidationErrors errors, string prefix)
    {
        EntityId.Validate(errors, $"{prefix}externalId", ExternalId);
        if (!VaSessionStatus.All.Contains(Status))
        {
            errors.Add($"{prefix}status", $"status must be one of {string.Join(", ", VaSessionStatus.All)}.");
        }

        EntityId.Validate(errors, $"{prefix}projectId", ProjectId);
        EntityId.Validate(errors, $"{prefix}channelId", ChannelId);
        if (EndTime < StartTime)
        {
            errors.Add($"{prefix}endTime", "endTime must not be before startTime.");
        }

        if (Messages is null || Messages.Count > MaxMessages)
        {
            errors.Add($"{prefix}messages", $"messages is required, with at most {MaxMessages} messages.");
        }
        else
        {
            for (var i = 0; i < Messages.Count; i++)
            {
                Messages[i]?.Validate(errors, $"{prefix}messages[{i}].");
                if (Messages[i] is null)
                {
                    errors.Add($"{prefix}messages[{i}]", "A message must not be null.");
                }
            }
        }

        ValidateLanguage(errors, $"{prefix}language", Language);
        for (var i = 0; i < (AdditionalLanguages?.Count ?? 0); i++)
        {
            ValidateLanguage(errors, $"{prefix}additionalLanguages[{i}]", AdditionalLanguages![i]);
        }

        if (Direction is not ("inbound" or "outbound"))
        {
            errors.Add($"{prefix}direction", "direction must be inbound or outbound.");
        }

        if (Csat is < 0 or > 10)
        {
            errors.Add($"{prefix}csat", "csat must be between 0 and 10.");
        }

        if (Nps is < 0 or > 10)
        {
            errors.Add($"{prefix}nps", "nps must be between 0 and 10.");
        }

        if (CustomerKey is { Length: > 256 })
        {
            errors.Add($"{prefix}customerKey", "customerKey must be at most 256 characters.");
        }

        if (ParticipantName is { Length: > 256 })
        {
            errors.Add($"{prefix}participantName", "participantName must be at most 256 characters.");
        }

        if (ReleasingParty is < 0)
        {
            errors.Add($"{prefix}releasingParty", "releasingParty must not be negative.");
        }
    }

    private static void ValidateLanguage(ValidationErrors errors, string field, string? language)
    {
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            errors.Add(field, $"{field} must be a language tag such as tr-TR.");
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();
}

/// <summary>The statuses of a VA session.</summary>
public static class VaSessionStatus
{
    public const string Published = "published";

    public const string Draft = "draft";

    public const string Test = "test";

    public static IReadOnlyList<string> All { get; } = [Published, Draft, Test];
}
