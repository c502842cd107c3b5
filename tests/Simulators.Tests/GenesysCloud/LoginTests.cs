using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>The login server's client-credentials grant with HTTP Basic auth, and bearer tokens on the API.</summary>
public sealed class LoginTests
{
    [Fact]
    public async Task A_client_with_Basic_credentials_gets_a_bearer_token_for_the_configured_lifetime()
    {
        await using var genesys = await GenesysHarness.StartAsync(o => o.TokenLifetime = TimeSpan.FromHours(2));

        using var response = await genesys.RequestTokenAsync(GenesysHarness.Basic(GenesysHarness.ClientA, GenesysHarness.SecretA), ("grant_type", "client_credentials"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var token = (await response.Content.ReadFromJsonAsync<GenesysTokenResponse>())!;
        Assert.Equal((7200, "bearer"), (token.ExpiresIn, token.TokenType));
        Assert.True(token.AccessToken.Length >= 32);
        await genesys.WaitLoggedAsync(1);
        Assert.Equal(GenesysHarness.ClientA, genesys.Simulator.Requests.Entries.Single().ClientId);
    }

    [Theory]
    [InlineData(GenesysHarness.ClientA, "wrong", "client_credentials", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("nobody", GenesysHarness.SecretA, "client_credentials", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData(GenesysHarness.ClientA, GenesysHarness.SecretA, "password", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData(GenesysHarness.ClientA, GenesysHarness.SecretA, "", HttpStatusCode.BadRequest, "invalid_request")]
    public async Task A_bad_token_request_gets_an_OAuth_error(string clientId, string secret, string grantType, HttpStatusCode status, string error)
    {
        await using var genesys = await GenesysHarness.StartAsync();

        using var response = await genesys.RequestTokenAsync(GenesysHarness.Basic(clientId, secret), ("grant_type", grantType));

        Assert.Equal(status, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<GenesysTokenErrorResponse>())!;
        Assert.Equal(error, body.Error);
        Assert.NotNull(body.ErrorDescription);
    }

    [Fact]
    public async Task Credentials_in_the_form_instead_of_a_Basic_header_are_refused()
    {
        await using var genesys = await GenesysHarness.StartAsync();

        using var response = await genesys.RequestTokenAsync(
            null, ("grant_type", "client_credentials"), ("client_id", GenesysHarness.ClientA), ("client_secret", GenesysHarness.SecretA));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task A_token_request_that_is_not_a_form_is_invalid()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, genesys.Simulator.TokenEndpoint)
        {
            Content = JsonContent.Create(new { grant_type = "client_credentials" }),
            Headers = { Authorization = GenesysHarness.Basic(GenesysHarness.ClientA, GenesysHarness.SecretA) },
        };

        using var response = await genesys.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.Content.ReadFromJsonAsync<GenesysTokenErrorResponse>())!.Error);
    }

    [Fact]
    public async Task The_token_endpoint_is_on_the_login_base_not_the_API_base()
    {
        await using var genesys = await GenesysHarness.StartAsync();

        using var response = await genesys.Http.PostAsync(GenesysCloudApi.TokenPath, new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(new Uri(genesys.Simulator.BaseUrl, "login/oauth/token"), genesys.Simulator.TokenEndpoint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task The_API_answers_401_in_Genesys_shape_without_a_valid_token(string? token)
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var group = genesys.Org.AddGroup("Knovvu");

        using var response = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Group(group.Id), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var error = await GenesysHarness.ErrorOf(response);
        Assert.Equal((401, GenesysCloudApi.ErrorCodes.BadCredentials), (error.Status, error.Code));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2025-08-26T07:00:00Z"));
        await using var genesys = await GenesysHarness.StartAsync(o => (o.TimeProvider, o.TokenLifetime) = (clock, TimeSpan.FromMinutes(1)));
        var group = genesys.Org.AddGroup("Knovvu");
        var token = await genesys.TokenAsync();
        clock.Advance(TimeSpan.FromSeconds(59));
        using var stillValid = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Group(group.Id), token);

        clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Group(group.Id), token);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_token_sees_only_its_own_org()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agent = genesys.Org.AddUser();
        var group = genesys.Org.AddGroup("Knovvu", [agent]);
        var call = genesys.Simulator.Calls.EndCall(agent.Id);
        var otherToken = await genesys.TokenAsync(GenesysHarness.ClientB, GenesysHarness.SecretB);

        using var groupResponse = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Group(group.Id), otherToken);
        using var detailsResponse = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.ConversationDetails(call.Id), otherToken);
        using var recordingsResponse = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Recordings(call.Id), otherToken);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [groupResponse.StatusCode, detailsResponse.StatusCode, recordingsResponse.StatusCode]);
        Assert.Equal(GenesysCloudApi.ErrorCodes.NotFound, (await GenesysHarness.ErrorOf(groupResponse)).Code);
    }
}
