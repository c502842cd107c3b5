using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using KnovvuOrleans.Demo;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// The run command's promise, checked in-process: right after the start the printed report answers with the seeded
/// conversations, and within seconds sessions reach the CA simulator and events the Kafka topics (shown by the printed
/// events URL), without errors. Kafka is librdkafka.redist's mock cluster: no system library is needed.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class DemoRunTests
{
    [Fact]
    public async Task The_demo_serves_a_report_at_once_and_moves_sessions_to_CA_and_Kafka()
    {
        var options = new DemoOptions
        {
            GatewayPort = FreePort(),
            ReportSessions = 5,
            TickInterval = TimeSpan.FromMilliseconds(300),
            CaSyncInterval = TimeSpan.FromSeconds(1),
            GenesysCallInterval = TimeSpan.FromSeconds(1),
        };
        await using var demo = await DemoSystem.StartAsync([], options, CancellationToken.None);

        using var http = new HttpClient { BaseAddress = new Uri(demo.GatewayUrl) };
        foreach (var tenant in demo.Tenants)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                $"/api/external/conversations/daily-report/{demo.ReportHour:yyyy-MM-dd}/{demo.ReportHour:HH}?compressed=false");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ReportsToken);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("stored", response.Headers.GetValues("X-Report-Source").Single());
            var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(options.ReportSessions, report["Conversations"]!.AsArray().Count);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await demo.Status.SnapshotAsync();
            Assert.All(status, t => Assert.Equal(0, t.Errors));
            if (status.All(t => t is { SentToCa: > 0, EventsOut: > 0, ReportsBuilt: 1, GenesysCallsEnded: > 0, GenesysCallsImported: > 0 }))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "within 60 s: " + string.Join("; ", status));
            await Task.Delay(500);
        }

        foreach (var tenant in demo.Tenants)
        {
            var events = JsonNode.Parse(await http.GetStringAsync($"/demo/events/{tenant.Tenant.Id}"))!.AsArray();
            Assert.NotEmpty(events);
            Assert.All(events, e => Assert.Equal(tenant.Tenant.Id, e!["headers"]!["tenant-id"]!.GetValue<string>()));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
