using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>
/// A corpus of malformed requests: each is answered with a 4xx problem (application/problem+json) that names the
/// field or the problem, and the stored tenants, features and clients read back unchanged.
/// </summary>
public sealed class MalformedRequestCorpusTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    public enum TokenKind
    {
        None,
        Host,
        AdminA,
        IngestA,
        ExternalA,
        Expired,
        Garbage,
    }

    public sealed record Row(string Method, string Path, string? Body, string ContentType, TokenKind Token, int Status, string Names);

    private const string Tenants = "/api/host/tenants";
    private const string FeaturesA = "/api/host/tenants/tenant-a/features";
    private const string ClientsA = "/api/host/tenants/tenant-a/clients";
    private const string Json = "application/json";

    private static Row Report(string day, string hour, string names, int status = 400, string query = "") =>
        new("GET", $"/api/external/conversations/daily-report/{day}/{hour}{query}", null, Json, TokenKind.ExternalA, status, names);

    /// <summary>
    /// A day counted from the one the request is sent on, resolved by <see cref="ResolveDays"/>: the corpus is built once
    /// per run, and a run can cross midnight (then "today" was yesterday, a valid day, and the answer a 403).
    /// </summary>
    private static string Day(int fromToday) => $"{{today+{fromToday}}}";

    private static string ResolveDays(string path) =>
        Regex.Replace(path, @"\{today\+(\d+)\}", m => DateOnly.FromDateTime(DateTime.UtcNow)
            .AddDays(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static Row Create(string body, int status, string names, string contentType = Json) =>
        new("POST", Tenants, body, contentType, TokenKind.Host, status, names);

    private static Row Features(string body, string names, int status = 400) =>
        new("PUT", FeaturesA, body, Json, TokenKind.Host, status, names);

    private static Row Client(string body, string names) => new("POST", ClientsA, body, Json, TokenKind.Host, 400, names);

    private static Row Sessions(string body, string names, int status = 400) =>
        new("POST", "/api/tenants/tenant-a/va/sessions", body, Json, TokenKind.IngestA, status, names);

    private static Row Analysis(string body, string names, string externalId = "matrix-1") =>
        new("POST", $"/api/tenants/tenant-a/conversations/{externalId}/analysis", body, Json, TokenKind.IngestA, 400, names);

    private static Row Category(string body, string names, string externalId = "matrix-1") =>
        new("POST", $"/api/tenants/tenant-a/conversations/{externalId}/categories", body, Json, TokenKind.IngestA, 400, names);

    private static Row GenesysInstall(string body, string names) =>
        new("POST", "/api/tenants/tenant-a/integrations/genesys/install", body, Json, TokenKind.AdminA, 400, names);

    private static string GenesysInstallWith(string from, string to) => Bodies.GenesysInstall.Replace(from, to, StringComparison.Ordinal);

    private static Row GenesysSetup(string body, string names, int status = 400) =>
        new("POST", "/api/integrations/genesys/wizard/setup", body, Json, TokenKind.None, status, names);

    /// <summary>The valid analysis after replacing parts of its JSON.</summary>
    private static string AnalysisWith(string from, string to) => Bodies.Analysis.Replace(from, to, StringComparison.Ordinal);

    /// <summary>A batch with one valid session, after replacing parts of its JSON.</summary>
    private static string Session(params (string From, string To)[] changes) =>
        changes.Aggregate(Bodies.VaSessions, (body, c) => body.Replace(c.From, c.To, StringComparison.Ordinal));

    private static string Batch(int count) => $$"""{"sessions":[{{string.Join(",", Enumerable.Repeat(Bodies.VaSession, count))}}]}""";

    private static readonly Dictionary<string, Row> Corpus = new()
    {
        ["report: February 30"] = Report("2025-02-30", "5", "utcDay"),
        ["report: hour 24"] = Report("2025-02-03", "24", "utcHour"),
        ["report: hour -1"] = Report("2025-02-03", "-1", "utcHour"),
        ["report: hour not a number"] = Report("2025-02-03", "five", "utcHour"),
        ["report: hour with three digits"] = Report("2025-02-03", "007", "utcHour"),
        ["report: today"] = Report(Day(0), "0", "utcDay"),
        ["report: tomorrow"] = Report(Day(1), "0", "utcDay"),
        ["report: next year"] = Report(Day(366), "0", "utcDay"),
        ["report: day without dashes"] = Report("20250203", "5", "utcDay"),
        ["report: day in another order"] = Report("03-02-2025", "5", "utcDay"),
        ["report: day with a time"] = Report("2025-02-03T00:00:00Z", "5", "utcDay"),
        ["report: month 13"] = Report("2025-13-01", "5", "utcDay"),
        ["report: compressed not a boolean"] = Report("2025-02-03", "5", "compressed", query: "?compressed=yes"),
        ["report: feature off for the tenant"] = Report("2025-02-03", "5", "not enabled", 403),
        ["report: admin token without dataservice_external"] = new("GET", "/api/external/conversations/daily-report/2025-02-03/5", null, Json, TokenKind.AdminA, 403, "scope"),
        ["sessions: empty batch"] = Sessions("""{"sessions":[]}""", "sessions"),
        ["sessions: batch over 500"] = Sessions(Batch(501), "sessions"),
        ["sessions: status missing"] = Sessions(Session(("\"status\":\"published\",", "")), "status"),
        ["sessions: unknown status"] = Sessions(Session(("\"published\"", "\"archived\"")), "sessions[0].status"),
        ["sessions: external id with a slash"] = Sessions(Session(("matrix-1", "a/b")), "sessions[0].externalId"),
        ["sessions: external id with a space"] = Sessions(Session(("matrix-1", "a b")), "sessions[0].externalId"),
        ["sessions: message side unknown"] = Sessions(Session(("\"side\":\"agent\"", "\"side\":\"bot\"")), "sessions[0].messages[0].side"),
        ["sessions: message text empty"] = Sessions(Session(("\"Merhaba\"", "\"\"")), "sessions[0].messages[0].text"),
        ["sessions: end before start"] = Sessions(Session(("\"endTime\":\"2025-08-26T07:04:43Z\"", "\"endTime\":\"2025-08-26T07:04:39Z\"")), "sessions[0].endTime"),
        ["sessions: not a time"] = Sessions(Session(("2025-08-26T07:04:43Z", "yesterday")), "endTime"),
        ["sessions: bad language tag"] = Sessions(Session(("\"channelId\":\"web\",", "\"channelId\":\"web\",\"language\":\"turkish!\",")), "sessions[0].language"),
        ["sessions: nps 11"] = Sessions(Session(("\"channelId\":\"web\",", "\"channelId\":\"web\",\"nps\":11,")), "sessions[0].nps"),
        ["sessions: unknown direction"] = Sessions(Session(("\"channelId\":\"web\",", "\"channelId\":\"web\",\"direction\":\"sideways\",")), "sessions[0].direction"),
        ["sessions: unknown field"] = Sessions(Session(("\"channelId\":\"web\",", "\"channelId\":\"web\",\"channelName\":\"x\",")), "channelName"),
        ["sessions: same external id twice"] = Sessions(Batch(2), "sessions[1].externalId"),
        ["sessions: unknown project and channel"] = Sessions(Session(), "sessions[0].channelId", 422),
        ["sessions: admin token without ingest"] = new("POST", "/api/tenants/tenant-a/va/sessions", Session(), Json, TokenKind.AdminA, 403, "scope"),
        ["analysis: channel 3"] = Analysis(AnalysisWith("\"Channel\":2", "\"Channel\":3"), "transcripts[1].channel"),
        ["analysis: times not in pairs"] = Analysis(AnalysisWith("0 40;560 1000", "0 40;560"), "transcripts[0].times"),
        ["analysis: end before start"] = Analysis(AnalysisWith("\"EndTime\":1740", "\"EndTime\":1000"), "transcripts[1].endTime"),
        ["analysis: ratio over 100"] = Analysis(AnalysisWith("\"AgentMonotonicityRatio\":87", "\"AgentMonotonicityRatio\":101"), "agentMonotonicityRatio"),
        ["analysis: transcripts missing"] = Analysis("""{"AgentTensionRatio":0,"AgentMonotonicityRatio":0,"CustomerTensionRatio":0,"AverageCustomerSentimentScore":0,"AverageAgentSentimentScore":0}""", "transcripts"),
        ["analysis: sentiment missing"] = Analysis(AnalysisWith("\"AverageAgentSentimentScore\":0,", ""), "averageAgentSentimentScore"),
        ["analysis: unknown field"] = Analysis(AnalysisWith("\"AiInsights\":null", "\"AiInsights\":null,\"ConversationExternalId\":\"x\""), "ConversationExternalId"),
        ["analysis: external id with a space"] = Analysis(Bodies.Analysis, "externalId", "a%20b"),
        ["category: id missing"] = Category("""{"categoryName":"Complaint"}""", "categoryId"),
        ["category: name empty"] = Category("""{"categoryId":7,"categoryName":""}""", "categoryName"),
        ["category: id not a number"] = Category("""{"categoryId":"seven","categoryName":"Complaint"}""", "categoryId"),
        ["create: id with upper case"] = Create("""{"id":"Tenant-C","name":"C"}""", 400, "id"),
        ["create: id with a slash"] = Create("""{"id":"tenant/c","name":"C"}""", 400, "id"),
        ["create: id is a parent path"] = Create("""{"id":"..","name":"C"}""", 400, "id"),
        ["create: id with a backslash"] = Create("""{"id":"tenant\\c","name":"C"}""", 400, "id"),
        ["create: id too long"] = Create($$"""{"id":"{{new string('a', 64)}}","name":"C"}""", 400, "id"),
        ["create: id empty"] = Create("""{"id":"","name":"C"}""", 400, "id"),
        ["create: id starts with a dash"] = Create("""{"id":"-tenant","name":"C"}""", 400, "id"),
        ["create: id with a space"] = Create("""{"id":"tenant c","name":"C"}""", 400, "id"),
        ["create: id not ASCII"] = Create("""{"id":"çay","name":"C"}""", 400, "id"),
        ["create: id missing"] = Create("""{"name":"C"}""", 400, "id"),
        ["create: id is a number"] = Create("""{"id":5,"name":"C"}""", 400, "id"),
        ["create: name missing"] = Create("""{"id":"tenant-c"}""", 400, "name"),
        ["create: name blank"] = Create("""{"id":"tenant-c","name":"   "}""", 400, "name"),
        ["create: name too long"] = Create($$"""{"id":"tenant-c","name":"{{new string('n', 201)}}"}""", 400, "name"),
        ["create: name with a control character"] = Create("""{"id":"tenant-c","name":"a\u0007b"}""", 400, "name"),
        ["create: unknown field"] = Create("""{"id":"tenant-c","name":"C","plan":"gold"}""", 400, "plan"),
        ["create: repeated field"] = Create("""{"id":"tenant-c","id":"tenant-d","name":"C"}""", 400, "id"),
        ["create: truncated JSON"] = Create("""{"id":"tenant-c",""", 400, "body"),
        ["create: not JSON"] = Create("id=tenant-c&name=C", 400, "body"),
        ["create: JSON array"] = Create("[]", 400, "body"),
        ["create: JSON null"] = Create("null", 400, "body"),
        ["create: empty body"] = Create("", 400, "body"),
        ["create: text/plain"] = Create("""{"id":"tenant-c","name":"C"}""", 415, "Content-Type", "text/plain"),
        ["create: form content type"] = Create("id=tenant-c&name=C", 415, "JSON", "application/x-www-form-urlencoded"),
        ["create: body over 64 KiB"] = Create($$"""{"id":"tenant-c","name":"{{new string('n', 70_000)}}"}""", 413, "65536"),
        ["create: tenant exists"] = Create("""{"id":"tenant-a","name":"Taken over"}""", 409, "exists"),
        ["rename: upper case id in the path"] = new("PUT", $"{Tenants}/Tenant-A", Bodies.Rename, Json, TokenKind.Host, 400, "tenantId"),
        ["rename: encoded slash in the path id"] = new("PUT", $"{Tenants}/tenant-a%2Fclients", Bodies.Rename, Json, TokenKind.Host, 400, "tenantId"),
        ["rename: path id too long"] = new("PUT", $"{Tenants}/{new string('a', 64)}", Bodies.Rename, Json, TokenKind.Host, 400, "tenantId"),
        ["rename: unknown tenant"] = new("PUT", $"{Tenants}/no-such-tenant", Bodies.Rename, Json, TokenKind.Host, 404, "no-such-tenant"),
        ["rename: name null"] = new("PUT", $"{Tenants}/tenant-a", """{"name":null}""", Json, TokenKind.Host, 400, "name"),
        ["rename: empty object"] = new("PUT", $"{Tenants}/tenant-a", "{}", Json, TokenKind.Host, 400, "name"),
        ["rename: name is an object"] = new("PUT", $"{Tenants}/tenant-a", """{"name":{"first":"A"}}""", Json, TokenKind.Host, 400, "name"),
        ["features: retention 0 months"] = Features(Bodies.FeaturesWith(dailyReports: """{"enabled":true,"retentionMonths":0}"""), "dailyReports.retentionMonths"),
        ["features: retention 4 months"] = Features(Bodies.FeaturesWith(dailyReports: """{"enabled":true,"retentionMonths":4}"""), "dailyReports.retentionMonths"),
        ["features: retention as a string"] = Features(Bodies.FeaturesWith(dailyReports: """{"enabled":true,"retentionMonths":"2"}"""), "dailyReports.retentionMonths"),
        ["features: retention fractional"] = Features(Bodies.FeaturesWith(dailyReports: """{"enabled":true,"retentionMonths":1.5}"""), "dailyReports.retentionMonths"),
        ["features: daily reports enabled as a string"] = Features(Bodies.FeaturesWith(dailyReports: """{"enabled":"yes","retentionMonths":1}"""), "dailyReports.enabled"),
        ["features: unknown field in a section"] = Features(Bodies.FeaturesWith(dailyReports: """{"enabled":true,"retentionMonths":1,"retention":2}"""), "retention"),
        ["features: unknown event type"] = Features(Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["ConversationDeleted"],"topic":"t"}"""), "dataFeeder.eventTypes[0]"),
        ["features: null event type"] = Features(Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["CategoryMatchForDataFeeder",null],"topic":"t"}"""), "dataFeeder.eventTypes[1]"),
        ["features: repeated event type"] = Features(Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["CategoryMatchForDataFeeder","CategoryMatchForDataFeeder"],"topic":"t"}"""), "dataFeeder.eventTypes"),
        ["features: feeder on without event types"] = Features(Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":[],"topic":"t"}"""), "dataFeeder.eventTypes"),
        ["features: feeder on without a topic"] = Features(Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["CategoryMatchForDataFeeder"],"topic":null}"""), "dataFeeder.topic"),
        ["features: topic with a space"] = Features(Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["CategoryMatchForDataFeeder"],"topic":"my topic"}"""), "dataFeeder.topic"),
        ["features: topic with a slash"] = Features(Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["CategoryMatchForDataFeeder"],"topic":"a/b"}"""), "dataFeeder.topic"),
        ["features: topic too long"] = Features(Bodies.FeaturesWith(dataFeeder: $$"""{"enabled":true,"eventTypes":["CategoryMatchForDataFeeder"],"topic":"{{new string('t', 250)}}"}"""), "dataFeeder.topic"),
        ["features: topic is a parent path"] = Features(Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["CategoryMatchForDataFeeder"],"topic":".."}"""), "dataFeeder.topic"),
        ["features: session cap 0"] = Features(Bodies.FeaturesWith(vaToCa: """{"sessionsPerHourCap":0}"""), "vaToCa.sessionsPerHourCap"),
        ["features: session cap negative"] = Features(Bodies.FeaturesWith(vaToCa: """{"sessionsPerHourCap":-5}"""), "vaToCa.sessionsPerHourCap"),
        ["features: session cap over the maximum"] = Features(Bodies.FeaturesWith(vaToCa: """{"sessionsPerHourCap":100001}"""), "vaToCa.sessionsPerHourCap"),
        ["features: session cap beyond a 32-bit number"] = Features(Bodies.FeaturesWith(vaToCa: """{"sessionsPerHourCap":1000000000000}"""), "vaToCa.sessionsPerHourCap"),
        ["features: section missing"] = Features("""{"dailyReports":{"enabled":true,"retentionMonths":1},"dataFeeder":{"enabled":false,"eventTypes":[],"topic":null}}""", "vaToCa"),
        ["features: section null"] = Features(Bodies.FeaturesWith(dataFeeder: "null"), "dataFeeder"),
        ["features: unknown tenant"] = new("PUT", $"{Tenants}/no-such-tenant/features", Bodies.Features, Json, TokenKind.Host, 404, "no-such-tenant"),
        ["client: unknown scope"] = Client("""{"name":"c","scopes":["reports"]}""", "scopes[0]"),
        ["client: host scope for a tenant client"] = Client("""{"name":"c","scopes":["ingest","host"]}""", "scopes[1]"),
        ["client: no scopes"] = Client("""{"name":"c","scopes":[]}""", "scopes"),
        ["client: repeated scope"] = Client("""{"name":"c","scopes":["ingest","ingest"]}""", "scopes"),
        ["client: scopes as one string"] = Client("""{"name":"c","scopes":"ingest"}""", "scopes"),
        ["client: name missing"] = Client("""{"scopes":["ingest"]}""", "name"),
        ["client: name too long"] = Client($$"""{"name":"{{new string('c', 101)}}","scopes":["ingest"]}""", "name"),
        ["client: unknown tenant"] = new("POST", $"{Tenants}/no-such-tenant/clients", Bodies.Client, Json, TokenKind.Host, 404, "no-such-tenant"),
        ["client: path traversal in the tenant id"] = new("POST", $"{Tenants}/..%2F..%2Fetc/clients", Bodies.Client, Json, TokenKind.Host, 400, "tenantId"),
        ["genesys install: clientSecret missing"] = GenesysInstall(GenesysInstallWith("\"clientSecret\":\"matrix-genesys-secret\",", ""), "clientSecret"),
        ["genesys install: clientSecret empty"] = GenesysInstall(GenesysInstallWith("\"matrix-genesys-secret\"", "\"\""), "clientSecret"),
        ["genesys install: groupId blank"] = GenesysInstall(GenesysInstallWith("\"group-1\"", "\"  \""), "groupId"),
        ["genesys install: orgId a number"] = GenesysInstall(GenesysInstallWith("\"org-1\"", "1"), "orgId"),
        ["genesys install: region missing without base URLs"] = GenesysInstall(GenesysInstallWith(",\"region\":\"mypurecloud.com\"", ""), "region"),
        ["genesys install: region with a slash"] = GenesysInstall(GenesysInstallWith("mypurecloud.com", "evil.test/x"), "region"),
        ["genesys install: apiBaseUrl over http off loopback"] = GenesysInstall(GenesysInstallWith("\"region\"", "\"apiBaseUrl\":\"http://api.example.test/\",\"region\""), "apiBaseUrl"),
        ["genesys install: unknown field"] = GenesysInstall(GenesysInstallWith("\"region\"", "\"queueId\":\"q\",\"region\""), "queueId"),
        ["genesys install: empty object"] = GenesysInstall("{}", "orgId"),
        ["genesys setup: password missing"] = GenesysSetup("""{"tenantName":"Tenant A","username":"tenant-a.00000000000000000000000000000000"}""", "password"),
        ["genesys setup: tenantName blank"] = GenesysSetup(Bodies.GenesysSetup.Replace("\"Tenant A\"", "\" \"", StringComparison.Ordinal), "tenantName"),
        ["genesys setup: username a number"] = GenesysSetup(Bodies.GenesysSetup.Replace("\"tenant-a.00000000000000000000000000000000\"", "7", StringComparison.Ordinal), "username"),
        ["genesys setup: unknown field"] = GenesysSetup(Bodies.GenesysSetup.Replace("{", "{\"orgId\":\"o\",", StringComparison.Ordinal), "orgId"),
        ["genesys setup: wrong credentials"] = GenesysSetup(Bodies.GenesysSetup, "wrong", 401),
        ["genesys setup: not JSON"] = GenesysSetup("tenantName=a&username=b&password=c", "body"),
        ["auth: no token"] = new("POST", Tenants, Bodies.CreateTenant("tenant-c"), Json, TokenKind.None, 401, "access token"),
        ["auth: garbage token"] = new("POST", Tenants, Bodies.CreateTenant("tenant-c"), Json, TokenKind.Garbage, 401, "not valid"),
        ["auth: expired token"] = new("PUT", FeaturesA, Bodies.Features, Json, TokenKind.Expired, 401, "expired"),
        ["auth: tenant token on a host route"] = new("POST", ClientsA, Bodies.Client, Json, TokenKind.AdminA, 403, "scope"),
        ["auth: tenant A token on tenant B"] = new("GET", "/api/tenants/tenant-b/profile", null, Json, TokenKind.AdminA, 403, "tenant"),
        ["route: method not allowed"] = new("DELETE", $"{Tenants}/tenant-a", null, Json, TokenKind.Host, 405, "method"),
        ["route: no such route"] = new("GET", "/api/host/tenant", null, Json, TokenKind.Host, 404, "route"),
    };

    public static TheoryData<string> Names() => new(Corpus.Keys);

    [Fact]
    public void The_corpus_has_at_least_forty_requests() => Assert.True(Corpus.Count >= 40, $"{Corpus.Count} rows");

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_cut_off_with_413()
    {
        var before = await StateSnapshot.ReadAsync(fixture);
        var body = Encoding.UTF8.GetBytes($$"""{"id":"tenant-c","name":"{{new string('n', 70_000)}}"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, Tenants) { Content = new StreamContent(new MemoryStream(body)) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {fixture.HostToken}");

        using var response = await fixture.Api.Http.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, 413, "65536");
        Assert.Equal(before, await StateSnapshot.ReadAsync(fixture));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Malformed_request_gets_a_problem_naming_it_and_nothing_is_stored(string name)
    {
        var row = Corpus[name];
        var before = await StateSnapshot.ReadAsync(fixture);

        using var request = new HttpRequestMessage(new HttpMethod(row.Method), ResolveDays(row.Path));
        var token = row.Token switch
        {
            TokenKind.Host => fixture.HostToken,
            TokenKind.AdminA => fixture.AdminTokenA,
            TokenKind.IngestA => fixture.IngestTokenA,
            TokenKind.ExternalA => fixture.ExternalTokenA,
            TokenKind.Expired => fixture.ExpiredHostToken,
            TokenKind.Garbage => "eyJhbGciOiJub25lIn0.e30.",
            _ => null,
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        if (row.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(row.Body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", row.ContentType);
        }

        using var response = await fixture.Api.Http.SendAsync(request);
        Assert.InRange((int)response.StatusCode, 400, 499);
        await ProblemAssert.IsProblemAsync(response, row.Status, row.Names);
        Assert.Equal(before, await StateSnapshot.ReadAsync(fixture));
    }
}
