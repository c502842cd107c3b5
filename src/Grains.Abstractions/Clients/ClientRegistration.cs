using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Clients;

/// <summary>What the host operator asks for when registering a tenant client: a name to recognise it and its scopes.</summary>
[GenerateSerializer, Alias("knovvu.ClientRegistration")]
public sealed record ClientRegistration(string Name, IReadOnlyList<string> Scopes)
{
    public const int MaxNameLength = 100;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        DisplayName.Validate(errors, "name", Name, MaxNameLength);
        if (Scopes is null || Scopes.Count == 0)
        {
            errors.Add("scopes", $"scopes must name at least one of: {string.Join(", ", ClientScopes.TenantScopes)}.");
            return errors;
        }

        for (var i = 0; i < Scopes.Count; i++)
        {
            if (!ClientScopes.TenantScopes.Contains(Scopes[i]))
            {
                errors.Add($"scopes[{i}]",
                    $"'{Scopes[i]}' is not a tenant scope; allowed: {string.Join(", ", ClientScopes.TenantScopes)}.");
            }
        }

        if (Scopes.Distinct(StringComparer.Ordinal).Count() != Scopes.Count)
        {
            errors.Add("scopes", "scopes must not repeat a scope.");
        }

        return errors;
    }
}
