namespace KnovvuOrleans.Gateway.Auth;

/// <summary>The claims of the gateway's access tokens.</summary>
internal static class GatewayClaims
{
    /// <summary>The tenant the client belongs to; absent for the host operator.</summary>
    public const string Tenant = "tenant";

    /// <summary>The granted scopes, space separated as in OAuth.</summary>
    public const string Scope = "scope";

    public const string ClientId = "client_id";

    /// <summary>The JWT "typ" of access tokens (RFC 9068), so that no other kind of JWT passes as one.</summary>
    public const string AccessTokenType = "at+jwt";
}
