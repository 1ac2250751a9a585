using Microsoft.AspNetCore.Http.Features;

namespace MovieRec.Web.Api;

/// <summary>
/// The JSON API takes tiny bodies ({"rating": 4.5}), so it refuses anything over a few kilobytes
/// before reading it: a large body is either a mistake or an attempt to tie up the server.
/// </summary>
public static class ApiBodyLimit
{
    public const long MaxBytes = 4 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ApiProblems.IsApiRequest(context.Request))
        {
            if (context.Request.ContentLength > MaxBytes)
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                    $"The request body has {context.Request.ContentLength} bytes; the API accepts at most {MaxBytes}.", "Request body too large");
                return;
            }
            // Bodies without a declared length (chunked) are cut off by the server at the same limit,
            // or, where the server has no limit to set, by counting the bytes as they are read.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxBytes;
            else
                context.Request.Body = new BodyLengthLimitStream(context.Request.Body, MaxBytes);
        }
        await next(context);
    });
}
