using System.Text.Json.Serialization;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

// The body of POST Departments-Agents, camelCase as in seed 000. Names are pinned by attributes so that any
// serializer options (web defaults included) write exactly these names.

/// <summary>Departments (one per VA project) and agents (one per VA channel) to create or update in CA.</summary>
public sealed record DepartmentsAgentsRequest
{
    [JsonPropertyName("departments")]
    public required IReadOnlyList<CaDepartment> Departments { get; init; }

    [JsonPropertyName("agents")]
    public required IReadOnlyList<CaAgent> Agents { get; init; }
}

/// <summary>A CA department: <c>name</c> = VA.&lt;TenantName&gt;.&lt;ProjectName&gt;, <c>externalId</c> = VA.&lt;TenantId&gt;.&lt;ProjectId&gt;.</summary>
public sealed record CaDepartment
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("externalId")]
    public required string ExternalId { get; init; }
}

/// <summary>
/// A CA agent: <c>externalId</c> = <c>userName</c> = VA.&lt;TenantId&gt;.&lt;ProjectId&gt;.&lt;channelId&gt;,
/// <c>name</c> = project name, <c>surname</c> = channel id.
/// </summary>
public sealed record CaAgent
{
    [JsonPropertyName("externalId")]
    public required string ExternalId { get; init; }

    [JsonPropertyName("userName")]
    public required string UserName { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("surname")]
    public required string Surname { get; init; }

    [JsonPropertyName("department")]
    public required DepartmentReference Department { get; init; }

    [JsonPropertyName("isActive")]
    public required bool IsActive { get; init; }
}

/// <summary>The department an agent belongs to, by its external id.</summary>
public sealed record DepartmentReference
{
    [JsonPropertyName("externalId")]
    public required string ExternalId { get; init; }
}
