using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>GET groups/{groupId} and its paged members (owners, then individual members, each once).</summary>
internal static class GroupsEndpoints
{
    public static Task GetGroupAsync(SimulatedCall call, GenesysCloudSimulatorState state) =>
        GenesysApiEndpoint.GetOneAsync(call, state, "groupId", "Group", (org, groupId) => org.FindGroup(groupId)?.ToWire());

    public static async Task GetMembersAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        var groupId = call.Http.GetRouteValue("groupId") as string;
        var page = call.Http.Request.Query["pageNumber"].ToString() is { Length: > 0 } number ? number : "1";
        if (await GenesysApiEndpoint.AdmitAsync(call, state, $"{groupId} page {page}") is not { } token)
        {
            return;
        }

        var (pageSize, sizeProblem) = Paging.QueryInt(call.Http.Request, "pageSize", GenesysCloudApi.DefaultPageSize);
        var (pageNumber, numberProblem) = Paging.QueryInt(call.Http.Request, "pageNumber", 1);
        var group = state.Org(token.Tenant).FindGroup(groupId!);
        var problem = sizeProblem ?? numberProblem ?? Paging.Check(pageSize, pageNumber) ?? (group is null ? GenesysErrors.NotFound($"Group {groupId} not found.") : null);
        if (problem is not null)
        {
            await call.RespondAsync(problem);
            return;
        }

        var members = group!.Listed;
        var pageCount = Paging.PageCount(members.Count, pageSize);
        await call.RespondAsync(Results.Json(new UserEntityListing
        {
            Entities = Paging.Page(members, pageSize, pageNumber).Select(u => u.ToWire()).ToArray(),
            PageSize = pageSize,
            PageNumber = pageNumber,
            Total = members.Count,
            PageCount = pageCount,
            NextUri = pageNumber < pageCount
                ? MountedUrls.RootPath(call.Http, GenesysCloudApi.GroupMembersPath) + GenesysCloudApi.GroupMembers(group.Id, pageSize, pageNumber + 1)
                : null,
        }));
    }
}
