using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Simulators.Tests.KnovvuAnalytics;

/// <summary>The identity server's client-credentials grant, and bearer tokens on the API.</summary>
public sealed class TokenTests
{
    [Fact]
    public async Task A_registered_client_gets_a_bearer_token_for_the_configured_lifetime()
    {
        await using var ca = await CaHarness.StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(2));

        using var response = await ca.RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", CaHarness.ClientA), ("client_secret", CaHarness.SecretA), ("scope", "Virtual Agent"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;
        Assert.Equal((120, "Bearer", KnovvuAnalyticsApi.Scope), (token.ExpiresIn, token.TokenType, token.Scope));
        Assert.True(token.AccessToken.Length >= 32);
    }

    [Fact]
    public async Task A_scope_list_that_includes_Virtual_Agent_is_accepted()
    {
        await using var ca = await CaHarness.StartAsync();

        using var response = await ca.RequestTokenAsync(
            ("grant_type", "client_credentials"), ("client_id", CaHarness.ClientA), ("client_secret", CaHarness.SecretA), ("scope", "openid Virtual Agent"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("client_credentials", CaHarness.ClientA, "wrong", "Virtual Agent", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("client_credentials", "nobody", CaHarness.SecretA, "Virtual Agent", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("client_credentials", "", "", "Virtual Agent", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("password", CaHarness.ClientA, CaHarness.SecretA, "Virtual Agent", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("", CaHarness.ClientA, CaHarness.SecretA, "Virtual Agent", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("client_credentials", CaHarness.ClientA, CaHarness.SecretA, "", HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("client_credentials", CaHarness.ClientA, CaHarness.SecretA, "Virtual", HttpStatusCode.BadRequest, "invalid_scope")]
    [InlineData("client_credentials", CaHarness.ClientA, CaHarness.SecretA, "dataservice_external", HttpStatusCode.BadRequest, "invalid_scope")]
    public async Task A_bad_token_request_gets_an_OAuth_error(string grantType, string clientId, string secret, string scope, HttpStatusCode status, string error)
    {
        await using var ca = await CaHarness.StartAsync();

        using var response = await ca.RequestTokenAsync(("grant_type", grantType), ("client_id", clientId), ("client_secret", secret), ("scope", scope));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (await response.Content.ReadFromJsonAsync<TokenErrorResponse>())!.Error);
    }

    [Fact]
    public async Task A_token_request_that_is_not_a_form_is_invalid()
    {
        await using var ca = await CaHarness.StartAsync();

        using var response = await ca.Http.PostAsJsonAsync(ca.Simulator.TokenEndpoint, new { grant_type = "client_credentials" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.Content.ReadFromJsonAsync<TokenErrorResponse>())!.Error);
    }

    [Fact]
    public async Task The_token_endpoint_is_on_the_identity_base_not_the_service_base()
    {
        await using var ca = await CaHarness.StartAsync();

        using var response = await ca.Http.PostAsync(KnovvuAnalyticsApi.TokenPath, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dmEtY2xpZW50LWE6c2VjcmV0LWE=")]
    public async Task The_API_answers_401_with_a_Bearer_challenge_without_a_valid_token(string? authorization)
    {
        await using var ca = await CaHarness.StartAsync();
        await ca.TokenWithSeedAgentAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, KnovvuAnalyticsApi.ChatsPath) { Content = new StringContent(Seed000.Chat, null, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await ca.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Empty(ca.Simulator.Received.Chats);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-08-26T07:00:00Z"));
        await using var ca = await CaHarness.StartAsync(o => (o.TimeProvider, o.TokenLifetime) = (clock, TimeSpan.FromSeconds(60)));
        var token = await ca.TokenWithSeedAgentAsync();
        clock.Advance(TimeSpan.FromSeconds(59));
        using var stillValid = await ca.PostChatAsync(Seed000.ChatWithId("before-expiry"), token);

        clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await ca.PostChatAsync(Seed000.ChatWithId("after-expiry"), token);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("expired", Assert.Single(expired.Headers.WwwAuthenticate).Parameter);
        Assert.Null(ca.Simulator.Received.FindChat(CaHarness.TenantA, "after-expiry"));
    }

    [Fact]
    public async Task Revoked_tokens_are_refused_until_the_client_fetches_a_new_one()
    {
        await using var ca = await CaHarness.StartAsync();
        var token = await ca.TokenWithSeedAgentAsync();

        ca.Simulator.Tokens.RevokeAll();
        using var revoked = await ca.PostChatAsync(Seed000.ChatWithId("s1"), token);
        using var renewed = await ca.PostChatAsync(Seed000.ChatWithId("s1"), await ca.TokenAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(1, ca.Simulator.Received.FindChat(CaHarness.TenantA, "s1")!.ReceiveCount);
    }
}
