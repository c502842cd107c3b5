using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.Tenants;

[GrainType("tenant")]
public sealed class TenantGrain([PersistentState("tenant")] IPersistentState<TenantState> tenant) : Grain, ITenantGrain
{
    private TenantProfile Profile => new(this.GetPrimaryKeyString(), tenant.State.Name);

    private ITenantDirectoryGrain Directory => GrainFactory.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key);

    public async Task<bool> Create(string name)
    {
        if (tenant.RecordExists)
        {
            // Listing again repairs a create that stored the tenant but failed before listing it, once it is retried.
            await Directory.Register(Profile);
            return false;
        }

        var errors = new ValidationErrors();
        TenantId.Validate(errors, "id", this.GetPrimaryKeyString());
        TenantProfile.ValidateName(errors, "name", name);
        errors.ThrowIfAny();

        tenant.State = new TenantState { Name = name };
        await tenant.WriteStateAsync();
        await Directory.Register(Profile);
        return true;
    }

    public Task<TenantProfile?> GetProfile() => Task.FromResult(tenant.RecordExists ? Profile : null);

    public async Task<TenantProfile?> Rename(string name)
    {
        if (!tenant.RecordExists)
        {
            return null;
        }

        var errors = new ValidationErrors();
        TenantProfile.ValidateName(errors, "name", name);
        errors.ThrowIfAny();

        tenant.State = tenant.State with { Name = name };
        await tenant.WriteStateAsync();
        await Directory.Register(Profile);
        return Profile;
    }

    public Task<TenantFeatures?> GetFeatures() => Task.FromResult(tenant.RecordExists ? tenant.State.Features : null);

    public async Task<TenantFeatures?> UpdateFeatures(TenantFeatures features)
    {
        if (!tenant.RecordExists)
        {
            return null;
        }

        features.Validate().ThrowIfAny();
        if (features.DataFeeder.Topic is { } topic
            && await GrainFactory.GetGrain<IDataFeederTopicsGrain>(IDataFeederTopicsGrain.Key).Claim(topic, this.GetPrimaryKeyString()) != this.GetPrimaryKeyString())
        {
            throw new TopicTakenException(topic);
        }

        tenant.State = tenant.State with { Features = features };
        await tenant.WriteStateAsync();
        return features;
    }
}
