using Microsoft.Extensions.Configuration;
using RecSaeExplorer.Web.Hosting;

namespace RecSaeExplorer.Web.Tests.Hosting;

/// <summary>The shipped appsettings.json lists every explorer setting with the value the code defaults to.</summary>
public class AppSettingsTests
{
    [Fact]
    public void The_explorer_section_names_every_setting_with_its_default()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestPaths.RepoRoot, "src", "RecSaeExplorer.Web", "appsettings.json"), optional: false)
            .Build();
        var section = configuration.GetSection(ExplorerOptions.SectionName);
        var defaults = new ExplorerOptions();
        var bound = section.Get<ExplorerOptions>()!;

        foreach (var property in typeof(ExplorerOptions).GetProperties().Where(p => p.CanWrite))
        {
            Assert.True(section.GetSection(property.Name).Exists(), $"appsettings.json has no Explorer:{property.Name}");
            object? expected = property.GetValue(defaults) ?? "";
            object? actual = property.GetValue(bound) ?? "";
            Assert.True(Equals(expected, actual), $"Explorer:{property.Name} is '{actual}' in appsettings.json but '{expected}' in the code");
        }
    }
}
