namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// Calls a test makes happen: <c>sim.Calls.EndCall(agent.Id)</c> stores the conversation (details, recordings) in the
/// agent's org and publishes the call-ended event to the channels subscribed to the agent's conversation topics, at
/// once; events for channels without a socket are lost (<see cref="GenesysCloudSimulatorState.Notifications"/>).
/// </summary>
public sealed class ScriptedCalls
{
    private readonly GenesysCloudSimulatorState _state;

    internal ScriptedCalls(GenesysCloudSimulatorState state)
    {
        _state = state;
    }

    /// <summary>Every scripted call, by start time.</summary>
    public IReadOnlyList<SimulatedConversation> All => _state.Orgs.SelectMany(o => o.Conversations).OrderBy(c => c.Start).ToArray();

    /// <summary>A call of the agent (a user of any org) that has just ended.</summary>
    public SimulatedConversation EndCall(string agentUserId, CallOptions? options = null)
    {
        var agent = _state.Orgs.Select(o => o.FindUser(agentUserId)).FirstOrDefault(u => u is not null)
            ?? throw new ArgumentException($"No org has a user {agentUserId}.", nameof(agentUserId));
        var org = _state.Org(agent.OrgId);
        var conversation = ConversationFactory.Create(org, agent, options ?? new CallOptions(), _state.Options.TimeProvider.GetUtcNow());
        _state.Register(org, conversation);
        if (conversation.EventPublished)
        {
            _state.Channels.Publish(conversation);
        }

        return conversation;
    }

    /// <summary>
    /// A call of the agent that is still going: the details query finds it, without a conversation end or an end of the
    /// agent's segment; its recordings answer 202; no event.
    /// </summary>
    public SimulatedConversation StartCall(string agentUserId, CallOptions? options = null) =>
        EndCall(agentUserId, (options ?? new CallOptions()) with { PublishEvent = false, InProgress = true });

    /// <summary>A call that ended without any notification: only the details query finds it (what reconciliation is for).</summary>
    public SimulatedConversation EndCallWithoutEvent(string agentUserId, CallOptions? options = null) =>
        EndCall(agentUserId, (options ?? new CallOptions()) with { PublishEvent = false });
}
