using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RecSaeExplorer.Web.Tests.Api;

/// <summary>Each read endpoint: status codes, the shape of its body, bounds (400 naming the parameter), paging and ETags.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiEndpointsTests(ApiFixture api)
{
    private HttpClient Client => api.Client;

    [Fact]
    public async Task Datasets_list_the_catalog_and_give_stats()
    {
        using var list = await Json("/api/v1/datasets");
        var small = list.RootElement.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "ml-latest-small");
        Assert.True(small.GetProperty("present").GetBoolean());
        using var stats = await Json("/api/v1/datasets/ml-latest-small/stats");
        Assert.Equal(610, stats.RootElement.GetProperty("users").GetInt32());
        Assert.Equal(9724, stats.RootElement.GetProperty("items").GetInt32());
        await Problem("/api/v1/datasets/nope/stats", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Runs_page_filter_and_show_with_an_etag()
    {
        using var all = await Json("/api/v1/runs?limit=1");
        Assert.Equal(2, all.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, all.RootElement.GetProperty("items").GetArrayLength());
        using var saes = await Json("/api/v1/runs?kind=sae");
        Assert.Equal(api.SaeId, saes.RootElement.GetProperty("items")[0].GetProperty("id").GetString());

        var response = await Client.GetAsync($"/api/v1/runs/{api.SaeId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tag = response.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Contains("no-cache", response.Headers.CacheControl!.ToString());
        using (var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal("sae", run.RootElement.GetProperty("kind").GetString());
            Assert.Equal(api.RecommenderId, run.RootElement.GetProperty("parentRunId").GetString());
            Assert.True(run.RootElement.GetProperty("metrics").TryGetProperty("Honest", out _));
            Assert.True(run.RootElement.GetProperty("config").TryGetProperty("sae", out _));
        }
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/runs/{api.SaeId}");
        again.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(again)).StatusCode);
        await Problem("/api/v1/runs/no-such-run", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/runs?limit=0", "limit")]
    [InlineData("/api/v1/runs?limit=501", "limit")]
    [InlineData("/api/v1/runs?offset=-1", "offset")]
    [InlineData("/api/v1/runs?kind=model", "kind")]
    [InlineData("/api/v1/experiments?limit=9999", "limit")]
    public async Task Out_of_bounds_values_are_400_naming_the_parameter(string url, string parameter)
    {
        using var problem = await Problem(url, HttpStatusCode.BadRequest);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task Unparsable_values_unknown_routes_and_wrong_methods_are_problem_details()
    {
        using var bad = await Problem("/api/v1/runs?limit=abc", HttpStatusCode.BadRequest);
        Assert.Contains("limit", bad.RootElement.GetProperty("detail").GetString());
        await Problem("/api/v1/nothing-here", HttpStatusCode.NotFound);
        var delete = await Client.DeleteAsync($"/api/v1/runs/{api.SaeId}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal("application/problem+json", delete.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Neurons_filter_sort_and_page_like_the_grid()
    {
        using var first = await Json($"/api/v1/runs/{api.SaeId}/neurons?limit=10");
        Assert.Equal(128, first.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(Enumerable.Range(0, 10), first.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));

        using var sorted = await Json($"/api/v1/runs/{api.SaeId}/neurons?sort=itemFrequency&order=desc&limit=500");
        var freq = sorted.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("itemFrequency").GetDouble()).ToList();
        Assert.Equal(freq.OrderByDescending(f => f), freq);

        using var alive = await Json($"/api/v1/runs/{api.SaeId}/neurons?status=alive&limit=500");
        using var dead = await Json($"/api/v1/runs/{api.SaeId}/neurons?status=dead&limit=500");
        Assert.Equal(128, alive.RootElement.GetProperty("total").GetInt32() + dead.RootElement.GetProperty("total").GetInt32());
        Assert.All(dead.RootElement.GetProperty("items").EnumerateArray(), r => Assert.True(r.GetProperty("isDead").GetBoolean()));

        string label = first.RootElement.GetProperty("items")[0].GetProperty("label").GetString()!;
        using var found = await Json($"/api/v1/runs/{api.SaeId}/neurons?search={Uri.EscapeDataString(label)}&limit=500");
        Assert.All(found.RootElement.GetProperty("items").EnumerateArray(), r => Assert.Contains(label, r.ToString(), StringComparison.OrdinalIgnoreCase));

        using var badSort = await Problem($"/api/v1/runs/{api.SaeId}/neurons?sort=size", HttpStatusCode.BadRequest);
        Assert.True(badSort.RootElement.GetProperty("errors").TryGetProperty("sort", out _));
        await Problem($"/api/v1/runs/{api.RecommenderId}/neurons", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task One_neuron_has_profile_top_lists_probe_and_histogram()
    {
        using var page = await Json($"/api/v1/runs/{api.SaeId}/neurons?status=alive&sort=itemFrequency&order=desc&limit=1");
        int k = page.RootElement.GetProperty("items")[0].GetProperty("index").GetInt32();
        using var neuron = await Json($"/api/v1/runs/{api.SaeId}/neurons/{k}?top=5");
        var root = neuron.RootElement;
        Assert.Equal(k, root.GetProperty("row").GetProperty("index").GetInt32());
        Assert.Equal(k, root.GetProperty("profile").GetProperty("index").GetInt32());
        Assert.InRange(root.GetProperty("topItems").GetArrayLength(), 1, 5);
        Assert.Equal(5, root.GetProperty("probe").GetArrayLength());
        Assert.Equal(20, root.GetProperty("itemActivationHistogram").GetArrayLength());
        var acts = root.GetProperty("topItems").EnumerateArray().Select(i => i.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(acts.OrderByDescending(a => a), acts);

        using var outOfRange = await Problem($"/api/v1/runs/{api.SaeId}/neurons/128", HttpStatusCode.BadRequest);
        Assert.True(outOfRange.RootElement.GetProperty("errors").TryGetProperty("neuron", out _));
        using var badTop = await Problem($"/api/v1/runs/{api.SaeId}/neurons/{k}?top=0", HttpStatusCode.BadRequest);
        Assert.True(badTop.RootElement.GetProperty("errors").TryGetProperty("top", out _));
    }

    [Fact]
    public async Task Item_and_user_codes_with_neighbours_and_top_30()
    {
        using var item = await Json($"/api/v1/runs/{api.SaeId}/items/1");
        Assert.Equal("Toy Story", item.RootElement.GetProperty("title").GetString());
        Assert.Equal(128, item.RootElement.GetProperty("code").GetArrayLength());
        Assert.Equal(10, item.RootElement.GetProperty("nearest").GetArrayLength());

        using var user = await Json($"/api/v1/runs/{api.SaeId}/users/1");
        Assert.Equal(128, user.RootElement.GetProperty("code").GetArrayLength());
        var list = user.RootElement.GetProperty("topList").EnumerateArray().ToList();
        Assert.Equal(30, list.Count);
        Assert.Equal(Enumerable.Range(1, 30), list.Select(r => r.GetProperty("rank").GetInt32()));

        await Problem($"/api/v1/runs/{api.SaeId}/items/99999999", HttpStatusCode.NotFound);
        await Problem($"/api/v1/runs/{api.SaeId}/users/99999999", HttpStatusCode.NotFound);
        using var depth = await Problem($"/api/v1/runs/{api.SaeId}/users/1?depth=101", HttpStatusCode.BadRequest);
        Assert.True(depth.RootElement.GetProperty("errors").TryGetProperty("depth", out _));
    }

    [Fact]
    public async Task Experiments_page_and_unknown_ones_are_404()
    {
        using var page = await Json("/api/v1/experiments");
        Assert.Equal(0, page.RootElement.GetProperty("offset").GetInt32());
        Assert.True(page.RootElement.GetProperty("items").ValueKind == JsonValueKind.Array);
        await Problem("/api/v1/experiments/none", HttpStatusCode.NotFound);
    }

    private async Task<JsonDocument> Json(string url)
    {
        var response = await Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }

    private async Task<JsonDocument> Problem(string url, HttpStatusCode status)
    {
        var response = await Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var doc = JsonDocument.Parse(body);
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
        return doc;
    }
}
