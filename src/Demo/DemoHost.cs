using System.Net;
using System.Net.Sockets;
using KnovvuOrleans.Demo.Provisioning;
using KnovvuOrleans.Grains.Settings;

namespace KnovvuOrleans.Demo;

/// <summary>The run command: starts the <see cref="DemoSystem"/>, prints what to try, and runs until Ctrl+C.</summary>
public static class DemoHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = ValidatedOptionsServiceCollectionExtensions.Checked(new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build()
            .GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions());
        // Checked before anything is started or deleted: the demo's folder may belong to a demo already on that port.
        if (!IsFree(options.GatewayPort))
        {
            Console.Error.WriteLine($"Port {options.GatewayPort} is in use (another demo?); choose another: bash scripts/demo.sh --Demo:GatewayPort=5200");
            return 1;
        }

        DemoSystem demo;
        try
        {
            demo = await DemoSystem.StartAsync(args, options, CancellationToken.None);
        }
        catch (Exception exception) when (exception is GatewayCallException or HttpRequestException)
        {
            Console.Error.WriteLine($"Provisioning the demo tenants failed: {exception.Message}");
            return 1;
        }

        await using (demo)
        {
            DemoBanner.Print(demo);
            await demo.WaitForShutdownAsync();
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
