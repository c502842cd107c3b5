namespace KnovvuOrleans.Demo.Provisioning;

/// <summary>A tenant set up through the API, with the tokens the demo's VA and report client use.</summary>
/// <param name="AdminToken">tenant_admin and ingest: configuration, VA sessions, CA sync.</param>
/// <param name="ReportsToken">dataservice_external: the reports API; printed for the user.</param>
public sealed record ProvisionedTenant(DemoTenant Tenant, string AdminToken, string ReportsToken, IReadOnlyList<string> Channels);
