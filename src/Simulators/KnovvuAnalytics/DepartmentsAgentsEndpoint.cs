using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// POST api/departments-agents (see <see cref="ApiEndpoint"/> for the order of checks): every department and agent
/// is upserted by external id, all or nothing; 422 when an agent's department is neither in the request nor in CA.
/// </summary>
internal static class DepartmentsAgentsEndpoint
{
    public static Task HandleAsync(SimulatedCall call, KnovvuAnalyticsSimulatorState state) =>
        ApiEndpoint.HandleAsync<DepartmentsAgentsRequest>(
            call,
            state,
            keyOf: _ => null,
            check: (request, tenant) => DepartmentsAgentsValidation.Check(request, departmentId => state.Received.HasDepartment(tenant, departmentId)),
            store: (request, tenant, now) =>
            {
                state.Received.Upsert(tenant, request, now);
                return Results.Ok(new DepartmentsAgentsAcknowledgement(request.Departments.Count, request.Agents.Count));
            });
}
