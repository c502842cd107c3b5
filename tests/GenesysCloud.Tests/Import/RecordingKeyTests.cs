using KnovvuOrleans.Grains.GenesysCloud;
using KnovvuOrleans.Grains.ObjectStorage;

namespace KnovvuOrleans.GenesysCloud.Tests.Import;

/// <summary>Object keys of recordings use only a-z 0-9 - . /, and two ids never share one.</summary>
public sealed class RecordingKeyTests
{
    [Fact]
    public void Genesys_ids_are_kept_and_others_are_cleaned_with_a_hash_so_they_stay_apart()
    {
        const string conversation = "5f4d7a2e-0c1b-4a53-9f8e-2d6c1b0a9e77";

        Assert.Equal($"acme/genesys/{conversation}/1b2c.wav", GenesysRecordingKeys.For("acme", conversation, "1b2c", "WAV"));
        Assert.Equal("acme/genesys/a/b.mp3", GenesysRecordingKeys.For("acme", "a", "b", "MP3"));
        string[] odd = ["A_b", "a-b-", "../..", "x/y", "", "ĞüŞ", ".."];
        var segments = odd.Select(ObjectKeySegment.From).ToList();
        Assert.All(segments, s => Assert.Matches("^[a-z0-9-][a-z0-9.-]*$", s));
        Assert.Equal(segments.Count, segments.Distinct().Count());
        Assert.Equal("a-b-", ObjectKeySegment.From("a-b-"));
    }
}
