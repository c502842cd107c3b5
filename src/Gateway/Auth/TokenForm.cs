using System.Text.Json.Serialization;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>
/// The form fields of a client-credentials token request (RFC 6749 §4.4.2), as the OpenAPI document shows them. The
/// client may send its id and secret in an HTTP Basic header instead (RFC 6749 §2.3.1).
/// </summary>
public sealed record TokenForm(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret,
    [property: JsonPropertyName("scope")] string? Scope);
