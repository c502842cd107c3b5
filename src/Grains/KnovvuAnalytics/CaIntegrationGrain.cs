using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
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
/// run neither blocks the grain nor meets the call timeout, and at most one run goes on at a time. The tenant's cap
/// is counted per UTC clock hour in this grain's state, whatever starts the runs.
/// </summary>
[GrainType("ca-integration")]
public sealed class CaIntegrationGrain(
    [PersistentState("ca-integration")] IPersistentState<CaIntegrationState> state,
    SecretProtector secrets,
    IConversationLog log,
    KnovvuAnalyticsClient client,
    IOptions<CaSyncOptions> options,
    TimeProvider time,
    IOptions<CaUrlOptions> urls,
    KnovvuMetrics metrics,
    ILogger<CaIntegrationGrain> logger) : BackgroundWorkGrain, ICaIntegrationGrain, IRemindable
{
    private const string ReminderName = "va-ca-sync";

    private const int ParkedListed = 100;

    private volatile CaSyncStatus _status = new(false, 0, null, null, 0, 0, 0, 0, null);

    private string TenantId => this.GetPrimaryKeyString();

    private IVaProjectsGrain Projects => GrainFactory.GetGrain<IVaProjectsGrain>(TenantId);

    public Task<CaIntegrationView?> Get() => Task.FromResult(View());

    public Task<bool> IsEnabled() => Task.FromResult(state.RecordExists && state.State.Enabled);

    public Task<CaStoredConnection?> GetConnection() => Task.FromResult(state.RecordExists
        ? new CaStoredConnection(state.State.ServiceBaseUrl, state.State.TokenEndpoint, state.State.ClientId, state.State.ProtectedClientSecret, state.State.Enabled)
        : null);

    public async Task<CaIntegrationView> Configure(CaIntegrationSettings settings)
    {
        settings.Validate(secretStored: state.RecordExists, urls.Value.PlainHttpHosts).ThrowIfAny();
        var previous = state.RecordExists ? state.State : null;
        state.State = new CaIntegrationState
        {
            ServiceBaseUrl = settings.ServiceBaseUrl,
            TokenEndpoint = settings.TokenEndpoint,
            ClientId = settings.ClientId,
            ProtectedClientSecret = settings.ClientSecret is { } secret ? secrets.Protect(secret) : state.State.ProtectedClientSecret,
            Enabled = settings.Enabled,
            CapHourUtc = previous?.CapHourUtc ?? default,
            SessionsTakenInCapHour = previous?.SessionsTakenInCapHour ?? 0,
        };
        await state.WriteStateAsync();

        // New settings may be what CA was missing: what it refused is offered again.
        if (previous is not null && (previous.ServiceBaseUrl != settings.ServiceBaseUrl || previous.TokenEndpoint != settings.TokenEndpoint
                                     || previous.ClientId != settings.ClientId || settings.ClientSecret is not null))
        {
            await log.UnparkForCaAsync(TenantId, null, CancellationToken.None);
            await Projects.ReleaseHeldForCa();
        }

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
        var tenantId = TenantId;
        var connection = new CaConnection(
            tenantId, settings.ServiceBaseUrl, settings.TokenEndpoint, settings.ClientId, secrets.Unprotect(settings.ProtectedClientSecret));
        var cap = new CaHourlyCap(this.AsReference<ICaIntegrationGrain>(), time);
        var run = new CaSyncRun(tenantId, connection, GrainFactory, log, client, cap, options.Value, time, metrics, logger);
        _status = _status with { Running = true, Runs = _status.Runs + 1, LastRunStarted = time.GetUtcNow(), LastError = null };
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
                    LastRunEnded = time.GetUtcNow(),
                    DepartmentsSent = run.DepartmentsSent,
                    AgentsSent = run.AgentsSent,
                    SessionsSent = run.SessionsSent,
                    LastError = error ?? run.StoppedBecause,
                };
            }
        });
        return Task.CompletedTask;
    }

    public async Task<CaSyncStatus> GetSyncStatus()
    {
        var projects = await Projects.GetCaProjects();
        var waiting = projects.EnabledProjectIds.Count == 0
            ? 0
            : await log.CountUnsentToCaAsync(TenantId, projects.EnabledProjectIds, CancellationToken.None);
        var (_, parked) = await log.ReadParkedForCaAsync(TenantId, 1, CancellationToken.None);
        var capUsed = state.RecordExists && state.State.CapHourUtc == CurrentHour() ? state.State.SessionsTakenInCapHour : 0;
        return _status with { SessionsLeftForNextRun = waiting, SessionsParked = parked, HeldProjects = projects.Held, CapUsedThisHour = capUsed };
    }

    public async Task<CaCapGrant> TakeHourlyCap(int wanted)
    {
        var hour = CurrentHour();
        if (state.State.CapHourUtc != hour)
        {
            (state.State.CapHourUtc, state.State.SessionsTakenInCapHour) = (hour, 0);
        }

        var cap = (await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetFeatures())?.VaToCa.SessionsPerHourCap ?? 0;
        var granted = Math.Clamp(cap - state.State.SessionsTakenInCapHour, 0, Math.Max(wanted, 0));
        if (granted > 0)
        {
            state.State.SessionsTakenInCapHour += granted;
            await state.WriteStateAsync();
        }

        return new CaCapGrant(hour, granted);
    }

    public async Task ReturnHourlyCap(DateTime hourUtc, int unused)
    {
        if (unused > 0 && state.State.CapHourUtc == hourUtc)
        {
            state.State.SessionsTakenInCapHour = Math.Max(0, state.State.SessionsTakenInCapHour - unused);
            await state.WriteStateAsync();
        }
    }

    public async Task<CaParked> GetParked()
    {
        var (sessions, total) = await log.ReadParkedForCaAsync(TenantId, ParkedListed, CancellationToken.None);
        return new CaParked(
            sessions.Select(s => new CaParkedSession(s.ExternalId, s.ProjectId, s.Reason, s.ParkedAt)).ToList(),
            total,
            (await Projects.GetCaProjects()).Held);
    }

    public async Task<CaParkedRetried> RetryParked(IReadOnlyList<string>? externalIds) =>
        new(await log.UnparkForCaAsync(TenantId, externalIds, CancellationToken.None), await Projects.ReleaseHeldForCa());

    private DateTime CurrentHour()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
    }

    private CaIntegrationView? View() => state.RecordExists
        ? new CaIntegrationView(state.State.ServiceBaseUrl, state.State.TokenEndpoint, state.State.ClientId, ClientSecretSet: true, state.State.Enabled)
        : null;
}
