using System.Text.Json.Nodes;
using KnovvuOrleans.Gateway.Tests.Support;

namespace KnovvuOrleans.Gateway.Tests.Http;

/// <summary>
/// Issue 15, defect 7: requests that Kestrel refuses itself, before any middleware (an encoded NUL in the path,
/// a malformed request line or header, a request line or headers beyond Kestrel's backstop limits), were answered with
/// an empty body. They now get an RFC 9457 problem too, still closing the connection, and the responses before them on
/// the same connection are untouched. Raw bytes over TCP to the gateway's real Kestrel.
/// </summary>
public sealed class ServerRefusalProblemTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string NulPath = "/api/tenants/a%00b/va/projects";

    [Fact]
    public async Task A_path_with_an_encoded_NUL_is_refused_with_a_problem_not_an_empty_400()
    {
        using var connection = await OpenAsync();
        await connection.SendAsync($"GET {NulPath} HTTP/1.1\r\nHost: gw\r\n\r\n");

        var refusal = await connection.ReadResponseAsync();

        var problem = AssertProblem(refusal, 400, "request target");
        Assert.DoesNotContain("%00", refusal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("a\u0000b", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(@"\u0000", refusal.Text, StringComparison.Ordinal);
        Assert.Equal("close", refusal.Header("Connection"));
        Assert.Empty(await connection.ReadToCloseAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_a_keep_alive_connection_the_answer_before_a_refused_request_is_unchanged(bool pipelined)
    {
        // A large answer (the OpenAPI document), to pass more than one write through the connection's output.
        const string valid = "GET /openapi/v1.json HTTP/1.1\r\nHost: gw\r\n\r\n";
        const string refused = $"GET {NulPath} HTTP/1.1\r\nHost: gw\r\n\r\n";
        RawHttpResponse alone;
        using (var single = await OpenAsync())
        {
            await single.SendAsync(valid);
            alone = await single.ReadResponseAsync();
        }

        using var connection = await OpenAsync();
        RawHttpResponse first;
        if (pipelined)
        {
            await connection.SendAsync(valid + refused);
            first = await connection.ReadResponseAsync();
        }
        else
        {
            await connection.SendAsync(valid);
            first = await connection.ReadResponseAsync();
            await connection.SendAsync(refused);
        }

        var second = await connection.ReadResponseAsync();

        Assert.Equal(200, alone.Status);
        Assert.Equal(alone.Status, first.Status);
        Assert.Equal(Without(alone.Headers, "Date"), Without(first.Headers, "Date"));
        Assert.Equal(alone.Body, first.Body);
        Assert.Null(first.Header("Connection"));
        AssertProblem(second, 400, "request target");
        Assert.Empty(await connection.ReadToCloseAsync());
    }

    /// <summary>Kestrel's own refusals, with the status Kestrel picks and what the problem's detail says.</summary>
    public static TheoryData<string, string, int, string> Refusals() => new()
    {
        { "request line with two spaces", "GET  /health/live HTTP/1.1\r\nHost: gw\r\n\r\n", 400, "request line" },
        { "unknown HTTP version", "GET /health/live HTTP/1.7\r\nHost: gw\r\n\r\n", 505, "HTTP version" },
        { "header without a colon", "GET /health/live HTTP/1.1\r\nHost: gw\r\nSecretMarker\r\n\r\n", 400, "header" },
        { "header name with a space", "GET /health/live HTTP/1.1\r\nHost: gw\r\nSecret Marker: x\r\n\r\n", 400, "header" },
        { "no Host header", "GET /health/live HTTP/1.1\r\n\r\n", 400, "Host header" },
        { "Content-Length not a number", "POST /health/live HTTP/1.1\r\nHost: gw\r\nContent-Length: SecretMarker\r\n\r\n", 400, "content length" },
        { "request line beyond Kestrel's backstop", $"GET /health/live?{new string('q', 20_000)} HTTP/1.1\r\nHost: gw\r\n\r\n", 414, "line too long" },
        { "headers beyond Kestrel's backstop", $"GET /health/live HTTP/1.1\r\nHost: gw\r\nX-Big: {new string('h', 70_000)}\r\n\r\n", 431, "headers too long" },
        { "more headers than Kestrel's backstop", $"GET /health/live HTTP/1.1\r\nHost: gw\r\n{string.Concat(Enumerable.Range(0, 300).Select(i => $"X-H{i}: v\r\n"))}\r\n", 431, "too many headers" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_request_Kestrel_refuses_itself_gets_a_problem(string name, string request, int status, string detail)
    {
        using var connection = await OpenAsync();
        await connection.SendAsync(request);

        var refusal = await connection.ReadResponseAsync();

        Assert.True(refusal.Status == status, $"{name}: expected {status}, got {refusal.Status}: {refusal.Text}");
        AssertProblem(refusal, status, detail);
        Assert.DoesNotContain("SecretMarker", refusal.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("close", refusal.Header("Connection"));
        Assert.Empty(await connection.ReadToCloseAsync());
    }

    [Fact]
    public async Task A_refused_HEAD_request_keeps_an_answer_without_a_body()
    {
        using var connection = await OpenAsync();
        await connection.SendAsync("HEAD /health/live HTTP/1.1\r\nHost: gw\r\nNoColon\r\n\r\n");

        var refusal = await connection.ReadResponseAsync();

        Assert.Equal(400, refusal.Status);
        Assert.Null(refusal.Header("Content-Type"));
        Assert.Empty(await connection.ReadToCloseAsync());
    }

    private Task<RawHttpConnection> OpenAsync() => RawHttpConnection.OpenAsync(fixture.Api.Http.BaseAddress!);

    private static JsonObject AssertProblem(RawHttpResponse response, int status, string detail)
    {
        Assert.True(response.Status == status, $"Expected {status}, got {response.Status}: {response.Text}");
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        var problem = JsonNode.Parse(response.Text)!.AsObject();
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), response.Text);
        Assert.False(string.IsNullOrWhiteSpace(problem["type"]?.GetValue<string>()), response.Text);
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        return problem;
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).ToDictionary();
}
