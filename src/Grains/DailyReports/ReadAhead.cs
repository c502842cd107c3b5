using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// Reads a sequence on a task of its own, at most <c>capacity</c> items ahead of the consumer, so that reading
/// (PostgreSQL rows) and consuming (JSON and deflate) run at the same time instead of taking turns. Bounded, so memory
/// holds a few hundred items, never the sequence.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                {
                    await buffer.Writer.WriteAsync(item, stop.Token);
                }

                buffer.Writer.Complete();
            }
            catch (Exception exception)
            {
                buffer.Writer.Complete(exception);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in buffer.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            // The consumer stopped (done, failed or cancelled): the reader stops too and its connection goes back.
            await stop.CancelAsync();
            await reader;
        }
    }
}
