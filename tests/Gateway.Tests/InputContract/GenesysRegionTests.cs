using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Gateway.Tests.InputContract;

/// <summary>
/// The Genesys install takes a region only from Genesys' documented list (or explicit base URLs under the CA URL
/// rules): a made-up region would start a sync against a host that cannot exist.
/// </summary>
public sealed class GenesysRegionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Install = "/api/tenants/tenant-a/integrations/genesys/install";

    private static string WithRegion(string region) => Bodies.GenesysInstall.Replace("mypurecloud.com", region, StringComparison.Ordinal);

    public static TheoryData<string, string> Refused() => new()
    {
        { "a host that is not Genesys'", WithRegion("example.test") },
        { "a look-alike of a Genesys domain", WithRegion("mypurecloud.com.evil.test") },
        { "an AWS region name", WithRegion("eu-west-1") },
        { "a Genesys domain in upper case", WithRegion("MYPURECLOUD.IE") },
        { "a region next to both base URLs", Bodies.GenesysInstall.Replace("\"region\"",
            "\"apiBaseUrl\":\"https://api.example.test/\",\"loginBaseUrl\":\"https://login.example.test/\",\"region\"", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_region_outside_genesys_list_is_refused_and_nothing_is_installed(string name, string body)
    {
        using var response = await fixture.Api.SendAsync(HttpMethod.Post, Install, fixture.AdminTokenA, body);

        await ProblemAssert.IsProblemAsync(response, 400, "region");
        using var nothing = await fixture.Api.SendAsync(HttpMethod.Get, "/api/tenants/tenant-a/integrations/genesys", fixture.AdminTokenA);
        await ProblemAssert.IsProblemAsync(nothing, 404);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Every_documented_region_is_accepted_and_resolves_to_its_api_and_login_hosts()
    {
        foreach (var region in GenesysRegions.Domains)
        {
            var installation = new GenesysInstallation("org-1", "Knovvu Analytics", "knovvu", "gc-client", "secret", "group-1", Region: region);

            Assert.True(installation.Validate().IsEmpty, region);
            Assert.Equal(($"api.{region}", $"login.{region}"), (installation.ResolvedApiBaseUrl().Host, installation.ResolvedLoginBaseUrl().Host));
        }
    }
}
