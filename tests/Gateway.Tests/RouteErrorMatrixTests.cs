using System.Buffers.Text;
using System.Text;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Grains.Abstractions.Clients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>
/// Every route's 400, 401, 403 and 404 answers over HTTP, each a problem, each leaving the stored state as it was.
/// Authorization comes before validation: on a tenant route a malformed or foreign tenant id is 403, since no
/// token's tenant can match it.
/// </summary>
public sealed class RouteErrorMatrixTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    /// <summary>A route; <paramref name="Scope"/> is the tenant scope a tenant route needs (null: a host route).</summary>
    private sealed record Route(string Method, string Template, string? Body, string? Scope = null)
    {
        public bool TenantRoute => Scope is not null;

        public bool HasTenantId => Template.Contains("{tenantId}", StringComparison.Ordinal);

        public string Path(string tenantId) =>
            Template.Replace("{tenantId}", tenantId, StringComparison.Ordinal).Replace("{projectId}", "matrix-project", StringComparison.Ordinal)
                .Replace("{externalId}", "matrix-1", StringComparison.Ordinal).Replace("{replayId}", "0123456789abcdef0123456789abcdef", StringComparison.Ordinal)
                .Replace("{utcDay}", "2025-01-15", StringComparison.Ordinal).Replace("{utcHour}", "7", StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Route> Routes = new()
    {
        ["create tenant"] = new("POST", "/api/host/tenants", Bodies.CreateTenant("matrix-new")),
        ["list tenants"] = new("GET", "/api/host/tenants", null),
        ["read tenant"] = new("GET", "/api/host/tenants/{tenantId}", null),
        ["rename tenant"] = new("PUT", "/api/host/tenants/{tenantId}", Bodies.Rename),
        ["read features"] = new("GET", "/api/host/tenants/{tenantId}/features", null),
        ["replace features"] = new("PUT", "/api/host/tenants/{tenantId}/features", Bodies.Features),
        ["register client"] = new("POST", "/api/host/tenants/{tenantId}/clients", Bodies.Client),
        ["list clients"] = new("GET", "/api/host/tenants/{tenantId}/clients", null),
        ["tenant profile"] = new("GET", "/api/tenants/{tenantId}/profile", null, ClientScopes.TenantAdmin),
        ["read CA settings"] = new("GET", "/api/tenants/{tenantId}/integrations/knovvu-analytics", null, ClientScopes.TenantAdmin),
        ["store CA settings"] = new("PUT", "/api/tenants/{tenantId}/integrations/knovvu-analytics", Bodies.CaSettings, ClientScopes.TenantAdmin),
        ["read CA sync"] = new("GET", "/api/tenants/{tenantId}/integrations/knovvu-analytics/sync", null, ClientScopes.TenantAdmin),
        ["start CA sync"] = new("POST", "/api/tenants/{tenantId}/integrations/knovvu-analytics/sync", null, ClientScopes.TenantAdmin),
        ["list parked CA sessions"] = new("GET", "/api/tenants/{tenantId}/integrations/knovvu-analytics/parked", null, ClientScopes.TenantAdmin),
        ["offer parked CA sessions again"] = new("POST", "/api/tenants/{tenantId}/integrations/knovvu-analytics/parked/retry", Bodies.ParkedRetry, ClientScopes.TenantAdmin),
        ["install Genesys"] = new("POST", "/api/tenants/{tenantId}/integrations/genesys/install", Bodies.GenesysInstall, ClientScopes.TenantAdmin),
        ["read Genesys settings"] = new("GET", "/api/tenants/{tenantId}/integrations/genesys", null, ClientScopes.TenantAdmin),
        ["read Genesys status"] = new("GET", "/api/tenants/{tenantId}/integrations/genesys/status", null, ClientScopes.TenantAdmin),
        ["start Genesys sync"] = new("POST", "/api/tenants/{tenantId}/integrations/genesys/sync", null, ClientScopes.TenantAdmin),
        ["start Genesys reconciliation"] = new("POST", "/api/tenants/{tenantId}/integrations/genesys/reconcile", null, ClientScopes.TenantAdmin),
        ["offer parked Genesys calls again"] = new("POST", "/api/tenants/{tenantId}/integrations/genesys/parked/retry", null, ClientScopes.TenantAdmin),
        ["add VA project"] = new("POST", "/api/tenants/{tenantId}/va/projects", Bodies.VaProject, ClientScopes.TenantAdmin),
        ["list VA projects"] = new("GET", "/api/tenants/{tenantId}/va/projects", null, ClientScopes.TenantAdmin),
        ["add VA channel"] = new("POST", "/api/tenants/{tenantId}/va/projects/{projectId}/channels", Bodies.VaChannel, ClientScopes.TenantAdmin),
        ["toggle VA project"] = new("PUT", "/api/tenants/{tenantId}/va/projects/{projectId}/knovvu-analytics", Bodies.VaToggle, ClientScopes.TenantAdmin),
        ["record VA sessions"] = new("POST", "/api/tenants/{tenantId}/va/sessions", Bodies.VaSessions, ClientScopes.Ingest),
        ["post analysis"] = new("POST", "/api/tenants/{tenantId}/conversations/{externalId}/analysis", Bodies.Analysis, ClientScopes.Ingest),
        ["post category match"] = new("POST", "/api/tenants/{tenantId}/conversations/{externalId}/categories", Bodies.Category, ClientScopes.Ingest),
        ["start replay"] = new("POST", "/api/tenants/{tenantId}/datafeeder/replays", Bodies.Replay, ClientScopes.TenantAdmin),
        ["list replays"] = new("GET", "/api/tenants/{tenantId}/datafeeder/replays", null, ClientScopes.TenantAdmin),
        ["read replay"] = new("GET", "/api/tenants/{tenantId}/datafeeder/replays/{replayId}", null, ClientScopes.TenantAdmin),
        ["cancel replay"] = new("DELETE", "/api/tenants/{tenantId}/datafeeder/replays/{replayId}", null, ClientScopes.TenantAdmin),
        ["Data Feeder status"] = new("GET", "/api/tenants/{tenantId}/datafeeder/status", null, ClientScopes.TenantAdmin),
        ["list all replays"] = new("GET", "/api/host/datafeeder/replays", null),
        ["daily report"] = new("GET", "/api/external/conversations/daily-report/{utcDay}/{utcHour}", null, ClientScopes.DataServiceExternal),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (name, route) in Routes)
        {
            string[] kinds = ["no token", "garbage token", "expired token", "forged tenant claim", "Basic instead of Bearer"];
            // A tenant route without {tenantId} serves the token's own tenant: no other tenant can be named.
            kinds = route.TenantRoute
                ? [.. kinds, "token without the route's scope", "host token", .. route.HasTenantId ? ["token of another tenant", "malformed tenant id"] : Array.Empty<string>()]
                : [.. kinds, "tenant token"];
            if (route.HasTenantId && !route.TenantRoute)
            {
                kinds = [.. kinds, "unknown tenant", "malformed tenant id"];
            }

            if (route.Body is not null)
            {
                kinds = [.. kinds, "invalid body"];
            }

            foreach (var kind in kinds)
            {
                cases.Add(name, kind);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_answers_its_error_case_with_a_problem_and_stores_nothing(string routeName, string kind)
    {
        var route = Routes[routeName];
        var (own, ownToken, expired) = route.Scope switch
        {
            ClientScopes.TenantAdmin => (GatewayFixture.TenantA, fixture.AdminTokenA, fixture.ExpiredAdminTokenA),
            ClientScopes.Ingest => (GatewayFixture.TenantA, fixture.IngestTokenA, fixture.ExpiredIngestTokenA),
            ClientScopes.DataServiceExternal => (GatewayFixture.TenantA, fixture.ExternalTokenA, fixture.ExpiredExternalTokenA),
            _ => (GatewayFixture.TenantB, fixture.HostToken, fixture.ExpiredHostToken),
        };
        var withoutScope = route.Scope is ClientScopes.Ingest or ClientScopes.DataServiceExternal ? fixture.AdminTokenA : fixture.NonAdminTokenA;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{GatewayFactory.HostClientId}:{fixture.Factory.HostSecret}"));
        var (tenantId, authorization, body, status, names) = kind switch
        {
            "no token" => (own, null, route.Body, 401, "access token"),
            "garbage token" => (own, "Bearer not-a-jwt", route.Body, 401, "not valid"),
            "expired token" => (own, $"Bearer {expired}", route.Body, 401, "expired"),
            "forged tenant claim" => (own, $"Bearer {Forge(fixture.AdminTokenB, GatewayFixture.TenantB, GatewayFixture.TenantA)}", route.Body, 401, "not valid"),
            "Basic instead of Bearer" => (own, $"Basic {basic}", route.Body, 401, "access token"),
            "tenant token" => (own, $"Bearer {fixture.AdminTokenA}", route.Body, 403, "tenant or its scope"),
            "token of another tenant" => (GatewayFixture.TenantB, $"Bearer {ownToken}", route.Body, 403, "tenant or its scope"),
            "token without the route's scope" => (own, $"Bearer {withoutScope}", route.Body, 403, "tenant or its scope"),
            "host token" => (own, $"Bearer {fixture.HostToken}", route.Body, 403, "tenant or its scope"),
            "unknown tenant" => ("no-such-tenant", $"Bearer {ownToken}", route.Body, 404, "no-such-tenant"),
            "malformed tenant id" => ("Not_A_Tenant", $"Bearer {ownToken}", route.Body, route.TenantRoute ? 403 : 400, route.TenantRoute ? "tenant or its scope" : "tenantId"),
            "invalid body" => (own, $"Bearer {ownToken}", route.Body!.Replace("\"", "'", StringComparison.Ordinal), 400, "body"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var before = await StateSnapshot.ReadAsync(fixture);

        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(tenantId));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await fixture.Api.Http.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, status, names);
        if (status == 401)
        {
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await StateSnapshot.ReadAsync(fixture));
    }

    [Fact]
    public void Every_protected_route_of_the_gateway_is_in_the_matrix()
    {
        var mapped = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order()
            .ToList();
        Assert.Equal(Routes.Values.Select(r => $"{r.Method} {r.Template}").Order(), mapped);
    }

    /// <summary>Rewrites the token's tenant claim and keeps the old signature, as an attacker would.</summary>
    private static string Forge(string token, string from, string to)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        Assert.Contains($"\"{from}\"", payload, StringComparison.Ordinal);
        parts[1] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace($"\"{from}\"", $"\"{to}\"", StringComparison.Ordinal)));
        return string.Join('.', parts);
    }
}
