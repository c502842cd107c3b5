using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DailyReports;

/// <summary>
/// How the nightly run for a day went: the tenants it built for, the chunks stored, the chunks given up after every
/// attempt (object keys), the expired chunks deleted and the conversations purged from the log by retention.
/// </summary>
[GenerateSerializer, Alias("knovvu.DailyReportRunStatus")]
public sealed record DailyReportRunStatus(
    string Day, bool Running, bool Completed, IReadOnlyList<string> Tenants, int ChunksStored, IReadOnlyList<string> GaveUp, int ExpiredDeleted,
    int ConversationsPurged = 0);
