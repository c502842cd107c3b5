using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.Simulators.Tests.KnovvuAnalytics;

/// <summary>ExternalId is the idempotency key: a repeat is acknowledged, stored once and counted.</summary>
public sealed class IdempotencyTests
{
    [Fact]
    public async Task A_repeated_chat_is_acknowledged_as_a_duplicate_and_the_first_one_stays_stored()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        using var first = await ca.PostChatAsync(Seed000.ChatWithId("session-1"), token);

        using var repeat = await ca.PostChatAsync(Seed000.ChatWith(c =>
        {
            c["ExternalId"] = "session-1";
            c["ChatLines"]![0]!["Text"] = "changed";
        }), token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(new ChatAcknowledgement("session-1", Duplicate: true), await repeat.Content.ReadFromJsonAsync<ChatAcknowledgement>());
        var chat = Assert.Single(ca.Simulator.Received.Chats);
        Assert.Equal(2, chat.ReceiveCount);
        Assert.NotEqual("changed", Assert.Single(chat.Value.ChatLines).Text);
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_chat_store_it_once()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();

        var acknowledgements = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var response = await ca.PostChatAsync(Seed000.ChatWithId("session-1"), token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<ChatAcknowledgement>())!;
        }));

        Assert.Single(acknowledgements, a => !a.Duplicate);
        Assert.Equal(16, Assert.Single(ca.Simulator.Received.Chats).ReceiveCount);
    }

    [Fact]
    public async Task The_same_ExternalId_in_two_CA_tenants_is_two_chats()
    {
        await using var ca = await CaHarness.StartAsync();
        var tokenA = await ca.TokenWithSeedAgentAsync(CaHarness.ClientA, CaHarness.SecretA);
        var tokenB = await ca.TokenWithSeedAgentAsync(CaHarness.ClientB, CaHarness.SecretB);

        using var inA = await ca.PostChatAsync(Seed000.ChatWithId("session-1"), tokenA);
        using var inB = await ca.PostChatAsync(Seed000.ChatWithId("session-1"), tokenB);

        Assert.False((await inB.Content.ReadFromJsonAsync<ChatAcknowledgement>())!.Duplicate);
        Assert.Equal(1, ca.Simulator.Received.FindChat(CaHarness.TenantA, "session-1")!.ReceiveCount);
        Assert.Equal(1, ca.Simulator.Received.FindChat(CaHarness.TenantB, "session-1")!.ReceiveCount);
    }

    [Fact]
    public async Task Departments_and_agents_are_upserted_by_externalId_and_counted()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();

        using var again = await ca.PostAsync(KnovvuAnalyticsApi.DepartmentsAgentsPath, Seed000.DepartmentsAgentsWith(b =>
        {
            b["departments"]![0]!["name"] = "VA.Tenant.Renamed";
            b["agents"]![0]!["isActive"] = false;
        }), token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var department = Assert.Single(ca.Simulator.Received.Departments);
        Assert.Equal(("VA.Tenant.Renamed", 2), (department.Value.Name, department.ReceiveCount));
        var agent = Assert.Single(ca.Simulator.Received.Agents);
        Assert.Equal((false, 2), (agent.Value.IsActive, agent.ReceiveCount));
    }
}
