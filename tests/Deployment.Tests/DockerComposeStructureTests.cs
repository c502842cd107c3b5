using System.Globalization;
using KnovvuOrleans.Hosting.Telemetry;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// docker-compose.yml would start, as far as reading can tell (no Docker engine here): our images are the ones the
/// projects publish, every port it names is one the service listens on, every dependency waits for health or for a
/// one-shot to finish, and the demo tenant's provisioning reaches the CA simulator through the plain-http setting.
/// </summary>
public sealed class DockerComposeStructureTests
{
    private const string OwnImagePrefix = "knovvu-orleans/";

    private static readonly ComposeEnvironment Compose = ComposeEnvironment.Parse(File.ReadAllText(RepositoryFiles.ComposeFile));

    private static IEnumerable<KeyValuePair<string, ComposeService>> OwnServices =>
        Compose.Services.Where(s => s.Value.Image?.StartsWith(OwnImagePrefix, StringComparison.Ordinal) == true);

    [Fact]
    public void Our_images_are_the_ones_the_projects_publish_as_containers()
    {
        var published = RepositoryFiles.ContainerImages();
        Assert.Equal(3, published.Count);
        Assert.All(OwnServices, s => Assert.True(published.ContainsKey(s.Value.Image!),
            $"{s.Key}: no project publishes {s.Value.Image} (published: {string.Join(", ", published.Keys)})"));
    }

    [Fact]
    public void Every_port_of_our_services_is_one_they_listen_on_and_their_image_exposes()
    {
        var published = RepositoryFiles.ContainerImages();
        Assert.All(OwnServices, s =>
        {
            var (name, service) = (s.Key, s.Value);
            var exposed = published[service.Image!];
            Assert.NotEmpty(service.UrlPorts);
            Assert.All(service.UrlPorts, p => Assert.Contains(p, exposed));
            Assert.All(service.ContainerPorts, p => Assert.True(service.UrlPorts.Contains(p), $"{name} publishes {p}, not in its Urls"));
            // A client-only gateway gets the silos' ports through the shared settings but does not listen on them.
            var hostsSilo = service.Environment.GetValueOrDefault("Cluster__HostSilo") != "false";
            foreach (var key in new[] { "Cluster__SiloPort", "Cluster__GatewayPort" })
            {
                if (hostsSilo && service.Environment.TryGetValue(key, out var port))
                {
                    Assert.Contains(int.Parse(port, CultureInfo.InvariantCulture), exposed);
                }
            }

            if (service.Environment.TryGetValue("Telemetry__MetricsPort", out var metrics))
            {
                var port = int.Parse(metrics, CultureInfo.InvariantCulture);
                Assert.Contains(port, service.UrlPorts);
                // The metrics name tenants: their port stays on the compose network.
                Assert.DoesNotContain(port, service.ContainerPorts);
            }
        });
    }

    [Fact]
    public void The_infrastructure_and_our_long_running_services_have_health_checks_on_ports_they_listen_on()
    {
        foreach (var name in new[] { "postgres", "kafka", "minio", "silo1", "silo2", "gateway", "simulators" })
        {
            Assert.True(Compose.Services[name].HealthCheck is { Count: > 1 }, $"{name} has no health check");
        }

        Assert.All(OwnServices, s =>
        {
            var check = string.Join(' ', s.Value.HealthCheck!);
            Assert.Contains($"/dev/tcp/127.0.0.1/{s.Value.UrlPorts[0]}", check);
            Assert.Matches("GET /health/(live|ready) ", check);
        });
    }

    [Fact]
    public void Every_dependency_waits_for_health_or_for_a_one_shot_service_to_complete()
    {
        var dependencies = Compose.Services.SelectMany(s => s.Value.DependsOn.Select(d => (Service: s.Key, On: d.Key, Condition: d.Value))).ToList();
        Assert.NotEmpty(dependencies);
        Assert.All(dependencies, d =>
        {
            Assert.True(Compose.Services.ContainsKey(d.On), $"{d.Service} depends on unknown {d.On}");
            var target = Compose.Services[d.On];
            switch (d.Condition)
            {
                case "service_healthy":
                    Assert.True(target.HealthCheck is not null, $"{d.Service} waits for {d.On} to be healthy, which has no health check");
                    break;
                case "service_completed_successfully":
                    Assert.True(target.Restart == "no", $"{d.Service} waits for {d.On} to complete, which is not a one-shot");
                    break;
                default:
                    Assert.Fail($"{d.Service} depends on {d.On} with condition {d.Condition ?? "none"}");
                    break;
            }
        });

        // Silos need the database, Kafka and the bucket; the gateway needs a silo that migrated the schema.
        Assert.All(new[] { "silo1", "silo2" }, s => Assert.Equal("service_healthy", Compose.Services[s].DependsOn["postgres"]));
        Assert.Equal("service_healthy", Compose.Services["gateway"].DependsOn["silo1"]);
    }

    [Fact]
    public void A_one_shot_service_provisions_the_demo_tenant_through_the_gateway_with_the_CA_simulator_over_plain_http()
    {
        var provision = Compose.Services["provision"];
        Assert.Equal("no", provision.Restart);
        Assert.Equal("service_healthy", provision.DependsOn["gateway"]);
        Assert.Equal("service_healthy", provision.DependsOn["simulators"]);

        var script = provision.Volumes.Single().Split(':')[0];
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, script)), $"{script} is missing");
        Assert.Equal("gateway", new Uri(provision.Environment["GATEWAY_URL"]).Host);
        Assert.Equal(Compose.Services["gateway"].UrlPorts[0], new Uri(provision.Environment["GATEWAY_URL"]).Port);

        // The CA URL's host is the simulators service, and the silos and the gateway (both validate the URL) allow it.
        var ca = new Uri(provision.Environment["CA_URL"]);
        Assert.Equal(Uri.UriSchemeHttp, ca.Scheme);
        Assert.True(Compose.Services.ContainsKey(ca.Host));
        Assert.All(new[] { "silo1", "silo2", "gateway" }, s =>
            Assert.Equal(ca.Host, Compose.Services[s].Environment["KnovvuAnalytics__Urls__PlainHttpHosts__0"]));
    }

    [Fact]
    public void OTLP_export_is_optional_and_every_silo_and_gateway_names_its_service()
    {
        Assert.All(OwnServices.Where(s => s.Key != "simulators"), s =>
        {
            Assert.Equal("${OTEL_EXPORTER_OTLP_ENDPOINT:-}", s.Value.Environment[KnovvuTelemetry.OtlpEndpointVariable]);
            Assert.StartsWith("knovvu-", s.Value.Environment[KnovvuTelemetry.ServiceNameVariable], StringComparison.Ordinal);
        });
    }
}
