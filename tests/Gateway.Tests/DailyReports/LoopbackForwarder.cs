using System.Net;
using System.Net.Sockets;

namespace KnovvuOrleans.Gateway.Tests.DailyReports;

/// <summary>
/// A loopback port that stands for a server that is down until <see cref="Open"/>: until then nothing listens there
/// (connections are refused); afterwards each connection is piped to the real server.
/// </summary>
public sealed class LoopbackForwarder : IAsyncDisposable
{
    private readonly DnsEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly TcpListener _listener;
    private Task _accepting = Task.CompletedTask;

    public LoopbackForwarder(Uri target)
    {
        _target = new DnsEndPoint(target.Host, target.Port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener = new TcpListener(IPAddress.Loopback, Port);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public void Open()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            var fromClient = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
            var fromServer = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
            await Task.WhenAny(fromClient, fromServer).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
