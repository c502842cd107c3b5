using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.KnovvuAnalytics;
using KnovvuOrleans.Grains.Outbound;
using KnovvuOrleans.Grains.Activation;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// A tenant's Genesys Cloud integration (key: tenant id). Installing stores the settings, syncs the group at once and
/// registers two reminders: the group sync every <see cref="GenesysSyncOptions.GroupSyncPeriod"/> and the nightly
/// reconciliation at <see cref="GenesysSyncOptions.ReconcileAtUtc"/>. Both run as background work of this activation,
/// outside turns (no call timeout, the grain keeps answering), one of each at a time; they hand their results back
/// through <see cref="SaveSync"/> and <see cref="SaveReconciliation"/>, so state is only written in turns.
/// </summary>
[GrainType("genesys-integration")]
public sealed class GenesysIntegrationGrain(
    [PersistentState("genesys-integration")] IPersistentState<GenesysIntegrationState> state,
    SecretProtector secrets,
    GenesysCloudClient client,
    KnovvuAnalyticsClient ca,
    IOptions<GenesysSyncOptions> options,
    TimeProvider time,
    ILogger<GenesysIntegrationGrain> logger) : BackgroundWorkGrain, IGenesysIntegrationGrain, IRemindable
{
    private const string SyncReminder = "genesys-group-sync";
    private const string ReconcileReminder = "genesys-reconcile";
    private const int LatestParkedShown = 10;

    private volatile bool _syncRunning;

    // Asked for while a sync ran (an install, a manual trigger): that sync read the settings before the change.
    private volatile bool _syncRequested;
    private volatile bool _reconciliationRunning;

    private string TenantId => this.GetPrimaryKeyString();

    public async Task<GenesysIntegrationView> Install(GenesysInstallation installation)
    {
        installation.Validate().ThrowIfAny();
        var kept = state.RecordExists ? state.State : null;
        state.State = new GenesysIntegrationState
        {
            OrgId = installation.OrgId,
            Role = installation.Role,
            User = installation.User,
            ClientId = installation.ClientId,
            ProtectedClientSecret = secrets.Protect(installation.ClientSecret),
            GroupId = installation.GroupId,
            ApiBaseUrl = installation.ResolvedApiBaseUrl(),
            LoginBaseUrl = installation.ResolvedLoginBaseUrl(),
            // A reinstall keeps the shards, so the sync below changes only what differs.
            Shards = kept?.Shards ?? [],
            AgentsInCa = kept?.AgentsInCa ?? new Dictionary<string, GenesysAgentInCa>(),
            AgentsInCaTarget = kept?.AgentsInCaTarget,
            LastSync = kept?.LastSync,
            LastReconciliation = kept?.LastReconciliation,
            ReconciledUntil = kept?.ReconciledUntil,
            ParkedCalls = kept?.ParkedCalls ?? new Dictionary<string, GenesysParkedCall>(),
        };
        await state.WriteStateAsync();

        var sync = options.Value;
        await this.RegisterOrUpdateReminder(SyncReminder, sync.GroupSyncPeriod, sync.GroupSyncPeriod);
        await this.RegisterOrUpdateReminder(ReconcileReminder, UntilNext(sync.ReconcileAtUtc), TimeSpan.FromDays(1));
        await StartSync();
        return View()!;
    }

    public Task<GenesysIntegrationView?> Get() => Task.FromResult(View());

    public Task<GenesysOrg?> GetOrg() => Task.FromResult(state.RecordExists
        ? new GenesysOrg(state.State.ApiBaseUrl, state.State.LoginBaseUrl, state.State.ClientId, state.State.ProtectedClientSecret, state.State.GroupId)
        : null);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReconcileReminder ? StartReconciliation() : StartSync();

    public Task<bool> StartSync()
    {
        if (!state.RecordExists)
        {
            return Task.FromResult(false);
        }

        if (_syncRunning)
        {
            _syncRequested = true;
            return Task.FromResult(false);
        }

        (_syncRunning, _syncRequested) = (true, false);
        var settings = state.State;
        var run = new GenesysGroupSync(TenantId, settings, Connection(settings), GrainFactory, client, ca, secrets, options.Value, time, logger);
        var self = GrainFactory.GetGrain<IGenesysIntegrationGrain>(TenantId);
        StartBackgroundWork(async cancellationToken =>
        {
            var started = time.GetUtcNow();
            GenesysSyncResult result;
            try
            {
                result = await run.RunAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Genesys group sync of tenant {Tenant} failed; the next one tries again", TenantId);
                result = new GenesysSyncResult(null, null, null, new GenesysSyncSummary(
                    started, time.GetUtcNow(), null, 0, GenesysCaOutcomes.Unchanged, 0, 0, settings.Shards.Count(s => s.Count > 0), 0, 0, exception.Message));
            }

            try
            {
                await self.SaveSync(result);
            }
            finally
            {
                // Only now: a sync started earlier would begin from the shards before this one's.
                _syncRunning = false;
            }

            if (_syncRequested)
            {
                await self.StartSync();
            }
        });
        return Task.FromResult(true);
    }

    public Task<bool> StartReconciliation()
    {
        if (_reconciliationRunning || !state.RecordExists)
        {
            return Task.FromResult(false);
        }

        _reconciliationRunning = true;
        var members = state.State.Shards.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        var reconciledUntil = state.State.ReconciledUntil;
        var run = new GenesysReconciliation(TenantId, Connection(state.State), members, GrainFactory, client, options.Value, time, logger);
        var self = GrainFactory.GetGrain<IGenesysIntegrationGrain>(TenantId);
        StartBackgroundWork(async cancellationToken =>
        {
            var window = GenesysReconcileWindow.At(time.GetUtcNow(), reconciledUntil, options.Value);
            GenesysReconciliationSummary summary;
            try
            {
                summary = await run.RunAsync(window, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Genesys reconciliation of tenant {Tenant} failed; the next one tries again", TenantId);
                summary = new GenesysReconciliationSummary(window.To, time.GetUtcNow(), window.From, window.To, 0, 0, 0, 0, 0, 0, exception.Message);
            }

            try
            {
                await self.SaveReconciliation(summary);
            }
            finally
            {
                _reconciliationRunning = false;
            }
        });
        return Task.FromResult(true);
    }

    public async Task SaveSync(GenesysSyncResult result)
    {
        if (!state.RecordExists)
        {
            return;
        }

        state.State = state.State with
        {
            Shards = result.Shards ?? state.State.Shards,
            AgentsInCa = result.AgentsInCa ?? state.State.AgentsInCa,
            AgentsInCaTarget = result.AgentsInCa is null ? state.State.AgentsInCaTarget : result.CaTarget,
            LastSync = result.Summary,
        };
        await state.WriteStateAsync();
    }

    public async Task SaveReconciliation(GenesysReconciliationSummary summary)
    {
        if (state.RecordExists)
        {
            state.State = state.State with
            {
                LastReconciliation = summary,
                ReconciledUntil = GenesysReconcileWindow.ReconciledUntil(state.State.ReconciledUntil, summary),
            };
            await state.WriteStateAsync();
        }
    }

    public async Task RecordParked(GenesysParkedCall call)
    {
        if (state.RecordExists)
        {
            state.State = state.State with { ParkedCalls = new Dictionary<string, GenesysParkedCall>(state.State.ParkedCalls) { [call.ConversationId] = call } };
            await state.WriteStateAsync();
        }
    }

    public async Task<int> OfferParkedAgain()
    {
        if (!state.RecordExists || state.State.ParkedCalls.Count == 0)
        {
            return 0;
        }

        // Each call grain only resets and schedules its retry: none calls back into this turn.
        var parked = state.State.ParkedCalls.Keys.ToList();
        await Task.WhenAll(parked.Select(id => GrainFactory.GetGrain<IGenesysCallGrain>(GenesysCallKey.For(TenantId, id)).OfferAgain()));
        var left = state.State.ParkedCalls.Where(p => !parked.Contains(p.Key, StringComparer.Ordinal)).ToDictionary();
        state.State = state.State with { ParkedCalls = left };
        await state.WriteStateAsync();
        logger.LogInformation("Genesys integration of tenant {Tenant}: {Count} parked calls offered again", TenantId, parked.Count);
        return parked.Count;
    }

    public async Task<GenesysIntegrationStatus?> GetStatus()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        // The channels and the importer are asked at once: a status read should not take one round trip per shard.
        var settings = state.State;
        var importerStatus = GrainFactory.GetGrain<IGenesysCallImporterGrain>(TenantId).GetStatus();
        var channels = await Task.WhenAll(Enumerable.Range(0, settings.Shards.Count).Where(shard => settings.Shards[shard].Count > 0)
            .Select(async shard =>
            {
                var channel = await GrainFactory.GetGrain<IGenesysChannelGrain>(GenesysChannelKey.For(TenantId, shard)).GetStatus();
                return new GenesysShardStatus(shard, channel.ChannelId, channel.Listening, settings.Shards[shard].Count, channel.CallsEnded,
                    channel.LastEventAt, channel.Reconnects, channel.LastError);
            }));
        var importer = await importerStatus;
        var left = settings.LastReconciliation is { } last ? last.Pending + last.Failed : 0;
        return new GenesysIntegrationStatus(
            _syncRunning,
            _reconciliationRunning,
            channels,
            channels.Where(c => c.Listening).Sum(c => c.Members),
            channels.Max(c => c.LastEventAt),
            new GenesysBacklog(channels.Where(c => !c.Listening).Sum(c => c.Members), importer.Backlog, left),
            settings.LastSync,
            settings.LastReconciliation,
            importer,
            new GenesysParkedCalls(settings.ParkedCalls.Count, settings.ParkedCalls.Values.OrderByDescending(p => p.ParkedAt).Take(LatestParkedShown).ToList()));
    }

    private GenesysConnection Connection(GenesysIntegrationState settings) =>
        new(TenantId, settings.ApiBaseUrl, settings.LoginBaseUrl, settings.ClientId, secrets.Unprotect(settings.ProtectedClientSecret));

    /// <summary>The time until the next <paramref name="timeOfDay"/> in UTC (tomorrow's when today's has passed).</summary>
    private TimeSpan UntilNext(TimeSpan timeOfDay)
    {
        var now = time.GetUtcNow();
        var next = new DateTimeOffset(now.UtcDateTime.Date + timeOfDay, TimeSpan.Zero);
        return next > now ? next - now : next.AddDays(1) - now;
    }

    private GenesysIntegrationView? View() => state.RecordExists
        ? new GenesysIntegrationView(state.State.OrgId, state.State.Role, state.State.User, state.State.ClientId, true,
            state.State.GroupId, state.State.ApiBaseUrl, state.State.LoginBaseUrl)
        : null;
}
