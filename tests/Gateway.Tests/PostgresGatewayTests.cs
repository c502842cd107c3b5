using System.Net;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Testing;
using Npgsql;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>The gateway on the test run's private PostgreSQL (a fresh database per test), as it runs in production.</summary>
public sealed class PostgresGatewayTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Tenants_features_clients_and_tokens_survive_a_restart()
    {
        var first = NewGateway();
        var api = new GatewayApi(first.CreateClient());
        var hostToken = await api.TokenAsync(GatewayFactory.HostClientId, first.HostSecret);
        await api.CreateTenantAsync(hostToken, "durable", "Durable");
        await api.ReadOkAsync(HttpMethod.Put, "/api/host/tenants/durable/features", hostToken, Bodies.Features);
        var (clientId, secret) = await api.RegisterClientAsync(hostToken, "durable", "tenant_admin");
        var clientsBefore = (await api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants/durable/clients", hostToken)).ToJsonString();
        await first.DisposeAsync();

        await using var second = NewGateway(first);
        api = new GatewayApi(second.CreateClient());

        // A token issued before the restart is still good: the key comes from configuration.
        var tenants = await api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants", hostToken);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""[{"id":"durable","name":"Durable"}]"""), tenants), tenants.ToJsonString());
        var features = await api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants/durable/features", hostToken);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Bodies.Features), features), features.ToJsonString());
        Assert.Equal(clientsBefore, (await api.ReadOkAsync(HttpMethod.Get, "/api/host/tenants/durable/clients", hostToken)).ToJsonString());
        var clientToken = await api.TokenAsync(clientId, secret);
        Assert.Equal("Durable", (await api.ReadOkAsync(HttpMethod.Get, "/api/tenants/durable/profile", clientToken))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_client_secret_is_stored_only_as_a_hash()
    {
        await using var gateway = NewGateway();
        var api = new GatewayApi(gateway.CreateClient());
        var hostToken = await api.TokenAsync(GatewayFactory.HostClientId, gateway.HostSecret);
        await api.CreateTenantAsync(hostToken, "hashed", "Hashed");
        var (clientId, secret) = await api.RegisterClientAsync(hostToken, "hashed", "ingest");

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT GrainIdExtensionString, convert_from(PayloadBinary, 'UTF8') FROM OrleansStorage", connection);
        var rows = new List<(string Key, string Data)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(rows, r => r.Key == clientId && r.Data.Contains("secretHash", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Data.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_is_200_while_PostgreSQL_answers_503_while_the_database_refuses_connections_and_200_once_it_is_back()
    {
        await using var gateway = NewGateway();
        var api = new GatewayApi(gateway.CreateClient());
        var ready = await api.ReadOkAsync(HttpMethod.Get, "/health/ready", null);
        Assert.Equal("Healthy", ready["checks"]!["cluster"]!.GetValue<string>());

        // Unreachable rather than dropped: the silo needs its membership row again to stop cleanly at the end.
        await AllowConnectionsAsync(false);
        using (var response = await api.SendAsync(HttpMethod.Get, "/health/ready", null))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = await ProblemAssert.ReadJsonAsync(response);
            Assert.Equal("Unhealthy", body["checks"]!["cluster"]!.GetValue<string>());
        }

        await AllowConnectionsAsync(true);
        await Eventually.TrueAsync(async () =>
        {
            using var response = await api.SendAsync(HttpMethod.Get, "/health/ready", null);
            return response.StatusCode == HttpStatusCode.OK;
        }, "ready again");
    }

    /// <summary>Opens or closes the test's database to new connections; closing also ends the open ones.</summary>
    private async Task AllowConnectionsAsync(bool allowed)
    {
        var name = new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS {allowed}", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", connection);
            terminate.Parameters.AddWithValue("name", name!);
            await terminate.ExecuteNonQueryAsync();
        }
    }

    private GatewayFactory NewGateway(GatewayFactory? sameCredentialsAs = null) =>
        GatewayFactory.OnPostgres(_database.ConnectionString, sameCredentialsAs: sameCredentialsAs);
}
