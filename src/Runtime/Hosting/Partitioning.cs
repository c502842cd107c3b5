using System.Text;

namespace KnovvuOrleans.Runtime.Hosting;

/// <summary>Maps grain and stream ids to virtual partitions with a hash that is stable across processes.</summary>
public static class Partitioning
{
    public static int PartitionOf(string id, int partitionCount)
    {
        // FNV-1a over UTF-8: string.GetHashCode is randomised per process and would move grains between runs.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)partitionCount);
    }
}
