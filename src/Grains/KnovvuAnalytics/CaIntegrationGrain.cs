using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.Outbound;
using KnovvuOrleans.Grains.Activation;
using KnovvuOrleans.Grains.Telemetry;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>
/// A tenant's VA → Knovvu Analytics integration (key: tenant id). While enabled, a reminder starts the job every
/// <see cref="CaSyncOptions.Period"/>; the job runs as background work of this activation, outside turns, so a long
/// run neither blocks the grain nor meets the call timeout, and at most one run goes on at a time.
/// </summary>
[GrainType("ca-integration")]
public sealed class CaIntegrationGrain(
    [PersistentState("ca-integration")] IPersistentState<CaIntegrationState> state,
    SecretProtector secrets,
    IConversationLog log,
    KnovvuAnalyticsClient client,
    IOptions<CaSyncOptions> options,
    IOptions<CaUrlOptions> urls,
    KnovvuMetrics metrics,
    ILogger<CaIntegrationGrain> logger) : BackgroundWorkGrain, ICaIntegrationGrain, IRemindable
{
    private const string ReminderName = "va-ca-sync";

    private volatile CaSyncStatus _status = new(false, 0, null, null, 0, 0, 0, 0, null);

    public Task<CaIntegrationView?> Get() => Task.FromResult(View());

    public Task<bool> IsEnabled() => Task.FromResult(state.RecordExists && state.State.Enabled);

    public Task<CaStoredConnection?> GetConnection() => Task.FromResult(state.RecordExists
        ? new CaStoredConnection(state.State.ServiceBaseUrl, state.State.TokenEndpoint, state.State.ClientId, state.State.ProtectedClientSecret, state.State.Enabled)
        : null);

    public async Task<CaIntegrationView> Configure(CaIntegrationSettings settings)
    {
        settings.Validate(secretStored: state.RecordExists, urls.Value.PlainHttpHosts).ThrowIfAny();
        state.State = new CaIntegrationState
        {
            ServiceBaseUrl = settings.ServiceBaseUrl,
            TokenEndpoint = settings.TokenEndpoint,
            ClientId = settings.ClientId,
            ProtectedClientSecret = settings.ClientSecret is { } secret ? secrets.Protect(secret) : state.State.ProtectedClientSecret,
            Enabled = settings.Enabled,
        };
        await state.WriteStateAsync();

        if (settings.Enabled)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.Value.Period, options.Value.Period);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return View()!;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => StartSync();

    public Task StartSync()
    {
        if (_status.Running || !state.RecordExists || !state.State.Enabled)
        {
            return Task.CompletedTask;
        }

        var settings = state.State;
        var tenantId = this.GetPrimaryKeyString();
        var connection = new CaConnection(
            tenantId, settings.ServiceBaseUrl, settings.TokenEndpoint, settings.ClientId, secrets.Unprotect(settings.ProtectedClientSecret));
        var run = new CaSyncRun(tenantId, connection, GrainFactory, log, client, options.Value, metrics, logger);
        _status = _status with { Running = true, Runs = _status.Runs + 1, LastRunStarted = DateTimeOffset.UtcNow, LastError = null };
        StartBackgroundWork(async cancellationToken =>
        {
            string? error = null;
            try
            {
                await run.RunAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                error = exception.Message;
                metrics.CaUnavailable(tenantId);
                logger.LogWarning(exception, "VA → CA run of tenant {Tenant} stopped; the rest goes at the next run", tenantId);
            }
            finally
            {
                _status = _status with
                {
                    Running = false,
                    LastRunEnded = DateTimeOffset.UtcNow,
                    DepartmentsSent = run.DepartmentsSent,
                    AgentsSent = run.AgentsSent,
                    SessionsSent = run.SessionsSent,
                    SessionsLeftForNextRun = run.SessionsLeft,
                    LastError = error,
                };
            }
        });
        return Task.CompletedTask;
    }

    public Task<CaSyncStatus> GetSyncStatus() => Task.FromResult(_status);

    private CaIntegrationView? View() => state.RecordExists
        ? new CaIntegrationView(state.State.ServiceBaseUrl, state.State.TokenEndpoint, state.State.ClientId, ClientSecretSet: true, state.State.Enabled)
        : null;
}
