using System.Text;
using KnovvuOrleans.Grains.DataFeeder;
using KnovvuOrleans.Simulators.Kafka;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.DataFeeder.Tests.Connector;

/// <summary>
/// The connector when the Kafka endpoint fails, on a mock cluster in the test process (the shared endpoint must stay
/// well for the other tests): a publish fails, and the same batch published again delivers every event.
/// </summary>
public sealed class EndpointFailureTests : IDisposable
{
    private const short ProduceApiKey = 0;
    private const int OutOfOrderSequenceNumber = 45;
    private const int EventsEach = 10;

    private readonly MockKafkaCluster _cluster = MockKafkaCluster.Start(brokers: 3);
    private readonly string _topic = Connectors.NewTopic("failure");
    private readonly IReadOnlyList<string> _conversations = TestEvents.Conversations("failure", 20);

    public EndpointFailureTests() => _cluster.CreateTopic(_topic, partitions: 4);

    [Fact]
    public async Task A_batch_that_failed_during_an_outage_of_every_broker_is_delivered_when_published_again()
    {
        var (before, during) = Batches();
        using var connector = Connectors.Create(_cluster.BootstrapServers, ShortTimeouts);
        await connector.PublishAsync(Destination, before, CancellationToken.None);

        SetAllBrokers(up: false);
        var failure = await Assert.ThrowsAsync<DataFeederPublishException>(() => connector.PublishAsync(Destination, during, CancellationToken.None));
        SetAllBrokers(up: true);
        await connector.PublishAsync(Destination, during, CancellationToken.None);

        Assert.Contains("timed out", failure.Message, StringComparison.OrdinalIgnoreCase);
        DeliveredEvents.AssertAtLeastOnceInOrder([.. before, .. during], KafkaReadBack.ReadAll(_cluster.BootstrapServers, _topic), EventsEach);
    }

    [Fact]
    public async Task A_publish_that_timed_out_during_an_outage_is_delivered_in_order_when_the_brokers_return_without_being_sent_again()
    {
        var (before, during) = Batches();
        using var connector = Connectors.Create(_cluster.BootstrapServers, ShortTimeouts);
        await connector.PublishAsync(Destination, before, CancellationToken.None);

        SetAllBrokers(up: false);
        await Assert.ThrowsAsync<DataFeederPublishException>(() => connector.PublishAsync(Destination, during, CancellationToken.None));
        SetAllBrokers(up: true);

        // No librdkafka message timeout: the producer kept the records queued, in order, and sends them itself.
        var all = before.Count + during.Count;
        await Eventually.TrueAsync(() => KafkaReadBack.ReadAll(_cluster.BootstrapServers, _topic).Count >= all, "the timed-out batch delivered");
        var read = KafkaReadBack.ReadAll(_cluster.BootstrapServers, _topic);
        Assert.Equal(all, read.Count);
        DeliveredEvents.AssertAtLeastOnceInOrder([.. before, .. during], read, EventsEach);
    }

    [Fact]
    public async Task Retries_while_a_timed_out_batch_still_waits_send_no_further_copy_so_each_event_arrives_at_most_twice()
    {
        var (before, during) = Batches();
        using var connector = Connectors.Create(_cluster.BootstrapServers, ShortTimeouts);
        await connector.PublishAsync(Destination, before, CancellationToken.None);

        SetAllBrokers(up: false);
        await Assert.ThrowsAsync<DataFeederPublishException>(() => connector.PublishAsync(Destination, during, CancellationToken.None));
        var retry = await Assert.ThrowsAsync<DataFeederPublishException>(() => connector.PublishAsync(Destination, during, CancellationToken.None));
        SetAllBrokers(up: true);
        await connector.PublishAsync(Destination, during, CancellationToken.None);

        Assert.Contains("earlier copy", retry.Message, StringComparison.Ordinal);
        var read = KafkaReadBack.ReadAll(_cluster.BootstrapServers, _topic);
        DeliveredEvents.AssertAtLeastOnceInOrder([.. before, .. during], read, EventsEach);
        Assert.All(read.GroupBy(r => r.Header(KafkaDataFeederConnector.EventIdHeader)), copies => Assert.InRange(copies.Count(), 1, 2));
    }

