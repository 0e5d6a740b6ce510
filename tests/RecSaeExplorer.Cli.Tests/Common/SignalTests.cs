using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Cli.Tests.Store;

namespace RecSaeExplorer.Cli.Tests.Common;

/// <summary>
/// Cancellation during training, as Ctrl-C or SIGTERM delivers it (Program's SignalCancellation cancels this
/// token): "Cancelled.", exit 130 (143 for SIGTERM, mapped by SignalCancellation), nothing stored.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    [Fact]
    public async Task Cancelling_a_training_prints_Cancelled_exits_130_and_stores_nothing()
    {
        string data = KillDuringSaveTests.TinyMovieLens(Path.Combine(_folder, "data"));
        string store = Path.Combine(_folder, "store.db");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await CliApp.RunAsync(["rec", "train", "--model", "mf", "--preset", "tuned", "--epochs", "5000", "--data-dir", data,
            "--store", store, "--json"], output, error, cancel.Token);
        Assert.Equal(ExitCodes.Cancelled, exit);
        Assert.Equal("Cancelled.", error.ToString().Trim());
        Assert.Empty(output.ToString());
        Assert.False(File.Exists(store), "nothing is stored");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
