using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Clients;
using KnovvuOrleans.Gateway.DailyReports;
using KnovvuOrleans.Gateway.Health;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Gateway.KnovvuAnalytics;
using KnovvuOrleans.Gateway.OpenApi;
using KnovvuOrleans.Gateway.Tenants;
using KnovvuOrleans.Gateway.VirtualAgent;
using KnovvuOrleans.Grains;
using KnovvuOrleans.Grains.Tenants;
using KnovvuOrleans.Hosting;
using KnovvuOrleans.Runtime.Hosting;

var builder = WebApplication.CreateBuilder(args);

// For now the gateway hosts a silo in-process; endpoints reach grains only through IClusterClient, so an
// out-of-process cluster client can replace these lines.
var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
builder.Services
    .AddGrainRuntime(options => builder.Configuration.GetSection(GrainRuntimeOptions.SectionName).Bind(options))
    .AddGrains(typeof(TenantGrain).Assembly)
    .UseStorage(storage);
builder.Services.AddKnovvuGrainServices();

builder.Services.AddGatewayHttp();
builder.Services.AddGatewayAuth();
builder.Services.AddGatewayHealthChecks();
builder.Services.AddOpenApi(options =>
{
    options.AddDocumentTransformer<OAuth2SecurityTransformer>();
    options.AddOperationTransformer<OAuth2SecurityTransformer>();
});

var app = builder.Build();
// Resolved now so that a missing or malformed signing key or host secret stops the start, not the first request.
app.Services.GetRequiredService<GatewayCredentials>();

app.UseGatewayHttp();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealthEndpoints();
app.MapTokenEndpoint();
app.MapHostTenantEndpoints();
app.MapHostClientEndpoints();
app.MapTenantAdminEndpoints();
app.MapCaIntegrationEndpoints();
app.MapVaEndpoints();
app.MapDailyReportEndpoints();

app.Logger.LogInformation("Gateway using the {Provider} provider", storage.Provider);
app.Run();
