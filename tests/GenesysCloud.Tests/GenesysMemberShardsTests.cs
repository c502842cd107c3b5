using KnovvuOrleans.Grains.GenesysCloud;

namespace KnovvuOrleans.GenesysCloud.Tests;

/// <summary>Sharding members over channels without churn (capacity 3 here instead of 1,000).</summary>
public sealed class GenesysMemberShardsTests
{
    private static IReadOnlyList<string> Ids(string ids) => ids.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Members_fill_shards_in_order_and_stay_where_they_are_when_others_come_and_go()
    {
        var first = GenesysMemberShards.Plan([], Ids("a b c d e"), 3);
        Assert.Equal([Ids("a b c"), Ids("d e")], first.Shards);
        Assert.Equal([0, 1], first.Changed);

        // b leaves and f, g join (newcomers in the order Genesys lists them): f takes b's place, g the free place of shard 1; nobody moves.
        var second = GenesysMemberShards.Plan(first.Shards, Ids("e d c a f g"), 3);
        Assert.Equal([Ids("a c f"), Ids("d e g")], second.Shards);
        Assert.Equal([0, 1], second.Changed);
        Assert.Empty(second.Retired);

        Assert.Empty(GenesysMemberShards.Plan(second.Shards, Ids("a c f d e g"), 3).Changed);
    }

    [Fact]
    public void An_emptied_shard_is_retired_and_keeps_its_place_for_newcomers()
    {
        var shards = GenesysMemberShards.Plan([], Ids("a b c d e f g"), 3).Shards;

        var emptied = GenesysMemberShards.Plan(shards, Ids("a b c g"), 3);
        Assert.Equal([Ids("a b c"), [], Ids("g")], emptied.Shards);
        Assert.Equal([1], emptied.Retired);
        Assert.Empty(emptied.Changed);

        var refilled = GenesysMemberShards.Plan(emptied.Shards, Ids("a b c g h"), 3);
        Assert.Equal([Ids("a b c"), Ids("h"), Ids("g")], refilled.Shards);
        Assert.Equal([1], refilled.Changed);

        var trailing = GenesysMemberShards.Plan(refilled.Shards, Ids("a b c h"), 3);
        Assert.Equal([Ids("a b c"), Ids("h")], trailing.Shards);
        Assert.Equal([2], trailing.Retired);
    }
}
