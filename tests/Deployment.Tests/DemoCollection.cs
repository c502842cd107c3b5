namespace KnovvuOrleans.Deployment.Tests;

/// <summary>The demo tests run one after another: each runs the whole system, and two at once would crowd 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection
{
    public const string Name = "demo";
}
