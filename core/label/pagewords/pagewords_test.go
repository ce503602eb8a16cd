package pagewords

import (
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// The pages' words add to the model's; none is empty, none replaces one.
func TestWords(t *testing.T) {
	all := map[string]string{}
	for _, part := range []map[string]string{words, genWords} {
		for k, w := range part {
			if _, twice := all[k]; twice {
				t.Errorf("%s: in two of the pages' files", k)
			}
			all[k] = w
		}
	}
	for k, w := range all {
		if w == "" {
			t.Errorf("%s: empty words", k)
		}
		if label.English.Has(k) {
			t.Errorf("%s: also one of the model's words", k)
		}
		if English.Get(k) != w {
			t.Errorf("%s: not in the build's catalogue", k)
		}
	}
	if len(English.Keys()) != len(label.English.Keys())+len(all) {
		t.Error("the build's catalogue is not the model's words and the pages'")
	}
}
