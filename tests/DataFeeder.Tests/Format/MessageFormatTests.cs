using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;

namespace KnovvuOrleans.DataFeeder.Tests.Format;

/// <summary>The rules of the format beyond the seed's examples: nulls, times, event types and strict reading.</summary>
public sealed class MessageFormatTests
{
    private static readonly DateTimeOffset Raised = new(2026, 1, 22, 11, 32, 4, 987, TimeSpan.FromHours(3));

    [Fact]
    public void A_message_built_in_code_has_exactly_the_seed_names_in_the_seed_order()
    {
        var created = new ConversationCreatedForDataFeeder
        {
            Conversation = new DataFeederConversation
            {
                ConversationId = 7,
                DepartmentId = 2,
                AgentId = "agent",
                RatingForCsat = 5,
                RatingForNps = 9,
                StartTime = new DateTimeOffset(2026, 1, 22, 8, 0, 0, TimeSpan.Zero),
                EndTime = new DateTimeOffset(2026, 1, 22, 8, 1, 0, 500, TimeSpan.Zero),
                Duration = 60,
                ExternalId = "ext-1",
                LanguageCode = "tr",
                AttachedData = [new DataFeederAttachedData { Key = "direction", Value = "inbound" }],
                Call = new DataFeederCall
                {
                    DirectionId = 1285, CallerNumber = "+905551112233", CalledNumber = "444", ReleasingPartyId = 1306,
                    HoldCount = 1, TotalHoldDuration = 12, MaxHoldDuration = 12,
                },
            },
            TenantId = "acme",
        };

        Assert.Equal(
            """{"timestampOfMessage":"01/22/2026 08:32:04","eventType":"ConversationCreatedForDataFeeder","payload":{"Conversation":{"ConversationId":7,"DepartmentId":2,"AgentId":"agent","RatingForCSAT":5,"RatingForNPS":9,"StartTime":"2026-01-22T08:00:00.000000Z","EndTime":"2026-01-22T08:01:00.500000Z","Duration":60,"ExternalId":"ext-1","LanguageCode":"tr","AttachedData":[{"Key":"direction","Value":"inbound"}],"Call":{"DirectionId":1285,"CallerNumber":"+905551112233","CalledNumber":"444","ReleasingPartyId":1306,"HoldCount":1,"TotalHoldDuration":12,"MaxHoldDuration":12}},"TenantId":"acme"}}""",
            Text(DataFeederMessageSerializer.Serialize(Raised, created)));
    }

    [Fact]
    public void Nullable_fields_are_written_as_null_never_left_out()
    {
        var chat = Created(call: null);
        var call = Created(new DataFeederCall { DirectionId = 1, ReleasingPartyId = 2, HoldCount = 0 });
        var analyzed = new ConversationAnalyzedForDataFeeder
        {
            ConversationExternalId = "ext-1", Transcripts = [], AgentTensionRatio = 0, AgentMonotonicityRatio = 0,
            CustomerTensionRatio = 0, AverageCustomerSentimentScore = 0, AverageAgentSentimentScore = 0,
        };

        var chatText = Text(DataFeederMessageSerializer.Serialize(Raised, chat));
        foreach (var name in new[] { "RatingForCSAT", "RatingForNPS", "Duration", "LanguageCode", "Call" })
        {
            Assert.Contains($"\"{name}\":null", chatText);
        }

        var callText = Text(DataFeederMessageSerializer.Serialize(Raised, call));
        foreach (var name in new[] { "CallerNumber", "CalledNumber", "TotalHoldDuration", "MaxHoldDuration" })
        {
            Assert.Contains($"\"{name}\":null", callText);
        }

        Assert.Contains("\"AiInsights\":null", Text(DataFeederMessageSerializer.Serialize(Raised, analyzed)));
    }

