namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// Places a group's members on channel shards of at most <c>capacity</c> members each without churn: a member stays
/// in its shard across syncs (moving one would drop its events while two channels resubscribe), removed members are
/// dropped, and new ones fill the shards with room in shard order before a new shard is opened. A shard is a
/// position (its grain key is <c>{tenantId}/{index}</c>), so an emptied shard keeps its place for later newcomers.
/// </summary>
public static class GenesysMemberShards
{
    public static GenesysShardPlan Plan(IReadOnlyList<IReadOnlyList<string>> current, IReadOnlyList<string> members, int capacity)
    {
        var wanted = new HashSet<string>(members, StringComparer.Ordinal);
        var shards = current.Select(s => s.Where(wanted.Contains).ToList()).ToList();
        var placed = new HashSet<string>(shards.SelectMany(s => s), StringComparer.Ordinal);
        var shard = 0;
        foreach (var member in members.Where(m => !placed.Contains(m)))
        {
            while (shard < shards.Count && shards[shard].Count >= capacity)
            {
                shard++;
            }

            if (shard == shards.Count)
            {
                shards.Add([]);
            }

            shards[shard].Add(member);
            placed.Add(member);
        }

        while (shards.Count > 0 && shards[^1].Count == 0)
        {
            shards.RemoveAt(shards.Count - 1);
        }

        var changed = new List<int>();
        var retired = new List<int>();
        for (var i = 0; i < Math.Max(shards.Count, current.Count); i++)
        {
            var before = i < current.Count ? current[i] : [];
            var after = i < shards.Count ? shards[i] : [];
            if (before.Count > 0 && after.Count == 0)
            {
                retired.Add(i);
            }
            else if (after.Count > 0 && !before.ToHashSet(StringComparer.Ordinal).SetEquals(after))
            {
                changed.Add(i);
            }
        }

        return new GenesysShardPlan(shards, changed, retired);
    }
}

/// <summary>The shards after a sync, the ones whose members changed (to assign) and the ones emptied (to retire).</summary>
public sealed record GenesysShardPlan(IReadOnlyList<IReadOnlyList<string>> Shards, IReadOnlyList<int> Changed, IReadOnlyList<int> Retired);
