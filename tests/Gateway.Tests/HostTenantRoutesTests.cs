using System.Net;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>The host operator's routes doing their job: tenants, features and clients, read back over HTTP.</summary>
public sealed class HostTenantRoutesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayApi Api => fixture.Api;

    [Fact]
    public async Task A_created_tenant_is_listed_readable_and_has_default_features()
    {
        using var response = await Api.SendAsync(HttpMethod.Post, "/api/host/tenants", fixture.HostToken, """{"id":"acme-1","name":"Acme"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/host/tenants/acme-1", response.Headers.Location?.ToString());
        var list = (await Api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants", fixture.HostToken)).AsArray();
        Assert.Contains(list, t => t!["id"]!.GetValue<string>() == "acme-1" && t["name"]!.GetValue<string>() == "Acme");
        Assert.Equal(list.Select(t => t!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), list.Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal("Acme", (await Api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants/acme-1", fixture.HostToken))["name"]!.GetValue<string>());
        var features = await Api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants/acme-1/features", fixture.HostToken);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"dailyReports":{"enabled":false,"retentionMonths":1},
             "dataFeeder":{"enabled":false,"eventTypes":[],"topic":null},
             "vaToCa":{"sessionsPerHourCap":1000}}
            """), features), features.ToJsonString());
    }

    [Fact]
    public async Task A_rename_shows_in_the_profile_and_the_list()
    {
        await Api.CreateTenantAsync(fixture.HostToken, "rename-me", "Before");

        var renamed = await Api.ReadOkAsync(HttpMethod.Put, "/api/host/tenants/rename-me", fixture.HostToken, """{"name":"After"}""");

        Assert.Equal("After", renamed["name"]!.GetValue<string>());
        Assert.Equal("After", (await Api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants/rename-me", fixture.HostToken))["name"]!.GetValue<string>());
        var list = (await Api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants", fixture.HostToken)).AsArray();
        Assert.Equal("After", list.Single(t => t!["id"]!.GetValue<string>() == "rename-me")!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replaced_features_read_back_as_sent()
    {
        await Api.CreateTenantAsync(fixture.HostToken, "features-1", "Features");

        var answer = await Api.ReadOkAsync(HttpMethod.Put, "/api/host/tenants/features-1/features", fixture.HostToken, Bodies.Features);

        var sent = JsonNode.Parse(Bodies.Features);
        Assert.True(JsonNode.DeepEquals(sent, answer), answer.ToJsonString());
        var read = await Api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants/features-1/features", fixture.HostToken);
        Assert.True(JsonNode.DeepEquals(sent, read), read.ToJsonString());
    }

    [Fact]
    public async Task A_registered_client_sees_its_secret_once_and_gets_tokens_with_its_scopes()
    {
        await Api.CreateTenantAsync(fixture.HostToken, "clients-1", "Clients");

        using var response = await Api.SendAsync(HttpMethod.Post, "/api/host/tenants/clients-1/clients", fixture.HostToken,
            """{"name":"report reader","scopes":["dataservice_external"]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var client = await ProblemAssert.ReadJsonAsync(response);
        var clientId = client["clientId"]!.GetValue<string>();
        var secret = client["clientSecret"]!.GetValue<string>();
        Assert.StartsWith("clients-1.", clientId, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40, "a secret of 32 random bytes");

        var listed = await Api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants/clients-1/clients", fixture.HostToken);
        var entry = listed.AsArray().Single()!.AsObject();
        Assert.Equal(clientId, entry["clientId"]!.GetValue<string>());
        Assert.Equal("report reader", entry["name"]!.GetValue<string>());
        Assert.DoesNotContain(secret, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.False(entry.ContainsKey("clientSecret"));

        using var token = await Api.RequestTokenAsync(clientId, secret);
        Assert.Equal("dataservice_external", (await ProblemAssert.ReadJsonAsync(token))["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clients_of_one_tenant_are_not_listed_for_another()
    {
        var clientsB = await Api.ReadOkAsync(HttpMethod.Get, $"/api/host/tenants/{GatewayFixture.TenantB}/clients", fixture.HostToken);

        Assert.DoesNotContain(fixture.ClientA.ClientId, clientsB.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_live_and_ready_with_the_cluster_up()
    {
        Assert.Equal("Healthy", (await Api.ReadOkAsync(HttpMethod.Get, "/health/live", null))["status"]!.GetValue<string>());
        var ready = await Api.ReadOkAsync(HttpMethod.Get, "/health/ready", null);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"cluster":"Healthy","kafka-client":"Healthy"}"""), ready["checks"]), ready.ToJsonString());
        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_details_name_the_loaded_librdkafka_the_applications_own_2_16()
    {
        var kafkaClient = (await Api.ReadOkAsync(HttpMethod.Get, "/health/ready", null))["details"]!["kafka-client"]!;

        Assert.StartsWith("2.16.", kafkaClient["librdkafkaVersion"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Path.Combine("runtimes", "linux-x64", "native", "librdkafka.so"), kafkaClient["librdkafkaFile"]!.GetValue<string>());
    }
}
