namespace RecSaeExplorer.Engine.Tests.Support;

/// <summary>
/// Tests that compare numbers across runs: they run alone, because LibTorch's thread count is
/// process-wide and another test changing it mid-run may change float summation order.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTorchCollection
{
    public const string Name = "Serial torch";
}
