using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Validation;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>The grains refuse what the gateway validates, so no other caller can store it either.</summary>
public sealed class GrainRulesTests : IAsyncLifetime
{
    private KnovvuTestCluster _cluster = null!;

    private IClusterClient Client => _cluster.Client;

    // A cluster per test: one test reads the whole tenant directory.
    public async Task InitializeAsync() => _cluster = await KnovvuTestCluster.StartAsync(1, new Dictionary<string, string?>
    {
        ["DataFeeder:Kafka:BootstrapServers"] = TestEnvironment.KafkaBootstrapServers,
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_tenant_grain_refuses_invalid_features_and_keeps_the_stored_ones()
    {
        var tenant = Client.GetGrain<ITenantGrain>("rules");
        Assert.True(await tenant.Create("Rules"));
        var invalid = TenantFeatures.Default with
        {
            DailyReports = new DailyReportSettings(true, 4),
            DataFeeder = new DataFeederSettings(true, ["NoSuchEvent"], "topic"),
        };

        var exception = await Assert.ThrowsAsync<InvalidSettingsException>(() => tenant.UpdateFeatures(invalid));

        Assert.Equal(["dailyReports.retentionMonths", "dataFeeder.eventTypes[0]"], exception.Errors.Keys.Order());
        Assert.Equal(JsonSerializer.Serialize(TenantFeatures.Default), JsonSerializer.Serialize(await tenant.GetFeatures()));
    }

    [Fact]
    public async Task The_tenant_grain_refuses_an_invalid_name_and_an_invalid_id()
    {
        var tenant = Client.GetGrain<ITenantGrain>("named");
        Assert.True(await tenant.Create("Named"));

        await Assert.ThrowsAsync<InvalidSettingsException>(() => tenant.Rename(" "));
        await Assert.ThrowsAsync<InvalidSettingsException>(() => Client.GetGrain<ITenantGrain>("Bad/Id").Create("Bad"));

        Assert.Equal(new TenantProfile("named", "Named"), await tenant.GetProfile());
        Assert.Equal([new TenantProfile("named", "Named")], await Client.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key).List());
    }

    [Fact]
    public async Task Creating_an_existing_tenant_changes_nothing()
    {
        var tenant = Client.GetGrain<ITenantGrain>("once");
        Assert.True(await tenant.Create("First"));

        Assert.False(await tenant.Create("Second"));

        Assert.Equal("First", (await tenant.GetProfile())!.Name);
    }

    [Fact]
    public async Task Clients_cannot_be_registered_for_an_unknown_tenant()
    {
        var clients = Client.GetGrain<ITenantClientsGrain>("nobody");

        Assert.Null(await clients.Register(new ClientRegistration("c", ["ingest"])));
        Assert.Null(await clients.List());
    }

    [Fact]
    public async Task The_client_grain_refuses_a_second_create_a_host_scope_and_a_wrong_secret()
    {
        var clientId = ClientId.NewFor("creds");
        var client = Client.GetGrain<IClientGrain>(clientId);
        await Assert.ThrowsAsync<InvalidSettingsException>(() => client.Create(new ClientRegistration("c", ["host"])));

        var secret = await client.Create(new ClientRegistration("c", ["ingest"]));

        Assert.NotNull(secret);
        Assert.Null(await client.Create(new ClientRegistration("c", ["tenant_admin"])));
        Assert.Null(await client.Authenticate(secret + "x"));
        var identity = await client.Authenticate(secret);
        Assert.NotNull(identity);
        Assert.Equal((clientId, "creds"), (identity.ClientId, identity.TenantId));
        Assert.Equal(["ingest"], identity.Scopes);
    }
}
