using System.Diagnostics;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// Debian's Chromium, headless, one run per call with a fresh profile: loads a page, lets its scripts run for a
/// while, and gives the resulting DOM or a screenshot.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private readonly string _profile = Directory.CreateTempSubdirectory("knovvu-chromium-").FullName;

    /// <summary>The page's DOM after its scripts ran for <paramref name="scriptTime"/> (Chromium's virtual time).</summary>
    public Task<string> DumpDomAsync(string url, TimeSpan scriptTime) => RunAsync(url, scriptTime, "--dump-dom");

    public Task ScreenshotAsync(string url, TimeSpan scriptTime, string pngPath) =>
        RunAsync(url, scriptTime, $"--screenshot={pngPath}", "--window-size=1400,1000");

    private async Task<string> RunAsync(string url, TimeSpan scriptTime, params string[] output)
    {
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={_profile}",
            $"--virtual-time-budget={(int)scriptTime.TotalMilliseconds}", .. output, url,
        ];
        using var chromium = Process.Start(new ProcessStartInfo("chromium", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = chromium.StandardOutput.ReadToEndAsync();
        var stderr = chromium.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await chromium.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            chromium.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish with {url} in 90 s: {await stderr}");
        }

        if (chromium.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited with {chromium.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    public void Dispose() => Directory.Delete(_profile, recursive: true);
}
