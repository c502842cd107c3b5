using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace KnovvuOrleans.Grains.Settings;

/// <summary>
/// The one way options are checked: rules as data annotations on the options class (with <see cref="IValidatableObject"/>
/// for rules across settings), each message naming the configuration key, checked when the host starts.
/// </summary>
public static class ValidatedOptionsServiceCollectionExtensions
{
    /// <summary>Binds the section and checks it at start: a wrong setting stops the process with a message naming its key.</summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The same rules for settings read before the service container exists (the storage and cluster that configure
    /// Orleans itself): throws with every broken rule's message.
    /// </summary>
    public static TOptions Checked<TOptions>(TOptions options)
        where TOptions : class
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new InvalidOperationException(string.Join(" ", results.Select(r => r.ErrorMessage)));
        }

        return options;
    }
}
