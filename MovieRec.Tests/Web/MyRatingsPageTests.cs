using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MovieRec.Core.Storage;
using MovieRec.Web.Ratings;

namespace MovieRec.Tests.Web;

/// <summary>My ratings over HTTP: count, sort, filter, undo after delete, export and import of ratings.csv.</summary>
public sealed partial class MyRatingsPageTests(MovieRecAppFactory app) : IClassFixture<MovieRecAppFactory>
{
    [GeneratedRegex("data-movie-card=\"(\\d+)\"")]
    private static partial Regex MovieCard();

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex UndoField();

    private static int[] CardsOf(string html) => MovieCard().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToArray();

    private IMovieRecStore Store => app.Services.GetRequiredService<IMovieRecStore>();

    private async Task<(HttpClient Client, int UserId)> PersonWithRatingsAsync(params (int Movie, double Value)[] ratings)
    {
        string name = "rater-" + Guid.NewGuid().ToString("N")[..8];
        var client = await app.SignedInBrowserAsync(name);
        foreach (var (movie, value) in ratings)
            Assert.Equal(HttpStatusCode.OK, (await client.RateAsync(movie, value)).StatusCode);
        var account = await Store.Users.GetByNameAsync(name);
        return (client, account!.UserId);
    }

    [Fact]
    public async Task The_page_counts_sorts_and_filters_by_genre_and_rating()
    {
        // 8 is rated before 6 at the same value, so "lowest" lists 6 first whether the two land in the
        // same second (ties end on the movie id) or not (newer first): the test does not depend on the clock.
        var (client, _) = await PersonWithRatingsAsync((8, 4.5), (1, 2.0), (6, 4.5), (12, 3.0));

        string all = await client.GetStringAsync("/Ratings");
        Assert.Contains("You have rated 4 movies.", all);
        Assert.Contains("4 ratings · page 1 of 1", all);

        // By title: Laser Quest, Office Laughs, Quiet Documentary, Wedding Mixup.
        Assert.Equal(new[] { 1, 8, 12, 6 }, CardsOf(await client.GetStringAsync("/Ratings?sort=title")));
        Assert.Equal(new[] { 1, 12, 6, 8 }, CardsOf(await client.GetStringAsync("/Ratings?sort=lowest")));

        string comedies = await client.GetStringAsync("/Ratings?genre=Comedy&sort=title");
        Assert.Equal([8, 6], CardsOf(comedies));
        Assert.Contains("2 ratings match · page 1 of 1", comedies);
        Assert.Contains("You have rated 4 movies.", comedies);

        Assert.Equal(new[] { 8, 6 }, CardsOf(await client.GetStringAsync("/Ratings?stars=4.5&sort=title")));
        Assert.Contains("None of your ratings match.", await client.GetStringAsync("/Ratings?stars=0.5"));
    }

    [Theory]
    [InlineData("/Ratings?sort=sideways")]
    [InlineData("/Ratings?stars=7")]
    [InlineData("/Ratings?stars=abc")]
    [InlineData("/Ratings?p=0")]
    [InlineData("/Ratings?p=-3")]
    public async Task Bad_sort_filter_or_page_gets_the_400_page(string url)
    {
        var (client, _) = await PersonWithRatingsAsync((6, 4.5));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Undo_after_delete_restores_the_value_and_the_time()
    {
        var (client, userId) = await PersonWithRatingsAsync((7, 3.5), (9, 5.0));
        var before = await Store.Ratings.GetAsync(userId, 7);

        var delete = await client.PostFormAsync("/Ratings?handler=Delete", new Dictionary<string, string> { ["movieId"] = "7", ["returnUrl"] = "/Ratings?sort=title" });
        Assert.Equal("/Ratings?sort=title", delete.Headers.Location?.OriginalString);
        Assert.Null(await Store.Ratings.GetAsync(userId, 7));
        string afterDelete = await client.GetStringAsync("/Ratings?sort=title");
        Assert.Contains("Your rating of Love in Paris (1997) was removed.", afterDelete);
        Assert.DoesNotContain("data-movie-card=\"7\"", afterDelete);
        string token = WebUtility.HtmlDecode(UndoField().Match(afterDelete).Groups[1].Value);
        Assert.NotEmpty(token);

        var undo = await client.PostFormAsync("/Ratings?handler=Undo", new Dictionary<string, string> { ["token"] = token, ["returnUrl"] = "/Ratings" });

        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        Assert.Equal(before, await Store.Ratings.GetAsync(userId, 7));
        string restored = await client.GetStringAsync("/Ratings");
        Assert.Contains("Your rating is back.", restored);
        Assert.Contains("data-movie-card=\"7\"", restored);
        // The message is read once: the button does not linger on the next visit.
        Assert.DoesNotContain("data-action=\"undo\"", await client.GetStringAsync("/Ratings"));
    }

    [Fact]
    public async Task Undo_refuses_an_edited_token_or_someone_elses()
    {
        var (owner, ownerId) = await PersonWithRatingsAsync((7, 3.5));
        await owner.PostFormAsync("/Ratings?handler=Delete", new Dictionary<string, string> { ["movieId"] = "7" });
        string token = WebUtility.HtmlDecode(UndoField().Match(await owner.GetStringAsync("/Ratings")).Groups[1].Value);
        var (stranger, strangerId) = await PersonWithRatingsAsync((1, 1.0));

        var stolen = await stranger.PostFormAsync("/Ratings?handler=Undo", new Dictionary<string, string> { ["token"] = token });
        var edited = await owner.PostFormAsync("/Ratings?handler=Undo", new Dictionary<string, string> { ["token"] = token[..^4] + "AAAA" });

        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);
        Assert.Contains("That undo has expired", await edited.Content.ReadAsStringAsync());
        Assert.Null(await Store.Ratings.GetAsync(ownerId, 7));
        Assert.Null(await Store.Ratings.GetAsync(strangerId, 7));
    }

