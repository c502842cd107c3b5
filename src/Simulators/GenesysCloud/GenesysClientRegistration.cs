namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>An OAuth client the simulated login server knows; its tokens act in one Genesys org.</summary>
public sealed record GenesysClientRegistration(string ClientId, string ClientSecret, string OrgId);
