using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace RecSaeExplorer.Web.Api;

/// <summary>
/// The read-only HTTP API (plus simulations) under <c>/api/v1</c>, its OpenAPI document at
/// <c>/openapi/v1.json</c> and the Scalar reference page at <c>/scalar</c>. Endpoints call the services the
/// pages use (RunCatalog, ConceptCatalog, LabService, DatasetService): no second implementation.
/// </summary>
public static class ApiRegistration
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddRecSaeApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // Profiles hold NaN where a statistic is undefined (e.g. purity of a dead neuron).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        // Binding failures throw, so ApiErrors can answer them with a ProblemDetails naming the parameter.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "RecSaeExplorer API";
                doc.Info.Description = "Datasets, runs, neurons, item and user codes, promotion and suppression/nudge simulations, and experiments. Read-only plus simulation.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Early in the pipeline (before sign-in and authorization), so every API error, a refused request
    /// included, is answered as a ProblemDetails and never re-executed into the explorer's HTML pages.
    /// </summary>
    public static WebApplication UseRecSaeApiErrors(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Prefix), api => api.UseMiddleware<ApiErrors>());
        return app;
    }

    public static WebApplication MapRecSaeApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        var v1 = app.MapGroup(Prefix);
        DatasetsApi.Map(v1.MapGroup("/datasets").WithTags("Datasets"));
        RunsApi.Map(v1.MapGroup("/runs").WithTags("Runs"));
        NeuronsApi.Map(v1.MapGroup("/runs/{runId}/neurons").WithTags("Neurons"));
        EntitiesApi.Map(v1.MapGroup("/runs/{runId}").WithTags("Items and users"));
        var simulations = v1.MapGroup("/runs/{runId}/simulations").WithTags("Simulations");
        SimulationApi.Map(simulations);
        ShiftSimulationApi.Map(simulations);
        ExperimentsApi.Map(v1.MapGroup("/experiments").WithTags("Experiments"));
        return app;
    }
}
