using System.Runtime.CompilerServices;
using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Web.Components.Neurons;

/// <summary>Per-dataset facts the pages branch on, computed once per loaded dataset.</summary>
internal static class DatasetFacts
{
    private static readonly ConditionalWeakTable<Dataset, StrongBox<bool>> Years = new();

    /// <summary>False for Last.FM: no item has a release year, so year columns and decade charts are left out.</summary>
    public static bool HasYears(this Dataset dataset) =>
        Years.GetValue(dataset, d => new StrongBox<bool>(d.Items.Any(i => i.Year is not null))).Value;
}
