namespace KnovvuOrleans.Grains.Abstractions.Validation;

/// <summary>The base URL of an outside service that receives a tenant's client secret.</summary>
public static class ServiceUrl
{
    /// <summary>
    /// An absolute https URL without query, fragment or user info: the secret must not travel in clear outside
    /// loopback, so http is allowed only there (tests, the demo) and on the hosts an operator named in
    /// <paramref name="plainHttpHosts"/> (a simulator on a private network).
    /// </summary>
    public static void Validate(ValidationErrors errors, string field, Uri? url, IReadOnlyCollection<string>? plainHttpHosts = null)
    {
        if (url is not { IsAbsoluteUri: true } || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && PlainHttpAllowed(url, plainHttpHosts)))
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add(field, $"{field} must be an absolute https URL (http only on loopback) without query, fragment or user info.");
        }
    }

    private static bool PlainHttpAllowed(Uri url, IReadOnlyCollection<string>? plainHttpHosts) =>
        url.IsLoopback || (plainHttpHosts?.Contains(url.Host, StringComparer.OrdinalIgnoreCase) ?? false);
}
