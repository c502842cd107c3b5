using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KnovvuOrleans.Gateway.Tests.DailyReports;

/// <summary>
/// The gateway on a fresh PostgreSQL database and a fresh bucket of the Swift S3 server, its clock set to noon of
/// <see cref="Today"/> (or the test's time) at the start, the object store wrapped in a <see cref="FaultyObjectStore"/>; tenants are created by the test.
/// </summary>
internal sealed class ReportsHarness : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2025, 6, 15);

    public static readonly DateOnly Yesterday = Today.AddDays(-1);

    private readonly PostgresTestDatabase _database;
    private readonly List<ConversationRecord> _appended = [];

    private ReportsHarness(PostgresTestDatabase database, GatewayFactory gateway, GatewayApi api, string hostToken)
    {
        _database = database;
        Gateway = gateway;
        Api = api;
        HostToken = hostToken;
    }

    public GatewayFactory Gateway { get; }

    public GatewayApi Api { get; }

    public string HostToken { get; }

    public FaultyObjectStore Store => (FaultyObjectStore)Gateway.Services.GetRequiredService<IObjectStore>();

    public IClusterClient Cluster => Gateway.Services.GetRequiredService<IClusterClient>();

    /// <param name="now">The clock's time when the gateway starts (noon of <see cref="Today"/> unless set). Orleans
    /// times its timers and reminders with this clock too, so a test sets the time it needs before the start rather
    /// than moving the clock of a running silo.</param>
    /// <param name="settings">Configuration on top of the harness's own.</param>
    public static async Task<ReportsHarness> StartAsync(
        DateTimeOffset? now = null, ITestOutputHelper? output = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var configuration = new Dictionary<string, string?>(GatewayFactory.PostgresSettings(database.ConnectionString))
        {
            ["ObjectStorage:Provider"] = "S3",
            ["ObjectStorage:ServiceUrl"] = TestEnvironment.S3Url,
            ["ObjectStorage:AccessKey"] = TestEnvironment.S3AccessKey,
            ["ObjectStorage:SecretKey"] = TestEnvironment.S3SecretKey,
            ["ObjectStorage:Bucket"] = $"reports-{Guid.NewGuid():N}",
            // Orleans reminders tick on real time, whatever the clock says: a stopped run comes back within seconds.
            ["DailyReports:ResumePeriod"] = "00:00:05",
            // Small, so that the retention's purge of the log takes several batches.
            ["DailyReports:PurgeBatchSize"] = "2",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var gateway = new GatewayFactory
        {
            Output = output,
            Settings = configuration,
            TestServices = services => services.AddSingleton<IObjectStore>(sp => new FaultyObjectStore(ActivatorUtilities.CreateInstance<S3ObjectStore>(sp))),
        };
        gateway.Clock.Offset = (now ?? new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc))) - DateTimeOffset.UtcNow;
        var api = new GatewayApi(gateway.CreateClient());
        return new ReportsHarness(database, gateway, api, await api.TokenAsync(GatewayFactory.HostClientId, gateway.HostSecret));
    }

    /// <summary>Creates the tenant with daily reports on or off; returns a token of its client with dataservice_external.</summary>
    public async Task<string> AddTenantAsync(string tenantId, bool reportsEnabled, int retentionMonths = 1)
    {
        await Api.CreateTenantAsync(HostToken, tenantId, tenantId);
        await SetReportsAsync(tenantId, reportsEnabled, retentionMonths);
        var (clientId, secret) = await Api.RegisterClientAsync(HostToken, tenantId, "dataservice_external");
        return await Api.TokenAsync(clientId, secret);
    }

    public Task<JsonNode> SetReportsAsync(string tenantId, bool enabled, int retentionMonths = 1) =>
        Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{tenantId}/features", HostToken, JsonSerializer.Serialize(new
        {
            dailyReports = new { enabled, retentionMonths },
            dataFeeder = new { enabled = false, eventTypes = Array.Empty<string>(), topic = (string?)null },
            vaToCa = new { sessionsPerHourCap = 1000 },
        }));

    /// <summary>Appends conversations of the tenant straight to the log: published, draft and test ones.</summary>
    public async Task AppendAsync(string tenantId, IEnumerable<(DateTimeOffset Start, string Status)> conversations)
    {
        var log = Gateway.Services.GetRequiredService<IConversationLog>();
        foreach (var (start, status) in conversations)
        {
            var externalId = $"{tenantId}-{start:yyyyMMddHHmmssfff}-{_appended.Count}";
            var document = JsonSerializer.Serialize(new
            {
                externalId,
                status,
                projectId = "p1",
                channelId = "web",
                startTime = start,
                endTime = start.AddSeconds(42),
                messages = new[] { new { time = start, text = $"Merhaba {externalId} \"çay\" ✓", side = "agent" } },
            });
            var record = new ConversationRecord(tenantId, externalId, ConversationRecord.VirtualAgentSource, status, "p1", "web", false,
                start, start.AddSeconds(42), document);
            await log.AppendAsync(record, CancellationToken.None);
            _appended.Add(record);
        }
    }

    /// <summary>Records a VA session the way the VA webhook does, through its conversation grain.</summary>
    public async Task IngestVaSessionAsync(string tenantId, string externalId, string status, DateTimeOffset start)
    {
        var session = new VaSession
        {
            ExternalId = externalId,
            Status = status,
            ProjectId = "p1",
            ChannelId = "web",
            StartTime = start,
            EndTime = start.AddSeconds(30),
            Messages = [new VaMessage(start, "Merhaba", VaMessage.AgentSide)],
        };
        Assert.Equal(IngestOutcome.Recorded,
            await Cluster.GetGrain<IConversationGrain>(ConversationKey.For(tenantId, externalId)).IngestVaSession(session, isCall: false));
    }

    /// <summary>What a chunk must hold, worked out from what the test appended, not from the code under test.</summary>
    public IReadOnlyList<JsonNode> Expected(string tenantId, DateOnly day, int hour)
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc));
        return [.. _appended
            .Where(r => r.TenantId == tenantId && r.Status == ConversationRecord.PublishedStatus && r.StartTime >= start && r.StartTime < start.AddHours(1))
            .OrderBy(r => r.StartTime).ThenBy(r => r.ExternalId, StringComparer.Ordinal)
            .Select(r => JsonNode.Parse(r.Document)!)];
    }

    /// <summary>Runs the nightly job for the day and waits until it completes.</summary>
    public async Task<DailyReportRunStatus> RunNightlyAsync(DateOnly day)
    {
        var run = Cluster.GetGrain<IDailyReportRunGrain>(DailyReportChunkName.FormatDay(day));
        await run.Start();
        DailyReportRunStatus status = null!;
        await Eventually.TrueAsync(() => (status = run.GetStatus().GetAwaiter().GetResult()).Completed, "the nightly run to complete",
            TimeSpan.FromMinutes(3));
        return status;
    }

    public async Task<List<string>> ListAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var key in Store.ListAsync(prefix, CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>The stored chunk's JSON, unzipped and parsed.</summary>
    public async Task<JsonNode> ReadChunkAsync(string key)
    {
        await using var stored = (await Store.GetAsync(key, CancellationToken.None))!;
        var zip = new MemoryStream();
        await stored.Content.CopyToAsync(zip);
        return ParseZip(zip.ToArray());
    }

    public static JsonNode ParseZip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = Assert.Single(archive.Entries);
        using var json = entry.Open();
        return JsonNode.Parse(json)!;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _database.DisposeAsync();
    }
}
