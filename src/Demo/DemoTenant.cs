namespace KnovvuOrleans.Demo;

/// <summary>
/// A tenant of the demo and its accounts in the simulators. The simulator credentials are fixed fakes, the same in
/// the single-process demo and in docker-compose's simulators host.
/// </summary>
public sealed record DemoTenant(string Id, string Name)
{
    public static IReadOnlyList<DemoTenant> All { get; } = [new("acme", "Acme"), new("globex", "Globex")];

    public const string ProjectId = "support";

    public string Topic => $"{Id}.conversations";

    public string CaClientId => $"va-{Id}";

    public string CaClientSecret => $"demo-ca-secret-{Id}";

    public string CaTenant => $"ca-{Id}";

    public string GenesysOrgId => $"org-{Id}";

    public string GenesysClientId => $"gc-{Id}";

    public string GenesysClientSecret => $"demo-genesys-secret-{Id}";
}
