using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Api;
using Microsoft.Extensions.Options;
using MovieRec.Web.Caching;
using MovieRec.Web.Configuration;
using MovieRec.Web.FirstRun;
using MovieRec.Web.Models;
using MovieRec.Web.Models.History;
using MovieRec.Web.Models.Experiments;
using MovieRec.Web.Ratings;
using MovieRec.Web.Recommendations;
using MovieRec.Web.Retraining;

namespace MovieRec.Web.Hosting;

/// <summary>The web app's services, one method per concern, so that Program.cs reads as a table of contents.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The store, opened once for the process. The container created it, so the container
    /// disposes it at shutdown. Configuration is read when it is first resolved (at startup, by
    /// the first-run step), after every configuration source, test overrides included, is in.
    /// </summary>
    public static IServiceCollection AddMovieRecStore(this IServiceCollection services)
    {
        services.AddSingleton<IMovieRecStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageSettings>>().Value.ToStoreOptions();
            var loggers = provider.GetRequiredService<ILoggerFactory>();
            loggers.CreateLogger("MovieRec.Web.Storage").LogInformation("Opening the {Provider} store{Where}", options.Provider,
                options.Provider == StorageOptions.SqliteProvider ? $" at {options.SqlitePath}" : "");
            // Startup has no synchronisation context, so waiting here cannot deadlock.
            return MovieRecStoreFactory.OpenAsync(options, loggers).GetAwaiter().GetResult();
        });
        services.AddHttpClient(DatasetDownloader.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(5));
        // Posters bound their own time (Tmdb:TimeoutSeconds); the client's timeout is only a backstop.
        services.AddHttpClient(Posters.TmdbClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton<Posters.PosterDiskCache>();
        services.AddSingleton<Posters.PosterService>();
        services.AddSingleton<DatasetDownloader>();
        services.AddSingleton<FirstRunSetup>();
        return services;
    }

    /// <summary>The live model: its holder, the reloader that watches the file, and the services that score with it.</summary>
    public static IServiceCollection AddMovieRecModel(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ModelHolder>();
        services.AddSingleton(provider => ModelSettings.From(provider.GetRequiredService<IOptions<ModelOptions>>().Value));
        services.AddOptions<ModelLoadingOptions>().BindConfiguration(ModelLoadingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelReloader>();
        services.AddHostedService(provider => provider.GetRequiredService<ModelReloader>());
        services.AddSingleton<InitialTraining>();
        services.AddSingleton<MovieRec.Core.ModelHistory.IModelRepository>(ModelRepositoryChoice.Create);
        services.AddSingleton<ModelActivation>();
        services.AddSingleton<ModelPublisher>();
        services.AddSingleton<RetrainService>();
        services.AddSingleton<ActiveVersionFollower>();
        services.AddSingleton<CandidateLoader>();
        services.AddSingleton<ExperimentRecorder>();
        services.AddSingleton<ModelHistoryView>();
        services.AddSingleton<RetrainProgress>();
        services.AddSingleton(provider => new LowPriorityScheduler(provider.GetRequiredService<IOptions<RetrainOptions>>().Value.Threads));
        services.AddSingleton<RetrainCoordinator>();
        services.AddSingleton<IRetrainStarter>(provider => provider.GetRequiredService<RetrainCoordinator>());
        services.AddSingleton<RetrainScheduler>();
        services.AddSingleton<RetrainStatusReader>();
        services.AddHostedService(provider => provider.GetRequiredService<RetrainScheduler>());
        services.AddSingleton<PersonalPicks>();
        services.AddSingleton<PopularMovies>();
        services.AddSingleton<MovieRecCache>();
        services.AddSingleton<MovieDetailsCache>();
        services.AddSingleton<People.PersonStates>();
        services.AddScoped<SimilarMovies>();
        services.AddScoped<RatingWriter>();
        services.AddScoped<PersonalRatingsImport>();
        services.AddSingleton<DeletedRatingToken>();
        return services;
    }

    /// <summary>Cookie sign-in checked against the store on each request, bounded password hashing, lockout, sign-in rate limits, antiforgery.</summary>
    public static IServiceCollection AddMovieRecAccounts(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<LoginThrottle>();
        services.AddMemoryCache();
        services.AddSingleton<SessionValidator>();
        services.AddScoped<AccountService>();
        services.AddSignInRateLimits();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.Cookie.Name = "MovieRec.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                options.SlidingExpiration = true;
                // The JSON API answers 401 / 403 itself; only pages are sent to the login form.
                options.Events.OnRedirectToLogin = context => ApiProblems.ChallengeOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiProblems.ChallengeOrRedirect(context, StatusCodes.Status403Forbidden);
                // Stamp, installation, lockout and current roles, from the store (briefly cached).
                options.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
            });
        // Kept decryptions of the same cookie, for as long as a session check is kept (CheckedTicketFormat);
        // after the framework's own post-configuration, which creates the format being wrapped.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<SessionCheckOptions>, TimeProvider>((options, sessions, clock) =>
                options.TicketDataFormat = new CheckedTicketFormat(options.TicketDataFormat, sessions, clock));
        services.AddAuthorizationBuilder()
            .AddPolicy(AccountClaims.AdminPolicy, policy => policy.RequireRole(RoleRules.Admin));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = ApiAntiforgery.HeaderName;
            options.Cookie.Name = "MovieRec.Antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<FormAntiforgeryMessage>());
        return services;
    }

    /// <summary>Problem details for every error, the exception-to-status mapping, and the OpenAPI document.</summary>
    public static IServiceCollection AddMovieRecApi(this IServiceCollection services)
    {
        services.AddStatusCodeSentences(); // AddProblemDetails with the sentences as its customisation
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            // The web defaults read "4.5" as the number 4.5; a rating sent as a string is a client
            // bug (or a probe) and is refused as not the JSON the API documents.
            options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            // Messages quote what was sent ("There is no genre '<script>'"); escaping markup keeps
            // it inert should anything ever show a problem as HTML.
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        return services;
    }
}
