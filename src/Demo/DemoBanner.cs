using KnovvuOrleans.Demo.Progress;
using KnovvuOrleans.Gateway.OpenApi;

namespace KnovvuOrleans.Demo;

/// <summary>What the user needs once the demo is up: the URLs, a ready token, a report to fetch, the events to read.</summary>
public static class DemoBanner
{
    public static void Print(DemoSystem demo)
    {
        var (gatewayUrl, kafka, tenants, reportHour) = (demo.GatewayUrl, demo.KafkaBootstrapServers, demo.Tenants, demo.ReportHour);
        var day = reportHour.ToString("yyyy-MM-dd");
        var hour = reportHour.ToString("HH");
        var first = tenants[0];
        Console.WriteLine($"""

            ==== KnovvuOrleans demo is running (Ctrl+C stops it) ====
            operator page      {gatewayUrl}{StatusEndpoints.PagePath}   (JSON {gatewayUrl}{StatusEndpoints.JsonPath})
            API reference      {gatewayUrl}{ApiReferenceEndpoints.Path}   (OpenAPI {gatewayUrl}/openapi/v1.json)
            Orleans dashboard  {gatewayUrl}/dashboard   (health {gatewayUrl}/health/ready)
            CA simulator       {demo.CaUrl}   (counts {demo.CaUrl}_sim/state)
            Genesys simulator  {demo.GenesysUrl}   (counts {demo.GenesysUrl}_sim/state)
            Kafka (mock)       {kafka}   topics {string.Join(", ", tenants.Select(t => t.Tenant.Topic))}
            tenants            {string.Join(", ", tenants.Select(t => t.Tenant.Id))}

            Host operator token (scope host, valid 12 h; or start with --Demo:HostSecret=... and fetch your own):
            export HOST_TOKEN={demo.HostToken}
            curl -s {gatewayUrl}/api/host/tenants -H "Authorization: Bearer $HOST_TOKEN"

            Ready token of tenant {first.Tenant.Id} (scope dataservice_external, valid 12 h):
            {first.ReportsToken}

            The report of {first.Tenant.Id} for {day} {hour}:00 UTC (JSON; compressed=true gives the zip):
            curl -s -H 'Authorization: Bearer {first.ReportsToken}' '{gatewayUrl}/api/external/conversations/daily-report/{day}/{hour}?compressed=false'

            The last Data Feeder events of {first.Tenant.Id}, read back from its topic by a Kafka consumer in the demo:
            curl -s '{gatewayUrl}{StatusEndpoints.EventsPath}/{first.Tenant.Id}'
            """);
        foreach (var other in tenants.Skip(1))
        {
            Console.WriteLine($"""
                The same for {other.Tenant.Id}:
                curl -s -H 'Authorization: Bearer {other.ReportsToken}' '{gatewayUrl}/api/external/conversations/daily-report/{day}/{hour}?compressed=false'
                curl -s '{gatewayUrl}{StatusEndpoints.EventsPath}/{other.Tenant.Id}'
                """);
        }

        Console.WriteLine();
    }
}
