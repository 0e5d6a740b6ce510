using RecSaeExplorer.Web.Api;
using RecSaeExplorer.Web.Components;
using RecSaeExplorer.Web.Hosting;
using RecSaeExplorer.Web.Labs;

var builder = WebApplication.CreateBuilder(args);

builder.AddExplorerServices();
builder.AddExplorerSecurity();
builder.Services.AddRecSaeApi();
CircuitSettings.AddInteractiveServer(builder);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRecSaeApiErrors();
// HTTPS redirection and HSTS only in Production (UseExplorerSecurity); Development serves plain HTTP on loopback.
app.UseExplorerSecurity();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous(); // scripts and styles, also for the sign-in page when anonymous browsing is off
app.MapExperimentsExport();
app.MapExplorerAccounts();
app.MapRecSaeApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to tests (e.g. a WebApplicationFactory) as the entry point.</summary>
public partial class Program;
