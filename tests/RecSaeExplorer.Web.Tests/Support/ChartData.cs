using Bunit;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using RecSaeExplorer.Web.Components.Charts;

namespace RecSaeExplorer.Web.Tests.Support;

/// <summary>Reads what a <see cref="ValueBarChart"/> handed to Plotly, as (label, value) pairs in drawing order.</summary>
internal static class ChartData
{
    public static PlotlyChart Plot(this IRenderedComponent<ValueBarChart> chart) => chart.FindComponent<PlotlyChart>().Instance;

    public static (string Label, double Value)[] Bars(this IRenderedComponent<ValueBarChart> chart)
    {
        var bar = Assert.IsType<Bar>(Assert.Single(chart.Plot().Data));
        bool horizontal = bar.Orientation == Plotly.Blazor.Traces.BarLib.OrientationEnum.H;
        var labels = (horizontal ? bar.Y : bar.X).Select(x => Assert.IsType<string>(x));
        var values = (horizontal ? bar.X : bar.Y).Select(y => Assert.IsType<double>(y));
        return labels.Zip(values).ToArray();
    }
}
