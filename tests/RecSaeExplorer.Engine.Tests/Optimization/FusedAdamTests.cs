using RecSaeExplorer.Engine.Optimization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Optimization;

/// <summary>FusedAdam must give TorchSharp's optim.Adam update, from dense and from sparse gradients.</summary>
public class FusedAdamTests
{
    private const int Steps = 25;

    /// <summary>Embedding tables plus a linear layer, trained on a fixed toy regression with repeated rows.</summary>
    private sealed class Toy : nn.Module<Tensor, Tensor>
    {
        private readonly Embedding _table;
        private readonly Embedding _unused;
        private readonly Linear _head;

        public Toy(bool sparse, int rows = 50, int width = 6) : base(nameof(Toy))
        {
            var g = new Generator(7, CPU);
            _table = nn.Embedding(rows, width, sparse: sparse);
            _unused = nn.Embedding(3, width, sparse: sparse);
            _head = nn.Linear(width, 1);
            using (no_grad())
            {
                _table.weight!.normal_(0, 1, g);
                _unused.weight!.normal_(0, 1, g);
                _head.weight!.normal_(0, 1, g);
                _head.bias!.zero_();
            }
            RegisterComponents();
        }

        public Parameter Unused => _unused.weight!;

        public override Tensor forward(Tensor rows) => _head.forward(_table.forward(rows)).squeeze(1);
    }

    private static float[] Train(bool fused, bool sparse, double weightDecay, int threads = 1, int rows = 50, int width = 6,
        int steps = Steps)
    {
        using var model = new Toy(sparse, rows, width);
        var parameters = model.parameters().ToList();
        var settings = new AdamSettings(0.05, WeightDecay: weightDecay);
        using IParameterOptimizer optimizer = fused
            ? new FusedAdam(parameters, settings, threads)
            : new TorchOptimizer(optim.Adam(parameters, settings.LearningRate, weight_decay: weightDecay));
        var g = new Generator(11, CPU);
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var batch = randint(0, rows, [64], generator: g); // repeats rows: sparse gradients arrive uncoalesced
            var target = randn([64], generator: g);
            var loss = (model.forward(batch) - target).square().mean();
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
        }
        return parameters.SelectMany(p => p.detach().flatten().data<float>().ToArray()).ToArray();
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(false, 0.01)]
    [InlineData(true, 0.0)]
    [InlineData(true, 0.01)]
    public void Matches_torchsharp_adam(bool sparse, double weightDecay)
    {
        float[] reference = Train(fused: false, sparse: false, weightDecay);
        float[] fused = Train(fused: true, sparse, weightDecay);
        Assert.Equal(reference.Length, fused.Length);
        float[] start = Train(fused: false, sparse: false, weightDecay, steps: 0);
        Assert.True(reference.Zip(start).Max(p => Math.Abs(p.First - p.Second)) > 0.1f, "the toy training moved nothing");
        for (int k = 0; k < reference.Length; k++)
            Assert.True(Math.Abs(reference[k] - fused[k]) <= 1e-5f + 1e-5f * Math.Abs(reference[k]),
                $"parameter element {k}: optim.Adam {reference[k]} vs FusedAdam {fused[k]}");
    }

    [Fact]
    public void Parameters_move_and_unused_ones_stay()
    {
        using var model = new Toy(sparse: true);
        float[] before = model.Unused.detach().flatten().data<float>().ToArray();
        var table = model.parameters().First();
        float[] tableBefore = table.detach().flatten().data<float>().ToArray();
        using var optimizer = new FusedAdam(model.parameters(), new AdamSettings(0.1));
        using (var scope = NewDisposeScope())
        {
            var loss = model.forward(tensor(new long[] { 1, 1, 4 })).sum();
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
        }
        Assert.Equal(before, model.Unused.detach().flatten().data<float>().ToArray());
        float[] tableAfter = table.detach().flatten().data<float>().ToArray();
        Assert.Contains(tableAfter.Zip(tableBefore), p => p.First != p.Second);
    }

    [Fact]
    public void Threads_give_the_same_numbers_as_one()
    {
        // 20,000 x 8 elements: more than one 65,536-element chunk, so two threads really split the pass.
        float[] one = Train(fused: true, sparse: true, weightDecay: 0.01, threads: 1, rows: 20_000, width: 8);
        float[] two = Train(fused: true, sparse: true, weightDecay: 0.01, threads: 2, rows: 20_000, width: 8);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Rejects_what_it_cannot_read()
    {
        using var half = new Parameter(zeros(4, dtype: ScalarType.Float64));
        Assert.False(FusedAdam.Supports([half]));
        using var ok = new Parameter(zeros(4));
        Assert.True(FusedAdam.Supports([ok]));
    }
}
