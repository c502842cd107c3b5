using Confluent.Kafka;
using KnovvuOrleans.Grains.DataFeeder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.DataFeeder.Tests.Connector;

/// <summary>The settings: bound from "DataFeeder:Kafka", and turned into a producer configuration that keeps the guarantees.</summary>
public sealed class ConnectorOptionsTests
{
    [Fact]
    public void The_options_are_bound_from_the_DataFeeder_Kafka_section()
    {
        using var services = Services(new()
        {
            ["DataFeeder:Kafka:BootstrapServers"] = "kafka-1:9092,kafka-2:9092",
            ["DataFeeder:Kafka:LegacyBroker"] = "true",
            ["DataFeeder:Kafka:LingerMs"] = "20",
            ["DataFeeder:Kafka:PublishTimeoutMs"] = "60000",
            ["DataFeeder:Kafka:Settings:compression.type"] = "lz4",
        });

        var options = services.GetRequiredService<IOptions<KafkaDataFeederOptions>>().Value;

        Assert.Equal(("kafka-1:9092,kafka-2:9092", true, true, 20, 60_000), (options.BootstrapServers, options.LegacyBroker, options.EnableIdempotence, options.LingerMs, options.PublishTimeoutMs));
        Assert.Equal("lz4", options.Settings["compression.type"]);
        Assert.IsType<KafkaDataFeederConnector>(services.GetRequiredService<IDataFeederConnector>());
    }

    [Fact]
    public void Missing_bootstrap_servers_are_refused()
    {
        using var services = Services([]);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KafkaDataFeederOptions>>().Value);
        Assert.Contains(nameof(KafkaDataFeederOptions.BootstrapServers), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_the_producer_is_idempotent_and_waits_for_all_replicas()
    {
        var config = KafkaDataFeederProducerConfig.Create(new KafkaDataFeederOptions { BootstrapServers = "kafka:9092" });

        Assert.Equal((Acks.All, true, 5, 5), (config.Acks, config.EnableIdempotence, config.MaxInFlight, config.LingerMs));
        Assert.Null(config.ApiVersionRequest);
    }

    [Fact]
    public void No_message_ever_times_out_and_any_gap_stops_the_producer_so_a_later_event_of_a_key_cannot_overtake_an_earlier()
    {
        var config = KafkaDataFeederProducerConfig.Create(new KafkaDataFeederOptions { BootstrapServers = "kafka:9092", PublishTimeoutMs = 1_000 });

        Assert.Equal((0, true, true, 5), (config.MessageTimeoutMs, config.EnableGaplessGuarantee, config.EnableIdempotence, config.MaxInFlight));
    }

    [Fact]
    public void A_legacy_broker_gets_the_0_9_protocol_no_idempotence_and_one_request_in_flight()
    {
        var config = KafkaDataFeederProducerConfig.Create(new KafkaDataFeederOptions { BootstrapServers = "kafka:9092", LegacyBroker = true });

        Assert.Equal((false, "0.9.0.1", false, 1, Acks.All), (config.ApiVersionRequest, config.BrokerVersionFallback, config.EnableIdempotence, config.MaxInFlight, config.Acks));
    }

    [Fact]
    public void Without_idempotence_one_request_is_in_flight_so_retries_cannot_reorder()
    {
        var config = KafkaDataFeederProducerConfig.Create(new KafkaDataFeederOptions { BootstrapServers = "kafka:9092", EnableIdempotence = false });

        Assert.Equal((false, 1), (config.EnableIdempotence, config.MaxInFlight));
    }

    [Fact]
    public void Free_form_settings_cannot_weaken_the_guarantees()
    {
        var config = KafkaDataFeederProducerConfig.Create(new KafkaDataFeederOptions
        {
            BootstrapServers = "kafka:9092",
            Settings =
            {
                ["acks"] = "1", ["enable.idempotence"] = "false", ["max.in.flight"] = "100", ["compression.type"] = "lz4",
                ["request.required.acks"] = "0", ["max.in.flight.requests.per.connection"] = "100",
                ["message.timeout.ms"] = "1000", ["delivery.timeout.ms"] = "1000", ["enable.gapless.guarantee"] = "false",
            },
        });

        Assert.Equal((Acks.All, true, 5, CompressionType.Lz4, 0, true), (config.Acks, config.EnableIdempotence, config.MaxInFlight, config.CompressionType, config.MessageTimeoutMs, config.EnableGaplessGuarantee));
        Assert.DoesNotContain(config, c => c.Key is "request.required.acks" or "max.in.flight.requests.per.connection" or "delivery.timeout.ms");
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddKafkaDataFeederConnector(configuration)
            .BuildServiceProvider();
    }
}
