using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace KnovvuOrleans.Grains.Storage;

/// <summary>
/// Keeps the Data Protection key ring in PostgreSQL, so every silo decrypts what another encrypted and the keys
/// survive restarts. The key ring is read rarely (Data Protection caches it), so the synchronous interface is fine.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    private readonly Lazy<Task> _migrated = new(() => KnovvuSchema.MigrateAsync(dataSource));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _migrated.Value.GetAwaiter().GetResult();
        using var command = dataSource.CreateCommand("SELECT xml FROM knovvu.data_protection_keys");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _migrated.Value.GetAwaiter().GetResult();
        using var command = dataSource.CreateCommand(
            "INSERT INTO knovvu.data_protection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING");
        command.Parameters.Add(new() { Value = friendlyName });
        command.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
