namespace KnovvuOrleans.Gateway.GenesysCloud;

/// <summary>The setup step's answer: the tenant the credentials belong to and a tenant_admin token for the install step.</summary>
public sealed record GenesysWizardSetupResponse(string TenantId, string AccessToken, string TokenType, int ExpiresIn, string Scope)
{
    // Never print the token into a log line.
    public override string ToString() => $"GenesysWizardSetupResponse {{ TenantId = {TenantId}, ExpiresIn = {ExpiresIn} }}";
}
