using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace RecSaeExplorer.Web.Api;

/// <summary>
/// Responses about a stored run carry a strong ETag (a hash of the body) and answer If-None-Match with 304.
/// A run's weights never change, but its metrics can be re-evaluated and neurons renamed, so clients
/// revalidate (no-cache) instead of trusting a max-age.
/// </summary>
public static class ETags
{
    public static IResult Json<T>(HttpContext context, T body)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(body, options);
        string tag = $"\"{Convert.ToBase64String(SHA256.HashData(bytes), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
        context.Response.Headers.ETag = tag;
        context.Response.Headers.CacheControl = "private, no-cache";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == tag || t.Trim() == "*")))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(bytes, "application/json");
    }
}
