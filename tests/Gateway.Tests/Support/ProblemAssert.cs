using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>Checks that an answer is an RFC 9457 problem with the expected status that names what was wrong.</summary>
public static class ProblemAssert
{
    public static async Task<JsonObject> IsProblemAsync(HttpResponseMessage response, int status, string? names = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), body);
        if (names is not null)
        {
            // The field is named as a key of "errors", or the problem is named in the detail or the messages.
            var text = string.Join("\n", new[] { problem["detail"]?.ToString() }
                .Concat((problem["errors"] as JsonObject ?? []).SelectMany(e => new[] { e.Key, e.Value!.ToJsonString() })));
            Assert.True(text.Contains(names, StringComparison.OrdinalIgnoreCase), $"The problem does not name '{names}': {body}");
        }

        return problem;
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
