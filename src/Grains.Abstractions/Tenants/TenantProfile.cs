using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>Who a tenant is: its id (the key of all its grains) and its display name.</summary>
[GenerateSerializer, Alias("knovvu.TenantProfile")]
public sealed record TenantProfile(string Id, string Name)
{
    public const int MaxNameLength = 200;

    public static void ValidateName(ValidationErrors errors, string field, string? name) =>
        DisplayName.Validate(errors, field, name, MaxNameLength);
}
