using System.Net;
using System.Text.RegularExpressions;
using KnovvuOrleans.Gateway.Tests.Support;
using KnovvuOrleans.Testing;

namespace KnovvuOrleans.Gateway.Tests.Docs;

/// <summary>
/// docs/api.md's route table is the OpenAPI document's list of routes, no more, no less; the document carries the
/// product's name, and the interactive reference over it answers.
/// </summary>
public sealed partial class ApiDocsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_route_table_of_docs_api_md_lists_exactly_the_routes_of_the_OpenAPI_document()
    {
        var document = await fixture.Api.ReadOkAsync(HttpMethod.Get, "/openapi/v1.json", null);
        var served = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .ToHashSet();

        var documented = TableRoutes(File.ReadAllLines(RepositoryFiles.PathOf("docs/api.md")));

        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.True(served.Count >= 20, $"the document lists {served.Count} routes");
        Assert.Empty(served.Except(documented).Order());
        Assert.Empty(documented.Except(served).Order());
    }

    [Fact]
    public async Task The_OpenAPI_document_is_titled_for_the_product()
    {
        var document = await fixture.Api.ReadOkAsync(HttpMethod.Get, "/openapi/v1.json", null);

        Assert.Equal("KnovvuOrleans API", document["info"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_API_reference_page_answers_with_the_product_title_and_the_document_it_reads()
    {
        using var response = await fixture.Api.Http.GetAsync("/api-reference");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("KnovvuOrleans API", page, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_row_is_read_as_method_and_path()
    {
        string[] lines =
        [
            "| method | path | who | what |",
            "| --- | --- | --- | --- |",
            "| POST | `/connect/token` | any client | tokens |",
            "| GET | `/api/tenants/{tenantId}/profile` | `tenant_admin` | profile |",
            "text | not a row",
        ];

        Assert.Equal(["POST /connect/token", "GET /api/tenants/{tenantId}/profile"], TableRoutes(lines));
    }

    /// <summary>Rows like <c>| GET | `/path` | …</c>; the header and other tables do not match.</summary>
    private static List<string> TableRoutes(IEnumerable<string> lines) =>
        lines.Select(line => RouteRow().Match(line)).Where(m => m.Success)
            .Select(m => $"{m.Groups["method"].Value} {m.Groups["path"].Value}").ToList();

    [GeneratedRegex(@"^\|\s*(?<method>GET|POST|PUT|PATCH|DELETE|HEAD)\s*\|\s*`(?<path>/[^`]*)`\s*\|")]
    private static partial Regex RouteRow();
}
