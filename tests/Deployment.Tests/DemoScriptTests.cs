using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// The run command as a user runs it: `bash scripts/demo.sh`, then Ctrl+C (SIGINT) to the PID that was started. The
/// script becomes the app (no `dotnet run` in between), so that PID stops, closes the gateway port within 5 s,
/// prints no stack trace and leaves no temp folder behind.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class DemoScriptTests(ITestOutputHelper output)
{
    private const int SigInt = 2;

    [Fact]
    public async Task SIGINT_to_the_started_PID_closes_the_gateway_within_5_seconds_without_a_stack_trace()
    {
        var port = FreePort();
        var lines = new ConcurrentQueue<string>();
        using var demo = new Process
        {
            StartInfo = new ProcessStartInfo("bash", ["scripts/demo.sh", $"--Demo:GatewayPort={port}"])
            {
                WorkingDirectory = RepositoryRoot(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        demo.OutputDataReceived += (_, e) => Keep(lines, e.Data);
        demo.ErrorDataReceived += (_, e) => Keep(lines, e.Data);
        demo.Start();
        demo.BeginOutputReadLine();
        demo.BeginErrorReadLine();
        try
        {
            // The build comes first (quick here: the test run built the solution).
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (!lines.Any(l => l.Contains("demo is running", StringComparison.Ordinal)))
            {
                Assert.False(demo.HasExited, "the demo ended before its banner:\n" + string.Join('\n', lines));
                Assert.True(DateTime.UtcNow < deadline, "no banner within 4 minutes:\n" + string.Join('\n', lines));
                await Task.Delay(250);
            }

            Assert.True(PortAnswers(port));
            var folder = Path.Combine(Path.GetTempPath(), $"knovvu-demo-{port}");
            Assert.True(Directory.Exists(folder));

            Assert.Equal(0, Kill(demo.Id, SigInt));
            var stopwatch = Stopwatch.StartNew();
            while (PortAnswers(port) && stopwatch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }

            var closedAfter = stopwatch.Elapsed;
            Assert.True(closedAfter < TimeSpan.FromSeconds(5), $"the gateway port still answered {closedAfter.TotalSeconds:F1} s after SIGINT");
            Assert.True(demo.WaitForExit(TimeSpan.FromSeconds(10)), "the demo process did not exit");
            demo.WaitForExit();
            Assert.DoesNotContain(lines, l => StackFrame().IsMatch(l) || l.Contains("Unhandled exception", StringComparison.Ordinal));
            Assert.False(Directory.Exists(folder), "the demo's temp folder is left behind");
        }
        finally
        {
            if (!demo.HasExited)
            {
                demo.Kill(entireProcessTree: true);
            }

            output.WriteLine(string.Join('\n', lines));
        }
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private static bool PortAnswers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnovvuOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("KnovvuOrleans.sln above the test's folder");
    }

    // Below Linux's ephemeral range (32768-60999): the demo binds the port seconds after it is chosen (its build runs
    // first), and a port from that range was taken in between by another test's connection or listener.
    private static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s+at \S+\(")]
    private static partial System.Text.RegularExpressions.Regex StackFrame();
}
