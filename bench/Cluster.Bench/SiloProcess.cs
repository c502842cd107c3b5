using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KnovvuOrleans.Cluster.Bench;

/// <summary>
/// One silo host process of the product (src/Silo, Release build), configured through environment variables as a
/// deployment would configure it, its output kept in a log file for when it fails to start.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly string _log;
    private readonly StreamWriter _writer;
    private readonly int _httpPort;

    private SiloProcess(Process process, string log, StreamWriter writer, int siloPort, int httpPort)
    {
        _process = process;
        _log = log;
        _writer = writer;
        SiloPort = siloPort;
        _httpPort = httpPort;
    }

    public int SiloPort { get; }

    public int Pid => _process.Id;

    /// <summary>Starts a silo; <paramref name="settings"/> are configuration keys ("Cluster:ClusterId"), ports are picked here.</summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string> settings, string folder)
    {
        var ports = FreePorts(3);
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { SiloDll },
            // The silo reads appsettings.json from its content root, the current directory.
            WorkingDirectory = Path.GetDirectoryName(SiloDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__")] = value;
        }

        info.Environment["Cluster__SiloPort"] = ports[0].ToString();
        info.Environment["Cluster__GatewayPort"] = ports[1].ToString();
        info.Environment["Cluster__AdvertisedAddress"] = "127.0.0.1";
        info.Environment["Urls"] = $"http://127.0.0.1:{ports[2]}";
        // Nothing of the bench run is written beside the build output.
        info.Environment["ObjectStorage__LocalPath"] = Path.Combine(folder, "objects");

        var log = Path.Combine(folder, $"silo-{ports[0]}.log");
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var writer = new StreamWriter(new FileStream(log, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, log, writer, ports[0], ports[2]);
    }

    /// <summary>Waits for the silo's readiness endpoint (it answers once the silo is in the cluster).</summary>
    public async Task WaitReadyAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Silo {SiloPort} exited with {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await Http.GetAsync($"http://127.0.0.1:{_httpPort}/health/ready");
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

        throw new TimeoutException($"Silo {SiloPort} not ready after {limit}:\n{Tail()}");
    }

    /// <summary>kill -9: the process ends at once, its sockets are closed by the kernel.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGSTOP: the process stays, its sockets stay open, it answers nothing.</summary>
    public async Task FreezeAsync()
    {
        using var kill = Process.Start("/bin/kill", ["-STOP", _process.Id.ToString()]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -STOP {_process.Id} failed.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        // SIGKILL ends a frozen process too.
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_writer)
        {
            _writer.Dispose();
        }
    }

    private static string SiloDll { get; } = FindSiloDll();

    private static string FindSiloDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnovvuOrleans.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Silo", "bin", "Release", "net10.0", "KnovvuOrleans.Silo.dll");
                return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: dotnet build src/Silo -c Release.");
            }
        }

        throw new InvalidOperationException("The repository root (KnovvuOrleans.sln) is not above the bench's folder.");
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                // Output can still arrive while the silo's log is being closed.
                if (writer.BaseStream?.CanWrite == true)
                {
                    writer.WriteLine(line);
                }
            }
        }
    }

    private string Tail()
    {
        using var reader = new StreamReader(new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(40));
    }

    private static int[] FreePorts(int count)
    {
        // All listeners open together, so the ports differ.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
