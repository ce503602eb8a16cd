package pagewords

import (
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// The pages' words add to the model's; none is empty, none replaces one.
func TestWords(t *testing.T) {
	for k, w := range words {
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
	if len(English.Keys()) != len(label.English.Keys())+len(words) {
		t.Error("the build's catalogue is not the model's words and the pages'")
	}
}
