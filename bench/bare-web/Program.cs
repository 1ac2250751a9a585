// The bare endpoints of issue 14's serving targets: what the same machine serves with nothing of
// the app's work, so that the app's requests per second read as a share of it.
//   GET /bare/recommendations  a minimal-API endpoint that serialises (source-generated
//                              System.Text.Json) an object read at start from BARE_JSON: a copy of
//                              the app's own GET /api/recommendations?n=10 answer, so the same
//                              shape and the same number of bytes
//   GET /bare/details          a Razor page of about BARE_PAGE_BYTES bytes (the size of the app's
//                              /Movies/Details/{id}): a title, a description list and rows of
//                              links, rendered and HTML-encoded on every request, no layout
// Usage: BARE_JSON=answer.json BARE_PAGE_BYTES=12000 dotnet bare-web.dll --urls http://127.0.0.1:5060
using System.Text.Json;
using System.Text.Json.Serialization;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddRazorPages();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJson.Default));
var sample = JsonSerializer.Deserialize(File.ReadAllText(Environment.GetEnvironmentVariable("BARE_JSON")
    ?? throw new InvalidOperationException("set BARE_JSON to a saved /api/recommendations answer")), BareJson.Default.Recommendations)!;
var app = builder.Build();
app.MapGet("/bare/recommendations", () => TypedResults.Ok(sample));
app.MapRazorPages();
app.Run();

public sealed record Recommendation(int Id, string Title, int? Year, double PredictedRating, int? BecauseYouRatedId, string? BecauseYouRatedTitle, string? Reason);

public sealed record Popular(int Id, string Title, int? Year, int RatingCount, double DampedMean);

public sealed record Recommendations(string Kind, IReadOnlyList<Recommendation> Items, IReadOnlyList<Popular> Popular);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Recommendations))]
public partial class BareJson : JsonSerializerContext;
