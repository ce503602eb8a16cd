package core

import "testing"

// evaluate is Evaluate of a scenario the test expects to build.
func evaluate(t *testing.T, s Scenario) Result {
	t.Helper()
	r, err := Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// refusedAt checks that err refuses an input at field; what says what was
// tried.
func refusedAt(t *testing.T, err error, field, what string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s accepted", what)
	} else if e, ok := err.(*InputError); !ok || e.Field != field {
		t.Errorf("%s: error %v, want one at %s", what, err, field)
	}
}

// edited is the default scenario after edit.
func edited(edit func(*Scenario)) Scenario {
	s := DefaultScenario()
	edit(&s)
	return s
}
