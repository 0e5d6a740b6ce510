using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/RecSaeExplorer.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
