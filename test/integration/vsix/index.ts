// extensionTestsPath for the packaged-extension check: Sourced is installed from the .vsix
// (scripts/vscode/vsix-probe is the development extension that only hosts these tests).
import { runSuite } from '../runSuite';

export function run(): Promise<void> {
  return runSuite(__dirname, '.check.js');
}
