//go:build !goexperiment.arenas

package allocsuite

// arenasExperiment is 0: the binary was built with the arenas experiment off.
const arenasExperiment = 0
