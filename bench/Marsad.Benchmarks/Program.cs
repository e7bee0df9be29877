using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Marsad.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
