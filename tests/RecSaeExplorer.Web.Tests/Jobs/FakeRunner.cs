using RecSaeExplorer.Web.Jobs;

namespace RecSaeExplorer.Web.Tests.Jobs;

/// <summary>A runner whose jobs do what the test says: finish, fail, or wait for cancellation.</summary>
internal sealed class FakeRunner(Func<TrainingRequest, IProgress<JobProgress>, CancellationToken, Task<string>> run) : ITrainingRunner
{
    private int _running;

    public int MaxConcurrent { get; private set; }
    public List<string> Started { get; } = [];

    public async Task<string> RunAsync(TrainingRequest request, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        int now = Interlocked.Increment(ref _running);
        lock (Started)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, now);
            Started.Add(request.Title);
        }
        try
        {
            return await run(request, progress, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}

/// <summary>A request whose title is its name, for queue tests that never touch the engine.</summary>
internal sealed record NamedRequest(string Name) : TrainingRequest
{
    public override string Title => Name;
}
