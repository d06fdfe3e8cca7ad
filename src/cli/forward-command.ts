import { Command } from 'commander';

/**
 * A subcommand whose implementation is a development tool in scripts/ (eval, bench): it loads
 * that tool only when run (so the other subcommands start without it) and hands it every
 * argument and option as given, --help included (the tool describes its own options).
 */
export function forwardingCommand(name: string, description: string, load: () => Promise<Command>): Command {
  return new Command(name)
    .description(description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[arguments...]', 'passed to the tool (see --help)')
    .action(async (_args: string[], _opts: unknown, command: Command) => {
      const tool = await load();
      await tool.exitOverride().parseAsync(command.args, { from: 'user' });
    });
}
