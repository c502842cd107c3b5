namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>Some records of a batch were not acknowledged by the destination; the batch is to be published again.</summary>
public sealed class DataFeederPublishException(string message, Exception? innerException = null)
    : Exception(message, innerException);
