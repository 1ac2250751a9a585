using MovieRec.Core.Import;

namespace MovieRec.Tests.Import;

/// <summary>Bidi and control characters in imported titles and tags are removed, and counted in the report.</summary>
public sealed class ControlCharacterImportTests
{
    [Fact]
    public void Titles_and_tags_lose_their_control_characters_and_the_report_counts_them()
    {
        using var folder = new TempFolder();
        folder.Write("movies.csv", "movieId,title,genres\n1,\"Evil\u202E Twin (1999)\",Drama\n2,Heat (1995),Crime\n");
        folder.Write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,3.5,964982703\n");
        folder.Write("tags.csv", "userId,movieId,tag,timestamp\n1,1,\"dark\u0007\",1445714994\n1,2,heist,1445714994\n1,2,\"\u2066\u2069\",1445714994\n");
        var dataset = MovieLensDataset.Open(folder.Path);

        var movies = dataset.ReadMovies().ToDictionary(m => m.MovieId);

        Assert.Equal("Evil Twin (1999)", movies[1].Title);
        Assert.Equal(["dark"], movies[1].Tags);
        Assert.Equal(["heist"], movies[2].Tags);
        Assert.Equal(3, dataset.Report.CleanedTexts);
    }
}
