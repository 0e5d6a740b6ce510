using Bunit;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>Reads what a rendered component handed to Plotly: the one bar trace of its chart.</summary>
internal static class PlotlyTrace
{
    public static Bar SingleBar<T>(IRenderedComponent<T> cut) where T : class, IComponent
    {
        var chart = cut.FindComponent<PlotlyChart>().Instance;
        return Assert.IsType<Bar>(Assert.Single(chart.Data));
    }

    public static string[] Labels(this Bar bar) => bar.X.Select(x => Assert.IsType<string>(x)).ToArray();

    public static int[] Counts(this Bar bar) => bar.Y.Select(y => Assert.IsType<int>(y)).ToArray();
}
