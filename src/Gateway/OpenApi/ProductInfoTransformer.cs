using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KnovvuOrleans.Gateway.OpenApi;

/// <summary>
/// Names the document after the product: left alone, it takes the name of the entry assembly, which is the demo's
/// when the demo hosts the gateway.
/// </summary>
internal sealed class ProductInfoTransformer : IOpenApiDocumentTransformer
{
    public const string Title = "KnovvuOrleans API";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = Title;
        document.Info.Description = "Tenants and their clients, the Knovvu Analytics, Genesys Cloud and Virtual Agent integrations, "
            + "conversation results and the daily reports. Tokens: POST /connect/token (client credentials).";
        return Task.CompletedTask;
    }
}
