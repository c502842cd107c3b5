using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace KnovvuOrleans.Orleans.Tests.Processes;

/// <summary>
/// The product's silo host as a real process (<c>dotnet KnovvuOrleans.Silo.dll</c>) configured by environment
/// variables, as a deployment runs it; it can be crashed (SIGKILL) or frozen (SIGSTOP) and thawed (SIGCONT).
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    // Enough of the silo's log to say why it failed, without holding a long run's output.
    private const int TailLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private bool _frozen;

    private SiloProcess(Process process, int siloPort, int httpPort)
    {
        _process = process;
        SiloPort = siloPort;
        HttpPort = httpPort;
    }

    public int SiloPort { get; }

    /// <summary>The loopback port of its health, dashboard and metrics endpoints.</summary>
    public int HttpPort { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Tail => string.Join(Environment.NewLine, _tail);

    public static SiloProcess Start(string siloAssembly, int siloPort, int httpPort, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [siloAssembly])
        {
            // The content root: the silo reads its appsettings.json from there, as deployed.
            WorkingDirectory = Path.GetDirectoryName(siloAssembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        var silo = new SiloProcess(Process.Start(start)!, siloPort, httpPort);
        // Read both streams to the end, or a chatty silo blocks on a full pipe.
        silo._process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>kill -9: no shutdown, no goodbye to the membership table, connections reset.</summary>
    public void Kill() => _process.Kill();

    /// <summary>kill -STOP: the process and its sockets stay, but nothing answers (a hung VM, a long GC pause).</summary>
    public async Task FreezeAsync()
    {
        var exitCode = await SignalAsync("STOP");
        _frozen = exitCode == 0 ? true : throw new InvalidOperationException($"kill -STOP {Pid} exited with {exitCode}.");
    }

    /// <summary>Thaws a frozen process (SIGCONT), then kills it; never throws, so every process of a test is ended.</summary>
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
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", Pid.ToString(CultureInfo.InvariantCulture)]))!;
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
}