    [Fact]
    public async Task Export_writes_movielens_ratings_csv_and_import_reads_it_back_into_another_account()
    {
        var (exporter, exporterId) = await PersonWithRatingsAsync((6, 4.5), (2, 1.0), (11, 3.0));

        var export = await exporter.GetAsync("/Ratings?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ratings.csv", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        string csv = await export.Content.ReadAsStringAsync();
        var stored = (await Store.Ratings.ListByUserAsync(exporterId)).OrderBy(r => r.MovieId).ToList();
        string expected = "userId,movieId,rating,timestamp\n" + string.Concat(stored.Select(r => $"{exporterId},{r.MovieId},{r.Value:0.0},{r.Timestamp}\n"));
        Assert.Equal(expected, csv);
        Assert.Contains($"{exporterId},6,4.5,", csv);

        // The importer has rated movie 2 already: that rating stays; the other two arrive with their times.
        var (importer, importerId) = await PersonWithRatingsAsync((2, 5.0));
        var import = await PostImportAsync(importer, csv);

        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Contains("Imported 2 ratings; kept your own rating of 1 movie you had already rated.", await importer.GetStringAsync("/Ratings"));
        Assert.Equal(5.0f, (await Store.Ratings.GetAsync(importerId, 2))!.Value.Value);
        foreach (var original in stored.Where(r => r.MovieId != 2))
            Assert.Equal(original with { UserId = importerId }, await Store.Ratings.GetAsync(importerId, original.MovieId));
        // Importing the same file again adds nothing.
        await PostImportAsync(importer, csv);
        Assert.Contains("Imported 0 ratings; kept your own rating of 3 movies", await importer.GetStringAsync("/Ratings"));
    }

    [Fact]
    public async Task Import_with_a_bad_line_stores_nothing_and_names_the_lines()
    {
        var (client, userId) = await PersonWithRatingsAsync((3, 2.0));
        const string file = "userId,movieId,rating,timestamp\n5,6,4.5,1500000000\n5,7,9.0,1500000001\n5,8,four,1500000002\n\n6,9,3.0,1500000003\n";

        var response = await PostImportAsync(client, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was imported: 3 lines of the file could not be read.", html);
        Assert.Contains("line 3:", html);
        Assert.Contains("line 4:", html);
        Assert.Contains("line 6: userId 6 differs from 5", html);
        Assert.Equal([3], (await Store.Ratings.ListByUserAsync(userId)).Select(r => r.MovieId));
    }

    [Fact]
    public async Task Import_skips_unknown_movies_by_line_and_refuses_other_files()
    {
        var (client, userId) = await PersonWithRatingsAsync();

        await PostImportAsync(client, "userId,movieId,rating,timestamp\r\n5,6,4.5,1500000000\r\n5,99999,3.0,1500000001\r\n");
        Assert.Contains("Imported 1 rating; skipped 1 line naming movies this site does not have (line 3).", await client.GetStringAsync("/Ratings"));
        Assert.Equal([6], (await Store.Ratings.ListByUserAsync(userId)).Select(r => r.MovieId));

        var notRatings = await PostImportAsync(client, "movieId,title,genres\n1,Toy Story (1995),Comedy\n");
        Assert.Equal(HttpStatusCode.BadRequest, notRatings.StatusCode);
        Assert.Contains("line 1: expected the header", await notRatings.Content.ReadAsStringAsync());

        var empty = await PostImportAsync(client, "");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Choose a ratings.csv file to import.", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Import_needs_the_antiforgery_token_and_refuses_a_file_over_the_limit()
    {
        var (client, userId) = await PersonWithRatingsAsync();
        const string file = "userId,movieId,rating,timestamp\n5,6,4.5,1500000000\n";

        var forged = await PostImportAsync(client, file, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var line = "5,6,4.5,1500000000\n";
        var huge = new StringBuilder("userId,movieId,rating,timestamp\n");
        while (huge.Length <= PersonalRatingsImport.MaxFileBytes) huge.Append(line);
        var tooLarge = await PostImportAsync(client, huge.ToString());
        Assert.True(tooLarge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"answered {tooLarge.StatusCode}");

        Assert.Empty(await Store.Ratings.ListByUserAsync(userId));
    }

    private static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, string csv, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken) form.Add(new StringContent(await client.FormTokenAsync("/Ratings")), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "ratings.csv");
        return await client.PostAsync("/Ratings?handler=Import", form);
    }
}
