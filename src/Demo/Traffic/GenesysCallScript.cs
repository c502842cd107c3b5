using KnovvuOrleans.Simulators.GenesysCloud;

namespace KnovvuOrleans.Demo.Traffic;

/// <summary>Ends a call of one of each tenant's agents in the Genesys simulator every interval (event, details, a recording).</summary>
public static class GenesysCallScript
{
    public static async Task RunAsync(GenesysCloudSimulator genesys, IReadOnlyDictionary<string, SimulatedGroup> groups, TimeSpan interval, CancellationToken cancellationToken)
    {
        var n = 0;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var group in groups.Values)
            {
                var agent = group.Members[n % group.Members.Count];
                genesys.Calls.EndCall(agent.Id, new CallOptions { Duration = TimeSpan.FromSeconds(60 + n % 240), Recordings = 1 });
            }

            n++;
        }
    }
}
