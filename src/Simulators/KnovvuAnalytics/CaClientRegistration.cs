namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>An OAuth client the simulated identity server knows; its tokens act for one CA tenant.</summary>
public sealed record CaClientRegistration(string ClientId, string ClientSecret, string Tenant);
