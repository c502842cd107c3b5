using System.Net;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.GenesysCloud;

namespace KnovvuOrleans.Simulators.Tests.GenesysCloud;

/// <summary>Groups and their paged members, as group sync reads them, changed at run time.</summary>
public sealed class GroupTests
{
    [Fact]
    public async Task Members_come_25_a_page_with_a_next_URI_until_the_last_page()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var group = genesys.Org.AddGroup("Knovvu", genesys.Org.AddUsers(60));
        var token = await genesys.TokenAsync();

        var pages = new List<UserEntityListing>();
        string? next = $"{GenesysCloudApi.Group(group.Id)}/members";
        while (next is not null)
        {
            var page = await genesys.GetAsync<UserEntityListing>(next, token);
            pages.Add(page);
            next = page.NextUri;
        }

        Assert.Equal([25, 25, 10], pages.Select(p => p.Entities.Count));
        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber));
        Assert.All(pages, p => Assert.Equal((60L, 3, 25), (p.Total, p.PageCount, p.PageSize)));
        Assert.Equal($"/api/v2/groups/{group.Id}/members?pageSize=25&pageNumber=2", pages[0].NextUri);
        Assert.Equal(group.Listed.Select(u => u.Id), pages.SelectMany(p => p.Entities).Select(u => u.Id));
        var first = pages[0].Entities[0];
        Assert.Equal((group.Listed[0].Name, group.Listed[0].Email), (first.Name, first.Email));
    }

    [Fact]
    public async Task The_group_counts_owners_and_members_once_each()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var (owner, member) = (genesys.Org.AddUser("Olivia Owner"), genesys.Org.AddUser("Mark Member"));
        var group = genesys.Org.AddGroup("Knovvu", [member, owner]);
        group.AddOwners(owner);
        var token = await genesys.TokenAsync();

        var listed = await genesys.GetAsync<UserEntityListing>(GenesysCloudApi.GroupMembers(group.Id, 100, 1), token);
        var wire = await genesys.GetAsync<GenesysGroup>(GenesysCloudApi.Group(group.Id), token);

        Assert.Equal([owner.Id, member.Id], listed.Entities.Select(u => u.Id));
        Assert.Null(listed.NextUri);
        Assert.Equal(("Knovvu", 2L), (wire.Name, wire.MemberCount));
    }

    [Fact]
    public async Task Membership_changes_show_at_the_next_poll()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var agents = genesys.Org.AddUsers(3);
        var group = genesys.Org.AddGroup("Knovvu", agents);
        var token = await genesys.TokenAsync();
        var before = await genesys.GetAsync<UserEntityListing>(GenesysCloudApi.GroupMembers(group.Id, 25, 1), token);

        Assert.True(group.RemoveMember(agents[1].Id));
        var newcomer = genesys.Org.AddUser();
        group.AddMembers(newcomer);
        var after = await genesys.GetAsync<UserEntityListing>(GenesysCloudApi.GroupMembers(group.Id, 25, 1), token);
        var formerOwner = genesys.Org.AddUser();
        group.AddOwners(formerOwner);
        Assert.True(group.RemoveOwner(formerOwner.Id));
        var afterOwnerLeft = await genesys.GetAsync<UserEntityListing>(GenesysCloudApi.GroupMembers(group.Id, 25, 1), token);

        Assert.Equal(agents.Select(a => a.Id), before.Entities.Select(u => u.Id));
        Assert.Equal([agents[0].Id, agents[2].Id, newcomer.Id], after.Entities.Select(u => u.Id));
        Assert.Equal(after.Entities.Select(u => u.Id), afterOwnerLeft.Entities.Select(u => u.Id));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var group = genesys.Org.AddGroup("Knovvu", genesys.Org.AddUsers(3));
        var token = await genesys.TokenAsync();

        var page = await genesys.GetAsync<UserEntityListing>(GenesysCloudApi.GroupMembers(group.Id, 25, 2), token);

        Assert.Empty(page.Entities);
        Assert.Equal((3L, 1), (page.Total, page.PageCount));
        Assert.Null(page.NextUri);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    [InlineData("pageSize=ten")]
    [InlineData("pageNumber=0")]
    public async Task Paging_out_of_range_is_a_400(string query)
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var group = genesys.Org.AddGroup("Knovvu", genesys.Org.AddUsers(3));

        using var response = await genesys.SendAsync(HttpMethod.Get, $"{GenesysCloudApi.Group(group.Id)}/members?{query}", await genesys.TokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(GenesysCloudApi.ErrorCodes.BadRequest, (await GenesysHarness.ErrorOf(response)).Code);
    }

    [Fact]
    public async Task An_unknown_group_is_a_404()
    {
        await using var genesys = await GenesysHarness.StartAsync();
        var token = await genesys.TokenAsync();

        using var group = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.Group(Guid.NewGuid().ToString()), token);
        using var members = await genesys.SendAsync(HttpMethod.Get, GenesysCloudApi.GroupMembers(Guid.NewGuid().ToString(), 25, 1), token);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (group.StatusCode, members.StatusCode));
    }

    [Fact]
    public void A_group_takes_only_users_of_its_own_org()
    {
        var state = new GenesysCloudSimulatorState(new GenesysCloudSimulatorOptions());
        var group = state.Org("org-a").AddGroup("Knovvu");

        Assert.Throws<ArgumentException>(() => group.AddMembers(state.Org("org-b").AddUser()));
        Assert.Empty(group.Members);
    }
}
