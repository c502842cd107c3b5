using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>Genesys' paging: page numbers from 1, page sizes from 1 to <see cref="GenesysCloudApi.MaxPageSize"/>; a page past the end is empty.</summary>
internal static class Paging
{
    /// <summary>The 400 for a page size or number out of range; null when both are fine.</summary>
    public static IResult? Check(int pageSize, int pageNumber) =>
        pageSize is < 1 or > GenesysCloudApi.MaxPageSize ? GenesysErrors.BadRequest($"pageSize must be between 1 and {GenesysCloudApi.MaxPageSize}.")
        : pageNumber < 1 ? GenesysErrors.BadRequest("pageNumber starts at 1.")
        : null;

    public static T[] Page<T>(IReadOnlyList<T> all, int pageSize, int pageNumber) =>
        all.Skip((int)Math.Min(int.MaxValue, (long)pageSize * (pageNumber - 1))).Take(pageSize).ToArray();

    public static int PageCount(int total, int pageSize) => (total + pageSize - 1) / pageSize;

    /// <summary>An integer query parameter: its default when absent, or the 400 when it is not an integer.</summary>
    public static (int Value, IResult? Problem) QueryInt(HttpRequest request, string name, int defaultValue)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return (defaultValue, null);
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (0, GenesysErrors.BadRequest($"{name} must be an integer."));
    }
}