    [Fact]
    public void The_message_timestamp_is_UTC_in_whole_seconds_and_payload_times_have_six_fraction_digits()
    {
        var created = Created(call: null) with
        {
            Conversation = Created(call: null).Conversation with
            {
                StartTime = new DateTimeOffset(2026, 1, 22, 11, 31, 59, TimeSpan.FromHours(3)).AddTicks(961_975),
                EndTime = new DateTimeOffset(2026, 1, 22, 8, 31, 59, TimeSpan.Zero),
            },
        };

        var payload = JsonNode.Parse(DataFeederMessageSerializer.Serialize(Raised, created))!;

        Assert.Equal("01/22/2026 08:32:04", (string?)payload["timestampOfMessage"]);
        Assert.Equal("2026-01-22T08:31:59.096197Z", (string?)payload["payload"]!["Conversation"]!["StartTime"]);
        Assert.Equal("2026-01-22T08:31:59.000000Z", (string?)payload["payload"]!["Conversation"]!["EndTime"]);
    }

    [Fact]
    public void Every_event_type_is_listed_once_and_ends_in_ForDataFeeder()
    {
        Assert.Equal(
            [ConversationCreatedForDataFeeder.EventType, ConversationAnalyzedForDataFeeder.EventType, CategoryMatchForDataFeeder.EventType],
            DataFeederEventTypes.All);
        Assert.Equal(DataFeederEventTypes.All.Count, DataFeederEventTypes.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(DataFeederEventTypes.All, type => Assert.EndsWith("ForDataFeeder", type, StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> Misspelt => new()
    {
        { "Conversation.ConversationId", "\"ConversationId\": 22", "\"conversationId\": 22" },
        { "AiInsights.conversationId", "\"conversationId\": 363315", "\"ConversationId\": 363315" },
        { "Call.DirectionId", "\"DirectionId\": 1285", "\"DirectionID\": 1285" },
        { "RatingForCSAT", "\"RatingForCSAT\"", "\"RatingForCsat\"" },
        { "eventType", "\"eventType\"", "\"EventType\"" },
        { "timestampOfMessage", "\"timestampOfMessage\"", "\"TimestampOfMessage\"" },
    };

    [Theory]
    [MemberData(nameof(Misspelt))]
    public void A_name_in_another_casing_is_refused(string field, string seedText, string changedText)
    {
        var source = field.StartsWith("AiInsights", StringComparison.Ordinal) ? Seed002.ConversationAnalyzed : Seed002.ConversationCreated;
        Assert.Contains(seedText, source);

        var changed = Encoding.UTF8.GetBytes(source.Replace(seedText, changedText, StringComparison.Ordinal));

        Assert.ThrowsAny<JsonException>(() => field.StartsWith("AiInsights", StringComparison.Ordinal)
            ? DataFeederMessageSerializer.Deserialize<ConversationAnalyzedForDataFeeder>(changed)
            : DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(changed));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "\"eventType\": \"ConversationCreatedForDataFeeder\"", "\"eventType\": \"ConversationAnalyzedForDataFeeder\"" },
        { "\"eventType\": \"ConversationCreatedForDataFeeder\",", "" },
        { "\"ExternalId\": \"testsss.wav\",", "" },
        { "\"TenantId\"", "\"Unknown\": 1, \"TenantId\"" },
        { "\"01/22/2026 08:32:04\"", "\"2026-01-22T08:32:04Z\"" },
        { "\"StartTime\": \"2026-01-22T08:31:59.096197Z\"", "\"StartTime\": \"2026-01-22T08:31:59.096197\"" },
        { "\"HoldCount\": 0", "\"HoldCount\": null" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_wrong_event_type_a_missing_or_unknown_field_a_bad_time_or_a_null_where_none_is_allowed_is_refused(string seedText, string changedText)
    {
        Assert.Contains(seedText, Seed002.ConversationCreated);
        var changed = Encoding.UTF8.GetBytes(Seed002.ConversationCreated.Replace(seedText, changedText, StringComparison.Ordinal));

        Assert.ThrowsAny<JsonException>(() => DataFeederMessageSerializer.Deserialize<ConversationCreatedForDataFeeder>(changed));
    }

    private static ConversationCreatedForDataFeeder Created(DataFeederCall? call) => new()
    {
        Conversation = new DataFeederConversation
        {
            ConversationId = 1, DepartmentId = 1, AgentId = "agent", ExternalId = "ext-1", AttachedData = [], Call = call,
            StartTime = Raised, EndTime = Raised,
        },
        TenantId = "acme",
    };

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
