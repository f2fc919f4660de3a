//go:build !goexperiment.greenteagc

package allocsuite

// greenteagcExperiment is 0: the binary was built with the greenteagc experiment off.
const greenteagcExperiment = 0
