using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// What the wizard's install step sends: the org, the role and user it created, the OAuth client (secret write-only)
/// and the group whose members' calls are imported. The API and login bases come from <see cref="Region"/>
/// (https://api.{region}/, https://login.{region}/) unless given explicitly (the simulator, a proxy).
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysInstallation")]
public sealed record GenesysInstallation(
    string OrgId,
    string Role,
    string User,
    string ClientId,
    string ClientSecret,
    string GroupId,
    string? Region = null,
    Uri? ApiBaseUrl = null,
    Uri? LoginBaseUrl = null)
{
    // Methods, not properties: a derived property would appear in the request schema and be ignored by the reader.
    public Uri ResolvedApiBaseUrl() => ApiBaseUrl ?? new Uri($"https://api.{Region}/");

    public Uri ResolvedLoginBaseUrl() => LoginBaseUrl ?? new Uri($"https://login.{Region}/");

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        DisplayName.Validate(errors, "orgId", OrgId, 200);
        DisplayName.Validate(errors, "role", Role, 200);
        DisplayName.Validate(errors, "user", User, 200);
        DisplayName.Validate(errors, "clientId", ClientId, 200);
        if (string.IsNullOrWhiteSpace(ClientSecret) || ClientSecret.Length > 1000)
        {
            errors.Add("clientSecret", "clientSecret is required, 1-1000 characters.");
        }

        DisplayName.Validate(errors, "groupId", GroupId, 200);
        if (ApiBaseUrl is null || LoginBaseUrl is null)
        {
            if (!GenesysRegions.IsKnown(Region))
            {
                errors.Add("region", $"region must be one of Genesys Cloud's regions ({string.Join(", ", GenesysRegions.Domains)}) unless apiBaseUrl and loginBaseUrl are given.");
            }
        }
        else if (Region is not null)
        {
            errors.Add("region", "region must be left out when apiBaseUrl and loginBaseUrl are given: it would not be used.");
        }

        if (ApiBaseUrl is not null)
        {
            ServiceUrl.Validate(errors, "apiBaseUrl", ApiBaseUrl);
        }

        if (LoginBaseUrl is not null)
        {
            ServiceUrl.Validate(errors, "loginBaseUrl", LoginBaseUrl);
        }

        return errors;
    }

    /// <summary>The secret masked, so the installation can be logged or echoed.</summary>
    public override string ToString() => $"Genesys installation {{ org {OrgId}, client {ClientId}, group {GroupId}, {ResolvedApiBaseUrl()} }}";
}

/// <summary>The settings as read back: never the secret, only whether one is stored.</summary>
[GenerateSerializer, Alias("knovvu.GenesysIntegrationView")]
public sealed record GenesysIntegrationView(
    string OrgId, string Role, string User, string ClientId, bool ClientSecretSet, string GroupId, Uri ApiBaseUrl, Uri LoginBaseUrl);
