using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests.Http;

/// <summary>
/// Requests refused for their size before any route sees them (a request target or headers over the documented
/// limits, also beyond Kestrel's default limits, which answer with an empty body) get an RFC 9457 problem. Sent as
/// raw bytes to the gateway's real Kestrel so that no client library tidies them up first.
/// </summary>
public sealed class ServerRefusalTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    public static TheoryData<string, string, int, string> Refusals() => new()
    {
        { "request target over the limit", $"GET /api/host/tenants?{new string('q', 5_000)} HTTP/1.1\r\nHost: gw\r\n\r\n", 414, "4096" },
        { "headers over the limit", $"GET /health/live HTTP/1.1\r\nHost: gw\r\nX-Big: {new string('h', 20_000)}\r\n\r\n", 431, "16384" },
        { "more headers than the limit", $"GET /health/live HTTP/1.1\r\nHost: gw\r\n{string.Concat(Enumerable.Range(0, 80).Select(i => $"X-H{i}: v\r\n"))}\r\n", 431, "64 headers" },
        { "request target over Kestrel's default limit", $"GET /health/live?{new string('q', 9_000)} HTTP/1.1\r\nHost: gw\r\n\r\n", 414, "4096" },
        { "headers over Kestrel's default limit", $"GET /health/live HTTP/1.1\r\nHost: gw\r\nX-Big: {new string('h', 40_000)}\r\n\r\n", 431, "16384" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_request_the_server_refuses_gets_a_problem(string name, string request, int status, string names)
    {
        var (code, contentType, body) = await SendRawAsync(request);

        Assert.True(code == status, $"{name}: expected {status}, got {code}: {body}");
        Assert.Equal("application/problem+json", contentType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), body);
        Assert.Contains(names, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_request_within_the_limits_is_served()
    {
        var (code, _, _) = await SendRawAsync($"GET /health/live?{new string('q', 3_000)} HTTP/1.1\r\nHost: gw\r\nX-Big: {new string('h', 10_000)}\r\n\r\n");

        Assert.Equal(200, code);
    }

    /// <summary>Sends one request and reads one response (framed by Content-Length or chunked).</summary>
    private async Task<(int Status, string? ContentType, string Body)> SendRawAsync(string request)
    {
        var address = fixture.Api.Http.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        var received = new MemoryStream();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(read > 0, "The server closed the connection without an answer.");
            received.Write(buffer, 0, read);
        }

        var head = Encoding.ASCII.GetString(received.GetBuffer(), 0, headEnd).Split("\r\n");
        var headers = head.Skip(1).Select(h => h.Split(':', 2)).ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var chunked = headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (chunked ? !EndsWith(received, "0\r\n\r\n"u8) : received.Length < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(read > 0, "The server closed the connection in the middle of the body.");
            received.Write(buffer, 0, read);
        }

        var raw = received.GetBuffer().AsSpan(headEnd + 4, (int)received.Length - headEnd - 4).ToArray();
        var body = chunked ? Dechunk(raw) : Encoding.UTF8.GetString(raw, 0, length);
        var contentType = headers.TryGetValue("Content-Type", out var t) ? t.Split(';')[0] : null;
        return (int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), contentType, body);
    }

    private static bool EndsWith(MemoryStream received, ReadOnlySpan<byte> end) =>
        received.GetBuffer().AsSpan(0, (int)received.Length).EndsWith(end);

    private static string Dechunk(byte[] raw)
    {
        var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = raw.AsSpan(position).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(raw, position, lineEnd).Split(';')[0], 16);
            if (size == 0)
            {
                return Encoding.UTF8.GetString(body.ToArray());
            }

            body.Write(raw, position + lineEnd + 2, size);
            position += lineEnd + 2 + size + 2;
        }
    }

    private static int IndexOfHeadEnd(MemoryStream received) =>
        received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf("\r\n\r\n"u8);
}
