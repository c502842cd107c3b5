using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// The rules of a Departments-Agents body beyond its JSON shape: 400 when it is wrong in itself, 422 when an agent's
/// department is neither in the request nor stored before.
/// </summary>
internal static class DepartmentsAgentsValidation
{
    public static IResult? Check(DepartmentsAgentsRequest request, Func<string, bool> isKnownDepartment)
    {
        var errors = new FieldErrors();
        var departmentIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Departments.Count; i++)
        {
            var department = request.Departments[i];
            errors.RequireText($"departments[{i}].name", department.Name);
            RequireUniqueId(errors, departmentIds, $"departments[{i}].externalId", department.ExternalId);
        }

        var agentIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Agents.Count; i++)
        {
            var agent = request.Agents[i];
            RequireUniqueId(errors, agentIds, $"agents[{i}].externalId", agent.ExternalId);
            errors.RequireText($"agents[{i}].userName", agent.UserName);
            errors.RequireText($"agents[{i}].name", agent.Name);
            errors.RequireText($"agents[{i}].surname", agent.Surname);
            errors.RequireText($"agents[{i}].department.externalId", agent.Department.ExternalId);
        }

        if (errors.Count > 0)
        {
            return errors.ToProblem();
        }

        for (var i = 0; i < request.Agents.Count; i++)
        {
            var departmentId = request.Agents[i].Department.ExternalId;
            if (!departmentIds.Contains(departmentId) && !isKnownDepartment(departmentId))
            {
                errors.Add($"agents[{i}].department.externalId", $"CA has no department \"{departmentId}\" and the request does not create it.");
            }
        }

        return errors.Count > 0 ? errors.ToProblem(StatusCodes.Status422UnprocessableEntity) : null;
    }

    private static void RequireUniqueId(FieldErrors errors, HashSet<string> seen, string field, string externalId)
    {
        errors.RequireText(field, externalId);
        if (!seen.Add(externalId))
        {
            errors.Add(field, $"The externalId \"{externalId}\" appears twice in the request.");
        }
    }
}
