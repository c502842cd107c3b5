using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Gateway.Tenants;

/// <summary>The body of PUT /api/host/tenants/{tenantId}: the tenant's new name.</summary>
public sealed record UpdateTenantRequest(string? Name = null)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        TenantProfile.ValidateName(errors, "name", Name);
        return errors;
    }
}
