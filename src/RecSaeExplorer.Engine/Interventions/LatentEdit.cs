using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Interventions;

public enum EditMode
{
    /// <summary>z_k = level.</summary>
    Set,

    /// <summary>z_k = z_k + level.</summary>
    Add,

    /// <summary>z_k = min(z_k, level): suppression with level ≤ 0.</summary>
    Cap,
}

/// <summary>An edit of the latent code on one or more neurons (METHOD.md §6: decoded without re-applying ReLU).</summary>
public sealed record LatentEdit(IReadOnlyList<int> Neurons, double Level, EditMode Mode = EditMode.Set)
{
    public static LatentEdit Suppress(IReadOnlyList<int> neurons, double level = 0) => new(neurons, level, EditMode.Cap);

    public LatentEdit WithLevel(double level) => this with { Level = level };

    /// <summary>An edited copy of <paramref name="z"/> [n, m].</summary>
    public Tensor Apply(Tensor z)
    {
        var edited = z.clone();
        foreach (int k in Neurons)
        {
            var column = edited.select(1, k);
            _ = Mode switch
            {
                EditMode.Set => column.fill_(Level),
                EditMode.Add => column.add_(Level),
                _ => column.clamp_max_(Level),
            };
        }
        return edited;
    }
}
