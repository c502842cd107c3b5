namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>Where report chunks are kept (configuration section "ObjectStorage").</summary>
public sealed class ObjectStorageOptions
{
    public const string SectionName = "ObjectStorage";

    public const string S3Provider = "S3";

    public const string LocalProvider = "Local";

    /// <summary><see cref="LocalProvider"/> (a folder, for the demo) or <see cref="S3Provider"/> (MinIO, Swift s3api, AWS).</summary>
    public string Provider { get; set; } = LocalProvider;

    /// <summary>The local provider's folder; relative paths are under the system's temp folder.</summary>
    public string LocalPath { get; set; } = "knovvu-objects";

    public string? ServiceUrl { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Created on first use when missing.</summary>
    public string Bucket { get; set; } = "knovvu-reports";
}
