namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// The <c>eventType</c> of every Data Feeder message (seed 002), in one place: tenant settings choose among
/// <see cref="All"/>, and a new event type is one more constant here.
/// </summary>
public static class DataFeederEventTypes
{
    public const string ConversationCreated = "ConversationCreatedForDataFeeder";

    public const string ConversationAnalyzed = "ConversationAnalyzedForDataFeeder";

    /// <summary>Seed 002 only names "Category Match"; the name follows its "…ForDataFeeder" pattern.</summary>
    public const string CategoryMatch = "CategoryMatchForDataFeeder";

    public static IReadOnlyList<string> All { get; } = [ConversationCreated, ConversationAnalyzed, CategoryMatch];
}
