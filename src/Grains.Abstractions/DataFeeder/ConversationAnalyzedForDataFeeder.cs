using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

// Seed 002's names, casing and property order, including the camelCase names inside AiInsights next to PascalCase
// ones: the seed is the contract, so they are kept as given.

/// <summary>Raised when analysis completes: its own results and the conversation's external id, no metadata.</summary>
public sealed record ConversationAnalyzedForDataFeeder : IDataFeederPayload
{
    public static string EventType => DataFeederEventTypes.ConversationAnalyzed;

    [JsonPropertyName("ConversationExternalId")]
    public required string ConversationExternalId { get; init; }

    [JsonPropertyName("Transcripts")]
    public required IReadOnlyList<DataFeederTranscript> Transcripts { get; init; }

    /// <summary>0-100.</summary>
    [JsonPropertyName("AgentTensionRatio")]
    public required int AgentTensionRatio { get; init; }

    /// <summary>0-100.</summary>
    [JsonPropertyName("AgentMonotonicityRatio")]
    public required int AgentMonotonicityRatio { get; init; }

    /// <summary>0-100.</summary>
    [JsonPropertyName("CustomerTensionRatio")]
    public required int CustomerTensionRatio { get; init; }

    [JsonPropertyName("AverageCustomerSentimentScore")]
    public required int AverageCustomerSentimentScore { get; init; }

    [JsonPropertyName("AverageAgentSentimentScore")]
    public required int AverageAgentSentimentScore { get; init; }

    /// <summary>Null when AI analysis is not configured or not done.</summary>
    [JsonPropertyName("AiInsights")]
    public DataFeederAiInsights? AiInsights { get; init; }
}

/// <summary>One transcript segment; times in milliseconds from the start of the conversation.</summary>
public sealed record DataFeederTranscript
{
    public const int AgentChannel = 1;

    public const int CustomerChannel = 2;

    /// <summary><see cref="AgentChannel"/> or <see cref="CustomerChannel"/>.</summary>
    [JsonPropertyName("Channel")]
    public required int Channel { get; init; }

    [JsonPropertyName("Text")]
    public required string Text { get; init; }

    /// <summary>Word timings, "start end;start end" in milliseconds.</summary>
    [JsonPropertyName("Times")]
    public required string Times { get; init; }

    [JsonPropertyName("StartTime")]
    public required int StartTime { get; init; }

    [JsonPropertyName("EndTime")]
    public required int EndTime { get; init; }
}

/// <summary>AI-generated insights (seed 002's IConversationAiInsightsDto); <c>actions</c> are ';'-separated.</summary>
public sealed record DataFeederAiInsights
{
    [JsonPropertyName("conversationId")]
    public required long ConversationId { get; init; }

    [JsonPropertyName("externalId")]
    public required string ExternalId { get; init; }

    [JsonPropertyName("topic")]
    public required string Topic { get; init; }

    [JsonPropertyName("summary")]
    public required string Summary { get; init; }

    [JsonPropertyName("actions")]
    public required string Actions { get; init; }

    [JsonPropertyName("conversationResult")]
    public required string ConversationResult { get; init; }

    [JsonPropertyName("NonResolutionRisk")]
    public required string NonResolutionRisk { get; init; }

    [JsonPropertyName("ChurnRisk")]
    public required string ChurnRisk { get; init; }
}
