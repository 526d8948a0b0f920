export { buildProgram } from './program';
export { progressPrinter } from './progress-printer';
export { type HtmlReportInput, paretoArms, renderHtmlReport } from './report';
export { terminalReport } from './terminal-report';
export { UsageError } from './usage-error';
