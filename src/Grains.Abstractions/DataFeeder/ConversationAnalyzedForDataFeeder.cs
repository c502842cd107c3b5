using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

// Seed 002's names, casing and property order, including the camelCase names inside AiInsights next to PascalCase
// ones: the seed is the contract, so they are kept as given.

/// <summary>Raised when analysis completes: its own results and the conversation's external id, no metadata.</summary>
[GenerateSerializer, Alias("knovvu.ConversationAnalyzedForDataFeeder")]
public sealed record ConversationAnalyzedForDataFeeder : IDataFeederPayload
{
    public static string EventType => DataFeederEventTypes.ConversationAnalyzed;

    [JsonPropertyName("ConversationExternalId")]
    [Id(0)]
    public required string ConversationExternalId { get; init; }

    [JsonPropertyName("Transcripts")]
    [Id(1)]
    public required IReadOnlyList<DataFeederTranscript> Transcripts { get; init; }

    /// <summary>0-100.</summary>
    [JsonPropertyName("AgentTensionRatio")]
    [Id(2)]
    public required int AgentTensionRatio { get; init; }

    /// <summary>0-100.</summary>
    [JsonPropertyName("AgentMonotonicityRatio")]
    [Id(3)]
    public required int AgentMonotonicityRatio { get; init; }

    /// <summary>0-100.</summary>
    [JsonPropertyName("CustomerTensionRatio")]
    [Id(4)]
    public required int CustomerTensionRatio { get; init; }

    [JsonPropertyName("AverageCustomerSentimentScore")]
    [Id(5)]
    public required int AverageCustomerSentimentScore { get; init; }

    [JsonPropertyName("AverageAgentSentimentScore")]
    [Id(6)]
    public required int AverageAgentSentimentScore { get; init; }

    /// <summary>Null when AI analysis is not configured or not done.</summary>
    [JsonPropertyName("AiInsights")]
    [Id(7)]
    public DataFeederAiInsights? AiInsights { get; init; }
}

/// <summary>One transcript segment; times in milliseconds from the start of the conversation.</summary>
[GenerateSerializer, Alias("knovvu.DataFeederTranscript")]
public sealed record DataFeederTranscript
{
    public const int AgentChannel = 1;

    public const int CustomerChannel = 2;

    /// <summary><see cref="AgentChannel"/> or <see cref="CustomerChannel"/>.</summary>
    [JsonPropertyName("Channel")]
    [Id(0)]
    public required int Channel { get; init; }

    [JsonPropertyName("Text")]
    [Id(1)]
    public required string Text { get; init; }

    /// <summary>Word timings, "start end;start end" in milliseconds.</summary>
    [JsonPropertyName("Times")]
    [Id(2)]
    public required string Times { get; init; }

    [JsonPropertyName("StartTime")]
    [Id(3)]
    public required int StartTime { get; init; }

    [JsonPropertyName("EndTime")]
    [Id(4)]
    public required int EndTime { get; init; }
}

/// <summary>AI-generated insights (seed 002's IConversationAiInsightsDto); <c>actions</c> are ';'-separated.</summary>
[GenerateSerializer, Alias("knovvu.DataFeederAiInsights")]
public sealed record DataFeederAiInsights
{
    [JsonPropertyName("conversationId")]
    [Id(0)]
    public required long ConversationId { get; init; }

    [JsonPropertyName("externalId")]
    [Id(1)]
    public required string ExternalId { get; init; }

    [JsonPropertyName("topic")]
    [Id(2)]
    public required string Topic { get; init; }

    [JsonPropertyName("summary")]
    [Id(3)]
    public required string Summary { get; init; }

    [JsonPropertyName("actions")]
    [Id(4)]
    public required string Actions { get; init; }

    [JsonPropertyName("conversationResult")]
    [Id(5)]
    public required string ConversationResult { get; init; }

    [JsonPropertyName("NonResolutionRisk")]
    [Id(6)]
    public required string NonResolutionRisk { get; init; }

    [JsonPropertyName("ChurnRisk")]
    [Id(7)]
    public required string ChurnRisk { get; init; }
}
