using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KnovvuOrleans.Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace KnovvuOrleans.Gateway.Tests.InputContract;

/// <summary>
/// The strict input contract (docs/api-contract.md): times carry a UTC offset and lie in 2000–2099, text holds no
/// control characters but tab and line breaks, field names match case-exactly, and a request schema offers only
/// fields the reader sets. Refused bodies name the field and store nothing.
/// </summary>
public sealed class StrictInputTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Sessions = "/api/tenants/tenant-a/va/sessions";

    private static string Session(string from, string to) => Bodies.VaSessions.Replace(from, to, StringComparison.Ordinal);

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "time without an offset", Session("\"startTime\":\"2025-08-26T07:04:40Z\"", "\"startTime\":\"2025-08-26T07:04:40\""), "sessions[0].startTime" },
        { "date only", Session("\"endTime\":\"2025-08-26T07:04:43Z\"", "\"endTime\":\"2025-08-26\""), "sessions[0].endTime" },
        { "year 9999", Session("\"endTime\":\"2025-08-26T07:04:43Z\"", "\"endTime\":\"9999-08-26T07:04:43Z\""), "sessions[0].endTime" },
        { "year 1970", Session("\"startTime\":\"2025-08-26T07:04:40Z\"", "\"startTime\":\"1970-01-01T00:00:00Z\""), "sessions[0].startTime" },
        { "time without seconds", Session("\"startTime\":\"2025-08-26T07:04:40Z\"", "\"startTime\":\"2025-08-26T07:04Z\""), "sessions[0].startTime" },
        { "message time without an offset", Session("\"time\":\"2025-08-26T07:04:40Z\"", "\"time\":\"2025-08-26T07:04:40.123\""), "sessions[0].messages[0].time" },
        { "NUL in a message", Session("\"Merhaba\"", "\"Mer\\u0000haba\""), "sessions[0].messages[0].text" },
        { "ESC in a message", Session("\"Merhaba\"", "\"\\u001b[31mMerhaba\""), "sessions[0].messages[0].text" },
        { "C1 control in a message", Session("\"Merhaba\"", "\"Mer\\u0085haba\""), "sessions[0].messages[0].text" },
        { "NUL in the customer key", Session("\"channelId\":\"web\",", "\"channelId\":\"web\",\"customerKey\":\"a\\u0000b\","), "sessions[0].customerKey" },
        { "isPublished, which is derived from status", Session("\"status\":\"published\",", "\"status\":\"draft\",\"isPublished\":true,"), "isPublished" },
        { "field name in another case", Session("\"externalId\"", "\"ExternalId\""), "ExternalId" },
        { "wrapper field in another case", Session("{\"sessions\"", "{\"Sessions\""), "Sessions" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_lenient_value_is_refused_naming_the_field_and_nothing_is_stored(string name, string body, string field)
    {
        var before = await StateSnapshot.ReadAsync(fixture);

        using var response = await fixture.Api.SendAsync(HttpMethod.Post, Sessions, fixture.IngestTokenA, body);

        await ProblemAssert.IsProblemAsync(response, 400, field);
        Assert.Equal(before, await StateSnapshot.ReadAsync(fixture));
        Assert.False(string.IsNullOrEmpty(name));
    }

    public static TheoryData<string, string> Accepted() => new()
    {
        { "an offset other than Z", Session("\"startTime\":\"2025-08-26T07:04:40Z\"", "\"startTime\":\"2025-08-26T10:04:40+03:00\"") },
        { "fractional seconds", Session("\"endTime\":\"2025-08-26T07:04:43Z\"", "\"endTime\":\"2025-08-26T07:04:43.250Z\"") },
        { "tab and line breaks in a message", Session("\"Merhaba\"", "\"Mer\\thaba\\r\\nnasılsınız?\"") },
    };

    /// <summary>
    /// The project is not registered, so a body that passes the JSON contract is answered 422 (unknown channel), not 400:
    /// proof that the contract lets it through, without storing it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_strict_value_passes_the_json_contract(string name, string body)
    {
        using var response = await fixture.Api.SendAsync(HttpMethod.Post, Sessions, fixture.IngestTokenA, body);

        await ProblemAssert.IsProblemAsync(response, 422, "sessions[0].channelId");
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task Analysis_fields_match_seed_002_names_case_exactly()
    {
        var camel = Bodies.Analysis.Replace("\"AgentTensionRatio\"", "\"agentTensionRatio\"", StringComparison.Ordinal);

        using var response = await fixture.Api.SendAsync(HttpMethod.Post, "/api/tenants/tenant-a/conversations/case-1/analysis", fixture.IngestTokenA, camel);

        await ProblemAssert.IsProblemAsync(response, 400, "agentTensionRatio");
    }

    /// <summary>
    /// Every property the OpenAPI document shows in a request body (the JSON contract of the body's type) is one that
    /// the reader sets: a get-only property would be documented, accepted and silently ignored.
    /// </summary>
    [Fact]
    public void Every_documented_request_field_is_read()
    {
        var json = fixture.Factory.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var bodyTypes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAcceptsMetadata>())
            .Select(a => a.RequestType)
            .OfType<Type>()
            .Distinct()
            .ToList();
        Assert.NotEmpty(bodyTypes);

        var ignored = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var type in bodyTypes)
        {
            CollectIgnored(json.GetTypeInfo(type), json, seen, ignored);
        }

        Assert.True(ignored.Count == 0, "Documented but never read: " + string.Join(", ", ignored));
    }

    private static void CollectIgnored(JsonTypeInfo info, JsonSerializerOptions json, HashSet<Type> seen, List<string> ignored)
    {
        if (!seen.Add(info.Type))
        {
            return;
        }

        if (info.ElementType is { } element)
        {
            CollectIgnored(json.GetTypeInfo(element), json, seen, ignored);
        }

        foreach (var property in info.Properties)
        {
            // Written (so documented) but neither set nor a constructor parameter: read past silently.
            if (property.Get is not null && property.Set is null && property.AssociatedParameter is null)
            {
                ignored.Add($"{info.Type.Name}.{property.Name}");
            }

            CollectIgnored(json.GetTypeInfo(property.PropertyType), json, seen, ignored);
        }
    }
}
