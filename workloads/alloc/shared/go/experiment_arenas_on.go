//go:build goexperiment.arenas

package allocsuite

// arenasExperiment is 1: the binary was built with the arenas experiment on
// (by GOEXPERIMENT or as the toolchain's default).
const arenasExperiment = 1
