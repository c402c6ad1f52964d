// The command line (commander): each command lives in its own file, parses its flags and calls the
// core. The configuration is loaded per command so that `analyse` and `deadline` need no mailbox settings.
import { Command } from 'commander';
import { addAnalyseCommand } from './analyse-command.js';
import { addCaseCommand } from './case-command.js';
import { addCaseCorrectCommand } from './case-correct-command.js';
import { addCasesCommand } from './cases-command.js';
import { addClassifierCommand } from './classifier-command.js';
import { addDeadlineCommand } from './deadline-command.js';
import { addExportCommand } from './export-command.js';
import { addHolidaysCommand } from './holidays-command.js';
import { addImportCommand } from './import-command.js';
import { addMigrateCommand } from './migrate-command.js';
import { addPurgeCommand } from './purge-command.js';
import { addRemindersCommand } from './reminders-command.js';
import { addReportCommand } from './report-command.js';
import { addRunCommand } from './run-command.js';
import { addWebCommand } from './web-command.js';
import type { CommandContext } from './with-database.js';

const COMMANDS: readonly ((program: Command, context: CommandContext) => void)[] = [
  addMigrateCommand, addRunCommand, addAnalyseCommand, addCasesCommand, addDeadlineCommand, addClassifierCommand,
  addCaseCommand, addCaseCorrectCommand, addPurgeCommand, addExportCommand, addRemindersCommand, addHolidaysCommand, addImportCommand, addWebCommand,
  addReportCommand,
];

export function buildProgram(env: NodeJS.ProcessEnv = process.env): Command {
  const program = new Command('foi-intake')
    .description('Freedom of Information intake: reads the FOI mailbox, opens cases with statutory deadlines, acknowledges requesters and briefs officers.')
    .showHelpAfterError();
  const context: CommandContext = { env, write: (line) => process.stdout.write(`${line}\n`) };
  for (const add of COMMANDS) add(program, context);
  return program;
}
