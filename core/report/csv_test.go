package report

import (
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// A text cell a spreadsheet would run as a formula is kept as text;
// numbers, negative ones too, stay numbers, without float noise; null is
// empty and a list is its JSON.
func TestCSVCells(t *testing.T) {
	list, _ := wire.Parse([]byte(`["dac","cpo"]`))
	null, _ := wire.Parse([]byte(`null`))
	yes, _ := wire.Parse([]byte(`true`))
	num, _ := wire.Parse([]byte(`500.00000000000085`))
	for _, c := range []struct {
		in   any
		want string
	}{
		{"=1+1", "'=1+1"}, {"+cmd", "'+cmd"}, {"-x", "'-x"}, {"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"}, {"\rx", "\"'\rx\""},
		{"plain", "plain"}, {-3.0, "-3"}, {500.00000000000085, "500"}, {"a,b", `"a,b"`}, {`say "hi"`, `"say ""hi"""`},
		{&list, `"[""dac"",""cpo""]"`}, {&null, ""}, {&yes, "true"}, {&num, "500"}, {1e-7, "1e-7"}, {123456789012345.0, "123456789012000"},
	} {
		var got string
		switch x := c.in.(type) {
		case string:
			got = text(x)
		case float64:
			got = number(x)
		case *wire.Value:
			got = cell(x)
		}
		if got != c.want {
			t.Errorf("cell %v = %q, want %q", c.in, got, c.want)
		}
	}
}

// A result's CSV: its address, then a section per part of the result whose
// columns are the result's fields as core lists them; a cluster that
// cannot be built says so first, with what fails.
func TestCSV(t *testing.T) {
	r, _ := core.Evaluate(core.DefaultScenario())
	csv, err := In(label.English).CSV(&r, "https://example.org/calculator/")
	if err != nil {
		t.Fatal(err)
	}
	var tierCols []string
	for _, f := range core.ResultFields(label.English) {
		if rest, ok := strings.CutPrefix(f.Pattern, "tiers[]."); ok && !strings.ContainsAny(rest, ".[") {
			tierCols = append(tierCols, rest)
		}
	}
	for _, want := range []string{"# scenario,https://example.org/calculator/\n\n# tiers\n" + strings.Join(tierCols, ",") + "\n", "\n# totals\nquantity,value\n", "\ninterconnect_watts,", "\n# by_stage\n", "\n# scale_up\nquantity,value\n"} {
		if !strings.Contains(csv, want) {
			t.Errorf("no %q in\n%.400s", want, csv)
		}
	}
	if strings.Count(csv, "\n") < 30 || strings.Contains(csv, "0000000001") || strings.Contains(csv, "9999999999") {
		t.Errorf("CSV:\n%.400s", csv)
	}
	s := core.DefaultScenario()
	s.Tiers = append([]core.Tier(nil), s.Tiers...)
	s.Tiers[0].Tech, s.Tiers[0].LengthM = core.DAC, 30
	bad, _ := core.Evaluate(s)
	csv, _ = In(label.English).CSV(&bad, "https://example.org/calculator/")
	lines := strings.Split(csv, "\n")
	if !strings.HasPrefix(lines[0], "# not buildable") || !strings.HasPrefix(lines[1], "# ") || !strings.Contains(csv, "#v=1&") {
		t.Errorf("a cluster that cannot be built:\n%.400s", csv)
	}
}

// A comparison's CSV gives A's and B's whole addresses, B's numbers
// against A's, then B's CSV and A's.
func TestComparisonCSV(t *testing.T) {
	sa, sb := core.DefaultScenario(), core.DefaultScenario()
	sa.GPUs, sb.GPUs = 8192, 4096
	a, _ := core.Evaluate(sa)
	b, _ := core.Evaluate(sb)
	csv, err := In(label.English).ComparisonCSV(&a, &b, "http://host/calculator/")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"scenario,permalink\nA,http://host/calculator/#v=1&gpus=8192\nB,http://host/calculator/#v=1&gpus=4096\n", "\ntotals.interconnect_watts,W,", "\n# B\n# scenario,http://host/calculator/#v=1&gpus=4096\n", "\n\n# A\n# scenario,http://host/calculator/#v=1&gpus=8192\n"} {
		if !strings.Contains(csv, want) {
			t.Errorf("no %q in the comparison", want)
		}
	}
}
