using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Clients;
using KnovvuOrleans.Gateway.Conversations;
using KnovvuOrleans.Gateway.DailyReports;
using KnovvuOrleans.Gateway.GenesysCloud;
using KnovvuOrleans.Gateway.Health;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Gateway.KnovvuAnalytics;
using KnovvuOrleans.Gateway.OpenApi;
using KnovvuOrleans.Gateway.Tenants;
using KnovvuOrleans.Gateway.VirtualAgent;
using KnovvuOrleans.Hosting;

var builder = WebApplication.CreateBuilder(args);

// The gateway hosts a silo in-process; endpoints reach grains only through IClusterClient, so a client-only
// process (Runtime:Cluster:HostGrains=false) serves as well.
var storage = builder.AddKnovvuSilo();

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
app.MapGenesysWizardEndpoints();
app.MapGenesysIntegrationEndpoints();
app.MapVaEndpoints();
app.MapConversationResultEndpoints();
app.MapDailyReportEndpoints();

app.Logger.LogInformation("Gateway using the {Provider} provider", storage.Provider);
app.Run();
