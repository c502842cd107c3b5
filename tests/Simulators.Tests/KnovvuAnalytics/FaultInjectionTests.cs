using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Faults;
using KnovvuOrleans.Simulators.KnovvuAnalytics;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Simulators.Tests.KnovvuAnalytics;

/// <summary>Each fault mode, set at run time: what the client sees and what the simulator stored.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Scripted_server_errors_fail_the_next_requests_and_store_nothing()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = KnovvuAnalyticsApi.ChatsPath, Count = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await ca.PostChatAsync(Seed000.ChatWithId("s1"), token);
            statuses.Add(response.StatusCode);
            Assert.Equal(attempt < 2 ? 0 : 1, ca.Simulator.Received.Chats.Count);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(1, ca.Simulator.Received.FindChat(CaHarness.TenantA, "s1")!.ReceiveCount);
        Assert.Empty(ca.Simulator.Faults.Rules);
        var attempts = ca.Simulator.Requests.Entries.Where(e => e.Key == "s1").OrderBy(e => e.Sequence).ToArray();
        Assert.Equal([503, 503, 200], attempts.Select(e => e.StatusCode));
        Assert.Equal([FaultKind.ServerError, FaultKind.ServerError, null], attempts.Select(e => e.Fault));
    }

    [Fact]
    public async Task A_server_error_rate_gives_the_same_faults_for_the_same_seed()
    {
        var first = await StatusesUnderErrorRateAsync(seed: 7);
        var second = await StatusesUnderErrorRateAsync(seed: 7);

        Assert.Equal(first, second);
        Assert.Contains(500, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task Too_many_requests_sends_Retry_After_in_whole_seconds_and_stores_nothing()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, RetryAfter = TimeSpan.FromSeconds(2.5) });

        using var response = await ca.PostChatAsync(Seed000.Chat, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.Empty(ca.Simulator.Received.Chats);
        Assert.Equal(TimeSpan.FromSeconds(3), ca.Simulator.Requests.Entries.Single(e => e.StatusCode == 429).RetryAfter);
    }

    [Fact]
    public async Task Throttle_follow_ups_tell_whether_the_client_waited_its_Retry_After()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-08-26T07:00:00Z"));
        await using var ca = await CaHarness.StartAsync(o => o.TimeProvider = clock);
        var token = await ca.TokenWithSeedAgentAsync();
        var throttleOnce = new FaultRule { Kind = FaultKind.TooManyRequests, RetryAfter = TimeSpan.FromSeconds(5), Count = 1 };

        ca.Simulator.Faults.Add(throttleOnce);
        (await ca.PostChatAsync(Seed000.ChatWithId("patient"), token)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        (await ca.PostChatAsync(Seed000.ChatWithId("patient"), token)).Dispose();
        ca.Simulator.Faults.Add(throttleOnce);
        (await ca.PostChatAsync(Seed000.ChatWithId("hasty"), token)).Dispose();
        clock.Advance(TimeSpan.FromSeconds(4));
        (await ca.PostChatAsync(Seed000.ChatWithId("hasty"), token)).Dispose();

        var throttles = ca.Simulator.Requests.Throttles();
        Assert.Equal(["patient", "hasty"], throttles.Select(t => t.Throttled.Key));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(4)], throttles.Select(t => t.Waited!.Value));
        Assert.Equal([true, false], throttles.Select(t => t.RetryAfterRespected));
    }

    [Fact]
    public async Task Added_latency_delays_the_answer_by_at_least_the_configured_time()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        var delay = TimeSpan.FromMilliseconds(300);
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Delay, Delay = delay });

        var watch = Stopwatch.StartNew();
        using var response = await ca.PostChatAsync(Seed000.Chat, token);
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Timers on Linux run on a coarse clock that may fire a few milliseconds before a Stopwatch says so.
        Assert.True(watch.Elapsed >= delay - TimeSpan.FromMilliseconds(20), $"answered after {watch.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(delay, ca.Simulator.Requests.Entries.Single(e => e.Path == KnovvuAnalyticsApi.ChatsPath).Delay);
    }

    [Fact]
    public async Task A_hanging_request_never_answers_and_stores_nothing()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.Hang, Path = KnovvuAnalyticsApi.ChatsPath });
        using var clientTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var request = new HttpRequestMessage(HttpMethod.Post, KnovvuAnalyticsApi.ChatsPath)
        {
            Content = new StringContent(Seed000.Chat, null, "application/json"),
            Headers = { Authorization = new("Bearer", token) },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ca.Http.SendAsync(request, clientTimeout.Token));

        await Eventually.TrueAsync(() => ca.Simulator.Requests.Entries.Any(e => e.Fault == FaultKind.Hang), "the hung request is logged once the client gave up");
        Assert.Equal(0, ca.Simulator.Requests.Entries.Single(e => e.Fault == FaultKind.Hang).StatusCode);
        Assert.Empty(ca.Simulator.Received.Chats);
        ca.Simulator.Faults.Clear();
        using var afterwards = await ca.PostChatAsync(Seed000.Chat, token);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_lost_acknowledgement_stores_the_chat_so_the_retry_is_a_duplicate()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.AckLost, Count = 1 });

        using var lost = await ca.PostChatAsync(Seed000.Chat, token);
        var stored = Assert.Single(ca.Simulator.Received.Chats);
        using var retry = await ca.PostChatAsync(Seed000.Chat, token);

        Assert.Equal(HttpStatusCode.InternalServerError, lost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True((await retry.Content.ReadFromJsonAsync<ChatAcknowledgement>())!.Duplicate);
        Assert.Equal(2, stored.ReceiveCount);
    }

    [Fact]
    public async Task A_dropped_acknowledgement_stores_the_chat_and_closes_the_connection()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.AckDropped, Path = KnovvuAnalyticsApi.ChatsPath, Count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => ca.PostChatAsync(Seed000.Chat, token));

        Assert.Single(ca.Simulator.Received.Chats);
        // The request is logged when its handler returns, which may be just after the client saw the connection drop.
        await Eventually.TrueAsync(() => ca.Simulator.Requests.Entries.Any(e => e.Fault == FaultKind.AckDropped), "the dropped request is logged");
        Assert.Equal(0, ca.Simulator.Requests.Entries.Single(e => e.Fault == FaultKind.AckDropped).StatusCode);
    }

    [Fact]
    public async Task A_fault_for_one_client_leaves_the_other_clients_alone()
    {
        await using var ca = await CaHarness.StartAsync();
        var tokenA = await ca.TokenWithSeedAgentAsync(CaHarness.ClientA, CaHarness.SecretA);
        var tokenB = await ca.TokenWithSeedAgentAsync(CaHarness.ClientB, CaHarness.SecretB);
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, ClientId = CaHarness.ClientA, StatusCode = 500 });

        using var forA = await ca.PostChatAsync(Seed000.Chat, tokenA);
        using var forB = await ca.PostChatAsync(Seed000.Chat, tokenB);

        Assert.Equal(HttpStatusCode.InternalServerError, forA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forB.StatusCode);
        Assert.Equal(CaHarness.TenantB, Assert.Single(ca.Simulator.Received.Chats).Tenant);
    }

    [Fact]
    public async Task The_token_endpoint_can_fail_too()
    {
        await using var ca = await CaHarness.StartAsync();
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, Path = KnovvuAnalyticsApi.TokenPath, Count = 1 });

        using var failed = await ca.RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", CaHarness.ClientA), ("client_secret", CaHarness.SecretA), ("scope", KnovvuAnalyticsApi.Scope));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(CaHarness.ClientA, ca.Simulator.Requests.Entries.Single().ClientId);
        Assert.NotEmpty(await ca.TokenAsync());
    }

    [Theory]
    [InlineData(FaultKind.ServerError, 1.5, null, 0)]
    [InlineData(FaultKind.ServerError, 1, 0, 0)]
    [InlineData(FaultKind.ServerError, 1, null, 404)]
    [InlineData(FaultKind.Delay, 1, null, 0)]
    public void A_rule_that_cannot_work_is_refused(FaultKind kind, double probability, int? count, int statusCode)
    {
        var faults = new FaultInjector(seed: 1);
        var rule = new FaultRule { Kind = kind, Probability = probability, Count = count, StatusCode = statusCode == 0 ? null : statusCode };

        Assert.ThrowsAny<ArgumentException>(() => faults.Add(rule));
        Assert.Empty(faults.Rules);
    }

    private static async Task<int[]> StatusesUnderErrorRateAsync(int seed)
    {
        await using var ca = await CaHarness.StartAsync(o => o.FaultSeed = seed);
        var token = await ca.TokenWithSeedAgentAsync();
        ca.Simulator.Faults.Add(new FaultRule { Kind = FaultKind.ServerError, StatusCode = 500, Probability = 0.5 });
        var statuses = new int[20];
        for (var i = 0; i < statuses.Length; i++)
        {
            using var response = await ca.PostChatAsync(Seed000.ChatWithId($"s{i}"), token);
            statuses[i] = (int)response.StatusCode;
        }

        Assert.Equal(statuses.Count(s => s == 200), ca.Simulator.Received.Chats.Count);
        return statuses;
    }
}
