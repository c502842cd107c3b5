using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests.DataFeeder;

/// <summary>
/// A Data Feeder topic belongs to one tenant (issue 15, defect 4: tenant B's topic set to tenant A's was accepted and B's
/// events landed in A's topic): another tenant asking for it, also spelt with other case or '_' for '.', gets 409.
/// </summary>
public sealed class TopicOwnershipTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("owned.by-a")]
    [InlineData("OWNED.BY-A")]
    [InlineData("owned_by-a")]
    public async Task Another_tenants_topic_is_refused_with_409_and_the_settings_stay(string asked)
    {
        await fixture.Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{GatewayFixture.TenantA}/features", fixture.HostToken,
            Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder"],"topic":"owned.by-a"}"""));
        var before = await fixture.Api.ReadOkAsync(HttpMethod.Get, $"/api/host/tenants/{GatewayFixture.TenantB}/features", fixture.HostToken);

        using var refused = await fixture.Api.SendAsync(HttpMethod.Put, $"/api/host/tenants/{GatewayFixture.TenantB}/features", fixture.HostToken,
            Bodies.FeaturesWith(dataFeeder: $$"""{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder"],"topic":"{{asked}}"}"""));
        var problem = await ProblemAssert.IsProblemAsync(refused, 409, "dataFeeder.topic");
        Assert.Equal("dataFeeder.topic", problem["field"]!.GetValue<string>());

        var after = await fixture.Api.ReadOkAsync(HttpMethod.Get, $"/api/host/tenants/{GatewayFixture.TenantB}/features", fixture.HostToken);
        Assert.True(JsonNode.DeepEquals(before, after), after.ToJsonString());
    }

    [Fact]
    public async Task A_tenant_keeps_its_own_topic_when_its_settings_are_written_again()
    {
        var body = Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["ConversationCreatedForDataFeeder"],"topic":"kept.by-a"}""");
        await fixture.Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{GatewayFixture.TenantA}/features", fixture.HostToken, body);
        await fixture.Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{GatewayFixture.TenantA}/features", fixture.HostToken, body);
    }
}
