//go:build goexperiment.greenteagc

package allocsuite

// greenteagcExperiment is 1: the binary was built with the greenteagc experiment on
// (by GOEXPERIMENT or as the toolchain's default).
const greenteagcExperiment = 1
