using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// Recording audio: a valid 8 kHz 16-bit mono PCM WAV file whose tone and noise come from a seed, so the same
/// recording always has the same bytes and different recordings differ. Made on demand, so that large or many
/// recordings cost no memory until they are downloaded.
/// </summary>
internal static class WavAudio
{
    private const int HeaderBytes = 44;
    private const int SampleRate = 8000;

    /// <param name="size">The file size; the data part is rounded down to whole samples.</param>
    public static byte[] Generate(string seed, int size)
    {
        var dataBytes = Math.Max(2, (size - HeaderBytes) & ~1);
        var file = new byte[HeaderBytes + dataBytes];
        var span = file.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], HeaderBytes - 8 + dataBytes);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataBytes);

        // A stable seed: string.GetHashCode differs between processes.
        var random = new Random(BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(seed))));
        var frequency = 200 + random.Next(600);
        for (var i = 0; i < dataBytes / 2; i++)
        {
            var sample = (Math.Sin(2 * Math.PI * frequency * i / SampleRate) * 6000) + random.Next(-500, 500);
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderBytes + (2 * i))..], (short)sample);
        }

        return file;
    }
}
