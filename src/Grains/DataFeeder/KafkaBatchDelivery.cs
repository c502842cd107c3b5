using Confluent.Kafka;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// Counts the delivery reports of one batch (they arrive on librdkafka's poll thread) and completes when all are in,
/// keeping how many failed and the first reason; one task per batch instead of one per message.
/// </summary>
internal sealed class KafkaBatchDelivery(int count)
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _outstanding = count;
    private int _failed;
    private string? _reason;
    private Exception? _exception;

    public Task Completed => _completed.Task;

    public void OnReport(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            Fail(1, $"{report.Error.Code}: {report.Error.Reason}", null);
        }

        Arrived(1);
    }

    /// <summary>The last <paramref name="count"/> records were never handed to the producer.</summary>
    public void NotProduced(int count, Exception exception)
    {
        Fail(count, exception.Message, exception);
        Arrived(count);
    }

    public (int Failed, string Reason, Exception? Exception)? Failure()
    {
        lock (_gate)
        {
            return _failed == 0 ? null : (_failed, _reason!, _exception);
        }
    }

    private void Fail(int count, string reason, Exception? exception)
    {
        lock (_gate)
        {
            _failed += count;
            _reason ??= reason;
            _exception ??= exception;
        }
    }

    private void Arrived(int count)
    {
        if (Interlocked.Add(ref _outstanding, -count) == 0)
        {
            _completed.SetResult();
        }
    }
}
