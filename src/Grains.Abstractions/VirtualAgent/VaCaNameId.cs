using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Grains.Abstractions.VirtualAgent;

/// <summary>
/// The rule for VA project and channel ids: an entity id without '.'. CA knows them by dotted names
/// (<c>VA.&lt;TenantId&gt;.&lt;ProjectId&gt;.&lt;channelId&gt;</c>, seed 000); a dot inside an id would let two different
/// project/channel pairs share one name (project "sales.eu" with channel "web", project "sales" with channel "eu.web").
/// </summary>
public static class VaCaNameId
{
    public const string Rule = "1-128 characters: letters, digits, '_', ':' or '-' (no '.': CA names join ids with dots)";

    public static void Validate(ValidationErrors errors, string field, string? value)
    {
        if (!EntityId.IsValid(value) || value!.Contains('.'))
        {
            errors.Add(field, $"{field} must be {Rule}.");
        }
    }
}
