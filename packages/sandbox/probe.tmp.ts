import { leaseEngine } from './src/engine/engine-pool';

for (const code of [
  `const keep = []; try { for (;;) keep.push('x'.repeat(1000) + keep.length); } catch (e) {} 1`,
  `const keep = []; try { for (;;) keep.push(new Array(100).fill(1)); } catch (e) {} 1`,
  `const keep = []; for (;;) keep.push('x'.repeat(1000) + keep.length);`,
  `const keep = []; try { for (;;) keep.push('x'.repeat(1000)); } catch (e) {} 1`,
  `const keep = []; try { for (;;) keep.push('abc' + keep.length); } catch (e) {} 1`,
]) {
  const lease = await leaseEngine(2 * 1024 * 1024);
  const rt = lease.module.newRuntime();
  rt.setMemoryLimit(2 * 1024 * 1024);
  const c = rt.newContext();
  const r = c.evalCode(code, 'x.js', { type: 'global' });
  console.log(r.error ? JSON.stringify(c.dump(r.error)) : c.dump(r.value));
  (r.error ?? r.value).dispose();
  try {
    c.dispose();
    rt.dispose();
    console.log('disposed');
  } catch (e) {
    console.log('ABORT', String(e).slice(0, 80));
  }
}
