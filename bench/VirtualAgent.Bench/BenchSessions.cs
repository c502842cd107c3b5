namespace KnovvuOrleans.VirtualAgent.Bench;

/// <summary>The VA sessions the benches post: a two-message Turkish chat, numbered within the tenant, 1 s apart.</summary>
internal static class BenchSessions
{
    private static readonly DateTimeOffset Start = new(2025, 8, 26, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The body of <c>POST /api/tenants/{tenantId}/va/sessions</c> for the sessions numbered <paramref name="numbers"/>.</summary>
    public static object Batch(string tenantId, IEnumerable<int> numbers) => new
    {
        sessions = numbers.Select(i => new
        {
            externalId = $"{tenantId}-{i:D5}",
            status = "published",
            projectId = "p1",
            channelId = "web",
            startTime = Start.AddSeconds(i),
            endTime = Start.AddSeconds(i + 30),
            messages = new[]
            {
                new { time = Start.AddSeconds(i), text = "Merhaba, ben Knovvu Sanal Asistan. Size nasıl yardımcı olabilirim?", side = "agent" },
                new { time = Start.AddSeconds(i + 10), text = "Faturamı öğrenmek istiyorum.", side = "customer" },
            },
            language = "tr-TR",
        }),
    };
}
