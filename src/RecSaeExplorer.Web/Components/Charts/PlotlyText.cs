namespace RecSaeExplorer.Web.Components.Charts;

/// <summary>
/// Plotly renders a subset of HTML inside every string it draws (tick labels, trace names, titles, hover
/// texts: &lt;b&gt;, &lt;a href&gt;, &lt;br&gt;…), and Blazor's HTML encoding does not reach into chart data.
/// Every label that may carry user or dataset text (neuron names, titles, facets) goes through
/// <see cref="Escape"/>: Plotly decodes the entities back and draws the markup as literal text.
/// </summary>
public static class PlotlyText
{
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string? EscapeOrNull(string? text) => text is null ? null : Escape(text);
}
