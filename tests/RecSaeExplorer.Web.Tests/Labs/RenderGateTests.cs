using Bunit;
using Microsoft.AspNetCore.Components;
using RecSaeExplorer.Web.Components.Labs;
using RecSaeExplorer.Web.Tests.Support;

namespace RecSaeExplorer.Web.Tests.Labs;

public sealed class RenderGateTests
{
    [Fact]
    public async Task Content_renders_again_only_when_the_key_changes()
    {
        await using var ctx = ExplorerTestContext.Create();
        int renders = 0;
        RenderFragment content = builder =>
        {
            renders++;
            builder.AddMarkupContent(0, $"<span class=\"content\">render {renders}</span>");
        };
        var cut = ctx.Render<RenderGate>(p => p.Add(g => g.Key, (1, "a")).AddChildContent(content));
        Assert.Equal(1, renders);

        cut.Render(p => p.Add(g => g.Key, (1, "a")).AddChildContent(content)); // an equal key: a slider move
        Assert.Equal(1, renders);
        Assert.Equal("render 1", cut.Find(".content").TextContent);

        cut.Render(p => p.Add(g => g.Key, (2, "a")).AddChildContent(content)); // a picker changed
        Assert.Equal(2, renders);
        Assert.Equal("render 2", cut.Find(".content").TextContent);
    }
}
