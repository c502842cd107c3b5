using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnovvuOrleans.Reports.Bench;

/// <summary>
/// The gateway as it runs (Kestrel on a loopback port, in-process silo) on the bench's PostgreSQL and S3, with one
/// tenant whose daily reports are on and a token of its dataservice_external client. The factory is named by a public
/// type of the gateway's assembly, since this program's own Program hides the gateway's.
/// </summary>
internal sealed class ReportGateway : WebApplicationFactory<KnovvuOrleans.Gateway.Http.GatewayOptions>
{
    private readonly Dictionary<string, string?> _settings;

    private ReportGateway(Dictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    public HttpClient Http { get; private set; } = null!;

    public static async Task<ReportGateway> StartAsync(string postgres, string s3Url, string accessKey, string secretKey, string bucket, string tenant)
    {
        var hostSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var gateway = new ReportGateway(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:PostgresConnectionString"] = postgres,
            ["ObjectStorage:Provider"] = "S3",
            ["ObjectStorage:ServiceUrl"] = s3Url,
            ["ObjectStorage:AccessKey"] = accessKey,
            ["ObjectStorage:SecretKey"] = secretKey,
            ["ObjectStorage:Bucket"] = bucket,
            ["Auth:HostClientId"] = "host-operator",
            ["Auth:HostClientSecret"] = hostSecret,
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var http = gateway.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "host-operator", hostSecret));
        await SendAsync(http, HttpMethod.Post, "/api/host/tenants", new { id = tenant, name = tenant });
        await SendAsync(http, HttpMethod.Put, $"/api/host/tenants/{tenant}/features", new
        {
            dailyReports = new { enabled = true, retentionMonths = 3 },
            dataFeeder = new { enabled = false, eventTypes = Array.Empty<string>(), topic = (string?)null },
            vaToCa = new { sessionsPerHourCap = 1000 },
        });
        var client = await SendAsync(http, HttpMethod.Post, $"/api/host/tenants/{tenant}/clients", new { name = "bench", scopes = new[] { "dataservice_external" } });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await TokenAsync(http, client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>()));
        gateway.Http = http;
        return gateway;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // A bench is no test project, so Mvc.Testing writes no content-root manifest for it: the output folder serves.
        builder.UseContentRoot(AppContext.BaseDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string clientId, string secret)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, object body)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}
