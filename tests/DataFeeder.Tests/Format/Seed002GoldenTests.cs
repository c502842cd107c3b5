using System.Text;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;

namespace KnovvuOrleans.DataFeeder.Tests.Format;

/// <summary>
/// Seed 002's examples are the contract: each one, read into the message records and written back, gives the same
/// text as the example with its presentational whitespace removed. A renamed, re-cased or reordered property, a
/// dropped null or a different time format fails here.
/// </summary>
public sealed class Seed002GoldenTests
{
    public static TheoryData<string> Examples => [Seed002.ConversationCreatedFile, Seed002.ConversationAnalyzedFile, Seed002.CategoryMatchFile];

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_is_written_back_exactly(string file)
    {
        var example = Seed002.Read(file);

        Assert.Equal(Seed002.Minify(example), Seed002.Minify(RoundTrip(file, Utf8(example))));
    }

    [Fact]
    public void The_written_bytes_are_the_minified_seed_byte_for_byte()
    {
        // UTF-8 text unescaped ("ürün destek şerif ben"), no byte order mark, no trailing newline.
        Assert.Equal(Utf8(Seed002.Minify(Seed002.ConversationAnalyzed)), RoundTrip(Seed002.ConversationAnalyzedFile, Utf8(Seed002.ConversationAnalyzed)));
    }

    [Fact]
    public void The_seed_values_are_read_into_the_records()
    {
        var created = DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(Utf8(Seed002.ConversationCreated));
        var analyzed = DataFeederMessageSerializer.Deserialize<ConversationAnalyzedForDataFeeder>(Utf8(Seed002.ConversationAnalyzed));

        Assert.Equal(new DateTimeOffset(2026, 1, 22, 8, 32, 4, TimeSpan.Zero), created.TimestampOfMessage);
        var conversation = created.Payload.Conversation;
        Assert.Equal((22L, 3, "testsss.wav", null, null), (conversation.ConversationId, conversation.DepartmentId, conversation.ExternalId, conversation.RatingForCsat, conversation.Duration));
        Assert.Equal(new DateTimeOffset(2026, 1, 22, 8, 31, 59, 96, 197, TimeSpan.Zero), conversation.StartTime);
        Assert.Equal((1285, 1306, 0), (conversation.Call!.DirectionId, conversation.Call.ReleasingPartyId, conversation.Call.HoldCount));
        Assert.Equal("3a1e7c51-62d8-95c8-852e-2b5c7b042376", created.Payload.TenantId);

        Assert.Equal("testsss.wav", analyzed.Payload.ConversationExternalId);
        Assert.Equal([DataFeederTranscript.AgentChannel, DataFeederTranscript.CustomerChannel], analyzed.Payload.Transcripts.Select(t => t.Channel));
        Assert.Equal((1700, 13580), (analyzed.Payload.Transcripts[1].StartTime, analyzed.Payload.Transcripts[1].EndTime));
        Assert.Equal((363315L, "Low"), (analyzed.Payload.AiInsights!.ConversationId, analyzed.Payload.AiInsights.ChurnRisk));
    }

    private static byte[] RoundTrip(string file, byte[] json) => file switch
    {
        Seed002.ConversationCreatedFile => DataFeederMessageSerializer.Serialize(DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(json)),
        Seed002.ConversationAnalyzedFile => DataFeederMessageSerializer.Serialize(DataFeederMessageSerializer.Deserialize<ConversationAnalyzedForDataFeeder>(json)),
        Seed002.CategoryMatchFile => DataFeederMessageSerializer.Serialize(DataFeederMessageSerializer.Deserialize<CategoryMatchForDataFeeder>(json)),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
