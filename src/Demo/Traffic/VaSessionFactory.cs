namespace KnovvuOrleans.Demo.Traffic;

/// <summary>Made-up VA sessions in the API's shape: a greeting, a question and an answer, on a rotating channel.</summary>
public static class VaSessionFactory
{
    private static readonly string[] Questions =
        ["Faturamı nasıl öderim?", "Where is my order?", "Şifremi unuttum", "I want to change my plan", "Kampanyalar neler?"];

    public static object Create(string externalId, string channelId, DateTimeOffset start, int seed, string status = "published")
    {
        var question = Questions[seed % Questions.Length];
        return new
        {
            externalId,
            status,
            projectId = DemoTenant.ProjectId,
            channelId,
            startTime = start,
            endTime = start.AddSeconds(40),
            messages = new[]
            {
                new { time = start, text = "Merhaba, ben Knovvu Sanal Asistan. Size nasıl yardımcı olabilirim?", side = "agent" },
                new { time = start.AddSeconds(12), text = question, side = "customer" },
                new { time = start.AddSeconds(20), text = "Sizi ilgili adıma yönlendiriyorum.", side = "agent" },
            },
            language = seed % 2 == 0 ? "tr-TR" : "en-US",
            direction = "inbound",
            csat = seed % 11,
            customerKey = $"customer-{seed % 97}",
            participantName = $"Customer {seed % 97}",
        };
    }
}
