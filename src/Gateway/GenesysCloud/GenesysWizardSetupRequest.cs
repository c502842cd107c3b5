using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Gateway.GenesysCloud;

/// <summary>
/// The wizard's setup step: the tenant's name (or id) and the credentials mailed to the customer, which are a tenant
/// client's id and secret issued by this gateway. Fields are optional for the JSON reader so a missing one is named.
/// </summary>
public sealed record GenesysWizardSetupRequest(string? TenantName = null, string? Username = null, string? Password = null)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Require(errors, "tenantName", TenantName, 200);
        Require(errors, "username", Username, 200);
        Require(errors, "password", Password, 1000);
        return errors;
    }

    // A record prints all its members; this one must never put the password into a log line.
    public override string ToString() => $"GenesysWizardSetupRequest {{ TenantName = {TenantName}, Username = {Username} }}";

    private static void Require(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
        {
            errors.Add(field, $"{field} is required, 1-{maxLength} characters.");
        }
    }
}
