using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>POST /connect/token: the client-credentials grant and its RFC 6749 §5.2 errors.</summary>
public sealed class TokenEndpointTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayApi Api => fixture.Api;

    [Fact]
    public async Task Host_client_gets_a_bearer_token_with_the_host_scope_and_no_tenant()
    {
        using var response = await Api.RequestTokenAsync(GatewayFactory.HostClientId, fixture.Factory.HostSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await ProblemAssert.ReadJsonAsync(response);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.Equal("host", body["scope"]!.GetValue<string>());
        var claims = Payload(body["access_token"]!.GetValue<string>());
        Assert.Equal("host", claims["scope"]!.GetValue<string>());
        Assert.Equal(GatewayFactory.HostClientId, claims["client_id"]!.GetValue<string>());
        Assert.Null(claims["tenant"]);
    }

    [Fact]
    public async Task Tenant_client_gets_its_tenant_and_all_its_scopes_when_it_names_none()
    {
        using var response = await Api.RequestTokenAsync(fixture.ClientA.ClientId, fixture.ClientA.Secret);

        var body = await ProblemAssert.ReadJsonAsync(response);
        Assert.Equal("dataservice_external tenant_admin ingest", body["scope"]!.GetValue<string>());
        var claims = Payload(body["access_token"]!.GetValue<string>());
        Assert.Equal(GatewayFixture.TenantA, claims["tenant"]!.GetValue<string>());
        Assert.Equal(fixture.ClientA.ClientId, claims["client_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_may_narrow_its_scopes()
    {
        using var response = await Api.RequestTokenAsync(fixture.ClientA.ClientId, fixture.ClientA.Secret, "ingest");

        var body = await ProblemAssert.ReadJsonAsync(response);
        Assert.Equal("ingest", body["scope"]!.GetValue<string>());
        Assert.Equal("ingest", Payload(body["access_token"]!.GetValue<string>())["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Client_credentials_in_the_Basic_header_work()
    {
        using var request = Form(new() { ["grant_type"] = "client_credentials" });
        request.Headers.Authorization = Basic(fixture.ClientA.ClientId, fixture.ClientA.Secret);

        using var response = await Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> WrongCredentials => new()
    {
        { "wrong secret of a tenant client", "tenant" },
        { "wrong host secret", "host" },
        { "unknown client of the right shape", "unknown" },
        { "client id of another shape", "shape" },
    };

    [Theory]
    [MemberData(nameof(WrongCredentials))]
    public async Task Wrong_client_credentials_are_invalid_client_401(string description, string kind)
    {
        var (clientId, secret) = kind switch
        {
            "tenant" => (fixture.ClientA.ClientId, fixture.ClientA.Secret + "x"),
            "host" => (GatewayFactory.HostClientId, "not-the-secret"),
            "unknown" => ($"{GatewayFixture.TenantA}.{new string('0', 32)}", fixture.ClientA.Secret),
            _ => ("../../etc/passwd", fixture.ClientA.Secret),
        };

        using var response = await Api.RequestTokenAsync(clientId, secret);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, description);
        Assert.Equal("invalid_client", (await ProblemAssert.ReadJsonAsync(response))["error"]!.GetValue<string>());
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "grant_type missing", "client_id=c&client_secret=s", "invalid_request" },
        { "grant_type password", "grant_type=password&username=u&password=p", "unsupported_grant_type" },
        { "parameter repeated", "grant_type=client_credentials&grant_type=client_credentials&client_id=c&client_secret=s", "invalid_request" },
        { "scope empty", "grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=", "invalid_scope" },
        { "scope with a double space", "grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=ingest%20%20tenant_admin", "invalid_scope" },
        { "scope the client lacks", "grant_type=client_credentials&client_id={id}&client_secret={secret}&scope=host", "invalid_scope" },
        { "no client credentials", "grant_type=client_credentials", "invalid_client" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_token_requests_get_the_OAuth_error(string description, string form, string error)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new StringContent(
                form.Replace("{id}", fixture.ClientA.ClientId, StringComparison.Ordinal)
                    .Replace("{secret}", Uri.EscapeDataString(fixture.ClientA.Secret), StringComparison.Ordinal),
                Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        using var response = await Api.Http.SendAsync(request);

        var body = await ProblemAssert.ReadJsonAsync(response);
        Assert.True(error == body["error"]!.GetValue<string>(), $"{description}: {body}");
        Assert.Equal(error == "invalid_client" ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(body["error_description"]?.GetValue<string>()));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_JSON_body_is_invalid_request()
    {
        using var response = await Api.Http.PostAsync("/connect/token", new StringContent(
            $$"""{"grant_type":"client_credentials","client_id":"{{fixture.ClientA.ClientId}}","client_secret":"{{fixture.ClientA.Secret}}"}""",
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await ProblemAssert.ReadJsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Credentials_in_both_the_header_and_the_form_are_invalid_request()
    {
        using var request = Form(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = fixture.ClientA.ClientId,
            ["client_secret"] = fixture.ClientA.Secret,
        });
        request.Headers.Authorization = Basic(fixture.ClientA.ClientId, fixture.ClientA.Secret);

        using var response = await Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await ProblemAssert.ReadJsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_Basic_header_is_invalid_client()
    {
        using var request = Form(new() { ["grant_type"] = "client_credentials" });
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "not base64!");

        using var response = await Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await ProblemAssert.ReadJsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_issued_tenant_token_opens_its_own_tenant_route()
    {
        var token = await Api.TokenAsync(fixture.ClientA.ClientId, fixture.ClientA.Secret, "tenant_admin");

        var profile = await Api.ReadOkAsync(HttpMethod.Get, $"/api/tenants/{GatewayFixture.TenantA}/profile", token);

        Assert.Equal("Tenant A", profile["name"]!.GetValue<string>());
    }

    private static HttpRequestMessage Form(Dictionary<string, string> fields) =>
        new(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(fields) };

    private static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

    private static JsonObject Payload(string jwt) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]))!.AsObject();
}
