package allocsuite

import "testing"

func TestOnlyTiersWithChurnRunIt(t *testing.T) {
	if err := DefaultTier.checkChurn(); err != nil {
		t.Errorf("the default tier refused churn: %v", err)
	}
	arena := Tier{Name: "arena"}
	want := "BENCHCTL_PARAM_OP=churn: the arena tier has no churn (it frees blocks one by one, which an arena cannot)"
	if err := arena.checkChurn(); err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
