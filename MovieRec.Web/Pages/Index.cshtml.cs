using Microsoft.AspNetCore.Mvc.RazorPages;
using MovieRec.Core.Storage;
using MovieRec.Web.Accounts;
using MovieRec.Web.Charts;
using MovieRec.Web.Models;
using MovieRec.Web.Recommendations;

namespace MovieRec.Web.Pages;

/// <summary>
/// Home: personal picks for a signed-in person with ratings; otherwise the cold-start view, a
/// chart of the most popular movies and well-known movies across genres to rate first.
/// </summary>
public class IndexModel(PersonalPicks picks, PopularMovies popular, IMovieRecStore store, ModelHolder holder) : PageModel
{
    public const int PickCount = 12;
    public const int ChartCount = 10;
    public const int StarterCount = 12;

    public IReadOnlyList<Pick>? Picks { get; private set; }
    public BarChart? PopularChart { get; private set; }
    public IReadOnlyList<PopularMovie> Starters { get; private set; } = [];
    public IReadOnlyDictionary<int, double> YourRatings { get; private set; } = new Dictionary<int, double>();
    public IReadOnlySet<int> WatchList { get; private set; } = new HashSet<int>();
    public bool ModelLoaded { get; private set; }

    /// <summary>Signed in with fewer ratings than the first-steps target, and that flow neither done nor skipped.</summary>
    public bool InviteToFirstSteps { get; private set; }
    public int RatedCount { get; private set; }
    public TrainingStatus Training { get; private set; } = TrainingStatus.NotNeeded;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelLoaded = holder.Current is not null;
        Training = holder.Training;
        if (User.UserId() is { } userId)
        {
            Picks = await picks.ForUserAsync(userId, PickCount, cancellationToken);
            WatchList = (await store.PersonLists.ListAsync(userId, PersonList.WatchList, cancellationToken)).ToHashSet();
            var ratings = await store.Ratings.ListByUserAsync(userId, cancellationToken);
            RatedCount = ratings.Count;
            InviteToFirstSteps = RatedCount < Onboarding.IndexModel.Target && !(await store.PersonSettings.GetAsync(userId, cancellationToken)).OnboardingDone;
            if (Picks is not null) return;
            YourRatings = ratings.ToDictionary(r => r.MovieId, r => (double)r.Value);
        }

        var mostRated = await popular.MostRatedAsync(ChartCount, cancellationToken);
        PopularChart = new BarChart("Most rated movies: damped mean rating, with the number of ratings",
            mostRated.Select(m => new BarChartItem(m.Movie.Title, m.DampedMean, $"{m.RatingCount} ratings")).ToList(), 0.5, 5);
        Starters = await popular.StartersAsync(StarterCount, YourRatings.Keys.ToHashSet(), cancellationToken);
    }
}
