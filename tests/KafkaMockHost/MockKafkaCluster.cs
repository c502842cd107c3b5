using System.Runtime.InteropServices;
using System.Text;

namespace KnovvuOrleans.KafkaMockHost;

/// <summary>
/// librdkafka's mock cluster (produce, fetch, groups, idempotence, transactions) via P/Invoke on the
/// OS library. The cluster lives as long as the producer handle that owns it.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private IntPtr _rk;
    private IntPtr _mcluster;

    private MockKafkaCluster(IntPtr rk, IntPtr mcluster, string bootstrapServers)
    {
        _rk = rk;
        _mcluster = mcluster;
        BootstrapServers = bootstrapServers;
    }

    /// <summary>Comma-separated host:port list of the mock brokers.</summary>
    public string BootstrapServers { get; }

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
        return new MockKafkaCluster(rk, mcluster, bootstrap);
    }

    public void CreateTopic(string name, int partitions)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ObjectDisposedException.ThrowIf(_mcluster == IntPtr.Zero, this);
        int err = Native.rd_kafka_mock_topic_create(_mcluster, name, partitions, 1);
        if (err != 0)
        {
            throw new InvalidOperationException(
                $"rd_kafka_mock_topic_create({name}) failed: {Marshal.PtrToStringUTF8(Native.rd_kafka_err2str(err))}");
        }
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

    private static string Text(byte[] buf)
    {
        int n = Array.IndexOf(buf, (byte)0);
        return Encoding.UTF8.GetString(buf, 0, n < 0 ? buf.Length : n);
    }

    // Debian's runtime library name; no -dev package or Confluent loader needed.
    private static class Native
    {
        private const string Lib = "librdkafka.so.1";

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

        [DllImport(Lib)] public static extern IntPtr rd_kafka_err2str(int err);
    }
}
