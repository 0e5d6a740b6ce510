using MudBlazor;

namespace RecSaeExplorer.Web.Components.Layout;

/// <summary>The explorer's look: a calm slate-blue primary with a warm accent for highlighted neurons.</summary>
public static class ExplorerTheme
{
    /// <summary>Name of the cascading bool the layout hands down: true while dark mode is on.</summary>
    public const string DarkModeCascade = "IsDarkMode";

    private static readonly string[] FontStack =
        ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5d8a",
            Secondary = "#d9734e",
            Tertiary = "#3a9a7a",
            Info = "#3f7cc4",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2a37",
            DrawerBackground = "#ffffff",
            DrawerText = "#374151",
            DrawerIcon = "#2f5d8a",
            TextPrimary = "#1f2a37",
            TextSecondary = "#5b6675",
            LinesDefault = "#e3e8ef",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb0e3",
            Secondary = "#f0a07f",
            Tertiary = "#6cc9a6",
            Info = "#7fb0e3",
            Background = "#12151b",
            Surface = "#1b2029",
            AppbarBackground = "#1b2029",
            AppbarText = "#e6e9ef",
            DrawerBackground = "#161a21",
            DrawerText = "#c9d1dc",
            DrawerIcon = "#7fb0e3",
            TextPrimary = "#e6e9ef",
            TextSecondary = "#9aa5b4",
            LinesDefault = "#2a313d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H5 = new H5Typography { FontWeight = "600" },
            H6 = new H6Typography { FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };

    /// <summary>Colours for Plotly charts, which do not follow MudBlazor's CSS variables.</summary>
    public static ChartColors Chart(bool dark) => dark
        ? new ChartColors(Bar: "#7fb0e3", Accent: "#f0a07f", Text: "#c9d1dc", Grid: "#2a313d")
        : new ChartColors(Bar: "#2f5d8a", Accent: "#d9734e", Text: "#374151", Grid: "#e3e8ef");
}

public sealed record ChartColors(string Bar, string Accent, string Text, string Grid);
