namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>Valid request bodies, for the tests that vary one thing at a time.</summary>
public static class Bodies
{
    public const string Features = """
        {"dailyReports":{"enabled":true,"retentionMonths":2},
         "dataFeeder":{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder","CategoryMatch"],"topic":"acme.conversations"},
         "vaToCa":{"sessionsPerHourCap":500}}
        """;

    public const string Rename = """{"name":"Renamed"}""";

    public const string Client = """{"name":"reports","scopes":["dataservice_external"]}""";

    public static string CreateTenant(string id) => $$"""{"id":"{{id}}","name":"New tenant"}""";

    /// <summary>The features body with one section replaced by raw JSON.</summary>
    public static string FeaturesWith(string dailyReports = """{"enabled":true,"retentionMonths":2}""",
        string dataFeeder = """{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder"],"topic":"acme.conversations"}""",
        string vaToCa = """{"sessionsPerHourCap":500}""") =>
        $$"""{"dailyReports":{{dailyReports}},"dataFeeder":{{dataFeeder}},"vaToCa":{{vaToCa}}}""";
}
