using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Conversations;

/// <summary>
/// A conversation's analysis results as the analysis engine posts them: ConversationAnalyzedForDataFeeder's payload
/// (seed 002) without the external id, which is the route's, with seed 002's field names (PascalCase, matched
/// case-exactly). Fields are nullable only so that a missing one is named.
/// </summary>
[GenerateSerializer, Alias("knovvu.ConversationAnalysis")]
public sealed partial record ConversationAnalysis(
    [property: JsonPropertyName("Transcripts")] IReadOnlyList<DataFeederTranscript>? Transcripts = null,
    [property: JsonPropertyName("AgentTensionRatio")] int? AgentTensionRatio = null,
    [property: JsonPropertyName("AgentMonotonicityRatio")] int? AgentMonotonicityRatio = null,
    [property: JsonPropertyName("CustomerTensionRatio")] int? CustomerTensionRatio = null,
    [property: JsonPropertyName("AverageCustomerSentimentScore")] int? AverageCustomerSentimentScore = null,
    [property: JsonPropertyName("AverageAgentSentimentScore")] int? AverageAgentSentimentScore = null,
    [property: JsonPropertyName("AiInsights")] DataFeederAiInsights? AiInsights = null)
{
    public const int MaxTranscripts = 2_000;

    public const int MaxTextLength = 20_000;

    public const int MaxInsightLength = 4_000;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Transcripts is null || Transcripts.Count > MaxTranscripts)
        {
            errors.Add("Transcripts", $"transcripts is required, with at most {MaxTranscripts} segments (it may be empty).");
        }
        else
        {
            for (var i = 0; i < Transcripts.Count; i++)
            {
                ValidateTranscript(errors, $"Transcripts[{i}]", Transcripts[i]);
            }
        }

        Ratio(errors, "AgentTensionRatio", AgentTensionRatio);
        Ratio(errors, "AgentMonotonicityRatio", AgentMonotonicityRatio);
        Ratio(errors, "CustomerTensionRatio", CustomerTensionRatio);
        // The seed gives no range for the sentiment scores: only their presence is checked.
        Required(errors, "AverageCustomerSentimentScore", AverageCustomerSentimentScore);
        Required(errors, "AverageAgentSentimentScore", AverageAgentSentimentScore);
        if (AiInsights is not null)
        {
            ValidateInsights(errors, AiInsights);
        }

        return errors;
    }

    private static void ValidateTranscript(ValidationErrors errors, string field, DataFeederTranscript? segment)
    {
        if (segment is null)
        {
            errors.Add(field, "A transcript segment must not be null.");
            return;
        }

        if (segment.Channel is not (DataFeederTranscript.AgentChannel or DataFeederTranscript.CustomerChannel))
        {
            errors.Add($"{field}.Channel", "channel must be 1 (agent) or 2 (customer).");
        }

        if (segment.Text is null || segment.Text.Length > MaxTextLength)
        {
            errors.Add($"{field}.Text", $"text is required, at most {MaxTextLength} characters.");
        }

        if (segment.Times is null || segment.Times.Length > MaxTextLength || !(segment.Times.Length == 0 || TimesPattern().IsMatch(segment.Times)))
        {
            errors.Add($"{field}.Times", "times must be word timings \"start end;start end\" in milliseconds.");
        }

        if (segment.StartTime < 0 || segment.EndTime < segment.StartTime)
        {
            errors.Add($"{field}.EndTime", "startTime must be at least 0 and endTime not before startTime (milliseconds).");
        }
    }

    private static void ValidateInsights(ValidationErrors errors, DataFeederAiInsights insights)
    {
        foreach (var (name, value) in new[]
                 {
                     ("externalId", insights.ExternalId), ("topic", insights.Topic), ("summary", insights.Summary),
                     ("actions", insights.Actions), ("conversationResult", insights.ConversationResult),
                     ("NonResolutionRisk", insights.NonResolutionRisk), ("ChurnRisk", insights.ChurnRisk),
                 })
        {
            if (value is null || value.Length > MaxInsightLength)
            {
                errors.Add($"AiInsights.{name}", $"{name} is required, at most {MaxInsightLength} characters.");
            }
        }
    }

    private static void Ratio(ValidationErrors errors, string field, int? value)
    {
        if (value is not (>= 0 and <= 100))
        {
            errors.Add(field, $"{field} is required, 0 to 100.");
        }
    }

    private static void Required(ValidationErrors errors, string field, int? value)
    {
        if (value is null)
        {
            errors.Add(field, $"{field} is required.");
        }
    }

    [GeneratedRegex(@"^\d{1,9} \d{1,9}(;\d{1,9} \d{1,9})*$")]
    private static partial Regex TimesPattern();
}
