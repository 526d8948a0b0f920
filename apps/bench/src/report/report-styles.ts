/** The report's stylesheet: readable tables and the outcome colours of the per-task grid. */
export const reportStyles = `
body { font: 14px/1.45 system-ui, sans-serif; color: #1b1d21; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d5d8dd; padding-bottom: 0.2rem; }
.meta, .note, .ci { color: #5b616b; }
.warning { border-left: 4px solid #c2410c; padding: 0.2em 0.8em; background: #fff7ed; }
.warning pre { white-space: pre-wrap; }
.reading { font-weight: 600; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #d5d8dd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f2f4f7; }
table.manifest th { background: #f7f8fa; white-space: nowrap; }
ul.plain { list-style: none; margin: 0; padding: 0; }
.flags li { color: #9a3412; }
.front { color: #c2410c; font-weight: 600; }
.family-primary { color: #1f5fbf; font-weight: 600; }
.family-decomposition { color: #0f766e; }
.family-exploratory { color: #5b616b; }
.chart { position: relative; width: 100%; }
.grid td { min-width: 7rem; }
.grid td.empty { color: #9aa0a8; }
.bar { display: flex; height: 0.8rem; border-radius: 2px; overflow: hidden; background: #eef0f3; }
.share { font-size: 0.8rem; color: #3c4149; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; vertical-align: middle; margin-left: 0.6rem; }
.o-resolved { background: #16a34a; }
.o-failed { background: #dc2626; }
.o-infra { background: #6b7280; }
.o-unjudged { background: #eab308; }
`;
