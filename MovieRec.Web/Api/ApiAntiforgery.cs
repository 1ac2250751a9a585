using Microsoft.AspNetCore.Antiforgery;

namespace MovieRec.Web.Api;

/// <summary>
/// State-changing API calls ride on the sign-in cookie, which a browser would also send for a
/// request forged by another site; requiring the antiforgery token in a header (which another site
/// cannot read or set) closes that. Pages carry the token in a meta tag for their scripts.
/// </summary>
public sealed class ApiAntiforgery(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
                detail: $"Send the antiforgery token of the page (meta name=\"csrf-token\") in the {HeaderName} header.");
        }
        return await next(context);
    }
}
