namespace KnovvuOrleans.Demo.Progress;

/// <summary>
/// The operator page's memory: a snapshot every <see cref="Interval"/> for the last five minutes, so its charts and
/// rates have data as soon as the page opens.
/// </summary>
public sealed class StatusHistory(DemoStatus status)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private const int Capacity = 150;

    private readonly Queue<StatusSample> _samples = new();

    public IReadOnlyList<StatusSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return _samples.ToArray();
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var sample = new StatusSample(DateTimeOffset.UtcNow, await status.SnapshotAsync());
            lock (_samples)
            {
                _samples.Enqueue(sample);
                while (_samples.Count > Capacity)
                {
                    _samples.Dequeue();
                }
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}

/// <summary>Every tenant's figures at one moment.</summary>
public sealed record StatusSample(DateTimeOffset At, IReadOnlyList<TenantStatus> Tenants);
