using System.Text;

namespace KnovvuOrleans.DataFeeder.Tests.Format;

/// <summary>The example messages of seed 002 as given (and our Category Match example), and JSON minifying.</summary>
internal static class Seed002
{
    public const string ConversationCreatedFile = "conversation-created.json";

    public const string ConversationAnalyzedFile = "conversation-analyzed.json";

    public const string CategoryMatchFile = "category-match.json";

    public static string ConversationCreated { get; } = Read(ConversationCreatedFile);

    public static string ConversationAnalyzed { get; } = Read(ConversationAnalyzedFile);

    public static string CategoryMatch { get; } = Read(CategoryMatchFile);

    /// <summary>
    /// Drops the whitespace between JSON tokens and nothing else, so every character of every string and number stays
    /// exactly as written (no re-encoding that could hide an escaping difference).
    /// </summary>
    public static string Minify(string json)
    {
        var result = new StringBuilder(json.Length);
        var inString = false;
        var escaped = false;
        foreach (var c in json)
        {
            if (inString)
            {
                result.Append(c);
                (escaped, inString) = (!escaped && c == '\\', escaped || c != '"');
            }
            else if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
                inString = c == '"';
            }
        }

        return result.ToString();
    }

    public static string Minify(byte[] utf8Json) => Minify(Encoding.UTF8.GetString(utf8Json));

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed002", name), Encoding.UTF8);
}
