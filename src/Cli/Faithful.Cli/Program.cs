using Faithful.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);
