namespace KnovvuOrleans.Testing;

/// <summary>
/// The addresses of the real services scripts/test.sh starts. A test that needs one fails (never skips) when it
/// is missing, so a run without the services cannot pass by accident.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString => Required("KNOVVU_TEST_POSTGRES");

    public static string S3Url => Required("KNOVVU_TEST_S3_URL");

    public static string S3AccessKey => Required("KNOVVU_TEST_S3_ACCESS_KEY");

    public static string S3SecretKey => Required("KNOVVU_TEST_S3_SECRET_KEY");

    public static string KafkaBootstrapServers => Required("KNOVVU_TEST_KAFKA");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with scripts/test.sh, which starts the real services and sets it.");
}
