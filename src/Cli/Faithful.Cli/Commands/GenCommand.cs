using System.CommandLine;
using System.Globalization;
using Faithful.Cli.Running;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Cli.Commands;

/// <summary><c>faithful gen</c>: writes the study grid's generated programs as compilable C# files, one per program length.</summary>
internal static class GenCommand
{
    public static Command Create(CliConsole console)
    {
        var lengths = new Option<string?>("--lengths") { Description = "Program lengths, e.g. 5,14,23 or 5..95/9 (default: the study's 5..95 in steps of 9)." };
        var depths = new Option<string?>("--depths") { Description = "Look-back depths (register counts for register variants), e.g. 1..5." };
        var variants = new Option<string[]>("--variant") { Description = "long, double, long-<mix>, register, register-sum (repeatable; default long)." };
        var perCell = new Option<int>("--programs-per-cell") { Description = "Programs per grid cell.", DefaultValueFactory = _ => 1 };
        var seed = new Option<ulong>("--seed") { Description = "Generation seed.", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for the .cs files.", DefaultValueFactory = _ => "generated" };
        var ns = new Option<string>("--namespace") { Description = "Namespace of the generated classes.", DefaultValueFactory = _ => "Faithful.Generated.Study" };
        var command = new Command("gen", "Write generated programs (the study grid) as C# files of [ReferenceProgram] methods, one file per program length.")
        {
            lengths, depths, variants, perCell, seed, outDir, ns,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            var grid = StudyGrid.Default;
            try
            {
                grid = grid with
                {
                    Lengths = parse.GetValue(lengths) is { } l ? IntList.Parse(l, "--lengths").ToEquatableArray() : grid.Lengths,
                    Depths = parse.GetValue(depths) is { } d ? IntList.Parse(d, "--depths").ToEquatableArray() : grid.Depths,
                    Variants = parse.GetValue(variants) is { Length: > 0 } v ? v.Select(GridVariant.Parse).ToEquatableArray() : grid.Variants,
                    ProgramsPerCell = Math.Max(1, parse.GetValue(perCell)),
                    Seed = parse.GetValue(seed),
                };
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }

            var directory = parse.GetValue(outDir)!;
            Directory.CreateDirectory(directory);
            var total = 0;
            foreach (var group in PlanBuilder.GridPrograms(grid).GroupBy(p => p.Steps.Count).OrderBy(g => g.Key))
            {
                var className = string.Create(CultureInfo.InvariantCulture, $"ProgramsOfLength{group.Key}");
                RenderedFile file;
                try
                {
                    file = CSharpProgramWriter.Write(group, parse.GetValue(ns)!, className);
                }
                catch (ArgumentException e)
                {
                    throw new CliException(e.Message);
                }

                var path = Path.Combine(directory, className + ".cs");
                File.WriteAllText(path, file.Source);
                total += file.Programs.Count;
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {file.Programs.Count} programs of {group.Key} steps: {path}"));
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} programs in {directory}; add the files to a project that references Faithful.Analyzers to get their catalog."));
            return 0;
        }));
        return command;
    }
}
