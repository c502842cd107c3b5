using System.Net;
using KnovvuOrleans.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Gateway.Tests;

/// <summary>
/// A grain call that the cluster did not answer (the client-only gateway's short response timeout after a silo died)
/// is a 503 problem with Retry-After, so callers retry; it used to be an unhandled exception, a 500.
/// </summary>
public sealed class ClusterUnavailableTests
{
    [Theory]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(Orleans.Runtime.SiloUnavailableException))]
    public async Task A_grain_call_the_cluster_did_not_answer_is_a_503_problem_with_Retry_After(Type thrown)
    {
        await using var gateway = new GatewayFactory
        {
            TestServices = services => services.AddSingleton<IStartupFilter>(new ThrowingRoute(thrown)),
        };

        using var response = await gateway.CreateClient().GetAsync(ThrowingRoute.Path);

        await ProblemAssert.IsProblemAsync(response, (int)HttpStatusCode.ServiceUnavailable, "try again");
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    /// <summary>A route at the end of the gateway's own pipeline (inside its exception handler) that throws as a grain call would.</summary>
    private sealed class ThrowingRoute(Type thrown) : IStartupFilter
    {
        public const string Path = "/test/grain-call-not-answered";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(_ => throw (Exception)Activator.CreateInstance(thrown, "The grain call was not answered in time.")!));
        };
    }
}
