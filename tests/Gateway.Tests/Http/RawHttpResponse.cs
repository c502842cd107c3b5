using System.Text;

namespace KnovvuOrleans.Gateway.Tests.Http;

/// <summary>A response as <see cref="RawHttpConnection"/> read it off the wire.</summary>
internal sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string Text => Encoding.UTF8.GetString(Body);
}
