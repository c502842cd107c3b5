using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using KnovvuOrleans.Demo;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// The demo's operator page in a real browser (headless Chromium): its script draws both tenants' figures, and they
/// move between two loads a few seconds apart. The screenshot is kept as a test artifact for people to look at.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class OperatorPageTests
{
    private static readonly string[] MovingFlows = ["conversationsIn", "eventsOut"];

    [Fact]
    public async Task The_operator_page_shows_moving_figures_for_both_tenants_in_a_real_browser()
    {
        var options = new DemoOptions
        {
            GatewayPort = FreePort(),
            ReportSessions = 5,
            TickInterval = TimeSpan.FromMilliseconds(500),
            CaSyncInterval = TimeSpan.FromSeconds(2),
            GenesysCallInterval = TimeSpan.FromSeconds(2),
            ProgressInterval = TimeSpan.FromMinutes(10),
        };
        await using var demo = await DemoSystem.StartAsync([], options, CancellationToken.None);
        using var chromium = new HeadlessChromium();
        var page = $"{demo.GatewayUrl}/demo";

        var first = Figures(await chromium.DumpDomAsync(page, TimeSpan.FromSeconds(3)));
        Assert.Equal(["acme", "globex"], first.Keys.Select(k => k.Tenant).Distinct().Order());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Dictionary<(string Tenant, string Flow), string> later;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            later = Figures(await chromium.DumpDomAsync(page, TimeSpan.FromSeconds(3)));
            Assert.True(DateTime.UtcNow < deadline, "figures that did not move within 60 s: " + string.Join("; ", Unmoved(first, later)));
        }
        while (Unmoved(first, later).Any());

        var screenshot = Path.Combine(ArtifactFolder(), "operator-page.png");
        await chromium.ScreenshotAsync(page, TimeSpan.FromSeconds(3), screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is (nearly) empty");
    }

    [Fact]
    public void Figures_are_read_from_the_cells_the_page_script_writes()
    {
        const string dom = """
            <div id="tenants"><td class="num total" data-tenant="acme" data-flow="eventsOut">42</td><td data-tenant="x">no</td></div>
            <script>`<td data-tenant="${t}" data-flow="${key}">${shown}</td>`</script>
            """;

        Assert.Equal([(("acme", "eventsOut"), "42")], Figures(dom).Select(f => (f.Key, f.Value)));
    }

    /// <summary>The moving flows (sessions in, events out) whose total did not grow, per tenant.</summary>
    private static IEnumerable<string> Unmoved(Dictionary<(string Tenant, string Flow), string> before, Dictionary<(string Tenant, string Flow), string> after) =>
        from tenant in new[] { "acme", "globex" }
        from flow in MovingFlows
        let was = Number(before, tenant, flow)
        let now = Number(after, tenant, flow)
        where !(now > was)
        select $"{tenant} {flow} {was} → {now}";

    private static double Number(Dictionary<(string Tenant, string Flow), string> figures, string tenant, string flow) =>
        figures.TryGetValue((tenant, flow), out var text) && double.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    /// <summary>The figures the script wrote into the tenants' panels (the script's own text is left out).</summary>
    private static Dictionary<(string Tenant, string Flow), string> Figures(string dom)
    {
        var script = dom.IndexOf("<script", StringComparison.Ordinal);
        var drawn = script < 0 ? dom : dom[..script];
        return FigureCell().Matches(drawn).ToDictionary(m => (m.Groups["tenant"].Value, m.Groups["flow"].Value), m => m.Groups["value"].Value);
    }

    private static string ArtifactFolder()
    {
        var folder = Environment.GetEnvironmentVariable("KNOVVU_TEST_ARTIFACTS") is { Length: > 0 } set
            ? set
            : Path.Combine(Path.GetTempPath(), "knovvu-test-artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("""data-tenant="(?<tenant>[^"]+)" data-flow="(?<flow>[^"]+)">(?<value>[^<]*)<""")]
    private static partial Regex FigureCell();
}
