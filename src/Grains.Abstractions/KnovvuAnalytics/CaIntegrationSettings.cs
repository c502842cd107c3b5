using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>
/// A tenant admin's Knovvu Analytics settings as sent: the client secret is write-only, and may be left out of an
/// update to keep the stored one.
/// </summary>
[GenerateSerializer, Alias("knovvu.CaIntegrationSettings")]
public sealed record CaIntegrationSettings(Uri ServiceBaseUrl, Uri TokenEndpoint, string ClientId, string? ClientSecret, bool Enabled)
{
    /// <param name="plainHttpHosts">Hosts besides loopback allowed on plain http (KnovvuAnalytics:Urls:PlainHttpHosts).</param>
    public ValidationErrors Validate(bool secretStored, IReadOnlyCollection<string>? plainHttpHosts = null)
    {
        var errors = new ValidationErrors();
        ServiceUrl.Validate(errors, "serviceBaseUrl", ServiceBaseUrl, plainHttpHosts);
        ServiceUrl.Validate(errors, "tokenEndpoint", TokenEndpoint, plainHttpHosts);
        DisplayName.Validate(errors, "clientId", ClientId, 200);
        if (ClientSecret is null ? !secretStored : string.IsNullOrWhiteSpace(ClientSecret) || ClientSecret.Length > 1000)
        {
            errors.Add("clientSecret", "clientSecret is required the first time, 1-1000 characters.");
        }

        return errors;
    }


    /// <summary>The secret masked, so the settings can be logged or echoed.</summary>
    public override string ToString() =>
        $"CA settings {{ {ServiceBaseUrl}, token {TokenEndpoint}, client {ClientId}, enabled {Enabled} }}";
}

/// <summary>The settings as they are read back: never the secret, only whether one is stored.</summary>
[GenerateSerializer, Alias("knovvu.CaIntegrationView")]
public sealed record CaIntegrationView(Uri ServiceBaseUrl, Uri TokenEndpoint, string ClientId, bool ClientSecretSet, bool Enabled);
