using KnovvuOrleans.Grains.Abstractions.Validation;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;

namespace KnovvuOrleans.Gateway.VirtualAgent;

/// <summary>The body of POST .../va/sessions: one session or a batch of up to <see cref="MaxSessions"/>.</summary>
public sealed record VaSessionsRequest(IReadOnlyList<VaSession>? Sessions = null)
{
    public const int MaxSessions = 500;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Sessions is not { Count: > 0 and <= MaxSessions })
        {
            errors.Add("sessions", $"sessions must hold 1 to {MaxSessions} sessions.");
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Sessions.Count; i++)
        {
            if (Sessions[i] is not { } session)
            {
                errors.Add($"sessions[{i}]", "A session must not be null.");
                continue;
            }

            session.Validate(errors, $"sessions[{i}].");
            if (!seen.Add(session.ExternalId ?? ""))
            {
                errors.Add($"sessions[{i}].externalId", "externalId appears twice in this batch.");
            }
        }

        return errors;
    }
}

/// <summary>What became of a batch: every session is recorded once; one sent again is acknowledged as already recorded.</summary>
public sealed record VaSessionsResult(int Recorded, int AlreadyRecorded);
