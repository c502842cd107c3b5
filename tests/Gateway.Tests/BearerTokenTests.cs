using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>
/// Bearer tokens as the JwtBearer handler checks them: lifetime with a small clock skew, issuer, audience, type and
/// key (the previous key only inside its rotation window); every refusal a 401 problem with the RFC 6750 challenge.
/// </summary>
public sealed class BearerTokenTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string HostRoute = "/api/host/tenants";

    private const string InvalidTokenChallenge = "Bearer error=\"invalid_token\", error_description=\"The access token is not valid.\"";

    [Fact]
    public async Task An_expired_token_is_a_401_problem_with_the_invalid_token_challenge()
    {
        using var response = await fixture.Api.SendAsync(HttpMethod.Get, HostRoute, fixture.ExpiredHostToken);

        var problem = await ProblemAssert.IsProblemAsync(response, 401, "expired");
        Assert.Equal("The access token has expired.", problem["detail"]!.GetValue<string>());
        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"The access token has expired.\"", response.Headers.WwwAuthenticate.ToString());
    }

    public static TheoryData<string, string, string, string> ForeignTokens => new()
    {
        { "wrong audience", HostTokenMinter.Issuer, "another-api", "at+jwt" },
        { "wrong issuer", "another-issuer", HostTokenMinter.Issuer, "at+jwt" },
        { "an ID token, not an access token", HostTokenMinter.Issuer, HostTokenMinter.Issuer, "JWT" },
    };

    [Theory]
    [MemberData(nameof(ForeignTokens))]
    public async Task A_token_for_another_audience_or_from_another_issuer_is_refused(string description, string issuer, string audience, string type)
    {
        var token = HostTokenMinter.Mint(fixture.Factory.SigningKey, DateTime.UtcNow.AddMinutes(30), issuer, audience, type: type);

        using var response = await fixture.Api.SendAsync(HttpMethod.Get, HostRoute, token);

        await ProblemAssert.IsProblemAsync(response, 401, "not valid");
        Assert.True(InvalidTokenChallenge == response.Headers.WwwAuthenticate.ToString(), description);
    }

    [Fact]
    public async Task The_same_claims_with_the_right_issuer_and_audience_are_accepted()
    {
        var token = HostTokenMinter.Mint(fixture.Factory.SigningKey, DateTime.UtcNow.AddMinutes(30));

        using var response = await fixture.Api.SendAsync(HttpMethod.Get, HostRoute, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_expired_within_the_clock_skew_is_accepted_and_one_past_it_is_not()
    {
        var withinSkew = HostTokenMinter.Mint(fixture.Factory.SigningKey, DateTime.UtcNow.AddSeconds(-10));
        var pastSkew = HostTokenMinter.Mint(fixture.Factory.SigningKey, DateTime.UtcNow.AddSeconds(-60));

        using var accepted = await fixture.Api.SendAsync(HttpMethod.Get, HostRoute, withinSkew);
        using var refused = await fixture.Api.SendAsync(HttpMethod.Get, HostRoute, pastSkew);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await ProblemAssert.IsProblemAsync(refused, 401, "expired");
    }

    [Fact]
    public async Task A_token_not_valid_yet_beyond_the_clock_skew_is_refused()
    {
        var token = HostTokenMinter.Mint(fixture.Factory.SigningKey, DateTime.UtcNow.AddHours(2), notBefore: DateTime.UtcNow.AddMinutes(5));

        using var response = await fixture.Api.SendAsync(HttpMethod.Get, HostRoute, token);

        await ProblemAssert.IsProblemAsync(response, 401, "not valid yet");
    }

    [Fact]
    public async Task A_token_of_the_previous_key_is_accepted_inside_the_rotation_window_and_refused_after_it()
    {
        var previousKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var windowEnd = DateTimeOffset.UtcNow.AddHours(1);
        await using var gateway = new GatewayFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Auth:PreviousSigningKey"] = previousKey,
                ["Auth:PreviousSigningKeyAcceptedUntil"] = windowEnd.ToString("O", CultureInfo.InvariantCulture),
            },
        };
        var api = new GatewayApi(gateway.CreateClient());
        // Valid for longer than the window, so that only the window can refuse it.
        var oldToken = HostTokenMinter.Mint(previousKey, DateTime.UtcNow.AddHours(4));
        var newToken = HostTokenMinter.Mint(gateway.SigningKey, DateTime.UtcNow.AddHours(4));
        var unknownKeyToken = HostTokenMinter.Mint(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTime.UtcNow.AddHours(4));

        using (var inside = await api.SendAsync(HttpMethod.Get, HostRoute, oldToken))
        using (var unknown = await api.SendAsync(HttpMethod.Get, HostRoute, unknownKeyToken))
        {
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
            await ProblemAssert.IsProblemAsync(unknown, 401, "not valid");
        }

        gateway.Clock.Offset = TimeSpan.FromHours(2);
        using var after = await api.SendAsync(HttpMethod.Get, HostRoute, oldToken);
        using var current = await api.SendAsync(HttpMethod.Get, HostRoute, newToken);

        await ProblemAssert.IsProblemAsync(after, 401, "not valid");
        Assert.Equal(InvalidTokenChallenge, after.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }
}
