using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;

namespace KnovvuOrleans.Testing;

/// <summary>
/// The product's silo host as a real process (<c>dotnet KnovvuOrleans.Silo.dll</c>) on loopback TCP, configured by
/// environment variables as a deployment runs it; it can be crashed (SIGKILL), frozen (SIGSTOP) and is thawed and
/// killed on dispose. The process tests and the failover bench start it.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    // Enough of the silo's output to say why it failed, without holding a long run's output.
    private const int TailLines = 200;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly SiloPorts _ports;
    private bool _frozen;

    private SiloProcess(Process process, SiloPorts ports)
    {
        _process = process;
        _ports = ports;
    }

    public int SiloPort => _ports.Silo;

    /// <summary>Where its health endpoints and dashboard listen (http://127.0.0.1:HttpPort).</summary>
    public int HttpPort => _ports.Http;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Tail => string.Join(Environment.NewLine, _tail);

    /// <param name="siloAssembly">The built silo host: <see cref="BuiltBeside"/>.</param>
    /// <param name="settings">Configuration keys ("Cluster:ClusterId") or plain environment variables; the ports are set here.</param>
    public static SiloProcess Start(string siloAssembly, SiloPorts ports, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [siloAssembly])
        {
            // The content root: the silo reads its appsettings.json from there, as deployed.
            WorkingDirectory = Path.GetDirectoryName(siloAssembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Several silos on a small machine: one GC heap each rather than one per core.
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Cluster__SiloPort"] = Invariant(ports.Silo);
        start.Environment["Cluster__GatewayPort"] = Invariant(ports.Gateway);
        start.Environment["Cluster__AdvertisedAddress"] = IPAddress.Loopback.ToString();
        start.Environment["Urls"] = $"http://127.0.0.1:{Invariant(ports.Http)}";

        var silo = new SiloProcess(Process.Start(start)!, ports);
        // Read both streams to the end, or a chatty silo blocks on a full pipe.
        silo._process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>
    /// The silo host built with <paramref name="caller"/>'s project, which names it in an assembly metadata attribute
    /// "SiloAssembly" (the project references src/Silo without its assembly, so it is built in the same configuration).
    /// </summary>
    public static string BuiltBeside(Assembly caller)
    {
        var path = caller.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SiloAssembly").Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException($"The silo host is not built; build {caller.GetName().Name}.", path);
    }

    /// <summary>Waits for the silo's readiness endpoint, which answers once the silo has joined the cluster.</summary>
    public async Task WaitReadyAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Silo {SiloPort} exited with {_process.ExitCode}:{Environment.NewLine}{Tail}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{Invariant(_ports.Http)}/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Silo {SiloPort} not ready after {limit}:{Environment.NewLine}{Tail}");
    }

    /// <summary>kill -9: no shutdown, no goodbye to the membership table, connections reset by the kernel.</summary>
    public void Kill() => _process.Kill();

    /// <summary>kill -STOP: the process and its sockets stay, but nothing answers (a hung VM, a long GC pause).</summary>
    public async Task FreezeAsync()
    {
        var exitCode = await SignalAsync("STOP");
        _frozen = exitCode == 0 ? true : throw new InvalidOperationException($"kill -STOP {Pid} exited with {exitCode}.");
    }

    /// <summary>Thaws a frozen process (SIGCONT), then kills it; never throws, so every process of a run is ended.</summary>
    public void Dispose()
    {
        if (_frozen && !_process.HasExited)
        {
            SignalAsync("CONT").GetAwaiter().GetResult();
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private async Task<int> SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", Invariant(Pid)]))!;
        await kill.WaitForExitAsync();
        return kill.ExitCode;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > TailLines && _tail.TryDequeue(out _))
        {
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The loopback ports of one silo process: silo-to-silo, client gateway, HTTP (health, dashboard).</summary>
public sealed record SiloPorts(int Silo, int Gateway, int Http)
{
    /// <summary>Ports for <paramref name="silos"/> silos, all distinct: every listener is held open until all are picked.</summary>
    public static IReadOnlyList<SiloPorts> Free(int silos)
    {
        var listeners = Enumerable.Range(0, silos * 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return Enumerable.Range(0, silos).Select(i => new SiloPorts(ports[3 * i], ports[3 * i + 1], ports[3 * i + 2])).ToList();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
