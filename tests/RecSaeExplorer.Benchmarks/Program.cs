using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- recommenders   (accuracy + time table)
// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- lab-latency url=<promotion lab link>   (slider → top-30 in Chromium)
// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- epochs threads=1 mode=loop   (vs pytorch/recommender_epoch.py)
// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- explorer-memory [trainings=22] [steps=300] [epochs=10]
// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- neuron-render store=<store.db> home=<RECSAE_HOME> [run=<id>] [renders=60]
if (args.Length > 0 && args[0] == RecSaeExplorer.Benchmarks.RecommenderMeasurements.Command)
    RecSaeExplorer.Benchmarks.RecommenderMeasurements.Run(args[1..]);
else if (args.Length > 0 && args[0] == RecSaeExplorer.Benchmarks.RecommenderEpochTiming.Command)
    RecSaeExplorer.Benchmarks.RecommenderEpochTiming.Run(args[1..]);
else if (args.Length > 0 && args[0] == RecSaeExplorer.Benchmarks.NeuronPageRenderTiming.Command)
    await RecSaeExplorer.Benchmarks.NeuronPageRenderTiming.RunAsync(args[1..]);
else if (args.Length > 0 && args[0] == RecSaeExplorer.Benchmarks.ExplorerMemory.Command)
    await RecSaeExplorer.Benchmarks.ExplorerMemory.RunAsync(args[1..]);
else if (args.Length > 0 && args[0] == RecSaeExplorer.Benchmarks.LabLatency.Command)
    await RecSaeExplorer.Benchmarks.LabLatency.RunAsync(args[1..]);
else
    BenchmarkSwitcher.FromAssembly(typeof(RecSaeExplorer.Benchmarks.LoaderBenchmarks).Assembly).Run(args);
