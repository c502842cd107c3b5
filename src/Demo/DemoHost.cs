using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using KnovvuOrleans.Demo.Progress;
using KnovvuOrleans.Demo.Provisioning;
using KnovvuOrleans.Demo.Reports;
using KnovvuOrleans.Demo.Simulators;
using KnovvuOrleans.Demo.Traffic;
using KnovvuOrleans.Gateway;
using KnovvuOrleans.Runtime;
using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.Kafka;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Demo;

/// <summary>
/// The whole system on one machine without external services: librdkafka's mock cluster as the Kafka endpoint, the
/// CA and Genesys simulators on loopback ports, the gateway with its in-process silo on in-memory storage and a local
/// folder as object store; then two tenants provisioned through the HTTP API and their traffic until Ctrl+C.
/// </summary>
public static class DemoHost
{

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()
            .GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        // Checked before anything is started or deleted: the folder below may belong to a demo already on that port.
        if (!IsFree(options.GatewayPort))
        {
            Console.Error.WriteLine($"Port {options.GatewayPort} is in use (another demo?); choose another: bash scripts/demo.sh --Demo:GatewayPort=5200");
            return 1;
        }

        // Under the temp folder (ObjectStorage:LocalPath is relative to it), one per port so two demos can run side by side.
        var demoFolderName = $"knovvu-demo-{options.GatewayPort}";
        var demoFolder = Path.Combine(Path.GetTempPath(), demoFolderName);
        // In-memory storage forgets everything on exit, so report chunks of an earlier run must go too.
        if (Directory.Exists(demoFolder))
        {
            Directory.Delete(demoFolder, recursive: true);
        }

        Directory.CreateDirectory(demoFolder);

        using var kafka = MockKafkaCluster.Start();
        foreach (var tenant in DemoTenant.All)
        {
            kafka.CreateTopic(tenant.Topic, 4);
        }

        await using var ca = await KnovvuAnalyticsSimulator.StartAsync(SimulatorAccounts.Ca());
        await using var genesys = await GenesysCloudSimulator.StartAsync(SimulatorAccounts.Genesys());
        var groups = SimulatorAccounts.AddGenesysGroups(genesys.State);

        var hostSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var gatewayUrl = $"http://127.0.0.1:{options.GatewayPort}";
        await using var app = GatewayApp.Build(
            new WebApplicationOptions { Args = args, ContentRootPath = demoFolder, EnvironmentName = Environments.Production },
            new Dictionary<string, string?>
            {
                ["Urls"] = gatewayUrl,
                ["Storage:Provider"] = "InMemory",
                ["DataFeeder:Kafka:BootstrapServers"] = kafka.BootstrapServers,
                ["ObjectStorage:Provider"] = "Local",
                ["ObjectStorage:LocalPath"] = demoFolderName,
                ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Auth:HostClientSecret"] = hostSecret,
                // The printed token should outlive an afternoon of trying things.
                ["Auth:TokenLifetime"] = "12:00:00",
                ["Logging:LogLevel:Default"] = "Warning",
            });

        var counters = DemoTenant.All.ToDictionary(t => t.Id, _ => new TenantCounters());
        var status = new DemoStatus(counters, ca, genesys,
            new GenesysImportProgress(app.Services.GetRequiredService<IClusterClient>(), genesys),
            Path.Combine(demoFolder, "objects"));
        app.MapDemoStatus(status);
        await app.StartAsync();

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(app.Lifetime.ApplicationStopping);
        using var http = new HttpClient { BaseAddress = new Uri(gatewayUrl) };
        var gateway = new GatewayClient(http);
        var now = DateTimeOffset.UtcNow;
        // Reports are for past days only: an hour of yesterday gets sessions, and its chunk is built on the first GET.
        var reportHour = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-1).AddHours(now.Hour), TimeSpan.Zero);

        var tenants = new List<(ProvisionedTenant Tenant, VaTraffic Va)>();
        try
        {
            var provisioner = new TenantProvisioner(gateway, await gateway.TokenAsync("host-operator", hostSecret, stopping.Token), ca, genesys);
            foreach (var tenant in DemoTenant.All)
            {
                var provisioned = await provisioner.ProvisionAsync(tenant, groups[tenant.Id], stopping.Token);
                var va = new VaTraffic(gateway, provisioned, counters[tenant.Id], options);
                await va.SeedHourAsync(reportHour, stopping.Token);
                var conversations = await ReportProbe.FetchAsync(gateway, provisioned, reportHour, stopping.Token);
                Console.WriteLine($"[{tenant.Id}] provisioned; its report of {reportHour:yyyy-MM-dd HH}:00 UTC holds {conversations} conversations");
                tenants.Add((provisioned, va));
            }
        }
        catch (Exception exception) when (exception is GatewayCallException or HttpRequestException)
        {
            Console.Error.WriteLine($"Provisioning the demo tenants failed: {exception.Message}");
            return 1;
        }

        DemoBanner.Print(gatewayUrl, ca, genesys, kafka.BootstrapServers, tenants.Select(t => t.Tenant).ToArray(), reportHour);

        var work = tenants.Select(t => t.Va.RunAsync(stopping.Token))
            .Append(GenesysCallScript.RunAsync(genesys, groups, options.GenesysCallInterval, stopping.Token))
            .Append(KafkaEventCounter.RunAsync(kafka.BootstrapServers, counters, stopping.Token))
            .Append(ConsoleProgress.RunAsync(status, options.ProgressInterval, stopping.Token))
            .ToArray();
        await app.WaitForShutdownAsync();
        await stopping.CancelAsync();
        try
        {
            await Task.WhenAll(work);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the loops end by cancellation.
        }

        return 0;
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
