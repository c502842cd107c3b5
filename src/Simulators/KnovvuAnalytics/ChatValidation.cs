using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// The rules of a chat beyond its JSON shape: 400 when the chat itself is wrong, 422 when it is right but names an
/// agent CA does not have (the client must send it with POST Departments-Agents first).
/// </summary>
internal static class ChatValidation
{
    public static IResult? Check(ChatRequest chat, Func<string, bool> isKnownAgent)
    {
        var errors = new FieldErrors();
        errors.RequireText("ExternalId", chat.ExternalId);
        errors.RequireText("Agent.ExternalId", chat.Agent.ExternalId);
        if (chat.EndTime < chat.StartTime)
        {
            errors.Add("EndTime", "EndTime is before StartTime.");
        }

        if (chat.Duration < 0)
        {
            errors.Add("Duration", "Duration counts seconds; it is not negative.");
        }

        for (var i = 0; i < chat.ChatLines.Count; i++)
        {
            if (chat.ChatLines[i].SideId is not (KnovvuAnalyticsApi.Sides.Agent or KnovvuAnalyticsApi.Sides.Customer))
            {
                errors.Add($"ChatLines[{i}].SideId", "SideId is 1 (agent) or 2 (customer).");
            }
        }

        if (chat.SourceName != KnovvuAnalyticsApi.SourceName)
        {
            errors.Add("SourceName", $"SourceName is \"{KnovvuAnalyticsApi.SourceName}\".");
        }

        CheckAttachedData(chat.AttachedData, errors);
        if (errors.Count > 0)
        {
            return errors.ToProblem();
        }

        return isKnownAgent(chat.Agent.ExternalId)
            ? null
            : FieldErrors.Problem("Agent.ExternalId", "CA has no agent with this ExternalId; send it with POST Departments-Agents first.", StatusCodes.Status422UnprocessableEntity);
    }

    // Keys are unique, and conversationType is there with "call" or "chat": CA files the conversation by it.
    private static void CheckAttachedData(IReadOnlyList<AttachedDataItem> attachedData, FieldErrors errors)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var hasConversationType = false;
        for (var i = 0; i < attachedData.Count; i++)
        {
            var (key, value) = (attachedData[i].Key, attachedData[i].Value);
            errors.RequireText($"AttachedData[{i}].Key", key);
            if (!keys.Add(key))
            {
                errors.Add($"AttachedData[{i}].Key", $"The key \"{key}\" appears twice.");
            }

            if (key == KnovvuAnalyticsApi.AttachedDataKeys.ConversationType)
            {
                hasConversationType = true;
                if (value is not (KnovvuAnalyticsApi.ConversationTypes.Call or KnovvuAnalyticsApi.ConversationTypes.Chat))
                {
                    errors.Add($"AttachedData[{i}].Value", "conversationType is \"call\" or \"chat\".");
                }
            }
        }

        if (!hasConversationType)
        {
            errors.Add("AttachedData", "AttachedData must hold conversationType (\"call\" or \"chat\").");
        }
    }
}
