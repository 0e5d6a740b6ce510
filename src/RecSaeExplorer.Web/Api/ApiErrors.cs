using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Engine.Runs;

namespace RecSaeExplorer.Web.Api;

/// <summary>A request value out of its bounds: answered 400 with the parameter named.</summary>
public sealed class ApiBadRequest(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}

/// <summary>Something the request names does not exist: answered 404.</summary>
public sealed class ApiNotFound(string message) : Exception(message);

/// <summary>
/// Every API error as a ProblemDetails (RFC 9457): known exceptions map to 400/404/409, binding failures to 400, faults to 500,
/// and empty error responses (unknown routes, wrong methods) get a body, so the explorer's HTML status pages
/// never answer an API call.
/// </summary>
public sealed class ApiErrors(RequestDelegate next, ILogger<ApiErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        IResult? problem;
        try
        {
            await next(context);
            problem = !context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null
                ? Results.Problem(statusCode: context.Response.StatusCode)
                : null;
        }
        catch (Exception e) when (!context.Response.HasStarted && Map(e) is { } mapped)
        {
            logger.LogDebug(e, "API request {Path} failed", context.Request.Path);
            problem = mapped;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Anything else is a fault: logged in full, answered as a 500 ProblemDetails rather than the explorer's HTML error page.
            logger.LogError(e, "API request {Path} failed", context.Request.Path);
            problem = Results.Problem("An unexpected error occurred; the server log has the details.", statusCode: StatusCodes.Status500InternalServerError);
        }
        if (problem is not null) await problem.ExecuteAsync(context);
    }

    private static IResult? Map(Exception e) => e switch
    {
        ApiBadRequest bad => Results.ValidationProblem(new Dictionary<string, string[]> { [bad.Parameter] = [bad.Message] }, detail: bad.Message),
        BadHttpRequestException bad => Results.Problem(bad.Message, statusCode: bad.StatusCode),
        ApiNotFound or RunNotFoundException or DatasetNotFoundException => Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound),
        ArgumentException => Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest),
        InvalidOperationException => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict),
        _ => null,
    };
}
