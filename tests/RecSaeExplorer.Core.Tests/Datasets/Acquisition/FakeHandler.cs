using System.Net;

namespace RecSaeExplorer.Core.Tests.Datasets.Acquisition;

/// <summary>Answers every request from a function, so no test ever touches the network.</summary>
internal sealed class FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    public static FakeHandler Serving(byte[] body) => new(_ => new HttpResponseMessage(HttpStatusCode.OK)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentLength = body.Length } },
    });

    public static FakeHandler Throwing(Exception e) => new(_ => throw e);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return Task.FromResult(respond(request));
    }
}

/// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class ProgressLog<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        lock (Reports) Reports.Add(value);
    }
}
