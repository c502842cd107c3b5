using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Demo.Simulators;

/// <summary>
/// The simulators as a service of their own (docker-compose's "simulators"): CA under /ca and Genesys Cloud under
/// /genesys of one app listening where Urls says, with the demo tenants' accounts.
/// </summary>
public static class SimulatorsOnlyHost
{
    public const string Switch = "--simulators-only";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != Switch).ToArray());
        var app = builder.Build();
        var ca = new KnovvuAnalyticsSimulatorState(SimulatorAccounts.Ca());
        var genesys = new GenesysCloudSimulatorState(SimulatorAccounts.Genesys());
        SimulatorAccounts.AddGenesysGroups(genesys);
        // Genesys' notification channels are websockets.
        app.UseWebSockets();
        app.MapGroup("/ca").MapKnovvuAnalyticsSimulator(ca);
        app.MapGroup("/genesys").MapGenesysCloudSimulator(genesys);
        app.MapGet("/health/live", () => Results.Ok());
        await app.RunAsync();
    }
}
