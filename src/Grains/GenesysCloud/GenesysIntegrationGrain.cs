using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Grains.Outbound;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>A tenant's Genesys Cloud integration (key: tenant id): the installed settings, the secret encrypted.</summary>
[GrainType("genesys-integration")]
public sealed class GenesysIntegrationGrain(
    [PersistentState("genesys-integration")] IPersistentState<GenesysIntegrationState> state,
    SecretProtector secrets) : Grain, IGenesysIntegrationGrain
{
    public async Task<GenesysIntegrationView> Install(GenesysInstallation installation)
    {
        installation.Validate().ThrowIfAny();
        state.State = new GenesysIntegrationState
        {
            OrgId = installation.OrgId,
            Role = installation.Role,
            User = installation.User,
            ClientId = installation.ClientId,
            ProtectedClientSecret = secrets.Protect(installation.ClientSecret),
            GroupId = installation.GroupId,
            ApiBaseUrl = installation.ResolvedApiBaseUrl,
            LoginBaseUrl = installation.ResolvedLoginBaseUrl,
        };
        await state.WriteStateAsync();
        return View()!;
    }

    public Task<GenesysIntegrationView?> Get() => Task.FromResult(View());

    public Task<GenesysOrg?> GetOrg() => Task.FromResult(state.RecordExists
        ? new GenesysOrg(state.State.ApiBaseUrl, state.State.LoginBaseUrl, state.State.ClientId, state.State.ProtectedClientSecret)
        : null);

    private GenesysIntegrationView? View() => state.RecordExists
        ? new GenesysIntegrationView(state.State.OrgId, state.State.Role, state.State.User, state.State.ClientId, true,
            state.State.GroupId, state.State.ApiBaseUrl, state.State.LoginBaseUrl)
        : null;
}
