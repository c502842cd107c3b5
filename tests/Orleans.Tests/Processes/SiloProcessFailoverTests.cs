using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Testing;
using Npgsql;
using Orleans;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace KnovvuOrleans.Orleans.Tests.Processes;

/// <summary>Runs alone: it measures failover times, which other tests' clusters on the same cores would skew.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloProcessCollection
{
    public const string Name = "silo processes";
}

/// <summary>
/// Three silo processes of the product over TCP, with a client calling tenants and conversations throughout: one
/// process crashed (kill -9), then another frozen (SIGSTOP), each the one holding the most of the checked grains.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class SiloProcessFailoverTests(ITestOutputHelper output)
{
    // What the test pins: after either fault, every grain answers again within this. A frozen silo still holds its
    // connections, and Orleans suppresses votes against a silo heard from within MaxProbeTimeout × NumMissedProbesLimit
    // (2 s × 2 with the product's settings), so of these 10 s about 4 pass before it can be declared dead.
    private static readonly TimeSpan AnswerAgainLimit = TimeSpan.FromSeconds(10);

    // Waiting longer than the limit only so that a slow failover is measured and reported rather than cut off.
    private static readonly TimeSpan MeasureLimit = TimeSpan.FromSeconds(30);

    // One call's wait: a call lost with a silo is given up and retried soon, so a first answer is seen at most this late.
    private static readonly TimeSpan AttemptLimit = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromSeconds(3);

    private static readonly string[] Tenants = ["t0", "t1", "t2", "t3"];

    private const int ConversationsBeforeFaults = 24;

    // Progress the load must make on the silos left after each fault: the cluster keeps accepting work.
    private const int AcceptedAfterEachFault = 10;

    [Fact]
    public async Task Three_silo_processes_lose_nothing_accepted_through_a_kill_9_and_a_sigstop_and_answer_again_within_10_s()
    {
        var starting = Stopwatch.StartNew();
        await using var cluster = await SiloProcessCluster.StartAsync(3, ClientResponseTimeout);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"3 silo processes Active and the client connected after {starting.Elapsed.TotalSeconds:F1} s."));
        try
        {
            await CrashAndFreezeAsync(cluster);
        }
        catch
        {
            foreach (var silo in cluster.Silos)
            {
                output.WriteLine($"--- silo process {silo.Pid} (port {silo.SiloPort}), last lines ---{Environment.NewLine}{silo.Tail}");
            }

            throw;
        }
    }

    private async Task CrashAndFreezeAsync(SiloProcessCluster cluster)
    {
        var client = cluster.Client;
        // Retried like every call here, so a retry may find its first attempt done: the checks below assert the state.
        foreach (var tenant in Tenants)
        {
            await AnsweredAsync(() => client.GetGrain<ITenantGrain>(tenant).Create($"Tenant {tenant}"), MeasureLimit);
        }

        var before = Enumerable.Range(0, ConversationsBeforeFaults).Select(i => (Tenant: Tenants[i % Tenants.Length], Id: $"before-{i:D2}")).ToList();
        await Task.WhenAll(before.Select(c => AnsweredAsync(() => OneMessageSessions.IngestAsync(client, c.Tenant, c.Id), MeasureLimit)));

        // Each check reads state written before the faults: a lost tenant has no profile, a lost conversation records anew.
        var checks = Tenants.Select(t => new Check($"tenant {t}", client.GetGrain<ITenantGrain>(t),
                async () => Assert.Equal(new TenantProfile(t, $"Tenant {t}"), await client.GetGrain<ITenantGrain>(t).GetProfile())))
            .Concat(before.Select(c => new Check($"conversation {c.Tenant}/{c.Id}", client.GetGrain<IConversationGrain>(ConversationKey.For(c.Tenant, c.Id)),
                async () => Assert.Equal(IngestOutcome.AlreadyRecorded, await OneMessageSessions.IngestAsync(client, c.Tenant, c.Id)))))
            .ToList();

        var load = new Load(client);
        using var stop = new CancellationTokenSource();
        var loading = load.RunAsync(stop.Token);
        await load.WaitForAcceptedAsync(AcceptedAfterEachFault);

        await FaultAsync(cluster, checks, "kill -9", victim =>
        {
            victim.Kill();
            return Task.CompletedTask;
        });
        await load.WaitForAcceptedAsync(load.Accepted + AcceptedAfterEachFault);

        await FaultAsync(cluster, checks, "SIGSTOP", victim => victim.FreezeAsync());
        await load.WaitForAcceptedAsync(load.Accepted + AcceptedAfterEachFault);

        await stop.CancelAsync();
        await loading;
        output.WriteLine($"Load: {load.Accepted} conversations accepted, {load.FailedAttempts} attempts failed and retried.");

        var expected = before.Concat(load.AcceptedConversations).Select(c => $"{c.Tenant}/{c.Id}").Order().ToList();
        Assert.Equal(expected, await RecordedConversationsAsync(cluster.Database.ConnectionString));
    }

    /// <summary>
    /// Applies the fault to the running silo process that holds the most checked grains, then calls every checked
    /// grain until it answers, and reports how long after the fault each answered first.
    /// </summary>
    private async Task FaultAsync(SiloProcessCluster cluster, IReadOnlyList<Check> checks, string fault, Func<SiloProcess, Task> apply)
    {
        var holders = new Dictionary<string, SiloProcess?>();
        foreach (var check in checks)
        {
            holders[check.Name] = await cluster.ProcessOfAsync(check.Grain);
        }

        var victim = holders.Values.OfType<SiloProcess>().Where(p => !p.HasExited).GroupBy(p => p).MaxBy(g => g.Count())!.Key;
        var onVictim = holders.Where(h => h.Value == victim).Select(h => h.Key).ToHashSet();
        await apply(victim);
        var sinceFault = Stopwatch.StartNew();
        var declaredDead = DeclaredDeadAsync(cluster, victim, sinceFault);
        var firstAnswers = await Task.WhenAll(checks.Select(async check =>
        {
            await AnsweredAsync(async () =>
            {
                await check.Call();
                return true;
            }, MeasureLimit);
            return (check.Name, Seconds: sinceFault.Elapsed.TotalSeconds);
        }));

        var deadAfter = await declaredDead;
        var moved = firstAnswers.Where(a => onVictim.Contains(a.Name)).ToList();
        Assert.NotEmpty(moved);
        var slowest = firstAnswers.MaxBy(a => a.Seconds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fault} of silo process {victim.Pid}: declared Dead after {deadAfter:F2} s; " +
            $"{moved.Count} of {checks.Count} checked grains were on it by the directory, seconds to first answer " +
            $"of those: first {moved.Min(a => a.Seconds):F2}, last {moved.Max(a => a.Seconds):F2}; " +
            $"slowest of all: {slowest.Name} after {slowest.Seconds:F2}"));
        Assert.All(firstAnswers, a => Assert.True(a.Seconds <= AnswerAgainLimit.TotalSeconds,
            $"{a.Name} answered {a.Seconds:F2} s after the {fault}, over the {AnswerAgainLimit.TotalSeconds} s limit."));
    }

    /// <summary>Seconds from the fault until the membership table says the victim's silo is Dead.</summary>
    private static async Task<double> DeclaredDeadAsync(SiloProcessCluster cluster, SiloProcess victim, Stopwatch sinceFault)
    {
        await Eventually.TrueAsync(async () =>
            (await OrleansTables.MembershipAsync(cluster.Database.ConnectionString, cluster.ClusterId))
            .Any(row => row.Key.Split(':')[1] == $"{victim.SiloPort}" && row.Value == OrleansTables.Dead),
            $"silo process {victim.Pid} declared Dead", MeasureLimit);
        return sinceFault.Elapsed.TotalSeconds;
    }

    /// <summary>Calls until an answer comes, giving up on each attempt after <see cref="AttemptLimit"/>; a wrong answer fails at once.</summary>
    private static async Task<T> AnsweredAsync<T>(Func<Task<T>> call, TimeSpan limit, Action? failed = null)
    {
        var since = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().WaitAsync(AttemptLimit);
            }
            catch (Exception e) when (e is not XunitException)
            {
                failed?.Invoke();
                if (since.Elapsed > limit)
                {
                    throw new TimeoutException($"No answer after {limit.TotalSeconds} s.", e);
                }

                await Task.Delay(50);
            }
        }
    }

    private static async Task<List<string>> RecordedConversationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT tenant_id || '/' || external_id FROM knovvu.conversations", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var recorded = new List<string>();
        while (await reader.ReadAsync())
        {
            recorded.Add(reader.GetString(0));
        }

        return recorded.Order().ToList();
    }

    private sealed record Check(string Name, IAddressable Grain, Func<Task> Call);

    /// <summary>
    /// Conversations ingested one after another by a few callers, each retried until answered (ingesting is
    /// idempotent): every conversation it counts as accepted was acknowledged by the cluster.
    /// </summary>
    private sealed class Load(IGrainFactory client)
    {
        private const int Callers = 2;

        // A pace that keeps calls flowing without taking the cores the silos need to detect a failure.
        private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(20);

        private readonly ConcurrentQueue<(string Tenant, string Id)> _accepted = new();
        private int _failedAttempts;

        public int Accepted => _accepted.Count;

        public int FailedAttempts => _failedAttempts;

        public IEnumerable<(string Tenant, string Id)> AcceptedConversations => _accepted;

        public Task RunAsync(CancellationToken stop) =>
            Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(() => CallAsync(caller, stop))));

        public Task WaitForAcceptedAsync(int count) =>
            Eventually.TrueAsync(() => Accepted >= count, $"{count} conversations accepted", MeasureLimit);

        private async Task CallAsync(int caller, CancellationToken stop)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var (tenant, id) = (Tenants[(caller + i) % Tenants.Length], $"live-{caller}-{i:D5}");
                await AnsweredAsync(() => OneMessageSessions.IngestAsync(client, tenant, id), MeasureLimit, () => Interlocked.Increment(ref _failedAttempts));
                _accepted.Enqueue((tenant, id));
                await Task.Delay(Pace, CancellationToken.None);
            }
        }
    }
}
