using System.Net;
using RecSaeExplorer.Web.Tests.Browser;

namespace RecSaeExplorer.Web.Tests.Neurons;

/// <summary>Item, user and neuron links whose id is not a whole number, or does not fit one, name the value (HTTP 200), never a 500.</summary>
public sealed class BadIdLinkTests(ExplorerServer server) : IClassFixture<ExplorerServer>
{
    [Theory]
    [InlineData("items/sae-1/abc", "item 'abc' is not a valid id")]
    [InlineData("items/sae-1/99999999999", "item '99999999999' is not a valid id")]
    [InlineData("users/sae-1/x1", "user 'x1' is not a valid id")]
    [InlineData("users/sae-1/99999999999", "user '99999999999' is not a valid id")]
    [InlineData("neurons/sae-1/abc", "neuron 'abc' is not a valid id")]
    [InlineData("neurons/sae-1/99999999999", "neuron '99999999999' is not a valid id")]
    public async Task A_bad_id_in_the_path_is_named(string path, string expected)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
