namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>The Data Feeder events a tenant can choose (seed 002); new event types are added to <see cref="All"/>.</summary>
public static class DataFeederEventTypes
{
    public const string ConversationCreated = "ConversationCreatedForDataFeeder";

    public const string ConversationAnalyzed = "ConversationAnalyzedForDataFeeder";

    public const string CategoryMatch = "CategoryMatch";

    public static IReadOnlyList<string> All { get; } = [ConversationCreated, ConversationAnalyzed, CategoryMatch];
}
