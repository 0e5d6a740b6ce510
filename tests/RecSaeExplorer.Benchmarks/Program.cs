using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- recommenders   (accuracy + time table)
if (args.Length > 0 && args[0] == RecSaeExplorer.Benchmarks.RecommenderMeasurements.Command)
    RecSaeExplorer.Benchmarks.RecommenderMeasurements.Run(args[1..]);
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
