using KnovvuOrleans.Gateway.Http.ServerRefusals;
using KnovvuOrleans.Grains.Settings;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>The gateway's HTTP conventions: strict JSON, RFC 9457 problems for every error, bounded bodies.</summary>
internal static class HttpConventions
{
    public static IServiceCollection AddGatewayHttp(this IServiceCollection services)
    {
        services.AddValidatedOptions<GatewayOptions>(GatewayOptions.SectionName);
        services.AddProblemDetails();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>, KestrelBackstop>();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>, ServerRefusalProblems>();
        services.AddSingleton<IConfigureOptions<ProblemDetailsOptions>, DefaultProblemDetails>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        // Binding failures become exceptions so BadRequestExceptionHandler can say what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            // A misspelt or repeated field, a number sent as a string, a null where a value is required: all 400,
            // never silently defaulted.
            var json = o.SerializerOptions;
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.AllowDuplicateProperties = false;
            json.NumberHandling = JsonNumberHandling.Strict;
            json.RespectNullableAnnotations = true;
            json.RespectRequiredConstructorParameters = true;
            json.MaxDepth = 16;
            // Unknown fields are refused, so a field spelt in another case must be refused too, not matched.
            json.PropertyNameCaseInsensitive = false;
            json.Converters.Add(new StrictTimestampJsonConverter());
            json.Converters.Add(new PlainTextJsonConverter());
        });
        return services;
    }

    public static IApplicationBuilder UseGatewayHttp(this IApplicationBuilder app) =>
        app.UseExceptionHandler()
            .UseStatusCodePages()
            .UseMiddleware<RequestHeadLimitMiddleware>()
            .UseMiddleware<RequestBodyLimitMiddleware>();
}
