using System.Text.Json.Serialization;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

// The body of POST Departments-Agents, camelCase as in seed 000. Names are pinned by attributes so that any
// serializer options (web defaults included) write exactly these names.

/// <summary>Departments (one per VA project) and agents (one per VA channel) to create or update in CA.</summary>
[GenerateSerializer, Alias("knovvu.DepartmentsAgentsRequest")]
public sealed record DepartmentsAgentsRequest
{
    [JsonPropertyName("departments")]
    [Id(0)]
    public required IReadOnlyList<CaDepartment> Departments { get; init; }

    [JsonPropertyName("agents")]
    [Id(1)]
    public required IReadOnlyList<CaAgent> Agents { get; init; }
}

/// <summary>A CA department: <c>name</c> = VA.&lt;TenantName&gt;.&lt;ProjectName&gt;, <c>externalId</c> = VA.&lt;TenantId&gt;.&lt;ProjectId&gt;.</summary>
[GenerateSerializer, Alias("knovvu.CaDepartment")]
public sealed record CaDepartment
{
    [JsonPropertyName("name")]
    [Id(0)]
    public required string Name { get; init; }

    [JsonPropertyName("externalId")]
    [Id(1)]
    public required string ExternalId { get; init; }
}

/// <summary>
/// A CA agent: <c>externalId</c> = <c>userName</c> = VA.&lt;TenantId&gt;.&lt;ProjectId&gt;.&lt;channelId&gt;,
/// <c>name</c> = project name, <c>surname</c> = channel id.
/// </summary>
[GenerateSerializer, Alias("knovvu.CaAgent")]
public sealed record CaAgent
{
    [JsonPropertyName("externalId")]
    [Id(0)]
    public required string ExternalId { get; init; }

    [JsonPropertyName("userName")]
    [Id(1)]
    public required string UserName { get; init; }

    [JsonPropertyName("name")]
    [Id(2)]
    public required string Name { get; init; }

    [JsonPropertyName("surname")]
    [Id(3)]
    public required string Surname { get; init; }

    [JsonPropertyName("department")]
    [Id(4)]
    public required DepartmentReference Department { get; init; }

    [JsonPropertyName("isActive")]
    [Id(5)]
    public required bool IsActive { get; init; }
}

/// <summary>The department an agent belongs to, by its external id.</summary>
[GenerateSerializer, Alias("knovvu.DepartmentReference")]
public sealed record DepartmentReference
{
    [JsonPropertyName("externalId")]
    [Id(0)]
    public required string ExternalId { get; init; }
}
