namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>Valid request bodies, for the tests that vary one thing at a time.</summary>
public static class Bodies
{
    public const string Features = """
        {"dailyReports":{"enabled":true,"retentionMonths":2},
         "dataFeeder":{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder","CategoryMatchForDataFeeder"],"topic":"acme.conversations"},
         "vaToCa":{"sessionsPerHourCap":500}}
        """;

    public const string Rename = """{"name":"Renamed"}""";

    public const string Client = """{"name":"reports","scopes":["dataservice_external"]}""";

    public const string CaSettings = """
        {"serviceBaseUrl":"https://ca.example.test/","tokenEndpoint":"https://ca.example.test/identity/connect/token",
         "clientId":"va","clientSecret":"matrix-secret","enabled":true}
        """;

    public const string VaProject = """{"id":"matrix-project","name":"Matrix"}""";

    public const string VaChannel = """{"id":"web","name":"Web","type":"web"}""";

    public const string VaToggle = """{"enabled":true}""";

    public const string VaSession = """
        {"externalId":"matrix-1","status":"published","projectId":"matrix-project","channelId":"web",
         "startTime":"2025-08-26T07:04:40Z","endTime":"2025-08-26T07:04:43Z",
         "messages":[{"time":"2025-08-26T07:04:40Z","text":"Merhaba","side":"agent"}]}
        """;

    public const string VaSessions = $$"""{"sessions":[{{VaSession}}]}""";

    /// <summary>Seed 002's ConversationAnalyzedForDataFeeder payload without its external id.</summary>
    public const string Analysis = """
        {"Transcripts":[{"Channel":1,"Text":"ürün destek şerif ben","Times":"0 40;560 1000","StartTime":0,"EndTime":1000},
                        {"Channel":2,"Text":"iyi günler","Times":"1700 1740","StartTime":1700,"EndTime":1740}],
         "AgentTensionRatio":0,"AgentMonotonicityRatio":87,"CustomerTensionRatio":0,
         "AverageCustomerSentimentScore":0,"AverageAgentSentimentScore":0,"AiInsights":null}
        """;

    public const string Category = """{"categoryId":7,"categoryName":"Complaint"}""";

    /// <summary>The Genesys wizard's install step. Refused bodies only: a valid one would start syncing against the region.</summary>
    public const string GenesysInstall = """
        {"orgId":"org-1","role":"Knovvu Analytics","user":"knovvu-integration","clientId":"gc-client",
         "clientSecret":"matrix-genesys-secret","groupId":"group-1","region":"mypurecloud.com"}
        """;

    public const string GenesysSetup = """{"tenantName":"Tenant A","username":"tenant-a.00000000000000000000000000000000","password":"not-the-secret"}""";

    /// <summary>A replay of the day before yesterday (within every retention, wholly past), every event type, the tenant's own topic.</summary>
    public const string ParkedRetry = """{"externalIds":["matrix-1"]}""";

    public static string Replay => $$"""{"from":"{{DateTime.UtcNow.Date.AddDays(-2):yyyy-MM-dd}}T00:00:00Z","to":"{{DateTime.UtcNow.Date.AddDays(-1):yyyy-MM-dd}}T00:00:00Z"}""";

    public static string CreateTenant(string id) => $$"""{"id":"{{id}}","name":"New tenant"}""";

    /// <summary>The features body with one section replaced by raw JSON.</summary>
    public static string FeaturesWith(string dailyReports = """{"enabled":true,"retentionMonths":2}""",
        string dataFeeder = """{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder"],"topic":"acme.conversations"}""",
        string vaToCa = """{"sessionsPerHourCap":500}""") =>
        $$"""{"dailyReports":{{dailyReports}},"dataFeeder":{{dataFeeder}},"vaToCa":{{vaToCa}}}""";
}
