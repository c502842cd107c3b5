using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.VirtualAgent;

/// <summary>One message of a VA session; <see cref="Side"/> is "agent" (the bot) or "customer".</summary>
[GenerateSerializer, Alias("knovvu.VaMessage")]
public sealed record VaMessage(DateTimeOffset Time, string Text, string Side)
{
    public const string AgentSide = "agent";

    public const string CustomerSide = "customer";

    public void Validate(ValidationErrors errors, string prefix)
    {
        if (string.IsNullOrEmpty(Text) || Text.Length > VaSession.MaxMessageLength)
        {
            errors.Add($"{prefix}text", $"text is required, at most {VaSession.MaxMessageLength} characters.");
        }

        if (Side is not (AgentSide or CustomerSide))
        {
            errors.Add($"{prefix}side", "side must be agent or customer.");
        }
    }
}
