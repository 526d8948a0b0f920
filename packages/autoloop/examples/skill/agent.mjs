#!/usr/bin/env node
// A scripted stand-in for a coding agent such as Claude Code, so this example runs without a model:
// it writes a commit message for the change in its task, and follows a rule only when the skill it was
// given states it. Its first argument is the message Ratchet gives an attempt: the task, a blank line,
// then the steer (the skill, and on a retry the findings of the last attempt).
const message = process.argv[2] ?? '';
const field = (name) => new RegExp(`^${name}: (.*)$`, 'm').exec(message)?.[1]?.trim() ?? '';
const type = field('Type');
const scope = field('Scope');
const summary = field('Summary');
if (summary === '') {
  console.log('I could not find the change to describe.');
  process.exit(0);
}
// What the task says is above the first blank line; the skill is below it.
const skill = message.slice(message.indexOf('\n\n') + 2);
let subject = summary;
if (/lower-?case/i.test(skill)) subject = subject[0].toLowerCase() + subject.slice(1);
if (/conventional commits/i.test(skill)) subject = `${type}(${scope}): ${subject}`;
if (/72 characters/i.test(skill) && subject.length > 72) subject = subject.slice(0, 72).trimEnd();
console.log(subject);
