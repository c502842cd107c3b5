using KnovvuOrleans.Demo;
using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Hosting;
using KnovvuOrleans.Hosting.Telemetry;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// docker-compose.yml cannot be run here (no Docker engine), so a misspelt variable would only show in production as
/// a setting silently left at its default: every Section__Property of our services must name a real options property.
/// </summary>
public sealed class DockerComposeVariablesTests
{
    private const string OwnImagePrefix = "knovvu-orleans/";

    /// <summary>
    /// Host settings that are not options classes: where Kestrel listens, the environment name, and the standard
    /// OpenTelemetry variables the product reads.
    /// </summary>
    private static readonly HashSet<string> HostVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "Urls", "ASPNETCORE_ENVIRONMENT", KnovvuTelemetry.OtlpEndpointVariable, KnovvuTelemetry.ServiceNameVariable,
    };

    private static readonly OptionsCatalog Catalog = new(
    [
        typeof(StorageOptions).Assembly,
        typeof(ObjectStorageOptions).Assembly,
        typeof(AuthOptions).Assembly,
        typeof(DemoOptions).Assembly,
    ]);

    private static readonly ComposeEnvironment Compose = ComposeEnvironment.Parse(File.ReadAllText(RepositoryFiles.ComposeFile));

    [Fact]
    public void The_deployment_has_the_services_of_a_production_like_cluster()
    {
        Assert.Subset(Compose.Variables.Keys.ToHashSet(),
            new HashSet<string> { "postgres", "kafka", "minio", "silo1", "silo2", "gateway", "simulators" });
        Assert.All(new[] { "silo1", "silo2", "gateway", "simulators" }, s => Assert.StartsWith(OwnImagePrefix, Compose.Images[s]));
    }

    [Fact]
    public void Every_section_variable_names_a_property_of_an_options_class()
    {
        var variables = Compose.Variables.Values.SelectMany(v => v).Where(v => v.Contains("__")).Distinct().ToList();
        // The silos' shared settings come through the anchor: without them the check would pass on nothing.
        Assert.Contains("Storage__PostgresConnectionString", Compose.Variables["silo1"]);
        var wrong = variables.Select(Catalog.Explain).OfType<string>().ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Our_services_get_no_variable_that_nothing_reads()
    {
        var unknown = Compose.Images.Where(i => i.Value.StartsWith(OwnImagePrefix, StringComparison.Ordinal))
            .SelectMany(i => Compose.Variables[i.Key].Select(v => (Service: i.Key, Variable: v)))
            .Where(x => !x.Variable.Contains("__") && !HostVariables.Contains(x.Variable))
            .Select(x => $"{x.Service}: {x.Variable}")
            .ToList();
        Assert.True(unknown.Count == 0, "not read by our services: " + string.Join(", ", unknown));
    }

    [Theory]
    [InlineData("Storag__Provider")]
    [InlineData("GenesysCloud__Client__RequestsPerSecondPerOrg")]
    [InlineData("Runtime__Cluster__HostGrain")]
    [InlineData("Runtime__Cluster")]
    [InlineData("ObjectStorage")]
    [InlineData("KnovvuAnalytics__Urls__PlainHttpHosts")]
    [InlineData("KnovvuAnalytics__Urls__PlainHttpHosts__first")]
    public void The_check_refuses_names_that_do_not_bind(string variable) => Assert.NotNull(Catalog.Explain(variable));

    [Theory]
    [InlineData("storage__provider")]
    [InlineData("KnovvuAnalytics__Client__MaxRetries")]
    [InlineData("Cluster__HostSilo")]
    [InlineData("DataFeeder__Kafka__Settings__security.protocol")]
    [InlineData("KnovvuAnalytics__Urls__PlainHttpHosts__0")]
    [InlineData("Telemetry__MetricsPort")]
    public void The_check_accepts_names_that_bind(string variable) => Assert.Null(Catalog.Explain(variable));
}
