import * as vscode from 'vscode';

const KEPT_LINES = 2000;

/** The "Sourced" output channel, also keeping its recent lines so tests can read what it says. */
export class LogChannel implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Sourced');
  private readonly lines: string[] = [];

  appendLine(line: string): void {
    this.channel.appendLine(line);
    this.lines.push(line);
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
  }

  show(preserveFocus: boolean): void {
    this.channel.show(preserveFocus);
  }

  text(): string {
    return this.lines.join('\n');
  }

  dispose(): void {
    this.channel.dispose();
  }
}
