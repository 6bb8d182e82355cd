using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Faithful.Cli.Tests.Browser;

/// <summary>
/// Headless Chromium for report tests: finds the browser, dumps the DOM it built, and measures where it laid out
/// the plots' parts (titles, legends, tick labels) with real fonts.
/// </summary>
internal static partial class Chromium
{
    public const string SkipReason = "Chromium is not installed (looked for chromium, chromium-browser, google-chrome on PATH); .ci/run installs it.";

    // Test-only measuring script: the report itself has no scripts and a CSP that forbids them, so the harness copies
    // the page without its CSP, appends this, and reads the boxes back from the dumped DOM.
    private const string MeasureScript = """
        <script>
        (() => {
          const box = e => { if (!e) return null; const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
          const panels = [...document.querySelectorAll('svg.plot')].map(svg => ({
            id: svg.id,
            svg: box(svg),
            title: svg.querySelector('text.panel-title')?.textContent ?? null,
            titleBox: box(svg.querySelector('text.panel-title')),
            legend: box(svg.querySelector('g.legend')),
            area: box(svg.querySelector('rect.plot-area')),
            xTicks: [...svg.querySelectorAll('text.tick.x')].map(t => ({ text: t.textContent, box: box(t) })),
            points: [...svg.querySelectorAll('circle.point')].map(c => ({ metric: c.dataset.metric, length: +c.dataset.length, box: box(c) })),
            bars: [...svg.querySelectorAll('rect.bar[data-length]')].map(b => ({ length: +b.dataset.length, box: box(b) })),
          }));
          const legends = [...document.querySelectorAll('ul.mode-legend')].map(box);
          const out = document.createElement('pre');
          out.id = 'measured';
          out.textContent = JSON.stringify({ panels, legends });
          document.body.appendChild(out);
        })();
        </script>
        """;

    public static string? Find()
    {
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Loads <paramref name="page"/> and returns the DOM Chromium built from it.</summary>
    public static async Task<string> DumpDomAsync(string chromium, string page, string profile)
    {
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,2000", $"--user-data-dir={profile}", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var dom = await stdout;
        Assert.True(dom.Contains("<body", StringComparison.Ordinal), "Chromium printed no DOM: " + await stderr);
        return dom;
    }

    /// <summary>Lays out <paramref name="reportHtml"/> in Chromium and returns the measured boxes as JSON.</summary>
    public static async Task<string> MeasureAsync(string chromium, string reportHtml, string folder)
    {
        var page = Path.Combine(folder, "measure.html");
        var withoutCsp = CspMeta().Replace(reportHtml, "", 1);
        Assert.NotEqual(reportHtml, withoutCsp);
        await File.WriteAllTextAsync(page, withoutCsp.Replace("</body>", MeasureScript + "</body>", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var dom = await DumpDomAsync(chromium, page, Path.Combine(folder, "profile-measure"));
        var match = Measured().Match(dom);
        Assert.True(match.Success, "the measuring script wrote nothing");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>")]
    private static partial Regex CspMeta();

    [GeneratedRegex("<pre id=\"measured\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Measured();
}
