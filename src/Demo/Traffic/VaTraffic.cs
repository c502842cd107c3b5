using KnovvuOrleans.Demo.Progress;
using KnovvuOrleans.Demo.Provisioning;

namespace KnovvuOrleans.Demo.Traffic;

/// <summary>
/// A tenant's VA at work: posts sessions through the ingest API every tick, for one of them the analysis engine's
/// results and now and then a category match (so every Data Feeder event type flows), and asks for the CA job more
/// often than its hourly reminder would run it.
/// </summary>
public sealed class VaTraffic(GatewayClient gateway, ProvisionedTenant tenant, TenantCounters counters, DemoOptions options)
{
    private int _next;

    /// <summary>
    /// Published sessions (and one draft, which the report leaves out) whose start times fall in the hour
    /// <paramref name="hourStart"/>, so that hour's report has content.
    /// </summary>
    public async Task SeedHourAsync(DateTimeOffset hourStart, CancellationToken cancellationToken)
    {
        var sessions = Enumerable.Range(0, options.ReportSessions)
            .Select(i => Session(hourStart.AddSeconds(i * 3600.0 / options.ReportSessions), "published"))
            .Append(Session(hourStart.AddMinutes(30), "draft"))
            .ToArray();
        await PostAsync(sessions, cancellationToken);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastSync = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.TickInterval);
        do
        {
            await GuardAsync(async () =>
            {
                var now = DateTimeOffset.UtcNow;
                var sessions = Enumerable.Range(0, options.SessionsPerTick).Select(i => Session(now.AddSeconds(-60 + i), "published")).ToArray();
                await PostAsync(sessions, cancellationToken);
                await PostAnalysisAsync(ExternalId(_next - 1), cancellationToken);
                if (_next % 5 == 0)
                {
                    await PostCategoryAsync(ExternalId(_next - 1), cancellationToken);
                }

                if (now - lastSync >= options.CaSyncInterval)
                {
                    lastSync = now;
                    await gateway.SendAsync(HttpMethod.Post, $"/api/tenants/{tenant.Tenant.Id}/integrations/knovvu-analytics/sync", tenant.AdminToken, null, cancellationToken);
                }
            });
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task PostAsync(object[] sessions, CancellationToken cancellationToken)
    {
        var result = await gateway.SendAsync(HttpMethod.Post, $"/api/tenants/{tenant.Tenant.Id}/va/sessions", tenant.AdminToken, new { sessions }, cancellationToken);
        counters.AddConversations(result["recorded"]!.GetValue<int>());
    }

    private Task PostAnalysisAsync(string externalId, CancellationToken cancellationToken) =>
        gateway.SendAsync(HttpMethod.Post, $"/api/tenants/{tenant.Tenant.Id}/conversations/{externalId}/analysis", tenant.AdminToken,
            DemoAnalysis.For(externalId), cancellationToken);

    private Task PostCategoryAsync(string externalId, CancellationToken cancellationToken) =>
        gateway.SendAsync(HttpMethod.Post, $"/api/tenants/{tenant.Tenant.Id}/conversations/{externalId}/categories", tenant.AdminToken,
            new { categoryId = 7, categoryName = "Billing" }, cancellationToken);

    private object Session(DateTimeOffset start, string status)
    {
        var n = _next++;
        return VaSessionFactory.Create(ExternalId(n), tenant.Channels[n % tenant.Channels.Count], start, n, status);
    }

    private string ExternalId(int n) => $"{tenant.Tenant.Id}-va-{n:D6}";

    /// <summary>A failed tick is counted and shown, and the next tick goes on.</summary>
    private async Task GuardAsync(Func<Task> tick)
    {
        try
        {
            await tick();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            counters.AddError(exception.Message);
            Console.WriteLine($"[{tenant.Tenant.Id}] VA traffic error: {exception.Message}");
        }
    }
}
