using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Sae.Training;

/// <summary>Counts steps since each latent last fired; latents quiet for too long are "dead" (for AuxK).</summary>
internal sealed class DeadLatentTracker(int width, int deadAfterSteps)
{
    private readonly int[] _quietSteps = new int[width];

    /// <summary>Records which latents fired anywhere in <paramref name="z"/> [n, m].</summary>
    public void Observe(Tensor z)
    {
        using var scope = NewDisposeScope();
        bool[] fired = z.detach().gt(0).any(0).cpu().data<bool>().ToArray();
        for (int k = 0; k < fired.Length; k++) _quietSteps[k] = fired[k] ? 0 : _quietSteps[k] + 1;
    }

    public int DeadCount => _quietSteps.Count(q => q >= deadAfterSteps);

    /// <summary>A bool mask [m] of dead latents, or null when none is dead.</summary>
    public Tensor? DeadMask(Device device)
    {
        if (DeadCount == 0) return null;
        var mask = _quietSteps.Select(q => q >= deadAfterSteps).ToArray();
        return tensor(mask, device: device);
    }
}
