using System.Runtime.InteropServices;
using System.Text;

namespace KnovvuOrleans.Simulators.Kafka;

/// <summary>
/// librdkafka's mock cluster (produce, fetch, groups, idempotence, transactions) via P/Invoke on the librdkafka that
/// librdkafka.redist ships (the same file Confluent.Kafka loads): a Kafka-protocol endpoint for tests, benchmarks and
/// the demo. The cluster lives as long as the producer handle that owns it.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private IntPtr _rk;
    private IntPtr _mcluster;

    private MockKafkaCluster(IntPtr rk, IntPtr mcluster, string bootstrapServers, int brokerCount)
    {
        _rk = rk;
        _mcluster = mcluster;
        BootstrapServers = bootstrapServers;
        BrokerCount = brokerCount;
    }

    /// <summary>Comma-separated host:port list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    /// <summary>The brokers' ids are 1 to <see cref="BrokerCount"/>.</summary>
    public int BrokerCount { get; }

    /// <summary>The version of the librdkafka the cluster runs on, from the library itself.</summary>
    public static string LibrdkafkaVersion => Marshal.PtrToStringUTF8(Native.rd_kafka_version_str()) ?? "";

    public static MockKafkaCluster Start(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        var errstr = new byte[512];

        IntPtr conf = Native.rd_kafka_conf_new();
        // Quiet: librdkafka logs to stderr by default; 3 = errors only.
        if (Native.rd_kafka_conf_set(conf, "log_level", "3", errstr, (UIntPtr)errstr.Length) != 0)
        {
            Native.rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException("rd_kafka_conf_set failed: " + Text(errstr));
        }

        // On success rd_kafka_new takes ownership of conf; on failure it stays ours.
        IntPtr rk = Native.rd_kafka_new(0 /* RD_KAFKA_PRODUCER */, conf, errstr, (UIntPtr)errstr.Length);
        if (rk == IntPtr.Zero)
        {
            Native.rd_kafka_conf_destroy(conf);
            throw new InvalidOperationException("rd_kafka_new failed: " + Text(errstr));
        }

        IntPtr mcluster = Native.rd_kafka_mock_cluster_new(rk, brokers);
        if (mcluster == IntPtr.Zero)
        {
            Native.rd_kafka_destroy(rk);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed");
        }

        string bootstrap = Marshal.PtrToStringUTF8(Native.rd_kafka_mock_cluster_bootstraps(mcluster)) ?? "";
        return new MockKafkaCluster(rk, mcluster, bootstrap, brokers);
    }

    public void CreateTopic(string name, int partitions)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ObjectDisposedException.ThrowIf(_mcluster == IntPtr.Zero, this);
        Check(Native.rd_kafka_mock_topic_create(_mcluster, name, partitions, 1), $"rd_kafka_mock_topic_create({name})");
    }

    /// <summary>
    /// An outage of one broker: its connections are closed and new ones are refused until <see cref="SetBrokerUp"/>.
    /// </summary>
    public void SetBrokerDown(int brokerId) =>
        Check(Native.rd_kafka_mock_broker_set_down(Cluster(brokerId), brokerId), $"rd_kafka_mock_broker_set_down({brokerId})");

    public void SetBrokerUp(int brokerId) =>
        Check(Native.rd_kafka_mock_broker_set_up(Cluster(brokerId), brokerId), $"rd_kafka_mock_broker_set_up({brokerId})");

    /// <summary>
    /// The next <paramref name="errors"/>.Length requests with Kafka API key <paramref name="apiKey"/> are answered
    /// with these Kafka error codes, one each, by whichever broker receives them.
    /// </summary>
    public void PushRequestErrors(short apiKey, params int[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ObjectDisposedException.ThrowIf(_mcluster == IntPtr.Zero, this);
        Native.rd_kafka_mock_push_request_errors_array(_mcluster, apiKey, (UIntPtr)errors.Length, errors);
    }

    public void Dispose()
    {
        if (_mcluster != IntPtr.Zero)
        {
            Native.rd_kafka_mock_cluster_destroy(_mcluster);
            _mcluster = IntPtr.Zero;
        }
        if (_rk != IntPtr.Zero)
        {
            Native.rd_kafka_destroy(_rk);
            _rk = IntPtr.Zero;
        }
    }

    private IntPtr Cluster(int brokerId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokerId, BrokerCount);
        ObjectDisposedException.ThrowIf(_mcluster == IntPtr.Zero, this);
        return _mcluster;
    }

    private static void Check(int err, string call)
    {
        if (err != 0)
        {
            throw new InvalidOperationException($"{call} failed: {Marshal.PtrToStringUTF8(Native.rd_kafka_err2str(err))}");
        }
    }

    private static string Text(byte[] buf)
    {
        int n = Array.IndexOf(buf, (byte)0);
        return Encoding.UTF8.GetString(buf, 0, n < 0 ? buf.Length : n);
    }

    // The name Confluent.Kafka imports too: resolved from the app's runtimes/linux-x64/native (build/Librdkafka.targets).
    private static class Native
    {
        private const string Lib = "librdkafka";

        [DllImport(Lib)] public static extern IntPtr rd_kafka_conf_new();
        [DllImport(Lib)] public static extern void rd_kafka_conf_destroy(IntPtr conf);

        [DllImport(Lib, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int rd_kafka_conf_set(
            IntPtr conf,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string value,
            byte[] errstr,
            UIntPtr errstrSize);

        [DllImport(Lib)]
        public static extern IntPtr rd_kafka_new(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

        [DllImport(Lib)] public static extern void rd_kafka_destroy(IntPtr rk);
        [DllImport(Lib)] public static extern IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);
        [DllImport(Lib)] public static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr mcluster);
        [DllImport(Lib)] public static extern void rd_kafka_mock_cluster_destroy(IntPtr mcluster);

        [DllImport(Lib, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int rd_kafka_mock_topic_create(
            IntPtr mcluster,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string topic,
            int partitionCount,
            int replicationFactor);

        [DllImport(Lib)] public static extern int rd_kafka_mock_broker_set_down(IntPtr mcluster, int brokerId);
        [DllImport(Lib)] public static extern int rd_kafka_mock_broker_set_up(IntPtr mcluster, int brokerId);
        [DllImport(Lib)]
        public static extern void rd_kafka_mock_push_request_errors_array(IntPtr mcluster, short apiKey, UIntPtr count, int[] errors);

        [DllImport(Lib)] public static extern IntPtr rd_kafka_err2str(int err);
        [DllImport(Lib)] public static extern IntPtr rd_kafka_version_str();
    }
}
