using System.Text.Json;
using System.Text.Json.Serialization;
using MovieRec.Web.Health;

namespace MovieRec.Web.Api;

/// <summary>
/// Source-generated JSON metadata for every body the API reads or writes: serialisation needs no
/// reflection at start and builds nothing per request. The settings match the app's JSON options
/// (camelCase names, numbers as numbers only: see <c>AddMovieRecApi</c>), which take it first in
/// their resolver chain; a type missing here still works through the reflection resolver behind it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(RecommendationsDto))]
[JsonSerializable(typeof(MoviePageDto))]
[JsonSerializable(typeof(MovieDetailDto))]
[JsonSerializable(typeof(SimilarMoviesDto))]
[JsonSerializable(typeof(List<MovieSummaryDto>))]
[JsonSerializable(typeof(List<PopularMovieDto>))]
[JsonSerializable(typeof(List<RatingDto>))]
[JsonSerializable(typeof(RatingRequest))]
[JsonSerializable(typeof(RatingSavedDto))]
[JsonSerializable(typeof(PersonListChangeDto))]
[JsonSerializable(typeof(ReloadDto))]
[JsonSerializable(typeof(HealthEndpoints.HealthDto))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
