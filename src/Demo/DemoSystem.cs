using System.Security.Cryptography;
using KnovvuOrleans.Demo.Progress;
using KnovvuOrleans.Demo.Provisioning;
using KnovvuOrleans.Demo.Reports;
using KnovvuOrleans.Demo.Simulators;
using KnovvuOrleans.Demo.Traffic;
using KnovvuOrleans.Gateway;
using Orleans;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.Kafka;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Demo;

/// <summary>
/// The whole system on one machine without external services: librdkafka's mock cluster as the Kafka endpoint, the
/// CA and Genesys simulators on loopback ports, the gateway with its in-process silo on in-memory storage and a local
/// folder as object store; two tenants provisioned through the HTTP API, an hour of yesterday seeded and its report
/// built, then their traffic until disposed.
/// </summary>
public sealed class DemoSystem : IAsyncDisposable
{
    private readonly MockKafkaCluster _kafka;
    private readonly KnovvuAnalyticsSimulator _ca;
    private readonly GenesysCloudSimulator _genesys;
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ProvisionedTenant> _tenants = [];
    private readonly string _folder;
    private Task[] _work = [];

    private DemoSystem(MockKafkaCluster kafka, KnovvuAnalyticsSimulator ca, GenesysCloudSimulator genesys, WebApplication app, string gatewayUrl, DemoStatus status, string folder)
    {
        _folder = folder;
        _kafka = kafka;
        _ca = ca;
        _genesys = genesys;
        _app = app;
        GatewayUrl = gatewayUrl;
        Status = status;
        _http = new HttpClient { BaseAddress = new Uri(gatewayUrl) };
        var now = DateTimeOffset.UtcNow;
        // Reports are for past days only: an hour of yesterday gets sessions, and its chunk is built on the first GET.
        ReportHour = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-1).AddHours(now.Hour), TimeSpan.Zero);
    }

    public string GatewayUrl { get; }

    public string KafkaBootstrapServers => _kafka.BootstrapServers;

    public Uri CaUrl => _ca.BaseUrl;

    public Uri GenesysUrl => _genesys.BaseUrl;

    public DemoStatus Status { get; }

    /// <summary>The operator page's last five minutes.</summary>
    public StatusHistory History { get; private init; } = null!;

    public DateTimeOffset ReportHour { get; }

    public IReadOnlyList<ProvisionedTenant> Tenants => _tenants;

    /// <summary>A token of the host operator (scope host), for the host routes.</summary>
    public string HostToken { get; private set; } = "";

    /// <summary>Ends when the app is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    /// <param name="args">Command-line settings, which override the demo's gateway settings.</param>
    public static async Task<DemoSystem> StartAsync(string[] args, DemoOptions options, CancellationToken cancellationToken)
    {
        // Under the temp folder (ObjectStorage:LocalPath is relative to it), one per port so two demos can run side by side.
        var folderName = $"knovvu-demo-{options.GatewayPort}";
        var folder = Path.Combine(Path.GetTempPath(), folderName);
        // In-memory storage forgets everything on exit, so report chunks of an earlier run must go too.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);

        var kafka = MockKafkaCluster.Start();
        KnovvuAnalyticsSimulator? ca = null;
        GenesysCloudSimulator? genesys = null;
        DemoSystem? system = null;
        try
        {
            foreach (var tenant in DemoTenant.All)
            {
                kafka.CreateTopic(tenant.Topic, 4);
            }

            ca = await KnovvuAnalyticsSimulator.StartAsync(SimulatorAccounts.Ca(), cancellationToken);
            genesys = await GenesysCloudSimulator.StartAsync(SimulatorAccounts.Genesys(), cancellationToken);
            var hostSecret = options.HostSecret is { Length: > 0 } given ? given : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var gatewayUrl = $"http://127.0.0.1:{options.GatewayPort}";
            var app = GatewayApp.Build(
                new WebApplicationOptions { Args = args, ContentRootPath = folder, EnvironmentName = Environments.Production },
                new Dictionary<string, string?>
                {
                    ["Urls"] = gatewayUrl,
                    ["Storage:Provider"] = "InMemory",
                    ["DataFeeder:Kafka:BootstrapServers"] = kafka.BootstrapServers,
                    ["ObjectStorage:Provider"] = "Local",
                    ["ObjectStorage:LocalPath"] = folderName,
                    ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    ["Auth:HostClientSecret"] = hostSecret,
                    // The printed token should outlive an afternoon of trying things.
                    ["Auth:TokenLifetime"] = "12:00:00",
                    ["Logging:LogLevel:Default"] = "Warning",
                    // Console rules beat the silo's own "Orleans" floor (Information); the demo's console is for its
                    // own lines. Two start-up warnings that only say "this is a demo" are left out too.
                    ["Logging:Console:LogLevel:Default"] = "Warning",
                    ["Logging:Console:LogLevel:Orleans"] = "Warning",
                    ["Logging:Console:LogLevel:Orleans.Hosting.ReminderOptionsValidator"] = "Error",
                    ["Logging:Console:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
                });
            var counters = DemoTenant.All.ToDictionary(t => t.Id, _ => new TenantCounters());
            var status = new DemoStatus(counters, ca, genesys,
                new GenesysImportProgress(app.Services.GetRequiredService<IClusterClient>(), genesys), Path.Combine(folder, "objects"));
            var history = new StatusHistory(status);
            app.MapDemoStatus(status, history);
            system = new DemoSystem(kafka, ca, genesys, app, gatewayUrl, status, folder) { History = history };
            await app.StartAsync(cancellationToken);
            await system.ProvisionAndRunAsync(hostSecret, counters, options, cancellationToken);
            return system;
        }
        catch
        {
            if (system is not null)
            {
                await system.DisposeAsync();
            }
            else
            {
                await DisposeAllAsync(genesys, ca, kafka);
                DeleteFolder(folder);
            }

            throw;
        }
    }

    private async Task ProvisionAndRunAsync(string hostSecret, Dictionary<string, TenantCounters> counters, DemoOptions options, CancellationToken cancellationToken)
    {
        var gateway = new GatewayClient(_http);
        var groups = SimulatorAccounts.AddGenesysGroups(_genesys.State);
        HostToken = await gateway.TokenAsync("host-operator", hostSecret, cancellationToken);
        var provisioner = new TenantProvisioner(gateway, HostToken, _ca, _genesys);
        var traffic = new List<VaTraffic>();
        foreach (var tenant in DemoTenant.All)
        {
            var provisioned = await provisioner.ProvisionAsync(tenant, groups[tenant.Id], cancellationToken);
            var va = new VaTraffic(gateway, provisioned, counters[tenant.Id], options);
            await va.SeedHourAsync(ReportHour, cancellationToken);
            var conversations = await ReportProbe.FetchAsync(gateway, provisioned, ReportHour, cancellationToken);
            Console.WriteLine($"[{tenant.Id}] provisioned; its report of {ReportHour:yyyy-MM-dd HH}:00 UTC holds {conversations} conversations");
            _tenants.Add(provisioned);
            traffic.Add(va);
        }

        _work = traffic.Select(va => va.RunAsync(_stopping.Token))
            .Append(GenesysCallScript.RunAsync(_genesys, groups, options.GenesysCallInterval, _stopping.Token))
            .Append(KafkaEventCounter.RunAsync(_kafka.BootstrapServers, counters, _stopping.Token))
            .Append(ConsoleProgress.RunAsync(Status, options.ProgressInterval, _stopping.Token))
            .Append(History.RunAsync(_stopping.Token))
            .ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_work);
        }
        catch (OperationCanceledException)
        {
            // The loops end by cancellation.
        }

        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await DisposeAllAsync(_genesys, _ca, _kafka);
        _stopping.Dispose();
        DeleteFolder(_folder);
    }

    /// <summary>The demo's temp folder (report chunks, recordings) goes with it: in-memory storage forgot them anyway.</summary>
    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static async Task DisposeAllAsync(GenesysCloudSimulator? genesys, KnovvuAnalyticsSimulator? ca, MockKafkaCluster kafka)
    {
        if (genesys is not null)
        {
            await genesys.DisposeAsync();
        }

        if (ca is not null)
        {
            await ca.DisposeAsync();
        }

        kafka.Dispose();
    }
}
