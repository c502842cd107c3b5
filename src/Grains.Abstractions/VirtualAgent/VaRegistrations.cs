using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.VirtualAgent;

/// <summary>A new VA project.</summary>
[GenerateSerializer, Alias("knovvu.VaProjectRegistration")]
public sealed record VaProjectRegistration(string Id, string Name)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        VaCaNameId.Validate(errors, "id", Id);
        DisplayName.Validate(errors, "name", Name, 200);
        return errors;
    }
}

/// <summary>A new channel of a VA project.</summary>
[GenerateSerializer, Alias("knovvu.VaChannelRegistration")]
public sealed record VaChannelRegistration(string Id, string Name, string Type)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        VaCaNameId.Validate(errors, "id", Id);
        DisplayName.Validate(errors, "name", Name, 200);
        if (!VaChannelType.All.Contains(Type))
        {
            errors.Add("type", $"type must be one of {string.Join(", ", VaChannelType.All)}.");
        }

        return errors;
    }
}

/// <summary>What a change to VA projects came to.</summary>
[GenerateSerializer, Alias("knovvu.VaChangeOutcome")]
public enum VaChangeOutcome
{
    Done,
    AlreadyExists,
    UnknownProject,

    /// <summary>A project's Knovvu Analytics toggle cannot be switched on while the tenant integration is off.</summary>
    TenantIntegrationDisabled,
}
