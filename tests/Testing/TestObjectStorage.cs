using KnovvuOrleans.Grains.ObjectStorage;

namespace KnovvuOrleans.Testing;

/// <summary>Object storage on the S3 server of the test services (<see cref="TestEnvironment"/>).</summary>
public static class TestObjectStorage
{
    /// <summary>Points the options at the test S3 server, in a bucket of the caller's (one per test keeps tests apart).</summary>
    public static ObjectStorageOptions UseS3(ObjectStorageOptions options, string bucket)
    {
        options.Provider = ObjectStorageOptions.S3Provider;
        options.ServiceUrl = TestEnvironment.S3Url;
        options.AccessKey = TestEnvironment.S3AccessKey;
        options.SecretKey = TestEnvironment.S3SecretKey;
        options.Bucket = bucket;
        return options;
    }
}
