using RecSaeExplorer.Cli.Common;
using RecSaeExplorer.Engine.Recommenders.Training;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Rec;

/// <summary>Runs a training call under a Spectre progress bar fed by <see cref="TrainingProgress"/>.</summary>
internal static class TrainingBar
{
    /// <summary><paramref name="train"/> gets the progress to report and a callback naming the phase after training (e.g. evaluating).</summary>
    public static T Run<T>(IAnsiConsole console, string label, Func<IProgress<TrainingProgress>, Action<string>, T> train)
    {
        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1);
                result = train(new SyncProgress<TrainingProgress>(p =>
                {
                    task.MaxValue = (double)p.Epochs * p.StepsPerEpoch;
                    task.Value = (double)(p.Epoch - 1) * p.StepsPerEpoch + p.Step;
                    task.Description = $"{label} epoch {p.Epoch}/{p.Epochs} loss {p.Loss:F4}";
                }), phase => task.Description = $"{label} {phase.ToLowerInvariant()}");
                task.Value = task.MaxValue;
            });
        return result;
    }
}
