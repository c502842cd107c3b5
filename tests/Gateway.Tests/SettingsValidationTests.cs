using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>A wrong setting stops the gateway at start with a message naming the key, whichever feature owns it.</summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<string, string?, string> WrongSettings => new()
    {
        { "ObjectStorage:Provider", "Ftp", "ObjectStorage:Provider" },
        { "ObjectStorage:Provider", "S3", "ObjectStorage:ServiceUrl" },
        { "Auth:ClockSkew", "01:00:00", "Auth:ClockSkew" },
        { "Auth:PreviousSigningKey", Convert.ToBase64String(new byte[32]), "Auth:PreviousSigningKeyAcceptedUntil" },
        { "Gateway:MaxRequestBodyBytes", "0", "Gateway:MaxRequestBodyBytes" },
        { "GenesysCloud:Sync:ReconcileAtUtc", "1.00:00:00", "GenesysCloud:Sync:ReconcileAtUtc" },
        { "GenesysCloud:Sync:ReconcileCatchUpLimit", "1.00:00:00", "GenesysCloud:Sync:ReconcileCatchUpLimit" },
        { "KnovvuAnalytics:Client:BreakerMinimumThroughput", "1", "KnovvuAnalytics:Client:BreakerMinimumThroughput" },
        { "DurableStreams:RetryMaxDelay", "00:00:00.010", "DurableStreams:RetryMaxDelay" },
        { "Storage:Provider", "Oracle", "Storage:Provider" },
        { "Gateway:RateLimit:TenantWindow", "00:00:00", "Gateway:RateLimit:TenantWindow" },
        { "Gateway:RateLimit:TenantSessionsPerSecond", "0", "Gateway:RateLimit:TenantSessionsPerSecond" },
        { "DataFeeder:HeldResults:Expiry", "-00:01:00", "DataFeeder:HeldResults:Expiry" },
        { "DataFeeder:Replay:EventsPerSecond", "0", "DataFeeder:Replay:EventsPerSecond" },
        { "DataFeeder:Replay:RetryBaseDelay", "00:01:00", "DataFeeder:Replay:RetryMaxDelay" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task A_wrong_setting_stops_the_start_with_a_message_naming_its_key(string key, string? value, string named)
    {
        await using var gateway = new GatewayFactory { Settings = new Dictionary<string, string?> { [key] = value } };

        var exception = Record.Exception(() => gateway.CreateClient());

        Assert.NotNull(exception);
        Assert.Contains(named, exception.ToString(), StringComparison.Ordinal);
    }
}
