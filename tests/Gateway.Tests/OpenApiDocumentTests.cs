using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.OpenApi;
using KnovvuOrleans.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>The OpenAPI document at /openapi/v1.json lists every route with every response code it can give.</summary>
public sealed class OpenApiDocumentTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["POST /connect/token"] = ["200", "400", "401", "413"],
        ["GET /health/live"] = ["200"],
        ["GET /health/ready"] = ["200", "503"],
        ["POST /api/host/tenants"] = ["201", "400", "401", "403", "409", "413", "415"],
        ["GET /api/host/tenants"] = ["200", "401", "403"],
        ["GET /api/host/tenants/{tenantId}"] = ["200", "400", "401", "403", "404"],
        ["PUT /api/host/tenants/{tenantId}"] = ["200", "400", "401", "403", "404", "413", "415"],
        ["GET /api/host/tenants/{tenantId}/features"] = ["200", "400", "401", "403", "404"],
        ["PUT /api/host/tenants/{tenantId}/features"] = ["200", "400", "401", "403", "404", "409", "413", "415"],
        ["POST /api/host/tenants/{tenantId}/clients"] = ["201", "400", "401", "403", "404", "413", "415"],
        ["GET /api/host/tenants/{tenantId}/clients"] = ["200", "400", "401", "403", "404"],
        ["GET /api/tenants/{tenantId}/profile"] = ["200", "401", "403", "404"],
        ["GET /api/tenants/{tenantId}/integrations/knovvu-analytics"] = ["200", "401", "403", "404"],
        ["PUT /api/tenants/{tenantId}/integrations/knovvu-analytics"] = ["200", "400", "401", "403", "413", "415"],
        ["GET /api/tenants/{tenantId}/integrations/knovvu-analytics/sync"] = ["200", "401", "403"],
        ["POST /api/tenants/{tenantId}/integrations/knovvu-analytics/sync"] = ["202", "401", "403"],
        ["GET /api/tenants/{tenantId}/integrations/knovvu-analytics/parked"] = ["200", "401", "403"],
        ["POST /api/tenants/{tenantId}/integrations/knovvu-analytics/parked/retry"] = ["200", "400", "401", "403", "413", "415"],
        ["POST /api/integrations/genesys/wizard/setup"] = ["200", "400", "401", "403", "413", "415", "429"],
        ["POST /api/tenants/{tenantId}/integrations/genesys/install"] = ["200", "400", "401", "403", "413", "415"],
        ["GET /api/tenants/{tenantId}/integrations/genesys"] = ["200", "401", "403", "404"],
        ["GET /api/tenants/{tenantId}/integrations/genesys/status"] = ["200", "401", "403", "404"],
        ["POST /api/tenants/{tenantId}/integrations/genesys/sync"] = ["202", "401", "403", "404"],
        ["POST /api/tenants/{tenantId}/integrations/genesys/reconcile"] = ["202", "401", "403", "404"],
        ["POST /api/tenants/{tenantId}/integrations/genesys/parked/retry"] = ["200", "401", "403", "404"],
        ["POST /api/tenants/{tenantId}/va/projects"] = ["201", "400", "401", "403", "409", "413", "415"],
        ["GET /api/tenants/{tenantId}/va/projects"] = ["200", "401", "403"],
        ["POST /api/tenants/{tenantId}/va/projects/{projectId}/channels"] = ["201", "400", "401", "403", "404", "409", "413", "415"],
        ["PUT /api/tenants/{tenantId}/va/projects/{projectId}/knovvu-analytics"] = ["204", "400", "401", "403", "404", "409", "413", "415"],
        ["POST /api/tenants/{tenantId}/va/sessions"] = ["200", "400", "401", "403", "413", "415", "422", "429", "503"],
        ["POST /api/tenants/{tenantId}/conversations/{externalId}/analysis"] = ["202", "400", "401", "403", "409", "413", "415"],
        ["POST /api/tenants/{tenantId}/conversations/{externalId}/categories"] = ["202", "400", "401", "403", "409", "413", "415"],
        ["POST /api/tenants/{tenantId}/datafeeder/replays"] = ["202", "400", "401", "403", "404", "409", "413", "415"],
        ["GET /api/tenants/{tenantId}/datafeeder/replays"] = ["200", "401", "403", "404"],
        ["GET /api/tenants/{tenantId}/datafeeder/replays/{replayId}"] = ["200", "400", "401", "403", "404"],
        ["DELETE /api/tenants/{tenantId}/datafeeder/replays/{replayId}"] = ["200", "400", "401", "403", "404"],
        ["GET /api/tenants/{tenantId}/datafeeder/status"] = ["200", "401", "403", "404"],
        ["GET /api/host/datafeeder/replays"] = ["200", "401", "403"],
        ["GET /api/external/conversations/daily-report/{utcDay}/{utcHour}"] = ["200", "400", "401", "403", "404"],
    };

    [Fact]
    public async Task Every_route_is_documented_with_its_response_codes()
    {
        var document = await fixture.Api.ReadOkAsync(HttpMethod.Get, "/openapi/v1.json", null);

        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (
                Route: $"{operation.Key.ToUpperInvariant()} {path.Key}",
                Codes: operation.Value!["responses"]!.AsObject().Select(r => r.Key).Order().ToArray())))
            .ToDictionary(o => o.Route, o => o.Codes);
        Assert.Equal(Expected.Keys.Order(), documented.Keys.Order());
        foreach (var (route, codes) in Expected)
        {
            Assert.True(codes.SequenceEqual(documented[route]), $"{route}: documented {string.Join(",", documented[route])}");
        }
    }

    [Fact]
    public void The_expected_routes_are_all_the_routes_the_gateway_maps()
    {
        var mapped = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/openapi/", StringComparison.Ordinal))
            // The Orleans dashboard of the in-process silo: an operator's page, not an API route.
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/dashboard", StringComparison.Ordinal))
            // The interactive API reference (Scalar's page and the scripts it serves): a page over the document.
            .Where(e => !e.RoutePattern.RawText!.StartsWith(ApiReferenceEndpoints.Path, StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"));
        Assert.Equal(Expected.Keys.Order(), mapped.Order());
    }

    [Fact]
    public async Task Protected_operations_name_the_scope_they_need()
    {
        var document = await fixture.Api.ReadOkAsync(HttpMethod.Get, "/openapi/v1.json", null);

        Assert.Equal("/connect/token", document["components"]!["securitySchemes"]!["oauth2"]!["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
        Assert.Equal("host", Scope(document["paths"]!["/api/host/tenants"]!["post"]!));
        Assert.Equal("tenant_admin", Scope(document["paths"]!["/api/tenants/{tenantId}/profile"]!["get"]!));
        Assert.Equal("dataservice_external", Scope(document["paths"]!["/api/external/conversations/daily-report/{utcDay}/{utcHour}"]!["get"]!));
        Assert.Null(document["paths"]!["/connect/token"]!["post"]!["security"]);
    }

    private static string Scope(JsonNode operation) => operation["security"]![0]!["oauth2"]![0]!.GetValue<string>();
}
