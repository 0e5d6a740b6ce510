using System.Runtime;
using RecSaeExplorer.Engine.Tests.Support;
using RecSaeExplorer.Engine.Torch;

namespace RecSaeExplorer.Engine.Tests.Torch;

// Alone: a no-GC region is process-wide, and a training in a parallel test would hold or spend it.
[Collection(SerialTorchCollection.Name)]
public sealed class GcPauseTests
{
    [Fact]
    public void While_a_pause_lasts_allocating_within_its_budget_runs_no_collection()
    {
        int collections;
        using (new GcPause())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            collections = GC.CollectionCount(0);
            var kept = new List<byte[]>();
            for (int i = 0; i < 256; i++) kept.Add(new byte[4096]); // 1 MB, far below the budget
            Assert.Equal(collections, GC.CollectionCount(0));
            GC.KeepAlive(kept);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Ticks_keep_the_region_and_a_nested_pause_leaves_the_outer_one_alone()
    {
        using var outer = new GcPause();
        for (int step = 0; step < GcPause.RenewEvery + 5; step++) outer.Tick();
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        using (new GcPause())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
