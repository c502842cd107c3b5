using KnovvuOrleans.Simulators.GenesysCloud;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Demo.Simulators;

/// <summary>The demo tenants' accounts in the CA and Genesys simulators: a CA client each, a Genesys org each with a group of agents.</summary>
public static class SimulatorAccounts
{
    public const string GenesysGroupName = "Knovvu Analytics";

    public const int AgentsPerGroup = 5;

    public static KnovvuAnalyticsSimulatorOptions Ca() => new()
    {
        Clients = DemoTenant.All.Select(t => new CaClientRegistration(t.CaClientId, t.CaClientSecret, t.CaTenant)).ToList(),
    };

    public static GenesysCloudSimulatorOptions Genesys() => new()
    {
        Clients = DemoTenant.All.Select(t => new GenesysClientRegistration(t.GenesysClientId, t.GenesysClientSecret, t.GenesysOrgId)).ToList(),
    };

    /// <summary>Creates each tenant's org and its group of agents; returns the groups by tenant id.</summary>
    public static IReadOnlyDictionary<string, SimulatedGroup> AddGenesysGroups(GenesysCloudSimulatorState genesys) =>
        DemoTenant.All.ToDictionary(
            t => t.Id,
            t =>
            {
                var org = genesys.Org(t.GenesysOrgId);
                return org.AddGroup(GenesysGroupName, org.AddUsers(AgentsPerGroup));
            });
}
