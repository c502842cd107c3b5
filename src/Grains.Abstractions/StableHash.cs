using System.Text;

namespace KnovvuOrleans.Grains.Abstractions;

/// <summary>A hash of a string that is the same in every process and run (string.GetHashCode is randomised).</summary>
public static class StableHash
{
    /// <summary>The bucket of <paramref name="id"/> among <paramref name="buckets"/>: FNV-1a over its UTF-8 bytes.</summary>
    public static int BucketOf(string id, int buckets)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)buckets);
    }
}
