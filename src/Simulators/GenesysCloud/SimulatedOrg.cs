using System.Collections.Concurrent;
using System.Globalization;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// One Genesys org: its users, groups and conversations. A token sees only its own org; anything of another org is a
/// 404 to it. Lists are snapshots: users and groups in the order they were added, conversations by start time.
/// </summary>
public sealed class SimulatedOrg
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedUser> _users = [];
    private readonly Dictionary<string, SimulatedUser> _usersById = new(StringComparer.Ordinal);
    private readonly List<SimulatedGroup> _groups = [];
    private readonly ConcurrentDictionary<string, SimulatedConversation> _conversations = new(StringComparer.Ordinal);

    internal SimulatedOrg(string id)
    {
        Id = id;
    }

    public string Id { get; }

    /// <summary>The org's home division, which every conversation is in.</summary>
    public string DivisionId { get; } = Guid.NewGuid().ToString();

    public IReadOnlyList<SimulatedUser> Users
    {
        get
        {
            lock (_gate)
            {
                return _users.ToArray();
            }
        }
    }

    public IReadOnlyList<SimulatedGroup> Groups
    {
        get
        {
            lock (_gate)
            {
                return _groups.ToArray();
            }
        }
    }

    public IReadOnlyList<SimulatedConversation> Conversations => _conversations.Values.OrderBy(c => c.Start).ToArray();

    /// <summary>A new user; without a name it is "Agent 0001", "Agent 0002", … in the order of creation.</summary>
    public SimulatedUser AddUser(string? name = null, string? email = null)
    {
        lock (_gate)
        {
            var number = (_users.Count + 1).ToString("D4", CultureInfo.InvariantCulture);
            var user = new SimulatedUser(Guid.NewGuid().ToString(), Id, name ?? $"Agent {number}", email ?? $"agent{number}@{Id}.example.com");
            _users.Add(user);
            _usersById.Add(user.Id, user);
            return user;
        }
    }

    public IReadOnlyList<SimulatedUser> AddUsers(int count) => Enumerable.Range(0, count).Select(_ => AddUser()).ToArray();

    public SimulatedGroup AddGroup(string name, IEnumerable<SimulatedUser>? members = null)
    {
        var group = new SimulatedGroup(Guid.NewGuid().ToString(), Id, name);
        group.AddMembers(members ?? []);
        lock (_gate)
        {
            _groups.Add(group);
        }

        return group;
    }

    public SimulatedUser? FindUser(string userId)
    {
        lock (_gate)
        {
            return _usersById.GetValueOrDefault(userId);
        }
    }

    public SimulatedGroup? FindGroup(string groupId)
    {
        lock (_gate)
        {
            return _groups.Find(g => g.Id == groupId);
        }
    }

    public SimulatedConversation? FindConversation(string conversationId) => _conversations.GetValueOrDefault(conversationId);

    internal GenesysOrgCounts Counts()
    {
        var conversations = _conversations.Values;
        var groups = Groups;
        return new GenesysOrgCounts(
            Users.Count,
            groups.Count,
            groups.Sum(g => g.Listed.Count),
            conversations.Count,
            conversations.Sum(c => c.Recordings.Count));
    }

    internal void Add(SimulatedConversation conversation) => _conversations[conversation.Id] = conversation;
}
