using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Gateway.Tenants;

/// <summary>The body of POST /api/host/tenants. Fields are optional for the JSON reader so that a missing one is named by <see cref="Validate"/>.</summary>
public sealed record CreateTenantRequest(string? Id = null, string? Name = null)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        TenantId.Validate(errors, "id", Id);
        TenantProfile.ValidateName(errors, "name", Name);
        return errors;
    }
}
