import { CountTotal } from './count-total';
import type { EventStreamParser, TraceEventDraft } from './event-stream-parser';
import { messageEvent } from './plain-text-parser';
import { streamUsage } from './stream-usage';
import { TextBlock } from './text-block';

/** `Tokens: 2.4k sent, 12 cache write, 1.1k cache hit, 210 received. Cost: $0.01 message, $0.02 session.` */
const usageLine =
  /^Tokens: ([\d.,]+k?) sent(?:, [\d.,]+k? cache write)?(?:, [\d.,]+k? cache hit)?, ([\d.,]+k?) received\.(?: Cost: \$([\d.]+) message, \$([\d.]+) session\.)?/;
/** Errors aider prints: litellm exceptions, its own API error lines, and their explanations. */
const errorLine =
  /^(?:litellm\.\w+|API Error:|Unexpected error:|\w*(?:Error|Exception):|The API provider |Traceback \(most recent call last\))/;
/** Aider's own status lines: banners, file and git notices, retry notices. */
const statusLine =
  /^(?:Aider v\d|Main model:|Weak model:|Editor model:|Model:|Git repo:|Repo-map:|Added .+ to the chat|Applied edit to |Commit [0-9a-f]{7,} |Retrying in [\d.]+ seconds|Warning:|https:\/\/aider\.chat\/|Can't initialize prompt toolkit|Use \/help)/;
// Built from a string so the escape character does not sit in a regex literal.
const ansiEscape = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/**
 * Parser for Aider run as `aider --message <prompt> --yes-always --no-pretty`, which prints plain
 * text: banner and status lines, the model's reply (edit blocks included), errors, and after each
 * model call a `Tokens: … sent, … received. Cost: $… message, $… session.` line. Status lines become
 * `log` events, error lines `error` events, and the rest is the reply: `message` events and the
 * output. A best-effort reading of text meant for people, not a documented format.
 *
 * Usage: turns = the number of usage lines (one per model call); tokensIn and tokensOut = the sums of
 * `sent` and `received`, which aider rounds (`2.4k`); usd = the last `session` cost, computed by aider
 * itself (`measured`), or null when aider printed no cost (a model it has no price for).
 */
export function aiderParser(): EventStreamParser {
  const reply = new TextBlock();
  let block = new TextBlock();
  const errors: string[] = [];
  let turns = 0;
  const tokensIn = new CountTotal();
  const tokensOut = new CountTotal();
  let usd: number | null = null;

  function flushBlock(): TraceEventDraft[] {
    if (block.isEmpty) return [];
    const event = messageEvent(block);
    block = new TextBlock();
    return [event];
  }

  return {
    parseLine(rawLine) {
      const line = rawLine.replace(ansiEscape, '');
      const usage = usageLine.exec(line);
      if (usage !== null) {
        turns += 1;
        tokensIn.add(tokenCount(usage[1]));
        tokensOut.add(tokenCount(usage[2]));
        usd = usage[4] === undefined ? null : Number(usage[4]);
        return [...flushBlock(), { type: 'log', data: { kind: 'usage', text: line } }];
      }
      if (errorLine.test(line)) {
        errors.push(line);
        return [...flushBlock(), { type: 'error', data: { message: line } }];
      }
      if (statusLine.test(line)) return [...flushBlock(), { type: 'log', data: { kind: 'status', text: line } }];
      // Blank lines inside a reply are kept; leading ones are not worth an event.
      if (line.trim() === '' && block.isEmpty) return [];
      block.add(line);
      reply.add(line);
      return [];
    },
    flush: flushBlock,
    finish() {
      const output = reply.text.trim();
      return {
        output: output === '' ? null : output,
        usage: streamUsage({
          turns: turns > 0 ? turns : null,
          tokensIn: tokensIn.value,
          tokensOut: tokensOut.value,
          usd,
        }),
        // A usage line means a model call came back; errors with none mean every call failed.
        status: turns > 0 ? 'succeeded' : errors.length > 0 ? 'failed' : 'unknown',
        errors,
        providerFailures: [],
      };
    },
  };
}

/** Reads aider's token figures: `950`, `2.4k`, `12k`, and older `1,234`. */
function tokenCount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const thousands = text.endsWith('k');
  const value = Number(text.replace(/[,k]/g, ''));
  if (!Number.isFinite(value)) return null;
  return Math.round(thousands ? value * 1000 : value);
}
