using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace KnovvuOrleans.Gateway.Tests.Http;

/// <summary>
/// One TCP connection to the gateway's Kestrel, speaking HTTP/1.1 as raw bytes so that no client library tidies up
/// (or refuses to send) a malformed request, and reading back responses exactly as they came.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpClient _tcp = new();
    private readonly MemoryStream _received = new();
    private NetworkStream _stream = null!;
    private int _consumed;

    public static async Task<RawHttpConnection> OpenAsync(Uri gateway)
    {
        var connection = new RawHttpConnection();
        await connection._tcp.ConnectAsync(gateway.Host, gateway.Port);
        connection._stream = connection._tcp.GetStream();
        return connection;
    }

    public Task SendAsync(string request) => _stream.WriteAsync(Encoding.ASCII.GetBytes(request)).AsTask();

    /// <summary>The next response, framed by its Content-Length or chunked encoding.</summary>
    public async Task<RawHttpResponse> ReadResponseAsync()
    {
        int headEnd;
        while ((headEnd = Received.IndexOf("\r\n\r\n"u8)) < 0)
        {
            Assert.True(await ReadMoreAsync(), "The server closed the connection without (the rest of) a response head.");
        }

        var head = Encoding.ASCII.GetString(Received[..headEnd]);
        var lines = head.Split("\r\n");
        var headers = lines.Skip(1).Select(h => h.Split(':', 2))
            .ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        _consumed += headEnd + 4;

        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync();
        }
        else
        {
            var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 0;
            while (Received.Length < length)
            {
                Assert.True(await ReadMoreAsync(), "The server closed the connection in the middle of a body.");
            }

            body = Received[..length].ToArray();
            _consumed += length;
        }

        return new RawHttpResponse(status, headers, body);
    }

    /// <summary>Reads until the server closes the connection; what came after the last response read.</summary>
    public async Task<byte[]> ReadToCloseAsync()
    {
        while (await ReadMoreAsync())
        {
        }

        var rest = Received.ToArray();
        _consumed += rest.Length;
        return rest;
    }

    public void Dispose() => _tcp.Dispose();

    private ReadOnlySpan<byte> Received => _received.GetBuffer().AsSpan(_consumed, (int)_received.Length - _consumed);

    private async Task<byte[]> ReadChunkedAsync()
    {
        var body = new MemoryStream();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = Received.IndexOf("\r\n"u8)) < 0)
            {
                Assert.True(await ReadMoreAsync(), "The server closed the connection in the middle of a chunk.");
            }

            var size = int.Parse(Encoding.ASCII.GetString(Received[..lineEnd]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            while (Received.Length < lineEnd + 2 + size + 2)
            {
                Assert.True(await ReadMoreAsync(), "The server closed the connection in the middle of a chunk.");
            }

            body.Write(Received.Slice(lineEnd + 2, size));
            _consumed += lineEnd + 2 + size + 2;
            if (size == 0)
            {
                return body.ToArray();
            }
        }
    }

    private async Task<bool> ReadMoreAsync()
    {
        var buffer = new byte[16 * 1024];
        var read = await _stream.ReadAsync(buffer).AsTask().WaitAsync(ReadTimeout);
        _received.Write(buffer, 0, read);
        return read > 0;
    }
}
