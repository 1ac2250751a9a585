using Microsoft.Extensions.Options;

namespace MovieRec.Web.Configuration;

/// <summary>
/// Binds every settings section to its options class, validated by data annotations when the
/// host starts (ValidateOnStart) or, before anything else runs, by <see cref="ValidateNow"/>.
/// The defaults live on the options classes and nowhere else.
/// </summary>
public static class SettingsRegistration
{
    public static IServiceCollection AddMovieRecSettings(this IServiceCollection services)
    {
        services.AddOptions<StorageSettings>().BindConfiguration(StorageSettings.SectionName)
            .Configure<IConfiguration>((settings, configuration) => settings.MongoConnectionString = configuration.GetConnectionString("Mongo"))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DataSettings>().BindConfiguration(DataSettings.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrainOptions>().BindConfiguration(RetrainOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TmdbOptions>().BindConfiguration(TmdbOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Checks every setting registered with ValidateOnStart now, so that a bad one stops the
    /// program before the store is opened or a command runs, with a message naming the key.
    /// </summary>
    public static void ValidateNow(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException error)
        {
            throw new SettingsException(string.Join(" ", error.Failures.Select(Sentence)), error);
        }
        catch (AggregateException error) when (error.InnerExceptions.All(inner => inner is OptionsValidationException or InvalidOperationException))
        {
            throw new SettingsException(string.Join(" ", error.InnerExceptions.SelectMany(Messages)), error);
        }
        catch (InvalidOperationException error) when (error.Message.Contains("configuration value", StringComparison.Ordinal))
        {
            // A value the binder cannot convert ("Model:PollSeconds" = "soon"): its message names the key.
            throw new SettingsException(error.Message, error);
        }
    }

    private static IEnumerable<string> Messages(Exception error) =>
        error is OptionsValidationException invalid ? invalid.Failures.Select(Sentence) : [error.Message];

    /// <summary>The data-annotation failure text with its "DataAnnotation validation failed for ..." frame removed.</summary>
    private static string Sentence(string failure)
    {
        const string marker = "with the error: '";
        int at = failure.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return failure;
        string message = failure[(at + marker.Length)..];
        return message.EndsWith("'.", StringComparison.Ordinal) ? message[..^2] : message;
    }
}

/// <summary>A setting that stops the program at start-up; the message names the key.</summary>
public sealed class SettingsException(string message, Exception inner) : Exception(message, inner);
