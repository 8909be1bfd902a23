// The `nb` command line. Subcommands live in their own files and are listed in `NB.swift`.
import NBLearning

AllocatorTuning.configureForTensorWork()
NB.runAndExit()
