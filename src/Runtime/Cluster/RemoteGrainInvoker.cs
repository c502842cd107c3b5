using System.Net;
using System.Net.Http.Json;
using KnovvuOrleans.Runtime.Activation;

namespace KnovvuOrleans.Runtime.Cluster;

/// <summary>Sends grain calls to the silo that owns the grain, over pooled HTTP/2 connections.</summary>
internal sealed class RemoteGrainInvoker(GrainCallCodec codec) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    })
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<object?> InvokeAsync(
        string address, GrainId grain, GrainMethod method, object?[] arguments, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync($"{address}/grain-calls", codec.Encode(grain, method, arguments), cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<GrainCallResponse>(cancellationToken);
        return codec.Result(method, answer!);
    }

    public void Dispose() => _http.Dispose();
}
