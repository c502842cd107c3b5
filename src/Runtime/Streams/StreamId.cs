namespace KnovvuOrleans.Runtime;

/// <summary>A stream: a namespace (which subscribers listen to) and a key (the unit of ordering).</summary>
public readonly record struct StreamId
{
    private StreamId(string @namespace, string key)
    {
        Namespace = @namespace;
        Key = key;
    }

    public string Namespace { get; }

    public string Key { get; }

    public static StreamId Create(string @namespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (@namespace.Contains('/'))
        {
            throw new ArgumentException("A stream namespace cannot contain '/'.", nameof(@namespace));
        }

        return new StreamId(@namespace, key);
    }

    /// <summary>The stored form, "namespace/key".</summary>
    public override string ToString() => $"{Namespace}/{Key}";

    internal static StreamId Parse(string value)
    {
        var slash = value.IndexOf('/');
        return new StreamId(value[..slash], value[(slash + 1)..]);
    }
}
