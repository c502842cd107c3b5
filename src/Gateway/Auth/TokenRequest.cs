using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace KnovvuOrleans.Gateway.Auth;

/// <summary>A client-credentials token request, read from the form and the optional HTTP Basic header.</summary>
internal sealed record TokenRequest(string ClientId, string ClientSecret, IReadOnlyList<string>? Scopes)
{
    public const string FormMediaType = "application/x-www-form-urlencoded";

    // A record prints all its members; this one must never put the secret into a log line.
    public override string ToString() => $"TokenRequest {{ ClientId = {ClientId} }}";

    public static async Task<(TokenRequest? Request, OAuthError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType, FormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(OAuthError.InvalidRequest($"The request body must be {FormMediaType}."));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Fail(OAuthError.InvalidRequest("The form cannot be read."));
        }

        // RFC 6749 §3.2: parameters must not be sent more than once.
        if (form.FirstOrDefault(f => f.Value.Count > 1) is { Key: { } repeated })
        {
            return Fail(OAuthError.InvalidRequest($"The parameter '{repeated}' is sent more than once."));
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return Fail(OAuthError.InvalidRequest("grant_type is required."));
        }

        if (grantType != "client_credentials")
        {
            return Fail(OAuthError.UnsupportedGrantType("Only grant_type=client_credentials is supported."));
        }

        var (clientId, secret, error) = ReadClient(request, form);
        if (error is not null)
        {
            return Fail(error);
        }

        string? scope = form.TryGetValue("scope", out var scopeValue) ? scopeValue.ToString() : null;
        if (scope is not null && (scope.Length == 0 || scope.Split(' ').Any(s => s.Length == 0)))
        {
            return Fail(OAuthError.InvalidScope("scope must be scope names separated by single spaces."));
        }

        return (new TokenRequest(clientId!, secret!, scope?.Split(' ')), null);
    }

    private static (string? ClientId, string? Secret, OAuthError? Error) ReadClient(HttpRequest request, IFormCollection form)
    {
        var formId = form["client_id"].ToString();
        var formSecret = form["client_secret"].ToString();
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6749 §2.3: a client uses one authentication method per request.
            if (formId.Length > 0 || formSecret.Length > 0)
            {
                return (null, null, OAuthError.InvalidRequest("Send the client credentials in the Basic header or in the form, not both."));
            }

            return ReadBasic(header["Basic ".Length..].Trim());
        }

        return formId.Length > 0 && formSecret.Length > 0
            ? (formId, formSecret, null)
            : (null, null, OAuthError.InvalidClient("client_id and client_secret are required (form fields or HTTP Basic)."));
    }

    // RFC 6749 §2.3.1: base64 of form-urlencoded id ':' form-urlencoded secret.
    private static (string? ClientId, string? Secret, OAuthError? Error) ReadBasic(string encoded)
    {
        var bytes = new byte[encoded.Length];
        if (Convert.TryFromBase64String(encoded, bytes, out var length)
            && Encoding.UTF8.GetString(bytes, 0, length) is var pair
            && pair.IndexOf(':') is > 0 and var colon
            && colon < pair.Length - 1)
        {
            return (WebUtility.UrlDecode(pair[..colon]), WebUtility.UrlDecode(pair[(colon + 1)..]), null);
        }

        return (null, null, OAuthError.InvalidClient("The Basic header must carry base64(client_id:client_secret)."));
    }

    private static (TokenRequest?, OAuthError?) Fail(OAuthError error) => (null, error);
}
