namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>Which Knovvu Analytics URLs a tenant may set (configuration section "KnovvuAnalytics:Urls").</summary>
public sealed class CaUrlOptions
{
    public const string SectionName = "KnovvuAnalytics:Urls";

    /// <summary>
    /// Host names (exact, case-insensitive) whose CA URLs may use plain http, beside loopback: the CA simulator on a
    /// private compose network. Empty by default, and it must stay empty wherever a real CA is reached: the client
    /// secret would travel in clear.
    /// </summary>
    public List<string> PlainHttpHosts { get; set; } = [];
}
