using System.Runtime.InteropServices;
using KnovvuOrleans.Simulators.Kafka;

// Usage: KafkaMockHost [--brokers N] [--topics a:4,b:1] [--ready-file PATH]
// Prints "bootstrap=<host:port,...>", then runs until SIGTERM/SIGINT or stdin EOF.
int brokers = 1;
string? readyFile = null;
var topics = new List<(string Name, int Partitions)>();

for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--brokers":
            brokers = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--ready-file":
            readyFile = Next();
            break;
        case "--topics":
            foreach (string spec in Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] parts = spec.Split(':');
                topics.Add((parts[0], parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 4));
            }
            break;
        default:
            Console.Error.WriteLine($"unknown argument: {args[i]}");
            Console.Error.WriteLine("usage: KafkaMockHost [--brokers N] [--topics a:4,b:1] [--ready-file PATH]");
            return 2;
    }
}

using var cluster = MockKafkaCluster.Start(brokers);
// Which library hosts the cluster: librdkafka.redist's own (see docs/kafka.md).
Console.Error.WriteLine($"librdkafka {MockKafkaCluster.LibrdkafkaVersion} mock cluster, {brokers} broker(s)");
foreach (var (name, partitions) in topics)
{
    cluster.CreateTopic(name, partitions);
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.TrySetResult(); });
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.TrySetResult(); });

// Stdin EOF means the parent went away (when stdin is a pipe); /dev/null gives EOF at once,
// so that case is skipped and only signals stop the host.
if (!Console.IsInputRedirected || !IsDevNull())
{
    _ = Task.Run(() =>
    {
        while (Console.In.ReadLine() is not null)
        {
        }
        stop.TrySetResult();
    });
}

Console.Out.WriteLine($"bootstrap={cluster.BootstrapServers}");
Console.Out.Flush();
if (readyFile is not null)
{
    // Write then rename so a waiter never reads a half-written file.
    string tmp = readyFile + ".tmp";
    File.WriteAllText(tmp, cluster.BootstrapServers + "\n");
    File.Move(tmp, readyFile, overwrite: true);
}

await stop.Task;
return 0;

static bool IsDevNull()
{
    try
    {
        var target = new FileInfo("/proc/self/fd/0").LinkTarget;
        return target == "/dev/null";
    }
    catch (IOException)
    {
        return false;
    }
}
