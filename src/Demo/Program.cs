using KnovvuOrleans.Demo;
using KnovvuOrleans.Demo.Simulators;

// One process: `dotnet run --project src/Demo` is the whole system with embedded defaults; with --simulators-only it
// is docker-compose's simulators service.
if (args.Contains(SimulatorsOnlyHost.Switch))
{
    await SimulatorsOnlyHost.RunAsync(args);
    return 0;
}

return await DemoHost.RunAsync(args);
