using System.CommandLine;
using Marsad.Cli.Commands;

namespace Marsad.Cli;

/// <summary>The root command: every subcommand and the options they share.</summary>
public static class MarsadCommand
{
    public static RootCommand Create()
    {
        var options = new SharedOptions();
        var root = new RootCommand(
            "Marsad turns conflict reports into a sourced record of who was killed, injured, detained or forced out, how many, when and where.")
        {
            options.Database,
            options.Profile,
        };
        root.Subcommands.Add(IngestCommand.Create(options));
        root.Subcommands.Add(FailuresCommand.Create(options));
        root.Subcommands.Add(ExtractCommand.Create(options));
        root.Subcommands.Add(DocumentsCommand.Create(options));
        root.Subcommands.Add(ClaimsCommand.Create(options));
        root.Subcommands.Add(ShowCommand.Create(options));
        root.Subcommands.Add(PlacesCommand.Create(options));
        root.Subcommands.Add(GazetteerCommand.Create(options));
        root.Subcommands.Add(TallyCommand.Create(options));
        root.Subcommands.Add(SeriesCommand.Create(options));
        root.Subcommands.Add(ChecksCommand.Create(options));
        root.Subcommands.Add(ExportCommand.Create(options));
        root.Subcommands.Add(ChartCommand.Create(options));
        root.Subcommands.Add(SourcesCommand.Create(options));
        root.Subcommands.Add(WatchCommand.Create(options));
        root.Subcommands.Add(AlertsCommand.Create(options));
        root.Subcommands.Add(ServeCommand.Create(options));
        root.Subcommands.Add(ReviewCommand.Create(options));
        root.Subcommands.Add(RetractCommand.Create(options));
        root.Subcommands.Add(UsersCommand.Create(options));
        root.Subcommands.Add(BackupCommand.Create(options));
        root.Subcommands.Add(ReextractCommand.Create(options));
        root.Subcommands.Add(WorkerCommand.Create(options));
        root.Subcommands.Add(QueueCommand.Create(options));
        root.Subcommands.Add(EvalCommand.Create(options));
        root.Subcommands.Add(LintDataCommand.Create());
        root.Subcommands.Add(DemoCommand.Create(options));
        return root;
    }
}
