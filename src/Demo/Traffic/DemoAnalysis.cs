using System.Text.Json.Nodes;

namespace KnovvuOrleans.Demo.Traffic;

/// <summary>
/// The analysis engine's result for a demo conversation (seed 002's ConversationAnalyzedForDataFeeder payload without
/// the external id, in the seed's casing): two transcript lines and ratios that vary by conversation.
/// </summary>
public static class DemoAnalysis
{
    public static JsonNode For(string externalId)
    {
        var n = externalId.Sum(c => c) % 100;
        var json = $$"""
            {"Transcripts":[{"Channel":1,"Text":"hello, how can I help","Times":"0 400;600 1000","StartTime":0,"EndTime":1000},
                            {"Channel":2,"Text":"my invoice is wrong","Times":"1700 2400","StartTime":1700,"EndTime":2400}],
             "AgentTensionRatio":{{n % 10}},"AgentMonotonicityRatio":{{n}},"CustomerTensionRatio":{{n * 7 % 100}},
             "AverageCustomerSentimentScore":{{n % 5}},"AverageAgentSentimentScore":{{n % 3}},"AiInsights":null}
            """;
        return JsonNode.Parse(json)!;
    }
}
