using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.VirtualAgent.Tests.KnovvuAnalytics;

/// <summary>The real CA client, wired as in the silo, against a CA simulator over HTTP with two tenants.</summary>
internal sealed class CaClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CaClientHarness(KnovvuAnalyticsSimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        _services = services;
        Client = services.GetRequiredService<KnovvuAnalyticsClient>();
    }

    public KnovvuAnalyticsSimulator Simulator { get; }

    public KnovvuAnalyticsClient Client { get; }

    public CaConnection TenantA => Connection("tenant-a", "client-a", "secret-a");

    public CaConnection TenantB => Connection("tenant-b", "client-b", "secret-b");

    public static async Task<CaClientHarness> StartAsync(
        Action<KnovvuAnalyticsClientOptions>? client = null, Action<KnovvuAnalyticsSimulatorOptions>? simulator = null)
    {
        var simulatorOptions = new KnovvuAnalyticsSimulatorOptions
        {
            Clients = [new("client-a", "secret-a", "ca-a"), new("client-b", "secret-b", "ca-b")],
        };
        simulator?.Invoke(simulatorOptions);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddKnovvuAnalyticsClient();
        services.Configure<KnovvuAnalyticsClientOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            client?.Invoke(o);
        });
        return new CaClientHarness(await KnovvuAnalyticsSimulator.StartAsync(simulatorOptions), services.BuildServiceProvider());
    }

    /// <summary>A Departments-Agents body with one project and its channels, in the seed's naming scheme.</summary>
    public static DepartmentsAgentsRequest Department(string project, params string[] channels) => new()
    {
        Departments = [new CaDepartment { Name = $"VA.Tenant.{project}", ExternalId = $"VA.t.{project}" }],
        Agents = channels.Select(c => new CaAgent
        {
            ExternalId = $"VA.t.{project}.{c}",
            UserName = $"VA.t.{project}.{c}",
            Name = project,
            Surname = c,
            Department = new DepartmentReference { ExternalId = $"VA.t.{project}" },
            IsActive = true,
        }).ToList(),
    };

    public static ChatRequest Chat(string externalId, string agent) => new()
    {
        ExternalId = externalId,
        Agent = new AgentReference { ExternalId = agent },
        StartTime = new DateTimeOffset(2025, 8, 26, 7, 4, 40, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2025, 8, 26, 7, 4, 43, TimeSpan.Zero),
        Duration = 3,
        ChatLines = [new ChatLine { Time = new DateTimeOffset(2025, 8, 26, 7, 4, 40, TimeSpan.Zero), Text = "Merhaba", SideId = 1 }],
        SourceName = KnovvuAnalyticsApi.SourceName,
        LanguageCode = "tr-TR",
        AttachedData = [new AttachedDataItem { Key = "conversationType", Value = "chat" }],
    };

    private CaConnection Connection(string tenant, string client, string secret) =>
        new(tenant, Simulator.BaseUrl, Simulator.TokenEndpoint, client, secret);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
