namespace KnovvuOrleans.Demo.Progress;

/// <summary>Prints one progress line per tenant every few seconds.</summary>
public static class ConsoleProgress
{
    public static async Task RunAsync(DemoStatus status, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var t in await status.SnapshotAsync())
            {
                Console.WriteLine(
                    $"[{DateTime.UtcNow:HH:mm:ss}] {t.Tenant,-7} conversations in {t.ConversationsIn,5} | sent to CA {t.SentToCa,5} | " +
                    $"events out {t.EventsOut,5} | reports built {t.ReportsBuilt,2} | errors {t.Errors,3} | " +
                    $"Genesys calls ended {t.GenesysCallsEnded,3}, imported {t.GenesysCallsImported?.ToString() ?? "n/a"}");
            }
        }
    }
}