    [Fact]
    public async Task After_a_fatal_producer_error_the_producer_is_replaced_and_the_batch_goes_through_when_published_again()
    {
        var (before, during) = Batches();
        using var connector = Connectors.Create(_cluster.BootstrapServers, ShortTimeouts);
        await connector.PublishAsync(Destination, before, CancellationToken.None);

        // The broker no longer agrees with the idempotent producer's sequence: librdkafka gives that producer up.
        _cluster.PushRequestErrors(ProduceApiKey, OutOfOrderSequenceNumber);
        await Assert.ThrowsAsync<DataFeederPublishException>(() => connector.PublishAsync(Destination, during, CancellationToken.None));
        await connector.PublishAsync(Destination, during, CancellationToken.None);

        DeliveredEvents.AssertAtLeastOnceInOrder([.. before, .. during], KafkaReadBack.ReadAll(_cluster.BootstrapServers, _topic), EventsEach);
    }

    [Fact]
    public async Task A_cancelled_publish_stops_waiting_and_its_events_still_arrive_at_most_as_repeats()
    {
        var (before, during) = Batches();
        // A publish timeout far beyond the cancellation: the publish can only end by being cancelled.
        using var connector = Connectors.Create(_cluster.BootstrapServers, options =>
        {
            ShortTimeouts(options);
            options.PublishTimeoutMs = 300_000;
        });
        await connector.PublishAsync(Destination, before, CancellationToken.None);

        SetAllBrokers(up: false);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connector.PublishAsync(Destination, during, cancellation.Token));
        SetAllBrokers(up: true);
        await connector.PublishAsync(Destination, during, CancellationToken.None);

        DeliveredEvents.AssertAtLeastOnceInOrder([.. before, .. during], KafkaReadBack.ReadAll(_cluster.BootstrapServers, _topic), EventsEach);
    }

    [Fact]
    public async Task Neither_bodies_nor_secret_settings_are_logged_even_when_everything_fails()
    {
        const string Secret = "sasl-password-that-must-not-leak";
        var logger = new CapturedLogger<KafkaDataFeederConnector>();
        var (before, during) = Batches();
        using var connector = Connectors.Create(_cluster.BootstrapServers, options =>
        {
            ShortTimeouts(options);
            options.Settings["sasl.password"] = Secret;
            options.Settings["debug"] = "broker,topic,msg,protocol";
        }, logger);
        await connector.PublishAsync(Destination, before, CancellationToken.None);

        SetAllBrokers(up: false);
        await Assert.ThrowsAsync<DataFeederPublishException>(() => connector.PublishAsync(Destination, during, CancellationToken.None));
        SetAllBrokers(up: true);
        _cluster.PushRequestErrors(ProduceApiKey, OutOfOrderSequenceNumber);
        await Assert.ThrowsAnyAsync<DataFeederPublishException>(() => connector.PublishAsync(Destination, during, CancellationToken.None));

        Assert.Contains(logger.Lines, line => line.Contains("not acknowledged", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
        // "category 7" is in bodies only; "ürün" only in the bodies of Analyzed events.
        Assert.DoesNotContain(logger.Lines, line => line.Contains("category 7", StringComparison.Ordinal) || line.Contains("ürün", StringComparison.Ordinal));
        Assert.Contains(during, r => Encoding.UTF8.GetString(r.Body).Contains("category 7", StringComparison.Ordinal));
    }

    public void Dispose() => _cluster.Dispose();

    private DataFeederDestination Destination => new(_topic);

    /// <summary>Events 0-4 of every conversation, then events 5-9.</summary>
    private (List<DataFeederRecord> Before, List<DataFeederRecord> During) Batches()
    {
        var all = TestEvents.Interleaved("tenant-a", _conversations, EventsEach);
        var half = all.Count / 2;
        return (all[..half], all[half..]);
    }

    // A failed publish takes the publish timeout; reconnecting quickly after the outage keeps the retry short.
    private static void ShortTimeouts(KafkaDataFeederOptions options)
    {
        options.PublishTimeoutMs = 3_000;
        options.Settings["reconnect.backoff.max.ms"] = "200";
    }

    private void SetAllBrokers(bool up)
    {
        for (var broker = 1; broker <= _cluster.BrokerCount; broker++)
        {
            if (up)
            {
                _cluster.SetBrokerUp(broker);
            }
            else
            {
                _cluster.SetBrokerDown(broker);
            }
        }
    }
}
