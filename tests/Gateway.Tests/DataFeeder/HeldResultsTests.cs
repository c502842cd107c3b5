using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests.DataFeeder;

/// <summary>Results held for a conversation not recorded yet are bounded: past the limit a post is refused with 409.</summary>
public sealed class HeldResultsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int MaxHeld = 10;

    [Fact]
    public async Task A_conversation_not_recorded_holds_ten_results_and_refuses_the_eleventh()
    {
        await fixture.Api.ReadOkAsync(HttpMethod.Put, $"/api/host/tenants/{GatewayFixture.TenantA}/features", fixture.HostToken,
            Bodies.FeaturesWith(dataFeeder: """{"enabled":true,"eventTypes":["ConversationAnalyzedForDataFeeder","CategoryMatchForDataFeeder"],"topic":"held.results"}"""));
        var path = $"/api/tenants/{GatewayFixture.TenantA}/conversations/never-recorded";

        for (var i = 0; i < MaxHeld; i++)
        {
            var (route, body) = i % 2 == 0 ? ("analysis", Bodies.Analysis) : ("categories", Bodies.Category);
            using var held = await fixture.Api.SendAsync(HttpMethod.Post, $"{path}/{route}", fixture.IngestTokenA, body);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, held.StatusCode);
            Assert.Equal("held", JsonNode.Parse(await held.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        }

        using var refused = await fixture.Api.SendAsync(HttpMethod.Post, $"{path}/categories", fixture.IngestTokenA, Bodies.Category);
        await ProblemAssert.IsProblemAsync(refused, 409, "not recorded");
    }
}
