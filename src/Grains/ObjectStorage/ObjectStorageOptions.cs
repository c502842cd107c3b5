using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>Where report chunks and call recordings are kept (configuration section "ObjectStorage").</summary>
public sealed class ObjectStorageOptions : IValidatableObject
{
    public const string SectionName = "ObjectStorage";

    public const string S3Provider = "S3";

    public const string LocalProvider = "Local";

    /// <summary><see cref="LocalProvider"/> (a folder, for the demo) or <see cref="S3Provider"/> (MinIO, Swift s3api, AWS).</summary>
    [AllowedValues(LocalProvider, S3Provider, ErrorMessage = "ObjectStorage:Provider must be Local or S3.")]
    public string Provider { get; set; } = LocalProvider;

    /// <summary>The local provider's folder; relative paths are under the system's temp folder.</summary>
    [Required(ErrorMessage = "ObjectStorage:LocalPath must be set.")]
    public string LocalPath { get; set; } = "knovvu-objects";

    /// <summary>The S3 endpoint, http(s)://host:port (path-style addressing; region us-east-1).</summary>
    public string? ServiceUrl { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Created on first use when missing (S3 bucket naming rules: 3 to 63 of a-z 0-9 . -).</summary>
    [RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", ErrorMessage = "ObjectStorage:Bucket must be an S3 bucket name (3 to 63 of a-z 0-9 . -).")]
    public string Bucket { get; set; } = "knovvu-reports";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != S3Provider)
        {
            yield break;
        }

        if (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("ObjectStorage:ServiceUrl must be an http(s) URL for the S3 provider.", [nameof(ServiceUrl)]);
        }

        if (string.IsNullOrEmpty(AccessKey) || string.IsNullOrEmpty(SecretKey))
        {
            yield return new ValidationResult("ObjectStorage:AccessKey and ObjectStorage:SecretKey are required for the S3 provider.", [nameof(AccessKey), nameof(SecretKey)]);
        }
    }
}
