using Marsad.Cli;

return MarsadCommand.Create().Parse(args).Invoke();
