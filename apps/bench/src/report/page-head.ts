import { escapeHtml } from './escape-html';
import { reportStyles } from './report-styles';

/** The opening of a self-contained report page, up to and including its `<h1>`: one look for every report. */
export function pageHead(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${reportStyles}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>`;
}
