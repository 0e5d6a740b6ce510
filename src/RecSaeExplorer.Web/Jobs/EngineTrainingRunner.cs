using RecSaeExplorer.Engine.Recommenders;
using RecSaeExplorer.Engine.Recommenders.Training;
using RecSaeExplorer.Engine.Sae.Training;
using RecSaeExplorer.Engine.Workflows;
using RecSaeExplorer.Web.Datasets;
using RecSaeExplorer.Web.Runs;

namespace RecSaeExplorer.Web.Jobs;

/// <summary>
/// Runs queued trainings through the engine's workflows (the same train-evaluate-store the CLI runs)
/// and turns their progress into job progress. Stores through <see cref="RunCatalog"/>, so the pages
/// hear of the new run.
/// </summary>
public sealed class EngineTrainingRunner(DatasetService datasets, RunCatalog catalog) : ITrainingRunner
{
    public Task<string> RunAsync(TrainingRequest request, IProgress<JobProgress> progress, CancellationToken cancellationToken) =>
        request switch
        {
            RecommenderTrainingRequest r => TrainRecommenderAsync(r, progress, cancellationToken),
            SaeTrainingRequest s => TrainSaeAsync(s, progress, cancellationToken),
            _ => throw new NotSupportedException($"No runner for {request.GetType().Name}."),
        };

    private async Task<string> TrainRecommenderAsync(RecommenderTrainingRequest request, IProgress<JobProgress> progress, CancellationToken ct)
    {
        progress.Report(new JobProgress("Loading data", "epoch", 0, 0, null, TimeSpan.Zero, 0));
        var dataset = await datasets.GetAsync(request.Dataset, ct);
        var last = new JobProgress("Training", "epoch", 0, 0, null, TimeSpan.Zero, 0);
        var heartbeat = new InlineProgress<TrainingProgress>(p => progress.Report(last = new JobProgress(
            "Training", "epoch", p.Epoch, p.Epochs, p.Loss, p.Elapsed,
            ((p.Epoch - 1) + (double)p.Step / Math.Max(1, p.StepsPerEpoch)) / Math.Max(1, p.Epochs))));
        var result = RecommenderWorkflow.TrainAndStore(catalog, dataset, request.ToWorkflowRequest(), heartbeat,
            phase => progress.Report(last with { Phase = phase }), ct);
        var run = result.Run!;
        catalog.Stored(run, new LoadedRecommender(run, dataset, result.Split, result.Trained)); // the catalog keeps the model
        return run.Id;
    }

    private async Task<string> TrainSaeAsync(SaeTrainingRequest request, IProgress<JobProgress> progress, CancellationToken ct)
    {
        progress.Report(new JobProgress("Loading recommender", "step", 0, 0, null, TimeSpan.Zero, 0));
        var dataset = await datasets.GetAsync(request.Dataset, ct);
        string parentId = request.RecommenderRunId
            ?? RecommenderChoice.Newest(catalog, new RecommenderCriteria(dataset.Fingerprint))?.Id
            ?? throw new InvalidOperationException($"There is no recommender run of {request.Dataset} to train an SAE on.");
        using var parent = await catalog.LeaseRecommenderAsync(parentId, ct); // held: the catalog may not evict it mid-training
        var last = new JobProgress("Training", "step", 0, 0, null, TimeSpan.Zero, 0);
        var heartbeat = new InlineProgress<SaeTrainingProgress>(p => progress.Report(last = new JobProgress(
            "Training", "step", p.Step, p.Steps, p.Loss.Total, p.Elapsed, (double)p.Step / Math.Max(1, p.Steps))));
        using var result = SaeWorkflow.TrainAndStore(catalog, parent.Value, request.ToWorkflowRequest(), heartbeat,
            phase => progress.Report(last with { Phase = phase }), ct);
        catalog.Stored(result.Run!);
        return result.Run!.Id;
    }
}
