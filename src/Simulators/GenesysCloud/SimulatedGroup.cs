using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// A group of a simulated org, with owners and individual members that a test changes at run time (Genesys raises no
/// event for that: the integration must poll). GET members lists <see cref="Listed"/>.
/// </summary>
public sealed class SimulatedGroup
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedUser> _owners = [];
    private readonly List<SimulatedUser> _members = [];

    internal SimulatedGroup(string id, string orgId, string name)
    {
        Id = id;
        OrgId = orgId;
        Name = name;
    }

    public string Id { get; }

    public string OrgId { get; }

    public string Name { get; }

    public IReadOnlyList<SimulatedUser> Owners
    {
        get
        {
            lock (_gate)
            {
                return _owners.ToArray();
            }
        }
    }

    public IReadOnlyList<SimulatedUser> Members
    {
        get
        {
            lock (_gate)
            {
                return _members.ToArray();
            }
        }
    }

    /// <summary>What GET members lists, in this order: the owners, then the members, each user once.</summary>
    public IReadOnlyList<SimulatedUser> Listed
    {
        get
        {
            lock (_gate)
            {
                return _owners.Concat(_members).DistinctBy(u => u.Id).ToArray();
            }
        }
    }

    /// <summary>Adds users of the group's org that are not members yet, at the end of the listing.</summary>
    public void AddMembers(params IEnumerable<SimulatedUser> users) => Add(_members, users);

    public bool RemoveMember(string userId) => Remove(_members, userId);

    public void AddOwners(params IEnumerable<SimulatedUser> users) => Add(_owners, users);

    public bool RemoveOwner(string userId) => Remove(_owners, userId);

    internal GenesysGroup ToWire() => new()
    {
        Id = Id,
        Name = Name,
        MemberCount = Listed.Count,
        State = "active",
        Type = "official",
        Visibility = "public",
        SelfUri = "/" + GenesysCloudApi.Group(Id),
    };

    private void Add(List<SimulatedUser> list, IEnumerable<SimulatedUser> users)
    {
        lock (_gate)
        {
            foreach (var user in users)
            {
                if (user.OrgId != OrgId)
                {
                    throw new ArgumentException($"User {user.Id} belongs to org {user.OrgId}, the group to {OrgId}.", nameof(users));
                }

                if (!list.Exists(u => u.Id == user.Id))
                {
                    list.Add(user);
                }
            }
        }
    }

    private bool Remove(List<SimulatedUser> list, string userId)
    {
        lock (_gate)
        {
            return list.RemoveAll(u => u.Id == userId) > 0;
        }
    }
}
