// The processes log JSON lines (pino, for log collectors); in a terminal `pnpm start` shows them
// as readable lines: level (when not info), message, then the other fields as key=value.
const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

export function readableLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const { level, msg, err, time: _time, pid: _pid, hostname: _host, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const label = LEVELS[Number(level)];
    const extra = Object.entries(fields)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    const stack = err && typeof err === 'object' && 'stack' in err ? `\n${String(err.stack)}` : '';
    return `${label ? `${label} ` : ''}${String(msg ?? '')}${extra ? `  ${extra}` : ''}${stack}`;
  } catch {
    return line;
  }
}
