using System.Net;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Faults;
using Polly.CircuitBreaker;

namespace KnovvuOrleans.VirtualAgent.Tests.KnovvuAnalytics;

public sealed class KnovvuAnalyticsClientTests
{
    private const string Agent = "VA.t.p1.web";

    [Fact]
    public async Task One_token_serves_many_requests_and_a_revoked_one_is_replaced_once()
    {
        await using var ca = await CaClientHarness.StartAsync();
        await ca.Client.SendDepartmentsAgentsAsync(ca.TenantA, CaClientHarness.Department("p1", "web"), default);
        for (var i = 0; i < 10; i++)
        {
            await ca.Client.SendChatAsync(ca.TenantA, CaClientHarness.Chat($"s{i}", Agent), default);
        }

        Assert.Equal(1, TokenRequests(ca));
        ca.Simulator.Tokens.RevokeAll();
        await ca.Client.SendChatAsync(ca.TenantA, CaClientHarness.Chat("after-revoke", Agent), default);

        Assert.Equal(2, TokenRequests(ca));
        Assert.NotNull(ca.Simulator.Received.FindChat("ca-a", "after-revoke"));
    }

    [Fact]
    public async Task Server_errors_and_lost_acknowledgements_are_retried_and_the_chat_is_stored_once()
    {
        await using var ca = await CaClientHarness.StartAsync();
        await ca.Client.SendDepartmentsAgentsAsync(ca.TenantA, CaClientHarness.Department("p1", "web"), default);
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = "api/chats", Count = 2 });
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.AckLost, Path = "api/chats", Count = 1 });

        await ca.Client.SendChatAsync(ca.TenantA, CaClientHarness.Chat("flaky", Agent), default);

        var chat = Assert.Single(ca.Simulator.Received.Chats);
        Assert.Equal("flaky", chat.ExternalId);
        Assert.Equal(4, ca.Simulator.Requests.Entries.Count(e => e.Path == "api/chats"));
    }

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After()
    {
        await using var ca = await CaClientHarness.StartAsync();
        await ca.Client.SendDepartmentsAgentsAsync(ca.TenantA, CaClientHarness.Department("p1", "web"), default);
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Path = "api/chats", Count = 2, RetryAfter = TimeSpan.FromSeconds(1) });

        await ca.Client.SendChatAsync(ca.TenantA, CaClientHarness.Chat("throttled", Agent), default);

        var throttles = ca.Simulator.Requests.Throttles();
        Assert.Equal(2, throttles.Count);
        Assert.All(throttles, t => Assert.True(t.RetryAfterRespected, $"came back after {t.Waited} instead of {t.Throttled.RetryAfter}"));
        Assert.NotNull(ca.Simulator.Received.FindChat("ca-a", "throttled"));
    }

    [Fact]
    public async Task A_request_CA_refuses_for_good_is_not_retried()
    {
        await using var ca = await CaClientHarness.StartAsync();

        // No department or agent sent first: CA does not know the agent.
        var refused = await Assert.ThrowsAsync<CaRequestRejectedException>(
            () => ca.Client.SendChatAsync(ca.TenantA, CaClientHarness.Chat("orphan", "VA.t.unknown.web"), default));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Single(ca.Simulator.Requests.Entries, e => e.Path == "api/chats");
    }

    [Fact]
    public async Task Wrong_client_credentials_fail_without_retries()
    {
        await using var ca = await CaClientHarness.StartAsync();
        var wrong = ca.TenantA with { ClientSecret = "not-the-secret" };

        var refused = await Assert.ThrowsAsync<CaRequestRejectedException>(
            () => ca.Client.SendDepartmentsAgentsAsync(wrong, CaClientHarness.Department("p1", "web"), default));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.DoesNotContain("not-the-secret", refused.Message);
        Assert.DoesNotContain("not-the-secret", wrong.ToString());
    }

    [Fact]
    public async Task One_tenants_failing_CA_opens_only_that_tenants_breaker()
    {
        await using var ca = await CaClientHarness.StartAsync(o =>
        {
            o.MaxRetries = 0;
            o.BreakerMinimumThroughput = 5;
            o.BreakerDuration = TimeSpan.FromMinutes(1);
        });
        await ca.Client.SendDepartmentsAgentsAsync(ca.TenantA, CaClientHarness.Department("p1", "web"), default);
        await ca.Client.SendDepartmentsAgentsAsync(ca.TenantB, CaClientHarness.Department("p1", "web"), default);
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = "api/chats", ClientId = "client-a" });

        // Failures reach CA until the breaker has seen enough of them; then calls fail at once without reaching it.
        var reachedCa = 0;
        while (true)
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => ca.Client.SendChatAsync(ca.TenantA, CaClientHarness.Chat($"a{reachedCa}", Agent), default));
            if (failure is BrokenCircuitException)
            {
                break;
            }

            Assert.IsType<HttpRequestException>(failure);
            Assert.True(++reachedCa <= 5, "the breaker never opened");
        }

        Assert.Equal(reachedCa, ca.Simulator.Requests.Entries.Count(e => e.Path == "api/chats"));
        await ca.Client.SendChatAsync(ca.TenantB, CaClientHarness.Chat("b-fine", Agent), default);
        Assert.NotNull(ca.Simulator.Received.FindChat("ca-b", "b-fine"));
    }

    private static int TokenRequests(CaClientHarness ca) =>
        ca.Simulator.Requests.Entries.Count(e => e.Path.EndsWith("connect/token", StringComparison.Ordinal));
}
