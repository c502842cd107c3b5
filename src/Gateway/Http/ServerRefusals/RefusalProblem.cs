using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace KnovvuOrleans.Gateway.Http.ServerRefusals;

/// <summary>The RFC 9457 problem that replaces the empty body of one of Kestrel's own refusals.</summary>
internal sealed partial class RefusalProblem
{
    private RefusalProblem(int status, byte[] body)
    {
        Status = status;
        StatusLinePrefix = Encoding.ASCII.GetBytes($"HTTP/1.1 {status.ToString(CultureInfo.InvariantCulture)} ");
        Body = body;
    }

    public int Status { get; }

    /// <summary>How Kestrel's head for this status starts (Kestrel answers HTTP/1.0 requests as HTTP/1.1 too).</summary>
    public ReadOnlyMemory<byte> StatusLinePrefix { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <param name="status">The status Kestrel refuses with.</param>
    /// <param name="reason">Kestrel's message, which may quote the refused bytes: only its first clause is kept.</param>
    /// <param name="traceId">Kestrel's request id, which its "bad request" log line names too.</param>
    public static RefusalProblem For(int status, string? reason, string? traceId)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeOf(status));
            json.WriteString("title", ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Request refused");
            json.WriteNumber("status", status);
            json.WriteString("detail", $"{Describe(reason)}. The server refused the request before any route saw it and closed the connection.");
            if (!string.IsNullOrEmpty(traceId))
            {
                json.WriteString("traceId", traceId);
            }

            json.WriteEndObject();
        }

        return new RefusalProblem(status, body.WrittenSpan.ToArray());
    }

    /// <summary>
    /// Kestrel's reason without what the client sent: Kestrel appends the refused target, line, header or value after a
    /// colon ("Invalid request target: '/a\x00b'"), so only what comes before it is kept, in printable ASCII.
    /// </summary>
    private static string Describe(string? reason)
    {
        var text = reason ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        text = colon >= 0 ? text[..colon] : text;
        text = Quoted().Replace(text, "'...'");
        text = NotPrintable().Replace(text, "").Trim().TrimEnd('.');
        return text.Length switch
        {
            0 => "The request could not be read",
            > 200 => text[..200],
            _ => text,
        };
    }

    private static string TypeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status405MethodNotAllowed => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        StatusCodes.Status408RequestTimeout => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        StatusCodes.Status411LengthRequired => "https://tools.ietf.org/html/rfc9110#section-15.5.12",
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status414UriTooLong => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "https://tools.ietf.org/html/rfc6585#section-5",
        StatusCodes.Status505HttpVersionNotsupported => "https://tools.ietf.org/html/rfc9110#section-15.6.6",
        _ => "about:blank",
    };

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[^\x20-\x7E]")]
    private static partial Regex NotPrintable();
}
