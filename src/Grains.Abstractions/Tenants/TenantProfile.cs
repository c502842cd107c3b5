using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>Who a tenant is: its id (the key of all its grains) and its display name.</summary>
public sealed record TenantProfile(string Id, string Name)
{
    public const int MaxNameLength = 200;

    public static void ValidateName(ValidationErrors errors, string field, string? name) =>
        DisplayName.Validate(errors, field, name, MaxNameLength);
}
