using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Clients;
using KnovvuOrleans.Gateway.Conversations;
using KnovvuOrleans.Gateway.DailyReports;
using KnovvuOrleans.Gateway.DataFeeder;
using KnovvuOrleans.Gateway.GenesysCloud;
using KnovvuOrleans.Gateway.Health;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Gateway.KnovvuAnalytics;
using KnovvuOrleans.Gateway.OpenApi;
using KnovvuOrleans.Gateway.RateLimiting;
using KnovvuOrleans.Gateway.Tenants;
using KnovvuOrleans.Gateway.VirtualAgent;
using KnovvuOrleans.Hosting;
using KnovvuOrleans.Hosting.Telemetry;
using Orleans.Dashboard;

namespace KnovvuOrleans.Gateway;

/// <summary>
/// Builds the gateway app (with its in-process silo), so that the gateway host and the one-command demo run the
/// same app; the demo adds its own settings and endpoints before starting it.
/// </summary>
public static class GatewayApp
{
    /// <param name="settings">Settings over appsettings and environment variables; the command line still wins.</param>
    public static WebApplication Build(WebApplicationOptions options, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Configuration.AddCommandLine(options.Args ?? []);
        }

        // Endpoints reach grains only through IClusterClient, so the same app runs with a silo in-process (the demo,
        // one-process deployments) or as a client of a cluster (Cluster:HostSilo=false).
        var storage = StorageOptions.From(builder.Configuration);
        var hostsSilo = KnovvuClusterOptions.From(builder.Configuration).HostSilo;
        if (hostsSilo)
        {
            builder.UseOrleans(silo => silo.AddKnovvu());
        }
        else
        {
            builder.UseOrleansClient(client => client.AddKnovvu());
            builder.Services.AddKnovvuServices(builder.Configuration, storage);
        }

        builder.AddKnovvuTelemetry("knovvu-gateway");
        builder.Services.AddGatewayHttp();
        builder.Services.AddGatewayAuth();
        builder.Services.AddGatewayRateLimiting();
        builder.Services.AddGatewayHealthChecks();
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<ProductInfoTransformer>();
            openApi.AddDocumentTransformer<OAuth2SecurityTransformer>();
            openApi.AddOperationTransformer<OAuth2SecurityTransformer>();
        });

        var app = builder.Build();
        // Resolved now so that a missing or malformed signing key or host secret stops the start, not the first request.
        app.Services.GetRequiredService<GatewayCredentials>();

        app.UseKnovvuMetrics();
        app.UseGatewayHttp();
        app.UseAuthentication();
        // After authentication: requests count against the tenant of their token.
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapApiReference();
        app.MapHealthEndpoints();
        app.MapTokenEndpoint();
        app.MapHostTenantEndpoints();
        app.MapHostClientEndpoints();
        app.MapTenantAdminEndpoints();
        app.MapCaIntegrationEndpoints();
        app.MapGenesysWizardEndpoints();
        app.MapGenesysIntegrationEndpoints();
        app.MapVaEndpoints();
        app.MapConversationResultEndpoints();
        app.MapDataFeederEndpoints();
        app.MapDailyReportEndpoints();

        if (hostsSilo)
        {
            // An operator's page, not part of the API: kept out of the OpenAPI document.
            app.MapOrleansDashboard("/dashboard").ExcludeFromDescription();
        }

        app.Logger.LogInformation("Gateway {Mode} on {Provider} storage", hostsSilo ? "with an in-process silo" : "as a cluster client", storage.Provider);
        return app;
    }
}
