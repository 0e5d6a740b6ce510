using RecSaeExplorer.Engine.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Tests.Torch;

/// <summary>LibTorch loads on this machine (see Directory.Build.targets) and computes the right numbers.</summary>
public class TorchSharpLoadsTests
{
    [Fact]
    public void Matmul_of_known_matrices()
    {
        using var scope = NewDisposeScope();
        var a = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var b = torch.tensor(new float[] { 7, 8, 9, 10, 11, 12 }, [3, 2]);
        float[] product = a.matmul(b).data<float>().ToArray();
        Assert.Equal([58f, 64f, 139f, 154f], product);
    }

    [Fact]
    public void Autograd_gives_the_analytic_gradient()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new float[] { 1, -2, 3 }, requires_grad: true);
        x.square().sum().backward();
        Assert.Equal([2f, -4f, 6f], x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Device_parsing_accepts_cpu_and_rejects_nonsense()
    {
        Assert.Equal(DeviceType.CPU, TorchRuntime.ParseDevice(null).type);
        Assert.Equal(DeviceType.CPU, TorchRuntime.ParseDevice("cpu").type);
        Assert.Throws<ArgumentException>(() => TorchRuntime.ParseDevice("gpu-please"));
    }
}
