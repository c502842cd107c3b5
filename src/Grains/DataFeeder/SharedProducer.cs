using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// One librdkafka producer and the publishes using it. After a fatal error (the idempotent producer lost its sequence
/// with a broker, or may not be idempotent at all) librdkafka fails every later send, so the connector replaces it;
/// the old one is disposed once its last publish has had all its delivery reports, which disposing earlier would drop.
/// </summary>
internal sealed class SharedProducer
{
    private readonly Lock _gate = new();
    private int _users;
    private bool _retired;
    private volatile bool _fatal;

    public SharedProducer(ProducerConfig config, ILogger logger)
    {
        Producer = new ProducerBuilder<string, byte[]>(config)
            .SetLogHandler((_, message) => logger.Log(LevelOf(message.Level), "librdkafka {Facility}: {Message}", message.Facility, message.Message))
            .SetErrorHandler((_, error) =>
            {
                _fatal |= error.IsFatal;
                logger.Log(error.IsFatal ? LogLevel.Critical : LogLevel.Warning,
                    "Kafka producer error {Code}{Fatal}: {Reason}", error.Code, error.IsFatal ? " (fatal: the producer is replaced)" : "", error.Reason);
            })
            .Build();
    }

    public IProducer<string, byte[]> Producer { get; }

    public bool IsFatal => _fatal;

    /// <summary>False once retired: the caller takes the replacement instead.</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _users++;
            return true;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            if (--_users > 0 || !_retired)
            {
                return;
            }
        }

        Producer.Dispose();
    }

    /// <summary>Takes no new publishes; disposed now if none is running, else by the last one.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            if (_users > 0)
            {
                return;
            }
        }

        Producer.Dispose();
    }

    private static LogLevel LevelOf(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };
}
