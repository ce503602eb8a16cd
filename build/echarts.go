package main

import (
	"fmt"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Our copy of ECharts holds only what the site's charts use: bar and line
// series, a grid with its axes, the title, tooltip, legend, toolbox,
// markLine and aria components, and the SVG renderer. esbuild bundles it
// from the npm package's ES modules into one script that sets
// window.echarts, as echarts.min.js does; the charts are the same.
const echartsEntry = `import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, TitleComponent, TooltipComponent, LegendComponent, ToolboxComponent, MarkLineComponent, AriaComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
echarts.use([BarChart, LineChart, GridComponent, TitleComponent, TooltipComponent, LegendComponent, ToolboxComponent, MarkLineComponent, AriaComponent, SVGRenderer]);
window.echarts = echarts;
`

// echartsBundle builds that script from node_modules under root.
func echartsBundle(root string) ([]byte, error) {
	r := api.Build(api.BuildOptions{
		Stdin:             &api.StdinOptions{Contents: echartsEntry, ResolveDir: root, Sourcefile: "echarts-entry.js", Loader: api.LoaderJS},
		Bundle:            true,
		Write:             false,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2017,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		TreeShaking:       api.TreeShakingTrue,
		LegalComments:     api.LegalCommentsEndOfFile,
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`, "__DEV__": "false"},
		LogLevel:          api.LogLevelSilent,
	})
	if len(r.Errors) > 0 {
		var msgs []string
		for _, e := range r.Errors {
			msgs = append(msgs, e.Text)
		}
		return nil, fmt.Errorf("esbuild: %s", strings.Join(msgs, "; "))
	}
	if len(r.OutputFiles) != 1 {
		return nil, fmt.Errorf("esbuild: %d outputs", len(r.OutputFiles))
	}
	return r.OutputFiles[0].Contents, nil
}
