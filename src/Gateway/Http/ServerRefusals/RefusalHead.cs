using System.Globalization;
using System.Text;

namespace KnovvuOrleans.Gateway.Http.ServerRefusals;

/// <summary>Kestrel's refusal head, given the length and media type of the problem that will follow it.</summary>
internal static class RefusalHead
{
    private const string ProblemType = "Content-Type: application/problem+json";

    /// <summary>
    /// The head (status line and headers, ending in an empty line) with <c>Content-Length: 0</c> replaced by the body's
    /// length and the problem's Content-Type added; null when it is not an empty response without a type, which only
    /// Kestrel's refusal is at this point.
    /// </summary>
    public static byte[]? WithBody(ReadOnlySpan<byte> head, int bodyLength)
    {
        // Kestrel writes heads in ASCII: Latin-1 maps each byte to one char and back, whatever is in them.
        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var rewritten = new StringBuilder(head.Length + ProblemType.Length + 16).Append(lines[0]).Append("\r\n");
        var emptyLengths = 0;
        // The head ends in two empty lines after the split (the blank line and what follows its CRLF).
        foreach (var line in lines.AsSpan(1, lines.Length - 3))
        {
            var colon = line.IndexOf(':');
            var name = colon > 0 ? line[..colon] : "";
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (line[(colon + 1)..].Trim() != "0")
                {
                    return null;
                }

                emptyLengths++;
                rewritten.Append("Content-Length: ").Append(bodyLength.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
                    .Append(ProblemType).Append("\r\n");
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            else
            {
                rewritten.Append(line).Append("\r\n");
            }
        }

        return emptyLengths == 1 ? Encoding.Latin1.GetBytes(rewritten.Append("\r\n").ToString()) : null;
    }
}
