// A stand-in agent for the installed `ratchet run`: reads the arithmetic question it is given, prints the answer.
const [, , message = ''] = process.argv;
const match = /(\d+)\s*([+\-×*])\s*(\d+)/.exec(message);
if (!match) process.exit(1);
const [, a, op, b] = match;
const answers = { '+': Number(a) + Number(b), '-': Number(a) - Number(b), '×': Number(a) * Number(b) };
console.log(String(answers[op] ?? Number(a) * Number(b)));
