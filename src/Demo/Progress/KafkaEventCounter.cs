using Confluent.Kafka;

namespace KnovvuOrleans.Demo.Progress;

/// <summary>Reads the tenants' Data Feeder topics back, as a Kafka consumer of the product would, counts the events and keeps the last ones.</summary>
public static class KafkaEventCounter
{
    public static Task RunAsync(string bootstrapServers, IReadOnlyDictionary<string, TenantCounters> counters, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() =>
        {
            var byTopic = DemoTenant.All.ToDictionary(t => t.Topic, t => counters[t.Id]);
            using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "knovvu-demo-status",
                AutoOffsetReset = AutoOffsetReset.Earliest,
            }).Build();
            consumer.Subscribe(byTopic.Keys);
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { IsPartitionEOF: false } result)
                    {
                        byTopic[result.Topic].AddEvent(DateTimeOffset.UtcNow - result.Message.Timestamp.UtcDateTime);
                        byTopic[result.Topic].RecentEvents.Add(result);
                    }
                }
                catch (ConsumeException exception)
                {
                    Console.WriteLine($"Kafka read error: {exception.Error.Reason}");
                    if (exception.ConsumerRecord?.Topic is { } topic && byTopic.TryGetValue(topic, out var counter))
                    {
                        counter.AddError($"Kafka read error: {exception.Error.Reason}");
                    }
                }
            }

            consumer.Close();
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
