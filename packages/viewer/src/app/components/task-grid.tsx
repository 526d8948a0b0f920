import type { GridCell, RunGrid } from '../../index';
import { Link, pathOf } from '../router';

function mark(cell: GridCell): { text: string; class: string; title: string } {
  const base = `${cell.armId} · ${cell.taskId} · replicate ${cell.replicate} · ${cell.attempts} attempts`;
  if (cell.status === 'infra') return { text: 'I', class: 'infra', title: `${base} · infra failure (excluded)` };
  if (cell.strategyFailed) return { text: '!', class: 'fail', title: `${base} · the strategy program failed` };
  if (cell.resolved === null) return { text: '?', class: 'unjudged', title: `${base} · not judged` };
  return cell.resolved
    ? { text: '✓', class: 'pass', title: `${base} · resolved` }
    : { text: '✗', class: 'fail', title: `${base} · not resolved` };
}

/** Tasks as rows, arms as columns, one square per replicate linking to its cell page. */
export function TaskGrid(props: { runId: string; grid: RunGrid }) {
  const byKey = new Map<string, GridCell[]>();
  for (const cell of props.grid.cells) {
    const key = `${cell.taskId}\u0000${cell.armId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), cell]);
  }
  return (
    <table class="grid">
      <thead>
        <tr>
          <th>task</th>
          {props.grid.arms.map((arm) => (
            <th>{arm}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.grid.taskIds.map((taskId) => (
          <tr>
            <td class="task">{taskId}</td>
            {props.grid.arms.map((arm) => (
              <td>
                {(byKey.get(`${taskId}\u0000${arm}`) ?? [])
                  .sort((a, b) => a.replicate - b.replicate)
                  .map((cell) => {
                    const shown = mark(cell);
                    return (
                      <Link
                        href={pathOf('runs', props.runId, 'cells', cell.cellId)}
                        class={`square ${shown.class}`}
                        title={shown.title}
                      >
                        {shown.text}
                      </Link>
                    );
                  })}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
