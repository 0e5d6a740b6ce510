using RecSaeExplorer.Web.Api;
using RecSaeExplorer.Web.Components;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Labs;

var builder = WebApplication.CreateBuilder(args);

builder.AddExplorerServices();
builder.Services.AddRecSaeApi();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// No HTTPS redirection or HSTS: the explorer is served over plain HTTP on loopback.

app.UseAntiforgery();

app.MapStaticAssets();
app.MapExperimentsExport();
app.MapRecSaeApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to tests (e.g. a WebApplicationFactory) as the entry point.</summary>
public partial class Program;
